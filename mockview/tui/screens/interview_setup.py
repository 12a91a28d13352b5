"""Set up a mock interview: how long, and for which company and role."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from mockview.practice.interview import InterviewOptions


class InterviewSetupScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", id="interview-start", priority=True, tooltip="Start the interview"),
        Binding("escape", "app.pop_screen", "Back", id="interview-back", tooltip="Back to home"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="interview-setup"):
            yield Static(Content(
                "A mock interview runs like the real thing: a warm-up, questions with follow-ups on what your "
                "answers lacked, and a closing 'any questions for us?'. No feedback until the report card."
            ))
            yield Label("Length")
            yield Select([("Short, about 4 questions", "short"), ("Standard, about 7", "standard"),
                          ("Long, about 10", "long")], value="standard", allow_blank=False, id="length", compact=True)
            yield Label("Company (adds research questions about it)")
            yield Input(placeholder="optional", id="company", compact=True)
            yield Label("Role")
            yield Input(placeholder="optional", id="role", compact=True)
            yield Static(id="interview-error")
            with Horizontal(classes="buttons"):
                yield Button("Start (^s)", id="start", variant="primary", compact=True)
                yield Button("Back (esc)", id="back", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#length").focus()

    def action_start(self) -> None:
        options = InterviewOptions(
            length=str(self.query_one("#length", Select).value),
            company=self.query_one("#company", Input).value.strip() or None,
            role=self.query_one("#role", Input).value.strip() or None,
        )
        problem = self.app.begin_interview(options)
        if problem is not None:
            self.query_one("#interview-error", Static).update(Content(problem).stylize("$text-error"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        else:
            self.app.pop_screen()
