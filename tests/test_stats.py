"""Streaks and weeks, the two figures with calendar rules."""

from __future__ import annotations

from datetime import date

from mockview.store.stats import CategoryFigures, Improvement, compute_stats, current_streak, week_of


def test_streak_counts_back_from_today_or_yesterday() -> None:
    today = date(2026, 3, 10)
    assert current_streak([], today) == 0
    assert current_streak([date(2026, 3, 10)], today) == 1
    assert current_streak([date(2026, 3, 8), date(2026, 3, 9)], today) == 2  # today still open
    assert current_streak([date(2026, 3, 7), date(2026, 3, 9), date(2026, 3, 10)], today) == 2
    assert current_streak([date(2026, 3, 7)], today) == 0


def test_weeks_are_iso_weeks() -> None:
    assert week_of(date(2026, 1, 1)) == "2026-W01"
    assert week_of(date(2027, 1, 1)) == "2026-W53"


def test_most_improved_and_averages(history, clock, utc) -> None:
    question = {"id": "star/a", "bank": "star", "category": "teamwork", "text": "A?"}
    for score in (30, 50, 85):
        history.add_attempt(session_id=None, question=question, answer="x", started_at=clock.now(),
                            seconds=10, time_limit=150, analysis={"score": score, "verdict": "ok"})
        clock.advance(days=1)
    stats = compute_stats(history, clock.now())
    assert stats.answers == 3 and stats.average_score == 55.0
    assert stats.most_improved == [
        Improvement("star/a", "A?", first_score=30, latest_score=85, attempts=3)
    ]
    assert stats.by_category == [CategoryFigures("teamwork", attempts=3, average_score=55.0)]
    assert stats.to_json()["most_improved"] == [
        {"question_id": "star/a", "question": "A?", "first_score": 30, "latest_score": 85, "attempts": 3}
    ]
    assert stats.to_json()["by_category"] == [{"category": "teamwork", "attempts": 3, "average_score": 55.0}]
    assert stats.streak_days == 3
