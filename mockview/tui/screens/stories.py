"""The story bank: your STAR stories, what they cover, and peeking at one while answering."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Input, Label, Static, TextArea

from mockview.banks.problems import Problem
from mockview.errors import MockviewError
from mockview.paths import stories_path
from mockview.practice.driver import StoryPeek
from mockview.prep.stories import (
    STARTER,
    STORY_PARTS,
    Coverage,
    Story,
    coverage,
    read_stories,
    save_stories,
    story_from_form,
    story_to_form,
    write_starter,
)
from mockview.prep.yamlfiles import Saved
from mockview.text import slug
from mockview.tui.content import Content
from mockview.tui.editor import edit_file
from mockview.tui.messages import LibraryLoaded
from mockview.tui.screens.form import FormScreen
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.widgets.cells import cell, column_widths
from mockview.tui.widgets.fitted_table import FittedTable
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver


@dataclass(frozen=True)
class StoryBank:
    stories: list[Story]
    problems: list[Problem]
    analyses: dict[str, dict[str, Any]]
    uses: dict[str, int]
    coverage: Coverage | None


def kept_comments(saved: Saved) -> str:
    return f" The file had comments of yours: the old version is kept as {saved.backup.name}." if saved.backup else ""


class StoriesScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "Open", id="stories-open", priority=True, tooltip="Edit this story"),
        Binding("n", "new", "New story", id="stories-new", tooltip="Write down another story"),
        Binding("d", "delete", "Delete", id="stories-delete", tooltip="Delete this story"),
        Binding("e", "edit", "Edit file", id="stories-edit", tooltip="Open stories.yaml in $EDITOR"),
        Binding("escape", "app.pop_screen", "Back", id="stories-back", tooltip="Back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.bank = StoryBank([], [], {}, {}, None)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="stories"):
            yield Static(Content("Your stories").stylize("bold"))
            yield FittedTable(id="story-table", cursor_type="row", zebra_stripes=True)
            yield Static(Content("No stories yet: press n to write your first."), id="no-stories")
            yield Static(id="story-problems")
            yield Static("Coverage", classes="section-title")
            yield Static(id="coverage")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#story-table", FittedTable)
        table.add_columns("Story", "Competencies", "Score", "Missing", "Peeked")
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def on_library_loaded(self, _: LibraryLoaded) -> None:
        self.load()  # coverage needs the banks, which may still have been loading

    @work(thread=True, exclusive=True, group="stories")
    def load(self) -> None:
        stories, problems = read_stories(self.services.data_dir)
        with self.services.reading() as history:
            uses = history.story_uses()
        library = self.services.banks.library
        report = coverage(stories, library, uses) if library is not None else None
        analyses = {story.title: story.to_json() for story in stories}
        deliver(self, self.show, StoryBank(stories, problems, analyses, uses, report))

    def show(self, bank: StoryBank) -> None:
        self.bank = bank
        self.refresh_bindings()
        table = self.query_one("#story-table", FittedTable)
        table.clear()
        table.display = bool(bank.stories)
        self.query_one("#no-stories").display = not bank.stories and not bank.problems
        self.fill_table()
        errors = [str(p) for p in bank.problems if p.severity == "error"]
        self.query_one("#story-problems", Static).update(
            Content("\n".join(errors + ["Fix the file with e; the app will not write over it meanwhile."]))
            .stylize("$text-error") if errors else "")
        self.query_one("#coverage", Static).update(self.coverage_text(bank.coverage))

    def fill_table(self) -> None:
        """Competencies, score and missing parts as wide as they are; the title takes the rest."""
        bank = self.bank
        table = self.query_one("#story-table", FittedTable)
        cursor = table.cursor_row
        table.clear()
        width = table.width_to_fit()

        def missing(parts: list[str]) -> str:
            # Initials where the room is short ("S, T, R"): the title needs the width more.
            return ", ".join(part if width >= 90 else part[0].upper() for part in parts) or "-"

        rows = [(story.title, ", ".join(story.competencies) or "-", str(bank.analyses[story.title]["score"]),
                 missing(bank.analyses[story.title]["missing_parts"]), str(bank.uses.get(story.title, 0)))
                for story in bank.stories]
        headers = ("Story", "Competencies", "Score", "Missing", "Peeked")
        widths = column_widths(width, [(h, [r[i] for r in rows]) for i, h in enumerate(headers)], flexible=0,
                               caps={1: 20, 3: 24}, minimum=16)
        for index, row in enumerate(rows):
            table.add_row(*(cell(text, widths[column]) for column, text in enumerate(row)), key=str(index))
        if rows:
            table.move_cursor(row=max(0, min(cursor, len(rows) - 1)))

    def on_fitted_table_refit(self, _: FittedTable.Refit) -> None:
        if self.bank.stories:
            self.fill_table()

    @staticmethod
    def coverage_text(report: Coverage | None) -> Content:
        if report is None:
            return Content("The banks are still loading.")
        parts = []
        if report.uncovered:
            asked = ", ".join(f"{name} ({report.asked[name]})" for name in report.uncovered)
            parts.append(Content.assemble(("No story yet for: ", "bold $text-warning"), asked))
        else:
            parts.append(Content("Every competency the banks ask about has a story."))
        covered = ", ".join(f"{name}: {len(titles)}" for name, titles in sorted(report.covered.items()))
        if covered:
            parts.append(Content.assemble(("Stories per competency: ", "bold"), covered))
        for title, why in report.overused:
            parts.append(Content.assemble(("Over-used: ", "bold $text-warning"), f"{title}: {why}"))
        return Content("\n").join(parts)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Open and delete need a story: shown only when there is one."""
        if action in ("open", "delete"):
            return bool(self.bank.stories)
        return True

    def selected(self) -> Story | None:
        table = self.query_one("#story-table", FittedTable)
        if not table.row_count or not table.display:
            return None
        return self.bank.stories[table.cursor_row]

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        story = self.selected()
        if story is not None:
            self.app.push_screen(StoryFormScreen(self.services, story))

    def action_new(self) -> None:
        if self._writable():
            self.app.push_screen(StoryFormScreen(self.services, None))

    def _writable(self) -> bool:
        if any(p.severity == "error" for p in self.bank.problems):
            self.notify("stories.yaml has problems: fix them first (e opens it).", severity="warning")
            return False
        return True

    def action_delete(self) -> None:
        from mockview.tui.screens.confirm import ConfirmScreen

        story = self.selected()
        if story is None or not self._writable():
            return

        def decided(yes: bool | None) -> None:
            if not yes:
                return
            try:
                saved = save_stories(self.services.data_dir, [s for s in self.bank.stories if s.title != story.title])
            except MockviewError as error:
                self.notify(str(error), severity="error")
                return
            self.notify(f"Deleted {story.title!r}." + kept_comments(saved))
            self.load()

        self.app.push_screen(ConfirmScreen(f"Delete {story.title!r}?", "It goes from your story bank for good.",
                                           yes="Delete", no="Keep it"), decided)

    def action_edit(self) -> None:
        path = stories_path(self.services.data_dir)
        try:
            write_starter(path, STARTER)
        except MockviewError as error:
            self.notify(str(error), title="Stories", severity="error")
            return
        if edit_file(self.app, path):
            self.load()


