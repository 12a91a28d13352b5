"""The plain front end and the history commands.

The commands run in-process through ``mockview.cli.main`` (the ``run_cli``
fixture); what needs a real process (a draft surviving ``kill -9``, SIGTERM
and its exit status) starts ``python -m mockview``.
"""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
from pathlib import Path

import pytest

from tests.helpers import (
    blocked_reading_stdin,
    leave_draft,
    mockview_argv,
    process_env,
    wait_for_draft,
    wait_until,
    waiting_for_input,
)

STRONG = """Last spring I was one of four engineers on the payments team at a travel startup, and our lead
wanted to migrate the bookings database in one weekend. It was my job to make sure the risk was understood
before we committed. I asked her for half an hour and listened to her plan; her worry was a dual-write
period that never ends. So I wrote a one-page proposal for two weeks of dual writes with a hard end date,
I built a nightly script to compare row counts, and I added a rollback switch. I ran the comparison myself
every morning and posted the numbers where the team could see them. We agreed on that middle ground.
As a result we cut over on day twelve with zero mismatched rows and no downtime, and the script is now
part of our migration checklist."""

THREE_ANSWERS = f"{STRONG}\n.\n\n.\nI don't know.\n.\n"


def run_mockview(run_cli, *args: str, input: str = ""):
    result = run_cli(*args, input=input)
    assert result.returncode == 0, result.stderr
    return result


def test_three_piped_answers_then_history_retry_and_stats(run_cli) -> None:
    practice = run_mockview(run_cli, "practice", "--plain", "--bank", "star", "--count", "3", "--seed", "1",
                            input=THREE_ANSWERS)
    out = practice.stdout
    assert out.count("Question ") == 3 and "Question 3 of 3" in out
    assert "Skipped: it counts as fumbled." in out
    assert "Session done: 2 answered, 1 skipped" in out
    assert "Rate yourself" not in out  # not a terminal: no self-rating

    history = json.loads(run_mockview(run_cli, "history", "--json").stdout)
    assert len(history) == 3
    assert [a["answer"] for a in reversed(history)] == [STRONG, "", "I don't know."]
    assert history[1]["skipped"] is True and history[1]["verdict"] == "fumbled"
    assert all(a["question_id"].startswith("star/") for a in history)
    assert history[0]["submitted_at"] >= history[-1]["submitted_at"]

    queue = json.loads(run_mockview(run_cli, "retry", "--list", "--json").stdout)
    fumbled = {a["question_id"] for a in history if a["verdict"] == "fumbled"}
    assert {item["question_id"] for item in queue["due"]} == fumbled
    assert all(item["due_now"] for item in queue["due"]) and queue["upcoming"] == []

    stats = json.loads(run_mockview(run_cli, "stats", "--json").stdout)
    assert stats["attempts"] == 3 and stats["sessions"] == 1
    assert stats["fumbled"] == len(fumbled) and stats["due"] == len(fumbled)
    assert stats["streak_days"] == 1
    assert {c["category"] for c in stats["by_category"]} <= {a["category"] for a in history}
    assert stats["by_week"][0]["attempts"] == 3
    text = run_mockview(run_cli, "stats").stdout
    assert text.startswith("3 answers in 1 session")
    # The skip has no score: the category table counts what it averages, and its header says so.
    assert "CATEGORY" in text and "SCORED" in text
    assert sum(c["attempts"] for c in stats["by_category"]) == 2


def test_the_same_seed_asks_the_same_questions(run_cli, tmp_path: Path) -> None:
    first = run_mockview(run_cli, "--data-dir", str(tmp_path / "a"), "practice", "--plain", "--bank", "star",
                         "--count", "3", "--seed", "7", input="")
    second = run_mockview(run_cli, "--data-dir", str(tmp_path / "b"), "practice", "--plain", "--bank", "star",
                          "--count", "3", "--seed", "7", input="")
    assert first.stdout.splitlines()[1] == second.stdout.splitlines()[1]


