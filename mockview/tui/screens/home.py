"""Home: what is due, how it is going, and where to go next."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Sparkline, Static

from mockview.clock import local_day
from mockview.prep.followup import FollowUp, due_follow_ups
from mockview.store.drafts import Draft, discard, recovered_drafts
from mockview.store.rows import SessionRow
from mockview.store.stats import Stats, compute_stats
from mockview.text import plural
from mockview.tui.content import Content
from mockview.tui.messages import LibraryLoaded, SessionStarted
from mockview.tui.places import PLACES, Section, in_section
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import binding_button, button_for
from mockview.tui.widgets.cells import cell, scores_caption, sparkline_width
from mockview.tui.widgets.footer import Footer
from mockview.tui.workers import deliver


@dataclass(frozen=True)
class HomeFigures:
    stats: Stats
    sessions: list[tuple[SessionRow, int, float | None]]
    scores: list[int]
    drafts: list[Draft]
    follow_ups: list[FollowUp]
    """Interviews a week old or more with no feedback asked for yet."""


class HomeScreen(Screen[None]):
    """The first screen: re-drills due, streak, recent sessions, a recovered draft."""

    BINDINGS = [
        *(each.binding for each in PLACES),
        Binding("u", "resume_draft", "Resume draft", id="home-resume", show=False,
                tooltip="Finish the answer you left unfinished"),
        Binding("x", "discard_draft", "Discard draft", id="home-discard", show=False,
                tooltip="Throw away the unfinished answer"),
        Binding("a", "follow_up", "Ask for feedback", id="home-follow-up", show=False,
                tooltip="Draft the request for feedback on an interview a week old"),
        Binding("q", "app.request_quit", "Quit", id="home-quit", show=False, tooltip="Quit mockview"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.draft: Draft | None = None
        self.follow_ups: list[FollowUp] = []

    def place_buttons(self, section: Section) -> ComposeResult:
        for each in in_section(section):
            yield binding_button(self.app, each.binding, id=f"go-{each.id}",
                                 variant="primary" if each.primary else "default")

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
                    yield button_for(self, "home-resume", id="resume", variant="success", label="Resume")
                    yield button_for(self, "home-discard", id="discard", variant="error", label="Discard")
            with Horizontal(id="follow-up-panel"):
                yield Static(id="follow-up-text")
                yield button_for(self, "home-follow-up", id="follow-up", variant="primary", label="Ask")
            yield Static("Last sessions", classes="section-title")
            # The table takes the height left over (scrolling inside), so the places below
            # stay on screen at 80x24 however many sessions there are.
            yield DataTable(id="sessions", cursor_type="none", zebra_stripes=True)
            yield Static(Content("No sessions yet: press p to practise, or r to re-drill."), id="no-sessions")
            yield Static("Practise", classes="section-title")
            with Grid(classes="home-grid", id="home-buttons"):
                yield from self.place_buttons("practise")
            with Horizontal(id="after-title"):
                yield Static("After a real interview", classes="section-title")
                yield button_for(self, "home-quit", id="go-quit")
            with Grid(classes="home-grid", id="home-prep-buttons"):
                yield from self.place_buttons("after")
        yield Footer()

    def on_mount(self) -> None:
        for button in self.query(".home-grid Button"):
            # The label's own padding would wrap "Interview (i)" at 80 columns; CSS refuses line-pad: 0.
            button.styles.line_pad = 0
        table = self.query_one("#sessions", DataTable)
        table.add_columns("When", "Mode", "Answers", "Average")
        self.query_one("#draft-panel").display = False
        self.query_one("#follow-up-panel").display = False
        self.refresh_figures()

    def on_library_loaded(self, _: LibraryLoaded) -> None:
        self.refresh_figures()

    def on_screen_resume(self) -> None:
        self.refresh_figures()

    @work(thread=True, exclusive=True, group="home-figures")
    def refresh_figures(self) -> None:
        services = self.services
        with services.reading() as history:
            figures = HomeFigures(
                stats=compute_stats(history, services.clock.now()),
                sessions=history.recent_sessions(8),
                scores=history.recent_scores(40),
                drafts=recovered_drafts(services.data_dir),
                follow_ups=due_follow_ups(history.debriefs(), local_day(services.clock.now())),
            )
        deliver(self, self.show_figures, figures)

    def show_figures(self, figures: HomeFigures) -> None:
        stats = figures.stats
        due_tile = self.query_one("#due", Static)
        due_tile.update(Content(f"Re-drills due: {stats.due}"))
        # On the tile's bottom border, so the count itself is never cut short at 80 columns.
        due_tile.border_subtitle = plural(stats.leeches, "leech", "leeches") if stats.leeches else ""
        self.query_one("#streak", Static).update(Content(f"Streak: {plural(stats.streak_days, 'day')}"))
        totals = self.query_one("#totals", Static)
        totals.update(Content(f"Answers: {stats.answers}"))
        totals.border_subtitle = f"average {stats.average_score:.0f}" if stats.average_score is not None else ""
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
        self.show_follow_ups(figures.follow_ups)

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

    def show_follow_ups(self, follow_ups: list[FollowUp]) -> None:
        self.follow_ups = follow_ups
        panel = self.query_one("#follow-up-panel")
        panel.display = bool(follow_ups)
        if not follow_ups:
            return
        first = follow_ups[0]
        panel.border_title = "A week on: ask for feedback"
        more = f" (and {len(follow_ups) - 1} more: see Debriefs, l)" if len(follow_ups) > 1 else ""
        self.query_one("#follow-up-text", Static).update(Content.assemble(
            f"{first.headline()}: ask about {first.ask_about}", (more, "$text-muted")))

    def action_follow_up(self) -> None:
        if self.follow_ups:
            from mockview.tui.screens.follow_up import FollowUpScreen

            self.app.push_screen(FollowUpScreen(self.services, self.follow_ups[0].debrief_id))

    def action_resume_draft(self) -> None:
        if self.draft is not None:
            draft, self.draft = self.draft, None
            self.post_message(SessionStarted(self.services.start_from_draft(draft)))

    def action_discard_draft(self) -> None:
        if self.draft is not None:
            discard(self.draft)
            self.notify("Unfinished answer discarded.")
            self.refresh_figures()
