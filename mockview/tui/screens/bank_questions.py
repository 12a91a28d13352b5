"""The questions of one bank, with the rubric, tips and follow-ups of the selected one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from mockview.banks.model import Bank, Question
from mockview.tui.content import Content
from mockview.tui.widgets.cells import cell


def question_details(question: Question) -> Content:
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
    return Content("\n").join(lines)


class BankQuestionsScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="questions-back", tooltip="Back to the banks")]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="bank-questions"):
            yield Static(Content.assemble((self.bank.title, "bold"), f"  ({self.bank.id}, {len(self.bank.questions)} questions)"))
            yield DataTable(id="question-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="question-detail-scroll"):
                yield Static(id="question-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#question-table", DataTable)
        table.add_columns("Id", "Category", "Kind", "Question")
        for question in self.bank.questions:
            table.add_row(cell(question.id), cell(question.category), cell(question.kind), cell(question.text, 60),
                          key=question.id)
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        question = self.bank.question(str(event.row_key.value))
        if question is not None:
            self.query_one("#question-detail", Static).update(question_details(question))
