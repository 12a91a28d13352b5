"""Tables cut their long column for the width they are laid out at, whenever the rows arrive.

The History snapshot once failed in CI only: its rows came from a worker
before the table's first layout, were cut for a guessed width one cell too
wide, and were never cut again.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from mockview.tui.widgets.cells import cell
from mockview.tui.widgets.fitted_table import FittedTable

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
        await pilot.pause()
        await pilot.pause()
        assert len(app.cut_for) == fills + 1
        assert len(shown_question(app)) < wide
        assert len(shown_question(app)) == table.scrollable_content_region.width - 2
