"""Fluke or pattern: what keeps happening across interviews and practice."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from mockview.prep.pattern_rows import Patterns
from mockview.prep.patterns import find_patterns
from mockview.tui.content import Content
from mockview.tui.services import Services
from mockview.tui.widgets.cells import cell
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver


class PatternsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="patterns-back", tooltip="Back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="patterns"):
            yield Static("Looking back…", id="patterns-heading")
            yield Static(id="patterns-summary")
            yield Static("What got in the way", classes="section-title", id="factors-title")
            yield DataTable(id="factor-table", cursor_type="none", zebra_stripes=True)
            yield Static("Problems that came back", classes="section-title", id="problems-title")
            yield Static(id="repeated-problems")
            yield Static("Fumbled in real interviews", classes="section-title", id="real-title")
            yield DataTable(id="real-table", cursor_type="none", zebra_stripes=True)
            yield Static("Fumbled most in practice", classes="section-title", id="practice-title")
            yield DataTable(id="practice-table", cursor_type="none", zebra_stripes=True)
            yield Static("Questions fumbled most in practice", classes="section-title", id="questions-title")
            yield DataTable(id="questions-table", cursor_type="none", zebra_stripes=True)
            yield Static("Scores by category", classes="section-title", id="trends-title")
            yield DataTable(id="trend-table", cursor_type="none", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#factor-table", DataTable).add_columns("Factor", "Interviews", "Real", "Mock", "")
        self.query_one("#real-table", DataTable).add_columns("Question", "Interviews", "Category")
        self.query_one("#questions-table", DataTable).add_columns("Question", "Fumbled")
        self.query_one("#practice-table", DataTable).add_columns("Category", "Fumbled")
        self.query_one("#trend-table", DataTable).add_columns("Category", "Answers", "Change", "Trend")
        self.query_one(VerticalScroll).focus()
        self.load()

    @work(thread=True, exclusive=True, group="patterns")
    def load(self) -> None:
        with self.services.reading() as history:
            patterns = find_patterns(history, self.services.banks.library)
        deliver(self, self.show, patterns)

    def show(self, patterns: Patterns) -> None:
        self.query_one("#patterns-heading", Static).update(Content.assemble(
            (f"Looked back on {patterns.interviews} interview{'s' if patterns.interviews != 1 else ''}", "bold"),
            f" ({patterns.real} real, {patterns.interviews - patterns.real} mock) and your practice.",
        ))
        self.query_one("#patterns-summary", Static).update(
            Content("\n".join(f"• {line}" for line in patterns.summary)))

        self._table("factor", [
            (cell(f.factor), cell(f"{f.interviews} of {f.of}"), cell(f.real), cell(f.mock),
             cell("pattern" if f.pattern else "")) for f in patterns.factors])
        problems = "\n".join(f"• \"{p.problem}\": {p.times} interviews ({', '.join(p.where)})"
                             for p in patterns.repeated_problems)
        self.query_one("#repeated-problems", Static).update(Content(problems))
        self._show_section("problems", bool(problems), "#repeated-problems")
        self._table("real", [(cell(r.question, 60), cell(r.times), cell(r.category or "-"))
                             for r in patterns.real_fumbles])
        self._table("practice", [(cell(c.category), cell(c.count))
                                 for c in patterns.fumbled_categories])
        self._table("questions", [(cell(q.text, 60), cell(q.count))
                                  for q in patterns.fumbled_questions])
        self._table("trend", [(cell(t.category), cell(t.answers), cell(f"{t.change:+d}"),
                               cell(t.direction)) for t in patterns.trends])

    def _table(self, name: str, rows: list[tuple[Any, ...]]) -> None:
        table = self.query_one(f"#{name}-table", DataTable)
        table.clear()
        for row in rows:
            table.add_row(*row)
        title = {"factor": "factors", "real": "real", "practice": "practice", "questions": "questions",
                 "trend": "trends"}[name]
        self._show_section(title, bool(rows), f"#{name}-table")

    def _show_section(self, title: str, shown: bool, body: str) -> None:
        self.query_one(f"#{title}-title").display = shown
        self.query_one(body).display = shown
