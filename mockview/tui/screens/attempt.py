"""One stored answer with the feedback it got."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from mockview.tui.content import Content
from mockview.tui.services import Services
from mockview.tui.widgets.feedback_view import FeedbackView
from mockview.tui.widgets.footer import Footer


class AttemptScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="attempt-back", tooltip="Back to the history")]

    def __init__(self, services: Services, attempt_id: int) -> None:
        super().__init__()
        self.services = services
        self.attempt_id = attempt_id

    def compose(self) -> ComposeResult:
        attempt = self.services.history.attempt(self.attempt_id)
        yield Header()
        with VerticalScroll(id="attempt"):
            if attempt is None:
                yield Static(Content("This answer is no longer in the history."))
            else:
                when = attempt.submitted_at.astimezone().strftime("%A %d %B %Y, %H:%M")
                yield Static(Content.assemble((attempt.question.get("text", attempt.question_id), "bold"), "\n",
                                              (f"{attempt.question_id} · {when}", "$text-muted")))
                yield FeedbackView(attempt.analysis, attempt.answer)
        yield Footer()
