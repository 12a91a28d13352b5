"""The practice session engine, shared by every front end.

A :class:`PracticeSession` asks a planned list of questions one at a time:
it times each answer with the monotonic clock (pausing allowed), records
hints, runs the analysis, stores the attempt, and updates the re-drill
schedule, all in one transaction per answer. The line-mode front end and
the Textual app both drive exactly this class; neither has logic of its own
about what an answer means.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from mockview.banks.model import Question
from mockview.clock import Clock, SystemClock
from mockview.errors import MockviewError
from mockview.practice.selection import Filters
from mockview.store.redrill import Rating, ScheduleChange, rerate, record_answer
from mockview.store.repository import History
from mockview.store.rows import AttemptRow
from mockview.store.snapshots import snapshot


@dataclass(frozen=True, slots=True)
class PlannedQuestion:
    """A question as it will be asked: text filled in, time limit decided."""

    question: Question
    text: str
    time_limit: float
    source: str = "bank"
    """"bank", or "snapshot" for a re-drill whose bank question is gone."""
    note: str = ""
    parent_attempt: int | None = None
    """For a follow-up, the attempt it follows up on."""
    variants: tuple[Question, ...] = ()
    """The same question, asked another way (linked by ``variant_of``), offered after the answer."""
    again: bool = False
    """Asked once more straight after its answer (``r``): the same question, so it keeps its number."""

    @property
    def snapshot(self) -> dict[str, Any]:
        data = snapshot(self.question, self.text)
        data["time_limit"] = self.time_limit
        return data


@dataclass
class Stopwatch:
    """Elapsed time on the monotonic clock, with pause and resume."""

    clock: Clock
    _started: float | None = None
    _banked: float = 0.0

    def start(self) -> None:
        self._banked = 0.0
        self._started = self.clock.monotonic()

    def pause(self) -> None:
        if self._started is not None:
            self._banked += self.clock.monotonic() - self._started
            self._started = None

    def resume(self) -> None:
        if self._started is None:
            self._started = self.clock.monotonic()

    def add(self, seconds: float) -> None:
        """Carry over time already spent (a recovered draft)."""
        self._banked += max(0.0, seconds)

    @property
    def running(self) -> bool:
        return self._started is not None

    @property
    def elapsed(self) -> float:
        running = self.clock.monotonic() - self._started if self._started is not None else 0.0
        return self._banked + running


@dataclass(frozen=True, slots=True)
class AnswerResult:
    attempt_id: int
    planned: PlannedQuestion
    analysis: dict[str, Any]
    seconds: float
    change: ScheduleChange
    previous: AttemptRow | None
    """The last earlier attempt at the same question, for a side-by-side."""

    @property
    def suggested_rating(self) -> Rating:
        return {"fumbled": Rating.AGAIN, "ok": Rating.HARD, "strong": Rating.GOOD}[self.analysis["verdict"]]


@dataclass
class PracticeSession:
    """One sitting: a list of planned questions answered in turn."""

    history: History
    plan: list[PlannedQuestion]
    mode: str = "practice"
    filters: Filters = field(default_factory=Filters)
    banks: tuple[str, ...] = ()
    clock: Clock = field(default_factory=SystemClock)
    session_id: int | None = None
    started_at: datetime | None = None
    index: int = 0
    results: list[AnswerResult] = field(default_factory=list)
    hints_used: set[int] = field(default_factory=set)
    stories_peeked: set[str] = field(default_factory=set)
    """Titles of the person's own stories looked at while answering this question."""
    time_analysis: bool = True
    """False when answers arrive from a pipe: timings would be meaningless."""

    def __post_init__(self) -> None:
        self.stopwatch = Stopwatch(self.clock)
        self._question_started: datetime | None = None

    # --- flow -------------------------------------------------------------

    def start(self) -> None:
        """Note when the session began; its row is written with the first answer,
        so a session left before any answer leaves nothing behind."""
        if self.started_at is None:
            self.started_at = self.clock.now()

    @property
    def current(self) -> PlannedQuestion | None:
        return self.plan[self.index] if self.index < len(self.plan) else None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.plan)

    def begin_question(self, already_spent: float = 0.0) -> PlannedQuestion:
        """Start the clock on the current question."""
        if self.current is None:
            raise MockviewError("the session has no more questions")
        self.start()
        self.hints_used = set()
        self.stories_peeked = set()
        self.stopwatch.start()
        self.stopwatch.add(already_spent)
        self._question_started = self.clock.now()
        return self.current

    def pause(self) -> None:
        self.stopwatch.pause()

    def resume(self) -> None:
        self.stopwatch.resume()

    def hint(self) -> str | None:
        """The next of the question's tips, recording that it was used."""
        current = self.current
        if current is None:
            return None
        tips = current.question.tips
        for number, tip in enumerate(tips):
            if number not in self.hints_used:
                self.hints_used.add(number)
                return tip
        return tips[-1] if tips else None

    def peek_story(self, title: str) -> None:
        """Record that one of the person's stories was looked at for this question."""
        self.stories_peeked.add(title)

    def submit(self, answer: str, rating: Rating | None = None) -> AnswerResult:
        """Analyse and store the answer to the current question, then move on."""
        current = self.current
        if current is None:
            raise MockviewError("the session has no more questions")
        seconds = self.stopwatch.elapsed
        was_running = self.stopwatch.running
        self.stopwatch.pause()
        question = replace(current.question, text=current.text)
        # Imported here: the app shows its first question before the judge is loaded (see warm_up).
        from mockview.analysis import analyse_answer

        analysis = analyse_answer(
            question, answer, seconds if self.time_analysis else None, time_limit=current.time_limit
        ).to_dict()
        try:
            result = self._store(current, answer, seconds, analysis, rating, skipped=analysis["delivery"]["words"] == 0)
        except BaseException:
            if was_running:  # not stored: the question is still being answered
                self.stopwatch.resume()
            raise
        self.index += 1
        return result

    def skip(self) -> AnswerResult:
        """Skipping is recorded, and counts as fumbled."""
        return self.submit("")

    def again(self) -> None:
        """Ask the question just answered once more, straight away."""
        if not self.results:
            raise MockviewError("nothing has been answered yet")
        last = self.results[-1].planned
        self.plan.insert(self.index, replace(last, again=True))

    def ask_next(self, planned: PlannedQuestion) -> None:
        """Ask ``planned`` straight after the question just answered."""
        self.plan.insert(self.index, planned)

    def rate(self, attempt_id: int, rating: Rating) -> ScheduleChange | None:
        """The person's own rating replaces the one the verdict suggested (in the summary too)."""
        change = rerate(self.history, attempt_id, rating, self.clock.now())
        if change is not None:
            self.results = [replace(r, change=change) if r.attempt_id == attempt_id else r for r in self.results]
        return change

    def finish(self, reflection: dict[str, Any] | None = None) -> None:
        if self.session_id is None:
            return
        self.history.end_session(self.session_id)
        if reflection and any(str(value).strip() for value in reflection.values()):
            self.history.save_reflection(self.session_id, reflection)

    # --- storage ------------------------------------------------------------

    def _store(
        self,
        planned: PlannedQuestion,
        answer: str,
        seconds: float,
        analysis: dict[str, Any],
        rating: Rating | None,
        *,
        skipped: bool,
    ) -> AnswerResult:
        now = self.clock.now()
        question = planned.snapshot
        session_id = self.session_id
        with self.history.atomic():
            if session_id is None:
                session_id = self.history.start_session(
                    self.mode, list(self.banks), self.filters.to_json(), started_at=self.started_at
                )
            attempt_id = self.history.add_attempt(
                session_id=session_id,
                question=question,
                answer=answer,
                started_at=self._question_started or now,
                seconds=round(seconds, 2),
                time_limit=planned.time_limit,
                analysis=analysis,
                hints_used=len(self.hints_used),
                skipped=skipped,
                parent_id=planned.parent_attempt,
                stories=sorted(self.stories_peeked),
            )
            if rating is not None:
                self.history.set_self_rating(attempt_id, int(rating))
            if planned.parent_attempt is not None:
                # A follow-up is part of its question's answer, not a question to re-drill on its own.
                change = ScheduleChange(question["id"], "unscheduled", None, None, 0, False)
            else:
                change = record_answer(
                    self.history,
                    question=question,
                    attempt_id=attempt_id,
                    verdict=analysis["verdict"],
                    now=now,
                    rating=rating,
                    source=planned.source if planned.source in ("debrief", "snapshot") else "practice",
                    note=planned.note if planned.source == "debrief" else "",
                )
        self.session_id = session_id  # only once it is stored: a failed first answer starts no session
        result = AnswerResult(
            attempt_id=attempt_id,
            planned=planned,
            analysis=analysis,
            seconds=seconds,
            change=change,
            previous=self.history.previous_attempt(question["id"], attempt_id),
        )
        self.results.append(result)
        return result

    # --- the end ------------------------------------------------------------

    def summary(self) -> SessionSummary:
        return SessionSummary.of(self.results, self.clock.now())


