"""Requirement extraction from job postings of every shape, and the skill vocabulary behind it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockview.prep.posting_text import blocks
from mockview.prep.requirements import extract, gist
from mockview.prep.sections import classify, is_known_heading
from mockview.prep.skills import find_skills, skill, skills_in, vocabulary, vocabulary_words

JOBS = Path(__file__).parent / "data" / "jobs"


def posting(name: str):
    return extract((JOBS / name).read_text(encoding="utf-8"))


def names(requirements, *, must: bool, kind: str | None = None) -> list[str]:
    return [r.name for r in requirements if r.must == must and (kind is None or r.kind == kind)]


EXPECTED = {
    "backend-engineer.txt": (
        ["building backend services in production", "Go or Python", "PostgreSQL", "Docker, Kubernetes and AWS",
         "communication"],
        ["Kafka"],
    ),
    "barista-prose.txt": (
        ["friendly barista to join a small team of five", "customer service",
         "available to work at least two weekend days each month", "busy coffee shop"],
        ["latte art skills"],
    ),
    "retail-assistant.txt": (
        ["customer service", "cash handling", "lift bags of compost up to 20kg",
         "available to work Saturdays and bank holidays", "love of plants"],
        [],
    ),
    "data-analyst-nice.md": (
        ["SQL", "Excel", "Power BI or Tableau", "communication", "attention to detail"],
        ["Python and pandas", "UK energy market", "Google Analytics"],
    ),
    "pdf-copy-ops.txt": (
        ["logistics", "Excel", "time management"],
        ["driving licence"],
    ),
    "product-designer.md": (
        ["designing mobile products that shipped", "Figma", "user research",
         "portfolio that shows your process, not only the final screens", "accessibility"],
        ["designing for education", "UX design, HTML, CSS and React"],
    ),
    "staff-nurse.txt": (
        ["NMC registration", "professional development", "communication", "safeguarding",
         "work shifts, including nights and weekends"],
        ["IV therapy", "acute medicine or A&E", "mentorship qualification"],
    ),
    "graduate-scheme.txt": (
        ["degree", "analytical skills", "Excel", "communication", "teamwork and problem solving"],
        ["interest in financial services or economics", "part-time job, volunteering or a society role"],
    ),
    "warehouse-caps.txt": (
        ["leadership", "forklift", "IT skills for our handheld scanners and stock system", "reliability"],
        ["food hygiene"],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_posting_gives_its_must_haves_and_nice_to_haves(name: str) -> None:
    found = posting(name)
    must, nice = EXPECTED[name]
    assert names(found.requirements, must=True, kind="requirement") == must
    assert names(found.requirements, must=False) == nice


def test_bulleted_tech_posting_keeps_duties_apart_with_their_lines() -> None:
    found = posting("backend-engineer.txt")
    duties = [r for r in found.requirements if r.kind == "duty"]
    assert [d.line for d in duties] == [7, 8, 9, 10]
    assert all(d.must and d.section == "What you'll do" for d in duties)
    assert duties[0].skills == ("REST APIs", "Go")
    either = next(r for r in found.requirements if r.name == "Go or Python")
    assert either.any_of and either.line == 14 and either.section == "Requirements"
    all_three = next(r for r in found.requirements if r.skills == ("Docker", "Kubernetes", "AWS"))
    assert not all_three.any_of
    kafka = next(r for r in found.requirements if r.name == "Kafka")
    assert not kafka.must  # "... is a plus" inside the Requirements list
    assert (found.role, found.company) == ("Senior Backend Engineer", "Tidewater Payments")


def test_prose_posting_tells_must_from_bonus_by_its_words() -> None:
    found = posting("barista-prose.txt")
    latte = next(r for r in found.requirements if "latte" in r.name)
    assert not latte.must and latte.text == "Latte art skills would be a bonus."
    assert found.role == "Barista"
    # the pay and how to apply are not requirements
    assert not any("wage" in r.text or "apply" in r.text for r in found.requirements)


def test_pdf_copy_lines_are_joined_back_into_bullets() -> None:
    found = posting("pdf-copy-ops.txt")
    texts = [r.text for r in found.requirements]
    assert "Plan daily picking and dispatch schedules for a team of 40 warehouse operatives" in texts
    assert ("Experience of warehouse operations or supply chain coordination, ideally in a fast-paced "
            "distribution centre") in texts
    assert "Excellent organisational skills and the ability to manage competing priorities" in texts
    licence = next(r for r in found.requirements if r.name == "driving licence")
    assert not licence.must and licence.line == 32
    assert (found.role, found.company) == ("Operations Coordinator", "Fenwick & Hale Logistics")


def test_markdown_posting_reads_headings_bold_and_star_bullets() -> None:
    found = posting("product-designer.md")
    figma = next(r for r in found.requirements if r.name == "Figma")
    assert figma.text == "Expert in **Figma**, including components and auto layout"
    assert figma.section == "About you" and figma.line == 13
    assert list(found.values) == ["transparency", "curiosity", "low ego"]  # as the posting says them
    assert found.company == "Quillfeather"


def test_nurse_person_specification_has_essential_and_desirable() -> None:
    found = posting("staff-nurse.txt")
    registration = next(r for r in found.requirements if r.name == "NMC registration" and r.kind == "requirement")
    assert registration.must and registration.section == "Essential"
    iv = next(r for r in found.requirements if r.name == "IV therapy" and r.kind == "requirement")
    assert not iv.must and iv.section == "Desirable"
    assert {"respect", "kindness", "teamwork"} <= set(found.values)
    assert "trust" not in found.values  # "NHS Foundation Trust" is a name, not a value


def test_graduate_scheme_numbered_lists_and_labelled_company() -> None:
    found = posting("graduate-scheme.txt")
    assert found.company == "Ashgrove Building Society"
    assert not any(r.name == "accounting qualification" for r in found.requirements)  # offered, not asked
    degree = next(r for r in found.requirements if r.name == "degree")
    assert degree.text == "A 2:1 degree in any discipline (or expecting one in 2027)" and degree.line == 10


def test_capital_headings_and_lettered_bullets() -> None:
    found = posting("warehouse-caps.txt")
    assert found.role == "Warehouse Team Leader - Nights" and found.company == "Ridgeway Foods"
    assert [r.line for r in found.requirements if r.kind == "duty"] == [5, 6, 7, 8]


def test_a_retail_posting_labels_and_values() -> None:
    found = posting("retail-assistant.txt")
    assert (found.role, found.company) == ("Sales Assistant", "Larkspur Home & Garden")
    assert found.values == ("community",)
    assert not any("discount" in r.text.lower() for r in found.requirements)


def test_nothing_recognisable_is_empty() -> None:
    assert posting("not-a-posting.txt").empty
    assert extract("").empty


def test_extraction_is_deterministic() -> None:
    text = (JOBS / "data-analyst-nice.md").read_text()
    assert extract(text) == extract(text)


@pytest.mark.parametrize(("marker"), ["-", "*", "•", "▪", "1.", "2)", "(a)", "–"])
def test_every_bullet_kind_is_an_item(marker: str) -> None:
    text = f"Requirements\n{marker} Experience with SQL\n{marker} Confident with Excel\n"
    found = extract(text)
    assert [r.name for r in found.requirements] == ["SQL", "Excel"]


def test_bullet_sign_alone_on_its_line_takes_the_next_line() -> None:
    found = extract("What you will need\n•\nStrong Excel skills\n•\n\nExcellent communication\n")
    assert [(r.name, r.line) for r in found.requirements] == [("Excel", 2), ("communication", 4)]


def test_hyphenated_line_break_is_rejoined() -> None:
    (block,) = [b for b in blocks("- Keep stock records for the ware-\nhouse team\n", is_known_heading)]
    assert block.text == "Keep stock records for the warehouse team"


def test_short_lines_without_bullets_stay_items() -> None:
    found = extract("About you\nRetail experience\nCash handling\nFlexible availability\n")
    assert [r.text for r in found.requirements] == ["Retail experience", "Cash handling", "Flexible availability"]


def test_inline_nice_to_have_label() -> None:
    found = extract("Requirements\n- Python\n- Nice to have: Terraform\n")
    assert [(r.name, r.must) for r in found.requirements] == [("Python", True), ("Terraform", False)]


@pytest.mark.parametrize(("heading", "section"), [
    ("Requirements", "must"), ("What you'll need", "must"), ("What you’ll bring", "must"), ("About you", "must"),
    ("Qualifications", "must"), ("Who you are", "must"), ("Skills & experience", "must"),
    ("Nice to have", "nice"), ("Nice-to-haves", "nice"), ("Bonus points", "nice"), ("Desirable skills", "nice"),
    ("Preferred qualifications", "nice"), ("What you'll do", "duty"), ("Key responsibilities", "duty"),
    ("A day in the life", "duty"), ("Our values", "values"), ("How we work", "values"), ("Benefits", "other"),
    ("About Acme", "other"), ("About us", "other"), ("Where to find us", "unknown"),
])
def test_heading_variants(heading: str, section: str) -> None:
    assert classify(heading) == section


def test_a_requirement_line_is_not_a_heading() -> None:
    assert not is_known_heading("Experience with React")
    assert not is_known_heading("Retail experience")
    assert is_known_heading("Key skills")
    assert is_known_heading("About Larkspur")
    assert not is_known_heading("About 200 people work here")


@pytest.mark.parametrize(("text", "expected"), [
    ("Proven experience with stock control", "stock control"),
    ("3+ years of experience in retail", "retail"),
    ("You will have a passion for great coffee.", "great coffee"),
    ("The ability to work independently is essential", "work independently"),
])
def test_gist_drops_the_boilerplate(text: str, expected: str) -> None:
    assert gist(text) == expected


def test_vocabulary_aliases_and_ambiguous_names() -> None:
    assert [m.skill.name for m in find_skills("Strong JS and TypeScript; Postgres; K8s")] == [
        "JavaScript", "TypeScript", "PostgreSQL", "Kubernetes"]
    assert skills_in("Go above and beyond for our customers") == []  # "Go" opening a sentence is the verb
    assert [s.name for s in skills_in("We write Go and Python.")] == ["Go", "Python"]
    assert skills_in("You will excel in a busy team") == []
    assert [s.name for s in skills_in("GCSE grade C or above")] == ["GCSEs"]  # no C language
    assert [s.name for s in skills_in("We build apps in Ruby on Rails")] == ["Ruby on Rails"]
    assert [s.name for s in skills_in("C#, C++ and .NET")] == ["C#", "C++", ".NET"]


def test_vocabulary_is_well_formed() -> None:
    skills = vocabulary()
    assert len(skills) > 150
    assert len({s.name.lower() for s in skills}) == len(skills)
    categories = {"ambiguity", "communication", "conflict", "customer-focus", "failure", "influence", "initiative",
                  "leadership", "learning", "pressure", "prioritisation", "teamwork", "culture-fit", ""}
    assert {s.competency for s in skills} <= categories
    javascript = skill("javascript")
    assert javascript is not None and "JS" in javascript.keyword().synonyms
    assert {"kubernetes", "postgresql", "figma"} <= vocabulary_words()


DEPOT_ANALYST = """\
Planning Analyst at Northfold Freight

