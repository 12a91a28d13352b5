"""Text the app shows, with control characters made visible.

Textual's ``Content`` strips a few control characters (bell, backspace,
carriage return) but lets ESC through, so an answer or a debrief holding
``ESC ] 2 ; ...`` would retitle the terminal, set its clipboard or clear the
screen. Every screen and widget imports ``Content`` from here instead
of from Textual (``tests/test_shown_text.py`` checks it): plain text given to
it, or to :meth:`Content.assemble`, is passed through
:func:`mockview.text.shown`, the one rule every front end uses, before
Textual measures it, so the visible escapes (``^[``) take their own cells.

Text with spans is left alone: it was built from text already shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content as TextualContent

from mockview.text import shown


class ShownContent(TextualContent):
    """Textual's ``Content``, showing control characters as visible escapes."""

    __slots__ = ()

    def __init__(
        self,
        text: str = "",
        spans: list[Any] | None = None,
        cell_length: int | None = None,
        strip_control_codes: bool = True,
    ) -> None:
        if not spans:
            text = shown(text)
        super().__init__(text, spans, cell_length, strip_control_codes)

    @classmethod
    def assemble(cls, *parts: Any, end: str = "", strip_control_codes: bool = True) -> TextualContent:
        shown_parts = [
            shown(part) if isinstance(part, str)
            else (shown(part[0]), *part[1:]) if isinstance(part, tuple) and part and isinstance(part[0], str)
            else part
            for part in parts
        ]
        return super().assemble(*shown_parts, end=end, strip_control_codes=strip_control_codes)


if TYPE_CHECKING:
    # To the type checker it is Textual's own class: Content's methods return
    # that, and every annotation in the app names it.
    from textual.content import Content
else:
    Content = ShownContent


def shown_value(value: Any) -> Any:
    """A value put into an editable widget (a form field, a recovered answer), shown literally.

    The escape becomes text the person can see and delete; what they then
    save is what they saw.
    """
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, list):
        return [shown_value(item) for item in value]
    return value
