"""Coverage of a posting's requirements by your stories, practice answers and company profile."""

from __future__ import annotations

import json
from pathlib import Path

from mockview.cli import main
from mockview.prep.job_coverage import SourceText, cover
from mockview.prep.requirements import extract

JOBS = Path(__file__).parent / "data" / "jobs"

STORIES = """\
stories:
  - title: The ledger migration
    competencies: [conflict, influence]
    situation: Our ledger ran on one Postgres database that was close to its disk limit.
    task: I had to move two years of transactions to a new schema without stopping payments.
    action: I wrote the migration in Go, ran it in shadow mode for a week and briefed the finance director
      and both product leads every morning on what had moved.
    result: We switched over with no downtime and queries got 40% faster.
  - title: The flaky deploys
    competencies: [initiative]
    situation: Deploys to our Kubernetes cluster failed one time in five.
    action: I traced it to a race in our Helm charts, fixed it and wrote a runbook.
    result: Failed deploys dropped to one in a hundred.
  - title: Only a title so far
    competencies: [leadership]
"""


def save(home: Path, name: str, text: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / name).write_text(text, encoding="utf-8")


def add_backend(capsys) -> None:
    assert main(["job", "add", str(JOBS / "backend-engineer.txt")]) == 0
    capsys.readouterr()


