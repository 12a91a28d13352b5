"""The history database schema and its migrations.

The schema version lives in ``PRAGMA user_version``. ``MIGRATIONS[n]`` turns
version ``n`` into version ``n + 1``; a new database runs them all in order,
so a fresh database and an upgraded one are built by the same statements.
Migrations only ever add: columns, tables, indexes, and values derived from
what is there. Nothing a person typed is dropped or rewritten.
"""

from __future__ import annotations

V1 = """
CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    ended_at    TEXT,
    mode        TEXT NOT NULL,
    banks       TEXT NOT NULL DEFAULT '[]',
    filters     TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE attempts (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    question_id   TEXT NOT NULL,
    bank          TEXT NOT NULL,
    category      TEXT NOT NULL DEFAULT '',
    question      TEXT NOT NULL,
    answer        TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    submitted_at  TEXT NOT NULL,
    seconds       REAL,
    time_limit    REAL,
    analysis      TEXT NOT NULL,
    score         INTEGER NOT NULL,
    verdict       TEXT NOT NULL,
    self_rating   INTEGER
);
CREATE INDEX attempts_by_question ON attempts(question_id, submitted_at);
CREATE INDEX attempts_by_time ON attempts(submitted_at);

CREATE TABLE schedule (
    question_id  TEXT PRIMARY KEY,
    card         TEXT NOT NULL,
    due          TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'active',
    question     TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX schedule_by_due ON schedule(status, due);

CREATE TABLE review_logs (
    id           INTEGER PRIMARY KEY,
    question_id  TEXT NOT NULL,
    attempt_id   INTEGER REFERENCES attempts(id) ON DELETE SET NULL,
    rating       INTEGER NOT NULL,
    reviewed_at  TEXT NOT NULL,
    rated_by     TEXT NOT NULL
);
CREATE INDEX review_logs_by_question ON review_logs(question_id, reviewed_at);
"""

V2 = """
ALTER TABLE sessions ADD COLUMN reflection TEXT;
ALTER TABLE attempts ADD COLUMN hints_used INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attempts ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attempts ADD COLUMN parent_id INTEGER REFERENCES attempts(id) ON DELETE SET NULL;
ALTER TABLE schedule ADD COLUMN source TEXT NOT NULL DEFAULT 'practice';
ALTER TABLE schedule ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE schedule ADD COLUMN fumbles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE schedule ADD COLUMN strong_streak INTEGER NOT NULL DEFAULT 0;
ALTER TABLE schedule ADD COLUMN last_strong_day TEXT;
CREATE INDEX attempts_by_session ON attempts(session_id);
CREATE INDEX attempts_scores ON attempts(category, skipped, score, verdict);
CREATE INDEX attempts_days ON attempts(submitted_at, skipped, score);
CREATE INDEX attempts_answered ON attempts(question_id, skipped);
UPDATE attempts SET skipped = 1 WHERE trim(answer, ' ' || char(9, 10, 13)) = '';
UPDATE schedule SET fumbles = (
    SELECT count(*) FROM attempts
    WHERE attempts.question_id = schedule.question_id AND attempts.verdict = 'fumbled'
);
"""
"""Version 2: reflections, hints and skips, follow-ups, leech and graduation
bookkeeping, and covering indexes so statistics never read the answers. Skips
and fumble counts are worked out from the answers a version 1 database holds."""

V3 = """
ALTER TABLE sessions ADD COLUMN report TEXT;
"""
"""Version 3: the report card of a mock interview, kept with its session."""

V4 = """
CREATE TABLE debriefs (
    id          INTEGER PRIMARY KEY,
    company     TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    day         TEXT NOT NULL,
    outcome     TEXT NOT NULL DEFAULT 'pending',
    data        TEXT NOT NULL,
    added_at    TEXT NOT NULL
);
CREATE TABLE debrief_feedback (
    id          INTEGER PRIMARY KEY,
    debrief_id  INTEGER NOT NULL REFERENCES debriefs(id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    focus       TEXT NOT NULL DEFAULT '[]',
    added_at    TEXT NOT NULL
);
ALTER TABLE attempts ADD COLUMN stories TEXT NOT NULL DEFAULT '[]';
"""
"""Version 4: debriefs of real interviews, the interviewer's feedback on them, and
the stories peeked at while answering."""

V5 = """
ALTER TABLE debriefs ADD COLUMN follow_up_dismissed TEXT;
"""
"""Version 5: when the reminder to ask for feedback on a debriefed interview was dismissed."""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4, V5)
SCHEMA_VERSION = len(MIGRATIONS)
