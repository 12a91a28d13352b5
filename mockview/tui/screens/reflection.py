"""Reflect on an interview: what went right, what went wrong (starred), and what got in the way."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Label, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from mockview.prep.reflection import FACTORS, Reflection, parse_factors, parse_items
from mockview.tui.content import Content
from mockview.tui.messages import InterviewFinished
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.widgets.footer import Footer


class ReflectionScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="reflection-save", tooltip="Save and go home"),
        Binding("escape", "skip", "Skip", id="reflection-skip", tooltip="Go home without saving a reflection"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.done = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="reflection"):
            yield Static(Content("One item per line; start a line with * to star what mattered most.")
                         .stylize("$text-muted"))
            yield Label("What went right?")
            yield TextArea(id="went-right", soft_wrap=True, tab_behavior="focus")
            yield Label("What went wrong?")
            yield TextArea(id="went-wrong", soft_wrap=True, tab_behavior="focus")
            yield Label("What got in the way?")
            yield SelectionList[str](*(Selection(Content(f), f) for f in FACTORS), id="factors", compact=True)
            yield Input(placeholder="other factors, comma-separated", id="other-factors", compact=True)
            with Horizontal(classes="buttons"):
                yield button_for(self, "reflection-save", id="save", variant="primary")
                yield button_for(self, "reflection-skip", id="skip")
        yield Footer()

    def on_mount(self) -> None:
        for area in self.query(TextArea):
            area.cursor_blink = self.services.cursor_blink
        self.query_one("#went-right").focus()

    def reflection(self) -> Reflection:
        factors = list(self.query_one("#factors", SelectionList).selected)
        factors += [f for f in parse_factors(self.query_one("#other-factors", Input).value) if f not in factors]
        return Reflection(
            went_right=parse_items(self.query_one("#went-right", TextArea).text),
            went_wrong=parse_items(self.query_one("#went-wrong", TextArea).text),
            factors=tuple(factors),
        )

    def action_save(self) -> None:
        reflection = self.reflection()
        self._finish(None if reflection.empty else reflection.to_json())

    def action_skip(self) -> None:
        self._finish(None)

    def _finish(self, reflection: dict[str, Any] | None) -> None:
        if not self.done:
            self.done = True
            self.post_message(InterviewFinished(reflection))
