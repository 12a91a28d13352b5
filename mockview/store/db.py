"""Open the history database safely.

* WAL journal, foreign keys on, and a busy timeout, so two mockview processes
  can write at once without errors or lost rows.
* The schema is brought up to date with the migrations in
  :mod:`mockview.store.schema`, each in its own transaction.
* A file that is not a SQLite database, fails its integrity check, or is
  another program's database (tables but no schema version), is moved aside to ``history.db.corrupt-<time>`` and a fresh database is made,
  with one line saying so: nothing is deleted, and practice can go on.
* A data directory that cannot be written is a clear error, not a traceback.
* A ``history.db`` that is not a file (a FIFO, ``/dev/null``, a folder) is
  refused before anything opens it, so no command hangs or writes into it;
  an empty one is reported, then made a database.
* A history that cannot be written (a read-only file) is opened read-only
  with a notice: everything can be read, and every write says why not.
* A schema version lowered by hand (or another tool) is put back to the
  version its tables show, instead of failing on "duplicate column".
* A full disk, a lock held by another program for over ten seconds or a
  read-only file are one line (:mod:`mockview.store.failures`).
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from mockview.errors import MockviewError
from mockview.paths import ensure_data_dir, history_db_path
from mockview.store.failures import StoreUnavailable, Trouble, store_failure, trouble_of
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


@dataclass(frozen=True)
class Opened:
    """The history's connection, and what it can do."""

    connection: sqlite3.Connection
    read_only: bool = False
    reopen: Callable[[], sqlite3.Connection] | None = None
    """For a history opened read-only because the disk was full: opens it for writing again,
    once there is room (raises :class:`StoreUnavailable` while there is none)."""


def open_history(data_dir: Path, warn: Warn | None = None) -> Opened:
    """The migrated history database in ``data_dir``, repaired if it was damaged.

    On a disk so full that SQLite cannot even make its shared-memory file,
    the history is opened read-only as it stands, with a notice, so the
    person can still practise (answers are kept, printed or written where
    they say) and the next write tries to open it properly again.
    """
    try:
        return Opened(*_open_history(data_dir, warn))
    except StoreUnavailable as failure:
        if failure.trouble is not Trouble.FULL:
            raise
        path = history_db_path(data_dir)
        if not path.is_file() or path.stat().st_size == 0:
            raise
        connection = _open_read_only(path, immutable=True)
        (warn or (lambda _message: None))(f"{failure.message}: your history can be read, but nothing new can be "
                                          "stored until there is room")
        return Opened(connection, True, lambda: _open_history(data_dir, None)[0])


def _open_history(data_dir: Path, warn: Warn | None) -> tuple[sqlite3.Connection, bool]:
    ensure_data_dir(data_dir)
    path = history_db_path(data_dir)
    say = warn or (lambda _message: None)
    if _kind_of_file(path) == "empty":
        say(f"{path} was empty (0 bytes); started a new history in it")
    problem = _damage(path)
    if problem is not None:
        aside = _move_aside(path)
        say(f"{path} {problem}; moved it to {aside.name} and started a fresh history")
    if path.exists() and not os.access(path, os.W_OK):
        connection = _open_read_only(path)
        say(f"{path} is read-only: your history can be read, but nothing new can be stored "
            "(answers are kept as drafts); make the file writable to store them")
        return connection, True
    try:
        connection = connect(path)
        _repair_lowered_version(connection, say)
        if migrate(connection) < SCHEMA_VERSION:
            _checkpoint(connection)  # a new history is small; its log of migrations is not
    except sqlite3.Error as error:
        failure = store_failure(error, path)
        if failure is None:
            raise
        raise failure from None
    return connection, False


def connect_for_reading(data_dir: Path) -> sqlite3.Connection:
    """A second connection to an opened history, for a worker thread that only reads.

    Read-only when the file cannot be written or when the disk is too full
    for SQLite's shared-memory file, as the first connection was.
    """
    path = history_db_path(data_dir)
    if path.exists() and not os.access(path, os.W_OK):
        return _open_read_only(path)
    try:
        return connect(path)
    except sqlite3.Error as error:
        if trouble_of(error, data_dir) is not Trouble.FULL:
            raise
        return _open_read_only(path, immutable=True)


def _kind_of_file(path: Path) -> str | None:
    """``None`` for no file, "file", or "empty"; anything that is not a file is refused here.

    A FIFO would hang every command at its first read, and ``/dev/null``
    takes writes and keeps none, so neither is ever opened.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise MockviewError(f"cannot open {path}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise MockviewError(f"{path} is a folder, not the history; move it away and mockview starts a new history")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device" if stat.S_ISCHR(info.st_mode) else "not a file"
        raise MockviewError(f"{path} is {kind}, not a database file; move it away and mockview starts a new history")
    return "empty" if info.st_size == 0 else "file"


def _open_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that only reads (``mode=ro``), for a history file the person cannot write;
    ``immutable`` when there is no room even for SQLite's shared-memory file."""
    try:
        flags = "mode=ro&immutable=1" if immutable else "mode=ro"
        connection = sqlite3.connect(f"file:{path}?{flags}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                     isolation_level=None)
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        found = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as error:
        raise MockviewError(f"cannot open {path}: {error}") from None
    if found != SCHEMA_VERSION:
        connection.close()
        raise MockviewError(f"{path} is read-only and was written by another version of mockview "
                            f"(schema {found}, this one knows {SCHEMA_VERSION}); make it writable")
    return connection


def _checkpoint(connection: sqlite3.Connection) -> None:
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass


_SCHEMA_STATEMENT = re.compile(
    r"^\s*(?:CREATE\s+TABLE\s+(?P<table>\w+)|CREATE\s+INDEX\s+(?P<index>\w+)"
    r"|ALTER\s+TABLE\s+(?P<altered>\w+)\s+ADD\s+COLUMN\s+(?P<column>\w+))", re.IGNORECASE)


def _applied(connection: sqlite3.Connection, migration: str) -> bool | None:
    """Whether the schema already holds what ``migration`` adds (by its first table, index or
    column); ``None`` if it adds none of those."""
    for statement in _statements(migration):
        found = _SCHEMA_STATEMENT.match(statement)
        if found is None:
            continue
        if found["table"] or found["index"]:
            kind, name = ("table", found["table"]) if found["table"] else ("index", found["index"])
            return connection.execute("SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?",
                                      (kind, name)).fetchone() is not None
        columns = {row[1] for row in connection.execute(f"PRAGMA table_info({found['altered']})")}
        return found["column"] in columns
    return None


def _repair_lowered_version(connection: sqlite3.Connection, say: Warn) -> None:
    """Put back a schema version that is lower than the tables show.

    Running the migrations again would fail on "duplicate column name" (or,
    worse, recompute what later versions keep); the tables say which
    migrations are in, so the version is set to match them.
    """
    found = connection.execute("PRAGMA user_version").fetchone()[0]
    if found >= SCHEMA_VERSION:
        return
    apparent = found
    for version in range(found, SCHEMA_VERSION):
        applied = _applied(connection, MIGRATIONS[version])
        if not applied:
            break
        apparent = version + 1
    if apparent > found:
        connection.execute(f"PRAGMA user_version = {apparent}")
        say(f"the history's schema version said {found}, but its tables are version {apparent}; "
            "set it back to match")


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
        if trouble_of(error, path.parent) is Trouble.FULL:
            return None  # no room to look: not a sign of damage (opening it says the disk is full)
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
            if connection.in_transaction:  # SQLite rolls back by itself on a full disk
                connection.execute("ROLLBACK")
            raise
    return found


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (they contain no string literals with ';')."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]
