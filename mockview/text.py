"""Small helpers for the words mockview prints."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from typing import Any, TextIO


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


def normalised(text: str) -> str:
    """One kind of apostrophe and single spaces, so phrases match across curly quotes and line wraps."""
    if "’" in text or "‘" in text:
        text = text.replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


# --- text shown to a person ------------------------------------------------

_BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""Embeddings, overrides and isolates, which reorder the text after them: an RTL override can
make a line read as something it is not. (The direction marks U+200E and U+200F cannot, and
right-to-left writers need them.)"""
_LINE_SEPARATORS = (0x2028, 0x2029)


def _visible(codepoint: int) -> str:
    if codepoint < 0x20:
        return "^" + chr(codepoint + 0x40)  # ESC -> ^[, as a terminal's own caret notation
    if codepoint == 0x7F:
        return "^?"
    return f"<U+{codepoint:04X}>"


_SHOWN = {
    codepoint: _visible(codepoint)
    for codepoint in (
        *(c for c in range(0x20) if chr(c) not in "\n\t"),
        *range(0x7F, 0xA0),
        *_BIDI_CONTROLS,
        *_LINE_SEPARATORS,
    )
}
_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in _SHOWN) + "]")


def unsafe_character(text: str) -> int | None:
    """The index of the first character :func:`shown` would rewrite, or ``None``.

    Readers of the person's files use it to refuse such text at its
    ``file:line:column`` instead of storing something no one can see.
    """
    found = _UNSAFE.search(text)
    return found.start() if found else None


def shown(text: str) -> str:
    """``text`` as it may reach a terminal, a file or a screen: the one rule for showing stored text.

    Control characters other than newline and tab become visible escapes
    (ESC as ``^[``, DEL as ``^?``, C1 controls, bidirectional overrides and
    line separators as ``<U+202E>``), so a stored answer, debrief or
    question can never retitle the terminal, set the clipboard, clear the
    screen or read backwards. Every front end, the command line and every
    export show text through this function; nothing else is changed.
    """
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_SHOWN)


_TERMINAL_CODE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"                 # CSI, 7- or 8-bit: colours, cursor moves ("\x1b[31m")
    r"|(?:\x1b[]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x00-\x1f\x7f\x9c]*(?:\x07|\x1b\\|\x9c)?"
    # OSC, DCS, SOS, PM, APC (titles, clipboard, links), to BEL or ST, never past a line or another control
    r"|\x1b[ -/]*[0-~]"                                # other escapes: ESC ( B, ESC 7
    r"|\x1b"                                           # a lone ESC
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"           # other controls; newline, tab and carriage return stay
)


def without_terminal_codes(text: str) -> str:
    """``text`` with terminal control sequences blanked to spaces of the same length: what was said.

    A paste from a coloured terminal carries "\x1b[31m": its digits are no
    figure in the answer, and "[31mbroken" is no word. Blanking keeps every
    offset, so a sentence found in the result is at the same place in the
    text as typed (which is what is stored, unchanged).
    """
    if _UNSAFE.search(text) is None:
        return text
    return _TERMINAL_CODE.sub(lambda found: " " * len(found.group(0)), text)


def one_line(text: str) -> str:
    """:func:`shown`, with newlines made visible too: for messages that must stay on one line."""
    return shown(text).replace("\n", "^J")


def describe_character(char: str) -> str:
    """How a message names a character it refuses: "the control character ^[ (U+001B)"."""
    codepoint = ord(char)
    if codepoint in _BIDI_CONTROLS:
        return f"the bidirectional control U+{codepoint:04X}"
    if codepoint in (0x85, *_LINE_SEPARATORS):
        return f"the line separator U+{codepoint:04X}"
    visible = _SHOWN.get(codepoint, "")
    shown_as = f"{visible} " if visible and not visible.startswith("<") else ""
    return f"the control character {shown_as}(U+{codepoint:04X})"


def json_escaped(json_text: str) -> str:
    """JSON text with the characters :func:`shown` rewrites written as ``\\uXXXX`` escapes.

    Lossless: a JSON reader gets the very same strings back, while a person
    reading the JSON in a terminal sees escapes instead of their effects.
    Such characters can only stand inside JSON strings, where the escape is
    valid.
    """
    return _UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", json_text)


class ShownStream:
    """A text stream whose writes go through :func:`shown`: the command line's stdout and stderr.

    Everything else (``fileno``, ``isatty``, ``flush``...) is the wrapped
    stream's, so a front end reading a terminal key by key still finds it.
    """

    def __init__(self, stream: TextIO) -> None:
        self.wrapped = stream

    def write(self, text: str) -> int:
        self.wrapped.write(shown(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)


# --- text written into Markdown and CSV for a person ----------------------------

_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|~&!#])")
"""Characters Markdown may read as markup anywhere in a line: links and images (``[]!``; no
link without brackets), HTML and entities (``<>&``), emphasis, code, tables, strike-through,
headings."""
_MARKDOWN_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)
"""What starts a list item, a heading underline or a numbered item at the start of a line."""


def markdown_text(text: str) -> str:
    """``text`` for a Markdown document, read as the words typed: no link, image, HTML or emphasis.

    A bare address stays as typed (a renderer may link it, but the link
    says where it goes); ``[click](...)`` and ``<img>`` become text.
    Control characters are made visible by :func:`shown`.
    """
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", shown(text))
    return _MARKDOWN_LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(found: re.Match[str]) -> str:
    indent, marker, number, dot = found.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{number}\\{dot}"


def markdown_line(text: str) -> str:
    """:func:`markdown_text` on one line (a heading, a list item): line breaks become spaces."""
    return markdown_text(" ".join(text.split()))


def markdown_code(text: str) -> str:
    """``text`` as a Markdown code span, whatever backticks it holds."""
    text = " ".join(shown(text).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def markdown_fence(text: str, info: str = "text") -> list[str]:
    """``text`` as a fenced block, the fence longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"^\s*(`{3,})", text, re.MULTILINE)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{info}", shown(text).rstrip(), fence]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will not run: text starting like a formula gets a leading ``'`` (OWASP).

    Numbers are left as numbers; text is :func:`shown`.
    """
    if not isinstance(value, str):
        return value
    return "'" + shown(value) if value.startswith(_FORMULA_START) else shown(value)
