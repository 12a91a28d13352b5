"""Your debriefs of real interviews, one in full, and the interviewer's feedback added later."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from mockview.clock import local_day
from mockview.prep.debrief.model import parse_focus
from mockview.prep.debrief.text import debrief_summary, format_debrief
from mockview.prep.followup import ANSWERED, DISMISSED, DUE, follow_up
from mockview.prep.reflection import OUTCOMES
from mockview.store.rows import DebriefRow
from mockview.tui.content import Content
from mockview.tui.screens.follow_up import FollowUpScreen
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.widgets.cells import cell, column_widths
from mockview.tui.widgets.fitted_table import FittedTable
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver


class DebriefsScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Open", id="debriefs-open", priority=True, tooltip="Read this debrief in full"),
        Binding("n", "app.open('debrief')", "New debrief", id="debriefs-new", tooltip="Debrief another interview"),
        Binding("f", "feedback", "Add feedback", id="debriefs-feedback",
                tooltip="Attach what the interviewer said to this debrief"),
        Binding("o", "outcome", "Outcome", id="debriefs-outcome", tooltip="Record how it ended"),
        Binding("a", "follow_up", "Ask for feedback", id="debriefs-follow-up",
                tooltip="Draft the request for feedback on this interview"),
        Binding("x", "delete", "Delete", id="debriefs-delete", tooltip="Delete this debrief"),
        Binding("escape", "app.pop_screen", "Back", id="debriefs-back", tooltip="Back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.ids: list[int] = []
        self.rows: list[DebriefRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="debriefs"):
            yield Static(Content("Real interviews").stylize("bold"))
            yield FittedTable(id="debrief-table", cursor_type="row", zebra_stripes=True)
            yield Static(Content("No debriefs yet: press n after your next interview."), id="no-debriefs")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#debrief-table", FittedTable)
        table.add_columns("Date", "Company", "Role", "Outcome", "Fumbled", "Factors", "Follow-up")
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="debriefs")
    def load(self) -> None:
        with self.services.reading() as history:
            rows = history.debriefs()
        deliver(self, self.show, rows)

    def show(self, rows: list[DebriefRow]) -> None:
        table = self.query_one("#debrief-table", FittedTable)
        table.clear()
        self.ids = [row.id for row in rows]
        self.rows = rows
        table.display = bool(rows)
        self.refresh_bindings()
        self.query_one("#no-debriefs").display = not rows
        self.fill_table()

    def fill_table(self) -> None:
        """Date, company, role, outcome and fumbles as wide as they are; the factors take the rest."""
        table = self.query_one("#debrief-table", FittedTable)
        cursor = table.cursor_row
        table.clear()
        today = local_day(self.services.clock.now())
        summaries = [debrief_summary(row) for row in self.rows]
        cells = [(s.date, s.company, s.role, str(s.outcome), f"{s.fumbled} of {s.questions}", ", ".join(s.factors),
                  follow_up_cell(row, today)) for s, row in zip(summaries, self.rows)]
        headers = ("Date", "Company", "Role", "Outcome", "Fumbled", "Factors", "Follow-up")
        width = table.width_to_fit()
        widths = column_widths(width, [(h, [c[i] for c in cells]) for i, h in enumerate(headers)], flexible=5,
                               caps={1: 24, 2: 20}, minimum=12)
        for summary, row in zip(summaries, cells):
            table.add_row(*(cell(text, widths[column]) for column, text in enumerate(row)), key=str(summary.id))
        if cells:
            table.move_cursor(row=max(0, min(cursor, len(cells) - 1)))

    def on_fitted_table_refit(self, _: FittedTable.Refit) -> None:
        self.fill_table()

    def selected(self) -> int | None:
        table = self.query_one("#debrief-table", FittedTable)
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

    def action_follow_up(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.app.push_screen(FollowUpScreen(self.services, chosen))  # the list reloads on resume

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


def follow_up_cell(row: DebriefRow, today: date) -> str:
    """"ask now", "on 9 Mar" (not due yet), "dismissed", "received", or "-" for an offer or a withdrawal."""
    state = follow_up(row, today)
    if state is None:
        return "-"
    return {DUE: "ask now", DISMISSED: "dismissed", ANSWERED: "received"}.get(
        state.state, f"on {state.due.day} {state.due:%b}")


class DebriefScreen(Screen[None]):
    """One debrief in full, with the feedback attached so far."""

    BINDINGS = [
        Binding("f", "feedback", "Add feedback", id="debrief-feedback",
                tooltip="Attach what the interviewer said"),
        Binding("o", "outcome", "Outcome", id="debrief-outcome", tooltip="Record how it ended"),
        Binding("r", "app.open('retry')", "Re-drill", id="debrief-retry", tooltip="Practise what is due, these included"),
        Binding("a", "follow_up", "Ask for feedback", id="debrief-follow-up",
                tooltip="Draft the request for feedback on this interview"),
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
        deliver(self, self.show_text, Content(text))

    def show_text(self, text: Content) -> None:
        self.query_one("#debrief-text", Static).update(text)

    def action_feedback(self) -> None:
        ask_feedback(self, self.services, self.debrief_id, self.load)

    def action_outcome(self) -> None:
        ask_outcome(self, self.services, self.debrief_id, self.load)

    def action_follow_up(self) -> None:
        self.app.push_screen(FollowUpScreen(self.services, self.debrief_id))


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
            yield Static(Content("enter: choose · esc: cancel").stylize("$text-muted"), classes="dialog-keys")

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
        Binding("ctrl+s", "save", "Attach", id="feedback-form-save", tooltip="Attach the feedback"),
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
