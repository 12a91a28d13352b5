"""Split a typed answer into sentences, keeping where each one came from.

Typed answers are messy: bullet lists, numbered steps, headings such as
"Situation" on a line of their own, abbreviations ("e.g.", "Dr.", "U.S."),
decimals and versions ("3.5", "v2.1"), quotes, and long run-on paragraphs
with no full stop at all. Each :class:`Sentence` keeps its character span in
the original answer so a front end can colour the answer in place, and the
STAR label (if the person wrote one) that it sits under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockview.analysis.lexicon import ABBREVIATIONS, LABELS, SINGLE_LETTER_LABELS

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+|[.,]\d+)*")
"""A word: letters or digits, with inner apostrophes and hyphens; "3,000" and "2.5" are one word."""

_BULLET = re.compile(r"^[ \t]*(?:[-*•·+–—▪►]|\(?\d{1,2}[.)]|\(?[a-z][.)](?=\s))[ \t]+")
_TERMINATOR = re.compile(r"[.!?…]+['\"”’)\]]*(?=\s|$)|[。！？]+")
_PRONOUN_I = re.compile(r"I(?:['’]\w+)?\b")
_RUN_ON_WORDS = 45
_RUN_ON_SPLIT = re.compile(
    r"(?:,\s+|\s+)(?=(?:and then|and so|so then|then|so|but|after that|afterwards|which meant|because of that|in the end|finally|eventually)\b)",
    re.IGNORECASE,
)

_LABEL_WORDS = sorted(LABELS, key=len, reverse=True)
_LABEL_ALTERNATION = "|".join(re.escape(word) for word in _LABEL_WORDS)
_LABEL_PREFIX = re.compile(
    rf"^[ \t]*(?:#+[ \t]*)?(?:\*\*|__|\*|_)?[ \t]*(?P<label>{_LABEL_ALTERNATION})[ \t]*(?:\*\*|__|\*|_)?"
    rf"[ \t]*(?P<sep>[:\-–—.)]|\*\*|$)[ \t]*(?:\*\*|__)?[ \t]*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the answer and where it is."""

    text: str
    start: int
    end: int
    label: str | None = None
    """The STAR part announced by an explicit label this sentence sits under."""
    bullet: bool = False
    word_count: int = 0
    own_label: bool = False
    """The label is written on this sentence itself, not inherited from one above."""
    label_word: str = ""
    """The label as written, lowercase, when it is the sentence's own ("lesson" for "Lesson: ..."): a
    label can say what the sentence is, and the label's words are not in ``text``."""


def match_label(line: str) -> tuple[str, int] | None:
    """The STAR part a line's leading label announces, and where its text starts (see :func:`read_label`)."""
    found = read_label(line)
    return None if found is None else found[:2]


def read_label(line: str) -> tuple[str, int, str] | None:
    """The STAR part a line's leading label announces, and where its text starts.

    Accepts "Situation:", "S:", "**Task** -", "Action —", "## Result" and a
    label alone on its line. One-letter labels need a separator, and a word
    like "Action" only counts when followed by a separator or nothing, so an
    ordinary sentence that starts "Actions speak..." is not a label.
    """
    match = _LABEL_PREFIX.match(line)
    if not match:
        return None
    label = match.group("label").lower()
    if label in SINGLE_LETTER_LABELS and match.group("sep") in ("", "."):
        return None  # a bare "S" line, or an initial as in "A. Smith"
    return LABELS[label], match.end(), label


def split_sentences(text: str) -> list[Sentence]:
    """The answer's sentences in order, with spans into ``text``."""
    sentences: list[Sentence] = []
    label: str | None = None
    for line_start, body in _logical_lines(text):
        bullet = _BULLET.match(body)
        offset = bullet.end() if bullet else 0
        # A label inside a list item names that item only; a label on its
        # own line or starting a paragraph holds until the next label.
        item_label = label
        for start, end in _sentence_spans(body, offset):
            found = read_label(body[start:end])
            written = ""
            if found is not None:
                item_label, skip, written = found
                start += skip
                if not bullet:
                    label = item_label
            _emit(body, start, end, line_start, item_label, bullet is not None, sentences, found is not None, written)
    return sentences


_ENDS_LINE = re.compile(r"(?:[.!?…]+['\"”’)\]]*|[。！？]+)$")
_LAST_LINE_WORD = re.compile(r"([^\W\d_]+)\W*$")
_TAIL = 40
_NEVER_LAST = frozenset(
    """a an the my our your his her their its every each of into onto than and or but if because while
    which whose very""".split()
)
"""Words no sentence or note ends on: a line ending on one ("...a regional chain of\nDental Care")
was wrapped."""
_TITLES = frozenset("dr mr mrs ms mx prof rev sgt capt".split())
"""Titles no sentence ends on, though they end in a full stop: a line ending "...to see Dr." was wrapped
before the name ("Dr.\nSmith")."""
_LONG_LINE_LAST = frozenset("to in on at by for with from about".split())
"""Prepositions a clause can end on ("the bug we were stuck on"): a line ending on one was wrapped
only when it is as long as a wrapped line ("...the vendor was retiring in\nMarch")."""
WRAPPED_LINE = 45
"""Characters: a line at least this long in punctuated prose, not ending a sentence, was wrapped by
the width of the window it was written in. Notes are shorter ("Budget was cut")."""


_SPOKEN_OPENING = re.compile(
    r"(?:and|so|but|then|um+|uh+|erm|well|anyway|after that|oh|ok|okay|yeah|i|i'm|i'd|i've"
    r"|i'll|we|he|she|they)\b", re.IGNORECASE)
