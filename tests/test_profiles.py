"""Company profiles: the commands, the checklist, and research answers checked against them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockview.banks.model import Keyword, Question
from mockview.errors import MockviewError
from mockview.prep.profiles import (
    Profile,
    find_profile,
    profile_from_form,
    profile_to_form,
    read_profile,
    save_profile,
    with_profile,
)

ACME = """\
company: Acme Corp
role: Backend engineer
mission: Anvils that never fail
products: [Anvil Pro, Roadrunner Tracker]
values: [customer obsession, frugality]
news: Opened a Berlin office
competitors: []
"""
ANSWER = ("Acme Corp was founded to make anvils that never fail. Its products are the Anvil Pro and the "
          "Roadrunner Tracker, sold to workshops and farms. I like that it talks about customer obsession; "
          "I read that it recently opened a Berlin office, and the growth there is why I want to join.")


def write_profile(home: Path, text: str = ACME, name: str = "acme-corp.yaml") -> Path:
    folder = home / "profiles"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_new_list_and_show(run_cli, mockview_home: Path) -> None:
    made = run_cli("company", "new", "Acme Corp", "--role", "Backend engineer")
    assert made.returncode == 0, made.stderr
    path = mockview_home / "profiles" / "acme-corp.yaml"
    assert path.exists() and f"wrote {path}" in made.stdout
    profile, problems = read_profile(path)
    assert problems == [] and profile.company == "Acme Corp" and profile.role == "Backend engineer"

    again = run_cli("company", "new", "acme corp")
    assert again.returncode == 1 and "already exists" in again.stderr

    listed = json.loads(run_cli("company", "list", "--json").stdout)
    assert listed[0]["company"] == "Acme Corp"
    assert listed[0]["missing"] == ["mission", "products", "values", "news", "competitors", "culture", "why_us",
                                    "questions_to_ask"]

    path.write_text(ACME, encoding="utf-8")
    shown = run_cli("company", "show", "ACME corp").stdout
    assert "Products: Anvil Pro; Roadrunner Tracker" in shown
    assert "  [x] mission: what the company says it is for" in shown
    assert "  [ ] competitors: who it competes with" in shown
    table = run_cli("company", "list").stdout
    assert "Acme Corp" in table and "competitors, culture, why_us, questions_to_ask" in table


def test_show_of_an_unknown_company_names_the_known_ones(run_cli, mockview_home: Path) -> None:
    write_profile(mockview_home)
    result = run_cli("company", "show", "Globex")
    assert result.returncode == 1
    assert "no profile for 'Globex' (profiles: Acme Corp)" in result.stderr


def test_the_profile_is_checked_when_scoring_a_research_question(run_cli, mockview_home: Path) -> None:
    write_profile(mockview_home)
    result = run_cli("score", "--question", "company-research/what-do-you-know", "--company", "Acme Corp",
                     "--json", input=ANSWER)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["question"]["text"] == "What do you know about Acme Corp?"
    matched = {m["term"] for m in data["keywords"]["matched"]}
    missing = set(data["keywords"]["missing"])
    assert {"Anvil Pro", "Roadrunner Tracker", "customer obsession", "Opened a Berlin office"} <= matched
    assert "frugality" in missing
    sources = data["keywords"]["sources"]
    assert sources["frugality"] == sources["Anvil Pro"] == "your Acme Corp profile"
    assert "products" in matched and "products" not in sources  # the bank's own point carries no source
    text = run_cli("score", "--question", "company-research/what-do-you-know", "--company", "Acme Corp",
                   input=ANSWER).stdout
    assert "  + Anvil Pro (from your Acme Corp profile)" in text
    assert "  - frugality (from your Acme Corp profile)" in text

    without = json.loads(run_cli("score", "--question", "company-research/what-do-you-know", "--company",
                                 "Globex", "--json", input=ANSWER).stdout)
    terms = {m["term"] for m in without["keywords"]["matched"]} | set(without["keywords"]["missing"])
    assert "frugality" not in terms  # no profile for Globex: the bank's own rubric only


def test_each_research_question_gets_the_facts_it_asks_about(mockview_home: Path) -> None:
    from mockview.banks.library import load_library

    profile = Profile(company="Acme", products=("Anvil Pro",), values=("Frugality",), news=("Berlin office",),
                      competitors=("Ajax",), culture=("small teams",))
    research = load_library(mockview_home).banks["company-research"]

    def added(question_id: str) -> list[str]:
        question = research.question(question_id)
        return [k.term for k in with_profile(question, profile).keywords[len(question.keywords):]]

    assert added("what-do-you-know") == ["Anvil Pro", "Frugality", "Berlin office"]
    assert added("competitors-and-market") == ["Ajax"]  # not your product list
    assert added("recent-news") == ["Berlin office"]
    assert added("culture-and-values") == ["Frugality", "small teams"]
    assert added("first-three-months") == []


def test_only_company_research_questions_get_the_profile(mockview_home: Path) -> None:
    profile = Profile(company="Acme", products=("Anvil Pro",), values=("Frugality", "frugality"))
    research = Question(bank="company-research", id="q", text="What do you know about us?", kind="research",
                        keywords=(Keyword("frugality"), Keyword("products")))
    star = Question(bank="star", id="q", text="Tell me about a conflict.", kind="star",
                    keywords=(Keyword("products"),))
    assert [k.term for k in with_profile(research, profile).keywords] == ["frugality", "products", "Anvil Pro"]
    assert with_profile(star, profile) is star
    assert with_profile(research, None) is research


@pytest.mark.parametrize(("text", "expected"), [
    ("company: Acme\nproducts: {a: 1}\n", "2:11:"),
    ("company: Acme\nprodcts: [x]\n", "2:1: unknown key 'prodcts' in profile; did you mean 'products'?"),
    ("role: x\n", "missing required key 'company'"),
    ("company: Acme\nproducts: [x\n", "acme-corp.yaml:"),
])
def test_a_malformed_profile_is_one_clear_line(run_cli, mockview_home: Path, text, expected) -> None:
    path = write_profile(mockview_home, text)
    shown = run_cli("company", "show", "Acme Corp")
    assert shown.returncode == 1 and "Traceback" not in shown.stderr
    assert str(path) in shown.stderr and expected in shown.stderr
    practice = run_cli("practice", "--plain", "--bank", "company-research", "--company", "Acme Corp", input="")
    assert practice.returncode == 1 and "the profile of Acme Corp has problems" in practice.stderr
    listed = run_cli("company", "list")
    assert listed.returncode == 0 and str(path) in listed.stderr  # the others are still listed
    assert "No readable company profiles" in listed.stdout and "yet" not in listed.stdout


def test_the_form_round_trips_and_a_rename_moves_the_file(mockview_home: Path) -> None:
    profile, problems = profile_from_form({"company": "Acme Corp", "role": " Backend ", "mission": "Anvils",
                                           "products": "- Anvil Pro\n\nRoadrunner Tracker\n", "values": ""})
    assert problems == [] and profile.products == ("Anvil Pro", "Roadrunner Tracker") and profile.role == "Backend"
    path = save_profile(mockview_home, profile).path
    assert find_profile(mockview_home, "acme corp").products == profile.products
    assert profile_from_form(profile_to_form(find_profile(mockview_home, "Acme Corp")))[0].mission == "Anvils"

    with pytest.raises(MockviewError, match="exists already"):
        save_profile(mockview_home, profile)  # a second new profile of the same company
    renamed, _ = profile_from_form({**profile_to_form(profile), "company": "Acme Inc"})
    path.write_text(path.read_text() + "# met Priya at the meetup\n")
    saved = save_profile(mockview_home, renamed, replacing=path)
    assert saved.path.name == "acme-inc.yaml" and saved.path.exists() and not path.exists()
    assert saved.backup == saved.path.with_name("acme-inc.yaml.bak")
    assert "# met Priya at the meetup" in saved.backup.read_text()  # a comment is never silently lost

    assert profile_from_form({"company": "  "})[1] == [("company", "The company's name is needed.")]
    assert profile_from_form({"company": "!!!"})[1][0][0] == "company"


def test_names_with_quotes_and_backslashes_make_a_valid_starter(run_cli, mockview_home: Path) -> None:
    made = run_cli("company", "new", "C:\\Temp \"Labs\"", "--role", 'Backend "senior" engineer')
    assert made.returncode == 0, made.stderr
    shown = run_cli("company", "show", "C:\\Temp \"Labs\"")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith('C:\\Temp "Labs" (Backend "senior" engineer)')


def test_a_profile_is_found_by_its_company_whatever_the_file_is_called(run_cli, mockview_home: Path) -> None:
    write_profile(mockview_home, ACME, name="acme.yaml")
    shown = run_cli("company", "show", "acme corp")
    assert shown.returncode == 0 and "Products: Anvil Pro" in shown.stdout
    assert find_profile(mockview_home, "Acme Corp").path.endswith("acme.yaml")
    again = run_cli("company", "new", "Acme Corp")
    assert again.returncode == 1 and "acme.yaml already exists" in again.stderr


def test_a_starter_saved_from_the_app_keeps_no_backup(run_cli, mockview_home: Path) -> None:
    run_cli("company", "new", "Acme Corp")
    profile = find_profile(mockview_home, "Acme Corp")
    saved = save_profile(mockview_home, profile, replacing=Path(profile.path))
    assert saved.backup is None and not list((mockview_home / "profiles").glob("*.bak"))  # its comments were ours


def test_a_very_long_company_name_is_a_usable_file_name(run_cli) -> None:
    name = "Société " + "Très Longue " * 40
    assert run_cli("company", "new", name).returncode == 0
    shown = run_cli("company", "show", name)
    assert shown.returncode == 0 and shown.stdout.startswith(name.strip())
    assert run_cli("prep", "--company", name).returncode == 0
