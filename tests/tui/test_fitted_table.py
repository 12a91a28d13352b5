"""Tables cut their long column for the width they are laid out at, whenever the rows arrive.

The History snapshot once failed in CI only: its rows came from a worker
before the table's first layout, were cut for a guessed width one cell too
wide, and were never cut again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from mockview.tui.screens import history
from mockview.tui.widgets.cells import cell
from mockview.tui.widgets.fitted_table import FittedTable
from tests.helpers import FakeClock
from tests.tui.helpers import make_app, pause_until, settle
from tests.tui.test_snapshots import seed_history

QUESTION = "Tell me about a time you had to deliver bad news to a client who had been promised the opposite " * 2


class OneTable(App[None]):
    """A table filled in on_mount, before anything is laid out, as a fast worker would."""

    def __init__(self) -> None:
        super().__init__()
        self.cut_for: list[int] = []

    def compose(self) -> ComposeResult:
        yield FittedTable(id="table")

    def on_mount(self) -> None:
        self.query_one(FittedTable).add_column("Question", key="question")
        self.fill()

    def on_fitted_table_refit(self, _: FittedTable.Refit) -> None:
        self.fill()

    def fill(self) -> None:
        table = self.query_one(FittedTable)
        width = table.width_to_fit()
        self.cut_for.append(width)
        table.clear()
        table.add_row(cell(QUESTION, width - 2), key="only")


def shown_question(app: OneTable) -> str:
    return str(app.query_one(FittedTable).get_cell("only", "question"))


async def test_rows_filled_before_layout_are_cut_again_for_the_laid_out_width() -> None:
    app = OneTable()
    async with app.run_test(size=(70, 10)) as pilot:
        await pilot.pause()
        await pilot.pause()
        table = app.query_one(FittedTable)
        laid_out = table.scrollable_content_region.width
        assert laid_out > 0
        assert app.cut_for[-1] == laid_out
        assert len(shown_question(app)) == laid_out - 2


async def test_a_narrower_terminal_cuts_the_rows_again_and_an_unchanged_width_does_not() -> None:
    app = OneTable()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(FittedTable)
        wide = len(shown_question(app))
        fills = len(app.cut_for)
        # More rows change the table's virtual size, which sends it a Resize at the same width.
        for row in range(5):
            table.add_row(cell(f"row {row}"), key=f"extra-{row}")
        await pilot.pause()
        await pilot.pause()
        assert len(app.cut_for) == fills, "a Resize at the same width refilled the table"
        await pilot.resize_terminal(60, 20)
        assert await pause_until(pilot, lambda: len(app.cut_for) > fills), "the narrower table was never refilled"
        await pilot.pause()
        assert len(app.cut_for) == fills + 1
        assert len(shown_question(app)) < wide
        assert len(shown_question(app)) == table.scrollable_content_region.width - 2


def _table_state(table: FittedTable) -> tuple[list[int], list[list[str]]]:
    rows = [[str(value) for value in table.get_row_at(row)] for row in range(table.row_count)]
    for index, column in enumerate(table.columns.values()):
        # Each column as wide as its label or its widest cell now: never as a cell it once held.
        assert column.content_width == max([column.label.cell_len, *(len(row[index]) for row in rows)]), column.label
    return [column.get_render_width(table) for column in table.columns.values()], rows


async def test_history_rows_delivered_before_the_first_layout_end_as_if_delivered_after(
    mockview_home: Path, utc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CI flake made certain: the rows arrive before the table is laid out (here, by reading
    them on mount), are cut for a guess, and are cut again; the columns then shrink to the new cells."""
    clock = FakeClock()
    seed_history(mockview_home, clock)

    def read_now(screen: history.HistoryScreen, bank: str | None, category: str | None, verdict: str | None) -> None:
        with screen.services.reading() as store:
            data = history.HistoryData(
                rows=store.attempt_list(bank=bank, category=category, verdict=verdict, limit=history.ROW_LIMIT),
                banks=store.distinct_values("bank"), categories=store.distinct_values("category"),
                scores=store.recent_scores(60, category=category))
        screen.show(data, category)

    monkeypatch.setattr(history.HistoryScreen, "_query", read_now)
    app = make_app(mockview_home, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.query_one("#attempts", FittedTable)
        assert table.fitted
        first = _table_state(table)
        app.screen.fill_table()  # filled now, laid out long ago: what the table must already show
        await settle(pilot)
        assert _table_state(table) == first
        await pilot.resize_terminal(80, 30)
        await settle(pilot)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert _table_state(table) == first  # narrower and back: the columns shrank and grew with the cells


async def test_columns_are_as_wide_at_once_as_the_table_makes_them_when_idle() -> None:
    """A FittedTable widens its columns as rows go in (so a refit never shows them cut to their labels);
    the widths must be the ones DataTable itself works out for the same cells, markup and floats included."""
    from rich.text import Text
    from textual.widgets import DataTable

    rows = [("[b]bold[/b] words", 3.14159, Text("two\nlines here")), ("[/not markup", 12.0, Text("x"))]

    class Tables(App[None]):
        def compose(self) -> ComposeResult:
            yield FittedTable(id="fitted")
            yield DataTable(id="plain")

    app = Tables()
    async with app.run_test(size=(100, 20)) as pilot:
        fitted, plain = app.query_one("#fitted", FittedTable), app.query_one("#plain", DataTable)
        for table in (fitted, plain):
            table.add_columns("a", "b", "c")
        for row in rows:
            fitted.add_row(*row)
        at_once = [column.content_width for column in fitted.columns.values()]
        for row in rows:
            plain.add_row(*row)
        await pilot.pause()
        await pilot.pause()
        assert at_once == [column.content_width for column in plain.columns.values()]
        assert at_once == [column.content_width for column in fitted.columns.values()]
