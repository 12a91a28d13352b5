"""Your debriefs of real interviews, one in full, and the interviewer's feedback added later."""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from mockview.prep.debrief.model import parse_focus
from mockview.prep.debrief.text import debrief_summary, format_debrief
from mockview.prep.reflection import OUTCOMES
from mockview.store.rows import DebriefRow
from mockview.tui.content import Content
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.widgets.cells import cell


class DebriefsScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Open", id="debriefs-open", tooltip="Read this debrief in full"),
        Binding("n", "app.open('debrief')", "New debrief", id="debriefs-new", tooltip="Debrief another interview"),
        Binding("f", "feedback", "Add feedback", id="debriefs-feedback",
                tooltip="Attach what the interviewer said to this debrief"),
        Binding("o", "outcome", "Outcome", id="debriefs-outcome", tooltip="Record how it ended"),
        Binding("x", "delete", "Delete", id="debriefs-delete", tooltip="Delete this debrief"),
        Binding("escape", "app.pop_screen", "Back", id="debriefs-back", tooltip="Back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.ids: list[int] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="debriefs"):
            yield Static(Content("Real interviews").stylize("bold"))
            yield DataTable(id="debrief-table", cursor_type="row", zebra_stripes=True)
            yield Static(Content("No debriefs yet: press n after your next interview."), id="no-debriefs")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#debrief-table", DataTable)
        table.add_columns("Date", "Company", "Role", "Outcome", "Fumbled", "Factors")
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="debriefs")
    def load(self) -> None:
        with self.services.reading() as history:
            rows = history.debriefs()
        self.app.call_from_thread(self.show, rows)

    def show(self, rows: list[DebriefRow]) -> None:
        table = self.query_one("#debrief-table", DataTable)
        table.clear()
        self.ids = [row.id for row in rows]
        table.display = bool(rows)
        self.query_one("#no-debriefs").display = not rows
        for summary in map(debrief_summary, rows):
            table.add_row(cell(summary.date), cell(summary.company, 24), cell(summary.role, 20),
                          cell(summary.outcome), cell(f"{summary.fumbled} of {summary.questions}"),
                          cell(", ".join(summary.factors), 30), key=str(summary.id))

    def selected(self) -> int | None:
        table = self.query_one("#debrief-table", DataTable)
        if not table.row_count:
            return None
        return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or 0)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(DebriefScreen(self.services, int(event.row_key.value or 0)))

    def action_open(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.app.push_screen(DebriefScreen(self.services, chosen))

    def action_feedback(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            ask_feedback(self, self.services, chosen, self.load)

    def action_outcome(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            ask_outcome(self, self.services, chosen, self.load)

    def action_delete(self) -> None:
        from mockview.tui.screens.confirm import ConfirmScreen

        chosen = self.selected()
        if chosen is None:
            return

        def decided(yes: bool | None) -> None:
            if yes and self.services.delete_debrief(chosen) is not None:
                self.notify("Debrief deleted, with the re-drill items only it had queued.")
                self.load()

        self.app.push_screen(ConfirmScreen("Delete this debrief?", "It and its feedback go for good and leave "
                                           "your patterns; re-drill items only it had queued go too.",
                                           yes="Delete", no="Keep it"), decided)


class DebriefScreen(Screen[None]):
    """One debrief in full, with the feedback attached so far."""

    BINDINGS = [
        Binding("f", "feedback", "Add feedback", id="debrief-feedback",
                tooltip="Attach what the interviewer said"),
        Binding("o", "outcome", "Outcome", id="debrief-outcome", tooltip="Record how it ended"),
        Binding("r", "app.open('retry')", "Re-drill", id="debrief-retry", tooltip="Practise what is due, these included"),
        Binding("escape", "app.pop_screen", "Back", id="debrief-back", tooltip="Back"),
    ]

    def __init__(self, services: Services, debrief_id: int) -> None:
        super().__init__()
        self.services = services
        self.debrief_id = debrief_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief"):
            yield Static(id="debrief-text")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="debrief")
    def load(self) -> None:
        with self.services.reading() as history:
            row = history.debrief(self.debrief_id)
        text = format_debrief(row) if row else f"There is no debrief {self.debrief_id}."
        self.app.call_from_thread(self.query_one("#debrief-text", Static).update, Content(text))

    def action_feedback(self) -> None:
        ask_feedback(self, self.services, self.debrief_id, self.load)

    def action_outcome(self) -> None:
        ask_outcome(self, self.services, self.debrief_id, self.load)


def ask_outcome(screen: Screen[None], services: Services, debrief_id: int, then: Callable[[], object]) -> None:
    """Ask how the interview ended and record it."""

    def chosen(outcome: str | None) -> None:
        if outcome is not None:
            services.set_debrief_outcome(debrief_id, outcome)
            screen.notify(f"Outcome: {outcome}.")
            then()

    screen.app.push_screen(OutcomeScreen(), chosen)


class OutcomeScreen(ModalScreen[str | None]):
    """Pick how it ended: pending, offer, rejected or withdrew."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="outcome-cancel", tooltip="Change nothing")]

    def compose(self) -> ComposeResult:
        with Vertical(id="outcome-dialog"):
            yield Label("How did it end?")
            yield OptionList(*(Option(Content(outcome), id=outcome) for outcome in OUTCOMES), id="outcomes")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_feedback(screen: Screen[None], services: Services, debrief_id: int, then: Callable[[], object]) -> None:
    """Ask for the interviewer's feedback and attach it to the debrief."""

    def attach(feedback: tuple[str, list[str]] | None) -> None:
        if feedback is None:
            return
        text, focus = feedback
        services.add_feedback(debrief_id, text, focus)
        screen.notify("Feedback attached to the debrief.")
        then()

    screen.app.push_screen(FeedbackFormScreen(services), attach)


class FeedbackFormScreen(ModalScreen[tuple[str, list[str]] | None]):
    """What the interviewer or recruiter said, and what it is about."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Attach", id="feedback-form-save", priority=True, tooltip="Attach the feedback"),
        Binding("escape", "cancel", "Cancel", id="feedback-form-cancel", tooltip="Attach nothing"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        with Vertical(id="feedback-dialog"):
            yield Label("What did they say?")
            yield TextArea(id="feedback-text", soft_wrap=True, tab_behavior="focus")
            yield Label("Focus areas, comma-separated (e.g. specifics, system design)")
            yield Input(id="feedback-focus", compact=True)
            yield Static(id="feedback-error")
            with Horizontal(classes="buttons"):
                yield button_for(self, "feedback-form-save", id="attach", variant="primary")
                yield button_for(self, "feedback-form-cancel", id="cancel")

    def on_mount(self) -> None:
        area = self.query_one("#feedback-text", TextArea)
        area.cursor_blink = self.services.cursor_blink
        area.focus()

    def action_save(self) -> None:
        text = self.query_one("#feedback-text", TextArea).text.strip()
        if not text:
            self.query_one("#feedback-error", Static).update(
                Content("Write what they said first.").stylize("$text-error"))
            return
        self.dismiss((text, parse_focus(self.query_one("#feedback-focus", Input).value)))

    def action_cancel(self) -> None:
        self.dismiss(None)
