"""Textual's footer, with its keys made as the footer shows them rather than told afterwards.

The footer rebuilds its keys whenever the focus or the screen's bindings
change: every screen switch, every field the person tabs into. Textual
makes each key compact by default and then, once mounted, binds it to the
footer's own ``compact`` (not compact here; the palette's key stays
compact). Each of those two changes restyles the key, and restyling was a
tenth of the time the app spent on a screen change. Setting the key's value
before it is mounted skips both restyles: the key looks exactly as before.

``FooterKey`` lives in a private module of Textual; should it move, the
footer is simply Textual's, a little slower.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter

try:
    from textual.widgets._footer import FooterKey
except ImportError:  # pragma: no cover - a Textual that moved it
    FooterKey = None  # type: ignore[assignment,misc]


class Footer(TextualFooter):
    """The key bar at the bottom of every screen."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if FooterKey is not None and isinstance(widget, FooterKey):
                # Every key is bound to the footer's compactness but the palette's, which stays compact.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget
