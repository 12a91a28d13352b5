"""A one-line bar of the four STAR parts' shares, missing parts marked."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget

from mockview.analysis.feedback import share_text
from mockview.tui.content import Content

PART_STYLES = {
    "situation": "#4a90d9",
    "task": "#b07cd8",
    "action": "#3aa655",
    "result": "#d98a1f",
}
"""Mid-tone colours, distinct from each other and readable on light and dark
themes alike (theme variables are not: some themes share accent and warning)."""
PART_LETTERS = {"situation": "S", "task": "T", "action": "A", "result": "R"}


class StarBar(Widget):
    """Situation, Task, Action and Result as coloured segments of one line.

    Each part gets width in proportion to its share of the answer (at least
    enough for its label), and a missing part shows as a red "missing" mark
    so the gap is impossible to overlook.
    """

    DEFAULT_CSS = """
    StarBar { height: 1; width: 1fr; }
    """

    def __init__(self, star: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.star = star or {}

    def show(self, star: dict[str, Any]) -> None:
        self.star = star
        self.refresh()

    def render(self) -> Content:
        width = max(20, self.size.width)
        parts = [p for p in PART_STYLES]
        present = {p: self.star.get(p, {}) for p in parts}
        missing_width = len(" S missing ")
        shares = {p: present[p].get("share", 0.0) for p in parts if present[p].get("present")}
        room = width - missing_width * sum(1 for p in parts if p not in shares)
        total = sum(shares.values()) or 1.0
        pieces: list[Content] = []
        for part in parts:
            letter = PART_LETTERS[part]
            if part not in shares:
                pieces.append(Content(f" {letter} missing ").stylize("bold $text-error on $error-muted"))
                continue
            label = f" {letter} {share_text(True, shares[part])} "
            cells = max(len(f" {letter} 100% "), len(label), int(room * shares[part] / total))
            label = label.ljust(cells)
            pieces.append(Content(label).stylize(f"bold #000000 on {PART_STYLES[part]}"))
        return Content("").join(pieces).truncate(width)
