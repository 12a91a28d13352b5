"""Writing the person's own YAML files (profiles, the story bank) from the app.

The app writes a file back from what it read, so comments the person wrote
by hand cannot survive the rewrite. Rather than lose them silently, the old
file is kept next to the new one as ``<name>.bak`` whenever it held any.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mockview.errors import MockviewError
from mockview.store.drafts import write_atomically


@dataclass(frozen=True, slots=True)
class Saved:
    path: Path
    backup: Path | None = None
    """The previous version, kept because it had comments of the person's own."""


def has_own_comments(text: str, header: str) -> bool:
    """Whether ``text`` holds comment lines other than the header mockview writes."""
    own = {line.strip() for line in header.splitlines()}
    return any(line.strip().startswith("#") and line.strip() not in own for line in text.splitlines())


def write_yaml(path: Path, data: dict[str, Any], header: str, *, previous: Path | None = None) -> Saved:
    """Write ``data`` under a comment ``header``, keeping a hand-commented old file as ``.bak``.

    ``previous`` is where the old version is when it is not ``path`` (a profile renamed).
    """
    backup = None
    previous = previous or path
    try:
        if previous.is_file():
            old = previous.read_text(encoding="utf-8", errors="replace")
            if has_own_comments(old, header):
                backup = path.with_name(path.name + ".bak")
                write_atomically(backup, old, shared=True)
        text = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        write_atomically(path, text, shared=True)
    except OSError as error:
        raise MockviewError(f"cannot write {path}: {error.strerror or error}") from None
    return Saved(path, backup)
