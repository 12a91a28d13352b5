"""A full mock interview: warm-up, questions, follow-ups, closing; feedback only at the end.

Drilling with instant feedback trains answers; a mock interview trains the
interview. The plan opens with a warm-up, mixes behavioral and STAR
questions so that one category never follows itself while others are left,
adds research questions when a company is given, and closes with "any
questions for us?". After an answer the interviewer may follow up on what it
lacked. Nothing is scored aloud until the report card.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mockview.analysis.feedback import star_details
from mockview.banks.library import Library
from mockview.banks.model import Question
from mockview.clock import Clock
from mockview.errors import MockviewError
from mockview.practice.engine import AnswerResult, PlannedQuestion, PracticeSession, Stopwatch
from mockview.practice.plans import as_asked
from mockview.practice.selection import Filters, matching_questions, plan_questions
from mockview.prep.profiles import Profile
from mockview.store.repository import History
from mockview.store.words import SessionMode

if TYPE_CHECKING:
    from mockview.practice.report_card import ReportCard

LENGTHS = {"short": 4, "standard": 7, "long": 10}
RESEARCH_QUESTIONS = {"short": 1, "standard": 2, "long": 3}
FRAME_BANK = "interview"
CORE_BANKS = ("behavioral", "star")
RESEARCH_BANK = "company-research"

FOLLOW_UP_TIME = 90.0
FOLLOW_UP_WORDS = (30, 150)
ASK_OUTCOME = "What was the outcome?"
ASK_MEASURE = "How did you measure that?"
ASK_OWN_PART = "What was your part in it, personally?"


@dataclass(frozen=True, slots=True)
class InterviewOptions:
    length: str = "standard"
    banks: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    seed: int | None = None
    time_limit: float | None = None
    company: str | None = None
    role: str | None = None

    def filters(self) -> Filters:
        """The options as practice filters (what is stored with the session)."""
        return Filters(banks=self.banks, categories=self.categories, count=LENGTHS[self.length], seed=self.seed,
                       time_limit=self.time_limit, company=self.company, role=self.role)


def diverse(questions: Sequence[Question], count: int) -> list[Question]:
    """Up to ``count`` questions in the given order of preference, one per category first."""
    chosen: list[Question] = []
    categories: set[str] = set()
    for question in questions:
        if len(chosen) < count and question.category not in categories:
            chosen.append(question)
            categories.add(question.category)
    for question in questions:
        if len(chosen) < count and question not in chosen:
            chosen.append(question)
    return chosen


def interleave(questions: Sequence[Question]) -> list[Question]:
    """The same questions, reordered so a category never follows itself while others are left."""
    pending = list(questions)
    ordered: list[Question] = []
    while pending:
        last = ordered[-1].category if ordered else None
        pick = next((q for q in pending if q.category != last), pending[0])
        pending.remove(pick)
        ordered.append(pick)
    return ordered


def _frame_questions(library: Library, role: str, rng: random.Random, seen: dict[str, datetime]) -> Question:
    frame = library.banks.get(FRAME_BANK)
    pool = [q for q in frame.questions if q.category == role] if frame else []
    if role == "closing":
        pool = pool or [q for q in library.questions() if q.kind == "closing"]
    if not pool:
        raise MockviewError(f"no {role} question loaded: the shipped '{FRAME_BANK}' bank provides them")
    return plan_questions(pool, 1, seed=rng.random(), last_seen=seen)[0]


def plan_interview(
    library: Library, history: History, options: InterviewOptions, profile: Profile | None = None
) -> list[PlannedQuestion]:
    """Warm-up, the questions (research ones if a company is given), then the closing question."""
    if options.length not in LENGTHS:
        raise MockviewError(f"unknown length '{options.length}': expected short, standard or long")
    rng = random.Random(options.seed)
    seen = history.last_seen()
    warm_up = _frame_questions(library, "warm-up", rng, seen)
    closing = _frame_questions(library, "closing", rng, seen)
    middle = LENGTHS[options.length] - 2

    research: list[Question] = []
    if options.company and RESEARCH_BANK in library.banks:
        pool = [q for q in library.banks[RESEARCH_BANK].questions
                if q.kind == "research" and q.category != "closing"]  # "before we wrap up..." is not for the middle
        research = plan_questions(pool, RESEARCH_QUESTIONS[options.length], seed=rng.random(), last_seen=seen)

    banks = options.banks or tuple(bank for bank in CORE_BANKS if bank in library.banks)
    pool = list(matching_questions(library, Filters(banks=banks, categories=options.categories)).questions)
    pool = [q for q in pool if q.kind in ("star", "open") and q.bank != FRAME_BANK]
    if not pool:
        raise MockviewError("no behavioral or STAR questions match; check --bank and --category")
    preferred = plan_questions(pool, len(pool), seed=rng.random(), last_seen=seen)
    core = interleave(diverse(preferred, middle - len(research)))

    ordered = [warm_up] + research[:1] + core + research[1:] + [closing]
    return [
        as_asked(question, company=options.company, role=options.role, profile=profile,
                 time_limit=options.time_limit, note=_role(question, warm_up, closing))
        for question in ordered
    ]


def _role(question: Question, warm_up: Question, closing: Question) -> str:
    if question is warm_up:
        return "warm-up"
    if question is closing:
        return "closing"
    return ""


def choose_follow_up(planned: PlannedQuestion, analysis: dict[str, Any], rng: random.Random) -> str | None:
    """What an interviewer would ask next, from what the answer lacked, or the bank's own follow-ups."""
    if planned.parent_attempt is not None or planned.question.kind == "closing":
        return None
    if not analysis["delivery"]["words"]:
        return None  # a skipped question is not probed
    if planned.question.kind == "star":
        details = star_details(analysis)
        if not analysis["star"]["result"]["present"]:
            return ASK_OUTCOME
        if not details.get("measurable_result"):
            return ASK_MEASURE
        if details.get("action_we", 0) >= 3 and details["action_we"] > 2 * details.get("action_i", 0):
            return ASK_OWN_PART
    if planned.question.follow_ups:
        return rng.choice(planned.question.follow_ups)
    return None


