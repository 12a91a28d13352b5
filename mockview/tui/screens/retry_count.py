"""How many of the due re-drills to answer now: the app's ``mockview retry --count N``."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from mockview.tui.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from mockview.errors import MockviewError
from mockview.text import plural
from mockview.tui.messages import SessionStarted
from mockview.tui.services import Services

CHOICES = (3, 5, 10)
"""Counts offered when more than that many are due; "all" is always offered last."""
SUGGESTED = 5


class RetryCountScreen(ModalScreen[None]):
    """Seventeen re-drills in one sitting is a wall: pick a number, the most urgent first."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="retry-count-cancel", tooltip="Re-drill nothing now")]

    def __init__(self, services: Services, due: int, leeches: int = 0) -> None:
        super().__init__()
        self.services = services
        self.due = due
        self.leeches = leeches

    def compose(self) -> ComposeResult:
        with Vertical(id="retry-count-dialog"):
            leeches = f", {plural(self.leeches, 'leech', 'leeches')} among them" if self.leeches else ""
            yield Label(Content(f"{plural(self.due, 're-drill')} due{leeches}. How many now?"))
            options = [Option(Content(f"{count}, the longest due first"), id=str(count))
                       for count in CHOICES if count < self.due]
            options.append(Option(Content(f"All {self.due}"), id="0"))
            yield OptionList(*options, id="retry-counts")
            yield Static(Content("enter: start · esc: cancel").stylize("$text-muted"), classes="dialog-keys")

    def on_mount(self) -> None:
        counts = self.query_one("#retry-counts", OptionList)
        ids = [counts.get_option_at_index(i).id for i in range(counts.option_count)]
        counts.highlighted = ids.index(str(SUGGESTED)) if str(SUGGESTED) in ids else len(ids) - 1
        counts.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        count = int(event.option.id or 0)
        try:
            driver = self.services.start_retry(count)
        except MockviewError as error:
            self.app.notify(str(error), title="Re-drill")
            self.dismiss(None)
            return
        self.dismiss(None)
        # After the dialog has gone, so the sitting opens above home.
        self.app.call_later(self.app.post_message, SessionStarted(driver))

    def action_cancel(self) -> None:
        self.dismiss(None)