class StoryFormScreen(FormScreen):
    """One story, its four parts, and what the STAR analysis makes of it as you write."""

    FIELDS = ("title", "competencies", *STORY_PARTS, "numbers")
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="story-save", tooltip="Save the story"),
        Binding("escape", "leave", "Back", id="story-back", tooltip="Leave; what you typed is kept"),
    ]

    def __init__(self, services: Services, story: Story | None) -> None:
        super().__init__(services, f"story-{slug(story.title) or 'untitled'}" if story else "story-new")
        self.story = story

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="story-form", classes="form"):
            yield Label("Title")
            yield Input(id="title", placeholder="a few words you will recognise", compact=True)
            yield Label("Competencies it shows, comma-separated (the banks' categories)")
            yield Input(id="competencies", placeholder="e.g. conflict, leadership", compact=True)
            for part, prompt in zip(STORY_PARTS, ("Situation: where and when", "Task: what you had to do",
                                                  "Action: what you did, in the first person",
                                                  "Result: what came of it, with a number")):
                yield Label(prompt)
                yield TextArea(id=part, soft_wrap=True, tab_behavior="focus")
            yield Label("Numbers to remember, comma-separated")
            yield Input(id="numbers", placeholder="e.g. 40% fewer tickets, 3 weeks early", compact=True)
            yield Static(id="story-check")
            yield Static(id="form-error")
            with Horizontal(classes="buttons"):
                yield button_for(self, "story-save", id="save", variant="primary")
                yield button_for(self, "story-back", id="back")
        yield Footer()

    def on_mount(self) -> None:
        if self.start_form(story_to_form(self.story) if self.story else {}):
            self.notify("Your unsaved changes to this story are back.")
        self.check_story()
        self.query_one("#title").focus()

    def changed(self) -> None:
        super().changed()
        if self.is_mounted:
            self.check_story()

    def check_story(self) -> None:
        """What the analysis makes of the story so far: its score and the parts it misses."""
        story, _ = story_from_form({**self.values(), "title": "the story being written"}, [])
        if story is None:
            self.query_one("#story-check", Static).update("")
            return
        data = story.to_json()
        missing = ", ".join(data["missing_parts"]) or "none"
        line = Content.assemble(("As an answer it scores ", "$text-muted"), (str(data["score"]), "bold"),
                                ("; parts missing: ", "$text-muted"), missing)
        if data["tips"]:
            line = Content("\n").join([line, Content(f"Tip: {data['tips'][0]}").stylize("$text-muted")])
        self.query_one("#story-check", Static).update(line)

    def action_save(self) -> None:
        stories, problems = read_stories(self.services.data_dir)
        if any(p.severity == "error" for p in problems):
            self.show_problems([("title", "stories.yaml has problems; fix them first (e on the stories screen).")])
            return
        editing = self.story.title if self.story else None
        story, form_problems = story_from_form(self.values(), stories, editing=editing)
        if story is None:
            self.show_problems(form_problems)
            return
        if editing is not None and any(s.title == editing for s in stories):
            updated = [story if s.title == editing else s for s in stories]
        else:
            updated = stories + [story]
        try:
            saved = save_stories(self.services.data_dir, updated)
        except MockviewError as error:
            self.show_problems([("title", str(error))])
            return
        self.discard_form()
        self.notify(f"Saved {story.title!r}." + kept_comments(saved), title="Stories")
        self.dismiss()


