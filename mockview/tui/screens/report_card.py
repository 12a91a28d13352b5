"""The report card of a mock interview, shown once it is over and again from History."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from mockview.practice.report_card import ReportCard, report_card_sections
from mockview.tui.content import Content
from mockview.tui.messages import InterviewFinished, ReflectOnInterview
from mockview.tui.widgets.footer import Footer

VERDICT_STYLES = {"strong": "bold $text-success", "ok": "bold $text-warning", "fumbled": "bold $text-error"}


def card_widgets(card: ReportCard) -> list[Static]:
    """The same sections and words as the line mode's report card: headings in bold,
    each line a block of its own so that it wraps under itself."""
    widgets: list[Static] = []
    for number, (heading, lines) in enumerate(report_card_sections(card)):
        style = VERDICT_STYLES.get(card.verdict, "bold") if number == 0 else "bold"
        widgets.append(Static(Content(heading).stylize(style), classes="card-heading"))
        for indent, text in lines:
            widgets.append(Static(Content(text), classes=f"card-line card-indent-{indent}"))
    return widgets


class ReportCardScreen(Screen[None]):
    """After the interview: go on to reflect, or (from History) just read."""

    BINDINGS = [
        Binding("enter,ctrl+s", "reflect", "Reflect", id="card-reflect", priority=True,
                tooltip="Note what went right and wrong, and why"),
        Binding("escape", "close", "Done", id="card-done", tooltip="Finish without a reflection"),
    ]

    def __init__(self, card: ReportCard, *, after_interview: bool = True) -> None:
        super().__init__()
        self.card = card
        self.after_interview = after_interview
        self.left = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="report-card"):
            yield from card_widgets(self.card)
            if self.after_interview:
                yield Static(Content("Press Enter to reflect on the interview, Esc to finish.").stylize("$text-muted"))
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reflect":
            return self.after_interview
        return True

    def action_reflect(self) -> None:
        self._leave(ReflectOnInterview())

    def action_close(self) -> None:
        if self.after_interview:
            self._leave(InterviewFinished(None))
        else:
            self.app.pop_screen()

    def _leave(self, message: ReflectOnInterview | InterviewFinished) -> None:
        if not self.left:
            self.left = True
            self.post_message(message)
