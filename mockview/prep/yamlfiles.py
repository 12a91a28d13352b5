"""Writing the person's own YAML files (profiles, the story bank) from the app.

The app writes a file back from what it read, so comments the person wrote
by hand cannot survive the rewrite. Rather than lose them silently, the old
file is kept next to the new one as ``<name>.bak`` whenever it held any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mockview.errors import MockviewError
from mockview.files import os_error_text, write_atomically


@dataclass(frozen=True, slots=True)
class Saved:
    path: Path
    backup: Path | None = None
    """The previous version, kept because it had comments of the person's own."""


def comment_patterns(*templates: str) -> list[re.Pattern[str]]:
    """The comment lines mockview itself writes (headers, starter files), as patterns:
    a ``{placeholder}`` in them matches anything."""
    patterns = []
    for template in templates:
        for line in template.splitlines():
            comment = line.strip()
            if comment.startswith("#"):
                parts = re.split(r"\{\w+\}", comment)
                patterns.append(re.compile(".*".join(re.escape(part) for part in parts) + r"\Z"))
    return patterns


def has_own_comments(text: str, ours: list[re.Pattern[str]]) -> bool:
    """Whether ``text`` holds comment lines other than the ones mockview writes."""
    return any(
        line.strip().startswith("#") and not any(p.match(line.strip()) for p in ours) for line in text.splitlines()
    )


def write_yaml(path: Path, data: dict[str, Any], header: str, *, templates: tuple[str, ...] = (),
               previous: Path | None = None) -> Saved:
    """Write ``data`` under a comment ``header``, keeping a hand-commented old file as ``.bak``.

    ``templates`` are starter files mockview wrote, whose comments are not the
    person's; ``previous`` is where the old version is when it is not ``path``
    (a profile renamed).
    """
    backup = None
    previous = previous or path
    try:
        if previous.is_file():
            old = previous.read_text(encoding="utf-8", errors="replace")
            if has_own_comments(old, comment_patterns(header, *templates)):
                backup = path.with_name(path.name + ".bak")
                write_atomically(backup, old, shared=True)
        text = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        write_atomically(path, text, shared=True)
    except OSError as error:
        raise MockviewError(f"cannot write {path}: {os_error_text(error)}") from None
    return Saved(path, backup)
