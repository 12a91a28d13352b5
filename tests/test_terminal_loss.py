"""A closed terminal: the app ends at once with its draft kept, and a process left without its
terminal does not keep its draft from being offered back."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mockview.store.drafts import DraftKeeper, recovered_drafts
from tests.helpers import REPO, FakeClock

QUESTION = {"id": "star/old", "bank": "star", "text": "Tell me about a deadline.", "kind": "star",
            "time_limit": 150, "words": [150, 350]}


def draft_of(home: Path, pid: int, tty: int) -> Path:
    keeper = DraftKeeper(home)
    keeper.update(QUESTION, "The release slipped.", 3.0, now=FakeClock().now())
    keeper.path.write_text(json.dumps({**json.loads(keeper.path.read_text()), "pid": pid, "tty": tty}))
    return keeper.path


def test_a_live_process_that_lost_its_terminal_does_not_keep_its_draft(mockview_home: Path) -> None:
    # A process named like mockview, alive, with no terminal (as after its window closed).
    stand_in = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "mockview"])
    try:
        lost = draft_of(mockview_home, stand_in.pid, tty=34816)  # it was typing at /dev/pts/0
        assert [d.path for d in recovered_drafts(mockview_home)] == [lost]
        lost.unlink()
        never_had_one = draft_of(mockview_home, stand_in.pid, tty=0)  # a pipe: still its own
        assert recovered_drafts(mockview_home) == [] and never_had_one.exists()
    finally:
        stand_in.kill()
        stand_in.wait()


def _read_until(fd: int, wanted: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and wanted not in seen:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


@pytest.mark.slow
def test_closing_the_terminal_ends_the_app_at_once_and_keeps_the_draft(mockview_home: Path) -> None:
    import pty

    pid, master = pty.fork()
    if pid == 0:  # the child: the app at a terminal of its own
        os.environ["MOCKVIEW_HOME"] = str(mockview_home)
        os.environ["TERM"] = "xterm-256color"
        os.chdir(REPO)
        os.execv(sys.executable, [sys.executable, "-m", "mockview", "practice", "--bank", "star", "--count", "1"])
    try:
        assert b"submits" in _read_until(master, b"submits", 60), "the question never showed"
        os.write(master, b"I kept typing until the window closed")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not list((mockview_home / "drafts").glob("*.json")):
            _read_until(master, b"\x00", 0.3)
    finally:
        os.close(master)  # the window closes: the kernel sends SIGHUP (and SIGCONT)
    deadline = time.monotonic() + 15
    status = None
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("the app was still running 15 s after its terminal closed")
    assert os.waitstatus_to_exitcode(status) == 128 + signal.SIGHUP
    (draft,) = recovered_drafts(mockview_home)
    assert draft.answer == "I kept typing until the window closed"


class ClosesAfter:
    """Standard output read by ``head -n N``: the write after the Nth line fails."""

    def __init__(self, lines: int) -> None:
        self.left = lines
        self.text = ""

    def write(self, text: str) -> int:
        if self.left <= 0:
            raise BrokenPipeError(32, "Broken pipe")
        self.text += text
        self.left -= text.count("\n")
        return len(text)

    def flush(self) -> None:
        if self.left < 0:
            raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize(("typed", "kept"), [("I started on it.\n?\n", True), ("I finished it.\n.\n", False)],
                         ids=["while-typing", "after-an-answer"])
def test_plain_mode_piped_into_head_keeps_the_answer_and_says_why_it_stopped(
        mockview_home: Path, capsys, monkeypatch, typed: str, kept: bool) -> None:
    import io

    from mockview.cli import main
    from mockview.store import open_store

    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    monkeypatch.setattr(sys, "stdout", ClosesAfter(4))  # the blank, the header, the question, how to answer
    code = main(["practice", "--plain", "--bank", "star", "--count", "2"])
    err = capsys.readouterr().err
    assert code == 1
    said = ("the answer being typed is kept as a draft and offered back next time" if kept
            else "every answer given is stored")
    assert err.strip() == f"mockview: stopped: the output was closed (a pipe into head?); {said}"
    with open_store(mockview_home) as history:
        answers = [a.answer for a in history.attempts()]
    if kept:
        (draft,) = recovered_drafts(mockview_home)
        assert draft.answer == "I started on it." and answers == []
    else:
        assert answers == ["I finished it."] and recovered_drafts(mockview_home) == []
