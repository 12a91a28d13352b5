"""Everything mockview remembers: SQLite history, re-drill schedule, drafts, exports.

No Textual here. :func:`open_store` is the one way in.
"""

from __future__ import annotations

from pathlib import Path

from mockview.clock import Clock
from mockview.store.db import Warn, open_history
from mockview.store.repository import History


def open_store(data_dir: Path, *, clock: Clock | None = None, warn: Warn | None = None) -> History:
    """The history in ``data_dir`` (created, migrated or repaired as needed)."""
    return History(open_history(data_dir, warn), clock)


__all__ = ["History", "open_store"]
