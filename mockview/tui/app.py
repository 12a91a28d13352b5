"""The mockview Textual app: start-up, navigation, and the flow events its screens post.

The app opens the history, loads the banks in a worker, builds the
:class:`~mockview.tui.services.Services` every screen is given, and opens
the screen the command line asked for. Screens report what happened as
messages (:mod:`mockview.tui.messages`); the ``@on`` handlers here pass
them to the :class:`~mockview.tui.session_flow.SessionFlow`, which drives
the same :class:`~mockview.practice.driver.SessionDriver` the plain front
end uses, and show the screen it returns. Home's destinations, the
``open`` action and the command palette come from
:mod:`mockview.tui.places`.

The app ends with an :class:`~mockview.tui.launch.ExitReport`, the value
``run()`` returns.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from mockview.banks.library import Library
from mockview.clock import Clock, SystemClock
from mockview.errors import MockviewError
from mockview.practice.driver import SessionDriver
from mockview.practice.interview import InterviewOptions
from mockview.practice.selection import Filters
from mockview.store import open_store
from mockview.store.drafts import recovered_drafts
from mockview.text import shown
from mockview.tui.launch import ExitReport, StartScreen
from mockview.tui.messages import (
    AnswerAgain,
    AnswerAnotherWay,
    AnswerSubmitted,
    InterviewFinished,
    LibraryLoaded,
    LibraryRead,
    NextQuestion,
    ReflectOnInterview,
    SessionFinished,
    SessionStarted,
)
from mockview.tui.places import COMMANDS, PLACES, Command, Place, command, place
from mockview.tui.screens.confirm import ConfirmScreen
from mockview.tui.screens.form import FormScreen
from mockview.tui.screens.home import HomeScreen
from mockview.tui.screens.question import QuestionScreen
from mockview.tui.screens.summary import SummaryScreen
from mockview.tui.services import BankShelf, Services
from mockview.tui.session_flow import SessionFlow

LOADING = "Still loading the banks…"


_PASTED_LINE_BREAK = re.compile(r"\r\n?")


class MockviewApp(App[ExitReport]):
    """Practise interview answers against the clock."""

    CSS_PATH = "mockview.tcss"
    TITLE = "mockview"
    SUB_TITLE = "mock interview practice"
    BINDINGS = [
        Binding("ctrl+q", "request_quit", "Quit", id="quit", priority=True,
                tooltip="Quit mockview; an answer in progress is kept as a draft"),
        Binding("escape", "hide_keys", "Close keys", id="hide-keys", priority=True, show=False,
                tooltip="Close the keys panel"),
    ]

    def __init__(
        self,
        data_dir: Path,
        *,
        start: StartScreen = "home",
        filters: Filters | None = None,
        interview_options: InterviewOptions | None = None,
        clock: Clock | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.start: StartScreen = start
        self.filters = filters or Filters()
        self.interview_options = interview_options or InterviewOptions()
        self.clock: Clock = clock or SystemClock()
        self.cursor_blink = cursor_blink
        self.banks = BankShelf(data_dir, self.filters.banks)
        self._services: Services | None = None
        self._flow: SessionFlow | None = None

    @property
    def services(self) -> Services:
        """What every screen is given; there once the history is open (on mount)."""
        if self._services is None:
            raise RuntimeError("the app has not opened the history yet")
        return self._services

    @property
    def flow(self) -> SessionFlow:
        if self._flow is None:
            raise RuntimeError("the app has not opened the history yet")
        return self._flow

    # --- start-up ----------------------------------------------------------------

    def on_mount(self) -> None:
        try:
            history = open_store(self.data_dir, clock=self.clock, warn=self._warn_later)
        except MockviewError as error:
            self.fail(str(error))
            return
        self._services = Services(data_dir=self.data_dir, clock=self.clock, history=history, banks=self.banks,
                                  filters=self.filters, cursor_blink=self.cursor_blink)
        self._flow = SessionFlow(self._services)
        self._catch_signals()
        self.push_screen(HomeScreen(self._services))
        if self.start == "debrief":
            self.action_open("debrief")
        self.load_library()

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notice is plain text: many quote what the person typed, which is never markup
        (and whose escapes are shown, never obeyed)."""
        super().notify(shown(message), title=shown(title), severity=severity, timeout=timeout, markup=False)

    async def on_event(self, event: events.Event) -> None:
        """A paste is typed text too: control characters in it arrive as visible escapes.

        Line breaks are the exception: most terminals send a pasted one as a carriage return (or
        CR LF), as the Enter key does, and it is a new line, read as a file's would be, not ``^M``.
        """
        if isinstance(event, events.Paste):
            event.text = shown(_PASTED_LINE_BREAK.sub("\n", event.text))
        await super().on_event(event)

    def clear_passing_notices(self) -> None:
        """Take down the plain notices of the screen before, so none sits over the fields of a screen
        where the person is about to type; warnings and errors stay until they time out."""
        for notice in list(self._notifications):  # Textual has no public way to remove one notice
            if notice.severity == "information":
                self._unnotify(notice, refresh=False)
        self._refresh_notifications()

    def _warn_later(self, message: str) -> None:
        self.call_later(self.notify, message, title="History repaired", severity="warning", timeout=15)

    def fail(self, message: str) -> None:
        """Stop with one clear line for the command line to print."""
        self.exit(ExitReport(1, message), return_code=1)

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
        if number == getattr(signal, "SIGHUP", None):
            self._hung_up(number)
        unsaved = self._unsaved()
        self._close_session()
        self.exit(ExitReport(128 + number, unsaved=unsaved), return_code=128 + number)

    def _hung_up(self, number: int) -> None:
        """The terminal is gone: keep everything, then leave at once.

        Textual's orderly shutdown writes to the terminal that is no longer
        there, and the SIGCONT a closed terminal also sends restarts its
        output thread mid-shutdown; about one close in 25 then hung in
        ``WriterThread.stop`` for good, a live process holding its draft.
        Nothing on screen is worth restoring, so the history is closed and
        the process ends here.
        """
        self._close_session()
        if self._services is not None:
            self._services.history.close()
        os._exit(128 + number)

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_library(self) -> Library:
        return self.banks.load()

    @work(thread=True, exclusive=True, group="judge", exit_on_error=False)
    def warm_judge(self) -> None:
        """Load the judge while the first screen is read, so the first answer's feedback is not the slow one.

        Started once the start screen is up, never before: the import would
        otherwise compete with it. A judge that fails to load here fails the
        same way on the first answer, where the sitting reports it.
        """
        from mockview.analysis import warm_up

        warm_up()

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
        library = worker.result
        assert isinstance(library, Library)
        self._adopt(library)
        if library.errors:
            broken = sorted({Path(problem.path).name for problem in library.errors})
            files = ", ".join(broken[:3]) + (f" and {len(broken) - 3} more" if len(broken) > 3 else "")
            self.notify(f"Skipped {files}: {'it has' if len(broken) == 1 else 'they have'} problems; "
                        "see Banks (b).", severity="warning", timeout=8)
        self._open_start_screen()
        self.call_after_refresh(self.warm_judge)

    def _open_start_screen(self) -> None:
        """practice, retry and interview open on their first question; a problem ends the app with one line."""
        try:
            driver: SessionDriver
            if self.start == "practice":
                driver = self.services.start_practice(self.filters)
            elif self.start == "retry":
                driver = self.services.start_retry(self.filters.count)
            elif self.start == "interview":
                driver = self.services.start_interview(self.interview_options)
            else:
                return
        except MockviewError as error:
            self.fail(str(error))
            return
        if self.start in ("practice", "retry"):
            self._offer_draft_then_start(driver)
        else:
            self._show(self.flow.start(driver))

    def _offer_draft_then_start(self, driver: SessionDriver) -> None:
        """An answer left by a crash or a closed terminal is offered first, as on the home screen."""
        drafts = recovered_drafts(self.data_dir)
        if not drafts:
            self._show(self.flow.start(driver))
            return
        draft = drafts[0]
        preview = draft.answer if len(draft.answer) < 200 else draft.answer[:200] + "…"
        when = draft.saved_at.astimezone().strftime("%d %b %H:%M")

        def decided(finish_it: bool | None) -> None:
            if finish_it:
                driver.take_draft(draft)
            self._show(self.flow.start(driver))

        self.push_screen(ConfirmScreen(
            "You left an unfinished answer", f"On {when}, to: {draft.question.get('text', '')}\n\n{preview}\n\n"
            "Finish it first, or keep it for later (it is offered again on the home screen).",
            yes="Finish it first", no="Later"), decided)

    @on(LibraryRead)
    def _library_read(self, event: LibraryRead) -> None:
        self._adopt(event.library)

    def _adopt(self, library: Library) -> None:
        """The banks just read are the ones every screen uses from now on."""
        self.banks.library = library
        for screen in self.screen_stack:
            screen.post_message(LibraryLoaded(library))

    # --- places --------------------------------------------------------------------

    def action_open(self, place_id: str) -> None:
        """Open one of home's destinations, or a palette command (see :mod:`mockview.tui.places`)."""
        chosen: Place | Command = command(place_id) if place_id in {c.id for c in COMMANDS} else place(place_id)
        if chosen.needs_banks and self.banks.library is None:
            self.notify(LOADING)
            return
        try:
            opened = chosen.open(self.services)
        except MockviewError as error:
            self.notify(str(error), title=chosen.label if isinstance(chosen, Place) else chosen.title)
            return
        if isinstance(opened, Message):
            self.post_message(opened)
        else:
            self.push_screen(opened)

    def _keys_shown(self) -> bool:
        from textual.widgets import HelpPanel

        return bool(self.screen_stack) and bool(self.screen.query(HelpPanel))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc closes the keys panel while it is open; otherwise it goes on to the screen (back)."""
        if action == "hide_keys":
            return self._keys_shown()
        return super().check_action(action, parameters)

    def action_hide_keys(self) -> None:
        self.action_hide_help_panel()

    def action_go_home(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if self.banks.library is not None:
            self.screen.post_message(LibraryLoaded(self.banks.library))  # refresh its figures

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        if self._flow is not None and self._flow.active:
            # Mid-session, leaving for another place would strand the session
            # and its clock: finish it, or quit (the answer is kept).
            yield from super().get_system_commands(screen)
            return
        for each in PLACES:
            yield SystemCommand(each.title, each.help, partial(self.action_open, each.id))
        yield SystemCommand("Home", "Back to the home screen", self.action_go_home)
        for extra in COMMANDS:
            yield SystemCommand(extra.title, extra.help, partial(self.action_open, extra.id))
        yield from super().get_system_commands(screen)

    # --- the sitting's flow ------------------------------------------------------------

    @on(SessionStarted)
    def _session_started(self, event: SessionStarted) -> None:
        self._show(self.flow.start(event.driver))

    @on(AnswerSubmitted)
    def _answer_submitted(self, event: AnswerSubmitted) -> None:
        self._show(self.flow.answered(event.result))

    @on(NextQuestion)
    def _next_question(self) -> None:
        self._show(self.flow.next())

    @on(AnswerAgain)
    def _answer_again(self) -> None:
        self._show(self.flow.again())

    @on(AnswerAnotherWay)
    def _answer_another_way(self, event: AnswerAnotherWay) -> None:
        self._show(self.flow.another_way(event.result))

    @on(ReflectOnInterview)
    def _reflect(self) -> None:
        self._show(self.flow.reflect())

    @on(SessionFinished)
    def _session_finished(self, event: SessionFinished) -> None:
        try:
            self.flow.finish(event.reflection)
        except MockviewError as error:
            self.notify(f"{error}; the answers given are stored, the reflection is not", severity="error",
                        timeout=20)
        self.action_go_home()

    @on(InterviewFinished)
    def _interview_finished(self, event: InterviewFinished) -> None:
        try:
            if self.flow.finish(event.reflection):
                self.notify("Report card saved: see it again under History, Interviews (i).")
        except MockviewError as error:
            self.notify(f"{error}; the answers given are stored, the report card is not", severity="error",
                        timeout=20)
        self.action_go_home()

    def _show(self, screen: Screen[Any] | None) -> None:
        """A sitting's screens replace one another above the home screen."""
        if screen is None:
            return
        if isinstance(self.screen, HomeScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    # --- drafts and quitting ---------------------------------------------------------

    def save_draft(self) -> None:
        """Keep everything typed: the answer in progress and any form half filled."""
        if self._flow is not None:
            self._flow.save_draft()
        for screen in self.screen_stack:
            if isinstance(screen, FormScreen):
                screen.keep_form()

    def action_request_quit(self) -> None:
        screen = self.screen
        if isinstance(screen, QuestionScreen) and screen.answer_text.strip():
            screen.keep_draft()

            def decided(quit_now: bool | None) -> None:
                if quit_now:
                    self._quit()

            self.push_screen(
                ConfirmScreen("Quit now?", "Your answer is kept as a draft and offered back next time.",
                              yes="Quit", no="Keep answering"),
                decided,
            )
            return
        self._quit()

    def _quit(self) -> None:
        self.save_draft()
        unsaved = self._unsaved()
        self._close_session()
        self.exit(ExitReport(unsaved=unsaved))

    def _unsaved(self) -> str | None:
        """The answer being typed, if it could not be kept as a draft (a full disk): it is printed on exit."""
        driver = self._flow.driver if self._flow is not None else None
        return driver.unsaved_answer if driver is not None else None

    def on_unmount(self) -> None:
        self.save_draft()
        self._close_session()
        if self._services is not None:
            self._services.history.close()

    def _close_session(self) -> None:
        """Quitting mid-session still ends it, keeping a reflection typed on the summary."""
        if self._flow is None or not self._flow.active:
            return
        reflection = None
        if self.screen_stack and isinstance(self.screen, SummaryScreen):
            reflection = self.screen.reflection()
        problem = self._flow.abandon(reflection)
        if problem is not None:
            self.notify(f"{problem}; the answers given are stored", severity="warning")
