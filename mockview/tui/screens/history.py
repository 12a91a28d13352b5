"""Every answer, sortable and filterable, with scores over time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Select, Sparkline, Static
from textual.widgets.data_table import ColumnKey

from mockview.store.rows import AttemptSummary
from mockview.tui.content import Content
from mockview.tui.services import Services
from mockview.tui.widgets.cells import cell, column_widths, scores_caption, sparkline_width
from mockview.tui.widgets.fitted_table import FittedTable
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver

ALL = "all"
COLUMN_LABELS = ("When", "Bank", "Question", "Score", "Verdict")
SORTS = ("when", "bank", "question", "score", "verdict")
ROW_LIMIT = 1000


@dataclass(frozen=True)
class HistoryData:
    rows: list[AttemptSummary]
    banks: list[str]
    categories: list[str]
    scores: list[int]


class HistoryScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Open", id="history-open", priority=True, tooltip="Show this answer and its feedback"),
        Binding("s", "cycle_sort", "Sort", id="history-sort", tooltip="Sort by the next column"),
        Binding("o", "flip_order", "Reverse", id="history-reverse", tooltip="Reverse the order"),
        Binding("i", "interviews", "Interviews", id="history-interviews",
                tooltip="Past mock interviews and their report cards"),
        Binding("escape", "app.pop_screen", "Back", id="history-back", tooltip="Back to home"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.rows: list[AttemptSummary] = []
        self.sort = "when"
        self.reverse = True
        self._filled = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history"):
            with Horizontal(id="history-filters"):
                yield Select([("all banks", ALL)], value=ALL, allow_blank=False, id="filter-bank", compact=True)
                yield Select([("all categories", ALL)], value=ALL, allow_blank=False, id="filter-category",
                             compact=True)
                yield Select([("all verdicts", ALL), ("strong", "strong"), ("ok", "ok"), ("fumbled", "fumbled")],
                             value=ALL, allow_blank=False, id="filter-verdict", compact=True)
            yield Static(id="chart-title")
            yield Sparkline([], id="chart")
            yield Static(id="chart-caption")
            yield Static(id="history-count")
            yield FittedTable(id="attempts", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#attempts", FittedTable)
        for key, label in zip(SORTS, COLUMN_LABELS):
            table.add_column(label, key=key)
        table.focus()
        self.load()

    def choice(self, widget_id: str) -> str | None:
        value = self.query_one(widget_id, Select).value
        return None if value in (ALL, Select.BLANK) else str(value)

    def load(self) -> None:
        """Read the filters here, on the app's thread, then query in a worker."""
        filters = [self.choice(i) for i in ("#filter-bank", "#filter-category", "#filter-verdict")]
        self._query(*filters)

    @work(thread=True, exclusive=True, group="history")
    def _query(self, bank: str | None, category: str | None, verdict: str | None) -> None:
        with self.services.reading() as history:
            data = HistoryData(
                rows=history.attempt_list(bank=bank, category=category, verdict=verdict, limit=ROW_LIMIT),
                banks=history.distinct_values("bank"),
                categories=history.distinct_values("category"),
                scores=history.recent_scores(60, category=category),
            )
        deliver(self, self.show, data, category)

    def show(self, data: HistoryData, category: str | None) -> None:
        if not self._filled:
            self._filled = True
            # Labels as Content: a category such as "team [/] work" is text, not markup.
            self.query_one("#filter-bank", Select).set_options(
                [("all banks", ALL)] + [(Content(b), b) for b in data.banks]
            )
            self.query_one("#filter-category", Select).set_options(
                [("all categories", ALL)] + [(Content(c), c) for c in data.categories]
            )
        self.rows = data.rows
        scope = f"category {category}" if category else "all categories"
        self.query_one("#chart-title", Static).update(
            Content(f"Scores over time, {scope} (last {len(data.scores)} answers)").stylize("bold")
        )
        chart = self.query_one("#chart", Sparkline)
        chart.data = data.scores
        chart.display = bool(data.scores)
        chart.styles.width = sparkline_width(len(data.scores))
        self.query_one("#chart-caption", Static).update(Content(scores_caption(data.scores)).stylize("$text-muted"))
        shown = f"{len(data.rows)} answers" + (f" (the latest {ROW_LIMIT})" if len(data.rows) == ROW_LIMIT else "")
        self.query_one("#history-count", Static).update(Content(shown).stylize("$text-muted"))
        self.fill_table()

    def fill_table(self) -> None:
        table = self.query_one("#attempts", FittedTable)
        table.clear()
        if not self.rows:
            table.add_row(cell("No answers match"), "", "", "", "")
            return
        width = table.width_to_fit()
        # The year goes first when the room is short: the question needs it more.
        when_format = "%Y-%m-%d %H:%M" if width >= 90 else "%d %b %H:%M"
        when = [row.submitted_at.astimezone().strftime(when_format) for row in self.rows]
        # Widths from the content (the sorted column's header with room for its arrow); the question takes the rest.
        columns = [(label + (" ▼" if key == self.sort else ""), cells) for key, label, cells in zip(SORTS, COLUMN_LABELS, (
            when, [row.bank for row in self.rows], [row.text for row in self.rows],
            [str(row.score) for row in self.rows], ["skipped" if row.skipped else row.verdict for row in self.rows]))]
        widths = column_widths(width, columns, flexible=2, caps={1: 20}, minimum=20)
        for row, shown in sorted(zip(self.rows, when), key=lambda pair: (pair[0].submitted_at, pair[0].id),
                                 reverse=self.reverse):
            table.add_row(
                cell(shown),
                cell(row.bank, widths[1]),
                cell(row.text, widths[2]),
                row.score,
                cell("skipped" if row.skipped else row.verdict),
                key=str(row.id),
            )
        if self.sort != "when":  # rows were added in time order: a short date does not sort as text
            table.sort(self.sort, key=_sort_key(self.sort), reverse=self.reverse)
        self.mark_sort_column(table)
        self.refresh_bindings()


    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter opens an answer when the table has one and is focused (and shows so in the footer)."""
        if action in ("open",):
            return isinstance(self.focused, DataTable) and bool(self.rows)
        return True

    def on_fitted_table_refit(self, _: FittedTable.Refit) -> None:
        if self.rows:
            table = self.query_one("#attempts", FittedTable)
            cursor = table.cursor_row
            self.fill_table()
            table.move_cursor(row=min(cursor, len(self.rows) - 1))

    def mark_sort_column(self, table: DataTable[Any]) -> None:
        """An arrow on the column the table is sorted by, pointing the way it runs."""
        for key, label in zip(SORTS, COLUMN_LABELS):
            arrow = (" ▼" if self.reverse else " ▲") if key == self.sort else ""
            column = table.columns[ColumnKey(key)]
            column.label = Text(label + arrow)
            # The table sized the column for its cells and its old label: a narrow column ("Bank" over
            # "star") would cut the arrow off.
            column.content_width = max(column.content_width, column.label.cell_len)
        table.refresh(layout=True)

    def on_select_changed(self, event: Select.Changed) -> None:
        if self._filled:
            self.load()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        self.reverse = not self.reverse if key == self.sort else key in ("when", "score")
        self.sort = key
        self.fill_table()

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.reverse = self.sort in ("when", "score")
        self.fill_table()
        self.notify(f"Sorted by {self.sort}", timeout=2)

    def action_flip_order(self) -> None:
        self.reverse = not self.reverse
        self.fill_table()

    def action_interviews(self) -> None:
        from mockview.tui.screens.interviews import InterviewsScreen

        self.app.push_screen(InterviewsScreen(self.services))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_row(event.row_key.value)

    def action_open(self) -> None:
        table = self.query_one("#attempts", FittedTable)
        if not self.rows or table.cursor_row < 0:
            return
        self.open_row(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def open_row(self, key: str | None) -> None:
        if not key or not key.isdigit():
            return
        from mockview.tui.screens.attempt import AttemptScreen

        self.app.push_screen(AttemptScreen(self.services, int(key)))


def _sort_key(column: str) -> Callable[[Any], Any]:
    if column == "score":
        return lambda value: value
    return lambda value: str(value).lower()