def test_retry_plain_re_drills_the_fumbled_ones(run_cli) -> None:
    run_mockview(run_cli, "practice", "--plain", "--bank", "star", "--count", "3", "--seed", "1", input=THREE_ANSWERS)
    retry = run_mockview(run_cli, "retry", "--plain", input=f"{STRONG}\n.\n{STRONG}\n.\n")
    assert "Question 2 of 2" in retry.stdout
    assert "Last time (" in retry.stdout
    history = json.loads(run_mockview(run_cli, "history", "--json").stdout)
    assert len(history) == 5


def test_retry_with_an_empty_queue_is_a_clear_message(run_cli) -> None:
    result = run_cli("retry", "--plain", input="")
    assert result.returncode == 1
    assert "the re-drill queue is empty" in result.stderr
    assert "The re-drill queue is empty" in run_cli("retry", "--list").stdout


def start_practice(mockview_home: Path) -> subprocess.Popen:
    """A real plain-mode practice reading its answer from a pipe, as a script would feed it."""
    return subprocess.Popen(
        mockview_argv("practice", "--plain", "--bank", "star", "--count", "1", "--seed", "3"),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=process_env(mockview_home),
    )


def send_line(process: subprocess.Popen, line: str) -> None:
    process.stdin.write(line + "\n")
    process.stdin.flush()  # one write: the process reads the whole line at once


def test_a_draft_survives_kill_9_and_is_offered_next_time(run_cli, mockview_home: Path) -> None:
    process = start_practice(mockview_home)
    send_line(process, "At my last job the release kept slipping.")
    wait_for_draft(mockview_home, "release kept slipping")  # the first line is saved at once
    send_line(process, "So I split the work into weekly milestones.")
    draft = wait_for_draft(mockview_home, "weekly milestones")  # the next within about two seconds
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert draft["answer"] == ("At my last job the release kept slipping.\n"
                               "So I split the work into weekly milestones.")
    assert draft["question"]["id"].startswith("star/")

    again = run_cli("practice", "--plain", "--bank", "star", "--count", "1", input="")
    assert "You left an unfinished answer" in again.stdout
    assert draft["question"]["text"] in again.stdout
    assert "  > So I split the work into weekly milestones." in again.stdout
    assert "It is kept" in again.stdout
    assert len(list((mockview_home / "drafts").glob("*.json"))) == 1


def test_sigterm_saves_what_was_typed_at_once(mockview_home: Path) -> None:
    process = start_practice(mockview_home)
    send_line(process, "First line is saved straight away.")
    wait_for_draft(mockview_home, "First line")
    reads = blocked_reading_stdin(process)
    send_line(process, "Second line comes within two seconds.")
    # Not a sleep and a hope: the signal goes once the process has read the line and waits for
    # the next one, so the line is part of its answer (and, within two seconds, not yet on disk).
    wait_until(lambda: waiting_for_input(process, reads), what="the process to read the second line")
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 128 + signal.SIGTERM
    draft = wait_for_draft(mockview_home, "Second line", timeout=1)
    assert draft["answer"].endswith("Second line comes within two seconds.")


def plan(history, home: Path, **filters):
    """A practice of the star bank on the real clock, as ``mockview practice`` builds it."""
    from mockview.banks.library import load_library
    from mockview.clock import SystemClock
    from mockview.practice.plans import build_practice
    from mockview.practice.selection import Filters

    return build_practice(load_library(home), history, Filters(banks=("star",), **filters), SystemClock())


def answer_at_a_terminal(session, home: Path, typed: str) -> str:
    """Run the plain front end as at a terminal (self-rating, reflection) on ``typed``; what it printed."""
    from mockview.practice.driver import SessionDriver
    from mockview.practice.plain import PlainFrontEnd

    out = io.StringIO()
    PlainFrontEnd(SessionDriver(session, home), stdin=io.StringIO(typed), stdout=out, interactive=True).run()
    return out.getvalue()


def now():
    from mockview.clock import SystemClock

    return SystemClock().now()


