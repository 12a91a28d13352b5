"""The connection to the history, as sqlite-utils has it: a context manager
whose writes go through :meth:`Database.atomic`, which nests.

:class:`~mockview.store.repository.History` builds on it with what mockview
stores; this module knows nothing of sessions or attempts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Self

from mockview.clock import Clock, SystemClock
from mockview.store.query import Select


class Database:
    """One SQLite connection (made by :func:`mockview.store.db.connect`, autocommit mode).

    ``with open_store(folder) as history:`` closes the connection however
    the block ends.
    """

    def __init__(self, connection: sqlite3.Connection, clock: Clock | None = None) -> None:
        self.connection = connection
        self.clock = clock or SystemClock()
        self._depth = 0

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
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.connection.execute("ROLLBACK")
                raise
            self.connection.execute("COMMIT")
            return
        self._depth += 1
        name = f"mockview_{self._depth}"
        self.connection.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.connection.execute(f"ROLLBACK TO {name}")
            self.connection.execute(f"RELEASE {name}")
            raise
        else:
            self.connection.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

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
