"""Table cells that show text literally.

``DataTable`` reads a plain ``str`` cell as Rich markup, so a question such
as "What is [the] plan?" would lose its brackets, and Rich lets ESC through
to the terminal. Every cell that can hold text from a bank or a person goes
through :func:`cell`, which shows it literally, escapes made visible.
"""

from __future__ import annotations

from rich.text import Text

from mockview.text import plural, shown


def cell(value: object, width: int | None = None) -> Text:
    """``value`` as literal text, cut to ``width`` characters with an ellipsis."""
    text = shown(str(value))
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return Text(text, no_wrap=True, end="")


def sparkline_width(points: int) -> int:
    """Cells for a sparkline of ``points`` values: a few per point, so a short
    history does not smear into a solid block."""
    return max(12, min(points * 3, 90))


def scores_caption(scores: list[int]) -> str:
    if not scores:
        return "No answers yet."
    # "scores", not "answers": skips have no score, and the Answers tile counts them.
    return f"{plural(len(scores), 'score')} (skips left out): first {scores[0]}, latest {scores[-1]}, best {max(scores)}"


def remaining_width(total: int, fixed: list[int], minimum: int = 16) -> int:
    """The width left for a table's one flexible column.

    ``total`` is the table's width, ``fixed`` the widths of its other columns.
    Each column is padded by a cell on either side, and a cell more is kept
    for the vertical scrollbar, so the last column is never cut off at 80
    columns.
    """
    padding = 2 * (len(fixed) + 1) + 1
    return max(minimum, total - sum(fixed) - padding)


def column_widths(
    total: int,
    columns: list[tuple[str, list[str]]],
    flexible: int,
    *,
    caps: dict[int, int] | None = None,
    minimum: int = 16,
) -> list[int]:
    """Widths for a table's columns from their content: each as wide as its header and cells
    (or its cap), and the ``flexible`` one (the long text, such as a question) takes the rest.

    ``columns`` are (header, cell texts). The padding is :func:`remaining_width`'s, so at 80
    columns nothing runs off the right edge and the long column gets all the room there is.
    """
    caps = caps or {}
    # Measured as shown: an escape made visible ("^[") is wider than the character it stands for.
    natural = [max([len(header), *(len(shown(text)) for text in cells)]) for header, cells in columns]
    widths = [min(width, caps[index]) if index in caps else width for index, width in enumerate(natural)]
    fixed = [width for index, width in enumerate(widths) if index != flexible]
    # One cell more than remaining_width keeps: a table's vertical scrollbar is two cells wide, and
    # it may appear only once the rows are in, after the widths were chosen.
    widths[flexible] = min(natural[flexible], remaining_width(total - 1, fixed, minimum))
    return widths


def fit_items(items: list[str], width: int) -> str:
    """As many of ``items`` as fit in ``width``, then how many more: "mission, values +3 more"."""
    for kept in range(len(items), 0, -1):
        rest = len(items) - kept
        text = ", ".join(items[:kept]) + (f" +{rest} more" if rest else "")
        if len(text) <= width:
            return text
    return f"{len(items)} to go" if items else ""