@dataclass(frozen=True, slots=True)
class SessionSummary:
    answered: int
    """Questions answered (skips not counted)."""
    skipped: int
    average_score: float | None
    total_seconds: float
    fumbled: list[tuple[str, str]]
    """(question text, where it stands in the re-drill queue now) for each question fumbled in the
    session, once, as the queue holds it at the end (after any later answer or rating)."""
    rows: list[tuple[str, int, str, float]]
    """(question text, score, verdict, seconds) per answer."""

    @classmethod
    def of(cls, results: list[AnswerResult], now: datetime) -> SessionSummary:
        scored = [r for r in results if r.analysis["verdict"] and r.analysis["delivery"]["words"]]
        average = sum(r.analysis["score"] for r in scored) / len(scored) if scored else None
        skipped = sum(1 for r in results if not r.analysis["delivery"]["words"])
        return cls(
            answered=len(results) - skipped,
            skipped=skipped,
            average_score=round(average, 1) if average is not None else None,
            total_seconds=round(sum(r.seconds for r in results), 1),
            fumbled=_fumbled(results, now),
            rows=[(r.planned.text, r.analysis["score"], r.analysis["verdict"], r.seconds) for r in results],
        )


def _fumbled(results: list[AnswerResult], now: datetime) -> list[tuple[str, str]]:
    """Each question fumbled in the session with its place in the queue after its last answer."""
    last: dict[str, AnswerResult] = {}
    fumbled: dict[str, str] = {}
    for result in results:
        if result.planned.parent_attempt is not None:
            continue  # a follow-up belongs to its question
        question_id = result.change.question_id
        last[question_id] = result
        if result.analysis["verdict"] == "fumbled":
            fumbled.setdefault(question_id, result.planned.text)
    return [(text, last[question_id].change.state(now)) for question_id, text in fumbled.items()]
