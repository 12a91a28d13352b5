"""What the app's forms share: reading fields, keeping a draft, showing problems.

A form's fields are widgets whose ids are the field names with dashes
(``went_right`` -> ``#went-right``). While the person types, the fields are
written to a :class:`FormDraft` (every two seconds while it changes, and at
once when the person leaves the form or the app is quit or signalled), so a
closed terminal loses at most the last two seconds.
"""

from __future__ import annotations

from typing import Any

from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, SelectionList, Static, TextArea

from mockview.store.forms import FormDraft
from mockview.tui.content import Content, shown_value
from mockview.tui.services import Services

SAVE_EVERY_SECONDS = 2.0


def clear_passing_notices(screen: Screen[Any]) -> None:
    """A screen with fields opens: notices left from the screen before must not cover them."""
    clear = getattr(screen.app, "clear_passing_notices", None)
    if clear is not None:  # the app in a test harness may be another App
        clear()


def widget_id(field: str) -> str:
    return field.replace("_", "-")


class FormScreen(Screen[None]):
    """A screen holding a form; subclasses name their fields and write the draft's name."""

    FIELDS: tuple[str, ...] = ()
    WIDGET_IDS: dict[str, str] = {}
    """Fields whose widget id is not the usual one (an id another screen's style already uses)."""

    def __init__(self, services: Services, draft_name: str | None) -> None:
        super().__init__()
        self.services = services
        self.draft_name = draft_name
        self._dirty = False
        self._unchanged: dict[str, Any] | None = None
        self._problem: str | None = None
        self.saved = False

    @property
    def form_draft(self) -> FormDraft | None:
        return FormDraft(self.services.data_dir, self.draft_name) if self.draft_name else None

    def start_form(self, initial: dict[str, Any]) -> bool:
        """Fill the form with a kept draft if there is one, else with ``initial``; True if a draft came back."""
        clear_passing_notices(self)
        draft = self.form_draft.load() if self.form_draft else None
        self.fill(draft if draft else initial)
        if not draft:
            self.remember_unchanged()
        for area in self.query(TextArea):
            area.cursor_blink = self.services.cursor_blink
        self.set_interval(SAVE_EVERY_SECONDS, self.keep_form_if_changed)
        return bool(draft)

    def remember_unchanged(self) -> None:
        """The fields as they are now count as untouched: leaving like this keeps no draft."""
        self._unchanged = self.values()

    def field(self, name: str) -> Widget:
        return self.query_one(f"#{self.WIDGET_IDS.get(name) or widget_id(name)}")

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in self.FIELDS:
            widget = self.field(name)
            if isinstance(widget, Input):
                values[name] = widget.value
            elif isinstance(widget, TextArea):
                values[name] = widget.text
            elif isinstance(widget, Select):
                values[name] = "" if widget.value is Select.BLANK else str(widget.value)
            elif isinstance(widget, SelectionList):
                values[name] = list(widget.selected)
        return values

    def fill(self, values: dict[str, Any]) -> None:
        """Put ``values`` in the fields, control characters shown as visible escapes (see :mod:`mockview.tui.content`)."""
        for name in self.FIELDS:
            if name not in values:
                continue
            widget, value = self.field(name), shown_value(values[name])
            if isinstance(widget, Input):
                widget.value = str(value)
            elif isinstance(widget, TextArea):
                widget.load_text(str(value))
            elif isinstance(widget, Select) and value:
                widget.value = value
            elif isinstance(widget, SelectionList) and isinstance(value, list):
                offered = {widget.get_option_at_index(i).value for i in range(widget.option_count)}
                widget.deselect_all()
                for item in value:
                    if item in offered:
                        widget.select(item)

    def on_input_changed(self, _: Input.Changed) -> None:
        self.changed()

    def on_text_area_changed(self, _: TextArea.Changed) -> None:
        self.changed()

    def on_selection_list_selected_changed(self, _: SelectionList.SelectedChanged[Any]) -> None:
        self.changed()

    def on_select_changed(self, _: Select.Changed) -> None:
        self.changed()

    def changed(self) -> None:
        self._dirty = True

    def keep_form_if_changed(self) -> None:
        if self._dirty:
            self.keep_form()

    def keep_form(self) -> None:
        """Write the fields to the draft now (the app calls this on quit and signals too)."""
        draft = self.form_draft
        if draft is None or self.saved:
            return
        try:
            values = self.values()
        except NoMatches:  # the screen is being taken down: what it held was kept before
            return
        self._dirty = False
        if values == self._unchanged:  # as it was opened: nothing to keep
            draft.clear()
            return
        problem = draft.save(values)
        if problem is not None:
            self._dirty = True  # try again at the next interval: the form still holds every field
        if problem != self._problem:
            self._problem = problem
            if problem is not None:
                self.notify(f"{problem}. What you typed stays in the form; it is kept as soon as there is room.",
                            title="Draft not kept", severity="warning", timeout=20)
            else:
                self.notify("The form's draft is kept again.")

    def discard_form(self) -> None:
        """The form was saved (or thrown away on purpose): its draft goes."""
        self.saved = True
        if self.form_draft is not None:
            self.form_draft.clear()

    def action_save(self) -> None:
        """Each form checks and saves its own fields (debrief, story, profile, posting): every subclass
        overrides this; the base form only keeps the draft and asks before leaving."""
        raise NotImplementedError

    def action_leave(self) -> None:
        """Leave the form; what was typed stays in its draft for next time."""
        self.keep_form()
        self.dismiss()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "back":
            self.action_leave()

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """Say what stops the form from being saved, and go to the first field concerned."""
        lines = "\n".join(message for _, message in problems)
        self.query_one("#form-error", Static).update(Content(lines).stylize("$text-error"))
        if problems:
            # The message under the form may be out of sight: say it where it is seen too.
            self.notify(problems[0][1], title="Not saved yet", severity="error")
            self.field(problems[0][0]).focus()

    def clear_problems(self) -> None:
        self.query_one("#form-error", Static).update("")
