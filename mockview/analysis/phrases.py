"""Find phrases in an answer by the words' keys, respecting order, clauses and negation.

A phrase is compiled once (:func:`compile_phrase`) into elements: a word
(any of some keys), a slot (any of some word sequences) or a gap. Matching
walks the answer's tokens from every place the first word occurs; every
later word must follow within the same clause, so punctuation or a filler
between two words stops the phrase. A match with a negation just before it
("didn't escalate", "never asked for feedback") is reported as negated,
which callers treat as a near miss rather than the point made.

Small typos in long words are forgiven: a word of six letters or more also
matches an answer word one edit away (two from nine letters), unless the
difference is a negating prefix ("satisfied" is not "dissatisfied").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from mockview.analysis.vocabulary.model import NUMBER_WORDS, PERSON_DETERMINERS, PERSON_NOUNS, SLOTS
from mockview.analysis.words import CONTENT_STOP, NEGATORS, Token, key, tokenize

GAP = 3
"""How many words ``...`` may skip."""
LONG_GAP = 12
"""The most ``...N`` may skip: "found that most late parcels sat on the dock for four hours because" tells
a cause across ten words of one clause, and a gap never crosses a clause's punctuation."""
NEGATION_REACH = 5
"""How many words before a phrase a negation still applies to it ("I don't really follow the news")."""
_COPULAS = frozenset("was were is are been be has have had".split())
TYPO_LENGTH = 6
NEGATING_PREFIXES = ("mis", "dis", "un", "in", "im", "ir", "il", "non", "anti")


@dataclass(frozen=True, slots=True)
class Word:
    keys: frozenset[str]
    forms: frozenset[str] = frozenset()
    """The words as written (lowercase), for typos: a misspelling is judged against the word, not its stem."""


@dataclass(frozen=True, slots=True)
class Slot:
    name: str
    sequences: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Gap:
    size: int
    stop_only: bool = False
    """Skip only little words ("cut the scope" for "cut scope"), never content."""


Element = Word | Slot | Gap


@dataclass(frozen=True, slots=True)
class Phrase:
    source: str
    elements: tuple[Element, ...]
    negative: bool
    """The phrase holds a negation itself ("didn't give up"), so one before it is not looked for."""
    content: bool
    """Some word in it can carry a match: a phrase of two or three little words alone ("we did")
    never matches; four make a phrase distinctive enough ("it was on me")."""


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    """Index of the first token of the match."""
    end: int
    """Index just after the last token."""
    negated: bool
    typo: bool


class PhraseError(ValueError):
    """A phrasing that cannot be matched (empty, only a gap, an unknown slot)."""


@lru_cache(maxsize=8192)
def compile_phrase(source: str) -> Phrase:
    elements: list[Element] = []
    negative = False
    content = False
    for part in source.split():
        if part == "..." or (part.startswith("...") and part[3:].isdigit()):
            if not elements or isinstance(elements[-1], Gap):
                raise PhraseError(f"{source!r}: '...' must sit between two words")
            size = int(part[3:]) if part != "..." else GAP
            if not 1 <= size <= LONG_GAP:
                raise PhraseError(f"{source!r}: a gap of {size} words; '...N' is 1 to {LONG_GAP}")
            elements.append(Gap(size))
        elif part.startswith("{") and part.endswith("}"):
            name = part[1:-1]
            if name not in SLOTS:
                raise PhraseError(f"{source!r}: unknown slot {part}")
            elements.append(_slot(name))
        else:
            word, negates, carries = _word(part)
            if not word.keys:
                raise PhraseError(f"{source!r}: empty word")
            negative = negative or negates
            content = content or carries
            elements.append(word)
    if not elements or isinstance(elements[-1], Gap):
        raise PhraseError(f"{source!r}: a phrase must end with a word")
    word_count = sum(1 for element in elements if isinstance(element, Word))
    return Phrase(source, tuple(elements), negative, content or word_count >= 4)


@lru_cache(maxsize=16384)
def _word(part: str) -> tuple[Word, bool, bool]:
    """One word of a phrasing ("owned|admitted") as a :class:`Word`, whether it negates, and whether it
    can carry a match; read once, since the vocabulary's phrasings share most of their words."""
    words = [w for w in part.split("|") if w]
    lowered = [w.lower() for w in words]
    negates = any(w in NEGATORS or w.endswith("n't") for w in lowered)
    carries = any(w not in CONTENT_STOP for w in lowered)
    return Word(frozenset(key(w) for w in words), frozenset(lowered)), negates, carries


@cache
def _slot(name: str) -> Slot:
    """A slot with its listed phrases read once: a hundred phrasings share each slot."""
    return Slot(name, tuple(tuple(token.key for token in tokenize(item)) for item in SLOTS[name]))


