"""The answer clock: time left, a bar that turns amber then red, and overtime."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label, ProgressBar

from mockview.text import clock

WARN_FRACTION = 0.25
"""The bar turns amber with a quarter of the time left."""


class Countdown(Horizontal):
    """Time left against the limit; past the limit it counts overtime.

    The answer is never cut off: running over is recorded and shown, as an
    interviewer would notice it, but the person can finish their sentence.
    """

    elapsed: reactive[float] = reactive(0.0)
    paused: reactive[bool] = reactive(False)

    def __init__(self, limit: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.limit = limit

    def compose(self) -> ComposeResult:
        yield Label(clock(self.limit), id="clock")
        yield ProgressBar(total=self.limit, show_eta=False, show_percentage=False, id="time-bar")

    def watch_elapsed(self) -> None:
        self._show()

    def watch_paused(self) -> None:
        self._show()

    def _show(self) -> None:
        left = self.limit - self.elapsed
        text = f"{clock(left)} left" if left >= 0 else f"+{clock(-left)} over"
        if self.paused:
            text += " (paused)"
        self.query_one("#clock", Label).update(text)
        self.query_one("#time-bar", ProgressBar).update(progress=min(self.elapsed, self.limit))
        self.set_class(0 <= left <= self.limit * WARN_FRACTION, "-warning")
        self.set_class(left < 0, "-over")
