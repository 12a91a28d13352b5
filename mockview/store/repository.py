"""Every SQL statement mockview runs against its history, but the reports'.

The rest of the code talks to :class:`History` in terms of sessions,
attempts, schedule entries, review logs and debriefs. Writes that touch
several rows run in one ``history.atomic()`` block (see
:mod:`mockview.store.database`), so a killed process leaves either all of a
change or none of it; blocks nest, so a function that writes atomically can
be called inside a bigger change. The statistics and the patterns keep
their read-only queries next to the code that explains them
(``store/stats.py``, ``prep/patterns.py``) and run them with
``history.read``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, TypeVar

from mockview.clock import from_text, to_text
from mockview.store.database import Database
from mockview.store.query import Select
from mockview.store.rows import (
    AttemptRow,
    AttemptSummary,
    DebriefRow,
    FeedbackRow,
    ReviewRow,
    ScheduleRow,
    SessionRow,
    DAMAGE,
    dumps,
    json_list,
)
from mockview.store.words import Outcome, ScheduleStatus, SessionMode
from mockview.text import one_line

T = TypeVar("T")

SUMMARY_COLUMNS = ("id, submitted_at, bank, question_id, category, score, verdict, skipped, "
                   "json_extract(question, '$.text') AS text")
"""What a table of attempts reads: never the answers or the analyses."""


class History(Database):
    """The history: sessions, attempts, the re-drill schedule, review logs, debriefs.

    ``with open_store(folder) as history:`` opens it and closes it again.
    A row that cannot be read (edited by hand, written by a broken tool) is
    skipped with one warning through :attr:`warn`; the others still read.
    """

    _reported: set[tuple[str, int, str]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reported = set()

    # --- sessions ---------------------------------------------------------

    def start_session(
        self, mode: str, banks: list[str], filters: dict[str, Any], *, started_at: datetime | None = None
    ) -> int:
        """Record a session; ``mode`` is a :class:`SessionMode` or its text (anything else is refused)."""
        cursor = self.write(
            "INSERT INTO sessions (started_at, mode, banks, filters) VALUES (?, ?, ?, ?)",
            (to_text(started_at or self.clock.now()), SessionMode(mode), dumps(banks), dumps(filters)),
        )
        return self.row_id(cursor)

    def end_session(self, session_id: int) -> None:
        self.write("UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                    (to_text(self.clock.now()), session_id))

    def save_reflection(self, session_id: int, reflection: dict[str, Any]) -> None:
        self.write("UPDATE sessions SET reflection = ? WHERE id = ?", (dumps(reflection), session_id))

    def save_report(self, session_id: int, report: dict[str, Any]) -> None:
        self.write("UPDATE sessions SET report = ? WHERE id = ?", (dumps(report), session_id))

    def session(self, session_id: int) -> SessionRow | None:
        row = self.connection.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return self._one(SessionRow.read, row, "sessions")

    def sessions(
        self, limit: int | None = None, since: datetime | None = None, mode: str | None = None
    ) -> list[SessionRow]:
        query = (Select("sessions")
                 .where_given("started_at >= ?", to_text(since) if since is not None else None)
                 .where_given("mode = ?", mode)
                 .order_by("started_at DESC, id DESC")
                 .limited(limit))
        return self._each(SessionRow.read, self.select(query), "sessions")

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
    ) -> int:
        values = (
            session_id, question["id"], question.get("bank", question["id"].split("/")[0]),
            question.get("category", ""), dumps(question), answer, to_text(started_at), to_text(self.clock.now()),
            seconds, time_limit, dumps(analysis), int(analysis["score"]), analysis["verdict"], hints_used,
            int(skipped), parent_id, dumps(stories or []),
        )
        cursor = self.write(
            "INSERT INTO attempts (session_id, question_id, bank, category, question, answer, "
            "started_at, submitted_at, seconds, time_limit, analysis, score, verdict, hints_used, "
            "skipped, parent_id, stories) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            values,
        )
        return self.row_id(cursor)

    def set_self_rating(self, attempt_id: int, rating: int) -> None:
        self.write("UPDATE attempts SET self_rating = ? WHERE id = ?", (rating, attempt_id))

    def attempt(self, attempt_id: int) -> AttemptRow | None:
        row = self.connection.execute("SELECT * FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
        return self._one(AttemptRow.read, row, "attempts")

    def attempts(
        self,
        *,
        limit: int | None = None,
        since: datetime | None = None,
        question_id: str | None = None,
        session_id: int | None = None,
        oldest_first: bool = False,
    ) -> list[AttemptRow]:
        order = "ASC" if oldest_first else "DESC"
        query = (Select("attempts")
                 .where_given("submitted_at >= ?", to_text(since) if since is not None else None)
                 .where_given("question_id = ?", question_id)
                 .where_given("session_id = ?", session_id)
                 .order_by(f"submitted_at {order}, id {order}")
                 .limited(limit))
        return self._each(AttemptRow.read, self.select(query), "attempts")

    def attempt_list(
        self,
        *,
        bank: str | None = None,
        category: str | None = None,
        verdict: str | None = None,
        limit: int = 1000,
    ) -> list[AttemptSummary]:
        """Light rows for a table of attempts, newest first (no answers or analyses)."""
        query = (Select("attempts", SUMMARY_COLUMNS)
                 .where_given("bank = ?", bank)
                 .where_given("category = ?", category)
                 .where_given("verdict = ?", verdict)
                 .order_by("submitted_at DESC, id DESC")
                 .limited(limit))
        return self._each(AttemptSummary.read, self.select(query), "attempts")

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
        return self._one(AttemptRow.read, row, "attempts")

    def last_seen(self) -> dict[str, datetime]:
        """When each question was last answered."""
        seen = self._each(lambda row: (row[0], from_text(row[1])), self.connection.execute(
            "SELECT question_id, max(submitted_at) FROM attempts GROUP BY question_id"), "attempts")
        return dict(seen)

    def answered(self, question_id: str) -> bool:
        """Whether the question has ever been answered (an attempt exists)."""
        return self.connection.execute(
            "SELECT 1 FROM attempts WHERE question_id = ? LIMIT 1", (question_id,)).fetchone() is not None

    def story_uses(self) -> dict[str, int]:
        """How often each story was peeked at while answering."""
        counts: dict[str, int] = {}
        rows = self.connection.execute("SELECT id, stories FROM attempts WHERE stories != '[]'")
        for titles in self._each(lambda row: json_list(row["stories"]), rows, "attempts"):
            for title in titles:
                counts[str(title)] = counts.get(str(title), 0) + 1
        return counts

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
        sessions = self._each(lambda row: (SessionRow.read(row), row), rows, "sessions")
        return [(session, row["answers"], _session_score(session, row["average"])) for session, row in sessions]

    def recent_scores(self, limit: int, category: str | None = None) -> list[int]:
        """Scores of the latest answers given (skips left out), oldest first."""
        query = (Select("attempts", "score")
                 .where("skipped = 0")
                 .where_given("category = ?", category)
                 .order_by("submitted_at DESC, id DESC")
                 .limited(limit))
        return [row[0] for row in self.select(query)][::-1]

    # --- the re-drill schedule ----------------------------------------------

    def schedule_entry(self, question_id: str) -> ScheduleRow | None:
        row = self.connection.execute(
            "SELECT * FROM schedule WHERE question_id = ?", (question_id,)
        ).fetchone()
        return self._one(ScheduleRow.read, row, "schedule")

    def save_schedule(self, entry: ScheduleRow) -> None:
        self.write(
            "INSERT INTO schedule (question_id, card, due, status, question, added_at, updated_at, "
            "source, note, fumbles, strong_streak, last_strong_day) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(question_id) DO UPDATE SET card = excluded.card, due = excluded.due, "
            "status = excluded.status, question = excluded.question, updated_at = excluded.updated_at, "
            "source = excluded.source, note = excluded.note, fumbles = excluded.fumbles, "
            "strong_streak = excluded.strong_streak, last_strong_day = excluded.last_strong_day",
            (entry.question_id, dumps(entry.card), to_text(entry.due), entry.status, dumps(entry.question),
             to_text(entry.added_at), to_text(entry.updated_at), entry.source, entry.note, entry.fumbles,
             entry.strong_streak, entry.last_strong_day),
        )

    def schedule(
        self, *, status: ScheduleStatus | None = ScheduleStatus.ACTIVE, due_before: datetime | None = None
    ) -> list[ScheduleRow]:
        """Schedule entries, soonest due first."""
        query = (Select("schedule")
                 .where_given("status = ?", status)
                 .where_given("due <= ?", to_text(due_before) if due_before is not None else None)
                 .order_by("due, question_id"))
        return self._each(ScheduleRow.read, self.select(query), "schedule")

    def delete_schedule_entry(self, question_id: str) -> None:
        """Forget a re-drill item and its review log (only for one never answered)."""
        with self.atomic():
            self.connection.execute("DELETE FROM review_logs WHERE question_id = ?", (question_id,))
            self.connection.execute("DELETE FROM schedule WHERE question_id = ?", (question_id,))

    # --- review logs -----------------------------------------------------------

    def add_review(
        self, *, question_id: str, attempt_id: int | None, rating: int, reviewed_at: datetime, rated_by: str
    ) -> None:
        self.write(
            "INSERT INTO review_logs (question_id, attempt_id, rating, reviewed_at, rated_by) "
            "VALUES (?, ?, ?, ?, ?)",
            (question_id, attempt_id, rating, to_text(reviewed_at), rated_by),
        )

    def review_for_attempt(self, attempt_id: int) -> ReviewRow | None:
        row = self.connection.execute(
            "SELECT * FROM review_logs WHERE attempt_id = ? ORDER BY id DESC LIMIT 1", (attempt_id,)
        ).fetchone()
        return self._one(ReviewRow.read, row, "review_logs")

    def rerate_review(self, review_id: int, rating: int) -> None:
        self.write("UPDATE review_logs SET rating = ?, rated_by = 'self' WHERE id = ?", (rating, review_id))

    def reviews(self, question_id: str) -> list[ReviewRow]:
        return self._each(ReviewRow.read, self.connection.execute(
            "SELECT * FROM review_logs WHERE question_id = ? ORDER BY reviewed_at, id", (question_id,)), "review_logs")

    # --- debriefs of real interviews -------------------------------------------

    def add_debrief(self, *, company: str, role: str, day: str, outcome: Outcome, data: dict[str, Any]) -> int:
        cursor = self.write(
            "INSERT INTO debriefs (company, role, day, outcome, data, added_at) VALUES (?, ?, ?, ?, ?, ?)",
            (company, role, day, outcome, dumps(data), to_text(self.clock.now())),
        )
        return self.row_id(cursor)

    def debriefs(self) -> list[DebriefRow]:
        """Every debrief, the latest interview first."""
        rows = self.connection.execute("SELECT * FROM debriefs ORDER BY day DESC, id DESC").fetchall()
        return self._each(lambda row: DebriefRow.read(row, self._feedback(row["id"])), rows, "debriefs")

    def debrief(self, debrief_id: int) -> DebriefRow | None:
        row = self.connection.execute("SELECT * FROM debriefs WHERE id = ?", (debrief_id,)).fetchone()
        return self._one(lambda found: DebriefRow.read(found, self._feedback(found["id"])), row, "debriefs")

    def update_debrief_data(self, debrief_id: int, data: dict[str, Any]) -> None:
        self.write("UPDATE debriefs SET data = ? WHERE id = ?", (dumps(data), debrief_id))

    def set_debrief_outcome(self, debrief_id: int, outcome: str) -> None:
        """The outcome arrives after the debrief (an offer, a rejection): both copies change.

        ``outcome`` is an :class:`Outcome` or its text (anything else is refused).
        """
        outcome = Outcome(outcome)
        with self.atomic():
            row = self.debrief(debrief_id)
            if row is None:
                return
            self.connection.execute("UPDATE debriefs SET outcome = ?, data = ? WHERE id = ?",
                                    (outcome, dumps({**row.data, "outcome": outcome}), debrief_id))

    def delete_debrief(self, debrief_id: int) -> bool:
        """Remove a debrief and its feedback (see prep.debrief.storage for its re-drill items)."""
        with self.atomic():
            self.connection.execute("DELETE FROM debrief_feedback WHERE debrief_id = ?", (debrief_id,))
            return self.connection.execute("DELETE FROM debriefs WHERE id = ?", (debrief_id,)).rowcount > 0

    def add_feedback(self, debrief_id: int, text: str, focus: list[str]) -> None:
        """Attach interviewer feedback to a debrief."""
        self.write("INSERT INTO debrief_feedback (debrief_id, text, focus, added_at) VALUES (?, ?, ?, ?)",
                    (debrief_id, text, dumps(focus), to_text(self.clock.now())))

    def dismiss_follow_up(self, debrief_id: int) -> bool:
        """Stop reminding the person to ask for feedback on this interview; False if there is no such debrief.

        Dismissing twice keeps the first time: it is when the person decided.
        """
        cursor = self.write("UPDATE debriefs SET follow_up_dismissed = coalesce(follow_up_dismissed, ?) WHERE id = ?",
                            (to_text(self.clock.now()), debrief_id))
        return cursor.rowcount > 0

    def _feedback(self, debrief_id: int) -> tuple[FeedbackRow, ...]:
        return tuple(self._each(FeedbackRow.read, self.connection.execute(
            "SELECT * FROM debrief_feedback WHERE debrief_id = ? ORDER BY id", (debrief_id,)), "debrief_feedback"))

    # --- damaged rows ------------------------------------------------------------

    def _each(self, read: Callable[[sqlite3.Row], T], rows: Iterable[sqlite3.Row], table: str) -> list[T]:
        """Every row that reads, and one warning for those that do not (a time that is not a time,
        JSON that is not JSON or not the right shape): one bad row never hides the history."""
        found: list[T] = []
        damaged: list[tuple[sqlite3.Row, Exception]] = []
        for row in rows:
            try:
                found.append(read(row))
            except DAMAGE as error:
                damaged.append((row, error))
        if damaged:
            self._report(table, damaged)
        return found

    def _one(self, read: Callable[[sqlite3.Row], T], row: sqlite3.Row | None, table: str) -> T | None:
        """The row read, or ``None`` for no row or a damaged one (reported)."""
        found = self._each(read, [row], table) if row is not None else []
        return found[0] if found else None

    def _report(self, table: str, damaged: list[tuple[sqlite3.Row, Exception]]) -> None:
        first, error = damaged[0]
        where = f"id {first['id']}" if "id" in first.keys() else "a row"
        more = f" and {len(damaged) - 1} more" if len(damaged) > 1 else ""
        key = (table, len(damaged), where)
        if key in self._reported:
            return
        self._reported.add(key)
        self.warn(f"skipped {len(damaged)} damaged row{'s' if len(damaged) != 1 else ''} of {table} in "
                  f"{self.path} ({where}{more}: {one_line(str(error))[:120]}); the rest of the history is fine")


def _session_score(session: SessionRow, average: float | None) -> float | None:
    card_score = (session.report or {}).get("score")
    return float(card_score) if isinstance(card_score, int | float) and not isinstance(card_score, bool) else average
