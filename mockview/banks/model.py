"""The question-bank model: what a bank file means once it has been checked.

These dataclasses are frozen: a loaded bank is a value, shared by the TUI,
the command line and the analysis without anyone changing it behind the
others' backs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Kind = Literal["star", "research", "open", "closing"]
KINDS: tuple[Kind, ...] = ("star", "research", "open", "closing")
"""star: a story is expected; research: about the company; open: anything else;
closing: the candidate's own questions at the end ("any questions for us?")."""

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Bank and question ids: lowercase letters and digits, words joined by '-'."""

DEFAULT_TIME_LIMIT = 150
MAX_TIME_LIMIT = 24 * 3600
"""Seconds: a longer time limit is a typo, not a plan."""
DEFAULT_WORDS: dict[str, tuple[int, int]] = {
    "star": (150, 350),
    "open": (60, 250),
    "research": (80, 250),
    "closing": (20, 150),
}
"""Target answer length by kind when a bank does not set ``words``."""

NEUTRAL_FILLS = {"company": "the company", "role": "the role"}
_PLACEHOLDER = re.compile(r"\{(company|role)\}")
_STORY_PROMPT = re.compile(
    r"\b(?:tell me about a time|describe a (?:time|situation)|give (?:me )?an example|"
    r"walk me through a time|share an example|talk about a time|a time when you|a time you)\b",
    re.IGNORECASE,
)


def guess_kind(text: str) -> Kind:
    """The kind of a question typed by a person: a story prompt is "star", anything else "open"."""
    return "star" if _STORY_PROMPT.search(text) else "open"


_CLOSING_PROMPT = re.compile(
    r"\b(?:any questions for (?:me|us|them)|anything (?:you(?:'d| would) like to|to) ask|"
    r"questions (?:you have )?for (?:me|us)|what would you like to ask)\b", re.IGNORECASE)
_RESEARCH_PROMPT = re.compile(
    r"\b(?:(?:our|this|the) (?:company|organi[sz]ation|business|firm|products?|services?|mission|values|"
    r"competitors|customers|clients|culture|industry|market)|about us|work (?:here|for us|with us)|join us|"
    r"{company})\b", re.IGNORECASE)


def guess_asked_kind(text: str) -> Kind:
    """The kind of a question remembered from a real interview, for drilling it with the right
    target: the closing "any questions for us?", one about the company ("What do you know about our
    products?"), a story prompt, or anything else."""
    if _CLOSING_PROMPT.search(text):
        return "closing"
    if _RESEARCH_PROMPT.search(text):
        return "research"
    return guess_kind(text)


@dataclass(frozen=True, slots=True)
class Keyword:
    """One point of the rubric: a term, what else may say it, and its weight."""

    term: str
    synonyms: tuple[str, ...] = ()
    weight: float = 1.0
    required: bool = False
    source: str = ""
    """Where the point came from when not the bank itself, e.g. "your Acme profile"."""
    concept: str = ""
    """A concept of the shipped vocabulary this point means (its phrasings count), or ""."""
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)
    """Where the point is written in its bank file (0 when not from a file), for warnings about it."""

    @property
    def forms(self) -> tuple[str, ...]:
        """The term first, then its synonyms: every wording that counts."""
        return (self.term, *self.synonyms)


@dataclass(frozen=True, slots=True)
class Question:
    """One question with its defaults already applied."""

    bank: str
    id: str
    text: str
    kind: Kind = "star"
    category: str = ""
    tags: tuple[str, ...] = ()
    keywords: tuple[Keyword, ...] = ()
    tips: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    time_limit: float = DEFAULT_TIME_LIMIT
    words: tuple[int, int] = DEFAULT_WORDS["star"]
    line: int = 0
    """Where the question starts in its file (0 when not from a file)."""
    variant_of: str = ""
    """The full id (``bank/id``) of the question this one rewords, or "": the same question,
    asked another way. Practice offers the others of its family after an answer."""
    variant_at: tuple[int, int] = field(default=(0, 0), compare=False)
    """Line and column of ``variant_of`` in the file, for a problem with the link."""
    tip_about: tuple[tuple[str, ...], ...] = ()
    """For each tip (by position), the rubric terms it asks for; () for a tip about none. An answer that
    makes every one of them already follows the tip, and is not told it again: "Say how you found the
    mistake and how quickly you told the people it affected" to a nurse who said both (new-user run)."""

    def tip_points(self, number: int) -> tuple[str, ...]:
        """The rubric terms tip ``number`` asks for (none for a tip written as plain text)."""
        return self.tip_about[number] if number < len(self.tip_about) else ()

    @property
    def full_id(self) -> str:
        return f"{self.bank}/{self.id}"

    def render_text(self, company: str | None = None, role: str | None = None) -> str:
        """The question as asked.

        Only ``research`` questions are templates: ``{company}`` and ``{role}``
        are filled from the given values, or a neutral wording when missing.
        In other kinds braces are literal text.
        """
        if self.kind != "research":
            return self.text
        return fill_placeholders(self.text, company=company, role=role)


def fill_placeholders(text: str, *, company: str | None, role: str | None) -> str:
    """Replace ``{company}`` and ``{role}``; leave every other brace alone."""
    values = {"company": company, "role": role}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        value = " ".join((values.get(name) or "").split())
        if not value:
            return NEUTRAL_FILLS[name]
        return role_phrase(value) if name == "role" else value

    return _PLACEHOLDER.sub(fill, text)


_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "my", "your"})
_ROLE_NOUNS = frozenset({"role", "position", "job", "post", "opening"})


def role_phrase(role: str) -> str:
    """``data analyst`` as ``the data analyst role``.

    People type a job title, but a question reads well only with a noun
    phrase where the neutral fill "the role" would go: "Why does the data
    analyst role appeal to you?", never "Why does data analyst appeal".
    """
    words = role.split()
    if words[0].lower() in _DETERMINERS:
        return role
    if words[-1].lower() in _ROLE_NOUNS:
        return f"the {role}"
    return f"the {role} role"


class BankSource(StrEnum):
    """Where a bank was loaded from, most specific first: a path given on the
    command line wins over the person's own banks, which win over the shipped ones."""

    PATH = "path"
    USER = "user"
    SHIPPED = "shipped"


@dataclass(frozen=True, slots=True)
class Bank:
    """A loaded bank: its id, where it came from, and its questions."""

    id: str
    title: str
    description: str = ""
    questions: tuple[Question, ...] = ()
    path: str = ""
    source: BankSource = BankSource.PATH
    line: int = 1
    """Line of the ``bank:`` key, for messages about the bank as a whole."""

    @property
    def categories(self) -> tuple[str, ...]:
        """Categories in the order they first appear."""
        seen: dict[str, None] = {}
        for question in self.questions:
            if question.category:
                seen.setdefault(question.category, None)
        return tuple(seen)

    @property
    def tags(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for question in self.questions:
            for tag in question.tags:
                seen.setdefault(tag, None)
        return tuple(seen)

    def question(self, question_id: str) -> Question | None:
        for question in self.questions:
            if question.id == question_id:
                return question
        return None


@dataclass(frozen=True, slots=True)
class Defaults:
    """A bank's ``defaults`` block; ``None`` means "use the kind's default"."""

    kind: Kind = "star"
    time_limit: float | None = None
    words: tuple[int, int] | None = None

    def words_for(self, kind: Kind) -> tuple[int, int]:
        return self.words if self.words is not None else DEFAULT_WORDS[kind]
