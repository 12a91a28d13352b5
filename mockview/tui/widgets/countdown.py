"""The answer clock: time left, a bar that turns amber then red, and overtime."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label, ProgressBar

WARN_FRACTION = 0.25
"""The bar turns amber with a quarter of the time left."""


def clock_text(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class Countdown(Horizontal):
    """Time left against the limit; past the limit it counts overtime.

    The answer is never cut off: running over is recorded and shown, as an
    interviewer would notice it, but the person can finish their sentence.
    """

    elapsed: reactive[float] = reactive(0.0)
    paused: reactive[bool] = reactive(False)

    def __init__(self, limit: float, **kwargs) -> None:
        super().__init__(**kwargs)
        self.limit = limit

    def compose(self) -> ComposeResult:
        yield Label(clock_text(self.limit), id="clock")
        yield ProgressBar(total=self.limit, show_eta=False, show_percentage=False, id="time-bar")

    def watch_elapsed(self) -> None:
        self._show()

    def watch_paused(self) -> None:
        self._show()

    def _show(self) -> None:
        left = self.limit - self.elapsed
        clock = self.query_one("#clock", Label)
        if left >= 0:
            text = f"{clock_text(left)} left"
        else:
            text = f"+{clock_text(-left)} over"
        if self.paused:
            text += " (paused)"
        clock.update(text)
        self.query_one("#time-bar", ProgressBar).update(progress=min(self.elapsed, self.limit))
        self.set_class(0 <= left <= self.limit * WARN_FRACTION, "-warning")
        self.set_class(left < 0, "-over")
