"""Debrief a real interview: what was asked, what was fumbled, what went right and wrong, and why."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from mockview.errors import MockviewError
from mockview.prep.debrief.form import FORM_FIELDS, FUMBLED_MARK, NOTES_MARK, debrief_from_form
from mockview.prep.reflection import FACTORS, OUTCOMES, parse_factors
from mockview.text import plural
from mockview.tui.content import Content
from mockview.tui.screens.form import FormScreen
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.widgets.footer import Footer

DRAFT_NAME = "debrief"
SCREEN_FIELDS = tuple(name for name in FORM_FIELDS if name != "factors") + ("common_factors", "other_factors")


def _area(field_id: str, placeholder: str = "", classes: str = "") -> TextArea:
    return TextArea(id=field_id, soft_wrap=True, tab_behavior="focus", placeholder=placeholder, classes=classes)


class DebriefFormScreen(FormScreen):
    """Everything a coach would ask after the interview, on one scrolling form."""

    FIELDS = SCREEN_FIELDS
    WIDGET_IDS = {"feedback": "interviewer-feedback"}
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="debrief-save",
                tooltip="Save the debrief; fumbled questions join the re-drill queue"),
        Binding("escape", "leave", "Back", id="debrief-back", tooltip="Leave the form; what you typed is kept"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services, DRAFT_NAME)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief-form", classes="form"):
            yield Static(Content("Write it down while it is fresh. Questions you mark as fumbled join your "
                                 "re-drill queue at once.").stylize("$text-muted"))
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label("Company")
                    yield Input(id="company", placeholder="e.g. Acme Corp", compact=True)
                with Vertical():
                    yield Label("Role")
                    yield Input(id="role", placeholder="e.g. Backend engineer", compact=True)
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label("Date (YYYY-MM-DD)")
                    yield Input(id="date", compact=True)
                with Vertical():
                    yield Label("Stage")
                    yield Input(id="stage", placeholder="e.g. onsite", compact=True)
                with Vertical():
                    yield Label("Format")
                    yield Input(id="format", placeholder="e.g. video", compact=True)
                with Vertical():
                    yield Label("Outcome")
                    yield Select([(outcome, outcome) for outcome in OUTCOMES], value="pending",
                                 allow_blank=False, id="outcome", compact=True)
            yield Label("Interviewers, comma-separated")
            yield Input(id="interviewers", compact=True)
            yield Label(f"Questions asked, one per line: start with {FUMBLED_MARK} if you fumbled it, "
                        f"add notes after{NOTES_MARK.rstrip()}")
            yield _area("questions", f"{FUMBLED_MARK} Tell me about a time you failed.{NOTES_MARK}blanked, no result",
                        classes="tall")
            yield Label("What went right? One per line; start with * to star what mattered most")
            yield _area("went-right")
            yield Label("What went wrong? One per line; * stars it")
            yield _area("went-wrong")
            yield Label("What got in the way? (arrows move, space ticks)")
            yield SelectionList[str](*(Selection(Content(f), f) for f in FACTORS), id="common-factors",
                                     compact=True)
            yield Input(id="other-factors", placeholder="other factors, comma-separated", compact=True)
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label("Liked about the company")
                    yield _area("culture-liked")
                with Vertical():
                    yield Label("Disliked about the company")
                    yield _area("culture-disliked")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label("Liked about the job")
                    yield _area("role-liked")
                with Vertical():
                    yield Label("Disliked about the job")
                    yield _area("role-disliked")
            yield Label("Strategy for next time")
            yield _area("strategy")
            yield Label("To practise before the next one, one per line")
            yield _area("next-time")
            yield Label("What the interviewer said (you can add more later)")
            yield _area("interviewer-feedback")
            yield Static(id="form-error")
            with Horizontal(classes="buttons"):
                yield button_for(self, "debrief-save", id="save", variant="primary")
                yield button_for(self, "debrief-back", id="back")
                yield Button("Start over", id="start-over", variant="error", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        if self.start_form(self.blank()):
            self.notify("Your unfinished debrief is back, as you left it.")
        self.query_one("#company").focus()

    def blank(self) -> dict[str, object]:
        today = self.services.clock.now().astimezone().date().isoformat()
        return {"date": today, "outcome": "pending", "common_factors": []}

    def form_values(self) -> dict[str, str]:
        """The screen's fields as the debrief's: the factor list and the free ones together."""
        values = self.values()
        factors = list(values.pop("common_factors"))
        factors += [f for f in parse_factors(values.pop("other_factors")) if f not in factors]
        values["factors"] = ", ".join(factors)
        return values

    def action_save(self) -> None:
        debrief, problems = debrief_from_form(self.form_values(), today=self.services.clock.now().astimezone().date())
        if debrief is None:
            self.show_problems([(_field_on_screen(name), message) for name, message in problems])
            return
        try:
            debrief_id, changes = self.services.save_debrief(debrief)
        except MockviewError as error:
            self.show_problems([("company", str(error))])
            return
        self.discard_form()
        queued = f" {plural(len(changes), 'fumbled question')} joined your re-drill queue." if changes else ""
        self.notify(f"Debrief of {debrief.company} saved.{queued}", title="Debrief")
        from mockview.tui.screens.debriefs import DebriefScreen

        self.app.switch_screen(DebriefScreen(self.services, debrief_id))

    def action_leave(self) -> None:
        super().action_leave()
        if self.form_draft is not None and self.form_draft.path.exists():
            self.notify("Your debrief is kept: it comes back when you open the form again.")

    def start_over(self) -> None:
        from mockview.tui.screens.confirm import ConfirmScreen

        def decided(yes: bool | None) -> None:
            if yes:
                self.clear_form()

        self.app.push_screen(ConfirmScreen("Start over?", "Everything typed in this debrief is thrown away.",
                                           yes="Start over", no="Keep it"), decided)

    def clear_form(self) -> None:
        self.discard_form()
        self.saved = False
        self.fill({name: "" for name in self.FIELDS} | self.blank())
        self.remember_unchanged()
        self.clear_problems()
        self.query_one("#company").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start-over":
            self.start_over()
        else:
            super().on_button_pressed(event)


def _field_on_screen(name: str) -> str:
    return "other_factors" if name == "factors" else name
