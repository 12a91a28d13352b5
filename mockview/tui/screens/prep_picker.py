"""Which company the prep sheet is for: the app's ``mockview prep --company NAME``."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from mockview.tui.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from mockview.errors import MockviewError
from mockview.prep.profiles import Profile, find_profile, list_profiles
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.workers import deliver


class PrepPickerScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("enter", "open", "Prep sheet", id="prep-pick-open", priority=True, tooltip="Write the sheet"),
        Binding("escape", "cancel", "Cancel", id="prep-pick-cancel", tooltip="Back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.profiles: list[Profile] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="prep-pick-dialog"):
            yield Label("A prep sheet for which company?")
            yield Input(placeholder="company (your profiles are suggested)", id="prep-company", compact=True)
            yield Label("Role (optional)")
            yield Input(id="prep-role", compact=True)
            yield Static(id="prep-known", classes="dialog-keys")
            yield Static(id="prep-error")
            with Horizontal(classes="buttons"):
                yield button_for(self, "prep-pick-open", id="open", variant="primary")
                yield button_for(self, "prep-pick-cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#prep-company", Input).focus()
        self.load()

    @work(thread=True, exclusive=True, group="prep-picker")
    def load(self) -> None:
        profiles, _ = list_profiles(self.services.data_dir)
        deliver(self, self.show, profiles)

    def show(self, profiles: list[Profile]) -> None:
        self.profiles = profiles
        names = [profile.company for profile in profiles]
        self.query_one("#prep-company", Input).suggester = SuggestFromList(names, case_sensitive=False)
        known = f"Your profiles: {', '.join(names)}" if names else "No company profiles yet: the sheet says what to research."
        self.query_one("#prep-known", Static).update(Content(known).stylize("$text-muted"))

    def action_open(self) -> None:
        company = self.query_one("#prep-company", Input).value.strip()
        role = self.query_one("#prep-role", Input).value.strip()
        if not company:
            self.query_one("#prep-error", Static).update(Content("Which company? Type its name.").stylize("$text-error"))
            return
        try:
            profile = find_profile(self.services.data_dir, company)
        except MockviewError as error:
            self.query_one("#prep-error", Static).update(Content(str(error)).stylize("$text-error"))
            return
        from mockview.tui.screens.companies import PrepSheetScreen

        name = profile.company if profile is not None else company
        self.dismiss(None)
        self.app.call_later(self.app.push_screen, PrepSheetScreen(self.services, name, role or (profile.role if profile else "")))

    def action_cancel(self) -> None:
        self.dismiss(None)