def term_phrase(term: str, families: Callable[[str], frozenset[str]]) -> Phrase:
    """A rubric wording as a phrase: its words in order, little words allowed between them.

    Each word also matches its family (``families(key)``), so "decision"
    finds "decided"; terms are written by authors, phrasings by the
    vocabulary, and only terms get this leeway.
    """
    tokens = tokenize(term)
    elements: list[Element] = []
    for index, token in enumerate(tokens):
        if index:
            elements.append(Gap(2, stop_only=True))
        elements.append(Word(families(token.key), frozenset({token.lower})))
    negative = any(token.negator for token in tokens)
    return Phrase(term, tuple(elements), negative, any(not token.stop for token in tokens))


class PhraseList:
    """Many phrases in their order, indexed so that an answer rules most of them out at once.

    A concept has dozens of phrasings and an answer holds the words of few
    of them. Every word of a phrase must be in the answer for it to match
    (as written: this is for matching without typos), so each phrase is
    filed under the keys of one of its words, a content word with the fewest
    alternatives, and the phrases worth trying are those filed under a key
    the answer has: one set intersection instead of a look at every phrase.
    Sources that do not compile, or hold only little words, never match and
    are left out.

    Only the phrases tried are compiled. Filing every phrase of a concept
    means compiling it, which cost a first analysis 30 ms of its 75 for the
    concepts of one rubric; ``filing`` (:func:`file_phrases`, stored in the
    vocabulary's index) skips that.
    """

    def __init__(self, sources: Iterable[str], filing: Mapping[str, Sequence[int]] | None = None) -> None:
        self.sources = tuple(sources)
        self._filed = file_phrases(self.sources) if filing is None else filing

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        """Every phrase filed, in order."""
        return tuple(compile_phrase(self.sources[position])
                     for position in sorted({p for positions in self._filed.values() for p in positions}))

    def candidates(self, index: AnswerTokens) -> list[Phrase]:
        """The phrases whose filing word the answer has, in their order."""
        positions: set[int] = set()
        for wanted in self._filed.keys() & index.by_key.keys():
            positions.update(self._filed[wanted])
        return [compile_phrase(self.sources[position]) for position in sorted(positions)]


def file_phrases(sources: Sequence[str]) -> dict[str, tuple[int, ...]]:
    """Where :class:`PhraseList` files each of ``sources``: its anchor's keys -> the sources' positions.

    Sources that do not compile or carry no content are filed nowhere.
    """
    filed: dict[str, list[int]] = {}
    for position, source in enumerate(sources):
        try:
            phrase = compile_phrase(source)
        except PhraseError:
            continue
        if phrase.content:
            for wanted in _anchor(phrase).keys:
                filed.setdefault(wanted, []).append(position)
    return {wanted: tuple(positions) for wanted, positions in filed.items()}


def _anchor(phrase: Phrase) -> Word:
    """The word of ``phrase`` to file it under: a content word if it has one, with the fewest keys."""
    words = [element for element in phrase.elements if isinstance(element, Word)]
    content = [word for word in words if any(form not in CONTENT_STOP for form in word.forms)]
    return min(content or words, key=lambda word: len(word.keys))


