"""Every SQL statement mockview runs against its history, in one place.

The rest of the code talks to :class:`History` in terms of sessions,
attempts, schedule entries and review logs; nothing else writes SQL. Writes
that touch several rows run in one ``BEGIN IMMEDIATE`` transaction, so a
killed process leaves either all of a change or none of it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mockview.clock import Clock, SystemClock, from_text, to_text


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


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    id: int
    submitted_at: datetime
    bank: str
    question_id: str
    category: str
    score: int
    verdict: str
    skipped: bool
    text: str


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    started_at: datetime
    ended_at: datetime | None
    mode: str
    banks: list[str]
    filters: dict[str, Any]
    reflection: dict[str, Any] | None
    report: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    question_id: str
    card: dict[str, Any]
    due: datetime
    status: str
    question: dict[str, Any]
    added_at: datetime
    updated_at: datetime
    source: str
    note: str
    fumbles: int
    strong_streak: int
    last_strong_day: str | None


@dataclass(frozen=True, slots=True)
class DebriefRow:
    id: int
    company: str
    role: str
    day: str
    outcome: str
    data: dict[str, Any]
    added_at: datetime
    feedback: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: int
    question_id: str
    attempt_id: int | None
    rating: int
    reviewed_at: datetime
    rated_by: str


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class History:
    """The history database: sessions, attempts, the re-drill schedule, review logs."""

    def __init__(self, connection: sqlite3.Connection, clock: Clock | None = None) -> None:
        self.connection = connection
        self.clock = clock or SystemClock()

    def close(self) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; taken at once so concurrent writers queue."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    # --- sessions ---------------------------------------------------------

    def start_session(
        self,
        mode: str,
        banks: list[str],
        filters: dict[str, Any],
        *,
        started_at: datetime | None = None,
        connection: sqlite3.Connection | None = None,
    ) -> int:
        """Record a session; pass ``connection`` to join an open transaction."""
        values = (to_text(started_at or self.clock.now()), mode, _dumps(banks), _dumps(filters))
        sql = "INSERT INTO sessions (started_at, mode, banks, filters) VALUES (?, ?, ?, ?)"
        if connection is not None:
            return int(connection.execute(sql, values).lastrowid)
        with self.transaction() as db:
            return int(db.execute(sql, values).lastrowid)

    def end_session(self, session_id: int) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                (to_text(self.clock.now()), session_id),
            )

    def save_reflection(self, session_id: int, reflection: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute("UPDATE sessions SET reflection = ? WHERE id = ?", (_dumps(reflection), session_id))

    def save_report(self, session_id: int, report: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute("UPDATE sessions SET report = ? WHERE id = ?", (_dumps(report), session_id))

    def session(self, session_id: int) -> SessionRow | None:
        row = self.connection.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return _session(row) if row else None

    def sessions(
        self, limit: int | None = None, since: datetime | None = None, mode: str | None = None
    ) -> list[SessionRow]:
        clauses, args = [], []
        if since is not None:
            clauses.append("started_at >= ?")
            args.append(to_text(since))
        if mode is not None:
            clauses.append("mode = ?")
            args.append(mode)
        sql = "SELECT * FROM sessions"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY started_at DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [_session(row) for row in self.connection.execute(sql, args)]

    # --- attempts -----------------------------------------------------------

    def add_attempt(
        self,
        *,
        session_id: int | None,
        question: dict[str, Any],
        answer: str,
        started_at: datetime,
        seconds: float | None,
        time_limit: float | None,
        analysis: dict[str, Any],
        hints_used: int = 0,
        skipped: bool = False,
        parent_id: int | None = None,
        stories: list[str] | None = None,
        connection: sqlite3.Connection | None = None,
    ) -> int:
        """Store one attempt; pass ``connection`` to join an open transaction."""
        values = (
            session_id,
            question["id"],
            question.get("bank", question["id"].split("/")[0]),
            question.get("category", ""),
            _dumps(question),
            answer,
            to_text(started_at),
            to_text(self.clock.now()),
            seconds,
            time_limit,
            _dumps(analysis),
            int(analysis["score"]),
            analysis["verdict"],
            hints_used,
            int(skipped),
            parent_id,
            _dumps(stories or []),
        )
        sql = (
            "INSERT INTO attempts (session_id, question_id, bank, category, question, answer, "
            "started_at, submitted_at, seconds, time_limit, analysis, score, verdict, hints_used, "
            "skipped, parent_id, stories) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        if connection is not None:
            return int(connection.execute(sql, values).lastrowid)
        with self.transaction() as db:
            return int(db.execute(sql, values).lastrowid)

    def set_self_rating(self, attempt_id: int, rating: int, connection: sqlite3.Connection) -> None:
        connection.execute("UPDATE attempts SET self_rating = ? WHERE id = ?", (rating, attempt_id))

    def attempt(self, attempt_id: int) -> AttemptRow | None:
        row = self.connection.execute("SELECT * FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
        return _attempt(row) if row else None

    def attempts(
        self,
        *,
        limit: int | None = None,
        since: datetime | None = None,
        question_id: str | None = None,
        session_id: int | None = None,
        oldest_first: bool = False,
    ) -> list[AttemptRow]:
        clauses, args = [], []
        if since is not None:
            clauses.append("submitted_at >= ?")
            args.append(to_text(since))
        if question_id is not None:
            clauses.append("question_id = ?")
            args.append(question_id)
        if session_id is not None:
            clauses.append("session_id = ?")
            args.append(session_id)
        sql = "SELECT * FROM attempts"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        order = "ASC" if oldest_first else "DESC"
        sql += f" ORDER BY submitted_at {order}, id {order}"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [_attempt(row) for row in self.connection.execute(sql, args)]

    def attempt_list(
        self,
        *,
        bank: str | None = None,
        category: str | None = None,
        verdict: str | None = None,
        limit: int = 1000,
    ) -> list[AttemptSummary]:
        """Light rows for a table of attempts, newest first (no answers or analyses)."""
        clauses, args = [], []
        for column, value in (("bank", bank), ("category", category), ("verdict", verdict)):
            if value is not None:
                clauses.append(f"{column} = ?")
                args.append(value)
        sql = ("SELECT id, submitted_at, bank, question_id, category, score, verdict, skipped, "
               "json_extract(question, '$.text') AS text FROM attempts")
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY submitted_at DESC, id DESC LIMIT ?"
        args.append(limit)
        return [
            AttemptSummary(row["id"], from_text(row["submitted_at"]), row["bank"], row["question_id"],
                           row["category"], row["score"], row["verdict"], bool(row["skipped"]), row["text"] or "")
            for row in self.connection.execute(sql, args)
        ]

    def distinct_values(self, column: str) -> list[str]:
        """The banks, categories or verdicts that occur in the history."""
        if column not in ("bank", "category", "verdict"):
            raise ValueError(column)
        return [row[0] for row in self.connection.execute(
            f"SELECT DISTINCT {column} FROM attempts WHERE {column} != '' ORDER BY {column}")]

    def previous_attempt(self, question_id: str, before_id: int) -> AttemptRow | None:
        row = self.connection.execute(
            "SELECT * FROM attempts WHERE question_id = ? AND id < ? AND skipped = 0 "
            "ORDER BY id DESC LIMIT 1",
            (question_id, before_id),
        ).fetchone()
        return _attempt(row) if row else None

    def last_seen(self) -> dict[str, datetime]:
        """When each question was last answered."""
        return {
            row[0]: from_text(row[1])
            for row in self.connection.execute(
                "SELECT question_id, max(submitted_at) FROM attempts GROUP BY question_id"
            )
        }

    # --- the re-drill schedule ----------------------------------------------

    def schedule_entry(self, question_id: str) -> ScheduleRow | None:
        row = self.connection.execute(
            "SELECT * FROM schedule WHERE question_id = ?", (question_id,)
        ).fetchone()
        return _schedule(row) if row else None

    def save_schedule(self, entry: ScheduleRow, connection: sqlite3.Connection) -> None:
        connection.execute(
            "INSERT INTO schedule (question_id, card, due, status, question, added_at, updated_at, "
            "source, note, fumbles, strong_streak, last_strong_day) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(question_id) DO UPDATE SET card = excluded.card, due = excluded.due, "
            "status = excluded.status, question = excluded.question, updated_at = excluded.updated_at, "
            "source = excluded.source, note = excluded.note, fumbles = excluded.fumbles, "
            "strong_streak = excluded.strong_streak, last_strong_day = excluded.last_strong_day",
            (
                entry.question_id,
                _dumps(entry.card),
                to_text(entry.due),
                entry.status,
                _dumps(entry.question),
                to_text(entry.added_at),
                to_text(entry.updated_at),
                entry.source,
                entry.note,
                entry.fumbles,
                entry.strong_streak,
                entry.last_strong_day,
            ),
        )

    def schedule(self, *, status: str | None = "active", due_before: datetime | None = None) -> list[ScheduleRow]:
        """Schedule entries, soonest due first."""
        clauses, args = [], []
        if status is not None:
            clauses.append("status = ?")
            args.append(status)
        if due_before is not None:
            clauses.append("due <= ?")
            args.append(to_text(due_before))
        sql = "SELECT * FROM schedule"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY due, question_id"
        return [_schedule(row) for row in self.connection.execute(sql, args)]

    def count_schedule(self, *, due_before: datetime | None = None) -> tuple[int, int]:
        """(active entries due by ``due_before``, leeches among active entries)."""
        due = self.connection.execute(
            "SELECT count(*) FROM schedule WHERE status = 'active' AND due <= ?",
            (to_text(due_before or self.clock.now()),),
        ).fetchone()[0]
        leeches = self.connection.execute(
            "SELECT count(*) FROM schedule WHERE status = 'active' AND fumbles >= ?", (LEECH_FUMBLES,)
        ).fetchone()[0]
        return int(due), int(leeches)

    # --- review logs -----------------------------------------------------------

    def add_review(
        self,
        connection: sqlite3.Connection,
        *,
        question_id: str,
        attempt_id: int | None,
        rating: int,
        reviewed_at: datetime,
        rated_by: str,
    ) -> None:
        connection.execute(
            "INSERT INTO review_logs (question_id, attempt_id, rating, reviewed_at, rated_by) "
            "VALUES (?, ?, ?, ?, ?)",
            (question_id, attempt_id, rating, to_text(reviewed_at), rated_by),
        )

    def review_for_attempt(self, attempt_id: int) -> ReviewRow | None:
        row = self.connection.execute(
            "SELECT * FROM review_logs WHERE attempt_id = ? ORDER BY id DESC LIMIT 1", (attempt_id,)
        ).fetchone()
        return _review(row) if row else None

    def rerate_review(self, connection: sqlite3.Connection, review_id: int, rating: int) -> None:
        connection.execute(
            "UPDATE review_logs SET rating = ?, rated_by = 'self' WHERE id = ?", (rating, review_id)
        )

    def reviews(self, question_id: str) -> list[ReviewRow]:
        return [
            _review(row)
            for row in self.connection.execute(
                "SELECT * FROM review_logs WHERE question_id = ? ORDER BY reviewed_at, id", (question_id,)
            )
        ]

    # --- debriefs of real interviews -------------------------------------------

    def add_debrief(
        self, *, company: str, role: str, day: str, outcome: str, data: dict[str, Any],
        connection: sqlite3.Connection,
    ) -> int:
        cursor = connection.execute(
            "INSERT INTO debriefs (company, role, day, outcome, data, added_at) VALUES (?, ?, ?, ?, ?, ?)",
            (company, role, day, outcome, _dumps(data), to_text(self.clock.now())),
        )
        return int(cursor.lastrowid)

    def debriefs(self) -> list[DebriefRow]:
        """Every debrief, the latest interview first."""
        rows = self.connection.execute("SELECT * FROM debriefs ORDER BY day DESC, id DESC").fetchall()
        return [self._debrief(row) for row in rows]

    def debrief(self, debrief_id: int) -> DebriefRow | None:
        row = self.connection.execute("SELECT * FROM debriefs WHERE id = ?", (debrief_id,)).fetchone()
        return self._debrief(row) if row else None

    def update_debrief_data(self, debrief_id: int, data: dict[str, Any], connection: sqlite3.Connection) -> None:
        connection.execute("UPDATE debriefs SET data = ? WHERE id = ?", (_dumps(data), debrief_id))

    def set_debrief_outcome(self, debrief_id: int, outcome: str) -> None:
        """The outcome arrives after the debrief (an offer, a rejection): both copies change."""
        row = self.debrief(debrief_id)
        if row is None:
            return
        with self.transaction() as db:
            db.execute("UPDATE debriefs SET outcome = ?, data = ? WHERE id = ?",
                       (outcome, _dumps({**row.data, "outcome": outcome}), debrief_id))

    def delete_debrief(self, debrief_id: int, connection: sqlite3.Connection) -> bool:
        """Remove a debrief and its feedback (see prep.debrief.delete_debrief for its re-drill items)."""
        connection.execute("DELETE FROM debrief_feedback WHERE debrief_id = ?", (debrief_id,))
        return connection.execute("DELETE FROM debriefs WHERE id = ?", (debrief_id,)).rowcount > 0

    def delete_schedule_entry(self, question_id: str, connection: sqlite3.Connection) -> None:
        """Forget a re-drill item and its review log (only for one never answered)."""
        connection.execute("DELETE FROM review_logs WHERE question_id = ?", (question_id,))
        connection.execute("DELETE FROM schedule WHERE question_id = ?", (question_id,))

    def answered(self, question_id: str) -> bool:
        """Whether the question has ever been answered (an attempt exists)."""
        return self.connection.execute(
            "SELECT 1 FROM attempts WHERE question_id = ? LIMIT 1", (question_id,)).fetchone() is not None

    def add_feedback(
        self, debrief_id: int, text: str, focus: list[str], connection: sqlite3.Connection | None = None
    ) -> None:
        """Attach interviewer feedback; pass ``connection`` to join an open transaction."""
        sql = "INSERT INTO debrief_feedback (debrief_id, text, focus, added_at) VALUES (?, ?, ?, ?)"
        values = (debrief_id, text, _dumps(focus), to_text(self.clock.now()))
        if connection is not None:
            connection.execute(sql, values)
            return
        with self.transaction() as db:
            db.execute(sql, values)

    def _debrief(self, row: sqlite3.Row) -> DebriefRow:
        feedback = [
            {"text": f["text"], "focus": json.loads(f["focus"]), "added_at": f["added_at"]}
            for f in self.connection.execute(
                "SELECT * FROM debrief_feedback WHERE debrief_id = ? ORDER BY id", (row["id"],)
            )
        ]
        return DebriefRow(row["id"], row["company"], row["role"], row["day"], row["outcome"],
                          json.loads(row["data"]), from_text(row["added_at"]), feedback)

    def story_uses(self) -> dict[str, int]:
        """How often each story was peeked at while answering."""
        counts: dict[str, int] = {}
        for (stories,) in self.connection.execute("SELECT stories FROM attempts WHERE stories != '[]'"):
            for title in json.loads(stories):
                counts[title] = counts.get(title, 0) + 1
        return counts

    def fumbles_by_category(self, limit: int) -> list[tuple[str, int, int]]:
        """(category, fumbled answers, answers) in practice, most fumbled first; uncategorised left out."""
        return [
            (row[0], row[1], row[2])
            for row in self.connection.execute(
                "SELECT category, sum(verdict = 'fumbled') AS fumbled, count(*) FROM attempts "
                "WHERE parent_id IS NULL AND category != '' GROUP BY category HAVING fumbled > 0 "
                "ORDER BY fumbled DESC, category LIMIT ?",
                (limit,),
            )
        ]

    def fumbled_questions(self, limit: int) -> list[tuple[str, str, int, int]]:
        """(question id, its latest text, fumbled answers, answers), most fumbled first."""
        rows = self.connection.execute(
            "SELECT question_id, sum(verdict = 'fumbled') AS fumbled, count(*), max(id) FROM attempts "
            "WHERE parent_id IS NULL GROUP BY question_id HAVING fumbled > 0 "
            "ORDER BY fumbled DESC, question_id LIMIT ?",
            (limit,),
        ).fetchall()
        found = []
        for question_id, fumbled, answers, latest in rows:
            (snapshot,) = self.connection.execute("SELECT question FROM attempts WHERE id = ?", (latest,)).fetchone()
            found.append((question_id, json.loads(snapshot).get("text", question_id), fumbled, answers))
        return found

    def scores_by_category(self) -> dict[str, list[int]]:
        """Scores of the answers given, oldest first, per category."""
        scores: dict[str, list[int]] = {}
        for category, score in self.connection.execute(
            "SELECT category, score FROM attempts WHERE skipped = 0 AND parent_id IS NULL "
            "ORDER BY submitted_at, id"
        ):
            scores.setdefault(category, []).append(score)
        return scores

    # --- figures for stats ---------------------------------------------------

    def recent_sessions(self, limit: int) -> list[tuple[SessionRow, int, float | None]]:
        """The latest sessions with their number of answers and average score.

        A mock interview's score is its report card's, which weighs follow-ups
        and skips as the card explains; a plain mean would disagree with it.
        """
        rows = self.connection.execute(
            "SELECT s.*, count(a.id) AS answers, avg(CASE WHEN a.skipped = 0 THEN a.score END) AS average "
            "FROM sessions s LEFT JOIN attempts a ON a.session_id = s.id "
            "GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        sessions = [(_session(row), row) for row in rows]
        return [(session, row["answers"], _session_score(session, row["average"])) for session, row in sessions]

    def recent_scores(self, limit: int, category: str | None = None) -> list[int]:
        """Scores of the latest answers given (skips left out), oldest first."""
        sql = "SELECT score FROM attempts WHERE skipped = 0"
        args: list[Any] = []
        if category is not None:
            sql += " AND category = ?"
            args.append(category)
        sql += " ORDER BY submitted_at DESC, id DESC LIMIT ?"
        args.append(limit)
        return [row[0] for row in self.connection.execute(sql, args)][::-1]

    def totals(self) -> tuple[int, int, float | None, int]:
        """(answers, sessions, average score of answers given, fumbled answers)."""
        answers, average, fumbled = self.connection.execute(
            "SELECT count(*), avg(CASE WHEN skipped = 0 THEN score END), "
            "sum(verdict = 'fumbled') FROM attempts"
        ).fetchone()
        sessions = self.connection.execute("SELECT count(*) FROM sessions").fetchone()[0]
        return int(answers), int(sessions), average, int(fumbled or 0)

    def by_category(self) -> list[tuple[str, int, float]]:
        return [
            (row[0], row[1], row[2])
            for row in self.connection.execute(
                "SELECT category, count(*), avg(score) FROM attempts WHERE skipped = 0 "
                "GROUP BY category ORDER BY category"
            )
        ]

    def by_day(self) -> list[tuple[str, int, int, int]]:
        """(local day, attempts, answers given, sum of their scores) per day with practice."""
        return [
            (row[0], row[1], row[2], row[3] or 0)
            for row in self.connection.execute(
                "SELECT date(submitted_at, 'localtime') AS day, count(*), sum(skipped = 0), "
                "sum(CASE WHEN skipped = 0 THEN score END) FROM attempts GROUP BY day ORDER BY day"
            )
        ]

    def score_changes(self, limit: int) -> list[tuple[str, str, int, int, int]]:
        """(question id, question text, first score, latest score, answers) for
        questions answered at least twice, most improved first."""
        spans = self.connection.execute(
            "SELECT question_id, min(id), max(id), count(*) FROM attempts WHERE skipped = 0 "
            "GROUP BY question_id HAVING count(*) >= 2"
        ).fetchall()
        if not spans:
            return []
        ids = [row[1] for row in spans] + [row[2] for row in spans]
        scores: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for attempt_id, score in self.connection.execute(
                f"SELECT id, score FROM attempts WHERE id IN ({marks})", chunk
            ):
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
            text = self.connection.execute("SELECT question FROM attempts WHERE id = ?", (last_id,)).fetchone()[0]
            result.append((question_id, json.loads(text).get("text", ""), first, last, count))
        return result


LEECH_FUMBLES = 4
"""Fumbled this many times, a question is a leech: rewrite the story, don't repeat it."""