def coverage_json(capsys) -> list[dict]:
    assert main(["job", "show", "tidewater", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["coverage"]


def by_name(items: list[dict]) -> dict[str, dict]:
    return {item["name"]: item for item in items}


def test_stories_that_show_and_do_not_show_requirements(capsys, mockview_home: Path) -> None:
    save(mockview_home, "stories.yaml", STORIES)
    add_backend(capsys)
    items = by_name(coverage_json(capsys))

    postgres = items["PostgreSQL"]
    assert postgres["status"] == "covered"
    (evidence,) = postgres["evidence"]
    assert evidence == {"source": "story", "title": "The ledger migration", "point": "PostgreSQL",
                        "found": "Postgres", "when": "",
                        "sentence": "Our ledger ran on one Postgres database that was close to its disk limit."}
    assert items["Go or Python"]["status"] == "covered"  # Go alone is enough
    assert items["communication"]["status"] == "covered"  # "briefed the finance director"

    platform = items["Docker, Kubernetes and AWS"]
    assert platform["status"] == "gap" and platform["missing"] == ["Docker", "AWS"]
    assert platform["message"].startswith("No story shows Docker or AWS yet (Kubernetes: story \"The flaky deploys\")")
    assert items["building backend services in production"]["message"] == \
        "No story shows \"building backend services in production\" yet"
    assert items["Kafka"]["status"] == "gap" and not items["Kafka"]["must"]


def test_gaps_come_first_must_haves_before_nice_to_haves(capsys, mockview_home: Path) -> None:
    save(mockview_home, "stories.yaml", STORIES)
    add_backend(capsys)
    statuses = [(item["status"], item["must"]) for item in coverage_json(capsys)]
    assert statuses == sorted(statuses, key=lambda s: ({"gap": 0, "practised": 1, "covered": 2}[s[0]], not s[1]))
    assert statuses[0] == ("gap", True)

    assert main(["job", "show", "tidewater"]) == 0
    text = capsys.readouterr().out
    must_part = text.split("Must-haves (gaps first):")[1].split("Nice to have")[0]
    assert must_part.index("GAP") < must_part.index("COVERED")
    assert "No story shows Docker or AWS yet" in must_part
    assert "Shown by story \"The ledger migration\": \"Our ledger ran on one Postgres database" in must_part


def test_no_stories_means_every_requirement_is_a_gap(capsys) -> None:
    add_backend(capsys)
    items = coverage_json(capsys)
    assert {item["status"] for item in items} == {"gap"}
    assert by_name(items)["communication"]["message"] == "No story shows communication yet"


def test_an_empty_story_covers_nothing() -> None:
    from mockview.prep.stories import Story

    found = extract("Requirements\n- Leadership of a small team\n")
    (item,) = cover(found.requirements, [SourceText("story", s.title, s.text) for s in
                                          [Story("Only a title", ("leadership",))] if not s.empty])
    assert item.status == "gap"


def test_a_practice_answer_shows_what_no_story_does(capsys, history, clock) -> None:
    add_backend(capsys)
    history.add_attempt(session_id=None, question={"id": "star/outage", "bank": "star", "text": "Tell me about an outage."},
                        answer="I moved our services into Docker containers on AWS and cut deploy time by half.",
                        started_at=clock.now(), seconds=90, time_limit=150, analysis={"score": 70, "verdict": "ok"})
    history.add_attempt(session_id=None, question={"id": "star/skip", "bank": "star", "text": "Skipped one."},
                        answer="Kubernetes", started_at=clock.now(), seconds=1, time_limit=150,
                        analysis={"score": 0, "verdict": "fumbled"}, skipped=True)
    items = by_name(coverage_json(capsys))
    docker = items["Docker, Kubernetes and AWS"]
    assert docker["status"] == "gap"  # Kubernetes only in a skipped answer, which does not count
    assert [e["source"] for e in docker["evidence"]] == ["answer"]
    assert docker["evidence"][0]["when"] == "2026-03-02"
    assert docker["evidence"][0]["title"] == "Tell me about an outage."


def test_answers_alone_make_a_requirement_practised(history, clock) -> None:
    found = extract("Requirements\n- Stakeholder management\n")
    (item,) = cover(found.requirements, [SourceText(
        "answer", "Tell me about a time you influenced someone.",
        "I kept the stakeholders on side by meeting each director weekly.", "2026-03-01")])
    assert item.status == "practised"
    assert item.message == ("No story shows stakeholder management yet; your answer to \"Tell me about a time you "
                            "influenced someone.\" (2026-03-01): \"I kept the stakeholders on side by meeting each "
                            "director weekly.\"")


def test_the_company_profile_counts_as_research(capsys, mockview_home: Path) -> None:
    save(mockview_home / "profiles", "brightwell-energy.yaml",
         "company: Brightwell Energy\nvalues: [putting customers first, sustainability]\n"
         "mission: Cheap renewable electricity for every home\n")
    assert main(["job", "add", str(JOBS / "data-analyst-nice.md")]) == 0
    capsys.readouterr()
    assert main(["job", "show", "brightwell", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["values"] == ["customers first", "sustainability", "open and honest"]  # the posting's own words
    shown = {item["name"]: item for item in data["coverage"]}
    assert shown["SQL"]["status"] == "gap" and shown["SQL"]["evidence"] == []
    # A requirement about customers is shown by the research.
    found = extract("Requirements\n- You put customers first\n")
    (item,) = cover(found.requirements, [SourceText("profile", "your Brightwell Energy profile",
                                                    "Putting customers first.\nSustainability.")])
    assert item.status == "practised" and "your Brightwell Energy profile" in item.message


def test_a_broken_story_bank_is_named_and_left_out(capsys, mockview_home: Path) -> None:
    save(mockview_home, "stories.yaml", "stories:\n  - title: [not, a, title]\n")
    add_backend(capsys)
    assert main(["job", "show", "tidewater"]) == 0
    captured = capsys.readouterr()
    assert "stories.yaml" in captured.err and "left out" in captured.err
    assert "GAP" in captured.out


def test_show_does_not_create_a_history(capsys, mockview_home: Path) -> None:
    add_backend(capsys)
    coverage_json(capsys)
    assert not (mockview_home / "history.db").exists()


def test_a_licence_is_a_credential_for_the_cv_not_a_gap_in_the_stories() -> None:
    """Found by a new-user run: "A full UK driving licence" was listed as a story gap."""
    posting = ("Van Driver at Hollin Bakery\n\nWhat we need\n* A full UK driving licence\n"
               "* Experience planning delivery routes\n")
    items = {item.requirement.name: item for item in cover(extract(posting).requirements, [])}
    licence = items["driving licence"]
    assert licence.status == "credential" and licence.missing == ()
    assert licence.message.startswith("A credential, not a story: make sure your CV says it")
    assert items["planning delivery routes"].status == "gap"
