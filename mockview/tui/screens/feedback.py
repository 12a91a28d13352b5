"""The feedback on one answer, and the self-rating that schedules its re-drill."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from mockview.practice.driver import SessionDriver
from mockview.practice.engine import AnswerResult
from mockview.store.redrill import LEECH_TIP, Rating
from mockview.tui.content import Content
from mockview.tui.messages import AnswerAgain, AnswerAnotherWay, NextQuestion
from mockview.tui.widgets.feedback_view import FeedbackView
from mockview.tui.widgets.footer import Footer


class FeedbackScreen(Screen[None]):
    """Score, verdict and reasons, the STAR bar, the coloured answer, rubric, delivery, tips."""

    BINDINGS = [
        # Next first: the footer shows bindings in this order, and at 80 columns it cut "n Next" to "n N".
        Binding("n,enter", "next", "Next", id="feedback-next", tooltip="Go on to the next question"),
        Binding("1", "rate(1)", "Again", id="rate-again", tooltip="I could not answer this well"),
        Binding("2", "rate(2)", "Hard", id="rate-hard", tooltip="I got there, with effort"),
        Binding("3", "rate(3)", "Good", id="rate-good", tooltip="A solid answer"),
        Binding("4", "rate(4)", "Easy", id="rate-easy", tooltip="I could give this answer any time"),
        Binding("r", "again", "Answer again", id="feedback-again", tooltip="Try the same question once more, now"),
        Binding("w", "another_way", "Another way", id="feedback-another-way",
                tooltip="Answer the same question, asked in other words, now"),
    ]

    def __init__(self, driver: SessionDriver, result: AnswerResult) -> None:
        super().__init__()
        self.driver = driver
        self.result = result
        self.rating: Rating | None = None
        self.variant = driver.another_way(result)
        """The same question, asked another way, offered with ``w`` (``None`` when it has none left)."""
        self.left = False
        """Next or again was chosen: the app is moving on, and a second press must not count twice."""

    def compose(self) -> ComposeResult:
        result = self.result
        previous = None
        if result.previous is not None:
            when = result.previous.submitted_at.astimezone().strftime("%d %b")
            previous = (result.previous.analysis, when)
        yield Header()
        with VerticalScroll(id="feedback"):
            yield Static(Content(result.planned.text).stylize("bold"), id="feedback-question")
            yield Static(id="rating")
            yield Static(id="schedule")
            if self.variant is not None:
                yield Static(Content.assemble(("The same question, asked another way: ", "bold"),
                                              f"\"{self.variant.text}\"", ("  (w: answer it now)", "$text-muted")),
                             id="another-way")
            yield FeedbackView(result.analysis, self._answer_text(), previous=previous)
        yield Footer()

    def _answer_text(self) -> str:
        return self.driver.stored_answer(self.result.attempt_id)

    def on_mount(self) -> None:
        self.show_schedule(self.result.change.describe(self.driver.clock.now()))
        self.show_rating()
        self.query_one("#feedback").focus()

    def show_schedule(self, text: str) -> None:
        content = Content.assemble(("Re-drill: ", "bold"), text)
        if self.result.change.leech:
            content = content + Content("\n" + LEECH_TIP.format(fumbles=self.result.change.fumbles)).stylize("$text-warning")
        self.query_one("#schedule", Static).update(content)

    def show_rating(self) -> None:
        suggested = self.result.suggested_rating
        pieces = []
        for rating in Rating:
            label = f"{int(rating)} {rating.name.capitalize()}"
            if rating == (self.rating or suggested):
                pieces.append(Content(f"[{label}]").stylize("bold reverse"))
            else:
                pieces.append(Content(label))
        tail = "  (your rating)" if self.rating else f"  (suggested from the verdict: {suggested.name.capitalize()})"
        self.query_one("#rating", Static).update(
            Content("Rate yourself: ").stylize("bold") + Content("  ").join(pieces) + Content(tail).stylize("$text-muted")
        )

    def action_rate(self, value: int) -> None:
        rating = Rating(value)
        self.rating = rating
        change = self.driver.rate(self.result.attempt_id, rating)
        if change is not None:
            self.show_schedule(change.describe(self.driver.clock.now()))
        self.show_rating()

    def action_again(self) -> None:
        self._leave(AnswerAgain())

    def action_another_way(self) -> None:
        if self.variant is not None:
            self._leave(AnswerAnotherWay(self.result))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``w`` is in the footer only when the question has another wording to offer."""
        if action == "another_way":
            return self.variant is not None
        return True

    def action_next(self) -> None:
        self._leave(NextQuestion())

    def _leave(self, message: AnswerAgain | AnswerAnotherWay | NextQuestion) -> None:
        if not self.left:
            self.left = True
            self.post_message(message)
