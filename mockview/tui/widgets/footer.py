"""Textual's footer, with its keys made as the footer shows them rather than told afterwards.

The footer rebuilds its keys whenever the focus or the screen's bindings
change: every screen switch, every field the person tabs into. Textual
makes each key compact by default and then, once mounted, binds it to the
footer's own ``compact`` (not compact here; the palette's key stays
compact). Each of those two changes restyles the key, and restyling was a
tenth of the time the app spent on a screen change. Setting the key's value
before it is mounted skips both restyles: the key looks exactly as before.

It also rebuilds only when what it shows changes. Textual rebuilds on
every bindings signal, and one screen change sends several (the screen
resumes, the focus lands, a table takes its rows): six rebuilds of the same
keys, a quarter of the time the history screen took to open. Each signal is
answered after the refresh, by a rebuild only if a key, its label or
whether it is enabled differs from what is on screen.

``FooterKey`` lives in a private module of Textual; should it move, the
footer is simply Textual's, a little slower.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter

try:
    from textual.widgets._footer import FooterKey
except ImportError:  # pragma: no cover - a Textual that moved it
    FooterKey = None  # type: ignore[assignment,misc]


class Footer(TextualFooter):
    """The key bar at the bottom of every screen."""

    _shown: tuple[Any, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        """Rebuild unless the keys on screen are already these: of a burst of signals, the first
        rebuilds and the rest find nothing to do (no flag to get stuck if a callback is dropped)."""
        if not self.is_attached:
            return
        wanted = self._keys_to_show()
        if wanted != self._shown:
            self._shown = wanted
            await self.recompose()

    @property
    def up_to_date(self) -> bool:
        """Whether the keys on screen are the ones the bindings ask for now (tests wait for this: a
        rebuild can change the layout, and a table under it then refits)."""
        return not self._bindings_ready or not self.is_attached or self._keys_to_show() == self._shown

    def _keys_to_show(self) -> tuple[Any, ...]:
        """Everything :meth:`compose` reads to draw the keys, as one comparable value."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return (self.show_command_palette, tuple(
            (key, binding.key, binding.action, binding.description,
             binding.group.description if binding.group else None, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette))

    def compose(self) -> ComposeResult:
        self._shown = self._keys_to_show() if self._bindings_ready else None
        for widget in super().compose():
            if FooterKey is not None and isinstance(widget, FooterKey):
                # Every key is bound to the footer's compactness but the palette's, which stays compact.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget
