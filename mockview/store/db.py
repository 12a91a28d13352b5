"""Open the history database safely.

* WAL journal, foreign keys on, and a busy timeout, so two mockview processes
  can write at once without errors or lost rows.
* The schema is brought up to date with the migrations in
  :mod:`mockview.store.schema`, each in its own transaction.
* A file that is not a SQLite database, fails its integrity check, or is
  another program's database (tables but no schema version), is moved aside to ``history.db.corrupt-<time>`` and a fresh database is made,
  with one line saying so: nothing is deleted, and practice can go on.
* A data directory that cannot be written is a clear error, not a traceback.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from mockview.errors import MockviewError
from mockview.paths import ensure_data_dir, history_db_path
from mockview.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000
FULL_CHECK_BELOW = 64 * 1024 * 1024
"""Databases smaller than this get a full ``quick_check`` when opened."""

_SQLITE_HEADER = b"SQLite format 3\x00"
DAMAGE_SIGNS = ("malformed", "not a database", "corrupt", "encrypted")
"""What SQLite says about a file that is broken, as opposed to merely unreadable."""

Warn = Callable[[str], None]


def connect(path: Path) -> sqlite3.Connection:
    """A connection configured for mockview (no schema work)."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    connection.row_factory = sqlite3.Row
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    return connection


def open_history(data_dir: Path, warn: Warn | None = None) -> sqlite3.Connection:
    """The migrated history database in ``data_dir``, repaired if it was damaged."""
    ensure_data_dir(data_dir)
    path = history_db_path(data_dir)
    problem = _damage(path)
    if problem is not None:
        aside = _move_aside(path)
        if warn is not None:
            warn(f"{path} {problem}; moved it to {aside.name} and started a fresh history")
    try:
        connection = connect(path)
        migrate(connection)
    except sqlite3.OperationalError as error:
        if "readonly" in str(error) or "unable to open" in str(error):
            raise MockviewError(
                f"cannot write the history database in {data_dir} ({error}); "
                "choose another folder with --data-dir or $MOCKVIEW_HOME"
            ) from None
        raise
    return connection


def _damage(path: Path) -> str | None:
    """Why the file at ``path`` is not a usable database, or ``None``."""
    if not path.exists():
        return None
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise MockviewError(f"cannot read {path}: {error.strerror or error}") from None
    if not header:
        return None  # an empty file becomes a database
    if header != _SQLITE_HEADER:
        return "is not a SQLite database"
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if path.stat().st_size < FULL_CHECK_BELOW:
                result = connection.execute("PRAGMA quick_check").fetchone()[0]
                if result != "ok":
                    return f"is damaged ({result})"
            if _foreign(connection):
                return "is a SQLite database, but not mockview's history"
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        message = str(error)
        if any(sign in message for sign in DAMAGE_SIGNS):
            return f"is damaged ({message})"
        if "locked" in message or "busy" in message:
            return None
        # Cannot open or read it (permissions, I/O): not proof of damage, so
        # never move the person's history aside for it.
        raise MockviewError(f"cannot open {path}: {message}") from None
    return None


def _foreign(connection: sqlite3.Connection) -> bool:
    """Tables but no schema version: another program's database, which migrating would break."""
    if connection.execute("PRAGMA user_version").fetchone()[0]:
        return False
    return connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            os.replace(sidecar, aside.with_name(aside.name + suffix))
    return aside


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the schema to :data:`SCHEMA_VERSION`; returns the version found."""
    found = connection.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        raise MockviewError(
            f"the history database was written by a newer mockview (schema {found}, "
            f"this one knows {SCHEMA_VERSION}); upgrade mockview"
        )
    for version in range(found, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            current = connection.execute("PRAGMA user_version").fetchone()[0]
            if current == version:  # another process may have migrated meanwhile
                for statement in _statements(MIGRATIONS[version]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return found


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (they contain no string literals with ';')."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]
