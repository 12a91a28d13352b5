"""The feedback on one answer, and the self-rating that schedules its re-drill."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from mockview.practice.engine import AnswerResult, PracticeSession
from mockview.store.redrill import LEECH_TIP, Rating
from mockview.tui.widgets.feedback_view import FeedbackView


class FeedbackScreen(Screen[None]):
    """Score, verdict and reasons, the STAR bar, the coloured answer, rubric, delivery, tips."""

    BINDINGS = [
        Binding("1", "rate(1)", "Again", id="rate-again", tooltip="I could not answer this well"),
        Binding("2", "rate(2)", "Hard", id="rate-hard", tooltip="I got there, with effort"),
        Binding("3", "rate(3)", "Good", id="rate-good", tooltip="A solid answer"),
        Binding("4", "rate(4)", "Easy", id="rate-easy", tooltip="I could give this answer any time"),
        Binding("r", "again", "Answer again", id="feedback-again", tooltip="Try the same question once more, now"),
        Binding("n,enter", "next", "Next", id="feedback-next", tooltip="Go on to the next question"),
    ]

    def __init__(self, session: PracticeSession, result: AnswerResult) -> None:
        super().__init__()
        self.session = session
        self.result = result
        self.rating: Rating | None = None

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
            yield FeedbackView(result.analysis, self._answer_text(), previous=previous)
        yield Footer()

    def _answer_text(self) -> str:
        stored = self.session.history.attempt(self.result.attempt_id)
        return stored.answer if stored is not None else ""

    def on_mount(self) -> None:
        self.show_schedule(self.result.change.describe(self.app.clock.now()))
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
        change = self.session.rate(self.result.attempt_id, rating)
        if change is not None:
            self.show_schedule(change.describe(self.app.clock.now()))
        self.show_rating()

    def action_again(self) -> None:
        self.app.answer_again()

    def action_next(self) -> None:
        self.app.next_question()
