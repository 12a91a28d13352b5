"""The loaded banks, their problems in place, and editing them in $EDITOR."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from mockview.banks.library import Library
from mockview.banks.problems import Problem
from mockview.text import plural
from mockview.tui.content import Content
from mockview.tui.editor import edit_file
from mockview.tui.messages import LibraryLoaded, LibraryRead
from mockview.tui.services import Services
from mockview.tui.widgets.cells import cell, remaining_width


class BanksScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Questions", id="banks-open", tooltip="See the questions of this bank"),
        Binding("v", "validate", "Validate", id="banks-validate", tooltip="Check every bank file again"),
        Binding("e", "edit", "Edit", id="banks-edit", tooltip="Open this bank file in $EDITOR, then reload"),
        Binding("escape", "app.pop_screen", "Back", id="banks-back", tooltip="Back to home"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="banks"):
            yield DataTable(id="bank-table", cursor_type="row", zebra_stripes=True)
            yield Static(Content("Problems").stylize("bold"), classes="section-title")
            with VerticalScroll(id="problems-scroll"):
                yield Static(id="problems")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#bank-table", DataTable)
        table.add_columns("Bank", "Title", "Source", "Questions", "Problems", "File")
        self.show_library(self.services.banks.library)
        table.focus()

    def on_library_loaded(self, event: LibraryLoaded) -> None:
        self.show_library(event.library)

    def on_resize(self) -> None:
        self.show_library(self.services.banks.library)

    def show_library(self, library: Library | None) -> None:
        if library is None:
            return
        table = self.query_one("#bank-table", DataTable)
        table.clear()
        by_path = {bank.path: bank for bank in library.banks.values()}
        errors: dict[str, int] = {}
        for problem in library.errors:
            errors[problem.path] = errors.get(problem.path, 0) + 1
        id_width = max([len(bank.id) for bank in library.banks.values()] + [len("(not loaded)")])
        # The title gives way so Problems stays in view at 80 columns; the File column may scroll.
        title_width = min(30, remaining_width(table.scrollable_content_region.width or self.size.width - 2, [id_width, 7, 9, 8], 12))
        for path, source in library.files:
            bank = by_path.get(path)
            table.add_row(
                cell(bank.id if bank else "(not loaded)"),
                cell(bank.title if bank else "", title_width),
                cell(source),
                cell(len(bank.questions) if bank else "-"),
                cell(errors.get(path, 0)),
                cell(path),
                key=path,
            )
        self.show_problems(library.problems)

    def show_problems(self, problems: list[Problem]) -> None:
        widget = self.query_one("#problems", Static)
        if not problems:
            widget.update(Content("No problems: every bank file is valid.").stylize("$text-success"))
            return
        lines = [Content(str(problem)).stylize("$text-error" if problem.severity == "error" else "$text-warning")
                 for problem in problems]
        widget.update(Content("\n").join(lines))

    def selected_path(self) -> str | None:
        table = self.query_one("#bank-table", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_open(self) -> None:
        path = self.selected_path()
        library = self.services.banks.library
        bank = next((b for b in library.banks.values() if b.path == path), None) if library else None
        if bank is None:
            self.notify("This file did not load: fix the problems shown below first.", severity="warning")
            return
        from mockview.tui.screens.bank_questions import BankQuestionsScreen

        self.app.push_screen(BankQuestionsScreen(bank))

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def read_banks(self) -> Library:
        """Read every bank again and have the app adopt them, before going on; call it from a worker."""
        library = self.services.banks.load()
        self.app.call_from_thread(self.app.post_message, LibraryRead(library))
        return library

    @work(thread=True, exclusive=True, group="validate")
    def action_validate(self) -> None:
        """Look for bank files again (new ones included) and check every one."""
        library = self.read_banks()
        self.app.call_from_thread(
            self.notify,
            f"Checked {plural(len(library.files), 'file')}: {plural(len(library.problems), 'problem')}.",
        )

    def action_edit(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        if not edit_file(self.app, path):
            return
        self.reload()

    @work(thread=True, exclusive=True, group="reload")
    def reload(self) -> None:
        library = self.read_banks()
        self.app.call_from_thread(self.notify, f"Reloaded: {len(library.banks)} banks, {len(library.errors)} problems.")
