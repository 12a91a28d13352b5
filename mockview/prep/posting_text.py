"""A job posting's text as blocks: headings, bullets and paragraphs, each with its line.

Postings arrive pasted from a careers page, a PDF or an email, so the layout
is whatever the copy left: Markdown headings or a bold line or ``ABOUT YOU``
in capitals, bullets as ``-``, ``*``, ``•``, ``▪``, numbers or letters, a
bullet character alone on its line, and sentences broken across lines where
the PDF wrapped them (sometimes with a hyphen, sometimes with a blank line
in between). :func:`blocks` puts the pieces back together; it knows nothing
about what a heading means (see :mod:`mockview.prep.requirements`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "bullet", "text"]

BULLET = re.compile(
    r"^\s*(?:[-*+•·▪◦‣●○■□➢➤►✓✔–—\uf0b7\uf0a7]|\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-hA-H]\)|o(?=\s+[A-Z]))(?:\s+|$)"
)
"""A list item's marker: a bullet sign, ``1.``, ``2)``, ``(3)``, ``a)``, ``(b)``, or Word's ``o`` sub-bullet."""
MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
EMPHASIS_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*:?\s*$")
TERMINAL = (".", "!", "?", ":", ";")
SHORT_LINE = 45
"""A line this short that does not end a sentence is an item of its own, not half of a wrapped one."""
HEADING_WORDS = 8


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    line: int
    """The line (1-based) of the posting where the block starts."""


@dataclass
class _Open:
    kind: BlockKind
    text: str
    line: int
    last_length: int
    gap: bool = False


def clean_line(line: str) -> str:
    """One line with the invisible debris of copy and paste removed."""
    line = line.replace("\t", " ").replace("\u00a0", " ").replace("\u00ad", "")
    return re.sub(r"[\u200b-\u200d\u2060\ufeff]", "", line).rstrip()


def is_heading_line(text: str, known: bool) -> bool:
    """Whether a plain line reads as a heading: a known one, a short line ending in ':', or a short line in capitals."""
    words = text.split()
    if not words or len(words) > HEADING_WORDS:
        return False
    if known:
        return True
    if text.endswith(":") and not BULLET.match(text):
        return True
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def blocks(text: str, is_known_heading: Callable[[str], bool]) -> list[Block]:
    """The posting's blocks in order. ``is_known_heading(text)`` says whether a line names a known section."""
    lines = [clean_line(raw) for raw in text.split("\n")]
    longest = max((len(line.strip()) for line in lines), default=0)
    wrapped_at = max(SHORT_LINE, int(longest * 0.7))
    found: list[Block] = []
    current: _Open | None = None
    pending_bullet: int | None = None

    def close() -> None:
        nonlocal current
        if current is not None and current.text.strip():
            found.append(Block(current.kind, " ".join(current.text.split()), current.line))
        current = None

    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            if current is not None:
                current.gap = True
            continue
        if current is not None and not current.gap and stripped[0].islower() and pending_bullet is None:
            current.text = _join(current.text, stripped)  # "following:" on its own is the end of a sentence
            current.last_length = len(stripped)
            continue
        heading = _heading(stripped, is_known_heading)
        if heading is not None:
            close()
            pending_bullet = None
            found.append(Block("heading", heading, number))
            continue
        marker = BULLET.match(stripped)
        if marker:
            close()
            rest = stripped[marker.end():].strip()
            if not rest:
                pending_bullet = number  # a bullet sign alone: its text is on the next line
                continue
            current = _Open("bullet", rest, number, len(stripped))
            pending_bullet = None
            continue
        if pending_bullet is not None:
            current = _Open("bullet", stripped, pending_bullet, len(stripped))
            pending_bullet = None
            continue
        if current is not None and _continues(current, line, stripped, wrapped_at):
            current.text = _join(current.text, stripped)
            current.last_length = len(stripped)
            current.gap = False
            continue
        close()
        current = _Open("text", stripped, number, len(stripped))
    close()
    return found


def _heading(stripped: str, is_known_heading: Callable[[str], bool]) -> str | None:
    markdown = MARKDOWN_HEADING.match(stripped)
    if markdown:
        return _plain(markdown.group(1)) or None
    emphasis = EMPHASIS_LINE.match(stripped)
    if emphasis:
        return _plain(emphasis.group(2))
    if BULLET.match(stripped):
        return None
    plain = _plain(stripped)
    if is_heading_line(plain, is_known_heading(plain)):
        return plain.rstrip(":").strip()
    return None


def _plain(text: str) -> str:
    """Markdown emphasis and a trailing colon taken off a heading."""
    return re.sub(r"(\*\*|__|\*|_)(.+?)\1", r"\2", text).strip().rstrip(":").strip()


def _continues(current: _Open, line: str, stripped: str, wrapped_at: int) -> bool:
    """Whether a plain line carries on the block above (a wrapped sentence) or starts a new one."""
    starts_low = stripped[0].islower() or stripped[0] in "&)(,/+-–"
    if current.gap:
        # A blank line ends a block, unless a PDF put one inside a sentence.
        return starts_low and not current.text.rstrip().endswith(TERMINAL)
    if current.kind == "bullet" and line[:1].isspace():
        return True  # an indented line under a list item belongs to it
    if starts_low:
        return True
    ended = current.text.rstrip().endswith(TERMINAL)
    return not ended and current.last_length >= wrapped_at


def _join(before: str, after: str) -> str:
    if re.search(r"[a-z]-$", before) and after[:1].islower():
        return before[:-1] + after  # "manage-" + "ment": a word the PDF hyphenated
    return f"{before} {after}"


def sentences(text: str) -> list[str]:
    """A paragraph's sentences, for postings written as prose; "e.g." and "5.5" do not end one."""
    pieces = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(“‘])", text.strip())
    merged: list[str] = []
    for piece in pieces:
        if merged and re.search(r"\b(?:e\.g|i\.e|etc|approx|incl|min|max|vs|inc|ltd)\.$", merged[-1], re.I):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return [piece.strip() for piece in merged if piece.strip()]
