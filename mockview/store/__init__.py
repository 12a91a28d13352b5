"""Everything mockview remembers: SQLite history, re-drill schedule, drafts.

No Textual here. :func:`open_store` is the one way in; the history it
returns is a context manager, so ``with open_store(folder) as history:``
closes it however the block ends.

The names below are loaded on first use (PEP 562), so importing a small
part of the store (``mockview.store.words`` for the domain words a command
line needs to build its parser) does not load SQLite and the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mockview.clock import Clock
    from mockview.store.db import Warn
    from mockview.store.repository import History


def open_store(data_dir: Path, *, clock: Clock | None = None, warn: Warn | None = None) -> History:
    """The history in ``data_dir`` (created, migrated or repaired as needed; read-only, with a
    notice through ``warn``, when its file cannot be written)."""
    from mockview.store.db import open_history
    from mockview.store.repository import History

    opened = open_history(data_dir, warn)
    return History(opened.connection, clock, warn=warn, read_only=opened.read_only, reopen=opened.reopen)


def reading(data_dir: Path, *, clock: Clock | None = None) -> History:
    """A second connection to an already opened history, for a worker thread:
    ``with reading(folder) as history:``.

    SQLite connections belong to the thread that made them; WAL lets this
    one read while the first one writes.
    """
    from mockview.store.db import connect_for_reading
    from mockview.store.repository import History

    return History(connect_for_reading(data_dir), clock)


def __getattr__(name: str) -> Any:
    if name == "History":
        from mockview.store.repository import History

        return History
    raise AttributeError(f"module 'mockview.store' has no attribute {name!r}")


__all__ = ["History", "open_store", "reading"]
