"""The sitting in progress, and which of its screens comes next.

While a practice, re-drill or interview runs, the :class:`SessionFlow`
holds its one :class:`~mockview.practice.driver.SessionDriver`. The app
hands it the flow events the screens post and shows the screen it returns
(pushed above home, or in place of the screen before); the flow never
touches the screen stack, and the driver alone decides what comes next.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from mockview.practice.driver import SessionDriver, Step
from mockview.practice.engine import AnswerResult
from mockview.tui.screens.feedback import FeedbackScreen
from mockview.tui.screens.question import QuestionScreen
from mockview.tui.screens.reflection import ReflectionScreen
from mockview.tui.screens.report_card import ReportCardScreen
from mockview.tui.screens.summary import SummaryScreen
from mockview.tui.services import Services


class SessionFlow:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.driver: SessionDriver | None = None

    @property
    def active(self) -> bool:
        """Whether a sitting is under way (and leaving for another place would strand it)."""
        return self.driver is not None

    def start(self, driver: SessionDriver) -> Screen[Any]:
        """A new sitting (any left unfinished is ended first): its first question."""
        self.abandon()
        self.driver = driver
        return self._screen(driver, Step.QUESTION)

    def answered(self, result: AnswerResult) -> Screen[Any] | None:
        """The feedback on the answer, or (in an interview) the next question or the report card."""
        if self.driver is None:
            return None
        step = self.driver.after_answer()
        if step is Step.FEEDBACK:
            return FeedbackScreen(self.driver, result)
        return self._screen(self.driver, step)

    def next(self) -> Screen[Any] | None:
        """The next question, or the summary once there is none."""
        return self._screen(self.driver, self.driver.next()) if self.driver is not None else None

    def again(self) -> Screen[Any] | None:
        """The question just answered, asked once more."""
        if self.driver is None:
            return None
        self.driver.again()
        return self._screen(self.driver, Step.QUESTION)

    def another_way(self, result: AnswerResult) -> Screen[Any] | None:
        """The question just answered, asked in other words (``None`` when it has no variant left)."""
        if self.driver is None or self.driver.ask_another_way(result) is None:
            return None
        return self._screen(self.driver, Step.QUESTION)

    def reflect(self) -> Screen[Any] | None:
        """After the report card: what went right and wrong in the interview."""
        return ReflectionScreen(self.services) if self.driver is not None else None

    def finish(self, reflection: dict[str, Any] | None) -> bool:
        """End the sitting with the person's reflection (an interview stores its report card too).

        Returns whether there was a sitting to end.
        """
        driver, self.driver = self.driver, None
        if driver is None:
            return False
        driver.finish(reflection)
        return True

    def save_draft(self) -> None:
        """Write the answer being typed to its draft now (quit, signals)."""
        if self.driver is not None:
            self.driver.save_draft()

    def abandon(self, reflection: dict[str, Any] | None = None) -> str | None:
        """Quitting mid-sitting still ends it in the history, keeping a reflection typed on the summary.

        Returns why that could not be recorded (a full disk), or ``None``.
        """
        driver, self.driver = self.driver, None
        return driver.abandon(reflection) if driver is not None else None

    def _screen(self, driver: SessionDriver, step: Step) -> Screen[Any]:
        if step is Step.QUESTION:
            return QuestionScreen(self.services, driver)
        if step is Step.SUMMARY:
            return SummaryScreen(self.services, driver)
        if step is Step.REPORT_CARD:
            return ReportCardScreen(driver.report_card())
        raise ValueError(f"no screen shows {step}")
