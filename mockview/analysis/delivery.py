"""How the answer would come across when said aloud.

A typed answer stands for a spoken one, so length is also given as speaking
time at an ordinary interview pace. Fillers ("um", "basically", "like" as a
filler) and hedges ("I think", "maybe", "just") are counted with care: "I
like", "would like" and "what kind of" are not fillers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from mockview.analysis.cues import required_literals
from mockview.analysis.lexicon import FILLERS, HEDGES, NOT_FILLER_AFTER, STOP_WORDS
from mockview.analysis.sentences import WORD

SPEAKING_WPM = 145
"""Words a minute at a calm interview pace."""
LONGEST_SPOKEN = 180
"""Seconds: answers that would take longer than this to say lose the listener."""
SHORTEST_SPOKEN = 45
"""Seconds: answers shorter than this rarely tell a whole story."""
PLAUSIBLE_TYPING_WPM = 250
"""Faster than this the answer was pasted, and a typing speed means nothing."""
I_FORMS = frozenset({"i", "i'm", "i've", "i'd", "i'll"})
WE_FORMS = frozenset({"we", "we're", "we've", "we'd", "we'll"})
"""Contractions count too, as they do in the STAR analysis's Action count."""

_NUMBER = re.compile(
    r"(?<![\w.])(?:[$£€¥]\s?)?\d+(?:[.,:]\d+)*(?:\s?(?:%|percent|per cent|k|m|bn)\b)?"
    r"|(?<!\w)(?:half|double|doubled|halved|tripled|twice|dozen|hundreds?|thousands?|millions?|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety)(?!\w)"
)
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    words: int
    target: tuple[int, int]
    length: str
    """"empty", "far too short", "short", "ok" or "long"."""
    speaking_seconds: float
    seconds: float | None
    time_limit: float | None
    overtime: float
    """Seconds past the time limit (0 when within it or untimed)."""
    wpm: float | None
    """Typing speed, words a minute, when the time taken is known."""
    fillers: dict[str, int]
    hedges: dict[str, int]
    i_count: int
    we_count: int
    numbers: int
    top_words: list[tuple[str, int]]

    @property
    def filler_count(self) -> int:
        return sum(self.fillers.values())

    @property
    def hedge_count(self) -> int:
        return sum(self.hedges.values())


@cache
def _pattern(expression: str) -> tuple[re.Pattern[str], frozenset[str] | None]:
    return re.compile(whole_words(expression)), required_literals(expression)


def whole_words(expression: str) -> str:
    r"""``expression`` as a regex that matches whole words only, and that ``re`` can search for fast.

    Every alternative is bounded: ``(?<!\w)a|b|c(?!\w)`` bounded only the first and the last, so
    "um likely" counted a filler "like". And the bound in front is put after the first letter:
    a pattern that opens on a lookbehind, ``(?<!\w)u+m+``, makes ``re`` try it at every
    character, some 100 µs a pattern on a 500-word answer, where ``u(?<!\wu)u*m+`` (the same
    test: no letter before the "u") lets it jump from one "u" to the next, 20 to 30 times faster.
    """
    alternatives = []
    for alternative in _top_level_alternatives(expression):
        first, after = alternative[:1], alternative[1:2]
        if first.isalpha() and first.isascii() and after not in ("*", "?", "{"):
            rest = alternative[1:]
            if after == "+":
                rest = first + "*" + rest[1:]
            alternatives.append(f"{first}(?<!\\w{first}){rest}")
        else:
            alternatives.append(f"(?<!\\w)(?:{alternative})")
    return "(?:" + "|".join(alternatives) + ")(?!\\w)"


def _top_level_alternatives(expression: str) -> list[str]:
    """``expression`` split at the ``|`` that are outside any group or character class."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(expression):
        char = expression[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            opening = 2 if expression[index + 1:index + 2] == "^" else 1
            if expression[index + opening:index + opening + 1] == "]":
                index += opening  # "[]...]", "[^]...]": a "]" first in a class is a literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(expression[start:index])
            start = index + 1
        index += 1
    parts.append(expression[start:])
    return parts


_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")


def count_phrases(text: str, table: dict[str, str]) -> dict[str, int]:
    """How often each phrase of ``table`` occurs in lowercased ``text``, leaving out zero counts."""
    counts = {}
    for name, expression in table.items():
        pattern, needs = _pattern(expression)
        if needs is not None and not any(literal in text for literal in needs):
            continue
        excluded = NOT_FILLER_AFTER.get(name, frozenset())
        found = 0
        for match in pattern.finditer(text):
            before = _PREVIOUS_WORD.search(text, max(0, match.start() - 30), match.start())
            if before and before.group(1).lower() in excluded:
                continue
            found += 1
        if found:
            counts[name] = found
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def how_short(words: int, target: tuple[int, int]) -> str:
    """"well short" under half the length a question wants, else "on the short side": 47 words to a
    150-350 story and 142 words were told the same (found by a new-user run)."""
    return "well short" if words < target[0] / 2 else "on the short side"


def length_band(words: int, target: tuple[int, int]) -> str:
    low, high = target
    if words == 0:
        return "empty"
    if words < low / 4:
        return "far too short"
    if words < low:
        return "short"
    if words > high:
        return "long"
    return "ok"


def analyse_delivery(
    text: str,
    target: tuple[int, int],
    seconds: float | None = None,
    time_limit: float | None = None,
) -> DeliveryReport:
    normalised = _LINE_BREAK.sub(" ", text.replace("’", "'")).lower()
    lowered = WORD.findall(normalised)
    content = Counter(word for word in lowered if word not in STOP_WORDS and len(word) > 2 and not word.isdigit())
    top = [(word, count) for word, count in sorted(content.items(), key=lambda item: (-item[1], item[0])) if count >= 2][:5]
    overtime = max(0.0, seconds - time_limit) if seconds is not None and time_limit else 0.0
    wpm = round(len(lowered) / (seconds / 60), 1) if seconds is not None and seconds >= 1 else None
    return DeliveryReport(
        words=len(lowered),
        target=target,
        length=length_band(len(lowered), target),
        speaking_seconds=round(len(lowered) / SPEAKING_WPM * 60, 1),
        seconds=round(seconds, 1) if seconds is not None else None,
        time_limit=time_limit,
        overtime=round(overtime, 1),
        wpm=wpm,
        fillers=count_phrases(normalised, FILLERS),
        hedges=count_phrases(normalised, HEDGES),
        i_count=sum(1 for word in lowered if word in I_FORMS),
        we_count=sum(1 for word in lowered if word in WE_FORMS),
        numbers=len(_NUMBER.findall(normalised)),
        top_words=top,
    )