"""How a spoken line starts: a word that opens an utterance, not one that carries a wrapped clause on."""


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Lines with hard-wrapped sentences joined back together.

    A line that is not a list item and follows a line that did not end a sentence continues
    that sentence when it starts in lower case or with "I" ("...and it\nwas my job"), when
    the line before ended on a word no sentence ends on ("...the\nChief Executive"), or when
    the line before was a long line of punctuated prose, a sentence having ended inside it
    ("...it was carnage that night. I remember one\nSaturday"):
    a pasted email wraps wherever the width runs out, proper names included, where a list
    of notes has no full stops and short lines. A line that starts with a label ("Result:")
    starts afresh unless it starts in lower case after an open line ("the\nproblem. Then").
    Text with hardly a full stop (fewer than one for every three lines: a spoken answer
    transcribed, notes typed as lines) is read differently: a line there continues the one before
    unless it opens as speech does ("and i put each of them...", "so then", "i rang..."), which
    a line wrapped by a window's width rarely does ("...enjoyed hearing\nabout the team").
    The newline stays inside the text, so spans stay exact.
    """
    spans: list[list[int]] = []
    position = 0
    previous_open = previous_wrapped = False
    punctuated = len(_TERMINATOR.findall(text)) >= -(-(text.count("\n") + 1) // 3)  # one for every three lines
    for raw in text.splitlines(keepends=True):
        start = position
        position += len(raw)
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            previous_open = False
            continue
        bullet = _BULLET.match(body) is not None
        lower_start = stripped[0].islower() or _PRONOUN_I.match(stripped) is not None
        continues = previous_open and not bullet and (
            (lower_start and (punctuated or _SPOKEN_OPENING.match(stripped) is None))
            or (previous_wrapped and match_label(body) is None)
        )
        if continues:
            spans[-1][1] = start + len(body)
        else:
            spans.append([start, start + len(body)])
        tail = stripped[-_TAIL:]  # the end is enough; a regex anchored at "$" would try every start of a long line
        last_word = _LAST_LINE_WORD.search(tail)
        last = last_word.group(1).lower() if last_word is not None else ""
        on_a_title = last in _TITLES and tail.endswith(".")
        previous_open = (on_a_title or not _ENDS_LINE.search(tail)) and match_label(body) is None
        long_line = len(stripped) >= WRAPPED_LINE
        previous_wrapped = on_a_title or last in _NEVER_LAST or (
            punctuated and long_line and (last in _LONG_LINE_LAST or _is_prose(stripped)))
    return [(first, text[first:last]) for first, last in spans]


def _is_prose(line: str) -> bool:
    """Whether a sentence ends inside ``line``: read only for long lines that did not end one."""
    return any(_ends_sentence(line, found.start(), found.end()) for found in _TERMINATOR.finditer(line))


def _sentence_spans(line: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    start = offset
    for match in _TERMINATOR.finditer(line, offset):
        end = match.end()
        if _ends_sentence(line, match.start(), end):
            spans.append((start, end))
            start = end
    spans.append((start, len(line)))
    return spans


_LAST_WORD = re.compile(r"[^\s(\[\"“]+$")


def _ends_sentence(line: str, dot: int, end: int) -> bool:
    """Whether the terminator at ``dot`` really ends a sentence."""
    if line[dot] != ".":
        return True
    word_match = _LAST_WORD.search(line, max(0, dot - 40), dot)
    word = word_match.group(0).lower() if word_match else ""
    following = line[end : end + 40].lstrip()  # the next words are enough; the rest of a long line is not
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return False
    if word in ("no", "nos") and following[:1].isdigit():
        return False  # "No. 5"
    if len(word) == 1 and word.isalpha() and line[dot - 1].isupper():
        return False  # an initial: "J. Smith"
    if following[:1].islower():
        return False  # "approx. three", "etc. and"
    return True


def _emit(
    line: str,
    start: int,
    end: int,
    line_start: int,
    label: str | None,
    bullet: bool,
    out: list[Sentence],
    own_label: bool = False,
    label_word: str = "",
) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped or not WORD.search(stripped):
        return
    begin = start + len(piece) - len(piece.lstrip())
    finish = begin + len(stripped)
    for number, (part_start, part_end, word_count) in enumerate(_split_run_on(line, begin, finish)):
        out.append(
            Sentence(
                text=line[part_start:part_end],
                start=line_start + part_start,
                end=line_start + part_end,
                label=label,
                bullet=bullet,
                word_count=word_count,
                own_label=own_label and number == 0,
                label_word=label_word if own_label and number == 0 else "",
            )
        )


def _split_run_on(line: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Break a very long unpunctuated stretch at natural joints ("so", "then").

    Returns ``(start, end, word count)`` for each piece.
    """
    text = line[start:end]
    count = len(WORD.findall(text))
    if count <= _RUN_ON_WORDS:
        return [(start, end, count)]
    cuts = [m.start() for m in _RUN_ON_SPLIT.finditer(text)]
    pieces: list[tuple[int, int]] = []
    piece_start = 0
    for cut in cuts:
        if len(WORD.findall(text[piece_start:cut])) >= 12:
            pieces.append((piece_start, cut))
            piece_start = cut
    pieces.append((piece_start, len(text)))
    spans = []
    for a, b in pieces:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip(" ,"))
        trail = len(chunk) - len(chunk.rstrip())
        words = len(WORD.findall(chunk))
        if words:
            spans.append((start + a + lead, start + b - trail, words))
    return spans
