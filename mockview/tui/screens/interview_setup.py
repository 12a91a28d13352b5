"""Set up a mock interview: how long, and for which company and role."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Label, Select, Static

from mockview.errors import MockviewError
from mockview.practice.interview import LENGTHS, InterviewOptions
from mockview.tui.content import Content
from mockview.tui.messages import SessionStarted
from mockview.tui.screens.form import clear_passing_notices
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.widgets.footer import Footer


class InterviewSetupScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", id="interview-start", tooltip="Start the interview"),
        Binding("escape", "app.pop_screen", "Back", id="interview-back", tooltip="Back to home"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="interview-setup"):
            yield Static(Content(
                "A mock interview runs like the real thing: a warm-up, questions with follow-ups on what your "
                "answers lacked, and a closing 'any questions for us?'. No feedback until the report card."
            ))
            yield Label("Length")
            yield Select([(f"{name.capitalize()}: about {count} questions", name) for name, count in LENGTHS.items()],
                         value="standard", allow_blank=False, id="length", compact=True)
            yield Label("Company (adds research questions about it)")
            yield Input(placeholder="optional", id="company", compact=True)
            yield Label("Role")
            yield Input(placeholder="optional", id="role", compact=True)
            yield Static(id="interview-error")
            with Horizontal(classes="buttons"):
                yield button_for(self, "interview-start", id="start", variant="primary")
                yield button_for(self, "interview-back", id="back")
        yield Footer()

    def on_mount(self) -> None:
        clear_passing_notices(self)
        self.query_one("#length").focus()

    def action_start(self) -> None:
        options = InterviewOptions(
            length=str(self.query_one("#length", Select).value),
            company=self.query_one("#company", Input).value.strip() or None,
            role=self.query_one("#role", Input).value.strip() or None,
        )
        try:
            driver = self.services.start_interview(options)
        except MockviewError as problem:
            self.query_one("#interview-error", Static).update(Content(str(problem)).stylize("$text-error"))
            return
        self.post_message(SessionStarted(driver))
