"""Helpers shared by the tests: the clock, running the command line, waiting on state.

Two ways to run ``mockview``:

- :func:`run_in_process` calls :func:`mockview.cli.main` in the test's own
  process, with its standard input, output and error replaced. It is what the
  ``run_cli`` fixture does, and what almost every command-line test needs: the
  same parser, the same handlers and the same exit codes as the real command,
  without the ~120 ms a new interpreter costs.
- :func:`mockview_argv` with :func:`process_env` starts the real ``python -m
  mockview``. Only what a process has is tested that way: signals, ``kill -9``,
  a real terminal, two processes at once, and which modules a fresh
  interpreter imports.

Nothing here sleeps for a fixed time: :func:`wait_until` polls a condition
and fails with what it was waiting for.
"""

from __future__ import annotations

import io
import json
import os
import platform
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")

#: The repository checkout the tests run from.
REPO = Path(__file__).resolve().parent.parent


class FakeClock:
    """A clock tests move by hand: wall time and monotonic time together."""

    def __init__(self, start: str = "2026-03-02T09:00:00+00:00") -> None:
        self.current = datetime.fromisoformat(start)
        self.ticks = 1000.0

    def now(self) -> datetime:
        return self.current

    def monotonic(self) -> float:
        return self.ticks

    def advance(self, seconds: float = 0, *, days: float = 0) -> None:
        self.current += timedelta(seconds=seconds, days=days)
        self.ticks += seconds + days * 86400


# --- the command line -----------------------------------------------------------


@dataclass
class Result:
    """What a run of ``mockview`` gave: the fields of :class:`subprocess.CompletedProcess` that tests read."""

    args: list[str]
    returncode: int
    stdout: Any  # str, or bytes when the input was bytes (as subprocess.run does)
    stderr: Any


class CommandTimedOut(BaseException):
    """A command ran past its time limit (a BaseException, so no ``except OSError`` in mockview swallows it)."""