class AnswerTokens:
    """An answer's tokens with an index by key, shared by every phrase looked for."""

    def __init__(self, tokens: Sequence[Token], threshold: float = 85.0) -> None:
        self.tokens = tokens
        self.threshold = threshold
        self.by_key: dict[str, list[int]] = {}
        for index, token in enumerate(tokens):
            self.by_key.setdefault(token.key, []).append(index)
        self.surfaces: dict[str, str] = {token.lower: token.key for token in tokens}
        self._typos: dict[frozenset[str], frozenset[str]] = {}
        self._by_start: dict[str, list[tuple[str, str]]] | None = None
        self._people: list[int] | None = None

    def like(self, word: Word) -> frozenset[str]:
        """Answer keys of words one typo away from one of ``word``'s forms (long words only).

        Spelling is compared as written, so "patients" is not a typo of
        "patience" even though their stems are one letter apart, and never
        a negated form ("dissatisfied" for "satisfied").
        """
        if word.forms in self._typos:
            return self._typos[word.forms]
        found = set()
        for wanted in word.forms:
            if len(wanted) < TYPO_LENGTH:
                continue
            limit = 1 if len(wanted) < 9 else 2
            for candidate, candidate_key in self._near_in_length(wanted[0], len(wanted), limit + 2):
                if (
                    candidate_key not in word.keys
                    and abs(len(candidate) - len(wanted)) <= limit + 2
                    and candidate[0] == wanted[0]
                    and Levenshtein.distance(candidate, wanted, score_cutoff=limit) <= limit
                    and fuzz.ratio(candidate, wanted) >= self.threshold
                    and not _opposite(candidate, wanted)
                    and not _other_ending(candidate, wanted)
                ):
                    found.add(candidate_key)
        result = frozenset(found)
        self._typos[word.forms] = result
        return result

    def _near_in_length(self, first: str, length: int, reach: int) -> list[tuple[str, str]]:
        """Answer words starting with ``first`` whose length is within ``reach`` of ``length``."""
        if self._by_start is None:
            self._by_start = {}
            for surface, surface_key in self.surfaces.items():
                self._by_start.setdefault(surface[:1], []).append((surface, surface_key))
        return [item for item in self._by_start.get(first, ()) if abs(len(item[0]) - length) <= reach]

    def find(self, phrase: Phrase, *, typos: bool = True) -> list[Found]:
        """Every place the phrase occurs (at most one per start), in order."""
        return list(self.occurrences(phrase, typos=typos))

    def occurrences(self, phrase: Phrase, *, typos: bool = True) -> Iterator[Found]:
        """:meth:`find` one place at a time, so a caller wanting the first good one stops there."""
        if not phrase.content:
            return
        # Most phrases miss a word of the answer: rule them out with set lookups before trying
        # every place one could start (with typos, a word may also be there misspelt).
        present = self.by_key
        for element in phrase.elements:
            if isinstance(element, Word) and not any(wanted in present for wanted in element.keys):
                if not typos or not self.like(element):
                    return
        first = phrase.elements[0]
        starts: set[int] = set()
        typo_keys: set[str] = set()
        if isinstance(first, Word):
            starts = self._word_starts(phrase, typos)
            if typos:
                for near in self.like(first):
                    typo_keys.add(near)
                    starts.update(self.by_key[near])
        elif isinstance(first, Slot):
            for sequence in first.sequences:
                if sequence:
                    starts.update(self.by_key.get(sequence[0], ()))
            if first.name == "number":
                starts.update(i for i, t in enumerate(self.tokens) if _is_number(t))
            elif first.name == "person":
                starts.update(self._person_starts())
        for start in sorted(starts):
            end, typo = self._match(phrase.elements, 0, start, typos)
            if end is None:
                continue
            typo = typo or self.tokens[start].key in typo_keys
            yield Found(start, end, not phrase.negative and self._negated(start, end), typo)

    def _word_starts(self, phrase: Phrase, typos: bool) -> set[int]:
        """Where the phrase can start: found from its rarest word among the words before any gap.

        "the bottleneck" is looked for where "bottleneck" is, not at every
        "the"; words after a gap or a slot have no fixed offset, so they
        cannot anchor the search. With typos allowed the first word anchors
        it, since any word may be misspelt.
        """
        best: tuple[int, list[int]] | None = None
        for offset, element in enumerate(phrase.elements):
            if not isinstance(element, Word):
                break
            positions = [position for wanted in element.keys for position in self.by_key.get(wanted, ())]
            if best is None or len(positions) < len(best[1]):
                best = (offset, positions)
            if typos:
                break
        assert best is not None
        offset, positions = best
        return {position - offset for position in positions if position >= offset}

    def _match(self, elements: tuple[Element, ...], index: int, position: int, typos: bool) -> tuple[int | None, bool]:
        """Match ``elements[index:]`` from token ``position``; the end index and whether a typo was used."""
        if index == len(elements):
            return position, False
        element = elements[index]
        tokens = self.tokens
        if isinstance(element, Gap):
            for skip in range(0, element.size + 1):
                at = position + skip
                if at >= len(tokens) or tokens[at].broken:  # the words before ``at`` were checked already
                    break
                if element.stop_only and skip and not tokens[at - 1].stop:
                    break
                end, typo = self._match(elements, index + 1, at, typos)
                if end is not None:
                    return end, typo
            return None, False
        if position >= len(tokens) or (index > 0 and tokens[position].broken):
            return None, False
        if isinstance(element, Word):
            token_key = tokens[position].key
            if token_key in element.keys:
                return self._match(elements, index + 1, position + 1, typos)
            if typos and token_key in self.like(element):
                end, _ = self._match(elements, index + 1, position + 1, typos)
                return end, end is not None
            return None, False
        if element.name == "number" and _is_number(tokens[position]):
            return self._match(elements, index + 1, position + 1, typos)
        if element.name == "person":
            ends = self._people_at(position, element.sequences)
        elif element.name == "time":
            ends = self._times_at(position, element.sequences)
        else:
            ends = self._sequence_ends(position, element.sequences)
        for stop in ends:
            end, typo = self._match(elements, index + 1, stop, typos)
            if end is not None:
                return end, typo
        return None, False

    def _sequence_ends(self, position: int, sequences: tuple[tuple[str, ...], ...]) -> list[int]:
        """Where each of a slot's listed phrases that starts at ``position`` ends, in the slot's order."""
        tokens = self.tokens
        return [
            position + len(sequence) for sequence in sequences
            if sequence and position + len(sequence) <= len(tokens) and all(
                tokens[position + i].key == wanted and (i == 0 or not tokens[position + i].broken)
                for i, wanted in enumerate(sequence)
            )
        ]

    def _person_starts(self) -> list[int]:
        """Where a person may be named beyond the slot's list: at a name, a role noun or a word before one."""
        if self._people is None:
            self._people = [index for index, token in enumerate(self.tokens)
                            if token.lower in PERSON_DETERMINERS or token.key in _PERSON_KEYS or _is_name(token)]
        return self._people

    def _people_at(self, position: int, listed: tuple[tuple[str, ...], ...]) -> list[int]:
        """Every end of a person named from ``position``, longest first.

        A person is one of the slot's listed phrases, a name ("Priya", "Mr
        Okafor") or a role with a determiner and up to two words before it
        ("the transport manager", "our night supervisor", "customers"): people
        say who they told in a thousand ways, and a list cannot hold them.
        """
        tokens = self.tokens
        ends = set(self._sequence_ends(position, listed))
        if _is_name(tokens[position]):
            stop = position + 1
            while stop < len(tokens) and not tokens[stop].broken and _is_name(tokens[stop]):
                stop += 1
            ends.add(stop)
        at = position + 1 if tokens[position].lower in PERSON_DETERMINERS else position
        for reach in range(3):
            here = at + reach
            if here >= len(tokens) or (here > position and tokens[here].broken):
                break
            if tokens[here].key in _PERSON_KEYS:
                ends.add(here + 1)
            if tokens[here].stop:
                break
        return sorted(ends, reverse=True)

    def _times_at(self, position: int, listed: tuple[tuple[str, ...], ...]) -> list[int]:
        """Every end of a time named from ``position``, longest first: a listed one, or a time word after
        up to three words that place it ("the next week", "that Friday", "the following morning").

        "I pushed the other two to the next week" is deferring them as much as "to next week" is
        (found by a new-user run), and a list of every "the next ..." would never end.
        """
        tokens = self.tokens
        ends = set(self._sequence_ends(position, listed))
        for reach in range(4):
            here = position + reach
            if here >= len(tokens) or (reach and tokens[here].broken):
                break
            if tokens[here].lower in _TIME_WORDS:
                ends.add(here + 1)
                break
            if tokens[here].lower not in _TIME_LEADS:
                break
        return sorted(ends, reverse=True)

    def _negated(self, start: int, end: int) -> bool:
        """A negation in the few words before the match (same clause), or inside it."""
        tokens = self.tokens
        for index in range(start, end):
            if tokens[index].negator:
                return True
        # "Morale was never my concern": a verb right after the point, negated.
        after = tokens[end : end + 2]
        if after and not after[0].broken and after[0].lower in _COPULAS and (
            after[0].negator or (len(after) > 1 and not after[1].broken and after[1].negator)
        ):
            return True
        if end < len(tokens) and not tokens[end].broken and tokens[end].negator and tokens[end].lower.endswith("n't"):
            return True
        index = start
        for _ in range(NEGATION_REACH):
            if tokens[index].broken or index == 0:
                return False
            index -= 1
            if tokens[index].negator:
                return True
        return False


