"""Everything mockview remembers: SQLite history, re-drill schedule, drafts, exports.

No Textual here. :func:`open_store` is the one way in.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mockview.clock import Clock
from mockview.paths import history_db_path
from mockview.store.db import Warn, connect, open_history
from mockview.store.repository import History


def open_store(data_dir: Path, *, clock: Clock | None = None, warn: Warn | None = None) -> History:
    """The history in ``data_dir`` (created, migrated or repaired as needed)."""
    return History(open_history(data_dir, warn), clock)


@contextmanager
def reading(data_dir: Path, *, clock: Clock | None = None) -> Iterator[History]:
    """A second connection to an already opened history, for a worker thread.

    SQLite connections belong to the thread that made them; WAL lets this
    one read while the first one writes.
    """
    history = History(connect(history_db_path(data_dir)), clock)
    try:
        yield history
    finally:
        history.close()


__all__ = ["History", "open_store", "reading"]
