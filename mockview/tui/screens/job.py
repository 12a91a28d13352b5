"""One job posting: its requirements with what shows them, gaps first.

The job screen is the posting read against the person: each requirement
marked covered (a story shows it), answers only (a practice answer or the
company profile does, no story yet) or a gap, with the sentence that shows
it. Enter on a requirement starts a practice question written for it, so
a gap found is a gap worked on at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from mockview.tui.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from mockview.errors import MockviewError
from mockview.practice.job_practice import requirement_question
from mockview.prep.job_coverage import Coverage
from mockview.prep.job_report import coverage_for
from mockview.prep.jobs import Job, find_job
from mockview.text import plural
from mockview.tui.messages import SessionStarted
from mockview.tui.services import Services
from mockview.tui.widgets.cells import cell, remaining_width
from mockview.tui.widgets.fitted_table import FittedTable
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver

MARKS = {"gap": ("✗ gap", "bold red"), "practised": ("~ answers only", "yellow"), "covered": ("✓ covered", "green"),
         "credential": ("· on your CV", "dim")}


def mark(status: str) -> Text:
    label, style = MARKS[status]
    return Text(label, style=style, no_wrap=True, end="")


def shown_by(item: Coverage) -> str:
    """The table's short word on what shows a requirement: the story, else the answer or profile."""
    if item.status == "credential":
        return "your CV"
    if not item.evidence:
        return "nothing yet"
    if item.status == "practised":
        others = [e for e in item.evidence if e.kind != "story"]
        return (others or list(item.evidence))[0].where()
    where = item.evidence[0].where()
    return f"partly: {where}" if item.status == "gap" else where


@dataclass(frozen=True)
class JobView:
    job: Job | None
    coverage: list[Coverage]
    warnings: list[str]
    problem: str = ""


