"""The loaded banks, their problems in place, and editing them in $EDITOR."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from mockview.banks.library import Library
from mockview.banks.model import BankSource
from mockview.banks.problems import Problem
from mockview.text import plural
from mockview.paths import user_banks_dir
from mockview.tui.content import Content
from mockview.tui.editor import edit_file
from mockview.tui.screens.confirm import ConfirmScreen
from mockview.tui.messages import LibraryLoaded, LibraryRead
from mockview.tui.services import Services
from mockview.tui.widgets.cells import cell, remaining_width
from mockview.tui.widgets.fitted_table import FittedTable
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver


class BanksScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Questions", id="banks-open", priority=True, tooltip="See the questions of this bank"),
        Binding("v", "validate", "Validate", id="banks-validate", tooltip="Check every bank file again"),
        Binding("e", "edit", "Edit", id="banks-edit", tooltip="Open this bank file in $EDITOR, then reload"),
        Binding("escape", "app.pop_screen", "Back", id="banks-back", tooltip="Back to home"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.rubric: list[Problem] = []
        """Warnings about rubric points from the last ``v``, shown with the files' own problems."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="banks"):
            yield FittedTable(id="bank-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="banks-status")
            yield Static(Content("Problems").stylize("bold"), classes="section-title")
            with VerticalScroll(id="problems-scroll"):
                yield Static(id="problems")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#bank-table", FittedTable)
        table.add_columns("Bank", "Title", "Source", "Questions", "Problems", "File")
        self.show_library(self.services.banks.library)
        table.focus()
        self.read_again()

    @work(thread=True, exclusive=True, group="reload")
    def read_again(self) -> None:
        """The banks as they are now, not as when the app started: a file added or broken since then
        shows at once, without a ``v`` (a new-user run saw "No problems" beside a broken file)."""
        self.read_banks()

    def on_library_loaded(self, event: LibraryLoaded) -> None:
        self.show_library(event.library)

    def on_fitted_table_refit(self, _: FittedTable.Refit) -> None:
        self.show_library(self.services.banks.library)

    def show_library(self, library: Library | None) -> None:
        if library is None:
            return
        table = self.query_one("#bank-table", FittedTable)
        table.clear()
        by_path = {bank.path: bank for bank in library.banks.values()}
        errors: dict[str, int] = {}
        for problem in library.errors:
            errors[problem.path] = errors.get(problem.path, 0) + 1
        # A file that did not load is named by its file, so it can be found and fixed.
        names = {path: by_path[path].id if path in by_path else f"{Path(path).name} (not loaded)"
                 for path, _ in library.files}
        id_width = max([len(name) for name in names.values()] + [4])
        # The title gives way so Problems stays in view at 80 columns; the File column may scroll.
        title_width = min(30, remaining_width(table.width_to_fit(), [id_width, 7, 9, 8], 12))
        for path, source in library.files:
            bank = by_path.get(path)
            table.add_row(
                cell(names[path]),
                cell(bank.title if bank else "", title_width),
                cell(source),
                cell(len(bank.questions) if bank else "-"),
                cell(errors.get(path, 0)),
                cell(path),
                key=path,
            )
        self.show_problems(library.problems + self.rubric)

    def show_problems(self, problems: list[Problem]) -> None:
        widget = self.query_one("#problems", Static)
        if not problems:
            widget.update(Content("No problems: every bank file is valid.").stylize("$text-success"))
            return
        lines = [Content(str(problem)).stylize("$text-error" if problem.severity == "error" else "$text-warning")
                 for problem in problems]
        widget.update(Content("\n").join(lines))

    def selected_path(self) -> str | None:
        table = self.query_one("#bank-table", FittedTable)
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

        self.app.push_screen(BankQuestionsScreen(self.services, bank))

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def read_banks(self) -> Library:
        """Read every bank again and have the app adopt them, before going on; call it from a worker."""
        library = self.services.banks.load()
        self.app.call_from_thread(self.app.post_message, LibraryRead(library))
        return library

    @work(thread=True, exclusive=True, group="validate")
    def action_validate(self) -> None:
        """Look for bank files again (new ones included) and check every one, the rubric included,
        as ``mockview banks validate`` does; the result stays on screen under the table.

        The files' own problems show at once; the rubric check takes seconds and follows.
        """
        from mockview.analysis.rubric_check import check_rubric

        library = self.read_banks()
        files = plural(len(library.files), "file")
        errors = plural(len(library.errors), "error")
        when = self.services.clock.now().astimezone().strftime("%H:%M")
        deliver(self, self.show_validation, f"Validated at {when}: {files}, {errors}; "
                                  "checking the rubric points…", [])
        rubric = [problem for bank in library.banks.values() for problem in check_rubric(bank, bank.path)]
        warnings = plural(sum(p.severity == "warning" for p in library.problems + rubric), "warning")
        verdict = "every file is valid" if not library.errors else "the files with errors were skipped"
        summary = f"Validated at {when}: {files}, {errors}, {warnings}; {verdict}."
        deliver(self, self.show_validation, summary, rubric, True)

    def forget_validation(self) -> None:
        """A bank changed: the last ``v``'s result no longer describes it."""
        self.rubric = []
        self.query_one("#banks-status", Static).update("")

    def show_validation(self, summary: str, rubric: list[Problem], done: bool = False) -> None:
        self.rubric = rubric
        self.query_one("#banks-status", Static).update(Content(summary))
        self.show_library(self.services.banks.library)
        if done:
            self.notify(summary, title="Banks")

    def action_edit(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        source = dict(self.services.banks.library.files).get(path) if self.services.banks.library else None
        if source == BankSource.SHIPPED:
            self.offer_copy(Path(path))
            return
        if not edit_file(self.app, path):
            return
        self.reload()

    def offer_copy(self, shipped: Path) -> None:
        """A shipped bank is part of the installed package: edit a copy in your banks folder instead."""
        copy = user_banks_dir(self.services.data_dir) / shipped.name

        def decided(yes: bool | None) -> None:
            if not yes:
                return
            try:
                made = copy_to_user_banks(shipped, copy)
            except OSError as error:
                self.notify(f"Cannot copy to {copy}: {error.strerror or error}", severity="error")
                return
            said = (f"Copied {shipped.name} to {copy}; your copy now replaces the shipped bank." if made
                    else f"You already have a copy at {copy}; editing that.")
            self.notify(said, title="Banks", timeout=10)
            if edit_file(self.app, copy):
                self.reload()

        exists = " (you have one already; it is opened)" if copy.exists() else ""
        self.app.push_screen(ConfirmScreen(
            f"{shipped.name} came with mockview",
            f"Editing it would change the installed package, and an upgrade would undo your changes. "
            f"Copy it to your banks folder as {copy}{exists} and edit the copy? The copy takes the "
            "shipped bank's place; your history keeps its questions.",
            yes="Copy and edit", no="Cancel"), decided)

    @work(thread=True, exclusive=True, group="reload")
    def reload(self) -> None:
        deliver(self, self.forget_validation)
        library = self.read_banks()
        self.app.call_from_thread(
            self.app.notify, f"Reloaded: {len(library.banks)} banks, {len(library.errors)} problems.")


def copy_to_user_banks(shipped: Path, copy: Path) -> bool:
    """Copy a shipped bank into the user's banks; False when the copy exists already (it is kept)."""
    import shutil

    if copy.exists():
        return False
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shipped, copy)
    return True
