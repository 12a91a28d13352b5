"""Company research: your profiles, a form with the research checklist, and the prep sheet."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Label, Markdown, Static, TextArea

from mockview.banks.problems import Problem
from mockview.errors import MockviewError
from mockview.prep.profiles import (
    CHECKLIST,
    FIELD_LABELS,
    LIST_FIELDS,
    PROFILE_KEYS,
    Profile,
    list_profiles,
    profile_from_form,
    profile_to_form,
    save_profile,
)
from mockview.tui.content import Content
from mockview.tui.editor import edit_file
from mockview.tui.screens.form import FormScreen, widget_id
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.widgets.cells import cell, fit_items, remaining_width
from mockview.tui.widgets.fitted_table import FittedTable
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver

LIST_HINTS = {
    "products": "one per line, by name",
    "values": "one per line, in their words",
    "news": "one per line: launches, results, hires",
    "competitors": "one per line",
    "culture": "one per line: what people say it is like",
    "questions_to_ask": "one per line: about the role, team, product, success",
}


class CompaniesScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Open", id="companies-open", priority=True, tooltip="Edit this profile"),
        Binding("n", "new", "New profile", id="companies-new", tooltip="Start researching a company"),
        Binding("p", "prep", "Prep sheet", id="companies-prep", tooltip="A one-page prep sheet for this company"),
        Binding("e", "edit", "Edit file", id="companies-edit", tooltip="Open this profile's file in $EDITOR"),
        Binding("escape", "app.pop_screen", "Back", id="companies-back", tooltip="Back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.profiles: list[Profile] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="companies"):
            yield Static(Content("Company profiles").stylize("bold"))
            yield FittedTable(id="company-table", cursor_type="row", zebra_stripes=True)
            yield Static(Content("No profiles yet: press n to start researching a company."), id="no-companies")
            yield Static(id="company-problems")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#company-table", FittedTable)
        table.add_columns("Company", "Role", "Facts", "Still to research")
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="companies")
    def load(self) -> None:
        profiles, problems = list_profiles(self.services.data_dir)
        deliver(self, self.show, profiles, problems)

    def show(self, profiles: list[Profile], problems: list[Problem]) -> None:
        self.profiles = profiles
        table = self.query_one("#company-table", FittedTable)
        table.clear()
        table.display = bool(profiles)
        self.query_one("#no-companies").display = not profiles
        self.fill_table()
        self.refresh_bindings()
        errors = [str(p) for p in problems if p.severity == "error"]
        self.query_one("#company-problems", Static).update(
            Content("\n".join(errors)).stylize("$text-error") if errors else "")

    def fill_table(self) -> None:
        """One row a profile, the research checklist cut to what the table's width leaves."""
        table = self.query_one("#company-table", FittedTable)
        cursor = table.cursor_row
        table.clear()
        width = table.width_to_fit()
        roomy = width >= 100
        company_width = min(24 if roomy else 18, max((len(p.company) for p in self.profiles), default=7))
        role_width = min(20 if roomy else 14, max((len(p.role) for p in self.profiles), default=4))
        left = remaining_width(width, [max(company_width, 7), max(role_width, 4), 5], 17)
        for index, profile in enumerate(self.profiles):
            missing = fit_items([FIELD_LABELS[name].lower() for name in profile.missing()], left) or "nothing"
            table.add_row(cell(profile.company, company_width), cell(profile.role, role_width),
                          cell(len(profile.facts())), cell(missing, left), key=str(index))
        if self.profiles:
            table.move_cursor(row=min(cursor, len(self.profiles) - 1))

    def on_fitted_table_refit(self, _: FittedTable.Refit) -> None:
        if self.profiles:
            self.fill_table()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Open, the prep sheet and the file need a profile: shown only when there is one."""
        if action in ("open", "prep", "edit"):
            return bool(self.profiles)
        return True


    def selected(self) -> Profile | None:
        table = self.query_one("#company-table", FittedTable)
        if not table.row_count or not table.display:
            return None
        return self.profiles[table.cursor_row]

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        profile = self.selected()
        if profile is not None:
            self.app.push_screen(ProfileFormScreen(self.services, profile))

    def action_new(self) -> None:
        self.app.push_screen(ProfileFormScreen(self.services, None))

    def action_prep(self) -> None:
        profile = self.selected()
        if profile is not None:
            self.app.push_screen(PrepSheetScreen(self.services, profile.company, profile.role))

    def action_edit(self) -> None:
        profile = self.selected()
        if profile is not None and edit_file(self.app, profile.path):
            self.load()


class ProfileFormScreen(FormScreen):
    """What you know about a company, and what is still to find out."""

    FIELDS = PROFILE_KEYS
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="profile-save", tooltip="Save the profile"),
        Binding("escape", "leave", "Back", id="profile-back", tooltip="Leave; what you typed is kept"),
    ]

    def __init__(self, services: Services, profile: Profile | None) -> None:
        super().__init__(services, f"profile-{profile.slug}" if profile else "profile-new")
        self.profile = profile

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="profile-columns"):
            with VerticalScroll(id="profile-form", classes="form"):
                with Horizontal(classes="form-row"):
                    with Vertical():
                        yield Label("Company")
                        yield Input(id="company", compact=True)
                    with Vertical():
                        yield Label("Role")
                        yield Input(id="role", compact=True)
                yield Label(FIELD_LABELS["mission"])
                yield Input(id="mission", placeholder=CHECKLIST["mission"], compact=True)
                for name in LIST_FIELDS:
                    yield Label(f"{FIELD_LABELS[name]} ({LIST_HINTS[name]})")
                    yield TextArea(id=widget_id(name), soft_wrap=True, tab_behavior="focus")
                yield Label(FIELD_LABELS["why_us"] + ", in your own words")
                yield Input(id="why-us", placeholder="what draws you to them, and why this role", compact=True)
                yield Static(id="form-error")
                with Horizontal(classes="buttons"):
                    yield button_for(self, "profile-save", id="save", variant="primary")
                    yield button_for(self, "profile-back", id="back")
            with Vertical(id="checklist-panel"):
                yield Static(Content("Research checklist").stylize("bold"))
                yield Static(id="checklist")
        yield Footer()

    def on_mount(self) -> None:
        initial = profile_to_form(self.profile) if self.profile else {}
        if self.start_form(initial):
            self.notify("Your unsaved changes to this profile are back.")
        self.show_checklist()
        self.query_one("#company").focus()

    def changed(self) -> None:
        super().changed()
        if self.is_mounted:
            self.show_checklist()

    def show_checklist(self) -> None:
        values = self.values()
        done = [name for name in CHECKLIST if str(values.get(name) or "").strip()]
        lines = [Content(f"{len(done)} of {len(CHECKLIST)} researched").stylize("$text-muted")]
        for name in CHECKLIST:
            if name in done:
                lines.append(Content.assemble(("✓ ", "$text-success"), FIELD_LABELS[name]))
            else:
                lines.append(Content.assemble(("· ", "$text-warning"), (FIELD_LABELS[name], "bold")))
        self.query_one("#checklist", Static).update(Content("\n").join(lines))

    def action_save(self) -> None:
        profile, problems = profile_from_form(self.values())
        if profile is None:
            self.show_problems(problems)
            return
        replacing = Path(self.profile.path) if self.profile and self.profile.path else None
        try:
            saved = save_profile(self.services.data_dir, profile, replacing=replacing)
        except MockviewError as error:
            self.show_problems([("company", str(error))])
            return
        self.discard_form()
        missing = profile.missing()
        still = (f" Still to research: {', '.join(FIELD_LABELS[name].lower() for name in missing)}." if missing
                 else " Every checklist item is done.")
        kept = f" Your comments are in {saved.backup.name}." if saved.backup else ""
        self.notify(f"Saved {saved.path.name}.{still}{kept}", title=profile.company)
        self.dismiss()


class PrepSheetScreen(Screen[None]):
    """The prep sheet for one company, as ``mockview prep`` writes it; ``w`` saves it as Markdown."""

    BINDINGS = [
        Binding("w", "write", "Write file", id="prep-write", tooltip="Save the sheet as a Markdown file"),
        Binding("escape", "app.pop_screen", "Back", id="prep-back", tooltip="Back"),
    ]

    def __init__(self, services: Services, company: str, role: str = "", *, job_id: str | None = None) -> None:
        super().__init__()
        self.services = services
        self.company = company
        self.role = role
        self.job_id = job_id
        """A saved posting the sheet covers (else the newest one saved for the company)."""
        self.text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="prep-sheet"):
            yield Markdown(id="sheet")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
        self.load()

    @work(thread=True, exclusive=True, group="prep-sheet")
    def load(self) -> None:
        from mockview.prep.sheet import build_prep_sheet

        services = self.services
        try:
            with services.reading() as history:
                text = build_prep_sheet(history, services.data_dir, self.company, self.role,
                                        library=services.banks.library, job_ref=self.job_id)
        except MockviewError as error:
            text = f"# Prep sheet: {self.company}\n\nCannot write it: {error}\n"
        deliver(self, self.show, text)

    def show(self, text: str) -> None:
        self.text = text
        self.query_one("#sheet", Markdown).update(text)

    def action_write(self) -> None:
        from mockview.prep.sheet import sheet_path
        from mockview.files import write_atomically

        if not self.text:
            return
        path = sheet_path(self.services.data_dir, self.company, self.services.clock.now())
        try:
            write_atomically(path, self.text, shared=True)
        except OSError as error:
            self.notify(f"Cannot write {path}: {error.strerror or error}", severity="error")
            return
        self.notify(f"Wrote {path}", title="Prep sheet", timeout=10)