def _session_score(session: SessionRow, average: float | None) -> float | None:
    card_score = (session.report or {}).get("score")
    return float(card_score) if isinstance(card_score, int | float) and not isinstance(card_score, bool) else average


def _session(row: sqlite3.Row) -> SessionRow:
    return SessionRow(
        id=row["id"],
        started_at=from_text(row["started_at"]),
        ended_at=from_text(row["ended_at"]) if row["ended_at"] else None,
        mode=row["mode"],
        banks=json.loads(row["banks"]),
        filters=json.loads(row["filters"]),
        reflection=json.loads(row["reflection"]) if row["reflection"] else None,
        report=json.loads(row["report"]) if row["report"] else None,
    )


def _attempt(row: sqlite3.Row) -> AttemptRow:
    return AttemptRow(
        id=row["id"],
        session_id=row["session_id"],
        question_id=row["question_id"],
        bank=row["bank"],
        category=row["category"],
        question=json.loads(row["question"]),
        answer=row["answer"],
        started_at=from_text(row["started_at"]),
        submitted_at=from_text(row["submitted_at"]),
        seconds=row["seconds"],
        time_limit=row["time_limit"],
        analysis=json.loads(row["analysis"]),
        score=row["score"],
        verdict=row["verdict"],
        self_rating=row["self_rating"],
        hints_used=row["hints_used"],
        skipped=bool(row["skipped"]),
        parent_id=row["parent_id"],
        stories=json.loads(row["stories"]),
    )


def _schedule(row: sqlite3.Row) -> ScheduleRow:
    return ScheduleRow(
        question_id=row["question_id"],
        card=json.loads(row["card"]),
        due=from_text(row["due"]),
        status=row["status"],
        question=json.loads(row["question"]),
        added_at=from_text(row["added_at"]),
        updated_at=from_text(row["updated_at"]),
        source=row["source"],
        note=row["note"],
        fumbles=row["fumbles"],
        strong_streak=row["strong_streak"],
        last_strong_day=row["last_strong_day"],
    )


def _review(row: sqlite3.Row) -> ReviewRow:
    return ReviewRow(
        id=row["id"],
        question_id=row["question_id"],
        attempt_id=row["attempt_id"],
        rating=row["rating"],
        reviewed_at=from_text(row["reviewed_at"]),
        rated_by=row["rated_by"],
    )
