"""Write your history to a file: the app's ``mockview export``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from mockview.tui.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from mockview.errors import MockviewError
from mockview.paths import exports_dir
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.workers import deliver

FORMATS = (("Markdown: a readable report per session", "md"), ("JSON: every answer in full", "json"),
           ("CSV: one row per answer, for a spreadsheet", "csv"))


class ExportScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("ctrl+s", "export", "Export", id="export-write", tooltip="Write the file"),
        Binding("escape", "cancel", "Cancel", id="export-cancel", tooltip="Write nothing"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Label("Export your history")
            yield Select(FORMATS, value="md", allow_blank=False, id="export-format", compact=True)
            yield Label("From this day on (YYYY-MM-DD; empty: everything)")
            yield Input(placeholder="e.g. 2026-01-31", id="export-since", compact=True)
            yield Label("File")
            yield Input(id="export-path", compact=True)
            yield Static(id="export-error")
            with Horizontal(classes="buttons"):
                yield button_for(self, "export-write", id="export", variant="primary")
                yield button_for(self, "export-cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).value = str(self.default_path("md"))
        self.query_one("#export-format", Select).focus()

    def default_path(self, fmt: str) -> Path:
        today = self.services.clock.now().astimezone().date().isoformat()
        return exports_dir(self.services.data_dir) / f"mockview-history-{today}.{fmt}"

    def on_select_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        current = Path(path.value)
        if current.parent == exports_dir(self.services.data_dir) and current.stem.startswith("mockview-history-"):
            path.value = str(current.with_suffix(f".{event.value}"))  # still the suggested name: follow the format

    def action_export(self) -> None:
        error = self.query_one("#export-error", Static)
        fmt = str(self.query_one("#export-format", Select).value)
        since_text = self.query_one("#export-since", Input).value.strip()
        target = self.query_one("#export-path", Input).value.strip()
        try:
            since = dt.datetime.combine(dt.date.fromisoformat(since_text), dt.time.min).astimezone(dt.timezone.utc) \
                if since_text else None
        except ValueError:
            error.update(Content(f"The day must look like 2026-01-31, not {since_text!r}.").stylize("$text-error"))
            return
        if not target:
            error.update(Content("Give the file to write.").stylize("$text-error"))
            return
        self.write(fmt, since, Path(target).expanduser())

    @work(thread=True, exclusive=True, group="export")
    def write(self, fmt: str, since: dt.datetime | None, target: Path) -> None:
        from mockview.files import write_atomically
        from mockview.practice.export import export_history

        try:
            with self.services.reading() as history:
                text = export_history(history, fmt, since)
            if target.is_dir():
                raise MockviewError(f"{target} is a folder; give a file name")
            write_atomically(target, text, shared=True)
        except (MockviewError, OSError) as problem:
            message = str(problem) if isinstance(problem, MockviewError) else \
                f"Cannot write {target}: {problem.strerror or problem}"
            deliver(self, self.show_error, Content(message).stylize("$text-error"))
            return
        deliver(self, self.done, target)

    def show_error(self, message: Content) -> None:
        self.query_one("#export-error", Static).update(message)

    def done(self, target: Path) -> None:
        self.app.notify(f"Wrote {target}", title="Export", timeout=10)
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