def run_in_process(
    args: Sequence[str],
    *,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    input: str | bytes | None = None,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> Result:
    """Run ``mockview ARGS`` through :func:`mockview.cli.main` in this process.

    Standard input is a UTF-8 :class:`io.TextIOWrapper` over the bytes of
    ``input`` (so ``sys.stdin.buffer`` works, as commands that read answers
    use it); output is captured with ``capsys``. ``SystemExit`` (argparse's
    usage errors, ``--help``, ``--version``) becomes the exit code, as it
    would for the process. Anything else mockview raises is a bug and fails
    the test with its traceback. With bytes ``input``, ``stdout`` and
    ``stderr`` are bytes too, as with ``subprocess.run``. A command still
    running after ``timeout`` seconds is stopped by SIGALRM, so a command
    that blocks (on a FIFO, say) fails the test instead of hanging the suite.
    """
    from mockview.cli import main

    raw = input.encode("utf-8") if isinstance(input, str) else (input or b"")
    with monkeypatch.context() as patch:
        # newline="\n": what Python gives sys.stdin on POSIX (no translation).
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", newline="\n"))
        for key, value in (env or {}).items():
            patch.setenv(key, value)
        if cwd is not None:
            patch.chdir(cwd)
        capsys.readouterr()  # what the test printed before is not the command's

        def on_alarm(_signum: int, _frame: object) -> None:
            raise CommandTimedOut(f"mockview {' '.join(args)} ran for over {timeout} s")

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            try:
                code = main(list(args))
            except SystemExit as stop:
                code = _exit_status(stop.code)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        sys.stdout.flush()
        sys.stderr.flush()
        out, err = capsys.readouterr()
    if isinstance(input, bytes):
        return Result(list(args), code, out.encode("utf-8"), err.encode("utf-8"))
    return Result(list(args), code, out, err)


def _exit_status(code: object) -> int:
    """The exit status Python gives ``raise SystemExit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def mockview_argv(*args: str) -> list[str]:
    """The command line of the real ``mockview``, run by this interpreter."""
    return [sys.executable, "-m", "mockview", *args]


def process_env(home: Path, env: Mapping[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "MOCKVIEW_HOME": str(home), **(env or {})}


# --- waiting on state ---------------------------------------------------------------


def wait_until(condition: Callable[[], T | None], *, timeout: float = 10, what: str = "the condition",
               interval: float = 0.01) -> T:
    """Poll ``condition`` every ``interval`` seconds until it returns something truthy, and return that.

    The timeout is generous: a loaded machine only makes this slower, never wrong.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {what}")
        time.sleep(interval)


def read_drafts(home: Path) -> list[dict[str, Any]]:
    """The drafts in ``home`` that can be read now (one may be mid-rename)."""
    drafts = []
    for path in (home / "drafts").glob("*.json"):
        try:
            drafts.append(json.loads(path.read_text()))
        except (OSError, ValueError):
            continue
    return drafts


def wait_for_draft(home: Path, contains: str, timeout: float = 10) -> dict[str, Any]:
    """The first draft whose answer contains ``contains``, once there is one."""
    return wait_until(
        lambda: next((draft for draft in read_drafts(home) if contains in draft["answer"]), None),
        timeout=timeout, what=f"a draft containing {contains!r}",
    )


GONE_PID = 999_999_999
"""A process id no process has: a draft saved under it was left by a process that is gone."""


def leave_draft(home: Path, question: dict[str, Any], answer: str, elapsed: float, *, now: datetime) -> Path:
    """A draft as a crashed practice leaves it: on disk, its process gone. Returns its path."""
    from mockview.store.drafts import DraftKeeper

    keeper = DraftKeeper(home)
    keeper.update(question, answer, elapsed, now=now)
    keeper.flush(now=now)
    data = json.loads(keeper.path.read_text())
    data["pid"] = GONE_PID
    keeper.path.write_text(json.dumps(data))
    return keeper.path


def waiting_for_input(process: subprocess.Popen[Any], reads_before: int) -> bool:
    """Whether ``process`` has read past ``reads_before`` and is blocked reading its standard input again.

    Linux only (``/proc``): the main thread's count of finished ``read``
    calls has gone up, and it is now inside ``read(0, ...)``. Everything the
    process was sent before has been read and dealt with, the way a person's
    typing would have been by the time they press a key.
    """
    return main_thread_reads(process) > reads_before and _reading_stdin(process)


def main_thread_reads(process: subprocess.Popen[Any]) -> int:
    """How many ``read`` calls the main thread of ``process`` has finished."""
    io_stats = Path(f"/proc/{process.pid}/task/{process.pid}/io").read_text()
    return int(next(line.split()[1] for line in io_stats.splitlines() if line.startswith("syscr:")))


READ_SYSCALL = {"x86_64": "0", "aarch64": "63", "i686": "3"}.get(platform.machine())
"""The number of the ``read`` system call on this machine, as ``/proc/PID/syscall`` shows it."""


def _reading_stdin(process: subprocess.Popen[Any]) -> bool:
    if READ_SYSCALL is None:
        pytest.skip(f"no read system call number known for {platform.machine()}")
    fields = Path(f"/proc/{process.pid}/task/{process.pid}/syscall").read_text().split()
    return fields[:2] == [READ_SYSCALL, "0x0"]  # read(0, ...): its first argument is standard input


def blocked_reading_stdin(process: subprocess.Popen[Any], timeout: float = 20) -> int:
    """Wait until ``process`` is blocked reading its standard input; return its count of reads so far."""
    wait_until(lambda: _reading_stdin(process), timeout=timeout, what="the process to wait for input")
    return main_thread_reads(process)


# A 111-word story whose only outcome is a clause of its last Action sentence (a new user's answer, reworded).
FOLDED_ENDING = (
    "Last year I was the only backend developer at a small invoicing startup, and our payment retries "
    "were failing for about forty customers a month. My manager asked me to own the fix end to end, from "
    "finding the cause to shipping it. I started by pulling three months of failed invoices and grouping "
    "them by error code, which showed most failures came from a timeout in our bank connector. I talked "
    "to the bank's support team, learned their retry limits, and wrote a plan that my manager signed off. "
    "I rewrote the retry logic and added alerts, which cut failed invoices from 40 a month to 2 within "
    "six weeks."
)
