"""Telling when two things a person wrote mean the same: a question asked twice, a problem said twice.

Questions from real interviews are typed from memory, so "Tell me about a
time you failed" and "Describe a time when you failed." must meet, while
"...a time you failed" and "...a time you led a team" must not. The stock
opening of a behavioral question is dropped before comparing, and the rest
is compared word by word in any order (rapidfuzz token sort ratio).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from mockview.banks.model import Question

WORD = re.compile(r"[a-z]+")
SUFFIXES = ("ship", "work", "ure", "ing", "ed", "es", "s")
MIN_STEM = 4
SAME = 85
"""How alike (token sort ratio, 0-100) two normalised texts must be to count as the same."""
STOCK_OPENING = re.compile(
    r"^(?:please\s+)?(?:can you\s+|could you\s+)?"
    r"(?:tell me about|tell us about|describe|give (?:me |us )?an example of|walk me through|talk me through|share)"
    r"\s+(?:a|an|the)?\s*(?:time|situation|moment|occasion|example)?\s*(?:when|where|that|in which)?\s*(?:you)?\s*"
)


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


def alike(first: str, second: str) -> bool:
    return fuzz.token_sort_ratio(normalise(first), normalise(second)) >= SAME


def same_competency(first: str, second: str) -> bool:
    """"customer-focus" and "customer focus", "failure" and "failures": the same competency."""
    return [stem(w) for w in WORD.findall(first.lower())] == [stem(w) for w in WORD.findall(second.lower())]


def closest_question(text: str, questions: Iterable[Question]) -> Question | None:
    """The question worded the same as ``text``, if there is one."""
    wanted = normalise(text)
    best, found = 0.0, None
    for question in questions:
        score = fuzz.token_sort_ratio(wanted, normalise(question.text))
        if score > best:
            best, found = score, question
    return found if best >= SAME else None


def category_of(text: str, questions: Iterable[Question]) -> str:
    """The category of a question typed from memory: the bank question worded the same,
    else a category its words name ("...a time you failed" -> failure)."""
    questions = list(questions)
    same = closest_question(text, questions)
    if same is not None and same.category:
        return same.category
    said = {stem(word) for word in WORD.findall(text.lower())}
    for name in sorted({q.category for q in questions if q.category}):
        if any(stem(part) in said for part in WORD.findall(name)):
            return name
    return ""
