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

import json
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
import re
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any, NamedTuple

from mockview.analysis.vocabulary.families import FAMILIES
from mockview.analysis.vocabulary.model import SLOTS, Concept
from mockview.analysis.words import CONTENT_STOP, NAME_NOISE, NEGATORS, key

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
    "communication",
)
"""The competency modules, in the order their concepts are listed."""

__all__ = ["Concept", "SLOTS", "all_concepts", "concept", "concept_links", "concepts_by_competency", "concepts_named",
           "family_key", "term_key"]


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


def concepts_by_competency() -> dict[str, tuple[Concept, ...]]:
    """Every concept under the competency module it is filed in, in :data:`MODULES` order: what an author
    browses to find the ``concept:`` a rubric point means."""
    return {name: tuple(import_module(f"mockview.analysis.vocabulary.{name}").CONCEPTS) for name in MODULES}


GENERIC_COUNT = 25
"""A word in more than this many concepts belongs to no topic in particular.

The count keeps about two hundred of the vocabulary's words out of every
topic. It was a share of the concepts (0.07), which moved every time
concepts were added: with 39 more, the share's limit rose from 22 to 25 and
"cut", used by 24, was no longer generic, joined the failure topic, and a
success story ("costs fell") read as one about failing. Holding the old 22
instead made 25 ordinary words generic at once ("goal", "decide", "update")
and emptied the topics that one-word points rely on. 25 is the share's value
for today's 365 concepts; being a count, the next module makes a word
generic only by using it. Before that, 0.06 was too low ("pressure" lost its
"last minute") and 0.08 too high (the same "cut").
"""


def _computed_topics() -> dict[str, frozenset[str]]:
    words: dict[str, frozenset[str]] = {}
    counts: Counter[str] = Counter()
    for item in all_concepts().values():
        # A word whose key is a little word's tells nothing either: "toes" has the key "to", "ups" "up",
        # and every answer saying "to" was a word into the topic of a conflict ("stepped on their toes").
        keys = frozenset(
            word_key for text in (*item.names, *item.phrasings)
            for word in _NAME_WORD.findall(_SLOTS_AND_GAPS.sub(" ", text))
            if word.lower() not in CONTENT_STOP and (word_key := key(word)) not in CONTENT_STOP
        )
        words[item.id] = keys
        counts.update(keys)
    limit = GENERIC_COUNT
    generic = {word for word, count in counts.items() if count > limit}
    return {concept_id: frozenset(keys - generic) for concept_id, keys in words.items()}


@cache
def _topics() -> dict[str, frozenset[str]]:
    stored = _stored_index()
    if stored is not None:
        return {concept_id: frozenset(keys.split()) for concept_id, keys in stored["topics"].items()}
    return _computed_topics()


def concept_topic(concept_id: str) -> frozenset[str]:
    """The telling words of a concept (from its names and phrasings, without words every topic uses)."""
    return _topics().get(concept_id, frozenset())


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


_NAME_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SLOTS_AND_GAPS = re.compile(r"\{\w+\}|\.\.\.\d*")
"""A phrasing's slots and gaps ("{person}", "...", "...12"), which are no words of its topic."""


@cache
def term_key(term: str) -> tuple[str, ...]:
    """A term's content words by family: how two wordings of one name are found equal.

    Names are plain words, so they are split by a simple pattern rather
    than the full tokenizer: the whole vocabulary's names are keyed on first
    use, and this keeps that within a few milliseconds.
    """
    return tuple(family_key(key(word)) for word in _NAME_WORD.findall(term)
                 if word.lower().replace("’", "'") not in NAME_NOISE)


@cache
def _lookups() -> _Lookups:
    """The index as used: from index.json as stored, or worked out when it is missing or stale."""
    stored = _stored_index()
    if stored is not None:
        return _Lookups(stored["names"], stored["any_order"], stored["postings"])
    return _computed_lookups()


class _Lookups(NamedTuple):
    """Every value is space-separated words, split when looked up: a term looks up a few of
    thousands of entries, and JSON reads one string far faster than a list."""

    names: dict[str, str]
    """A name's word keys, space-separated, in the name's order -> the ids of the concepts it names."""
    any_order: dict[str, str]
    """The same keys sorted -> the concepts of the first name with them: "priorities set" finds "set priorities"."""
    postings: dict[str, str]
    """A word key -> where in ``names`` (in its order) the names holding it are."""


def _computed_lookups() -> _Lookups:
    index: dict[tuple[str, ...], list[str]] = {}
    for item in all_concepts().values():
        for name in (item.id.replace("-", " "), *item.names):
            name_key = term_key(name)
            if name_key and item.id not in index.setdefault(name_key, []):
                index[name_key].append(item.id)
    names = {" ".join(name_key): " ".join(ids) for name_key, ids in sorted(index.items())}
    any_order: dict[str, str] = {}
    postings: dict[str, list[str]] = {}
    for position, (name, ids) in enumerate(names.items()):
        words = name.split(" ")
        any_order.setdefault(" ".join(sorted(words)), ids)
        for word in dict.fromkeys(words):
            postings.setdefault(word, []).append(str(position))
    return _Lookups(names, any_order, {word: " ".join(positions) for word, positions in postings.items()})


