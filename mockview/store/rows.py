"""The rows the history hands out, and how they are read from SQLite.

Frozen values: a screen or a report can hold one without the database
changing it underneath. JSON columns are decoded here, once, so no caller
ever sees a ``sqlite3.Row`` or reads a row by column name.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mockview.clock import from_text, to_text
from mockview.store.words import Outcome, ScheduleStatus, SessionMode


def dumps(value: Any) -> str:
    """JSON as stored: compact, and readable with ``sqlite3`` (no ASCII escapes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


DAMAGE = (ValueError, TypeError, KeyError, IndexError, AttributeError)
"""What reading a damaged row raises: a time that is not a time (``'yesterday'``), JSON that is
not JSON or not the shape stored, a word no enum knows. The history skips such a row."""


def json_object(text: str) -> dict[str, Any]:
    """A JSON object as stored; anything else is a damaged row (``ValueError``)."""
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, found {type(value).__name__}")
    return value


def json_list(text: str) -> list[Any]:
    value = json.loads(text)
    if not isinstance(value, list):
        raise ValueError(f"expected a JSON list, found {type(value).__name__}")
    return value


@dataclass(frozen=True, slots=True)
class AttemptRow:
    id: int
    session_id: int | None
    question_id: str
    bank: str
    category: str
    question: dict[str, Any]
    answer: str
    started_at: datetime
    submitted_at: datetime
    seconds: float | None
    time_limit: float | None
    analysis: dict[str, Any]
    score: int
    verdict: str
    self_rating: int | None
    hints_used: int
    skipped: bool
    parent_id: int | None
    stories: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "session_id": self.session_id,
            "question_id": self.question_id,
            "bank": self.bank,
            "category": self.category,
            "question": self.question.get("text", ""),
            "answer": self.answer,
            "started_at": to_text(self.started_at),
            "submitted_at": to_text(self.submitted_at),
            "seconds": self.seconds,
            "time_limit": self.time_limit,
            "score": self.score,
            "verdict": self.verdict,
            "self_rating": self.self_rating,
            "hints_used": self.hints_used,
            "skipped": self.skipped,
            "parent_id": self.parent_id,
            "stories": self.stories,
            "tips": self.analysis.get("tips", []),
            "fumbled_reasons": self.analysis.get("fumbled_reasons", []),
        }

    @classmethod
    def read(cls, row: sqlite3.Row) -> AttemptRow:
        return cls(
            id=row["id"],
            session_id=row["session_id"],
            question_id=row["question_id"],
            bank=row["bank"],
            category=row["category"],
            question=json_object(row["question"]),
            answer=row["answer"],
            started_at=from_text(row["started_at"]),
            submitted_at=from_text(row["submitted_at"]),
            seconds=row["seconds"],
            time_limit=row["time_limit"],
            analysis=json_object(row["analysis"]),
            score=row["score"],
            verdict=row["verdict"],
            self_rating=row["self_rating"],
            hints_used=row["hints_used"],
            skipped=bool(row["skipped"]),
            parent_id=row["parent_id"],
            stories=json_list(row["stories"]),
        )


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """An attempt as a table of attempts shows it: no answer, no analysis."""

    id: int
    submitted_at: datetime
    bank: str
    question_id: str
    category: str
    score: int
    verdict: str
    skipped: bool
    text: str

    @classmethod
    def read(cls, row: sqlite3.Row) -> AttemptSummary:
        return cls(row["id"], from_text(row["submitted_at"]), row["bank"], row["question_id"], row["category"],
                   row["score"], row["verdict"], bool(row["skipped"]), row["text"] or "")


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    started_at: datetime
    ended_at: datetime | None
    mode: SessionMode
    banks: list[str]
    filters: dict[str, Any]
    reflection: dict[str, Any] | None
    report: dict[str, Any] | None = None

    @classmethod
    def read(cls, row: sqlite3.Row) -> SessionRow:
        return cls(
            id=row["id"],
            started_at=from_text(row["started_at"]),
            ended_at=from_text(row["ended_at"]) if row["ended_at"] else None,
            mode=SessionMode(row["mode"]),
            banks=json_list(row["banks"]),
            filters=json_object(row["filters"]),
            reflection=json_object(row["reflection"]) if row["reflection"] else None,
            report=json_object(row["report"]) if row["report"] else None,
        )


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    question_id: str
    card: dict[str, Any]
    due: datetime
    status: ScheduleStatus
    question: dict[str, Any]
    added_at: datetime
    updated_at: datetime
    source: str
    note: str
    fumbles: int
    strong_streak: int
    last_strong_day: str | None

    @classmethod
    def read(cls, row: sqlite3.Row) -> ScheduleRow:
        return cls(
            question_id=row["question_id"],
            card=json_object(row["card"]),
            due=from_text(row["due"]),
            status=ScheduleStatus(row["status"]),
            question=json_object(row["question"]),
            added_at=from_text(row["added_at"]),
            updated_at=from_text(row["updated_at"]),
            source=row["source"],
            note=row["note"],
            fumbles=row["fumbles"],
            strong_streak=row["strong_streak"],
            last_strong_day=row["last_strong_day"],
        )


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    """What an interviewer or recruiter said about a debriefed interview."""

    text: str
    focus: tuple[str, ...]
    """The areas it is about, lower case."""
    added_at: str

    @classmethod
    def read(cls, row: sqlite3.Row) -> FeedbackRow:
        return cls(row["text"], tuple(json_list(row["focus"])), row["added_at"])


@dataclass(frozen=True, slots=True)
class DebriefRow:
    id: int
    company: str
    role: str
    day: str
    outcome: Outcome
    data: dict[str, Any]
    added_at: datetime
    feedback: tuple[FeedbackRow, ...]
    follow_up_dismissed: datetime | None = None
    """When the person dismissed the reminder to ask for feedback (``None``: never)."""

    @classmethod
    def read(cls, row: sqlite3.Row, feedback: tuple[FeedbackRow, ...]) -> DebriefRow:
        dismissed = row["follow_up_dismissed"]
        return cls(row["id"], row["company"], row["role"], row["day"], Outcome(row["outcome"]), json_object(row["data"]),
                   from_text(row["added_at"]), feedback, from_text(dismissed) if dismissed else None)


@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: int
    question_id: str
    attempt_id: int | None
    rating: int
    reviewed_at: datetime
    rated_by: str

    @classmethod
    def read(cls, row: sqlite3.Row) -> ReviewRow:
        return cls(
            id=row["id"],
            question_id=row["question_id"],
            attempt_id=row["attempt_id"],
            rating=row["rating"],
            reviewed_at=from_text(row["reviewed_at"]),
            rated_by=row["rated_by"],
        )
