"""Re-drilling fumbled questions on a spaced-repetition schedule (FSRS).

The rules, in plain words:

* A fumbled answer puts its question in the re-drill queue, due at once.
* Every later answer to a queued question is a review for the FSRS
  scheduler (the ``fsrs`` package, the one Anki uses). The rating comes
  from the verdict (fumbled: Again, ok: Hard, strong: Good) unless the
  person rates themselves (Again, Hard, Good or Easy); a self-rating given
  after the fact replaces the verdict's and the card is recomputed from its
  review logs.
* Two strong answers in a row, on different days, take a question out of
  the queue ("graduated"); the person may also retire it. Fumbling a
  graduated or retired question puts it back.
* A question fumbled four times or more is a leech: repeating it is not
  working, and the advice is to rewrite the story.

Review logs are kept for every review, so a card can always be recomputed.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Literal, cast

from mockview.clock import from_text, local_day
from mockview.errors import MockviewError
from mockview.store.repository import History
from mockview.store.rows import ScheduleRow
from mockview.store.words import ScheduleStatus

if TYPE_CHECKING:
    from fsrs import Scheduler


class Rating(IntEnum):
    """The four self-ratings, numbered as FSRS and Anki number them."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


LEECH_FUMBLES = 4
"""Fumbled this many times, a question is a leech: rewrite the story, don't repeat it."""


def is_leech(fumbles: int) -> bool:
    """The leech rule, in one place: repeating a question fumbled this often is not working."""
    return fumbles >= LEECH_FUMBLES


RATING_FROM_VERDICT = {"fumbled": Rating.AGAIN, "ok": Rating.HARD, "strong": Rating.GOOD}
STRONG_DAYS_TO_GRADUATE = 2
LEECH_TIP = (
    "You have fumbled this question {fumbles} times. Repeating the same story is not working: "
    "pick a different example, or rewrite this one around what you did and what changed."
)


Change = Literal["added", "reviewed", "graduated", "returned", "retired", "unscheduled"]
"""What an answer did to its question's place in the queue (its text shows in JSON and summaries)."""


@dataclass(frozen=True, slots=True)
class ScheduleChange:
    """What an answer did to the question's place in the re-drill queue."""

    question_id: str
    outcome: Change
    due: datetime | None
    rating: Rating | None
    fumbles: int
    leech: bool

    def describe(self, now: datetime) -> str:
        if self.outcome == "unscheduled":
            return "not in the re-drill queue"
        if self.outcome == "graduated":
            return "left the re-drill queue: strong on two different days"
        if self.outcome == "retired":
            return "retired from the re-drill queue"
        when = describe_due(self.due, now) if self.due else "now"
        text = {
            "added": f"added to the re-drill queue, due {when}",
            "returned": f"back in the re-drill queue, due {when}",
        }.get(self.outcome, f"next re-drill due {when}")
        if self.leech:
            text += f" (a leech: fumbled {self.fumbles} times)"
        return text

    def state(self, now: datetime) -> str:
        """Where the question stands after this change ("in the re-drill queue, due in 5 min"),
        for a summary read when later answers may have come since."""
        if self.outcome == "unscheduled":
            return "not in the re-drill queue"
        if self.outcome == "graduated":
            return "out of the re-drill queue: strong on two different days"
        if self.outcome == "retired":
            return "retired from the re-drill queue"
        text = f"in the re-drill queue, due {describe_due(self.due, now) if self.due else 'now'}"
        if self.leech:
            text += f" (a leech: fumbled {self.fumbles} times)"
        return text


@dataclass(frozen=True, slots=True)
class QueueItem:
    question_id: str
    question: dict[str, Any]
    due: datetime
    fumbles: int
    source: str
    note: str

    @property
    def leech(self) -> bool:
        return is_leech(self.fumbles)

    def to_json(self, now: datetime) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "text": self.question.get("text", ""),
            "due": self.due.isoformat(timespec="seconds"),
            "due_now": self.due <= now,
            "fumbles": self.fumbles,
            "leech": self.leech,
            "source": self.source,
            "note": self.note,
        }


def describe_due(due: datetime, now: datetime) -> str:
    seconds = (due - now).total_seconds()
    if seconds <= 0:
        return "now"
    if seconds < 3600:
        return f"in {max(1, round(seconds / 60))} min"
    if seconds < 86400:
        return f"in {round(seconds / 3600)} h"
    days = round(seconds / 86400)
    return f"in {days} day{'s' if days != 1 else ''} ({due.astimezone():%a %d %b})"