class StoryPeekScreen(ModalScreen[None]):
    """Your own stories that fit the question being answered; the clock keeps running."""

    BINDINGS = [Binding("escape,ctrl+o", "dismiss", "Back to the answer", id="peek-back", tooltip="Back")]

    def __init__(self, peek: StoryPeek) -> None:
        super().__init__()
        self.peek = peek
        """What the driver found (and recorded as peeked at)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="peek-dialog"):
            yield Static(id="peek-text")
            yield Static(Content("esc: back to your answer").stylize("$text-muted"))

    def on_mount(self) -> None:
        text = self.query_one("#peek-text", Static)
        if self.peek.problem:
            text.update(Content(f"Your story bank has problems: {self.peek.problem}"))
            return
        if not self.peek.stories:
            text.update(Content("No story in your story bank fits this question. "
                                "Add one under Stories (s on the home screen) once you are done."))
            return
        parts = []
        for story in self.peek.stories:
            parts.append(Content(story.title).stylize("bold"))
            for name in STORY_PARTS:
                body = getattr(story, name)
                if body:
                    parts.append(Content.assemble((f"{name.capitalize()}: ", "bold $accent"), body))
            if story.numbers:
                parts.append(Content.assemble(("Numbers: ", "bold $accent"), ", ".join(story.numbers)))
            parts.append(Content(""))
        text.update(Content("\n").join(parts))
        self.query_one(VerticalScroll).focus()
