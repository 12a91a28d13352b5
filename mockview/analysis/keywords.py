"""Check an answer against the question's keyword rubric.

Each keyword (its term and every synonym) is compared with the answer's word
n-grams of the same length. Words are reduced to a rough stem first so that
case, plurals and tense do not matter ("prioritised" finds "prioritize"),
then compared with rapidfuzz so that small typos still count
("reconcilation" finds "reconciliation"). Whole words are compared, never
substrings, so "art" is not found inside "started"; short words must match
exactly, because one changed letter turns "plan" into "play"; a fuzzy match
that only adds a negating prefix is refused ("satisfaction" is not in
"dissatisfaction"); and terms with symbols ("C#", "C++") match as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from mockview.analysis.lexicon import STOP_WORDS
from mockview.analysis.sentences import WORD
from mockview.banks.model import Keyword

DEFAULT_THRESHOLD = 85.0
EXACT_ONLY_LENGTH = 4
"""Stems this short must match exactly: one edit is too big a change."""


@dataclass(frozen=True, slots=True)
class KeywordMatch:
    term: str
    found: str
    """The text of the answer that matched, as typed."""
    form: str
    """Which wording of the keyword matched (the term or a synonym)."""
    score: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class KeywordReport:
    matched: tuple[KeywordMatch, ...]
    missing: tuple[Keyword, ...]
    coverage: float
    """Matched weight over total weight; 1.0 when there is no rubric."""
    missing_required: tuple[str, ...]
    has_rubric: bool


class _Token(NamedTuple):
    stem: str
    start: int
    end: int
    stop: bool


_BRITISH_Z = re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$")
_DOUBLE_END = re.compile(r"([bdgmnprt])\1$")


_VOWEL = re.compile(r"[aeiouy]")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A rough stem: lowercase, no plural, no tense, one spelling of -ise/-ize.

    "code", "coded" and "coding" all become "cod"; "KPIs" becomes "kpi" while
    "analysis" keeps its "s". A suffix is only taken off when a vowel is left
    ("thing" stays "thing"), and words ending in "eed" ("need", "speed") keep it.
    """
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 2 and w.endswith("s") and w[:-1].isupper():
        w = w[:-1]  # an acronym's plural: KPIs, APIs
    w = w.lower()
    if len(w) <= 2:
        return w
    w = _BRITISH_Z.sub(r"iz\1", w)
    if w.endswith(("ies", "ied")) and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ing") and len(w) > 4 and _VOWEL.search(w[:-3]):
        w = _DOUBLE_END.sub(r"\1", w[:-3])
    elif w.endswith("ed") and not w.endswith("eed") and len(w) > 3 and _VOWEL.search(w[:-2]):
        w = _DOUBLE_END.sub(r"\1", w[:-2])
    elif w.endswith("es") and len(w) > 4 and (w[-3] in "sxz" or w.endswith(("ches", "shes"))):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    if w.endswith("e") and not w.endswith("ee") and (len(w) > 3 or w not in STOP_WORDS):
        w = w[:-1]
    return w


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in WORD.finditer(text.replace("-", " ")):
        word = match.group(0)
        tokens.append(_Token(stem(word), match.start(), match.end(), word.lower() in STOP_WORDS))
    return tokens


