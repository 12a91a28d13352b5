"""Choose what to practise: banks, categories, tags, how many, and the clock."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from mockview.banks.library import Library
from mockview.banks.model import MAX_TIME_LIMIT
from mockview.errors import MockviewError
from mockview.practice.selection import Filters
from mockview.tui.content import Content
from mockview.tui.messages import LibraryLoaded, SessionStarted
from mockview.tui.screens.form import clear_passing_notices
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.widgets.footer import Footer


class SetupScreen(Screen[None]):
    """Every practice option of the command line, as a form."""

    BINDINGS = [
        Binding("ctrl+s", "start", "Start", id="setup-start", tooltip="Start practising"),
        Binding("escape", "app.pop_screen", "Back", id="setup-back", tooltip="Back to home"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.library: Library = services.banks.loaded

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="setup"):
            with Horizontal(id="setup-columns"):
                with Vertical(classes="setup-column"):
                    yield Label("Banks (none ticked: all)")
                    yield SelectionList[str](id="banks", compact=True)
                    yield Label("Categories (none ticked: all)")
                    yield SelectionList[str](id="categories", compact=True)
                with Vertical(classes="setup-column"):
                    yield Label("Tags, comma-separated")
                    yield Input(placeholder="e.g. conflict, deadlines", id="tags", compact=True)
                    yield Label("Questions")
                    yield Input("5", type="integer", id="count", compact=True)
                    yield Label("Order")
                    yield Select([("Least seen, then random", "random"), ("Least seen, then bank order", "bank")],
                                 value="random", allow_blank=False, id="order", compact=True)
                    yield Label("Time limit override, seconds")
                    yield Input(placeholder="each question's own", type="number", id="time-limit", compact=True)
                    yield Label("Company and role (research questions)")
                    yield Input(placeholder="company", id="company", compact=True)
                    yield Input(placeholder="role", id="role", compact=True)
            yield Static(id="setup-error")
            with Horizontal(classes="buttons"):
                yield button_for(self, "setup-start", id="start", variant="primary")
                yield button_for(self, "setup-back", id="back")
        yield Footer()

    def on_mount(self) -> None:
        clear_passing_notices(self)
        self.fill_banks()
        self.query_one("#banks").focus()

    def on_library_loaded(self, event: LibraryLoaded) -> None:
        self.library = event.library
        self.fill_banks()

    def fill_banks(self) -> None:
        banks = self.query_one("#banks", SelectionList)
        banks.clear_options()
        banks.add_options(
            Selection(Content(f"{bank.id} ({len(bank.questions)})"), bank.id)
            for bank in sorted(self.library.banks.values(), key=lambda b: b.id)
        )
        self.fill_categories()

    def chosen_banks(self) -> list[str]:
        return list(self.query_one("#banks", SelectionList).selected)

    def fill_categories(self) -> None:
        chosen = self.chosen_banks() or list(self.library.banks)
        counts: dict[str, int] = {}
        for bank_id in chosen:
            for question in self.library.banks[bank_id].questions:
                if question.category:
                    counts[question.category] = counts.get(question.category, 0) + 1
        categories = self.query_one("#categories", SelectionList)
        kept = set(categories.selected)
        categories.clear_options()
        categories.add_options(
            Selection(Content(f"{name} ({count})"), name, name in kept) for name, count in sorted(counts.items())
        )

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        if event.selection_list.id == "banks":
            self.fill_categories()

    def filters(self) -> Filters:
        """The form as filters; raises ValueError with a message for bad input."""
        count_text = self.query_one("#count", Input).value.strip() or "5"
        count = int(count_text)
        if count < 1:
            raise ValueError("the number of questions must be at least 1")
        limit_text = self.query_one("#time-limit", Input).value.strip()
        time_limit = float(limit_text) if limit_text else None
        if time_limit is not None and not (math.isfinite(time_limit) and 0 < time_limit <= MAX_TIME_LIMIT):
            raise ValueError(f"the time limit must be more than 0 and at most {MAX_TIME_LIMIT} seconds")
        tags = tuple(t.strip() for t in self.query_one("#tags", Input).value.split(",") if t.strip())
        order = self.query_one("#order", Select).value
        return Filters(
            banks=tuple(self.chosen_banks()),
            categories=tuple(self.query_one("#categories", SelectionList).selected),
            tags=tags,
            count=count,
            order=str(order),
            time_limit=time_limit,
            company=self.query_one("#company", Input).value.strip() or None,
            role=self.query_one("#role", Input).value.strip() or None,
        )

    def action_start(self) -> None:
        error = self.query_one("#setup-error", Static)
        try:
            filters = self.filters()
        except ValueError as problem:
            error.update(Content(str(problem)).stylize("$text-error"))
            return
        try:
            driver = self.services.start_practice(filters)
        except MockviewError as problem:
            error.update(Content(str(problem)).stylize("$text-error"))
            return
        self.post_message(SessionStarted(driver))
