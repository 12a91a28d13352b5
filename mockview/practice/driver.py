"""One driver for every sitting, whatever the front end: practice, re-drill and mock interview.

The line mode and the app both drive a :class:`SessionDriver` and nothing
else: it knows whether the sitting is an interview (no hints, no story
peeks, no feedback until the report card, follow-ups, a total clock), what
comes after an answer (:class:`Step`), which stories a peek shows, and it
keeps the answer being typed as a draft. The front ends only show things
and read keys.

The functions at the end start a driver; they are the one place where a
company profile is looked up to fill ``{company}`` and ``{role}``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockview.banks.library import Library
from mockview.clock import Clock
from mockview.errors import MockviewError
from mockview.practice.engine import AnswerResult, PlannedQuestion, PracticeSession, SessionSummary
from mockview.practice.interview import Interview, InterviewOptions
from mockview.practice.plans import build_practice, build_retry
from mockview.practice.plans import planned as planned_with
from mockview.practice.selection import Filters
from mockview.prep.profiles import find_profile
from mockview.store.drafts import Draft, DraftKeeper, discard
from mockview.store.failures import StoreUnavailable, Trouble
from mockview.store.redrill import Rating, ScheduleChange
from mockview.store.repository import History
from mockview.store.snapshots import question_from_snapshot

if TYPE_CHECKING:
    from mockview.practice.report_card import ReportCard
    from mockview.prep.stories import Story

MAX_STORIES_SHOWN = 2
"""Stories shown by one peek. The clock runs while the person reads, and every story shown is
recorded as peeked at (and counts towards 'over-used'), so a peek stays a glance."""


class Step(StrEnum):
    """What a front end shows next."""

    QUESTION = "question"
    """The current question, to answer."""
    FEEDBACK = "feedback"
    """The feedback on the answer just given (practice and re-drill only)."""
    SUMMARY = "summary"
    """The practice is over: its summary, and a moment to reflect."""
    REPORT_CARD = "report-card"
    """The interview is over: its report card, then a reflection."""


@dataclass(frozen=True, slots=True)
class Progress:
    """Where the sitting is: question ``number`` of ``total``.

    In an interview only the interviewer's own questions count; a follow-up
    belongs to the question it follows up on.
    """

    number: int
    total: int
    again: bool = False
    """The question is the one just answered, asked once more: "Question 2 of 5 (again)"."""

    def __str__(self) -> str:
        return f"Question {self.number} of {self.total}" + (" (again)" if self.again else "")


@dataclass(frozen=True, slots=True)
class StoryPeek:
    """What a peek found: the fitting stories (recorded as peeked at), or why there are none."""

    stories: tuple[Story, ...] = ()
    problem: str = ""
    """The story bank has an error, quoted; nothing was shown."""


class SessionDriver:
    """Drives one :class:`PracticeSession`, or an :class:`Interview` around one.

    Every write to the history during a sitting goes through here (answers,
    ratings, the end of the session and its reflection or report card), so
    that a front end can move them to a worker without looking for them.
    """

    def __init__(self, session: PracticeSession, data_dir: Path, *, interview: Interview | None = None) -> None:
        self.session = session
        self.interview = interview
        self.data_dir = data_dir
        self.keeper = DraftKeeper(data_dir, {"mode": session.mode, "filters": session.filters.to_json()})
        self._carried: dict[int, tuple[str, float]] = {}
        """Recovered drafts by plan index: the text so far and the seconds already spent."""
        self._resumed = 0

    @classmethod
    def for_interview(cls, interview: Interview, data_dir: Path) -> SessionDriver:
        return cls(interview.session, data_dir, interview=interview)

    # --- what the sitting is -------------------------------------------------

    @property
    def is_interview(self) -> bool:
        return self.interview is not None

    @property
    def helps(self) -> bool:
        """Whether hints and story peeks may be asked for: never in a mock interview."""
        return self.interview is None

    @property
    def clock(self) -> Clock:
        return self.session.clock

    @property
    def current(self) -> PlannedQuestion | None:
        return self.session.current

    @property
    def finished(self) -> bool:
        return self.session.finished

    @property
    def questions_left(self) -> int:
        return len(self.session.plan) - self.session.index

    def progress(self) -> Progress:
        plan, index = self.session.plan, self.session.index
        interview = self.interview is not None

        def counted(planned: PlannedQuestion) -> bool:
            """A question of its own: not a follow-up (in an interview) nor one asked again (in practice)."""
            return planned.parent_attempt is None if interview else not planned.again

        number = sum(1 for planned in plan[: index + 1] if counted(planned))
        again = not interview and index < len(plan) and plan[index].again
        return Progress(max(number, 1), sum(1 for planned in plan if counted(planned)), again)

    @property
    def timed(self) -> bool:
        """Whether answers are timed: not when they arrive from a pipe, where timings mean nothing."""
        return self.session.time_analysis

    @timed.setter
    def timed(self, value: bool) -> None:
        self.session.time_analysis = value

    @property
    def question_seconds(self) -> float:
        """Time on the current question's clock."""
        return self.session.stopwatch.elapsed

    @property
    def interview_seconds(self) -> float:
        """Time on the interview's clock, since its first question (0 outside an interview)."""
        return self.interview.elapsed if self.interview is not None else 0.0

    @property
    def hints_used(self) -> int:
        return len(self.session.hints_used)

    @property
    def stories_peeked(self) -> int:
        return len(self.session.stories_peeked)

    # --- one question ----------------------------------------------------------

    @property
    def prefill(self) -> str:
        """The text a recovered draft carries over to the current question ("" for none)."""
        return self._carried.get(self.session.index, ("", 0.0))[0]

    def begin(self) -> PlannedQuestion:
        """Start the clock on the current question (and the interview's clock on its first)."""
        _, spent = self._carried.pop(self.session.index, ("", 0.0))
        if self.interview is not None:
            return self.interview.begin_question(already_spent=spent)
        return self.session.begin_question(already_spent=spent)

    def pause(self) -> None:
        if self.interview is not None:
            self.interview.pause()
        else:
            self.session.pause()

    def resume(self) -> None:
        if self.interview is not None:
            self.interview.resume()
        else:
            self.session.resume()

    def hint(self) -> str | None:
        """The next tip for the current question, recorded; ``None`` when there is none (or in an interview)."""
        return self.session.hint() if self.helps else None

    def peek_stories(self) -> StoryPeek:
        """The person's own stories that fit the current question, at most :data:`MAX_STORIES_SHOWN`."""
        # Imported here: reading stories pulls in the YAML checker, which a
        # sitting that never peeks does not need to load.
        from mockview.prep.stories import matching_stories, read_stories

        current = self.current
        if not self.helps or current is None:
            return StoryPeek()
        stories, problems = read_stories(self.data_dir)
        errors = [problem for problem in problems if problem.severity == "error"]
        if errors:
            return StoryPeek(problem=str(errors[0]))
        shown = tuple(matching_stories(stories, current.question)[:MAX_STORIES_SHOWN])
        for story in shown:
            self.session.peek_story(story.title)
        return StoryPeek(shown)

    def submit(self, answer: str) -> AnswerResult:
        """Record the answer (an interview may queue a follow-up); its draft is no longer needed.

        If the history cannot take it (a full disk, a read-only file, a lock
        held by another program), the question stays where it was, the
        answer is kept as a draft if the disk allows, and
        :class:`AnswerNotStored` says so in one line. On a full disk the
        history first gives back the room its log holds and tries once more.
        """
        try:
            result = self._record(answer)
        except StoreUnavailable as failure:
            if failure.trouble is not Trouble.FULL:
                raise self._not_stored(answer, failure) from None
            self.session.history.reclaim_space()
            try:
                result = self._record(answer)
            except StoreUnavailable as again:
                raise self._not_stored(answer, again) from None
        self.keeper.clear()
        return result

    def _record(self, answer: str) -> AnswerResult:
        return self.interview.answer(answer) if self.interview is not None else self.session.submit(answer)

    def _not_stored(self, answer: str, failure: StoreUnavailable) -> AnswerNotStored:
        if answer.strip():
            self.keep_answer(answer)
        kept = not answer.strip() or self.keeper.problem is None
        where = "it is kept as a draft and offered back next time" if kept else \
            "it could not be kept as a draft either, so it is only in memory"
        return AnswerNotStored(f"{failure.message}; your answer is not stored yet: {where}",
                               answer=answer, draft_kept=kept, trouble=failure.trouble)

    def skip(self) -> AnswerResult:
        """Skipping is recorded, and counts as fumbled."""
        return self.submit("")

    def after_answer(self) -> Step:
        """Feedback after each answer in practice; in an interview, straight on."""
        return self.next() if self.interview is not None else Step.FEEDBACK

    def next(self) -> Step:
        """The next question, or the end of the sitting."""
        if not self.finished:
            return Step.QUESTION
        return Step.REPORT_CARD if self.interview is not None else Step.SUMMARY

    def again(self) -> None:
        """Ask the question just answered once more, straight away."""
        self.session.again()

    def another_way(self, result: AnswerResult) -> PlannedQuestion | None:
        """The same question, asked another way, to offer after ``result``: a variant not asked in this
        sitting yet (none in an interview)."""
        if self.interview is not None:
            return None
        asked = {each.question.full_id for each in self.session.plan}
        variant = next((q for q in result.planned.variants if q.full_id not in asked), None)
        if variant is None:
            return None
        # Its own family, less itself, plus the question just answered: offered again after it.
        family = (result.planned.question, *(q for q in result.planned.variants if q.full_id != variant.full_id))
        return replace(planned_with(variant, self.session.filters), variants=family)

    def ask_another_way(self, result: AnswerResult) -> PlannedQuestion | None:
        """Ask the question of ``result`` once more, in other words, straight away; ``None`` if there are none."""
        variant = self.another_way(result)
        if variant is not None:
            self.session.ask_next(variant)
        return variant

    def rate(self, attempt_id: int, rating: Rating) -> ScheduleChange | None:
        """The person's own rating, which reschedules the re-drill."""
        return self.session.rate(attempt_id, rating)

    def stored_answer(self, attempt_id: int) -> str:
        """The answer as the history keeps it."""
        stored = self.session.history.attempt(attempt_id)
        return stored.answer if stored is not None else ""

    # --- drafts ------------------------------------------------------------------

    def note_answer(self, text: str, planned: PlannedQuestion | None = None) -> None:
        """The answer as typed so far; written to its draft at most every two seconds.

        ``planned`` names the question it answers, for a caller on another
        thread that may run just after the answer was submitted; else the
        current question.
        """
        question = planned or self.current
        if question is not None:
            self.keeper.update(question.snapshot, text, self.question_seconds, now=self.clock.now())

    def keep_answer(self, text: str) -> None:
        """The answer as typed so far, written to its draft now (on pause, quit, a peek)."""
        self.note_answer(text)
        self.save_draft()

    def save_draft(self) -> None:
        self.keeper.flush(now=self.clock.now())

    def save_draft_if_due(self) -> None:
        self.keeper.flush_if_due(now=self.clock.now())

    @property
    def draft_problem(self) -> str | None:
        """Why the answer being typed is not on disk (a full disk), or ``None`` when it is."""
        return self.keeper.problem

    @property
    def unsaved_answer(self) -> str | None:
        """The answer that is only in memory because its draft could not be written, or ``None``."""
        return self.keeper.unsaved

    def take_draft(self, draft: Draft) -> None:
        """Ask a recovered draft's question next (after any taken before), its text and time carried over.

        If the question is also planned later in the sitting, it is asked
        once, now. The draft's text is on disk under this driver's keeper
        before the old file goes, so a closed terminal loses nothing.
        """
        planned = planned_from_draft(draft)
        index = self.session.index + self._resumed
        self._resumed += 1
        plan = self.session.plan
        plan[index:] = [planned] + [p for p in plan[index:] if p.question.full_id != planned.question.full_id]
        self._carried[index] = (draft.answer, draft.elapsed)
        self.keeper.update(planned.snapshot, draft.answer, draft.elapsed, now=self.clock.now())
        self.keeper.flush(now=self.clock.now())
        discard(draft)

    # --- the end -------------------------------------------------------------------

    def summary(self) -> SessionSummary:
        return self.session.summary()

    def report_card(self) -> ReportCard:
        if self.interview is None:
            raise ValueError("only a mock interview has a report card")
        return self.interview.report_card()

    def finish(self, reflection: dict[str, Any] | None = None) -> None:
        """End the sitting with the person's reflection; an interview stores its report card too."""
        if self.interview is not None:
            self.interview.finish(reflection)
        else:
            self.session.finish(reflection)

    def abandon(self, reflection: dict[str, Any] | None = None) -> str | None:
        """End the sitting where it stands (quit, Ctrl+C, a signal): no report card is written.

        Returns why the end could not be recorded (a full disk, a read-only
        history), or ``None``: everything answered is stored already, so
        leaving must not fail on it.
        """
        try:
            self.session.finish(reflection)
        except StoreUnavailable as failure:
            return failure.message
        return None


