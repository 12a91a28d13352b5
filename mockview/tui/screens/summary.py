"""The end of a session: every answer, what comes back when, and a moment to reflect."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TextArea

from mockview.practice.driver import SessionDriver
from mockview.text import clock, plural
from mockview.tui.content import Content
from mockview.tui.messages import SessionFinished
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.widgets.cells import cell
from mockview.tui.widgets.footer import Footer


class SummaryScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save and finish", id="summary-save",
                tooltip="Save your reflection with the session and go home"),
        Binding("escape", "finish", "Finish", id="summary-finish", tooltip="Go home without a reflection"),
    ]

    def __init__(self, services: Services, driver: SessionDriver) -> None:
        super().__init__()
        self.services = services
        self.driver = driver
        self.done = False

    def compose(self) -> ComposeResult:
        summary = self.driver.summary()
        average = f"{summary.average_score:.0f}" if summary.average_score is not None else "-"
        yield Header()
        with VerticalScroll(id="summary"):
            yield Static(Content(
                f"Session done: {plural(summary.answered, 'answer')}, {summary.skipped} skipped, "
                f"average score {average}, total time {clock(summary.total_seconds)}"
            ).stylize("bold"), id="summary-totals")
            yield DataTable(id="summary-table", cursor_type="none", zebra_stripes=True)
            if summary.fumbled:
                lines = [Content("Fumbled, and where each stands in the re-drill queue now").stylize("bold")]
                lines += [Content(f"  • {text} ({where})") for text, where in summary.fumbled]
                yield Static(Content("\n").join(lines), id="summary-fumbled")
            yield Static(Content("What went right?").stylize("bold"))
            yield TextArea(id="went-right", soft_wrap=True, tab_behavior="focus")
            yield Static(Content("What went wrong?").stylize("bold"))
            yield TextArea(id="went-wrong", soft_wrap=True, tab_behavior="focus")
            with Horizontal(classes="buttons"):
                yield button_for(self, "summary-save", id="save", variant="primary")
                yield button_for(self, "summary-finish", id="finish")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#summary-table", DataTable)
        table.add_columns("#", "Question", "Score", "Verdict", "Time")
        for number, (text, score, verdict, seconds) in enumerate(self.driver.summary().rows, 1):
            table.add_row(cell(number), cell(text, 44), cell(score), cell(verdict), cell(clock(seconds)))
        for area in self.query(TextArea):
            area.cursor_blink = self.services.cursor_blink
        self.query_one("#went-right", TextArea).focus()

    def reflection(self) -> dict[str, str]:
        return {
            "went_right": self.query_one("#went-right", TextArea).text.strip(),
            "went_wrong": self.query_one("#went-wrong", TextArea).text.strip(),
        }

    def action_save(self) -> None:
        if self.done:
            return
        reflection = self.reflection()
        self._finish(reflection)
        if any(reflection.values()):
            self.app.notify("Reflection saved with the session.")

    def action_finish(self) -> None:
        self._finish(None)

    def _finish(self, reflection: dict[str, str] | None) -> None:
        if not self.done:
            self.done = True
            self.post_message(SessionFinished(reflection))
