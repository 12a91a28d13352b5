"""A table whose screen sizes its columns to the room it has.

Our tables cut their long column (a question, a title) to the width the
table is given, so they must be filled again when that width changes. The
screens used to refill on their own Resize. That comes before the table is
laid out: rows a worker delivered before the first layout were cut for a
guess (the screen's width less two), and were never cut again once the table
knew its width, so the same history could show one way or the other
depending on which came first. The table's own Resize is the moment its
width is known; :class:`FittedTable` tells its screen then, and only when
the width the rows were cut for has changed, so a refill that adds a
scrollbar settles after one more round instead of looping.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.errors import MarkupError
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, RowKey


class FittedTable(DataTable[Any]):
    """A ``DataTable`` that posts :class:`Refit` when the width for its columns changes."""

    class Refit(Message):
        """The table's room changed: cut its cells again for :meth:`FittedTable.width_to_fit`."""

        def __init__(self, table: FittedTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> FittedTable:
            return self.table

    _fitted_for = 0
    _cut_for = 0
    _filled = False

    @property
    def fitted(self) -> bool:
        """Whether the rows were cut for the width the table is laid out at now (or never cut at all):
        False from a fill before the first layout until the refill its Refit asks for."""
        return not self._filled or self._fitted_for == self.scrollable_content_region.width > 0

    def width_to_fit(self) -> int:
        """The width to cut the cells for: the laid-out width, or a guess from the screen before the
        first layout. The laid-out width (0 before the first layout) is remembered, so a Resize that
        finds the same one asks for no refill, and the first real layout after a guess does."""
        width = max(self.scrollable_content_region.width or self.screen.size.width - 2, 0)
        if self._filled and width != self._cut_for:
            self._shrink_columns()
        self._fitted_for = self.scrollable_content_region.width
        self._cut_for = width
        self._filled = True
        return width

    def _shrink_columns(self) -> None:
        """Let each column shrink back to its label before cells cut for another width go in.

        ``DataTable`` keeps a column as wide as the widest cell it ever held (``clear()`` leaves
        it), so cells cut shorter for a narrower table, or for the real width after a guess, sat
        in a column a cell or more too wide, and the table ran past the edge. Only when the width
        changes: a refill at the same width keeps its columns, so it never shows them narrow
        for a moment before the table sizes them for the new rows."""
        for column in self.columns.values():
            if column.auto_width:
                column.content_width = column.label.cell_len

    def add_row(self, *cells: CellType, height: int | None = 1, key: str | None = None,
                label: Text | str | None = None) -> RowKey:
        """Add a row and widen its columns for it now, not when the table next goes idle.

        ``DataTable`` measures new rows on its next Idle. Columns just shrunk back to their
        labels for another width then showed every cell cut to its label ("2026-1" under
        "When") until that Idle came, and once, on a loaded CI machine, it did not come before
        the screen was read. Measuring here makes a filled table right the moment it is filled.
        """
        row_key = super().add_row(*cells, height=height, key=key, label=label)
        for column, value in zip(self.ordered_columns, cells):
            if column.auto_width:
                column.content_width = max(column.content_width, _shown_width(value))
        return row_key

    def on_resize(self, _: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width > 0 and width != self._fitted_for:
            self.post_message(self.Refit(self))


def _shown_width(value: object) -> int:
    """The cells ``value`` takes as ``DataTable`` shows it: text by its widest line, a string read as
    markup (as the table reads it), a float with two decimals. Columns only grow, so an overestimate
    would stay for good."""
    if isinstance(value, str):
        try:
            value = Text.from_markup(value)
        except MarkupError:  # not markup after all: the table shows it as typed
            return _shown_width(Text(str(value)))
    if isinstance(value, Text):
        return max((cell_len(line) for line in value.plain.splitlines()), default=0)
    if isinstance(value, float):
        return len(f"{value:.2f}")
    return cell_len(str(value))
