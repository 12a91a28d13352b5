"""The history database: migrations, damage, permissions, two writers at once."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mockview.errors import MockviewError
from mockview.store import open_store
from mockview.store.db import migrate
from mockview.store.schema import MIGRATIONS, SCHEMA_VERSION


def test_a_new_database_is_at_the_latest_schema(mockview_home: Path) -> None:
    history = open_store(mockview_home)
    assert history.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert history.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert history.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    history.close()


def test_a_version_1_database_is_upgraded_with_its_data(mockview_home: Path) -> None:
    mockview_home.mkdir(parents=True)
    db = sqlite3.connect(mockview_home / "history.db")
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO sessions (id, started_at, mode) VALUES (1, '2025-01-01T10:00:00+00:00', 'practice')")
    db.execute(
        "INSERT INTO attempts (session_id, question_id, bank, category, question, answer, started_at, "
        "submitted_at, seconds, time_limit, analysis, score, verdict) VALUES (1, 'star/x', 'star', 'teamwork', "
        "?, 'My old answer', '2025-01-01T10:00:00+00:00', '2025-01-01T10:02:00+00:00', 120, 150, ?, 40, 'fumbled')",
        (json.dumps({"id": "star/x", "text": "Old question?"}), json.dumps({"score": 40, "verdict": "fumbled"})),
    )
    db.execute(
        "INSERT INTO attempts (session_id, question_id, bank, category, question, answer, started_at, "
        "submitted_at, seconds, time_limit, analysis, score, verdict) VALUES (1, 'star/x', 'star', 'teamwork', "
        "?, ' \n', '2025-01-02T10:00:00+00:00', '2025-01-02T10:00:05+00:00', 5, 150, ?, 0, 'fumbled')",
        (json.dumps({"id": "star/x", "text": "Old question?"}), json.dumps({"score": 0, "verdict": "fumbled"})),
    )
    db.execute("INSERT INTO schedule (question_id, card, due, question, added_at, updated_at) VALUES "
               "('star/x', '{}', '2025-01-03T10:00:00+00:00', '{}', '2025-01-01T10:02:00+00:00', "
               "'2025-01-02T10:00:05+00:00')")
    db.commit()
    db.close()

    history = open_store(mockview_home)
    assert history.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    skip, old = history.attempts()
    assert old.answer == "My old answer" and old.question["text"] == "Old question?"
    assert old.hints_used == 0 and old.skipped is False
    assert skip.skipped is True  # an empty answer was a skip then too
    assert history.schedule_entry("star/x").fumbles == 2  # leech counting goes on where it was
    assert history.session(1).reflection is None
    history.close()


def test_migrating_twice_is_harmless(mockview_home: Path) -> None:
    history = open_store(mockview_home)
    assert migrate(history.connection) == SCHEMA_VERSION
    history.close()


def test_a_newer_database_is_refused_clearly(mockview_home: Path) -> None:
    mockview_home.mkdir(parents=True)
    db = sqlite3.connect(mockview_home / "history.db")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    with pytest.raises(MockviewError, match="written by a newer mockview"):
        open_store(mockview_home)


@pytest.mark.parametrize("damage", ["not-sqlite", "scrambled"])
def test_a_damaged_database_is_moved_aside_and_replaced(mockview_home: Path, damage: str) -> None:
    history = open_store(mockview_home)
    history.start_session("practice", [], {})
    history.close()
    path = mockview_home / "history.db"
    for sidecar in ("history.db-wal", "history.db-shm"):
        (mockview_home / sidecar).unlink(missing_ok=True)
    if damage == "not-sqlite":
        path.write_text("these are my notes, not a database\n" * 100)
    else:
        raw = bytearray(path.read_bytes())
        raw[100:4096] = os.urandom(3996)
        path.write_bytes(bytes(raw))
    warnings: list[str] = []
    history = open_store(mockview_home, warn=warnings.append)
    assert len(warnings) == 1
    assert "moved it to history.db.corrupt-" in warnings[0] and "started a fresh history" in warnings[0]
    assert history.sessions() == []
    history.start_session("practice", [], {})
    history.close()
    moved = [p.name for p in mockview_home.glob("history.db.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(moved) == 1


def test_the_cli_says_one_line_about_damage(run_cli, mockview_home: Path) -> None:
    mockview_home.mkdir(parents=True)
    (mockview_home / "history.db").write_bytes(b"\x00garbage" * 1000)
    result = run_cli("history")
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1 and "is not a SQLite database" in result.stderr
    assert "No answers yet" in result.stdout


def test_another_programs_sqlite_database_is_moved_aside_not_migrated(run_cli, mockview_home: Path) -> None:
    mockview_home.mkdir(parents=True)
    other = sqlite3.connect(mockview_home / "history.db")
    other.execute("CREATE TABLE sessions (x)")  # a name our schema uses too
    other.execute("INSERT INTO sessions VALUES ('theirs')")
    other.commit()
    other.close()
    result = run_cli("stats")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "not mockview's history" in result.stderr
    moved = next(p for p in mockview_home.glob("history.db.corrupt-*") if not p.name.endswith(("-wal", "-shm")))
    assert sqlite3.connect(moved).execute("SELECT x FROM sessions").fetchall() == [("theirs",)]


def test_a_read_only_data_directory_is_a_clear_error(run_cli, mockview_home: Path) -> None:
    if os.geteuid() == 0:
        # root writes through permission bits; /proc is read-only even for root.
        if not Path("/proc/self").is_dir():
            pytest.skip("needs a directory that is read-only for root")
        result = run_cli("--data-dir", "/proc/self", "history")
    else:
        mockview_home.mkdir(parents=True)
        mockview_home.chmod(0o500)
        try:
            result = run_cli("history")
        finally:
            mockview_home.chmod(0o700)
    assert result.returncode == 1
    assert "is read-only; choose another with --data-dir" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_data_directory_that_is_a_file_is_a_clear_error(run_cli, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("--data-dir", str(blocker / "inside"), "history")
    assert result.returncode == 1
    assert "cannot create the data directory" in result.stderr and "Traceback" not in result.stderr


WRITER = """
import sys
from pathlib import Path
from mockview.store import open_store
history = open_store(Path(sys.argv[1]))
for n in range(int(sys.argv[2])):
    session = history.start_session("practice", [], {"writer": sys.argv[3]})
    history.add_attempt(session_id=session, question={"id": f"w/{sys.argv[3]}-{n}", "bank": "w"},
                        answer="x", started_at=history.clock.now(), seconds=1.0, time_limit=150,
                        analysis={"score": 50, "verdict": "ok"})
history.close()
"""


def test_two_processes_writing_at_once_lose_nothing(mockview_home: Path) -> None:
    open_store(mockview_home).close()
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(mockview_home), "150", name])
        for name in ("a", "b")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    history = open_store(mockview_home)
    assert len(history.attempts()) == 300
    assert len(history.sessions()) == 300
    history.close()
