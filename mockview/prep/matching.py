"""Telling when two things a person wrote mean the same: a question asked twice, a problem said twice.

Questions from real interviews are typed from memory, so "Tell me about a
time you failed" and "Describe a time when you failed." must meet, while
"...a time you hired someone" and "...fired someone" must not: what is left
after the stock opening is often two or three words, and one of them carries
the meaning. So the comparison is word by word: the stock opening and filler
words go, the rest is stemmed, a "not" on one side only keeps them apart, and
every word of the shorter text must be in the longer one (a typo allowed),
which may add at most one word of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from mockview.banks.model import Question

WORD = re.compile(r"[a-z]+")
SUFFIXES = ("ship", "work", "ure", "ing", "ed", "es", "s")
MIN_STEM = 4
TYPO = 88
"""How alike (rapidfuzz ratio) two words of five letters or more must be to count as one with a typo."""
STOCK_OPENING = re.compile(
    r"^(?:please\s+)?(?:can you\s+|could you\s+)?"
    r"(?:tell (?:me|us) (?:a (?:little )?bit |a little )?about|describe|give (?:me |us )?an example of"
    r"|walk me through|talk me through|share)\b"
    r"(?:\s+(?:a|an|the)\b)?(?:\s+(?:time|situation|moment|occasion|example)\b)?"
    r"(?:\s+(?:when|where|that|in which)\b)?(?:\s+you\b)?\s*"
)
NEGATIONS = frozenset({"not", "no", "never", "nothing", "without", "didn't", "don't", "doesn't", "wasn't",
                       "weren't", "couldn't", "wouldn't", "won't", "can't", "cannot", "isn't", "haven't", "hadn't"})
FILLER = frozenset("""
a an the and or but so of on in at to for with from by as into about over after before during
i me my mine we us our you your yours he she they them their it its this that these those there here
is are was were be been being am do does did done have has had having will would can could should may might
what what's whats which who whom whose when where why how time times someone something again too very
really much more most just also still even tell describe give example walk talk share please
""".split())


SAME_WORD = {
    "biggest": "greatest", "largest": "greatest",
    "coworker": "colleague", "coworkers": "colleague", "colleagues": "colleague", "teammate": "colleague",
    "boss": "manager", "job": "role", "position": "role", "resume": "cv", "résumé": "cv",
}
"""Words interviewers use for one another in the classic questions: "What is your biggest weakness?"
is "What is your greatest weakness?", a coworker is a colleague."""


def stem(word: str) -> str:
    """A rough stem ("failure", "failed" -> "fail"), enough to match a competency to a question."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def normalise(text: str) -> str:
    """Lower case, no punctuation, and no stock opening: what a question or problem is about."""
    plain = " ".join(re.sub(r"[^\w\s'-]", " ", text.lower()).split())
    return STOCK_OPENING.sub("", plain) or plain


@lru_cache(maxsize=8192)
def content_words(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(the negations in it, its stemmed content words); cached, as bank texts are compared again and again."""
    words = re.findall(r"[a-z][a-z']*", normalise(text).replace("co-worker", "coworker"))
    negations = frozenset(word for word in words if word in NEGATIONS)
    return negations, tuple(stem(SAME_WORD.get(word, word).replace("'", "")) for word in words
                            if word not in FILLER and word not in NEGATIONS)


def _same_word(first: str, second: str) -> bool:
    return first == second or (min(len(first), len(second)) >= 5 and fuzz.ratio(first, second) >= TYPO)


def alike(first: str, second: str) -> bool:
    """Whether two questions or problems written by a person say the same thing."""
    return _difference(first, second) is not None


def _difference(first: str, second: str) -> int | None:
    """How many words the longer text adds when the two say the same thing (0: the same words),
    or ``None`` when they do not."""
    first_negations, first_words = content_words(first)
    second_negations, second_words = content_words(second)
    if first_negations != second_negations:
        return None
    if not first_words or not second_words:
        return 0 if normalise(first) == normalise(second) else None
    shorter, longer = sorted((first_words, second_words), key=len)
    unmatched = list(longer)
    for word in shorter:
        match = next((other for other in unmatched if _same_word(word, other)), None)
        if match is None:
            return None
        unmatched.remove(match)
    return len(unmatched) if len(unmatched) <= (1 if len(shorter) >= 2 else 0) else None


def same_competency(first: str, second: str) -> bool:
    """"customer-focus" and "customer focus", "failure" and "failures": the same competency."""
    return [stem(w) for w in WORD.findall(first.lower())] == [stem(w) for w in WORD.findall(second.lower())]


def closest_question(text: str, questions: Iterable[Question], company: str | None = None,
                     role: str | None = None) -> tuple[Question, str] | None:
    """The bank question that says the same as ``text``, and its wording as asked.

    Research questions are compared as they would have been asked at
    ``company`` ("Why do you want to work at Acme?"), not as templates.
    The closest wording wins: the same words before one with a word more,
    then the banks' order.
    """
    best: tuple[int, Question, str] | None = None
    for question in questions:
        asked = question.render_text(company, role)
        difference = _difference(text, asked)
        if difference is not None and (best is None or difference < best[0]):
            best = (difference, question, asked)
            if difference == 0:
                break
    return (best[1], best[2]) if best is not None else None


def category_of(text: str, questions: Iterable[Question]) -> str:
    """The category of a question typed from memory: the bank question worded the same,
    else a category its words name ("...a time you failed" -> failure)."""
    questions = list(questions)
    same = closest_question(text, questions)
    if same is not None and same[0].category:
        return same[0].category
    said = {stem(word) for word in WORD.findall(text.lower())}
    for name in sorted({q.category for q in questions if q.category}):
        if any(stem(part) in said for part in WORD.findall(name)):
            return name
    return ""
