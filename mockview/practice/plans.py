"""Build the question plan for a practice session or a re-drill."""

from __future__ import annotations

from dataclasses import replace

from mockview.banks.library import Library
from mockview.banks.model import Question
from mockview.clock import Clock
from mockview.errors import MockviewError
from mockview.practice.engine import PlannedQuestion, PracticeSession
from mockview.practice.selection import Filters, chosen_questions, matching_questions, plan_questions
from mockview.prep.profiles import Profile, with_profile
from mockview.store.redrill import QueueItem, describe_due, due_items, queue
from mockview.store.repository import History
from mockview.store.snapshots import question_from_snapshot
from mockview.store.words import SessionMode


def as_asked(
    question: Question,
    *,
    company: str | None,
    role: str | None,
    profile: Profile | None,
    time_limit: float | None,
    note: str = "",
) -> PlannedQuestion:
    """The question as it will be asked: the company's name and, with a profile,
    its specifics added to the rubric of research questions.

    The one place where ``{company}`` and ``{role}`` are filled: the profile's
    company name wins (it is spelled as the person saved it), the role typed
    for this sitting wins over the profile's.
    """
    company = profile.company if profile else company
    role = role or (profile.role if profile else None)
    return PlannedQuestion(
        question=with_profile(question, profile),
        text=question.render_text(company, role),
        time_limit=time_limit or question.time_limit,
        note=note,
    )


def planned(question: Question, filters: Filters, profile: Profile | None = None) -> PlannedQuestion:
    """The question as a practice with these filters asks it."""
    return as_asked(question, company=filters.company, role=filters.role, profile=profile,
                    time_limit=filters.time_limit)


def build_practice(
    library: Library, history: History, filters: Filters, clock: Clock, profile: Profile | None = None
) -> PracticeSession:
    """The questions the filters choose, least recently seen first; or, with ``filters.questions``,
    exactly those questions, in that order."""
    if filters.questions:
        if filters.categories or filters.tags:
            raise MockviewError("--question chooses the questions itself; leave out --category and --tag")
        chosen = chosen_questions(library, filters.questions)
        banks = tuple(dict.fromkeys(question.bank for question in chosen))
    else:
        pool = matching_questions(library, filters)
        chosen = plan_questions(
            pool.questions, filters.count, order=filters.order, seed=filters.seed, last_seen=history.last_seen()
        )
        banks = pool.banks
    return PracticeSession(
        history=history,
        plan=[replace(planned(question, filters, profile), variants=tuple(library.variants(question)))
              for question in chosen],
        mode=SessionMode.PRACTICE,
        filters=filters,
        banks=banks,
        clock=clock,
    )


def redrill_question(library: Library, item: QueueItem, filters: Filters) -> PlannedQuestion:
    """The current bank version of a queued question, or its snapshot if the bank lost it."""
    current = library.question(item.question_id)
    if current is not None:
        text = item.question.get("text") if current.kind == "research" else current.text
        return PlannedQuestion(
            question=current,
            text=text or current.render_text(filters.company, filters.role),
            time_limit=filters.time_limit or current.time_limit,
            source=item.source if item.source != "practice" else "bank",
            note=item.note,
            variants=tuple(library.variants(current)),
        )
    question = question_from_snapshot(item.question)
    return PlannedQuestion(
        question=question,
        text=question.text,
        time_limit=filters.time_limit or question.time_limit,
        source="snapshot" if item.source == "practice" else item.source,
        note=item.note,
    )


def build_retry(library: Library, history: History, filters: Filters, clock: Clock) -> PracticeSession:
    now = clock.now()
    items = due_items(history, now)
    if not items:
        _, upcoming = queue(history, now)
        if upcoming:
            raise MockviewError(
                f"nothing is due for re-drill yet; the next one is due {describe_due(upcoming[0].due, now)}"
            )
        raise MockviewError("the re-drill queue is empty: fumbled questions join it when you practise")
    items = items[: filters.count] if filters.count else items
    return PracticeSession(
        history=history,
        plan=[redrill_question(library, item, filters) for item in items],
        mode=SessionMode.RETRY,
        filters=filters,
        banks=tuple(sorted({item.question_id.split("/")[0] for item in items})),
        clock=clock,
    )
