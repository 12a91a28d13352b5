"""Your progress in figures: the app's ``mockview stats``."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from mockview.tui.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from mockview.store.stats import Stats, compute_stats
from mockview.text import plural
from mockview.tui.services import Services
from mockview.tui.widgets.cells import cell
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver

WEEKS_SHOWN = 8


class StatsScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="stats-back", tooltip="Back")]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static("Counting…", id="stats-totals")
            yield Static("By category", classes="section-title")
            yield DataTable(id="stats-categories", cursor_type="none", zebra_stripes=True)
            yield Static("By week", classes="section-title")
            yield DataTable(id="stats-weeks", cursor_type="none", zebra_stripes=True)
            yield Static("Most improved", classes="section-title")
            yield DataTable(id="stats-improved", cursor_type="none", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stats-categories", DataTable).add_columns("Category", "Answers", "Average")
        self.query_one("#stats-weeks", DataTable).add_columns("Week", "Answers", "Average")
        self.query_one("#stats-improved", DataTable).add_columns("First", "Latest", "Question")
        self.query_one(VerticalScroll).focus()
        self.load()

    @work(thread=True, exclusive=True, group="stats")
    def load(self) -> None:
        with self.services.reading() as history:
            stats = compute_stats(history, self.services.clock.now())
        deliver(self, self.show, stats)

    def show(self, stats: Stats) -> None:
        average = f"{stats.average_score:.0f}" if stats.average_score is not None else "-"
        leeches = f", {plural(stats.leeches, 'leech', 'leeches')}" if stats.leeches else ""
        self.query_one("#stats-totals", Static).update(Content("\n").join([
            Content(f"{plural(stats.answers, 'answer')} in {plural(stats.sessions, 'session')}, "
                    f"average score {average}").stylize("bold"),
            Content(f"{stats.fumbled} fumbled; {stats.due} due for re-drill now{leeches}"),
            Content(f"Streak: {plural(stats.streak_days, 'day')} in a row"),
        ]))
        categories = self.query_one("#stats-categories", DataTable)
        categories.clear()
        for row in stats.by_category:
            categories.add_row(cell(row.category or "(none)"), cell(row.attempts), cell(f"{row.average_score:.0f}"))
        weeks = self.query_one("#stats-weeks", DataTable)
        weeks.clear()
        for week in stats.by_week[-WEEKS_SHOWN:]:
            weeks.add_row(cell(week.week), cell(week.attempts),
                          cell(f"{week.average_score:.0f}" if week.average_score is not None else "-"))
        improved = self.query_one("#stats-improved", DataTable)
        improved.clear()
        for item in stats.most_improved:
            improved.add_row(cell(item.first_score), cell(item.latest_score), cell(item.question_id))
        for table in (categories, weeks, improved):
            table.display = table.row_count > 0
