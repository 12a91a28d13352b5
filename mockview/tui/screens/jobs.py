"""The saved job postings: how many of each one's must-haves your stories do not show yet.

Enter opens a posting's own screen (:mod:`mockview.tui.screens.job`), ``n``
pastes a new one and ``e`` edits one (:mod:`mockview.tui.screens.job_form`).
"""


from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from mockview.tui.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from mockview.errors import MockviewError
from mockview.prep.job_report import coverage_for
from mockview.prep.jobs import Job, delete_job, list_jobs
from mockview.tui.screens.job import JobScreen
from mockview.tui.services import Services
from mockview.tui.widgets.cells import cell
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver


@dataclass(frozen=True)
class JobRow:
    job: Job
    gaps: int
    """Must-haves no story shows yet."""


class JobsScreen(Screen[None]):
    """Every saved posting, with how many of its must-haves your stories do not show yet."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="jobs-open", tooltip="Its requirements and what shows them"),
        Binding("n", "new", "New posting", id="jobs-new", tooltip="Paste a job posting"),
        Binding("e", "edit", "Edit", id="jobs-edit", tooltip="Edit this posting's text, company or role"),
        Binding("x", "delete", "Delete", id="jobs-delete", tooltip="Delete this posting"),
        Binding("escape", "app.pop_screen", "Back", id="jobs-back", tooltip="Back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.rows: list[JobRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="jobs"):
            yield Static(Content("Job postings").stylize("bold"))
            yield DataTable(id="job-table", cursor_type="row", zebra_stripes=True)
            yield Static(Content("No postings yet: press n and paste one. mockview finds what it asks for, "
                                 "and which of your stories show it."), id="no-jobs")
            yield Static(id="job-problems")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#job-table", DataTable)
        table.add_columns("Company", "Role", "Must", "Nice", "Gaps", "Added")
        table.display = False  # until the postings are read: neither an empty table nor "no postings"
        self.query_one("#no-jobs").display = False
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="jobs")
    def load(self) -> None:
        folder = self.services.data_dir
        jobs, problems = list_jobs(folder)
        rows = []
        with self.services.reading() as history:
            for job in jobs:
                _, coverage = coverage_for(folder, job.id, history=history)
                rows.append(JobRow(job, sum(1 for c in coverage if c.status == "gap" and c.requirement.must)))
        deliver(self, self.show, rows, problems)

    def show(self, rows: list[JobRow], problems: list[str]) -> None:
        self.rows = rows
        table = self.query_one("#job-table", DataTable)
        cursor = table.cursor_row
        table.clear()
        table.display = bool(rows)
        self.query_one("#no-jobs").display = not rows
        for index, row in enumerate(rows):
            job = row.job
            table.add_row(cell(job.company or "-", 24), cell(job.role or "-", 28), cell(len(job.must)),
                          cell(len(job.nice)), cell(row.gaps), cell(job.added[:10]), key=str(index))
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))
        self.query_one("#job-problems", Static).update(
            Content("\n".join(problems)).stylize("$text-error") if problems else "")

    def selected(self) -> Job | None:
        table = self.query_one("#job-table", DataTable)
        if not table.row_count or not table.display:
            return None
        return self.rows[table.cursor_row].job

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        job = self.selected()
        if job is not None:
            self.app.push_screen(JobScreen(self.services, job.id))

    def action_new(self) -> None:
        from mockview.tui.screens.job_form import JobFormScreen

        self.app.push_screen(JobFormScreen(self.services))

    def action_edit(self) -> None:
        from mockview.tui.screens.job_form import JobFormScreen

        job = self.selected()
        if job is not None:
            self.app.push_screen(JobFormScreen(self.services, job))

    def action_delete(self) -> None:
        from mockview.tui.screens.confirm import ConfirmScreen

        job = self.selected()
        if job is None:
            return

        def decided(yes: bool | None) -> None:
            if not yes:
                return
            try:
                delete_job(self.services.data_dir, job.id)
            except MockviewError as error:
                self.notify(str(error), severity="error")
                return
            self.notify(f"Posting {job.id} deleted; your answers to its questions stay in your history.")
            self.load()

        self.app.push_screen(ConfirmScreen(f"Delete {job.title}?", "The posting and its requirements go; your "
                                           "answers to its questions stay in your history.",
                                           yes="Delete", no="Keep it"), decided)


