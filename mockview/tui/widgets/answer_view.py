"""The answer as typed, each sentence coloured by the STAR part it tells."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from mockview.analysis.feedback import star_details
from mockview.tui.content import Content
from mockview.tui.widgets.star_bar import PART_STYLES


def coloured_answer(answer: str, analysis: dict[str, Any]) -> Content:
    """The answer, literally (never markup), with each sentence in its part's colour.

    Sentences the analysis could not place stay in the normal colour; text
    between sentences (bullets, labels, line breaks) is kept as typed.
    """
    content = Content(answer)
    spans = analysis.get("spans") or []
    parts = star_details(analysis).get("assignments") or []
    for (start, end), part in zip(spans, parts):
        if part in PART_STYLES and 0 <= start < end <= len(answer):
            content = content.stylize(PART_STYLES[part], start, end)
    return content


class AnswerView(Static):
    """A read-only view of an answer with its STAR colouring."""

    DEFAULT_CSS = """
    AnswerView { height: auto; padding: 0 1; }
    """

    def __init__(self, answer: str, analysis: dict[str, Any], **kwargs: Any) -> None:
        text = coloured_answer(answer, analysis) if answer.strip() else Content("(no answer)").stylize("italic $text-muted")
        super().__init__(text, **kwargs)
