"""Spelling for the CV check: pyspellchecker's English word list, plus the words a CV may use on purpose.

pyspellchecker is pure Python and reads its word frequencies from its own
package data, so the check works offline. Its list is American and knows
little office jargon, so a word is also accepted when:

- it is the British spelling of a known word ("organised", "colour", "centre");
- it is in mockview's list of workplace words (``cv_words.txt``: "onboarding", "upskilled");
- it is part of a skill in the skill vocabulary ("Kubernetes", "PostgreSQL"), never flagged;
- it is in the person's own list, ``<data dir>/words.txt`` (names, employers, places).
"""

from __future__ import annotations

from typing import Any

import re
from functools import cache
from importlib import resources
from pathlib import Path

from mockview.prep.skills import vocabulary_words

BRITISH = (
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("iser", "izer"), ("isers", "izers"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"),
    ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("ourite", "orite"), ("ourable", "orable"),
    ("tre", "ter"), ("tres", "ters"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers"),
    ("ence", "ense"), ("ogue", "og"), ("ogues", "ogs"), ("mme", "m"), ("mmes", "ms"), ("ement", "ment"),
    ("yse", "yze"), ("ae", "e"), ("oe", "e"),
)
"""British endings and their American forms: a word is right if its American form is."""


SEARCH_TWO_EDITS = 8
"""Words up to this long are also matched two edits away; longer ones cost seconds for a rare gain."""


@cache
def _checker() -> Any:
    from spellchecker import SpellChecker  # deferred: 0.3 s to load, needed by `cv check` alone

    return SpellChecker(language="en", distance=1)


@cache
def workplace_words() -> frozenset[str]:
    raw = resources.files("mockview.prep").joinpath("cv_words.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


def read_personal_words(path: Path) -> frozenset[str]:
    """The person's word list: one word (or name) a line; ``#`` starts a comment. Missing file: no words."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return frozenset()
    except OSError:
        return frozenset()
    words: set[str] = set()
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        words.update(part.lower() for part in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", line))
    return frozenset(words)


class Speller:
    """Says whether a word is spelt right, and what was probably meant."""

    def __init__(self, personal: frozenset[str] = frozenset()) -> None:
        self.accepted = workplace_words() | vocabulary_words() | personal

    def known(self, word: str) -> bool:
        lower = word.lower().replace("’", "'")
        if lower in self.accepted:
            return True
        checker = _checker()
        if lower in checker:
            return True
        if lower.endswith("'s"):
            lower = lower[:-2]
            if lower in checker or lower in self.accepted:
                return True
        return any(american in checker for american in american_forms(lower))

    def suggestion(self, word: str) -> str:
        """The likeliest intended word, or "" when there is no close one."""
        lower = word.lower()
        if len(lower) > 20:
            return ""
        checker = _checker()
        candidates = checker.known(checker.edit_distance_1(lower))
        if not candidates and len(lower) <= SEARCH_TWO_EDITS:
            candidates = checker.known(checker.edit_distance_2(lower))
        if not candidates:
            return ""
        guess = max(sorted(candidates), key=lambda candidate: checker[candidate])
        if word[:1].isupper():
            guess = guess[:1].upper() + guess[1:]
        return guess


def american_forms(word: str) -> list[str]:
    forms = []
    for british, american in BRITISH:
        if word.endswith(british) and len(word) > len(british) + 2:
            forms.append(word[: -len(british)] + american)
    if word.startswith(("pae", "oe", "anae")):
        forms.append(word.replace("ae", "e", 1).replace("oe", "e", 1))
    return forms