def _is_name(token: Token) -> bool:
    """A capitalised word inside a sentence that is no little word: "Priya", "Okafor" (not "I", "The")."""
    return (token.text[:1].isupper() and not token.broken and token.text.isalpha()
            and token.lower not in CONTENT_STOP and token.lower not in _CALENDAR)


_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december christmas easter""".split()
)
"""Capitalised words that are times, not people ("I reminded them on Monday")."""


_PERSON_KEYS = frozenset(key(word) for word in PERSON_NOUNS)
_TIME_WORDS = _CALENDAR | frozenset(
    """day days week weeks month months quarter sprint release year weekend tomorrow fortnight morning afternoon
    evening night shift term semester cycle iteration""".split()
)
"""Words that name a time, which the ``{time}`` slot finds after the words that place it."""
_TIME_LEADS = frozenset("the a next following that this another coming second couple of few".split())


def _is_number(token: Token) -> bool:
    return any(char.isdigit() for char in token.text) or token.text.lower() in NUMBER_WORDS


def _other_ending(first: str, second: str) -> bool:
    """Words that differ only in their last few letters are other words ("manager", "managed"), not typos."""
    shared = 0
    for a, b in zip(first, second):
        if a != b:
            break
        shared += 1
    return shared >= min(len(first), len(second)) - 3


def _opposite(first: str, second: str) -> bool:
    shorter, longer = sorted((first, second), key=len)
    extra = longer[: len(longer) - len(shorter)]
    return longer.endswith(shorter) and extra in NEGATING_PREFIXES
