"""The skill vocabulary shipped with mockview (``skills.yaml``), and finding its skills in a text.

A posting says "JS", a CV says "JavaScript", a story says neither but shows
it: the vocabulary ties the ways of writing one skill together so that a
requirement is one thing however it is worded. It also names the values and
culture words postings use, and the credentials they ask for.

Finding skills in a posting is exact on purpose (whole words, any case, and
only the listed case for names that are also ordinary words): a posting is
formal text, and the rubric matcher's tolerance for typos and word families
would find "leadership" in "a leading retailer". Texts are matched *against*
requirements with the rubric matcher (see :func:`Skill.keyword`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from mockview.banks.model import Keyword

KINDS = ("language", "tool", "method", "domain", "soft", "credential", "value")
ENTRY_KEYS = ("name", "kind", "aliases", "exact", "mid", "shows", "ask", "competency")


@dataclass(frozen=True, slots=True)
class Skill:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    """Forms matched only in this exact case ("REST", "POS")."""
    mid: tuple[str, ...] = ()
    """Like ``exact``, and never as the first word of a sentence or bullet ("Go above and beyond")."""
    shows: tuple[str, ...] = ()
    """Phrasings that show the skill in a story or answer; never used to find it in a posting."""
    ask: str = ""
    """The end of "Tell me about a time you ..." for a question about it."""
    competency: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way of writing the skill, the name first."""
        return tuple(dict.fromkeys((self.name, *self.aliases, *self.exact, *self.mid)))

    def keyword(self, *, required: bool = False) -> Keyword:
        """The skill as a rubric point: its name, every other way of writing it, and what shows it."""
        synonyms = tuple(form for form in (*self.aliases, *self.exact, *self.mid, *self.shows)
                         if form.lower() != self.name.lower())
        return Keyword(term=self.name, synonyms=tuple(dict.fromkeys(synonyms)), required=required,
                       source="the posting")


@dataclass(frozen=True, slots=True)
class Mention:
    """A skill found in a text, and where."""

    skill: Skill
    start: int
    end: int
    text: str


class VocabularyError(ValueError):
    """The shipped vocabulary is broken: a bug in mockview, not something a user can fix."""


@cache
def vocabulary() -> tuple[Skill, ...]:
    """Every skill of the shipped vocabulary, in file order (loaded once)."""
    raw = resources.files("mockview.prep").joinpath("skills.yaml").read_text("utf-8")
    return parse_vocabulary(yaml.safe_load(raw))


def parse_vocabulary(data: object) -> tuple[Skill, ...]:
    if not isinstance(data, list):
        raise VocabularyError("the skill vocabulary must be a list of entries")
    skills, names = [], set()
    for number, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise VocabularyError(f"entry {number} needs a name")
        unknown = set(entry) - set(ENTRY_KEYS)
        if unknown:
            raise VocabularyError(f"{entry['name']}: unknown keys {sorted(unknown)}")
        if entry.get("kind") not in KINDS:
            raise VocabularyError(f"{entry['name']}: kind must be one of {', '.join(KINDS)}")
        if entry["name"].lower() in names:
            raise VocabularyError(f"{entry['name']} is listed twice")
        names.add(entry["name"].lower())
        lists = {}
        for key in ("aliases", "exact", "mid", "shows"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
                raise VocabularyError(f"{entry['name']}: {key} must be a list of words")
            lists[key] = tuple(str(item) for item in value)
        skills.append(Skill(name=entry["name"], kind=entry["kind"], ask=str(entry.get("ask", "")),
                            competency=str(entry.get("competency", "")), **lists))
    return tuple(skills)


@cache
def by_name() -> dict[str, Skill]:
    """Every skill by its name and by each way of saying it: a posting's values are kept in its own words
    ("a sense of humour") and still found as the vocabulary's ("fun")."""
    table = {alias.lower(): skill for skill in vocabulary() for alias in skill.aliases}
    table.update((skill.name.lower(), skill) for skill in vocabulary())
    return table


def skill(name: str) -> Skill | None:
    return by_name().get(name.lower())


@cache
def vocabulary_words() -> frozenset[str]:
    """Every word of every skill's names, lower case: words a spelling check must never flag."""
    words: set[str] = set()
    for item in vocabulary():
        for form in (*item.forms, *item.shows):
            words.update(word.lower() for word in re.findall(r"[^\W\d_]+", form))
    return frozenset(words)


_SEPARATOR = r"[\s\-]+"
_BEFORE = r"(?<![\w#+&.\-])"
_AFTER = r"(?![\w#+&]|[.\-]\w)"


@cache
def _pattern(form: str, case_sensitive: bool) -> re.Pattern[str]:
    parts = [re.escape(part) for part in re.split(r"[\s\-]+", form.strip()) if part]
    body = _SEPARATOR.join(parts)
    plural = "(?:e?s)?" if not case_sensitive and len(form) >= 4 and form[-1].isalpha() else ""
    return re.compile(_BEFORE + body + plural + _AFTER, 0 if case_sensitive else re.IGNORECASE)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t*_`\"'(")
    if not before or before.endswith(("\n", ".", "!", "?", ":", ";")):
        return True
    line_start = before.rfind("\n") + 1
    return bool(re.fullmatch(r"\s*(?:[-*+•·▪◦‣–—]|\d+[.)]|\(?[a-z]\))?", before[line_start:]))


def _bare_name(item: Skill) -> tuple[str, ...]:
    """The name as a form of its own, unless it is a letter or two ("C", "R", "Go"): those only as listed."""
    return () if len(item.name) <= 2 and item.name.isalpha() else (item.name,)


def find_skills(text: str, skills: tuple[Skill, ...] | None = None) -> list[Mention]:
    """The skills named in ``text``, in order; where two overlap, the longer wins ("Ruby on Rails")."""
    lowered = text.lower()
    found: list[Mention] = []
    for item in skills if skills is not None else vocabulary():
        for form, case_sensitive, mid in (
            [(f, False, False) for f in (*_bare_name(item), *item.aliases) if f not in item.exact and f not in item.mid]
            + [(f, True, False) for f in item.exact] + [(f, True, True) for f in item.mid]
        ):
            first = re.split(r"[\s\-]+", form.strip())[0].lower()
            if first not in lowered:
                continue
            for match in _pattern(form, case_sensitive).finditer(text):
                if mid and _starts_sentence(text, match.start()):
                    continue
                found.append(Mention(item, match.start(), match.end(), match.group(0)))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[Mention] = []
    for mention in found:
        if chosen and mention.start < chosen[-1].end:
            continue
        chosen.append(mention)
    return chosen


def skills_in(text: str) -> list[Skill]:
    """The distinct skills named in ``text``, in the order they first appear."""
    seen: dict[str, Skill] = {}
    for mention in find_skills(text):
        seen.setdefault(mention.skill.name, mention.skill)
    return list(seen.values())
