"""Progress figures: how much, how well, how steadily, and what improved.

The queries live here, beside the figures they make; they only read, and
the covering indexes of schema version 2 answer them without touching the
answers themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from mockview.clock import local_day, to_text
from mockview.store.redrill import LEECH_FUMBLES
from mockview.store.repository import History
from mockview.store.rows import DAMAGE, json_object


@dataclass(frozen=True, slots=True)
class CategoryFigures:
    category: str
    """"(none)" for answers without a category."""
    attempts: int
    average_score: float

    def to_json(self) -> dict[str, Any]:
        return {"category": self.category, "attempts": self.attempts, "average_score": self.average_score}


@dataclass(frozen=True, slots=True)
class WeekFigures:
    week: str
    """The ISO week, "2026-W09"."""
    attempts: int
    average_score: float | None
    """``None`` in a week of skips only."""

    def to_json(self) -> dict[str, Any]:
        return {"week": self.week, "attempts": self.attempts, "average_score": self.average_score}


@dataclass(frozen=True, slots=True)
class Improvement:
    """A question answered at least twice whose latest score beats its first."""

    question_id: str
    question: str
    first_score: int
    latest_score: int
    attempts: int

    def to_json(self) -> dict[str, Any]:
        return {"question_id": self.question_id, "question": self.question, "first_score": self.first_score,
                "latest_score": self.latest_score, "attempts": self.attempts}


@dataclass(frozen=True, slots=True)
class Stats:
    answers: int
    sessions: int
    average_score: float | None
    fumbled: int
    due: int
    leeches: int
    streak_days: int
    by_category: list[CategoryFigures]
    by_week: list[WeekFigures]
    most_improved: list[Improvement]

    def to_json(self) -> dict[str, Any]:
        return {
            "attempts": self.answers,
            "sessions": self.sessions,
            "average_score": self.average_score,
            "fumbled": self.fumbled,
            "due": self.due,
            "leeches": self.leeches,
            "streak_days": self.streak_days,
            "by_category": [row.to_json() for row in self.by_category],
            "by_week": [row.to_json() for row in self.by_week],
            "most_improved": [row.to_json() for row in self.most_improved],
        }


def current_streak(days: list[date], today: date) -> int:
    """Consecutive days with practice, ending today (or yesterday, if today is still open)."""
    practised = set(days)
    day = today if today in practised else today - timedelta(days=1)
    streak = 0
    while day in practised:
        streak += 1
        day -= timedelta(days=1)
    return streak


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def totals(history: History) -> tuple[int, int, float | None, int]:
    """(answers, sessions, average score of answers given, fumbled answers)."""
    ((answers, average, fumbled),) = history.read(
        "SELECT count(*), avg(CASE WHEN skipped = 0 THEN score END), sum(verdict = 'fumbled') FROM attempts")
    ((sessions,),) = history.read("SELECT count(*) FROM sessions")
    return int(answers), int(sessions), average, int(fumbled or 0)


def count_schedule(history: History, due_before: datetime) -> tuple[int, int]:
    """(active entries due by ``due_before``, leeches among active entries)."""
    ((due,),) = history.read("SELECT count(*) FROM schedule WHERE status = 'active' AND due <= ?",
                             (to_text(due_before),))
    ((leeches,),) = history.read("SELECT count(*) FROM schedule WHERE status = 'active' AND fumbles >= ?",
                                 (LEECH_FUMBLES,))
    return int(due), int(leeches)


def by_category(history: History) -> list[tuple[str, int, float]]:
    """(category, answers given, their average score), by category name."""
    return [(row[0], row[1], row[2]) for row in history.read(
        "SELECT category, count(*), avg(score) FROM attempts WHERE skipped = 0 GROUP BY category ORDER BY category")]


def by_day(history: History) -> list[tuple[str, int, int, int]]:
    """(local day, attempts, answers given, sum of their scores) per day with practice."""
    return [(row[0], row[1], row[2], row[3] or 0) for row in history.read(
        "SELECT date(submitted_at, 'localtime') AS day, count(*), sum(skipped = 0), "
        "sum(CASE WHEN skipped = 0 THEN score END) FROM attempts GROUP BY day "
        "HAVING day IS NOT NULL ORDER BY day")]  # a damaged time has no day: left out, not a crash


def score_changes(history: History, limit: int) -> list[tuple[str, str, int, int, int]]:
    """(question id, question text, first score, latest score, answers) for
    questions answered at least twice, most improved first."""
    spans = history.read(
        "SELECT question_id, min(id), max(id), count(*) FROM attempts WHERE skipped = 0 "
        "GROUP BY question_id HAVING count(*) >= 2"
    )
    if not spans:
        return []
    ids = [row[1] for row in spans] + [row[2] for row in spans]
    scores: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for attempt_id, score in history.read(f"SELECT id, score FROM attempts WHERE id IN ({marks})", chunk):
            scores[attempt_id] = score
    changes = sorted(
        (
            (question_id, scores[first], scores[last], count, last)
            for question_id, first, last, count in spans
            if scores[last] > scores[first]
        ),
        key=lambda row: (row[1] - row[2], row[0]),
    )[:limit]
    result = []
    for question_id, first, last, count, last_id in changes:
        ((text,),) = history.read("SELECT question FROM attempts WHERE id = ?", (last_id,))
        result.append((question_id, question_text(text), first, last, count))
    return result


def question_text(snapshot: str, default: str = "") -> str:
    """The text of a stored question snapshot, or ``default`` when the snapshot is damaged."""
    try:
        return str(json_object(snapshot).get("text", default))
    except DAMAGE:
        return default


def compute_stats(history: History, now: datetime) -> Stats:
    answers, sessions, average, fumbled = totals(history)
    due, leeches = count_schedule(history, now)
    days = by_day(history)
    weeks: dict[str, list[int]] = {}
    for day_text, count, given, score_sum in days:
        entry = weeks.setdefault(week_of(date.fromisoformat(day_text)), [0, 0, 0])
        entry[0] += count
        entry[1] += given
        entry[2] += score_sum
    return Stats(
        answers=answers,
        sessions=sessions,
        average_score=round(average, 1) if average is not None else None,
        fumbled=fumbled,
        due=due,
        leeches=leeches,
        streak_days=current_streak([date.fromisoformat(day[0]) for day in days], local_day(now)),
        by_category=[
            CategoryFigures(category or "(none)", count, round(mean, 1)) for category, count, mean in by_category(history)
        ],
        by_week=[
            WeekFigures(label, count, round(total / given, 1) if given else None)
            for label, (count, given, total) in sorted(weeks.items())
        ],
        most_improved=[Improvement(*change) for change in score_changes(history, 5)],
    )