def test_a_recovered_draft_can_be_finished_at_a_terminal(mockview_home: Path) -> None:
    from mockview.store import open_store

    question = {"id": "star/old", "bank": "star", "text": "Tell me about a deadline you nearly missed.",
                "kind": "star", "time_limit": 150, "words": [150, 350]}
    leave_draft(mockview_home, question, "At my last job the release slipped.", 42.0, now=now())

    history = open_store(mockview_home)
    session = plan(history, mockview_home, count=1)
    typed = "\n".join(["", "Then I cut scope and we shipped on time.", ".", "", ".", "", "", ""]) + "\n"
    answer_at_a_terminal(session, mockview_home, typed)
    history.close()
    history = open_store(mockview_home)
    resumed = history.attempts(question_id="star/old")
    assert resumed and resumed[0].answer == "At my last job the release slipped.\nThen I cut scope and we shipped on time."
    assert resumed[0].seconds >= 42
    assert list((mockview_home / "drafts").glob("*.json")) == []
    history.close()


def test_a_recovered_draft_of_a_planned_question_is_asked_once(mockview_home: Path) -> None:
    from mockview.store import open_store

    history = open_store(mockview_home)
    session = plan(history, mockview_home, count=3, seed=2)
    later = session.plan[2]
    leave_draft(mockview_home, later.snapshot, "Half an answer.", 10.0, now=now())

    typed = "\n".join(["", ".", "", "Second.", ".", "", "Third.", ".", "", "", ""]) + "\n"
    out = answer_at_a_terminal(session, mockview_home, typed)
    asked = [a.question_id for a in history.attempts()]
    history.close()
    assert sorted(asked) == sorted({p.question.full_id for p in session.plan}) and len(asked) == 3
    assert asked.count(later.question.full_id) == 1
    assert "Question 1 of 3 | " + later.question.full_id in out


def test_two_recovered_drafts_are_both_finished(mockview_home: Path) -> None:
    from mockview.store import open_store

    for number in (1, 2):
        question = {"id": f"star/old-{number}", "bank": "star", "text": f"Old question {number}?", "kind": "star",
                    "time_limit": 150, "words": [150, 350]}
        leave_draft(mockview_home, question, f"Draft {number}.", 5.0, now=now())

    history = open_store(mockview_home)
    session = plan(history, mockview_home, count=1)
    typed = "\n".join(["", "", ".", "", ".", "", ".", "", "", ""]) + "\n"
    answer_at_a_terminal(session, mockview_home, typed)
    answers = {a.question_id: a.answer for a in history.attempts()}
    history.close()
    assert answers["star/old-1"] == "Draft 1." and answers["star/old-2"] == "Draft 2."


def test_self_rating_is_asked_at_a_terminal(mockview_home: Path) -> None:
    from mockview.store import open_store

    history = open_store(mockview_home)
    session = plan(history, mockview_home, count=1, seed=2)
    text = answer_at_a_terminal(session, mockview_home, "Not sure.\n.\n4\nStayed calm\nNo story ready\n")
    assert "Rate yourself: 1 Again, 2 Hard, 3 Good, 4 Easy (Enter keeps Again)" in text
    rescheduled = text.split("Re-drill: ")[-1].split(".\n")[0]
    assert rescheduled.startswith("next re-drill due in")
    # The summary tells where the question stands at the end: the same date.
    assert rescheduled.replace("next re-drill due", "now in the re-drill queue, due") in text.split("Session done:")[1]
    (attempt,) = history.attempts()
    assert attempt.self_rating == 4
    assert history.session(attempt.session_id).reflection == {"went_right": "Stayed calm", "went_wrong": "No story ready"}
    history.close()


