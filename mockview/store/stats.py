"""Progress figures: how much, how well, how steadily, and what improved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from mockview.clock import local_day
from mockview.store.repository import History


@dataclass(frozen=True, slots=True)
class Stats:
    answers: int
    sessions: int
    average_score: float | None
    fumbled: int
    due: int
    leeches: int
    streak_days: int
    by_category: list[dict[str, Any]]
    by_week: list[dict[str, Any]]
    most_improved: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {
            "attempts": self.answers,
            "sessions": self.sessions,
            "average_score": self.average_score,
            "fumbled": self.fumbled,
            "due": self.due,
            "leeches": self.leeches,
            "streak_days": self.streak_days,
            "by_category": self.by_category,
            "by_week": self.by_week,
            "most_improved": self.most_improved,
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


def compute_stats(history: History, now: datetime) -> Stats:
    answers, sessions, average, fumbled = history.totals()
    due, leeches = history.count_schedule(due_before=now)
    days = history.by_day()
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
            {"category": category or "(none)", "attempts": count, "average_score": round(mean, 1)}
            for category, count, mean in history.by_category()
        ],
        by_week=[
            {"week": label, "attempts": count, "average_score": round(total / given, 1) if given else None}
            for label, (count, given, total) in sorted(weeks.items())
        ],
        most_improved=[
            {"question_id": qid, "question": text, "first_score": first, "latest_score": last, "attempts": n}
            for qid, text, first, last, n in history.score_changes(5)
        ],
    )
