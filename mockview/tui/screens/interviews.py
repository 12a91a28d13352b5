"""Past mock interviews, each with its report card."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from mockview.practice.report_card import ReportCard
from mockview.store.rows import SessionRow
from mockview.tui.content import Content
from mockview.tui.services import Services
from mockview.tui.widgets.cells import cell
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver


class InterviewsScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Report card", id="interviews-open", priority=True, tooltip="Read this interview's report card"),
        Binding("escape", "app.pop_screen", "Back", id="interviews-back", tooltip="Back to the history"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.sessions: dict[str, SessionRow] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="interviews"):
            yield Static(Content("Mock interviews").stylize("bold"))
            yield DataTable(id="interview-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#interview-table", DataTable)
        table.add_columns("When", "Score", "Verdict", "Answers", "Time")
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="interviews")
    def load(self) -> None:
        with self.services.reading() as history:
            sessions = [s for s in history.sessions(mode="interview") if s.report]
        deliver(self, self.show, sessions)

    def show(self, sessions: list[SessionRow]) -> None:
        table = self.query_one("#interview-table", DataTable)
        table.clear()
        self.sessions = {str(s.id): s for s in sessions}
        if not sessions:
            table.add_row(cell("No mock interviews yet: press i on the home screen."), "", "", "", "")
        for session in sessions:
            if session.report is None:  # load() keeps only interviews with a card
                continue
            card = ReportCard.from_json(session.report)
            minutes = int(card.total_seconds // 60)
            table.add_row(cell(session.started_at.astimezone().strftime("%a %d %b %Y %H:%M")), card.score,
                          cell(card.verdict), len(card.lines), cell(f"{minutes} min"), key=str(session.id))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter opens a report card: in the footer once there is one to open."""
        if action in ("open",):
            return bool(self.sessions)
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open(str(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one("#interview-table", DataTable)
        if table.row_count:
            self.open(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def open(self, key: str) -> None:
        session = self.sessions.get(key)
        if session is None or not session.report:
            return
        from mockview.tui.screens.report_card import ReportCardScreen

        self.app.push_screen(ReportCardScreen(ReportCard.from_json(session.report), after_interview=False))
