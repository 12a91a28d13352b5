"""The connection to the history, as sqlite-utils has it: a context manager
whose writes go through :meth:`Database.atomic`, which nests.

:class:`~mockview.store.repository.History` builds on it with what mockview
stores; this module knows nothing of sessions or attempts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from mockview.clock import Clock, SystemClock
from mockview.store.failures import StoreUnavailable, Trouble, store_failure
from mockview.store.query import Select


class Database:
    """One SQLite connection (made by :func:`mockview.store.db.connect`, autocommit mode).

    ``with open_store(folder) as history:`` closes the connection however
    the block ends.
    """

    def __init__(self, connection: sqlite3.Connection, clock: Clock | None = None, *,
                 warn: Callable[[str], None] | None = None, read_only: bool = False,
                 reopen: Callable[[], sqlite3.Connection] | None = None) -> None:
        self.connection = connection
        self.clock = clock or SystemClock()
        self.warn = warn or (lambda _message: None)
        """Where a damaged row that had to be skipped is reported (one line each)."""
        self.read_only = read_only
        """Opened read-only (the file cannot be written): reading works, every write is refused."""
        self._reopen = reopen
        """Opened read-only only because the disk was full: how to open it for writing again."""
        self._depth = 0

    @property
    def path(self) -> Path:
        """The database file (named in messages)."""
        row = self.connection.execute("PRAGMA database_list").fetchone()
        return Path(row[2]) if row and row[2] else Path("history.db")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc_info: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """All of the block's writes or none of them; blocks nest.

        The outermost block takes the write lock at once (``BEGIN
        IMMEDIATE``), so two mockview processes queue rather than fail half
        way. A block inside another is a SAVEPOINT, as in sqlite-utils: if
        it fails and the caller catches the error, only the inner block is
        undone and the outer one goes on.
        """
        if not self.connection.in_transaction:
            if self.read_only:
                self._open_for_writing()
            with self._failures():
                self.connection.execute("BEGIN IMMEDIATE")
            try:
                with self._failures():
                    yield
                    self.connection.execute("COMMIT")
            except BaseException:
                self._roll_back()
                raise
            return
        self._depth += 1
        name = f"mockview_{self._depth}"
        self.connection.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.connection.in_transaction:  # SQLite ends the whole transaction itself on a full disk
                self.connection.execute(f"ROLLBACK TO {name}")
                self.connection.execute(f"RELEASE {name}")
            raise
        else:
            self.connection.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    def _open_for_writing(self) -> None:
        """Writing to a read-only history: refused, unless it was read-only for want of room and
        there is room again."""
        if self._reopen is None:
            raise StoreUnavailable(f"cannot write {self.path}: the file is read-only", Trouble.READ_ONLY)
        connection = self._reopen()  # raises StoreUnavailable while the disk is still full
        self.connection.close()
        self.connection = connection
        self.read_only = False
        self._reopen = None

    @contextmanager
    def _failures(self) -> Iterator[None]:
        """A full disk, a read-only file or another program's lock as one line (see :mod:`.failures`)."""
        try:
            yield
        except sqlite3.Error as error:
            failure = store_failure(error, self.path)
            if failure is None:
                raise
            raise failure from error

    def _roll_back(self) -> None:
        """Undo the open transaction, if SQLite has not already, without hiding why it failed."""
        if not self.connection.in_transaction:
            return
        try:
            self.connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the error that made us roll back is the one to report

    def reclaim_space(self) -> None:
        """Move the write-ahead log into the database and empty it: after a full disk, the log
        holds pages of the failed write that only a checkpoint gives back."""
        try:
            self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass

    def read(self, sql: str, args: Sequence[object] = ()) -> list[sqlite3.Row]:
        """The rows of one read-only query, for the reports that keep their SQL beside them."""
        return self.connection.execute(sql, args).fetchall()

    def select(self, query: Select) -> list[sqlite3.Row]:
        return self.connection.execute(query.sql, query.params).fetchall()

    def write(self, sql: str, args: Sequence[object] = ()) -> sqlite3.Cursor:
        """Run one statement that changes rows, atomically (joining the open block, if any)."""
        with self.atomic():
            return self.connection.execute(sql, args)

    @staticmethod
    def row_id(cursor: sqlite3.Cursor) -> int:
        """The id of the row an INSERT made (always set after one)."""
        assert cursor.lastrowid is not None
        return cursor.lastrowid
