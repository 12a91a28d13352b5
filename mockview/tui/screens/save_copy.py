"""Write the answer on screen to a file of the person's choosing: where it can go when the
history and the drafts folder cannot take it (a full disk, a read-only history)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from mockview.files import os_error_text, write_atomically
from mockview.tui.content import Content


def suggested_path(now: datetime) -> str:
    return str(Path("~") / f"mockview-answer-{now.astimezone():%Y%m%d-%H%M%S}.txt")


class SaveCopyScreen(ModalScreen[Path | None]):
    """Ask for a file name and write the answer there; dismissed with the path written, or ``None``."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="copy-cancel", tooltip="Write nothing"),
    ]

    def __init__(self, answer: str, suggestion: str) -> None:
        super().__init__()
        self.answer = answer
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-dialog"):
            yield Label("Write your answer to this file (Enter writes, Esc cancels)")
            yield Input(self.suggestion, id="copy-path", compact=True)
            yield Static(id="copy-error")

    def on_mount(self) -> None:
        self.query_one("#copy-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        target = Path(event.value.strip() or self.suggestion).expanduser()
        try:
            if target.is_dir():
                raise IsADirectoryError(21, "it is a folder; give a file name")
            write_atomically(target, self.answer + "\n", shared=True)
        except OSError as error:
            self.query_one("#copy-error", Static).update(
                Content(f"Cannot write {target}: {os_error_text(error)}").stylize("$text-error"))
            return
        self.dismiss(target)

    def action_cancel(self) -> None:
        self.dismiss(None)