Northfold runs chilled lorries for farm shops across Yorkshire.

What you'll do
* Sit with the transport planners to understand why collections from three farms keep running late
* Report on fuel use every week

What we need
* 3+ years as an analyst, ideally in transport or wholesale
* Good SQL and Excel; experience with Power BI or Tableau
* A full UK driving licence

We value honesty, teamwork and a sense of humour.
"""


def test_a_posting_is_named_in_its_own_words_and_its_own_logic() -> None:
    """Found by a new-user run: "Power BI or Tableau" became "... Power BI and Tableau", "honesty" and "a sense
    of humour" became "integrity" and "fun", "2+ years in an analyst role, ideally in logistics" became
    "logistics", and a duty was cut off mid-phrase at "missed"."""
    found = extract(DEPOT_ANALYST)
    assert names(found.requirements, must=True, kind="requirement") == [
        "analyst", "SQL and Excel, plus Power BI or Tableau", "driving licence"]
    duties = [r.name for r in found.requirements if r.kind == "duty"]
    assert duties[0] == "sit with the transport planners"  # cut before "to understand why...", not inside it
    assert list(found.values) == ["honesty", "teamwork", "sense of humour"]
    assert skill("sense of humour") is skill("fun")  # still the vocabulary's value, for matching
    # "We value..." that asks for skills is a requirement; "e.g." qualifies as "such as" does.
    asks = extract("Job\n\nRequirements:\n* We value strong SQL and Excel skills and 2+ years in an analyst role\n")
    assert [r.name for r in asks.requirements] == ["SQL and Excel"] and asks.values == ()
    (sql,) = extract("Job\n\nRequirements:\n* Strong SQL, ideally with Python\n").requirements
    assert (sql.name, sql.skills) == ("SQL", ("SQL",))
    for example in ("e.g.", "such as"):
        (tools,) = extract(f"Job\n\nRequirements:\n* Two years with BI tools, {example} Power BI or Tableau\n").requirements
        assert tools.skills == (), example


@pytest.mark.parametrize(("title", "body", "role", "company"), [
    # The company after a dash, named again as who is hiring (found by a new-user run).
    ("Data Analyst - Brightline Freight (Leeds, hybrid)", "Brightline Freight moves parcels for retailers.",
     "Data Analyst", "Brightline Freight"),
    ("Data Analyst - Brightline Freight", "Come and work at Brightline Freight.", "Data Analyst", "Brightline Freight"),
    # A place or a team after the dash is part of the role.
    ("Data Analyst - Leeds", "We are based in Leeds, near the station.", "Data Analyst - Leeds", ""),
    ("Backend Engineer - Payments", "The Payments team owns checkout.", "Backend Engineer - Payments", ""),
])
def test_a_company_after_a_dash_in_the_title_counts_only_when_the_posting_names_it(title, body, role,
                                                                                    company) -> None:
    found = extract(f"{title}\n\nAbout us\n{body}\n\nRequirements\n- Strong SQL\n- Clear communication\n")
    assert (found.role, found.company) == (role, company)
