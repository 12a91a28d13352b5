"""Small helpers for the words mockview prints."""

from __future__ import annotations

import hashlib
import math


def plural(count: int | float, word: str, plural_form: str | None = None) -> str:
    """``"1 word"``, ``"2 words"``."""
    shown = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{shown} {word if count == 1 else (plural_form or word + 's')}"


def times(count: int) -> str:
    """``"never"``, ``"once"``, ``"twice"``, ``"3 times"``."""
    return {0: "never", 1: "once", 2: "twice"}.get(count, f"{count} times")


def clock(seconds: float) -> str:
    """``"2:05"``: minutes and seconds, as a clock shows them."""
    if not math.isfinite(seconds):
        return "-:--"
    seconds = int(round(max(0.0, seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


SLUG_LENGTH = 60
"""Slugs name files; a long name is cut and made unique with a hash, well under any file system's limit."""


def slug(value: str) -> str:
    """A file-name-safe form of a name ("Acme Corp." -> "acme-corp"); empty if it has no letters or digits."""
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in value.lower())
    joined = "-".join(part for part in cleaned.split("-") if part)
    if len(joined) <= SLUG_LENGTH:
        return joined
    digest = hashlib.sha1(joined.encode("utf-8")).hexdigest()[:8]
    return f"{joined[: SLUG_LENGTH - 9].rstrip('-')}-{digest}"