def follow_up_question(parent: PlannedQuestion, text: str, attempt_id: int) -> PlannedQuestion:
    question = replace(
        parent.question,
        id=f"{parent.question.id}--follow-up",
        text=text,
        kind="open",
        keywords=(),
        tips=(),
        follow_ups=(),
        time_limit=FOLLOW_UP_TIME,
        words=FOLLOW_UP_WORDS,
    )
    return PlannedQuestion(question=question, text=text, time_limit=FOLLOW_UP_TIME, source="follow-up",
                           note="follow-up", parent_attempt=attempt_id)


@dataclass
class Interview:
    """A mock interview driven through a :class:`PracticeSession`, with follow-ups and a total clock."""

    session: PracticeSession
    options: InterviewOptions = field(default_factory=InterviewOptions)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.options.seed)
        self.clock: Stopwatch = Stopwatch(self.session.clock)

    @classmethod
    def build(
        cls, library: Library, history: History, options: InterviewOptions, clock: Clock,
        profile: Profile | None = None,
    ) -> Interview:
        plan = plan_interview(library, history, options, profile)
        session = PracticeSession(history=history, plan=plan, mode=SessionMode.INTERVIEW, filters=options.filters(),
                                  banks=tuple(sorted({p.question.bank for p in plan})), clock=clock)
        return cls(session, options)

    @property
    def current(self) -> PlannedQuestion | None:
        return self.session.current

    @property
    def finished(self) -> bool:
        return self.session.finished

    @property
    def elapsed(self) -> float:
        """The interview clock: everything since the first question."""
        return self.clock.elapsed

    def begin_question(self, already_spent: float = 0.0) -> PlannedQuestion:
        if self.session.started_at is None:
            self.clock.start()  # the interview clock starts with the first question
        return self.session.begin_question(already_spent)

    def pause(self) -> None:
        self.session.pause()
        self.clock.pause()

    def resume(self) -> None:
        self.session.resume()
        self.clock.resume()

    def answer(self, text: str) -> AnswerResult:
        """Record the answer and queue the interviewer's follow-up, if there is one."""
        planned = self.session.current
        result = self.session.submit(text)
        follow = choose_follow_up(planned, result.analysis, self.rng) if planned is not None else None
        if follow is not None and planned is not None:
            self.session.plan.insert(self.session.index, follow_up_question(planned, follow, result.attempt_id))
        if self.finished:
            self.clock.pause()  # the interview is over: time spent reading the card is not interview time
        return result

    def skip(self) -> AnswerResult:
        return self.answer("")

    def report_card(self) -> ReportCard:
        from mockview.practice.report_card import build_report_card

        return build_report_card(self.session.results, self.elapsed, self.session.clock.now())

    def finish(self, reflection: dict[str, Any] | None = None) -> ReportCard:
        """End the interview, store its report card (and reflection); returns the card."""
        self.clock.pause()
        card = self.report_card()
        if self.session.session_id is not None:
            self.session.history.save_report(self.session.session_id, card.to_json())
        self.session.finish(reflection)
        return card