def _scheduler() -> Scheduler:
    from fsrs import Scheduler  # deferred: only re-drill work needs it

    return Scheduler(enable_fuzzing=False)


def _card_id(question_id: str) -> int:
    return zlib.crc32(question_id.encode("utf-8"))


def _new_card(question_id: str, now: datetime) -> dict[str, Any]:
    from fsrs import Card

    return _plain(Card(card_id=_card_id(question_id), due=now).to_dict())


def _review(card: dict[str, Any], rating: Rating, when: datetime) -> dict[str, Any]:
    from fsrs import Card
    from fsrs import Rating as FsrsRating

    updated, _ = _scheduler().review_card(Card.from_dict(cast(Any, card)), FsrsRating(int(rating)), when)
    return _plain(updated.to_dict())


def _plain(card: Mapping[str, Any]) -> dict[str, Any]:
    """An FSRS card as the JSON the schedule stores (its own TypedDict says the same, more narrowly)."""
    return dict(card)


def record_answer(
    history: History,
    *,
    question: dict[str, Any],
    attempt_id: int | None,
    verdict: str,
    now: datetime,
    rating: Rating | None = None,
    source: str = "practice",
    note: str = "",
) -> ScheduleChange:
    """Update the schedule for one answer, atomically (inside the caller's block, if any)."""
    with history.atomic():
        return _record_answer(history, question=question, attempt_id=attempt_id, verdict=verdict, now=now,
                              rating=rating, source=source, note=note)


def _record_answer(
    history: History,
    *,
    question: dict[str, Any],
    attempt_id: int | None,
    verdict: str,
    now: datetime,
    rating: Rating | None,
    source: str,
    note: str,
) -> ScheduleChange:
    question_id = question["id"]
    entry = history.schedule_entry(question_id)
    fumbled = verdict == "fumbled"
    rated_by = "self" if rating is not None else "verdict"
    rating = rating if rating is not None else RATING_FROM_VERDICT.get(verdict, Rating.AGAIN)

    if entry is None:
        if not fumbled:
            return ScheduleChange(question_id, "unscheduled", None, None, 0, False)
        entry = ScheduleRow(
            question_id=question_id,
            card=_new_card(question_id, now),
            due=now,
            status=ScheduleStatus.ACTIVE,
            question=question,
            added_at=now,
            updated_at=now,
            source=source,
            note=note,
            fumbles=1,
            strong_streak=0,
            last_strong_day=None,
        )
        if rated_by == "self":
            entry = _reviewed(entry, rating, now)
            history.add_review(question_id=question_id, attempt_id=attempt_id,
                               rating=int(rating), reviewed_at=now, rated_by=rated_by)
        history.save_schedule(entry)
        return _change(entry, "added", rating if rated_by == "self" else None)

    if entry.status != ScheduleStatus.ACTIVE:
        if not fumbled:
            return ScheduleChange(question_id, "unscheduled", None, None, entry.fumbles, False)
        entry = replace(entry, status=ScheduleStatus.ACTIVE, strong_streak=0, last_strong_day=None)
        outcome: Change = "returned"
    else:
        outcome = "reviewed"

    entry = _reviewed(entry, rating, now)
    history.add_review(question_id=question_id, attempt_id=attempt_id,
                       rating=int(rating), reviewed_at=now, rated_by=rated_by)
    entry = replace(entry, question=question, updated_at=now, fumbles=entry.fumbles + int(fumbled))
    if verdict == "strong":
        today = local_day(now).isoformat()
        if entry.last_strong_day != today:
            entry = replace(entry, strong_streak=entry.strong_streak + 1, last_strong_day=today)
        if entry.strong_streak >= STRONG_DAYS_TO_GRADUATE:
            entry = replace(entry, status=ScheduleStatus.GRADUATED)
            outcome = "graduated"
    else:
        entry = replace(entry, strong_streak=0, last_strong_day=None)
    if outcome == "returned":
        entry = replace(entry, due=now)  # back in the queue, due at once, like a first fumble
    history.save_schedule(entry)
    return _change(entry, outcome, rating)


def _reviewed(entry: ScheduleRow, rating: Rating, now: datetime) -> ScheduleRow:
    card = _review(entry.card, rating, now)
    return replace(entry, card=card, due=from_text(card["due"]), updated_at=now)