def test_exports(run_cli, tmp_path: Path) -> None:
    run_mockview(run_cli, "practice", "--plain", "--bank", "star", "--count", "3", "--seed", "1", input=THREE_ANSWERS)
    markdown = run_mockview(run_cli, "export", "--format", "md").stdout
    assert markdown.startswith("# mockview practice report")
    assert "## " in markdown and "**" in markdown and "> Last spring I was one of four engineers" in markdown
    assert "*Skipped.*" in markdown

    exported = json.loads(run_mockview(run_cli, "export", "--format", "json").stdout)
    assert len(exported) == 3 and exported[0]["analysis"]["verdict"] in ("strong", "ok", "fumbled")
    assert exported[0]["answer"] == STRONG

    target = tmp_path / "out.csv"
    run_mockview(run_cli, "export", "--format", "csv", "-o", str(target))
    rows = list(csv.DictReader(target.open()))
    assert len(rows) == 3 and rows[0]["answer"] == STRONG and rows[1]["skipped"] == "True"

    assert json.loads(run_mockview(run_cli, "export", "--format", "json", "--since", "2999-01-01").stdout) == []
    bad = run_cli("export", "--format", "json", "--since", "yesterday")
    assert bad.returncode == 2 and "not a date in YYYY-MM-DD form" in bad.stderr


def test_history_text_and_limit(run_cli) -> None:
    assert "No answers yet" in run_mockview(run_cli, "history").stdout
    run_mockview(run_cli, "practice", "--plain", "--bank", "star", "--count", "3", "--seed", "1", input=THREE_ANSWERS)
    text = run_mockview(run_cli, "history", "--limit", "2").stdout.splitlines()
    assert text[0].split() == ["WHEN", "QUESTION", "SCORE", "VERDICT", "TIME"] and len(text) == 3
    assert len(json.loads(run_mockview(run_cli, "history", "--json", "--limit", "1").stdout)) == 1
    assert "3 answers in 1 session, average score" in run_mockview(run_cli, "stats").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["practice", "--plain", "--count", "0"], "must be at least 1"),
        (["practice", "--plain", "--time-limit", "-5"], "must be more than 0 and at most 86400 seconds"),
        (["practice", "--plain", "--order", "sideways"], "invalid choice"),
    ],
)
def test_usage_errors(run_cli, args: list[str], message: str) -> None:
    result = run_cli(*args, input="")
    assert result.returncode == 2 and message in result.stderr


def test_unknown_filters_are_user_errors(run_cli) -> None:
    result = run_cli("practice", "--plain", "--bank", "star", "--tag", "nonexistent-tag", input="")
    assert result.returncode == 1 and "no tag 'nonexistent-tag'" in result.stderr


def test_input_ending_before_an_answer_records_nothing(run_cli) -> None:
    result = run_mockview(run_cli, "practice", "--plain", "--bank", "star", "--count", "2", input="")
    assert "Input ended; 2 questions left unasked." in result.stdout
    assert json.loads(run_mockview(run_cli, "history", "--json").stdout) == []
    assert json.loads(run_mockview(run_cli, "stats", "--json").stdout)["sessions"] == 0


def test_a_user_bank_hiding_a_shipped_one_is_reported(run_cli, mockview_home: Path) -> None:
    folder = mockview_home / "banks"
    folder.mkdir(parents=True)
    (folder / "star.yaml").write_text("bank: star\nquestions:\n  - id: mine\n    text: My own question?\n")
    result = run_cli("practice", "--plain", "--bank", "star", "--count", "1", input="")
    assert "bank 'star' from" in result.stderr and "replaces this shipped bank" in result.stderr


def test_plain_rating_is_recorded_even_when_it_matches_and_bad_replies_are_explained(mockview_home: Path) -> None:
    from mockview.store import open_store

    history = open_store(mockview_home)
    session = plan(history, mockview_home, count=2, seed=2)
    out = answer_at_a_terminal(session, mockview_home, "Not sure.\n.\n1\nNo idea.\n.\n7\n\n\n")
    assert "Not a rating (1-4); keeping Again." in out
    first, second = history.attempts(oldest_first=True)
    assert first.self_rating == 1 and second.self_rating is None
    history.close()


def test_bytes_that_are_not_utf8_do_not_lose_the_answer(run_cli) -> None:
    result = run_cli("practice", "--plain", "--bank", "star", "--count", "1", "--seed", "1",
                     input=b"At my caf\xe9 job I fixed the r\xffelease.\n.\n")
    assert result.returncode == 0, result.stderr
    answers = [attempt["answer"] for attempt in json.loads(run_cli("history", "--json").stdout)]
    assert answers == ["At my caf\ufffd job I fixed the r\ufffdelease."]
