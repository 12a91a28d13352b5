"""The questions of one bank, with the rubric, tips and follow-ups of the selected one; Enter drills it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from mockview.banks.model import Bank, Question
from mockview.errors import MockviewError
from mockview.practice.selection import Filters
from mockview.tui.content import Content
from mockview.tui.messages import SessionStarted
from mockview.tui.services import Services
from mockview.tui.widgets.cells import cell, column_widths
from mockview.tui.widgets.fitted_table import FittedTable
from mockview.tui.widgets.footer import Footer

HEADERS = ("Id", "Category", "Kind", "Question")


def question_details(question: Question, variants: list[Question] | None = None) -> Content:
    lines = [Content(question.text).stylize("bold"),
             Content(f"{question.full_id} · {question.kind} · {question.time_limit:g}s · "
                     f"{question.words[0]}-{question.words[1]} words").stylize("$text-muted")]
    if question.tags:
        lines.append(Content("Tags: " + ", ".join(question.tags)))
    for keyword in question.keywords:
        extra = f" (or {', '.join(keyword.synonyms)})" if keyword.synonyms else ""
        flags = (" ×%g" % keyword.weight if keyword.weight != 1 else "") + (" required" if keyword.required else "")
        lines.append(Content(f"  • {keyword.term}{extra}{flags}"))
    lines += [Content(f"Tip: {tip}") for tip in question.tips]
    lines += [Content(f"Follow-up: {follow}") for follow in question.follow_ups]
    if variants:
        lines.append(Content("The same question, asked another way:").stylize("bold"))
        lines += [Content(f"  • {other.text} ({other.full_id})") for other in variants]
    return Content("\n").join(lines)


class BankQuestionsScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "practise", "Practise it", id="questions-practise", priority=True,
                tooltip="Answer this question now, against the clock"),
        Binding("escape", "app.pop_screen", "Back", id="questions-back", tooltip="Back to the banks"),
    ]

    def __init__(self, services: Services, bank: Bank) -> None:
        super().__init__()
        self.services = services
        self.bank = bank

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="bank-questions"):
            yield Static(Content.assemble((self.bank.title, "bold"), f"  ({self.bank.id}, {len(self.bank.questions)} questions)"))
            yield FittedTable(id="question-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="question-detail-scroll"):
                yield Static(id="question-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#question-table", FittedTable)
        table.add_columns(*HEADERS)
        self.fill_table()
        table.focus()

    def on_fitted_table_refit(self, _: FittedTable.Refit) -> None:
        self.fill_table()

    def fill_table(self) -> None:
        """Id, category and kind as wide as they are; the question text takes the rest of the width."""
        table = self.query_one("#question-table", FittedTable)
        cursor = table.cursor_row
        questions = self.bank.questions
        columns: list[tuple[str, list[str]]] = [(HEADERS[0], [q.id for q in questions]), (HEADERS[1], [q.category for q in questions]),
                   (HEADERS[2], [q.kind for q in questions]), (HEADERS[3], [q.text for q in questions])]
        width = table.width_to_fit()
        widths = column_widths(width, columns, flexible=3, caps={0: 24, 1: 16}, minimum=24)
        table.clear()
        for question in questions:
            table.add_row(cell(question.id, widths[0]), cell(question.category, widths[1]), cell(question.kind),
                          cell(question.text, widths[3]), key=question.id)
        if questions:
            table.move_cursor(row=max(0, min(cursor, len(questions) - 1)))

    def selected(self) -> Question | None:
        table = self.query_one("#question-table", FittedTable)
        if not table.row_count:
            return None
        return self.bank.question(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        question = self.bank.question(str(event.row_key.value))
        if question is not None:
            library = self.services.banks.library
            variants = library.variants(question) if library is not None else []
            self.query_one("#question-detail", Static).update(question_details(question, variants))

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_practise()

    def action_practise(self) -> None:
        """Drill the highlighted question on its own, as ``mockview practice --question`` does."""
        question = self.selected()
        if question is None:
            return
        filters = Filters(questions=(question.full_id,), count=1, time_limit=self.services.filters.time_limit)
        try:
            driver = self.services.start_practice(filters)
        except MockviewError as error:
            self.notify(str(error), severity="error")
            return
        self.post_message(SessionStarted(driver))