def _concept_ids(wanted: tuple[str, ...]) -> list[str]:
    """The concepts ``wanted`` (a term's key) is a name of, in its word order or any other."""
    lookups = _lookups()
    ids = lookups.names.get(" ".join(wanted)) or lookups.any_order.get(" ".join(sorted(wanted))) or ""
    return ids.split()


MAX_LOOSE = 3
"""At most this many concepts for a term that names none exactly ("feedback" is in several)."""


def concepts_named(term: str) -> tuple[Concept, ...]:
    """The concepts a rubric term names; none if it names none (see :func:`concept_links`)."""
    return tuple(item for item, _ in concept_links(term))


def concepts_named_exactly(term: str) -> tuple[Concept, ...]:
    """The concepts ``term`` is a name of (in any inflection, family or word order), without the loose
    links of :func:`concept_links`: "outcome" names the Result, "final" does not."""
    wanted = term_key(term)
    if not wanted:
        return ()
    concepts = all_concepts()
    return tuple(concepts[i] for i in _concept_ids(wanted) if i in concepts)


_NEGATOR_KEYS = frozenset(key(word) for word in NEGATORS)
_QUESTION_KEYS = frozenset(key(word) for word in "what how why when where who which".split())
"""Words a term's leftover never needs said: "what went wrong" holds the name "went wrong", and asking the
answer to say "what" as well lost the point (found by a new-user run). Other little words stay: "delivered in
stages" still wants its "in"."""
_LIGHT_VERB_KEYS = frozenset(key(word) for word in "show showed demonstrate demonstrated display displayed".split())
"""Verbs a bank author puts in front of the point itself (only there): "showed mutual benefit" is the
benefit, and asking the answer to say "showed" as well lost the point in answers nobody here wrote. Not
"found": "find a mentor" is no mentoring, "found a mistake" no owning up (a review found both)."""
_MODAL_KEYS = frozenset(key(word) for word in "could would might may can should will must".split())
"""A name that adds one of these to a term tells of what may happen, not what did: "what could go wrong"
holds "what went wrong", and linked the failure point to managing risk (found by a new-user run)."""
_OTHER_MOOD_KEYS = _NEGATOR_KEYS | _MODAL_KEYS
"""What a name may not add to a term and still mean it: a negation is its opposite, a modal another mood."""


@cache
def concept_links(term: str) -> tuple[tuple[Concept, frozenset[str]], ...]:
    """The concepts a rubric term names, each with the term's words it leaves out.

    Exactly first: the term is a name of the concept in any inflection,
    word family or word order ("prioritisation" for "prioritised"). Else
    the shortest names that hold all of the term ("buy-in" is in
    "stakeholder buy-in"), at most :data:`MAX_LOOSE` of them. Else the
    longest name inside the term ("revisited decision" holds "decision"):
    then the words it leaves out ("revisit") must be said too, in the
    sentence that makes the point, or the term's own point is lost.
    """
    wanted = term_key(term)
    if not wanted:
        return ()
    concepts = all_concepts()
    ids = _concept_ids(wanted)
    if ids:
        return tuple((concepts[i], frozenset()) for i in ids)
    wanted_set = frozenset(wanted)
    # A name that adds a negation to the term is its opposite: "not pulling their weight" holds
    # "pulled my weight", and linked it to under-performance. One that adds a modal is another mood.
    holding = [(len(name_key), ids) for name_key, name_set, ids in _names_sharing(wanted_set, every=True)
               if wanted_set < name_set and not (name_set - wanted_set) & _OTHER_MOOD_KEYS]
    if holding and _meaningful(wanted):
        holding.sort(key=lambda item: item[0])
        return tuple((concepts[i], frozenset()) for i in _first_ids(ids for _, ids in holding))
    inside = [(len(name_key), name_key, ids) for name_key, name_set, ids in _names_sharing(wanted_set, every=False)
              if name_set < wanted_set and _meaningful(name_key)]
    if not inside:
        return ()
    longest = max(size for size, _, _ in inside)
    best = [(name_key, ids) for size, name_key, ids in inside if size == longest]
    # English puts the head of a phrase last: "customer empathy" is about empathy.
    headed = [(name_key, ids) for name_key, ids in best if wanted[-1] in name_key] or best
    # Only in front: "improvement shown" asks for it to be shown, and "I got better" does not show it.
    light = {wanted[0]} & _LIGHT_VERB_KEYS
    links: dict[str, frozenset[str]] = {}
    for name_key, ids in headed:
        leftover = frozenset(wanted) - set(name_key) - _QUESTION_KEYS - light
        for concept_id in ids:
            if concept_id in links:
                # Two names of one concept inside the term ("root cause", "found the cause" in "found
                # root cause"): the one that leaves less to be said is the one the term names.
                links[concept_id] = min(links[concept_id], leftover, key=len)
            elif len(links) < MAX_LOOSE:
                links[concept_id] = leftover
    return tuple((concepts[i], leftover) for i, leftover in links.items())


