"""Role questions from a posting: a valid commented bank, used at once by practice and interview."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mockview.cli import main

JOBS = Path(__file__).parent / "data" / "jobs"
POSTINGS = sorted(p.name for p in JOBS.iterdir() if p.name != "not-a-posting.txt")

ANSWER = """At my last job our ledger ran on a single Postgres server that was nearly full. I had to move
two years of payments to a new schema without downtime. I wrote the migration in Go, ran it in shadow mode
for a week and compared the totals every morning. We switched over with zero errors and queries got 40% faster.
.
"""


def add(capsys, name: str) -> str:
    assert main(["job", "add", str(JOBS / name)]) == 0
    return capsys.readouterr().out.split()[2].rstrip(":")


@pytest.mark.parametrize("name", POSTINGS)
def test_every_postings_bank_passes_validation(name: str, capsys, tmp_path: Path) -> None:
    job_id = add(capsys, name)
    target = tmp_path / f"{job_id}.yaml"
    assert main(["job", "questions", job_id, "-o", str(target)]) == 0
    capsys.readouterr()
    assert main(["banks", "validate", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"ok, bank 'job-{job_id}'" in out
    data = yaml.safe_load(target.read_text())
    ids = [q["id"] for q in data["questions"]]
    assert len(ids) == len(set(ids)) >= 2
    assert ids[-1] == "why-this-role"


def test_the_bank_is_commented_and_asks_about_the_must_haves(capsys) -> None:
    job_id = add(capsys, "backend-engineer.txt")
    assert main(["job", "questions", job_id]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Role questions for Senior Backend Engineer at Tidewater Payments")
    assert f"# Practise it:  mockview practice --job {job_id}" in text
    assert "  # From the must-have on line 15 of the posting: PostgreSQL: schema design" in text
    questions = {q["id"]: q for q in yaml.safe_load(text)["questions"]}
    postgres = questions["postgresql"]
    assert postgres["text"] == ("This role involves PostgreSQL. Tell me about a time you used PostgreSQL to solve a "
                                "real problem, and what came of it.")
    assert postgres["keywords"] == [{"term": "PostgreSQL", "synonyms": ["Postgres"], "required": True}]
    communication = questions["communication"]
    assert communication["text"].startswith("This role asks for communication. Tell me about a time you had to "
                                            "explain something complicated")
    assert communication["category"] == "communication"  # so the story bank's peek finds fitting stories
    assert questions["nice-kafka"]["kind"] == "open"
    why = questions["why-this-role"]
    assert why["text"] == "Why do you want the Senior Backend Engineer job at Tidewater Payments?"
    assert [k["term"] for k in why["keywords"]][:2] == ["Go or Python", "PostgreSQL"]
    assert not any(k.get("required") for k in why["keywords"])


def test_papers_and_availability_are_not_story_questions(capsys) -> None:
    job_id = add(capsys, "staff-nurse.txt")
    assert main(["job", "questions", job_id]) == 0
    questions = yaml.safe_load(capsys.readouterr().out)["questions"]
    texts = " ".join(q["text"] for q in questions)
    assert "NMC registration" not in texts and "nights and weekends" not in texts
    assert any(q["id"] == "values" for q in questions)
    values = next(q for q in questions if q["id"] == "values")
    # The values the posting states ("Our values: kindness, respect and teamwork"), in its words.
    assert values["text"].startswith("St Aldhelm's Hospital NHS Foundation Trust says it values kindness and respect.")


def test_an_experience_requirement_is_asked_in_the_postings_words(capsys, tmp_path: Path) -> None:
    posting = tmp_path / "analyst.txt"
    posting.write_text("Data Analyst - Brightline Freight (Leeds, hybrid)\n\nAbout us\nBrightline Freight moves "
                       "parcels.\n\nWhat we're looking for\n- 2+ years of experience in a data or analytics role\n"
                       "- Strong SQL (must have)\n", encoding="utf-8")
    assert main(["job", "add", str(posting)]) == 0
    job_id = capsys.readouterr().out.split()[2].rstrip(":")
    assert job_id == "brightline-freight-data-analyst"
    assert main(["job", "questions", job_id]) == 0
    texts = [q["text"] for q in yaml.safe_load(capsys.readouterr().out)["questions"]]
    assert ('This role asks for "2+ years of experience in a data or analytics role". Tell me about a piece of '
            "work from that experience, and what came of it.") in texts
    assert not any("asks for data or analytics role" in text for text in texts)


# Plain mode binds its streams when first imported, so these two run the real command (as test_plain_cli does).
def test_practice_with_job_asks_its_questions(capsys, run_cli, mockview_home: Path) -> None:
    job_id = add(capsys, "backend-engineer.txt")
    result = run_cli("practice", "--plain", "--job", job_id, "--count", "1", "--order", "bank", input=ANSWER)
    assert result.returncode == 0, result.stderr
    assert "This role asks for building backend services in production." in result.stdout
    assert main(["history", "--json"]) == 0
    (attempt,) = json.loads(capsys.readouterr().out)
    assert attempt["bank"] == f"job-{job_id}"
    assert attempt["question_id"] == f"job-{job_id}/building-backend-services-in-production"
    assert (mockview_home / "jobs" / f"{job_id}.bank.yaml").is_file()


def test_interview_with_job_uses_its_questions_and_company(capsys, run_cli) -> None:
    job_id = add(capsys, "backend-engineer.txt")
    result = run_cli("interview", "--plain", "--job", job_id, "--length", "short", "--seed", "4", input=ANSWER * 12)
    assert result.returncode == 0, result.stderr
    assert "This role " in result.stdout or "One of the duties of this role" in result.stdout
    assert "Tidewater Payments" in result.stdout  # the research question about the company from the posting


def test_unknown_job_on_practice_is_one_line(capsys) -> None:
    assert main(["practice", "--plain", "--job", "nope"]) == 1
    assert capsys.readouterr().err.startswith("mockview: no saved posting 'nope'")
