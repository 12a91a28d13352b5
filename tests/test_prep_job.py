"""The prep sheet's job section: `mockview prep --job ID`, or the posting saved for `--company`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mockview.cli import main
from tests.test_job_coverage import STORIES, save

JOBS = Path(__file__).parent / "data" / "jobs"
BACKEND = "tidewater-payments-senior-backend-engineer"
ANSWER = ("At my last job our payments service fell over every Friday. I had to make it reliable before the "
          "spring sale. I rebuilt the backend services in production with a queue and I added alerts. "
          "Outages fell from four a month to none, and the sale took 30% more orders.")


def add(capsys, name: str, *extra: str) -> str:
    assert main(["job", "add", str(JOBS / name), *extra]) == 0
    return capsys.readouterr().out.split()[2].rstrip(":")


def sheet(capsys, *args: str) -> str:
    assert main(["prep", *args]) == 0
    return capsys.readouterr().out


def section(text: str, title: str) -> str:
    """The lines of one "## " section of the sheet."""
    return text.split(f"## {title}")[1].split("\n## ")[0]


def test_job_alone_gives_its_company_must_haves_gaps_first_and_every_role_question(capsys,
                                                                                     mockview_home: Path) -> None:
    add(capsys, "backend-engineer.txt")
    save(mockview_home, "stories.yaml", STORIES)
    text = sheet(capsys, "--job", "tidewater")
    assert text.startswith("# Prep sheet: Tidewater Payments, Senior Backend Engineer\n")
    job = section(text, "The job: Senior Backend Engineer at Tidewater Payments")
    assert f"From the posting `{BACKEND}`" in job and "9 must-haves, 6 gaps in your stories." in job
    musts = [line for line in job.splitlines() if line.startswith("- **")]
    assert [line.split(":**")[0] for line in musts] == ["- **Gap"] * 6 + ["- **Covered"] * 3
    assert "- **Gap:** Docker, Kubernetes and AWS: No story shows Docker or AWS yet" in job
    assert ('- **Covered:** PostgreSQL: Shown by story "The ledger migration": "Our ledger ran on one Postgres '
            'database') in job
    assert "Kafka" not in job.split("**Role questions")[0]  # a nice-to-have: not among the must-haves
    questions = job.split("**Role questions not practised yet**")[1]
    assert f"(`mockview practice --job {BACKEND}`)" in questions
    assert questions.count('\n- "') == 10
    assert '- "This role involves PostgreSQL. Tell me about a time you used PostgreSQL' in questions
    # the job's section sits between the company and the likely questions
    assert text.index("## The company") < text.index("## The job") < text.index("## Likely questions")


def test_a_role_question_answered_leaves_the_list(capsys, mockview_home: Path) -> None:
    from mockview.practice.job_practice import requirement_question, start_requirement_practice
    from mockview.prep.jobs import find_job
    from mockview.store import open_store
    from tests.conftest import FakeClock

    add(capsys, "backend-engineer.txt")
    job = find_job(mockview_home, BACKEND)
    building = next(r for r in job.must if r.name == "building backend services in production")
    question = requirement_question(job, building)
    assert question is not None and question.text.startswith("This role asks for building backend services")
    clock = FakeClock()
    history = open_store(mockview_home, clock=clock)
    try:
        session = start_requirement_practice(history, job, question, clock, mockview_home).session
        session.begin_question()
        clock.advance(80)
        session.submit(ANSWER)
        session.finish()
    finally:
        history.close()
    job_section = section(sheet(capsys, "--job", BACKEND), "The job")
    questions = job_section.split("**Role questions not practised yet**")[1]
    assert questions.count('\n- "') == 9 and "building backend services in production" not in questions


def test_the_company_alone_finds_its_newest_posting_and_names_the_others(capsys, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def on(day: int) -> None:
        moment = dt.datetime(2026, 3, day, 9, tzinfo=dt.timezone.utc)
        monkeypatch.setattr("mockview.clock.SystemClock.now", lambda self: moment)

    on(1)
    first = add(capsys, "backend-engineer.txt")
    on(2)
    other = tmp_path / "platform.txt"
    other.write_text((JOBS / "backend-engineer.txt").read_text().replace("Senior Backend Engineer",
                                                                          "Platform Engineer"))
    assert main(["job", "add", str(other), "--company", "tidewater payments", "--role", "Platform Engineer"]) == 0
    second = capsys.readouterr().out.split()[2].rstrip(":")
    text = sheet(capsys, "--company", "Tidewater Payments")
    assert text.startswith("# Prep sheet: Tidewater Payments, Platform Engineer\n")
    assert "## The job: Platform Engineer at tidewater payments" in text
    assert f"Other postings saved for this company: `{first}` (choose one with `--job ID`)." in text
    chosen = sheet(capsys, "--company", "Tidewater Payments", "--job", first)
    assert "## The job: Senior Backend Engineer at Tidewater Payments" in chosen
    assert f"`{second}` (choose one with `--job ID`)" in chosen


def test_a_company_with_no_posting_has_no_job_section(capsys) -> None:
    add(capsys, "backend-engineer.txt")
    text = sheet(capsys, "--company", "Acme Corp")
    assert "## The job" not in text and "## Likely questions" in text


def test_bad_combinations_are_one_clear_line(capsys, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["prep"])
    assert usage.value.code == 2
    assert "give the company (--company NAME), a saved posting (--job ID), or both" in capsys.readouterr().err

    assert main(["prep", "--job", "nowhere"]) == 1
    assert capsys.readouterr().err == ("mockview: no saved posting 'nowhere' (postings: none yet; add one with: "
                                       "mockview job add FILE)\n")

    nameless = tmp_path / "nameless.txt"
    nameless.write_text("Requirements\n- Experience with Python\n- Strong communication skills\n")
    job_id = add(capsys, str(nameless))
    assert main(["prep", "--job", job_id]) == 1
    assert capsys.readouterr().err == (f"mockview: the posting {job_id} does not name its company; add --company "
                                       "NAME\n")
    assert "## The job" in sheet(capsys, "--job", job_id, "--company", "Acme")