def _change(entry: ScheduleRow, outcome: Change, rating: Rating | None) -> ScheduleChange:
    due = None if entry.status != ScheduleStatus.ACTIVE else entry.due
    return ScheduleChange(
        entry.question_id, outcome, due, rating, entry.fumbles, is_leech(entry.fumbles)
    )


def rerate(history: History, attempt_id: int, rating: Rating, now: datetime) -> ScheduleChange | None:
    """The person's own rating for an attempt replaces the verdict's; the card is recomputed.

    Rating an answer Again or Hard also takes back what a strong verdict
    earned: a question that just graduated returns to the queue, and a
    strong streak starts over. Rating Again an answer that was not in the
    queue puts its question there, as a fumble would. ``None`` when the
    rating changes nothing in the queue.
    """
    attempt = history.attempt(attempt_id)
    if attempt is None:
        raise MockviewError(f"no attempt {attempt_id}")
    with history.atomic():
        history.set_self_rating(attempt_id, int(rating))
        entry = history.schedule_entry(attempt.question_id)
        if entry is None:
            if rating != Rating.AGAIN or attempt.parent_id is not None:
                return None
            question = {**attempt.question, "id": attempt.question_id}
            return record_answer(history, question=question, attempt_id=attempt_id, verdict="fumbled",
                                 now=now, rating=rating)
        review = history.review_for_attempt(attempt_id)
        if review is None:
            history.add_review(question_id=attempt.question_id, attempt_id=attempt_id,
                               rating=int(rating), reviewed_at=attempt.submitted_at, rated_by="self")
        else:
            history.rerate_review(review.id, int(rating))
        card = recompute_card(history, attempt.question_id, entry.added_at)
        outcome: Change = "reviewed"
        latest = history.reviews(attempt.question_id)[-1]
        if rating <= Rating.HARD and latest.attempt_id == attempt_id and entry.status != ScheduleStatus.RETIRED:
            if entry.status == ScheduleStatus.GRADUATED:
                outcome = "returned"
            entry = replace(entry, status=ScheduleStatus.ACTIVE, strong_streak=0, last_strong_day=None)
        entry = replace(entry, card=card, due=from_text(card["due"]), updated_at=now)
        history.save_schedule(entry)
    if entry.status != ScheduleStatus.ACTIVE:
        left: Change = "graduated" if entry.status == ScheduleStatus.GRADUATED else "retired"
        return ScheduleChange(entry.question_id, left, None, rating, entry.fumbles, False)
    return _change(entry, outcome, rating)


def recompute_card(history: History, question_id: str, added_at: datetime) -> dict[str, Any]:
    """The card rebuilt from its review logs alone."""
    from fsrs import Card, ReviewLog
    from fsrs import Rating as FsrsRating

    card_id = _card_id(question_id)
    logs = [
        ReviewLog(card_id=card_id, rating=FsrsRating(review.rating), review_datetime=review.reviewed_at,
                  review_duration=None)
        for review in history.reviews(question_id)
    ]
    if not logs:
        return _plain(Card(card_id=card_id, due=added_at).to_dict())
    return _plain(_scheduler().reschedule_card(Card(card_id=card_id, due=added_at), logs).to_dict())


def retire(history: History, question_id: str) -> None:
    """Take a question out of the queue by hand."""
    entry = history.schedule_entry(question_id)
    if entry is None:
        raise MockviewError(f"'{question_id}' is not in the re-drill queue")
    history.save_schedule(replace(entry, status=ScheduleStatus.RETIRED, updated_at=history.clock.now()))


def queue(history: History, now: datetime) -> tuple[list[QueueItem], list[QueueItem]]:
    """(due now, upcoming), each soonest first."""
    due: list[QueueItem] = []
    upcoming: list[QueueItem] = []
    for entry in history.schedule(status=ScheduleStatus.ACTIVE):
        item = QueueItem(entry.question_id, entry.question, entry.due, entry.fumbles, entry.source, entry.note)
        (due if entry.due <= now else upcoming).append(item)
    return due, upcoming


def due_items(history: History, now: datetime) -> list[QueueItem]:
    """Just the entries due now, straight from the index."""
    return [
        QueueItem(e.question_id, e.question, e.due, e.fumbles, e.source, e.note)
        for e in history.schedule(status=ScheduleStatus.ACTIVE, due_before=now)
    ]
