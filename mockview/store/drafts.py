"""Drafts: the answer being typed, kept on disk so it is never lost.

Each running practice writes its current answer to
``<data dir>/drafts/<token>.json``, atomically (a temporary file, fsync, then
rename), so a crash, a ``kill -9`` or a closed terminal leaves either the
previous draft or the new one, never half of one. Front ends save at most
every two seconds while typing and at once on pause, quit and signals.

On the next start, drafts whose process is gone are offered back with
their question; drafts of a process still running belong to it and are
left alone.

A draft that cannot be written (a full disk) never stops the person
typing: the keeper keeps the text in memory, says why in
:attr:`DraftKeeper.problem`, and tries again every two seconds until it
is written; front ends show the problem and, if it lasts, where the
answer can still go.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mockview.clock import from_text, to_text
from mockview.files import os_error_text, write_atomically
from mockview.paths import drafts_dir

SAVE_EVERY_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class Draft:
    path: Path
    question: dict[str, Any]
    answer: str
    elapsed: float
    saved_at: datetime
    pid: int
    session: dict[str, Any]
    tty: int = 0
    """The terminal its process was typing at (0 for none): a process that has lost it can be
    left hanging after its window closed, and its draft is no longer in use."""


class DraftKeeper:
    """Keeps one practice's current answer on disk."""

    def __init__(self, data_dir: Path, session: dict[str, Any] | None = None) -> None:
        self.folder = drafts_dir(data_dir)
        self.path = self.folder / f"{uuid.uuid4().hex}.json"
        self.session = session or {}
        self._last_save = 0.0
        self._pending: tuple[dict[str, Any], str, float] | None = None
        self.problem: str | None = None
        """Why the latest text is not on disk (one line), or ``None`` when it is."""
        # Front ends save from a timer thread or a signal handler as well as
        # from the typing loop.
        self._lock = threading.RLock()

    def update(self, question: dict[str, Any], answer: str, elapsed: float, *, now: datetime) -> bool:
        """Note the latest text; write it if the last write is two seconds old.

        Returns whether it was written. Call :meth:`flush` when typing pauses
        or the program is about to stop, so the last two seconds are kept too.
        """
        with self._lock:
            self._pending = (question, answer, elapsed)
            return self.flush_if_due(now=now)

    def flush_if_due(self, *, now: datetime) -> bool:
        """Write pending text if the last write is at least two seconds old."""
        with self._lock:
            if self._pending is None or time.monotonic() - self._last_save < SAVE_EVERY_SECONDS:
                return False
            self._flush(now)
            return self.problem is None

    def flush(self, *, now: datetime) -> None:
        """Write the latest text now (atomically), if there is anything new."""
        with self._lock:
            self._flush(now)

    def _flush(self, now: datetime) -> None:
        if self._pending is None:
            return
        question, answer, elapsed = self._pending
        if not answer.strip():
            self.clear()
            return
        payload = {
            "question": question,
            "answer": answer,
            "elapsed": elapsed,
            "saved_at": to_text(now),
            "pid": os.getpid(),
            "tty": _terminal(os.getpid()),
            "session": self.session,
        }
        self._last_save = time.monotonic()  # also after a failure: try again in two seconds, not at every key
        try:
            write_atomically(self.path, json.dumps(payload, ensure_ascii=False))
        except OSError as error:
            self.problem = f"cannot save your draft in {self.folder}: {os_error_text(error)}"
            return
        self.problem = None
        self._pending = None

    @property
    def unsaved(self) -> str | None:
        """The text that is only in memory because writing it failed, or ``None``."""
        with self._lock:
            return self._pending[1] if self.problem is not None and self._pending is not None else None

    def clear(self) -> None:
        """The answer was submitted or skipped: the draft is not needed."""
        with self._lock:
            self._pending = None
            self.problem = None
            try:
                self.path.unlink()
            except OSError:
                pass


def recovered_drafts(data_dir: Path) -> list[Draft]:
    """Drafts left by processes that are gone, newest first."""
    folder = drafts_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            draft = Draft(
                path=path,
                question=data["question"],
                answer=data["answer"],
                elapsed=float(data.get("elapsed") or 0),
                saved_at=from_text(data["saved_at"]),
                pid=int(data.get("pid") or 0),
                session=data.get("session") or {},
                tty=int(data.get("tty") or 0),
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a stray or foreign file; never delete what we cannot read
        if draft.pid != os.getpid() and _alive(draft.pid) and not _lost_terminal(draft):
            continue
        found.append(draft)
    return sorted(found, key=lambda draft: draft.saved_at, reverse=True)


def discard(draft: Draft) -> None:
    try:
        draft.path.unlink()
    except FileNotFoundError:
        pass


def _terminal(pid: int) -> int:
    """The controlling terminal of process ``pid`` (``tty_nr`` in Linux's ``/proc``), 0 for none or unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat[stat.rindex(")") + 2 :].split()[4])
    except (OSError, ValueError, IndexError):
        return 0


def _lost_terminal(draft: Draft) -> bool:
    """Whether the draft's process was typing at a terminal and no longer has one.

    Closing a terminal window takes it away from every process in it; one
    that then hangs instead of exiting (seen in Textual's shutdown) must not
    keep its draft from being offered back.
    """
    return draft.tty != 0 and Path(f"/proc/{draft.pid}").is_dir() and _terminal(draft.pid) != draft.tty


def _alive(pid: int) -> bool:
    """Whether a mockview process with this pid is still running."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.parent.parent.is_dir():  # Linux: make sure the pid was not reused by another program
        try:
            return b"mockview" in cmdline.read_bytes()
        except OSError:
            return False
    return True
