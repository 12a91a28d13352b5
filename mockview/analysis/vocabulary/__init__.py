"""The concept vocabulary: the points interview rubrics ask for, and the many ways people make them.

The vocabulary is data, one module per competency (:data:`MODULES`), each a
tuple ``CONCEPTS`` of :class:`~mockview.analysis.vocabulary.model.Concept`.
A rubric term that names a concept ("deferred", "took responsibility",
"owning up") is matched by every phrasing of the concept; a bank may also
name one explicitly with ``concept:``. :data:`FAMILIES` ties words of one
family together ("decide" and "decision") for terms outside the vocabulary.

Loaded on first use and kept for the life of the process.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

from mockview.analysis.vocabulary.families import FAMILIES
from mockview.analysis.vocabulary.model import SLOTS, Concept
from mockview.analysis.words import NAME_NOISE, key, tokenize

MODULES = (
    "ownership",
    "conflict",
    "influence",
    "planning",
    "customers",
    "quality",
    "learning",
    "teamwork",
    "leadership",
    "outcomes",
    "initiative",
    "motivation",
)
"""The competency modules, in the order their concepts are listed."""

__all__ = ["Concept", "SLOTS", "all_concepts", "concept", "concepts_named", "family_key", "term_key"]


@cache
def all_concepts() -> dict[str, Concept]:
    found: dict[str, Concept] = {}
    for name in MODULES:
        module = import_module(f"mockview.analysis.vocabulary.{name}")
        for item in module.CONCEPTS:
            if item.id in found:
                raise ValueError(f"concept {item.id!r} is defined twice (in {name})")
            found[item.id] = item
    return found


def concept(concept_id: str) -> Concept | None:
    return all_concepts().get(concept_id)


@cache
def _families() -> dict[str, str]:
    table: dict[str, str] = {}
    for family in FAMILIES:
        head = key(family[0])
        for word in family:
            table[key(word)] = head
    return table


def family_key(word_key: str) -> str:
    """The key shared by a word's family ("decid" and "decision" -> "decid")."""
    return _families().get(word_key, word_key)


def term_key(term: str) -> tuple[str, ...]:
    """A term's content words by family: how two wordings of one name are found equal."""
    return tuple(family_key(token.key) for token in tokenize(term) if token.lower not in NAME_NOISE)


@cache
def _name_index() -> dict[tuple[str, ...], tuple[str, ...]]:
    index: dict[tuple[str, ...], list[str]] = {}
    for item in all_concepts().values():
        for name in (item.id.replace("-", " "), *item.names):
            name_key = term_key(name)
            if name_key and item.id not in index.setdefault(name_key, []):
                index[name_key].append(item.id)
    return {name_key: tuple(ids) for name_key, ids in index.items()}


def concepts_named(term: str) -> tuple[Concept, ...]:
    """The concepts a rubric term names, in any inflection or word order; none if it names none."""
    wanted = term_key(term)
    if not wanted:
        return ()
    index = _name_index()
    ids = index.get(wanted) or index.get(tuple(sorted(wanted))) or ()
    if not ids and len(wanted) > 1:
        ids = next((found for name_key, found in index.items() if sorted(name_key) == sorted(wanted)), ())
    concepts = all_concepts()
    return tuple(concepts[i] for i in ids)
