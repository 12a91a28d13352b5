"""Handing a thread worker's result back to its screen.

A screen reads the history in a thread worker (``@work(thread=True)``) and
shows what it read on the UI thread. The person may leave the screen while
the worker is still reading; Textual cannot stop a thread, so the worker
finishes and its result arrives for a screen that is gone, whose widgets
can no longer be queried. Showing it then raised NoMatches inside the
worker, and a failed worker ends the app: leaving the Jobs screen quickly
could close mockview. :func:`deliver` drops such a late result instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen


def deliver(screen: Screen[Any], show: Callable[..., object], *args: Any) -> None:
    """From a worker thread: run ``show(*args)`` on the UI thread if ``screen`` is still open."""

    def run() -> None:
        if screen in screen.app.screen_stack:
            show(*args)

    screen.app.call_from_thread(run)
