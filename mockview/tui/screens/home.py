"""Home: what is due, how it is going, and where to go next."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Sparkline, Static

from mockview.store import reading
from mockview.store.drafts import Draft, discard, recovered_drafts
from mockview.store.rows import SessionRow
from mockview.store.stats import Stats, compute_stats
from mockview.text import plural
from mockview.tui.messages import LibraryLoaded
from mockview.tui.widgets.cells import cell, scores_caption, sparkline_width


@dataclass(frozen=True)
class HomeFigures:
    stats: Stats
    sessions: list[tuple[SessionRow, int, float | None]]
    scores: list[int]
    drafts: list[Draft]


class HomeScreen(Screen[None]):
    """The first screen: re-drills due, streak, recent sessions, a recovered draft."""

    BINDINGS = [
        Binding("p", "app.open_setup", "Practice", id="home-practice", tooltip="Choose banks and start"),
        Binding("i", "app.open_interview_setup", "Interview", id="home-interview",
                tooltip="A full mock interview, feedback at the end"),
        Binding("r", "app.retry", "Re-drill", id="home-retry", tooltip="Answer the questions due for re-drill"),
        Binding("h", "app.open_history", "History", id="home-history", tooltip="Your answers and scores over time"),
        Binding("b", "app.open_banks", "Banks", id="home-banks", tooltip="Question banks and their problems"),
        Binding("d", "app.open_debrief", "Debrief", id="home-debrief",
                tooltip="Write down how a real interview went"),
        Binding("l", "app.open_debriefs", "Debriefs", id="home-debriefs", show=False,
                tooltip="Your debriefs of real interviews"),
        Binding("t", "app.open_patterns", "Patterns", id="home-patterns", show=False,
                tooltip="Fluke or pattern: what keeps happening"),
        Binding("c", "app.open_companies", "Companies", id="home-companies", show=False,
                tooltip="Company research profiles and prep sheets"),
        Binding("s", "app.open_stories", "Stories", id="home-stories", show=False,
                tooltip="Your STAR stories and what they cover"),
        Binding("u", "resume_draft", "Resume draft", id="home-resume", show=False,
                tooltip="Finish the answer you left unfinished"),
        Binding("x", "discard_draft", "Discard draft", id="home-discard", show=False,
                tooltip="Throw away the unfinished answer"),
        Binding("q", "app.request_quit", "Quit", id="home-quit", show=False, tooltip="Quit mockview"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.draft: Draft | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home"):
            with Horizontal(id="tiles"):
                yield Static("Re-drills due: …", id="due", classes="tile")
                yield Static("Streak: …", id="streak", classes="tile")
                yield Static("Answers: …", id="totals", classes="tile")
            yield Static("Recent scores", classes="section-title")
            yield Sparkline([], id="scores")
            yield Static(Content("No answers yet."), id="no-scores")
            with Vertical(id="draft-panel"):
                yield Static(id="draft-text")
                with Horizontal(classes="buttons"):
                    yield Button("Resume (u)", id="resume", variant="success", compact=True)
                    yield Button("Discard (x)", id="discard", variant="error", compact=True)
            yield Static("Last sessions", classes="section-title")
            yield DataTable(id="sessions", cursor_type="none", zebra_stripes=True)
            yield Static(Content("No sessions yet: press p to practise, or r to re-drill."), id="no-sessions")
            yield Static("Practise", classes="section-title")
            with Grid(classes="home-grid", id="home-buttons"):
                yield Button("Practice (p)", id="go-practice", variant="primary", compact=True)
                yield Button("Interview (i)", id="go-interview", compact=True)
                yield Button("Re-drill (r)", id="go-retry", compact=True)
                yield Button("History (h)", id="go-history", compact=True)
                yield Button("Banks (b)", id="go-banks", compact=True)
            yield Static("After a real interview", classes="section-title")
            with Grid(classes="home-grid", id="home-prep-buttons"):
                yield Button("Debrief (d)", id="go-debrief", compact=True)
                yield Button("Debriefs (l)", id="go-debriefs", compact=True)
                yield Button("Patterns (t)", id="go-patterns", compact=True)
                yield Button("Companies (c)", id="go-companies", compact=True)
                yield Button("Stories (s)", id="go-stories", compact=True)
                yield Button("Quit (q)", id="go-quit", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        for button in self.query(".home-grid Button"):
            # The label's own padding would wrap "Interview (i)" at 80 columns; CSS refuses line-pad: 0.
            button.styles.line_pad = 0
        table = self.query_one("#sessions", DataTable)
        table.add_columns("When", "Mode", "Answers", "Average")
        self.query_one("#draft-panel").display = False
        self.refresh_figures()

    def on_library_loaded(self, _: LibraryLoaded) -> None:
        self.refresh_figures()

    def on_screen_resume(self) -> None:
        self.refresh_figures()

    @work(thread=True, exclusive=True, group="home-figures")
    def refresh_figures(self) -> None:
        app = self.app
        with reading(app.data_dir, clock=app.clock) as history:
            figures = HomeFigures(
                stats=compute_stats(history, app.clock.now()),
                sessions=history.recent_sessions(8),
                scores=history.recent_scores(40),
                drafts=recovered_drafts(app.data_dir),
            )
        self.app.call_from_thread(self.show_figures, figures)

    def show_figures(self, figures: HomeFigures) -> None:
        stats = figures.stats
        due = f"Re-drills due: {stats.due}"
        if stats.leeches:
            due += f" ({plural(stats.leeches, 'leech', 'leeches')})"
        self.query_one("#due", Static).update(Content(due))
        self.query_one("#streak", Static).update(Content(f"Streak: {plural(stats.streak_days, 'day')}"))
        average = f", average {stats.average_score:.0f}" if stats.average_score is not None else ""
        self.query_one("#totals", Static).update(Content(f"Answers: {stats.answers}{average}"))
        sparkline = self.query_one("#scores", Sparkline)
        sparkline.data = figures.scores
        sparkline.display = bool(figures.scores)
        sparkline.styles.width = sparkline_width(len(figures.scores))
        self.query_one("#no-scores", Static).update(Content(scores_caption(figures.scores)))
        table = self.query_one("#sessions", DataTable)
        table.display = bool(figures.sessions)
        self.query_one("#no-sessions").display = not figures.sessions
        table.clear()
        for session, answers, mean in figures.sessions:
            table.add_row(
                cell(session.started_at.astimezone().strftime("%a %d %b %H:%M")),
                cell(session.mode),
                cell(answers),
                cell(f"{mean:.0f}" if mean is not None else "-"),
            )
        self.show_draft(figures.drafts[0] if figures.drafts else None)

    def show_draft(self, draft: Draft | None) -> None:
        self.draft = draft
        panel = self.query_one("#draft-panel")
        panel.display = draft is not None
        if draft is None:
            return
        when = draft.saved_at.astimezone().strftime("%d %b %H:%M")
        preview = draft.answer if len(draft.answer) < 300 else draft.answer[:300] + "…"
        self.query_one("#draft-text", Static).update(
            Content.assemble(
                (f"Unfinished answer from {when}\n", "bold $text-warning"),
                (draft.question.get("text", ""), "bold"),
                "\n",
                (preview, "italic"),
            )
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "go-practice": self.app.action_open_setup,
            "go-interview": self.app.action_open_interview_setup,
            "go-retry": self.app.action_retry,
            "go-history": self.app.action_open_history,
            "go-banks": self.app.action_open_banks,
            "go-debrief": self.app.action_open_debrief,
            "go-debriefs": self.app.action_open_debriefs,
            "go-patterns": self.app.action_open_patterns,
            "go-companies": self.app.action_open_companies,
            "go-stories": self.app.action_open_stories,
            "go-quit": self.app.action_request_quit,
            "resume": self.action_resume_draft,
            "discard": self.action_discard_draft,
        }
        actions[event.button.id or ""]()

    def action_resume_draft(self) -> None:
        if self.draft is not None:
            draft, self.draft = self.draft, None
            self.app.resume_draft(draft)

    def action_discard_draft(self) -> None:
        if self.draft is not None:
            discard(self.draft)
            self.notify("Unfinished answer discarded.")
            self.refresh_figures()
