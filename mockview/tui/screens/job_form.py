"""Paste a job posting, or edit a saved one: what you type is kept as a draft until it is saved.

Saving extracts the requirements at once (the same extraction as ``mockview
job add``), so a paste with nothing recognisable in it, an empty one or a
huge one gets its one line under the form and nothing is saved.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from mockview.tui.content import Content
from textual.widgets import Header, Input, Label, Static, TextArea

from mockview.errors import MockviewError
from mockview.prep.jobs import PASTED, Job, add_job, pasted_text, update_job
from mockview.text import plural
from mockview.tui.screens.form import FormScreen
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.widgets.footer import Footer


class JobFormScreen(FormScreen):
    """A posting as text, with the company and role (guessed from its title when left empty)."""

    FIELDS = ("company", "role", "text")
    WIDGET_IDS = {"company": "job-company", "role": "job-role", "text": "posting"}
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="job-form-save",
                tooltip="Save the posting and find its requirements"),
        Binding("escape", "leave", "Back", id="job-form-back", tooltip="Leave the form; what you typed is kept"),
    ]

    def __init__(self, services: Services, job: Job | None = None) -> None:
        super().__init__(services, f"job-{job.id}" if job else "job-new")
        self.job = job

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="job-form", classes="form"):
            intro = ("Edit the posting; its requirements are found again when you save." if self.job else
                     "Paste the job posting: from the careers page, the PDF or the email. Its requirements, "
                     "must-have or nice to have, are found when you save.")
            yield Static(Content(intro).stylize("$text-muted"))
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label("Company (empty: as the posting says)")
                    yield Input(id="job-company", placeholder="e.g. Acme Corp", compact=True)
                with Vertical():
                    yield Label("Role (empty: the posting's title)")
                    yield Input(id="job-role", placeholder="e.g. Backend engineer", compact=True)
            yield Label("The posting (plain text or Markdown; paste with your terminal's paste keys)")
            yield TextArea(id="posting", soft_wrap=True, tab_behavior="focus",
                           placeholder="About the role…\n\nRequirements\n- 3+ years with Python\n- …")
            yield Static(id="form-error")
            with Horizontal(classes="buttons"):
                yield button_for(self, "job-form-save", id="save", variant="primary")
                yield button_for(self, "job-form-back", id="back")
        yield Footer()

    def on_mount(self) -> None:
        initial = {"company": self.job.company, "role": self.job.role, "text": self.job.text} if self.job else {}
        if self.start_form(initial):
            self.notify("Your unsaved posting is back, as you left it.")
        self.query_one("#posting").focus()

    def action_save(self) -> None:
        values = self.values()
        if not str(values["text"]).strip():
            self.show_problems([("text", "Paste the posting first: the part that says what the job asks for.")])
            return
        services = self.services
        try:
            text = pasted_text(str(values["text"]))
            company, role = str(values["company"]), str(values["role"])
            if self.job is None:
                job = add_job(services.data_dir, text, PASTED, company=company, role=role, now=services.clock.now())
            else:
                job = update_job(services.data_dir, self.job.id, text, company=company, role=role,
                                 now=services.clock.now())
        except MockviewError as error:
            self.show_problems([("text", str(error))])
            return
        self.discard_form()
        self.notify(f"{plural(len(job.must), 'must-have')}, {plural(len(job.nice), 'nice-to-have')}, "
                    f"{plural(len(job.values), 'value')}.", title=f"Saved {job.id}")
        if self.job is None:
            from mockview.tui.screens.job import JobScreen

            self.app.switch_screen(JobScreen(services, job.id))
        else:
            self.dismiss()

    def action_leave(self) -> None:
        super().action_leave()
        if self.form_draft is not None and self.form_draft.path.exists():
            self.notify("Your posting is kept: it comes back when you open the form again.")
