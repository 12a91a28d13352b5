"""Debriefs of real interviews: the file format, its errors, the commands, and the re-drill items they make."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockview.prep.debrief import (
    AskedQuestion,
    check_debrief,
    debrief_from_form,
    parse_asked,
    read_debrief_file,
    save_debrief,
)
from mockview.store import open_store
from mockview.store.redrill import queue

DEBRIEF = """\
company: Acme Corp
role: Backend engineer
date: 2026-11-20
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
        "Acme Corp", "Backend engineer", "2026-11-20", "rejected")
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
    assert "saved debrief 1: Acme Corp, 2026-11-20 (rejected)" in result.stdout
    assert "re-drill due now: debrief/1-1 (from your interview at Acme Corp)" in result.stdout

    listed = json.loads(run_cli("retry", "--list", "--json").stdout)
    (item,) = listed["due"]
    assert item["question_id"] == "debrief/1-1"
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
    assert attempt.question_id == "debrief/1-1"
    assert attempt.answer == "I missed a deadline once and told nobody."
    assert history.schedule_entry("debrief/1-1").fumbles == 2  # fumbled again: still in the queue
    history.close()


def test_list_show_and_feedback(run_cli, tmp_path: Path) -> None:
    run_cli("debrief", "add", "--file", str(write(tmp_path, DEBRIEF)))
    later = DEBRIEF.replace("Acme Corp", "Globex").replace("2026-11-20", "2026-11-25")
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
    ("company: Acme\ndate: 2026-11-20\noutcom: rejected\n", "3:1: unknown key 'outcom' in debrief; did you mean 'outcome'?"),
    ("company: Acme\ndate: 2026-11-20\noutcome: ghosted\n", "3:10: unknown outcome 'ghosted'"),
    ("company: Acme\ndate: 2026-11-20\nquestions:\n  - text: Why us?\n    fumbled: maybe\n", "5:14:"),
    ("company: Acme\ndate: 2026-11-20\nquestions: Why us?\n", "3:12: 'questions' must be a list"),
    ("date: 2026-11-20\n", "missing required key 'company'"),
    ("company: [Acme\n", "1:"),
    ("company: Acme\ndate: 2026-11-20\n\tfactors: []\n", "3:1:"),
    ("- just a list\n", "1:1:"),
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
    assert json.loads(run_cli("debrief", "list", "--json").stdout) == []
    assert json.loads(run_cli("retry", "--list", "--json").stdout) == {"due": [], "upcoming": []}


def test_a_missing_or_binary_file_is_a_clear_error(run_cli, tmp_path: Path) -> None:
    missing = run_cli("debrief", "add", "--file", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 1 and "nope.yaml" in missing.stderr and "Traceback" not in missing.stderr
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    result = run_cli("debrief", "add", "--file", str(binary))
    assert result.returncode == 1 and "binary.yaml" in result.stderr and "Traceback" not in result.stderr


def test_a_failure_while_saving_leaves_nothing_half_saved(history, monkeypatch, tmp_path: Path) -> None:
    import mockview.prep.debrief as module

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
    assert [field for field, _ in problems] == ["company", "date", "questions"]

    debrief, problems = debrief_from_form({
        "company": "Acme", "date": "2026-11-20", "outcome": "offer", "interviewers": "Priya, Tom",
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
    import datetime as dt

    from mockview.banks.yamlsource import parse_yaml_text

    document = parse_yaml_text("company: Acme\ndate: 2026-11-20 14:30:00\nquestions: [Why us?]\n", "x.yaml")
    debrief, problems = check_debrief(document.data, "x.yaml")
    assert problems == [] and debrief.date == dt.date(2026, 11, 20)
    assert debrief.questions == (AskedQuestion("Why us?"),)
