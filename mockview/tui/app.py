"""The mockview Textual app.

The app owns the long-lived things (the bank library, the history, the
practice session in progress and its draft) and the flow between screens:
home, setup, question, feedback, summary, history and banks. Screens ask the
app to move on; the app drives the same :class:`PracticeSession` the plain
front end uses, so neither has logic the other lacks.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from mockview.banks.library import Library, load_library, split_bank_args
from mockview.clock import Clock, SystemClock
from mockview.errors import MockviewError
from mockview.practice.engine import AnswerResult, PlannedQuestion, PracticeSession
from mockview.practice.interview import Interview, InterviewOptions
from mockview.practice.plans import build_practice, build_retry
from mockview.practice.selection import Filters
from mockview.prep.profiles import find_profile
from mockview.store import History, open_store
from mockview.store.drafts import Draft, DraftKeeper, discard
from mockview.store.snapshots import question_from_snapshot
from mockview.tui.messages import LibraryLoaded


class MockviewApp(App[None]):
    """Practise interview answers against the clock."""

    CSS_PATH = "mockview.tcss"
    TITLE = "mockview"
    SUB_TITLE = "mock interview practice"
    BINDINGS = [
        Binding("ctrl+q", "request_quit", "Quit", id="quit", priority=True,
                tooltip="Quit mockview; an answer in progress is kept as a draft"),
    ]

    def __init__(
        self,
        data_dir: Path,
        *,
        start: str = "home",
        filters: Filters | None = None,
        interview_options: InterviewOptions | None = None,
        clock: Clock | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.start = start
        self.filters = filters or Filters()
        self.interview_options = interview_options or InterviewOptions()
        self.interview: Interview | None = None
        self.clock = clock or SystemClock()
        self.cursor_blink = cursor_blink
        self.library: Library | None = None
        self.history: History | None = None
        self.session: PracticeSession | None = None
        self.keeper: DraftKeeper | None = None
        self.error_message: str | None = None

    # --- start-up -------------------------------------------------------------

    def on_mount(self) -> None:
        try:
            self.history = open_store(self.data_dir, clock=self.clock, warn=self._warn_later)
        except MockviewError as error:
            self.fail(str(error))
            return
        self._catch_signals()
        from mockview.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        if self.start == "debrief":
            self.action_open_debrief()
        self.load_library()

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notice is plain text: many quote what the person typed, which is never markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _warn_later(self, message: str) -> None:
        self.call_later(self.notify, message, title="History repaired", severity="warning", timeout=15)

    def fail(self, message: str) -> None:
        """Stop with one clear line for the command line to print."""
        self.error_message = message
        self.exit(return_code=1)

    def _catch_signals(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for name in ("SIGTERM", "SIGHUP"):
                number = getattr(signal, name, None)
                if number is not None:
                    loop.add_signal_handler(number, self._terminated, number)
        except (NotImplementedError, RuntimeError):  # not on this platform, or not the main thread
            pass

    def _terminated(self, number: int) -> None:
        self.save_draft()
        self.exit(return_code=128 + number)

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_library(self) -> Library:
        _, paths = split_bank_args(self.filters.banks)
        return load_library(self.data_dir, paths)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        # The event's own state, not the worker's: a thread worker can finish
        # before its earlier RUNNING event is handled.
        if worker.group != "library" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        if worker.error is not None:
            error = worker.error
            self.fail(str(error) if isinstance(error, MockviewError) else f"cannot load banks: {error}")
            return
        self.library = worker.result
        for screen in self.screen_stack:
            screen.post_message(LibraryLoaded(self.library))
        if self.library.errors:
            broken = sorted({problem.path for problem in self.library.errors})
            self.notify(f"{len(broken)} bank file(s) have problems and were skipped; see Banks.",
                        severity="warning", timeout=8)
        if self.start == "practice":
            self.begin_practice(self.filters, from_command_line=True)
        elif self.start == "retry":
            self.begin_retry(from_command_line=True)
        elif self.start == "interview":
            self.begin_interview(self.interview_options, from_command_line=True)

    # --- practice flow -----------------------------------------------------

    def begin_practice(self, filters: Filters, *, from_command_line: bool = False) -> str | None:
        """Start a session; returns a problem to show instead, if any."""
        assert self.history is not None and self.library is not None
        try:
            session = build_practice(self.library, self.history, filters, self.clock,
                                     find_profile(self.data_dir, filters.company))
        except MockviewError as error:
            if from_command_line:
                self.fail(str(error))
            return str(error)
        self._run_session(session)
        return None

    def begin_retry(self, *, from_command_line: bool = False) -> str | None:
        assert self.history is not None and self.library is not None
        try:
            count = self.filters.count if from_command_line else 0
            session = build_retry(self.library, self.history,
                                  Filters(count=count, time_limit=self.filters.time_limit), self.clock)
        except MockviewError as error:
            if from_command_line:
                self.fail(str(error))
            else:
                self.notify(str(error), title="Re-drill")
            return str(error)
        self._run_session(session)
        return None

    def begin_interview(self, options: InterviewOptions, *, from_command_line: bool = False) -> str | None:
        """Start a mock interview; returns a problem to show instead, if any."""
        assert self.history is not None and self.library is not None
        try:
            interview = Interview.build(self.library, self.history, options, self.clock,
                                        find_profile(self.data_dir, options.company))
        except MockviewError as error:
            if from_command_line:
                self.fail(str(error))
            return str(error)
        self.interview = interview
        self._run_session(interview.session)
        return None

    def after_interview_answer(self) -> None:
        """Next question (or follow-up), or the report card once the interview is over."""
        assert self.interview is not None
        if self.interview.finished:
            from mockview.tui.screens.report_card import ReportCardScreen

            self._show(ReportCardScreen(self.interview.report_card()))
        else:
            self.show_question()

    def end_interview(self, reflection: dict | None) -> None:
        if self.interview is not None:
            self.interview.finish(reflection)
            self.notify("Report card saved: see it again under History, Interviews (i).")
        self.interview = None
        self.session = None
        self.keeper = None
        self.action_go_home()

    def action_open_interview_setup(self) -> None:
        from mockview.tui.screens.interview_setup import InterviewSetupScreen

        if self.library is None:
            self.notify("Still loading the banks…")
            return
        self.push_screen(InterviewSetupScreen())

    def action_retry(self) -> None:
        if self.library is None:
            self.notify("Still loading the banks…")
            return
        self.begin_retry()

    def resume_draft(self, draft: Draft) -> None:
        """Finish an answer left behind by a crash or a closed terminal."""
        assert self.history is not None
        question = question_from_snapshot(draft.question)
        planned = PlannedQuestion(question=question, text=draft.question.get("text") or question.text,
                                  time_limit=question.time_limit)
        session = PracticeSession(history=self.history, plan=[planned], mode="practice", clock=self.clock)
        self._run_session(session, prefill=draft.answer, spent=draft.elapsed)
        # The new keeper holds the text on disk before the old draft goes, so a
        # closed terminal right now loses nothing.
        assert self.keeper is not None
        self.keeper.update(planned.snapshot, draft.answer, draft.elapsed, now=self.clock.now())
        self.keeper.flush(now=self.clock.now())
        discard(draft)

    def _run_session(self, session: PracticeSession, *, prefill: str = "", spent: float = 0.0) -> None:
        if session.mode != "interview":
            self.interview = None
        self.session = session
        self.keeper = DraftKeeper(self.data_dir, {"mode": session.mode, "filters": session.filters.to_json()})
        self.show_question(prefill=prefill, spent=spent)

    def show_question(self, *, prefill: str = "", spent: float = 0.0) -> None:
        from mockview.tui.screens.question import QuestionScreen

        assert self.session is not None
        self._show(QuestionScreen(self.session, prefill=prefill, spent=spent, interview=self.interview))

    def show_feedback(self, result: AnswerResult) -> None:
        from mockview.tui.screens.feedback import FeedbackScreen

        assert self.session is not None
        self._show(FeedbackScreen(self.session, result))

    def next_question(self) -> None:
        assert self.session is not None
        if self.session.finished:
            from mockview.tui.screens.summary import SummaryScreen

            self._show(SummaryScreen(self.session))
        else:
            self.show_question()

    def answer_again(self) -> None:
        assert self.session is not None
        self.session.again()
        self.show_question()

    def end_session(self, reflection: dict[str, str] | None = None) -> None:
        if self.session is not None:
            self.session.finish(reflection)
        self.session = None
        self.keeper = None
        self.action_go_home()

    def _show(self, screen: Screen) -> None:
        """Practice screens replace one another above the home screen."""
        from mockview.tui.screens.home import HomeScreen

        if isinstance(self.screen, HomeScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def action_go_home(self) -> None:
        from mockview.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if self.library is not None:
            self.screen.post_message(LibraryLoaded(self.library))  # refresh its figures

    # --- drafts and quitting -------------------------------------------------

    def save_draft(self) -> None:
        """Keep everything typed: the answer in progress and any form half filled."""
        from mockview.tui.screens.form import FormScreen

        if self.keeper is not None:
            self.keeper.flush(now=self.clock.now())
        for screen in self.screen_stack:
            if isinstance(screen, FormScreen):
                screen.keep_form()

    def action_request_quit(self) -> None:
        from mockview.tui.screens.confirm import ConfirmScreen
        from mockview.tui.screens.question import QuestionScreen

        screen = self.screen
        if isinstance(screen, QuestionScreen) and screen.answer_text.strip():
            screen.keep_draft()

            def decided(quit_now: bool | None) -> None:
                if quit_now:
                    self.save_draft()
                    self._close_session()
                    self.exit()

            self.push_screen(
                ConfirmScreen("Quit now?", "Your answer is kept as a draft and offered back next time.",
                              yes="Quit", no="Keep answering"),
                decided,
            )
            return
        self.save_draft()
        self._close_session()
        self.exit()

    # --- other screens ---------------------------------------------------------

    def action_open_setup(self) -> None:
        from mockview.tui.screens.setup import SetupScreen

        if self.library is None:
            self.notify("Still loading the banks…")
            return
        self.push_screen(SetupScreen(self.library))

    def action_open_history(self) -> None:
        from mockview.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def action_open_banks(self) -> None:
        from mockview.tui.screens.banks import BanksScreen

        if self.library is None:
            self.notify("Still loading the banks…")
            return
        self.push_screen(BanksScreen())

    def action_open_debrief(self) -> None:
        from mockview.tui.screens.debrief_form import DebriefFormScreen

        self.push_screen(DebriefFormScreen())

    def action_open_debriefs(self) -> None:
        from mockview.tui.screens.debriefs import DebriefsScreen

        self.push_screen(DebriefsScreen())

    def action_open_patterns(self) -> None:
        from mockview.tui.screens.patterns import PatternsScreen

        self.push_screen(PatternsScreen())

    def action_open_companies(self) -> None:
        from mockview.tui.screens.companies import CompaniesScreen

        self.push_screen(CompaniesScreen())

    def action_open_stories(self) -> None:
        from mockview.tui.screens.stories import StoriesScreen

        self.push_screen(StoriesScreen())

    def reload_library(self) -> Library:
        """Read the banks again (after editing one); called from a worker thread."""
        _, paths = split_bank_args(self.filters.banks)
        library = load_library(self.data_dir, paths)
        self.call_from_thread(self._set_library, library)
        return library

    def _set_library(self, library: Library) -> None:
        self.library = library
        for screen in self.screen_stack:
            screen.post_message(LibraryLoaded(library))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if self.session is not None:
            # Mid-session, leaving for another place would strand the session
            # and its clock: finish it, or quit (the answer is kept).
            yield from super().get_system_commands(screen)
            return
        yield SystemCommand("Practice", "Choose banks and start answering questions", self.action_open_setup)
        yield SystemCommand("Re-drill", "Answer the questions due for re-drill", self.action_retry)
        yield SystemCommand("Mock interview", "A full interview with follow-ups; feedback at the end",
                            self.action_open_interview_setup)
        yield SystemCommand("History", "Your answers, scores over time, and their feedback", self.action_open_history)
        yield SystemCommand("Banks", "The question banks, their problems, and editing them", self.action_open_banks)
        yield SystemCommand("Debrief an interview", "Write down how a real interview went; fumbles join the "
                            "re-drill queue", self.action_open_debrief)
        yield SystemCommand("Debriefs", "Your real interviews, and the interviewer's feedback",
                            self.action_open_debriefs)
        yield SystemCommand("Patterns", "Fluke or pattern: what keeps happening across interviews",
                            self.action_open_patterns)
        yield SystemCommand("Company profiles", "What you researched about each company; prep sheets",
                            self.action_open_companies)
        yield SystemCommand("Stories", "Your STAR stories and the competencies they cover", self.action_open_stories)
        yield SystemCommand("Home", "Back to the home screen", self.action_go_home)
        yield from super().get_system_commands(screen)

    def on_unmount(self) -> None:
        self.save_draft()
        self._close_session()
        if self.history is not None:
            self.history.close()

    def _close_session(self) -> None:
        """Quitting mid-session still ends it, keeping a reflection typed on the summary."""
        from mockview.tui.screens.summary import SummaryScreen

        if self.session is None:
            return
        reflection = None
        if self.screen_stack and isinstance(self.screen, SummaryScreen):
            reflection = self.screen.reflection()
        self.session.finish(reflection)
        self.session = None
