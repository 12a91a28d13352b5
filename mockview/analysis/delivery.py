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
from mockview.analysis.lexicon import (EMPLOYER, FILLERS, GRIEVANCES, HEDGES, INSULTING, INSULTS, NOT_FILLER_AFTER,
                                       STANDING_GRIEVANCES, STOP_WORDS)
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
    complaints: tuple[str, ...] = ()
    """Where the answer runs down the speaker's employer, manager or colleagues, as typed ("my current
    manager is a nightmare"): interviewers hear it as how the candidate will one day talk of them."""

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


@cache
def _complaint_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: an insult said of the employer (in any answer), a grievance about them
    (outside stories), an insult said before the noun, and the employer named at all.

    The insult must be said *of* them ("my manager is a nightmare", "I hate my job"), not near them:
    "my manager had a terrible week" and "my manager said the draft was a mess" run nobody down.
    """
    who = rf"\b(?:{EMPLOYER}|(?<![\w'])(?:he|she))(?:'s)?"
    linking = (r"(?: (?:is|was|are|were|seems|seemed|has been|had been|have been|can be|could be|became|being"
               r"|always|just|really|so|very|completely|totally|utterly|honestly|basically|absolutely|quite|pretty"
               r"|frankly|a|an|the|such|bit|of|kind|sort|just))*")
    often = r"(?: (?:always|constantly|just|really|never|also|basically|literally|still|there|here))*"
    insult = rf"{who}{linking} (?:{INSULTS})\b|\b(?:i|we|everyone|everybody|people) (?:really |just |absolutely )?" \
             rf"(?:hate|hated|can't stand|couldn't stand|despise|despised) (?:{EMPLOYER})\b"
    return (
        re.compile(insult, re.IGNORECASE),
        re.compile(rf"{insult}|{who}{often} (?:{GRIEVANCES})\b|\b(?:{STANDING_GRIEVANCES})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{INSULTING}) (?:[\w']+ )?(?:manager|boss|company|employer|workplace|colleagues|management"
                   rf"|place to work)\b", re.IGNORECASE),
        re.compile(rf"\b(?:{EMPLOYER})\b", re.IGNORECASE),
    )


_CLAUSES = re.compile(r"(?<=[.!?;])\s+|\n+")


def employer_complaints(text: str, story: bool) -> tuple[str, ...]:
    """Where ``text`` runs down the speaker's employer, manager or colleagues: the words, as typed.

    An insult counts in any answer. A grievance ("he micromanages everything", "the pay is terrible")
    is the story of a conflict question, so it counts outside stories only. "He" or "she" is the
    employer only in or just after a sentence that names one: in a customer story "he was a
    nightmare" is the customer.
    """
    for_story, for_other, before_noun, employer = _complaint_patterns()
    wanted = for_story if story else for_other
    found: list[str] = []
    named_before = False
    for sentence in _CLAUSES.split(text.replace("’", "'")):
        names = employer.search(sentence) is not None
        for match in (wanted.search(sentence), before_noun.search(sentence)):
            if match is None:
                continue
            pronoun = match.group(0).split(" ", 1)[0].lower() in ("he", "she")
            if pronoun and not (names or named_before):
                continue
            found.append(match.group(0).strip())
            break
        named_before = names
    return tuple(found[:3])


def analyse_delivery(
    text: str,
    target: tuple[int, int],
    seconds: float | None = None,
    time_limit: float | None = None,
    story: bool = False,
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
        complaints=employer_complaints(text, story),
    )
