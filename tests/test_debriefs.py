"""Debriefs of real interviews: the file format, its errors, the commands, and the re-drill items they make."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from mockview.prep.debrief.file import check_debrief, read_debrief_file
from mockview.prep.debrief.form import debrief_from_form, parse_asked
from mockview.prep.debrief.model import AskedQuestion, Debrief
from mockview.prep.debrief.storage import save_debrief
from mockview.store import open_store
from mockview.store.redrill import queue

DEBRIEF = """\
company: Acme Corp
role: Backend engineer
date: 2026-10-20
stage: onsite
format: panel
interviewers: [Priya, Tom]
outcome: rejected
questions:
  - text: Tell me about a time you failed.
    fumbled: true
    notes: Blanked, then told a story with no result.
  - text: Why Acme?
    fumbled: false
  - Describe a conflict with a colleague.
went_right:
  - Explained my API design clearly
went_wrong:
  - text: Froze on the failure question
    starred: true
  - Talked too fast
factors: [nervous, No example ready]
culture_fit:
  liked: [pairing every day]
  disliked: on-call every other week
strategy: Lead with the result, then the story.
feedback: Strong technically; behavioral answers lacked specifics.
next_time: [Prepare two failure stories with numbers]
"""


def write(tmp_path: Path, text: str, name: str = "debrief.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_debrief_file_is_read_in_full(tmp_path: Path) -> None:
    debrief, problems = read_debrief_file(write(tmp_path, DEBRIEF))
    assert problems == []
    assert debrief is not None
    assert (debrief.company, debrief.role, debrief.date.isoformat(), debrief.outcome) == (
        "Acme Corp", "Backend engineer", "2026-10-20", "rejected")
    assert debrief.interviewers == ("Priya", "Tom")
    assert debrief.questions[0] == AskedQuestion("Tell me about a time you failed.", True,
                                                 "Blanked, then told a story with no result.")
    assert debrief.questions[2] == AskedQuestion("Describe a conflict with a colleague.")
    assert [(i.text, i.starred) for i in debrief.went_wrong] == [("Froze on the failure question", True),
                                                                  ("Talked too fast", False)]
    assert debrief.factors == ("nervous", "no example ready")
    assert debrief.culture_fit.disliked == ("on-call every other week",)
    assert debrief.feedback[0].text.startswith("Strong technically")


def test_add_queues_every_fumbled_question_at_once(run_cli, tmp_path: Path) -> None:
    result = run_cli("debrief", "add", "--file", str(write(tmp_path, DEBRIEF)))
    assert result.returncode == 0, result.stderr
    assert "saved debrief 1: Acme Corp, 2026-10-20 (rejected)" in result.stdout
    assert "re-drill due now: classics/time-you-failed (from your interview at Acme Corp)" in result.stdout

    listed = json.loads(run_cli("retry", "--list", "--json").stdout)
    (item,) = listed["due"]
    assert item["question_id"] == "classics/time-you-failed"
    assert item["text"] == "Tell me about a time you failed."
    assert item["note"] == "from your interview at Acme Corp"
    assert item["source"] == "debrief"
    assert item["due_now"] is True


def test_a_debriefed_question_is_practised_in_the_plain_front_end(run_cli, tmp_path: Path, mockview_home) -> None:
    run_cli("debrief", "add", "--file", str(write(tmp_path, DEBRIEF)))
    result = run_cli("retry", "--plain", input="I missed a deadline once and told nobody.\n.\n")
    assert result.returncode == 0, result.stderr
    assert "Tell me about a time you failed." in result.stdout
    assert "(from your interview at Acme Corp)" in result.stdout
    history = open_store(mockview_home)
    (attempt,) = history.attempts()
    assert attempt.question_id == "classics/time-you-failed"
    assert attempt.answer == "I missed a deadline once and told nobody."
    assert history.schedule_entry("classics/time-you-failed").fumbles == 2  # fumbled again: still in the queue
    history.close()


def test_list_show_and_feedback(run_cli, tmp_path: Path) -> None:
    run_cli("debrief", "add", "--file", str(write(tmp_path, DEBRIEF)))
    later = DEBRIEF.replace("Acme Corp", "Globex").replace("2026-10-20", "2026-10-25")
    run_cli("debrief", "add", "--file", str(write(tmp_path, later, "globex.yaml")))

    table = run_cli("debrief", "list").stdout.splitlines()
    assert table[0].split() == ["ID", "DATE", "COMPANY", "ROLE", "OUTCOME", "FUMBLED", "FACTORS"]
    assert "Globex" in table[1] and "Acme Corp" in table[2]  # the latest interview first
    listed = json.loads(run_cli("debrief", "list", "--json").stdout)
    assert [(d["id"], d["company"], d["fumbled"], d["questions"]) for d in listed] == [
        (2, "Globex", 1, 3), (1, "Acme Corp", 1, 3)]

    attached = run_cli("debrief", "feedback", "1", "--text", "Use numbers [more] often.", "--focus", "Specifics, STAR")
    assert attached.returncode == 0, attached.stderr
    shown = run_cli("debrief", "show", "1").stdout
    assert "Debrief 1: Acme Corp, Backend engineer" in shown
    assert "Tell me about a time you failed. (fumbled: in your re-drill queue)" in shown
    # A question with no mark was not fumbled; the debrief does not say it went well.
    assert "Why Acme? (not fumbled)" in shown and "answered well" not in shown
    assert "  * Froze on the failure question" in shown
    assert "Factors: nervous, no example ready" in shown
    assert "  - Use numbers [more] often. [specifics, star]" in shown
    assert "  - Strong technically; behavioral answers lacked specifics." in shown


@pytest.mark.parametrize(("args", "message"), [
    (("debrief", "show", "9"), "no debrief 9"),
    (("debrief", "feedback", "9", "--text", "x"), "no debrief 9"),
    (("debrief", "feedback", "1", "--text", "  "), "--text is empty"),
])
def test_bad_ids_and_empty_feedback_are_one_clear_line(run_cli, args, message) -> None:
    result = run_cli(*args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("text", "expected"), [
    ("company: Acme\n", "1:1: missing required key 'date'"),
    ("company: Acme\ndate: 20th Nov\n", "2:7: 'date' must be a date like 2026-11-20"),
    ("company: Acme\ndate: 2026-10-20\noutcom: rejected\n", "3:1: unknown key 'outcom' in debrief; did you mean 'outcome'?"),
    ("company: Acme\ndate: 2026-10-20\noutcome: ghosted\n", "3:10: unknown outcome 'ghosted'"),
    ("company: Acme\ndate: 2026-10-20\nquestions:\n  - text: Why us?\n    fumbled: maybe\n", "5:14:"),
    ("company: Acme\ndate: 2026-10-20\nquestions: Why us?\n", "3:12: 'questions' must be a list"),
    ("company: Acme\ndate: 2026-10-20\nfeedback:\n  - text: Vague\n    focus: [Specifics]\n    fcus: x\n",
     "6:5: unknown key 'fcus' in feedback item"),
    ("date: 2026-10-20\n", "missing required key 'company'"),
    ("company: [Acme\n", "1:"),
    ("company: Acme\ndate: 2026-10-20\n\tfactors: []\n", "3:1:"),
    ("- just a list\n", "1:1:"),
    ("company: Acme\ndate: 2026-10-20\n", "1:1: the debrief says nothing about the interview yet"),
    ("company: Acme\ndate: 2999-01-01\nfactors: [late]\n", "2:7: 'date' 2999-01-01 is in the future"),
    ("company: Acme\ndate: 2026-13-01\n", "2:7: 'date' 2026-13-01 is no day of the calendar (month must be in 1..12)"),
    ("company: Acme\ndate: 2026-10-20\nquestions:\n  - Why us?\n  - text: why  US\n    fumbled: true\n",
     "5:5: question 2 repeats the one at line 4; keep one, marked fumbled if either was"),
])
def test_a_malformed_debrief_is_one_clear_line_and_nothing_is_saved(run_cli, tmp_path: Path, text, expected) -> None:
    path = write(tmp_path, text)
    result = run_cli("debrief", "add", "--file", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:"), result.stderr
    assert expected in result.stderr
    assert "nothing was saved" in result.stderr
    assert result.stderr.count(f"{path}:") == 2  # one problem, one line (and the summary)
    assert json.loads(run_cli("debrief", "list", "--json").stdout) == []
    assert json.loads(run_cli("retry", "--list", "--json").stdout) == {"due": [], "upcoming": []}


def test_a_missing_or_binary_file_is_a_clear_error(run_cli, tmp_path: Path) -> None:
    missing = run_cli("debrief", "add", "--file", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 1 and "nope.yaml" in missing.stderr and "Traceback" not in missing.stderr
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    result = run_cli("debrief", "add", "--file", str(binary))
    assert result.returncode == 1 and "binary.yaml" in result.stderr and "Traceback" not in result.stderr
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    piped = run_cli("debrief", "add", "--file", str(fifo), timeout=20)  # would block on read
    assert piped.returncode == 1 and "pipe.yaml:1:1: is not a regular file" in piped.stderr


def test_a_failure_while_saving_leaves_nothing_half_saved(history, monkeypatch, tmp_path: Path) -> None:
    import mockview.prep.debrief.storage as module

    debrief, _ = read_debrief_file(write(tmp_path, DEBRIEF.replace("fumbled: false", "fumbled: true")))
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return original(*args, **kwargs)

    original = module.record_answer
    monkeypatch.setattr(module, "record_answer", failing)
    with pytest.raises(OSError):
        save_debrief(history, debrief)
    assert history.debriefs() == []
    assert queue(history, history.clock.now()) == ([], [])


def test_questions_typed_in_the_form() -> None:
    typed = "! Tell me about a time you failed. -- blanked\n\n- Why us?\n!   Walk me through a conflict\n"
    assert parse_asked(typed) == (
        AskedQuestion("Tell me about a time you failed.", True, "blanked"),
        AskedQuestion("Why us?"),
        AskedQuestion("Walk me through a conflict", True),
    )


def test_the_form_needs_a_company_a_date_and_something_that_happened() -> None:
    debrief, problems = debrief_from_form({"company": " ", "date": "yesterday"})
    assert debrief is None
    assert [field for field, _ in problems] == ["company", "date"]
    assert debrief_from_form({"company": "Acme", "date": "2026-10-20"})[1] == [
        ("questions", "Write down at least the questions asked, or what went right or wrong.")]
    _, problems = debrief_from_form({"company": "Acme", "date": "2027-01-01", "factors": "late"},
                                    today=dt.date(2026, 11, 20))
    assert problems == [("date", "2027-01-01 is in the future: a debrief is of an interview that has happened.")]
    _, problems = debrief_from_form({"company": "Acme", "date": "2026-10-20", "questions": "Why us?\n! why us"})
    assert problems == [("questions", '"why us" is listed twice; keep one, with a ! if either was fumbled.')]

    debrief, problems = debrief_from_form({
        "company": "Acme", "date": "2026-10-20", "outcome": "offer", "interviewers": "Priya, Tom",
        "questions": "! Why us? -- rambled", "went_wrong": "* Froze\nLate", "factors": "nervous, Late, nervous",
        "culture_liked": "pairing", "feedback": "More numbers.",
    })
    assert problems == []
    assert debrief.outcome == "offer" and debrief.interviewers == ("Priya", "Tom")
    assert debrief.questions == (AskedQuestion("Why us?", True, "rambled"),)
    assert [(i.text, i.starred) for i in debrief.went_wrong] == [("Froze", True), ("Late", False)]
    assert debrief.factors == ("nervous", "late")
    assert debrief.culture_fit.liked == ("pairing",)
    assert debrief.feedback[0].text == "More numbers."


def test_check_debrief_accepts_a_datetime_and_plain_strings() -> None:
    from mockview.banks.yamlsource import parse_yaml_text

    document = parse_yaml_text("company: Acme\ndate: 2026-10-20 14:30:00\nquestions: [Why us?]\n", "x.yaml")
    debrief, problems = check_debrief(document.data, "x.yaml")
    assert problems == [] and debrief.date == dt.date(2026, 10, 20)
    assert debrief.questions == (AskedQuestion("Why us?"),)


def test_warnings_and_lenient_lists(tmp_path: Path) -> None:
    text = ("company: Acme\ndate: 2026-10-20\nfactors: \"No  example   ready\"\n"
            "questions:\n  - text: \"!Why us?\"\nfeedback:\n  - text: Vague.\n    focus: [System Design]\n")
    debrief, problems = read_debrief_file(write(tmp_path, text))
    assert debrief is not None and debrief.factors == ("no example ready",)
    assert debrief.feedback[0].focus == ("system design",)  # counted with the CLI's lower-case areas
    (warning,) = problems
    assert warning.severity == "warning" and (warning.line, warning.column) == (5, 11)
    assert "write 'fumbled: true'" in warning.message


def test_the_same_question_fumbled_again_is_one_re_drill_item_with_the_notes_as_hints(history, tmp_path) -> None:
    first, _ = read_debrief_file(write(tmp_path, DEBRIEF))
    save_debrief(history, first)
    again = DEBRIEF.replace("Acme Corp", "Globex").replace("2026-10-20", "2026-10-25").replace(
        "Tell me about a time you failed.", "Describe a time when you failed").replace(
        "Blanked, then told a story with no result.", "Talked for five minutes.")
    second, _ = read_debrief_file(write(tmp_path, again, "globex.yaml"))
    debrief_id, (change,) = save_debrief(history, second)
    assert change.question_id == "debrief/tell-me-about-a-time-you-failed" and change.fumbles == 2 and change.due == history.clock.now()
    entry = history.schedule_entry("debrief/tell-me-about-a-time-you-failed")
    assert entry.note == "from your interview at Globex"
    assert entry.question["category"] == ""  # no library given: no guess
    assert entry.question["tips"] == [
        "At Acme Corp (2026-10-20): Blanked, then told a story with no result.",
        "Your strategy: Lead with the result, then the story.",
        "You meant to: Prepare two failure stories with numbers",
        "At Globex (2026-10-25): Talked for five minutes.",
    ]
    assert history.debrief(debrief_id).data["questions"][0]["redrill"] == "debrief/tell-me-about-a-time-you-failed"
    (due,), _ = queue(history, history.clock.now())
    assert due.question_id == "debrief/tell-me-about-a-time-you-failed"


def test_a_real_question_worded_like_a_bank_question_drills_the_bank_question(history, mockview_home) -> None:
    from mockview.banks.library import load_library

    library = load_library(mockview_home)
    bank_question = next(q for q in library.questions() if q.full_id == "company-research/why-this-company")
    asked = bank_question.render_text("Acme", None)
    debrief = Debrief(company="Acme", date=dt.date(2026, 11, 20),
                      questions=(AskedQuestion(asked, True), AskedQuestion("Describe a time your project failed badly.", True)))
    _, changes = save_debrief(history, debrief, library)
    assert [c.question_id for c in changes] == ["company-research/why-this-company",
                                                "debrief/describe-a-time-your-project-failed-badly"]
    asked_again = history.schedule_entry("company-research/why-this-company").question["text"]
    assert asked_again == asked and "{company}" not in asked_again  # re-drilled as it was asked
    assert history.schedule_entry("debrief/describe-a-time-your-project-failed-badly").question["category"] == "failure"


def test_the_same_debrief_twice_is_refused(run_cli, tmp_path: Path) -> None:
    path = write(tmp_path, DEBRIEF)
    assert run_cli("debrief", "add", "--file", str(path)).returncode == 0
    again = run_cli("debrief", "add", "--file", str(path))
    assert again.returncode == 1 and "already saved as debrief 1" in again.stderr
    assert len(json.loads(run_cli("debrief", "list", "--json").stdout)) == 1


def test_outcome_and_delete(run_cli, tmp_path: Path) -> None:
    run_cli("debrief", "add", "--file", str(write(tmp_path, DEBRIEF.replace("outcome: rejected", "outcome: pending"))))
    assert run_cli("debrief", "outcome", "1", "offer").stdout == "debrief 1: outcome offer\n"
    assert json.loads(run_cli("debrief", "list", "--json").stdout)[0]["outcome"] == "offer"
    assert "outcome offer" in run_cli("debrief", "show", "1").stdout
    bad = run_cli("debrief", "outcome", "1", "ghosted")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr

    assert run_cli("debrief", "add", "--file", str(write(tmp_path, DEBRIEF, "again.yaml"))).returncode == 1  # a duplicate
    deleted = run_cli("debrief", "delete", "1")
    assert deleted.returncode == 0
    assert deleted.stdout.splitlines() == [
        "deleted debrief 1 (Acme Corp, 2026-10-20)",
        "  and its re-drill items no other interview or answer needed: classics/time-you-failed",
    ]
    assert json.loads(run_cli("debrief", "list", "--json").stdout) == []
    assert json.loads(run_cli("retry", "--list", "--json").stdout) == {"due": [], "upcoming": []}
    # Added again after a delete, it counts once, not twice.
    run_cli("debrief", "add", "--file", str(write(tmp_path, DEBRIEF, "again.yaml")))
    (item,) = json.loads(run_cli("retry", "--list", "--json").stdout)["due"]
    assert item["fumbles"] == 1
    assert run_cli("debrief", "delete", "9").returncode == 1


def test_an_item_answered_since_is_kept_when_its_debrief_goes(history, tmp_path: Path) -> None:
    from mockview.prep.debrief.storage import delete_debrief

    debrief, _ = read_debrief_file(write(tmp_path, DEBRIEF))
    first_id, (change,) = save_debrief(history, debrief)
    item = change.question_id
    history.add_attempt(session_id=None, question={"id": item, "bank": "debrief", "text": "x"}, answer="An answer",
                        started_at=history.clock.now(), seconds=60, time_limit=150,
                        analysis={"score": 30, "verdict": "fumbled"})
    deleted = delete_debrief(history, first_id)
    assert deleted.removed == () and deleted.kept == (item,)
    assert history.schedule_entry(item) is not None


def test_one_question_twice_in_one_interview_is_one_fumble_and_ids_are_never_reused(history) -> None:
    from mockview.prep.debrief.storage import delete_debrief

    twice = Debrief(company="Acme", date=dt.date(2026, 10, 1), questions=(
        AskedQuestion("Tell me about a time you failed.", True), AskedQuestion("Describe a time you failed", True)))
    debrief_id, changes = save_debrief(history, twice)
    assert [c.question_id for c in changes] == ["debrief/tell-me-about-a-time-you-failed"]
    assert history.schedule_entry("debrief/tell-me-about-a-time-you-failed").fumbles == 1
    assert [q["redrill"] for q in history.debrief(debrief_id).data["questions"]] == [
        "debrief/tell-me-about-a-time-you-failed"] * 2

    delete_debrief(history, debrief_id)
    other = Debrief(company="Globex", date=dt.date(2026, 10, 2),
                    questions=(AskedQuestion("Tell me about a time you hired someone.", True),))
    _, (change,) = save_debrief(history, other)  # the same debrief id again: a different item
    assert change.question_id == "debrief/tell-me-about-a-time-you-hired-someone" and change.fumbles == 1
    fired = Debrief(company="Initech", date=dt.date(2026, 10, 3),
                    questions=(AskedQuestion("Tell me about a time you fired someone.", True),))
    _, (change,) = save_debrief(history, fired)
    assert change.question_id == "debrief/tell-me-about-a-time-you-fired-someone"  # not merged with hired
