"""Keeping a line-mode answer safe while the front end waits for input.

A front end that blocks on ``readline`` cannot save on a timer of its own,
so :func:`saving_drafts` runs one beside it: every half-second it hands the
keeper what is typed so far (which writes it at most every two seconds),
and on SIGTERM or SIGHUP it writes at once and exits with 128 + the signal's
number. It lives here, beside the driver, because the store keeps drafts
but must not know how a front end is stopped.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Protocol

from mockview.store.drafts import SAVE_EVERY_SECONDS

SIGNALS = ("SIGTERM", "SIGHUP")


class KeepsDrafts(Protocol):
    """What is saved: a :class:`~mockview.practice.driver.SessionDriver`, in practice."""

    def save_draft(self) -> None: ...

    def save_draft_if_due(self) -> None: ...


@contextmanager
def saving_drafts(drafts: KeepsDrafts, note_typing: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Save the draft in the background, and on SIGTERM/SIGHUP, until the block ends.

    ``note_typing`` hands the latest text to the keeper first (a line still
    being typed at a terminal, say); it is called from the timer thread and
    from the signal handler, so it must be quick and thread-safe.
    """
    stop = threading.Event()

    def keep_saving() -> None:
        while not stop.wait(SAVE_EVERY_SECONDS / 4):
            note_typing()
            drafts.save_draft_if_due()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        note_typing()
        drafts.save_draft()
        raise SystemExit(128 + signum)

    previous = {}
    for name in SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, on_signal)
    saver = threading.Thread(target=keep_saving, name="draft-saver", daemon=True)
    saver.start()
    try:
        yield
    finally:
        stop.set()
        saver.join(timeout=1)
        for number, handler in previous.items():
            signal.signal(number, handler)