class _AnswerIndex:
    """The answer's n-grams, built once and shared by every keyword."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.tokens = _tokens(answer)
        self.content = [token for token in self.tokens if not token.stop]
        self._grams: dict[tuple[int, bool], tuple[list[str], list[tuple[int, int]]]] = {}
        self._exact: dict[tuple[int, bool], dict[str, int]] = {}

    def grams(self, size: int, content_only: bool) -> tuple[list[str], list[tuple[int, int]]]:
        """The n-grams of ``size`` words (as stems joined by spaces) and their spans."""
        key = (size, content_only)
        if key not in self._grams:
            tokens = self.content if content_only else self.tokens
            stems = [token.stem for token in tokens]
            keys = stems
            for offset in range(1, size):
                keys = [f"{left} {right}" for left, right in zip(keys, stems[offset:])]
            first: dict[str, int] = {}
            for index, gram in enumerate(keys):
                first.setdefault(gram, index)
            # Each distinct n-gram once, with the span of its first occurrence.
            unique = list(first)
            spans = [(tokens[i].start, tokens[i + size - 1].end) for i in first.values()]
            self._grams[key] = (unique, spans)
            self._exact[key] = {gram: position for position, gram in enumerate(unique)}
        return self._grams[key]

    def exact(self, size: int, content_only: bool, key: str) -> int | None:
        self.grams(size, content_only)
        return self._exact[(size, content_only)].get(key)


def match_keywords(
    answer: str, keywords: tuple[Keyword, ...], threshold: float = DEFAULT_THRESHOLD
) -> KeywordReport:
    """Which rubric points the answer makes, with the text that made them."""
    if not keywords:
        return KeywordReport((), (), 1.0, (), has_rubric=False)
    index = _AnswerIndex(answer)
    matched: list[KeywordMatch] = []
    missing: list[Keyword] = []
    for keyword in keywords:
        best = _best_match(index, keyword, threshold)
        if best is None:
            missing.append(keyword)
        else:
            matched.append(best)
    total = sum(keyword.weight for keyword in keywords)
    found_terms = {match.term for match in matched}
    got = sum(keyword.weight for keyword in keywords if keyword.term in found_terms)
    return KeywordReport(
        matched=tuple(matched),
        missing=tuple(missing),
        coverage=round(got / total, 3) if total else 1.0,
        missing_required=tuple(k.term for k in missing if k.required),
        has_rubric=True,
    )


def _best_match(index: _AnswerIndex, keyword: Keyword, threshold: float) -> KeywordMatch | None:
    best: KeywordMatch | None = None
    for form in keyword.forms:
        found = _match_form(index, form, threshold)
        if found is None:
            continue
        score, (start, end) = found
        if best is None or score > best.score:
            best = KeywordMatch(keyword.term, index.answer[start:end], form, score, start, end)
            if score >= 100:
                break
    return best


@lru_cache(maxsize=4096)
def _form_variants(form: str) -> tuple[tuple[str, int, bool], ...]:
    """A keyword wording as (stems joined, word count, content words only) variants.

    The second variant leaves out little words, so "cut scope" finds "cut the scope".
    """
    tokens = _tokens(form)
    if not tokens:
        return ()
    variants = [(" ".join(t.stem for t in tokens), len(tokens), False)]
    content = [t for t in tokens if not t.stop]
    if content and len(tokens) > 1:
        variants.append((" ".join(t.stem for t in content), len(content), True))
    return tuple(variants)


NEGATING_PREFIXES = ("mis", "dis", "un", "in", "im", "ir", "il", "non", "anti")
"""A fuzzy match that only adds one of these turns a word into its opposite."""
_SYMBOLIC = re.compile(r"[#+]|^\.\w")
"""Terms such as "C#", "C++" or ".NET", which words alone cannot tell apart."""
FUZZY_CANDIDATES = 5


def _opposite(key: str, candidate: str) -> bool:
    """Whether ``candidate`` is ``key`` with a negating prefix word by word, or the other way round."""
    for mine, theirs in zip(key.split(" "), candidate.split(" ")):
        shorter, longer = sorted((mine, theirs), key=len)
        extra = longer[: len(longer) - len(shorter)]
        if longer.endswith(shorter) and extra.rstrip("-") in NEGATING_PREFIXES:
            return True
    return False


@lru_cache(maxsize=1024)
def _symbolic_pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w#+.]){re.escape(form)}(?![\w#+])", re.IGNORECASE)


def _match_form(index: _AnswerIndex, form: str, threshold: float) -> tuple[float, tuple[int, int]] | None:
    if _SYMBOLIC.search(form):
        found = _symbolic_pattern(form).search(index.answer)
        return (100.0, found.span()) if found else None
    variants = _form_variants(form)
    for key, size, content_only in variants:
        found = index.exact(size, content_only, key)
        if found is not None:
            return 100.0, index.grams(size, content_only)[1][found]
    best: tuple[float, tuple[int, int]] | None = None
    for key, size, content_only in variants:
        keys, spans = index.grams(size, content_only)
        if not keys or (size == 1 and len(key) <= EXACT_ONLY_LENGTH):
            continue
        result = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=threshold)
        if result is not None and _opposite(key, result[0]):  # rare: look further down the list
            candidates = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=threshold,
                                         limit=FUZZY_CANDIDATES)
            result = next((c for c in candidates if not _opposite(key, c[0])), None)
        if result is not None and (best is None or result[1] > best[0]):
            best = (float(result[1]), spans[result[2]])
            if result[1] >= 100:
                return best
    return best