def _names_sharing(
    words: frozenset[str], *, every: bool
) -> list[tuple[tuple[str, ...], frozenset[str], list[str]]]:
    """The names holding every one of ``words`` (or, with ``every=False``, any of them), in index order,
    each as its key, the key's words as a set, and its concepts.

    A term is looked up against some four thousand names; going through the
    names that share its words makes that a few set operations, not a scan.
    """
    lookups = _lookups()
    postings = [set(map(int, lookups.postings.get(word, "").split())) for word in words]
    chosen = set.intersection(*postings) if every else set().union(*postings)
    found = []
    for position in sorted(chosen):
        name = _name_order()[position]
        name_key = tuple(name.split(" "))
        found.append((name_key, frozenset(name_key), lookups.names[name].split()))
    return found


@cache
def _name_order() -> list[str]:
    return list(_lookups().names)


def _meaningful(name_key: tuple[str, ...]) -> bool:
    """A key that can stand for a point on its own: not one short, common word."""
    return len(name_key) > 1 or len(name_key[0]) >= 5


def _first_ids(groups: Iterable[Sequence[str]]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for ids in groups:
        for concept_id in ids:
            found.setdefault(concept_id, None)
            if len(found) == MAX_LOOSE:
                return tuple(found)
    return tuple(found)


# --- the index, worked out once ------------------------------------------------------------
#
# Keying every name and topic word of the vocabulary takes a noticeable part
# of a second, and `mockview score` runs it in every process. The keys are
# stored in index.json by tools/build_vocabulary_index.py with a digest of
# everything they depend on (the vocabulary, the word rules, the lemma
# table). The digest is checked by the test suite (tests/test_vocabulary.py),
# not at every start, where hashing those files cost as much as reading the
# index; a missing or unreadable index, or one whose concepts are not the
# vocabulary's, is worked out again.

INDEX_SOURCES = (
    *(f"vocabulary/{name}.py" for name in ("__init__", "families", "model", *MODULES)),
    "words.py",
    "lemma_table.py",
    "phrases.py",
)


def index_digest() -> str:
    """A digest of the files the stored index is computed from."""
    import hashlib

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=16)
    for name in INDEX_SOURCES:
        digest.update(name.encode())
        digest.update((root / name).read_bytes())
    return digest.hexdigest()


def compute_index() -> dict[str, object]:
    """The index as stored: name keys to concept ids, and each concept's topic words."""
    lookups = _computed_lookups()
    return {
        "about": "Keys of the concept vocabulary; written by tools/build_vocabulary_index.py. Do not edit.",
        "digest": index_digest(),
        "names": lookups.names,
        # Stored rather than worked out from the names: that cost more than reading them.
        "any_order": lookups.any_order,
        "postings": lookups.postings,
        "topics": {concept_id: " ".join(sorted(keys)) for concept_id, keys in sorted(_computed_topics().items())},
        "filing": {concept_id: _render_filing(item) for concept_id, item in all_concepts().items()},
    }


def concept_sources(item: Concept) -> tuple[str, ...]:
    """A concept's names and phrasings, in the order they are tried."""
    return (*item.names, *item.phrasings)


def concept_filing(item: Concept) -> dict[str, tuple[int, ...]] | None:
    """Where a concept's phrasings are filed by their anchor words (see :class:`~mockview.analysis.phrases.PhraseList`),
    as stored in the index; ``None`` when the index has none for the concept's phrasings as they are now.

    Each entry carries a checksum of the phrasings it was filed from, so a phrasing edited since the
    index was built is filed afresh rather than under another phrasing's words.
    """
    stored = _stored_index()
    entry = stored.get("filing", {}).get(item.id) if stored is not None else None
    if not isinstance(entry, str):
        return None
    checksum, _, rest = entry.partition(" ")
    if checksum != _checksum(concept_sources(item)):
        return None
    filing: dict[str, tuple[int, ...]] = {}
    for part in rest.split():
        wanted, _, positions = part.rpartition("=")
        filing[wanted] = tuple(int(position) for position in positions.split(","))
    return filing


def _render_filing(item: Concept) -> str:
    from mockview.analysis.phrases import file_phrases  # phrases reads this package's model; import late

    filed = file_phrases(concept_sources(item))
    return " ".join((_checksum(concept_sources(item)),
                     *(f"{wanted}={','.join(map(str, positions))}" for wanted, positions in sorted(filed.items()))))


def _checksum(sources: Sequence[str]) -> str:
    return format(zlib.crc32("\n".join(sources).encode()), "08x")


@cache
def _stored_index() -> dict[str, Any] | None:
    try:
        # A plain path, not importlib.resources: its first use costs more than reading the file.
        raw = json.loads(Path(__file__).with_name("index.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or not all(isinstance(raw.get(part), dict)
                                            for part in ("names", "any_order", "postings", "topics")):
        return None
    if raw["topics"].keys() != all_concepts().keys():
        return None  # a concept added, renamed or removed since the index was built: its ids would not resolve
    return raw