class AnswerNotStored(MockviewError):
    """An answer the history could not take; the front end keeps it on screen (or prints it)."""

    def __init__(self, message: str, *, answer: str, draft_kept: bool, trouble: Trouble) -> None:
        super().__init__(message)
        self.answer = answer
        self.draft_kept = draft_kept
        self.trouble = trouble


def planned_from_draft(draft: Draft) -> PlannedQuestion:
    """The question a draft was an answer to, as it was asked."""
    question = question_from_snapshot(draft.question)
    return PlannedQuestion(question=question, text=draft.question.get("text") or question.text,
                           time_limit=question.time_limit)


# --- starting a sitting ----------------------------------------------------------------


def start_practice(library: Library, history: History, filters: Filters, clock: Clock,
                   data_dir: Path) -> SessionDriver:
    """A practice session; raises :class:`MockviewError` when the filters match nothing."""
    profile = find_profile(data_dir, filters.company)
    return SessionDriver(build_practice(library, history, filters, clock, profile), data_dir)


def start_retry(library: Library, history: History, filters: Filters, clock: Clock,
                data_dir: Path) -> SessionDriver:
    """The re-drills due now; raises :class:`MockviewError` when none is."""
    return SessionDriver(build_retry(library, history, filters, clock), data_dir)


def start_interview(library: Library, history: History, options: InterviewOptions, clock: Clock,
                    data_dir: Path) -> SessionDriver:
    """A mock interview; raises :class:`MockviewError` when it cannot be planned."""
    profile = find_profile(data_dir, options.company)
    return SessionDriver.for_interview(Interview.build(library, history, options, clock, profile), data_dir)


def start_from_draft(history: History, draft: Draft, clock: Clock, data_dir: Path) -> SessionDriver:
    """A one-question practice that finishes an answer left behind by a crash or a closed terminal."""
    driver = SessionDriver(PracticeSession(history=history, plan=[], mode="practice", clock=clock), data_dir)
    driver.take_draft(draft)
    return driver