class JobScreen(Screen[None]):
    """One posting's requirements, must-haves first, gaps first within each, with their evidence."""

    BINDINGS = [
        Binding("enter", "practise", "Practise this", id="job-practise",
                tooltip="Answer a question written for this requirement"),
        Binding("a", "practise_role", "Practise the role", id="job-practise-role",
                tooltip="The posting's role questions, those not answered for longest first"),
        Binding("e", "edit", "Edit posting", id="job-edit", tooltip="Edit the posting's text, company or role"),
        Binding("p", "prep", "Prep sheet", id="job-prep", tooltip="A one-page prep sheet for this job"),
        Binding("escape", "app.pop_screen", "Back", id="job-back", tooltip="Back"),
    ]

    def __init__(self, services: Services, job_id: str) -> None:
        super().__init__()
        self.services = services
        self.job_id = job_id
        self.job: Job | None = None
        self.items: list[Coverage] = []
        self.view: JobView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="job"):
            yield Static(id="job-title")
            yield Static(id="job-summary")
            yield FittedTable(id="requirement-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="requirement-detail-scroll"):
                yield Static(id="requirement-detail")
            yield Static(id="job-warnings")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#requirement-table", FittedTable)
        table.add_columns("", "Requirement", "Need", "Shown by")
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        self.load()  # an answer just given, or an edit, can change what is covered

    @work(thread=True, exclusive=True, group="job")
    def load(self) -> None:
        warnings: list[str] = []
        try:
            with self.services.reading() as history:
                job, coverage = coverage_for(self.services.data_dir, self.job_id, warn=warnings.append,
                                             history=history)
            view = JobView(job, coverage, warnings)
        except MockviewError as error:
            view = JobView(None, [], [], str(error))
        deliver(self, self.show, view)

    def on_fitted_table_refit(self, _: FittedTable.Refit) -> None:
        if self.view is not None:
            self.show(self.view)

    def show(self, view: JobView) -> None:
        self.view = view
        self.job = view.job
        table = self.query_one("#requirement-table", FittedTable)
        cursor = table.cursor_row
        table.clear()
        if view.job is None:
            self.query_one("#job-title", Static).update(Content(view.problem).stylize("$text-error"))
            self.items = []
            table.display = False
            return
        job = view.job
        # As `job show` lists them: the must-haves, then the nice-to-haves, gaps first in each.
        self.items = [c for c in view.coverage if c.requirement.must] + \
                     [c for c in view.coverage if not c.requirement.must]
        gaps = sum(1 for c in self.items if c.status == "gap" and c.requirement.must)
        self.query_one("#job-title", Static).update(Content(job.title).stylize("bold"))
        values = f" · values: {', '.join(job.values)}" if job.values else ""
        self.query_one("#job-summary", Static).update(Content(
            f"{plural(len(job.must), 'must-have')}, {plural(len(job.nice), 'nice-to-have')}; "
            f"{plural(gaps, 'must-have')} no story of yours shows yet{values}").stylize("$text-muted"))
        table.display = bool(self.items)
        width = table.width_to_fit()
        name_width = 44 if width >= 118 else 36 if width >= 98 else 28
        shown_width = remaining_width(width, [14, name_width, 4])
        for index, item in enumerate(self.items):
            need = "must" if item.requirement.must else "nice"
            table.add_row(mark(item.status), cell(item.requirement.name, name_width), cell(need),
                          cell(shown_by(item), shown_width), key=str(index))
        if self.items:
            table.move_cursor(row=min(cursor, len(self.items) - 1))
        self.show_detail()
        self.query_one("#job-warnings", Static).update(
            Content("\n".join(view.warnings)).stylize("$text-warning") if view.warnings else "")

    def current(self) -> Coverage | None:
        table = self.query_one("#requirement-table", FittedTable)
        if not self.items or not table.row_count:
            return None
        return self.items[min(table.cursor_row, len(self.items) - 1)]

    def on_data_table_row_highlighted(self, _: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        item, job = self.current(), self.job
        detail = self.query_one("#requirement-detail", Static)
        if item is None or job is None:
            detail.update(Content("The posting names no requirements." if job else ""))
            return
        requirement = item.requirement
        kind = "duty" if requirement.kind == "duty" else ("must-have" if requirement.must else "nice to have")
        under = f" under \"{requirement.section}\"" if requirement.section else ""
        parts = [Content(f"{requirement.name}: {kind}, line {requirement.line}{under}").stylize("bold"),
                 Content(f"\"{' '.join(requirement.text.split())}\"").stylize("italic"),
                 Content(item.message)]
        parts += [Content(f"  · {evidence.describe()}") for evidence in item.evidence[1:4]]
        question = requirement_question(job, requirement)
        if question is None:
            parts.append(Content("No story can show this (a degree, a licence, availability): make sure your CV "
                                 "does.").stylize("$text-muted"))
        else:
            parts.append(Content(f"Enter: practise \"{question.text}\"").stylize("$text-accent"))
        detail.update(Content("\n").join(parts))

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_practise()

    def action_practise(self) -> None:
        item, job = self.current(), self.job
        if item is None or job is None:
            return
        try:
            question = requirement_question(job, item.requirement)
            if question is None:
                self.notify(f"{item.requirement.name} is shown on your CV, not in a story: nothing to practise.",
                            title="Nothing to practise")
                return
            driver = self.services.start_requirement_practice(job, question)
        except MockviewError as error:
            self.notify(str(error), severity="error")
            return
        self.post_message(SessionStarted(driver))

    def action_practise_role(self) -> None:
        if self.job is None:
            return
        try:
            driver = self.services.start_role_practice(self.job)
        except MockviewError as error:
            self.notify(str(error), severity="error")
            return
        self.post_message(SessionStarted(driver))

    def action_edit(self) -> None:
        from mockview.tui.screens.job_form import JobFormScreen

        if self.job is not None:
            try:
                job = find_job(self.services.data_dir, self.job.id)  # as saved now, not as first shown
            except MockviewError as error:
                self.notify(str(error), severity="error")
                return
            self.app.push_screen(JobFormScreen(self.services, job))

    def action_prep(self) -> None:
        from mockview.tui.screens.companies import PrepSheetScreen

        job = self.job
        if job is None:
            return
        if not job.company:
            self.notify("The posting does not name its company: press e and add it first.", title="Prep sheet")
            return
        self.app.push_screen(PrepSheetScreen(self.services, job.company, job.role, job_id=job.id))
