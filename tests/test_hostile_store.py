"""The history under hostile conditions: one clear line each, answers kept, bad rows skipped."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from mockview.cli import main
from mockview.store import open_store

ANSWER = ("At my last job the release slipped. I had to ship it by March. I split the work into weekly "
          "milestones. We shipped two days early and sales rose 40%.")


def run(capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(args))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return code, out, err


def practise(capsys, answer: str = ANSWER) -> tuple[int, str, str]:
    return run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", stdin=f"{answer}\n.\n")


def drafts(home: Path) -> list[str]:
    return [json.loads(p.read_text())["answer"] for p in (home / "drafts").glob("*.json")]


def sql(home: Path, statement: str, args: tuple = ()) -> None:
    connection = sqlite3.connect(home / "history.db")
    connection.execute(statement, args)
    connection.commit()
    connection.close()


def test_a_read_only_history_is_read_with_a_notice_and_answers_become_drafts(mockview_home: Path, capsys,
                                                                             monkeypatch) -> None:
    import mockview.store.db as db

    assert practise(capsys)[0] == 0
    db_file = str(mockview_home / "history.db")
    # Root may write any file, so the test says the file is read-only as the system would.
    real_access = os.access
    monkeypatch.setattr(db.os, "access", lambda path, mode: False if str(path) == db_file else real_access(path, mode))
    code, out, err = run(capsys, "history")
    assert code == 0 and out.count("star/") == 1
    assert err.strip() == (f"mockview: {db_file} is read-only: your history can be read, but nothing new can be "
                           "stored (answers are kept as drafts); make the file writable to store them")
    code, out, err = practise(capsys, f"{ANSWER} Second.")
    assert code == 1 and "Traceback" not in err
    assert (f"mockview: cannot write {db_file}: the file is read-only; your answer is not stored yet: it is kept "
            "as a draft and offered back next time") in err.splitlines()
    assert drafts(mockview_home) == [f"{ANSWER} Second."]


def test_a_lock_held_by_another_program_is_one_line_and_the_answer_a_draft(mockview_home: Path, capsys,
                                                                            monkeypatch) -> None:
    import mockview.store.db as db

    assert practise(capsys)[0] == 0
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)  # not ten seconds in a test
    other = sqlite3.connect(mockview_home / "history.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code, out, err = practise(capsys, f"{ANSWER} Locked.")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1 and "Traceback" not in err
    assert (f"cannot write {mockview_home / 'history.db'}: another program has kept it locked all the while "
            "mockview waited") in err
    assert drafts(mockview_home) == [f"{ANSWER} Locked."]


@pytest.mark.parametrize("kind", ["dev-null", "fifo", "folder"])
def test_a_history_that_is_not_a_file_is_refused_without_hanging(mockview_home: Path, capsys, kind: str) -> None:
    mockview_home.mkdir(parents=True)
    path = mockview_home / "history.db"
    if kind == "dev-null":
        path.symlink_to("/dev/null")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(run(capsys, "history")), daemon=True)
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():
        with open(path, "w"):  # let the blocked open() go, then fail
            pass
        pytest.fail("the command hung on the FIFO")
    code, _, err = result[0]
    said = {"dev-null": "is a device", "fifo": "is a FIFO", "folder": "is a folder"}[kind]
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert err.startswith(f"mockview: {path} {said}") and "rollback" not in err


def test_an_empty_history_file_is_reported_then_used(mockview_home: Path, capsys) -> None:
    mockview_home.mkdir(parents=True)
    (mockview_home / "history.db").write_bytes(b"")
    code, out, err = run(capsys, "history")
    assert code == 0
    assert err.strip() == f"mockview: {mockview_home / 'history.db'} was empty (0 bytes); started a new history in it"
    assert run(capsys, "history")[2] == ""  # said once: it is a database now


def test_a_row_with_a_time_that_is_not_a_time_is_skipped_with_a_warning(mockview_home: Path, capsys) -> None:
    assert practise(capsys)[0] == 0
    assert practise(capsys, f"{ANSWER} Again.")[0] == 0
    sql(mockview_home, "UPDATE attempts SET submitted_at = 'yesterday' WHERE id = 1")
    for args in (["history"], ["history", "--json"], ["stats"], ["stats", "--json"], ["export", "--format", "csv"],
                 ["export", "--format", "md"], ["retry", "--list"], ["patterns"]):
        code, out, err = run(capsys, *args)
        assert code == 0 and "Traceback" not in err, (args, err)
    code, out, err = run(capsys, "history", "--json")
    assert [a["answer"] for a in json.loads(out)] == [f"{ANSWER} Again."]
    assert err.strip() == (f"mockview: skipped 1 damaged row of attempts in {mockview_home / 'history.db'} (id 1: "
                           "Invalid isoformat string: 'yesterday'); the rest of the history is fine")
    code, out, err = practise(capsys, f"{ANSWER} Third.")
    assert code == 0 and "Session done: 1 answered" in out


def test_a_debrief_whose_data_is_not_a_mapping_is_skipped(mockview_home: Path, tmp_path: Path, capsys) -> None:
    for company in ("Acme", "Globex"):
        debrief = tmp_path / f"{company}.yaml"
        debrief.write_text(f"company: {company}\ndate: 2026-02-20\nfactors: [nervous]\n")
        assert run(capsys, "debrief", "add", "--file", str(debrief))[0] == 0
    sql(mockview_home, "UPDATE debriefs SET data = '[]' WHERE company = 'Acme'")
    code, out, err = run(capsys, "debrief", "list")
    assert code == 0 and "Globex" in out and "Acme" not in out
    assert "skipped 1 damaged row of debriefs" in err and "expected a JSON object, found list" in err
    assert run(capsys, "patterns")[0] == 0


def test_a_lowered_schema_version_is_put_back(mockview_home: Path, capsys) -> None:
    from mockview.store.schema import SCHEMA_VERSION

    assert practise(capsys)[0] == 0
    sql(mockview_home, "PRAGMA user_version = 1")
    code, out, err = run(capsys, "history")
    assert code == 0 and out.count("star/") == 1
    assert err.strip() == (f"mockview: the history's schema version said 1, but its tables are version "
                           f"{SCHEMA_VERSION}; set it back to match")
    assert practise(capsys, f"{ANSWER} Again.")[0] == 0
    with open_store(mockview_home) as history:
        assert history.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(history.attempts()) == 2


def test_a_failed_first_answer_starts_no_session_and_the_next_one_is_stored(mockview_home: Path, clock,
                                                                            monkeypatch) -> None:
    from mockview.banks.library import load_library
    from mockview.practice.driver import AnswerNotStored, start_practice
    from mockview.practice.selection import Filters
    from mockview.store.repository import History

    real = History.add_attempt
    failing = [True]

    def add_attempt(self, **kwargs):
        if failing[0]:
            error = sqlite3.OperationalError("attempt to write a readonly database")
            error.sqlite_errorcode = sqlite3.SQLITE_READONLY
            raise error
        return real(self, **kwargs)

    monkeypatch.setattr(History, "add_attempt", add_attempt)
    with open_store(mockview_home, clock=clock) as history:
        driver = start_practice(load_library(mockview_home), history, Filters(banks=("star",), count=1), clock,
                                mockview_home)
        driver.begin()
        clock.advance(30)
        with pytest.raises(AnswerNotStored):
            driver.submit(ANSWER)
        clock.advance(10)
        assert history.sessions() == [] and driver.current is not None
        failing[0] = False
        result = driver.submit(ANSWER)
        assert result.seconds == pytest.approx(40)  # the clock ran on while the answer waited
        (session,) = history.sessions()
        assert [a.session_id for a in history.attempts()] == [session.id]
