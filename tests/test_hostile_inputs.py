"""Inputs that once hung, overflowed or were stored with escape sequences: one clear line each."""

from __future__ import annotations

import io
import os
import sys
import threading
from pathlib import Path

import pytest

from mockview.cli import main
from mockview.store import open_store

ESC = "\x1b]2;pwned\x07"


def run(capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's usage errors
            code = int(stop.code or 0)
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return code, out, err


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "args",
    [
        ["practice", "--plain", "--company", f"Acme{ESC}"],
        ["practice", "--plain", "--role", f"lead{ESC}"],
        ["interview", "--plain", "--company", f"Acme{ESC}"],
        ["score", "--question-text", f"Why{ESC}?"],
        ["company", "new", f"Acme{ESC}"],
        ["prep", "--company", f"Acme{ESC}"],
        ["debrief", "feedback", "1", "--text", f"Vague{ESC}"],
        ["debrief", "feedback", "1", "--text", "Vague", "--focus", f"star{ESC}"],
    ],
    ids=["practice-company", "practice-role", "interview", "score", "company-new", "prep", "feedback", "focus"],
)
def test_arguments_that_become_stored_text_refuse_escapes(mockview_home: Path, capsys, args: list[str]) -> None:
    code, out, err = run(capsys, *args, stdin="An answer.\n.\n")
    assert code == 2 and "\x1b" not in err
    assert "holds the control character ^[ (U+001B) at character" in last_line(err)
    assert not (mockview_home / "history.db").exists() and not (mockview_home / "profiles").exists()


@pytest.mark.parametrize(
    ("field", "where"),
    [("questions", "4:12"), ("went_wrong", "4:13"), ("interviewers", "4:15"), ("factors", "4:10"),
     ("next_time", "4:12"), ("feedback", "4:11")],
)
def test_a_debrief_field_given_as_one_string_refuses_escapes(tmp_path: Path, capsys, field: str, where: str) -> None:
    debrief = tmp_path / "acme.yaml"
    debrief.write_text(f'company: Acme\ndate: 2026-02-20\nwent_right: [Explained my design]\n{field}: "Oops\\e[2J"\n')
    code, _, err = run(capsys, "debrief", "add", "--file", str(debrief))
    assert code == 1
    assert f"{debrief}:{where}: '{field}' contains the control character ^[ (U+001B); files hold plain text" in err
    assert "\x1b" not in err


def test_a_profile_list_given_as_one_string_refuses_escapes(mockview_home: Path, capsys) -> None:
    profiles = mockview_home / "profiles"
    profiles.mkdir(parents=True)
    (profiles / "acme.yaml").write_text('company: Acme\nvalues: "frugal\\e]52;c;eA==\\a"\n')
    code, _, err = run(capsys, "company", "show", "Acme")
    assert "\x1b" not in err
    assert f"{profiles / 'acme.yaml'}:2:9: 'values' contains the control character ^[ (U+001B)" in err


def test_an_answer_file_that_is_a_fifo_is_refused_at_once(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "answer"
    os.mkfifo(fifo)
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(
        run(capsys, "score", "--question-text", "Why?", "--answer-file", str(fifo))), daemon=True)
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():  # unblock the open() so the test run can go on, then fail
        with open(fifo, "w"):
            pass
        pytest.fail("score blocked on the FIFO")
    code, _, err = result[0]
    assert (code, err.strip()) == (1, f"mockview: {fifo} is not a regular file")


@pytest.mark.parametrize("action", [["show"], ["delete"], ["outcome", "{id}", "offer"], ["feedback", "{id}", "--text", "x"]])
def test_a_debrief_id_past_what_sqlite_holds_is_a_usage_error(capsys, action: list[str]) -> None:
    too_big = str(2**63)
    args = [part.replace("{id}", too_big) for part in action]
    if "{id}" not in action:
        args.append(too_big)
    code, _, err = run(capsys, "debrief", *args)
    assert code == 2 and last_line(err).endswith("argument ID: must be from 1 to 9223372036854775807")
    code, _, err = run(capsys, "debrief", *[part.replace(too_big, str(2**63 - 1)) for part in args])
    assert code == 1 and "no debrief 9223372036854775807" in err


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/New_York", "UTC"])
def test_export_since_the_first_or_last_day_a_calendar_has(mockview_home: Path, capsys, monkeypatch,
                                                           zone: str) -> None:
    import time

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", stdin="I fixed it.\n.\n")
        code, out, err = run(capsys, "export", "--format", "csv", "--since", "0001-01-01")
        assert code == 0 and len(out.splitlines()) == 2, err
        code, out, err = run(capsys, "export", "--format", "csv", "--since", "9999-12-31")
        assert code == 0 and len(out.splitlines()) == 1, err
    finally:
        monkeypatch.undo()
        time.tzset()
    with open_store(mockview_home) as history:
        assert len(history.attempts()) == 1


def test_a_pasted_colour_code_is_no_figure_and_no_word(capsys, monkeypatch) -> None:
    import json

    def score(answer: str) -> dict:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(answer.encode())))
        assert main(["score", "--question-text", "Tell me about a bug you fixed.", "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    data = score("I fixed the \x1b[31mbroken\x1b[0m build and we shipped it on time.\x1b]0;title\x07")
    assert data["delivery"]["numbers"] == 0  # the 31 and the 0 were colours, not results
    assert data["delivery"]["words"] == 11
    assert all("\x1b" not in sentence and "31m" not in sentence for sentence in data["sentences"])
    assert data["score"] == score("I fixed the broken build and we shipped it on time.")["score"]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("reset\x1b(B here", "reset here"),                       # tput sgr0
        ("\x1b7time \x1b8 ok", "time ok"),                         # save and restore the cursor
        ("c1 \x9b31mred", "c1 red"),                               # an 8-bit CSI
        ("osc \x1b]0;title\x07 after", "osc after"),
        ("open \x1b]0;no end\nnext line stays", "open next line stays"),  # an OSC never runs past a line
        ("dcs \x1bPq#0;2\x1b\\ done", "dcs done"),
        ("link \x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\ end", "link text end"),
        ("a\r\rb", "a\r\rb"),                                      # a carriage return is a line break
    ],
)
def test_every_form_of_terminal_code_is_blanked_and_nothing_else(typed: str, said: str) -> None:
    from mockview.text import without_terminal_codes

    blanked = without_terminal_codes(typed)
    assert len(blanked) == len(typed)  # offsets into the answer as typed still hold
    assert " ".join(blanked.split(" ")).split() == said.split() or blanked == said
