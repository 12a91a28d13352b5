"""A full disk never loses the answer being typed, and never leaves an empty or half-written file.

Most tests inject ``OSError(ENOSPC)`` (or SQLite's "database or disk is
full") at the write boundary; the last ones fill a real 200 KiB file system,
which needs root to mount and is skipped with the reason elsewhere.
"""

from __future__ import annotations

import errno
import io
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from mockview.cli import main
from mockview.files import write_atomically, write_new
from mockview.store import open_store
from mockview.store.drafts import DraftKeeper
from tests.helpers import REPO, FakeClock

ANSWER = ("At my last job the release slipped. I had to ship it by March. I split the work into weekly "
          "milestones and paired with the newest developer. We shipped two days early and sales rose 40%.")
QUESTION = {"id": "star/old", "bank": "star", "text": "Tell me about a deadline.", "kind": "star",
            "time_limit": 150, "words": [150, 350]}


def disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def sqlite_full(*_args, **_kwargs):
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    raise error


def run(capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(args))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return code, out, err


def leftovers(folder: Path) -> list[str]:
    """Empty files and temporary files: what a failed write must never leave (SQLite's own
    write-ahead log is empty whenever it has just been checkpointed, and is not one)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and not p.name.endswith(("-wal", "-shm"))
                  and (p.stat().st_size == 0 or p.name.endswith(".tmp")))


# --- the write boundary ---------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "sheet.md"
    target.write_text("old\n")
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_atomically(target, "new\n")
    with pytest.raises(OSError):
        write_new(tmp_path / "starter.yaml", "bank: x\n")
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.md"]


def test_the_draft_keeper_keeps_the_text_in_memory_and_writes_it_when_room_returns(
        mockview_home: Path, monkeypatch) -> None:
    import mockview.store.drafts as drafts

    ticks = iter(range(10, 1000, 3))
    monkeypatch.setattr(drafts.time, "monotonic", lambda: float(next(ticks)))
    monkeypatch.setattr(drafts, "write_atomically", disk_full)
    keeper = DraftKeeper(mockview_home)
    now = FakeClock().now()
    assert keeper.update(QUESTION, ANSWER, 5.0, now=now) is False  # no exception: typing goes on
    assert keeper.problem == f"cannot save your draft in {mockview_home / 'drafts'}: the disk is full"
    assert keeper.unsaved == ANSWER
    keeper.flush(now=now)  # quitting: still nothing on disk, still nothing raised
    monkeypatch.setattr(drafts, "write_atomically", write_atomically)
    assert keeper.flush_if_due(now=now) is True
    assert keeper.problem is None and keeper.unsaved is None
    assert json.loads(keeper.path.read_text())["answer"] == ANSWER


def test_the_bank_cache_leaves_no_temporary_file_and_skips_a_nearly_full_disk(mockview_home: Path,
                                                                             monkeypatch) -> None:
    import shutil

    from mockview.banks import cache as cache_module
    from mockview.banks.library import load_library

    monkeypatch.setattr(os, "fsync", disk_full)
    load_library(mockview_home)
    assert not (mockview_home / "cache" / "banks.json").exists() and leftovers(mockview_home) == []
    monkeypatch.undo()
    usage = shutil.disk_usage(mockview_home)
    monkeypatch.setattr(cache_module.shutil, "disk_usage", lambda _path: usage._replace(free=200 * 1024))
    load_library(mockview_home)
    assert not (mockview_home / "cache" / "banks.json").exists()


# --- plain mode -------------------------------------------------------------------------


def test_plain_mode_on_a_full_disk_prints_the_answer_and_says_why_in_one_line(mockview_home: Path, capsys,
                                                                             monkeypatch) -> None:
    import mockview.store.drafts as drafts
    from mockview.store.repository import History

    run(capsys, "history")  # the history exists before the disk fills
    monkeypatch.setattr(drafts, "write_atomically", disk_full)
    monkeypatch.setattr(History, "add_attempt", sqlite_full)
    code, out, err = run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", stdin=f"{ANSWER}\n.\n")
    assert code == 1 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert f"mockview: cannot write {mockview_home / 'history.db'}: the disk is full; your answer is not stored " \
           "yet: it could not be kept as a draft either, so it is only in memory" in lines
    assert "Your answer, printed here because it could not be saved anywhere:" in out and f"  {ANSWER}" in out
    monkeypatch.undo()
    with open_store(mockview_home) as history:
        assert history.attempts() == [] and history.sessions() == []  # nothing half-stored


def test_plain_mode_keeps_the_answer_as_a_draft_when_only_the_history_is_full(mockview_home: Path, capsys,
                                                                             monkeypatch) -> None:
    from mockview.store.repository import History

    real = History.add_attempt
    calls = []

    def full_twice(self, **kwargs):
        calls.append(1)
        return sqlite_full() if len(calls) <= 2 else real(self, **kwargs)

    monkeypatch.setattr(History, "add_attempt", full_twice)
    code, out, err = run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", stdin=f"{ANSWER}\n.\n")
    assert code == 1 and "it is kept as a draft and offered back next time" in err
    assert len(calls) == 2  # tried again once after the history gave back its log's room
    (draft,) = (mockview_home / "drafts").glob("*.json")
    assert json.loads(draft.read_text())["answer"] == ANSWER
    code, out, err = run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", stdin="")
    assert "You left an unfinished answer" in out and f"  > {ANSWER}" in out


def test_at_a_terminal_the_person_can_write_the_answer_elsewhere_and_try_again(mockview_home: Path, tmp_path: Path,
                                                                               monkeypatch) -> None:
    from mockview.banks.library import load_library
    from mockview.practice.driver import start_practice
    from mockview.practice.plain import PlainFrontEnd
    from mockview.practice.selection import Filters
    from mockview.store.repository import History

    real = History.add_attempt
    full = [True]
    monkeypatch.setattr(History, "add_attempt",
                        lambda self, **kwargs: sqlite_full() if full[0] else real(self, **kwargs))
    copy = tmp_path / "answer.txt"

    class Typing(io.StringIO):
        def readline(self, *args):  # the room comes back while the person is choosing
            line = super().readline(*args)
            if line == "\n" and copy.exists():
                full[0] = False
            return line

    stdin, stdout, stderr = Typing(f"{ANSWER}\n.\n{copy}\n\n"), io.StringIO(), io.StringIO()
    with open_store(mockview_home) as history:
        driver = start_practice(load_library(mockview_home), history, Filters(banks=("star",), count=1),
                                history.clock, mockview_home)
        front = PlainFrontEnd(driver, stdin=stdin, stdout=stdout, stderr=stderr, interactive=True)
        front.ask_rating = lambda result: None
        front.ask_reflection = lambda: {}
        assert front.run() == 0
        assert [a.answer for a in history.attempts()] == [ANSWER]
    assert copy.read_text() == ANSWER + "\n"
    assert f"Wrote your answer to {copy}." in stdout.getvalue()
    assert "the disk is full" in stderr.getvalue()


# --- files the commands write -------------------------------------------------------------


@pytest.mark.parametrize("args", [["company", "new", "Acme"], ["banks", "new", "mine"], ["stories", "--edit"]])
def test_commands_that_write_a_new_file_leave_none_on_a_full_disk(mockview_home: Path, capsys, monkeypatch,
                                                                  args: list[str]) -> None:
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.setattr(os, "fsync", disk_full)
    code, _, err = run(capsys, *args)
    assert code == 1 and "Traceback" not in err
    assert "the disk is full" in err.strip().splitlines()[-1] or "the disk is full" in err
    assert leftovers(mockview_home) == []


# --- a real small file system ------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 200 KiB tmpfs; skipped where mounting is not allowed (it needs root)."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a 200 KiB tmpfs needs root (CI runs as root)")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def mockview(data_dir: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None):
    return subprocess.run([sys.executable, "-m", "mockview", "--data-dir", str(data_dir), *args], input=stdin,
                          capture_output=True, text=True, cwd=REPO, timeout=120,
                          env={**os.environ, **(env or {})})


def fill(disk: Path) -> Path:
    filler = disk / f"filler-{uuid.uuid4().hex}"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"x" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def test_a_real_full_disk(small_disk: Path) -> None:
    home = small_disk / "home"
    first = mockview(home, "practice", "--plain", "--bank", "star", "--count", "1", stdin=f"{ANSWER}\n.\n")
    assert first.returncode == 0, first.stderr  # a fresh 200 KiB data dir stores the first answer

    filler = fill(small_disk)
    full = mockview(home, "practice", "--plain", "--bank", "star", "--count", "1", stdin=f"{ANSWER} Again.\n.\n")
    assert full.returncode == 1 and "Traceback" not in full.stderr, full.stderr
    assert "the disk is full" in full.stderr
    assert f"{ANSWER} Again." in full.stdout  # printed, since not even a draft could be written
    for args in (["company", "new", "Acme"], ["banks", "new", "mine"], ["stories", "--edit"]):
        result = mockview(home, *args, env={"EDITOR": "true"})
        assert result.returncode == 1 and "Traceback" not in result.stderr, (args, result.stderr)
        assert "the disk is full" in result.stderr, (args, result.stderr)
    assert leftovers(home) == []

    filler.unlink()
    again = mockview(home, "practice", "--plain", "--bank", "star", "--count", "1", stdin=f"{ANSWER} Third.\n.\n")
    assert again.returncode == 0, again.stderr
    history = json.loads(mockview(home, "history", "--json").stdout)
    assert [a["answer"] for a in history] == [f"{ANSWER} Third.", ANSWER]
