"""Cue patterns scored fast, without changing what they find.

Scoring an answer means trying about a hundred cue patterns on each of its
sentences, and most cannot possibly match: "as a result" cannot occur in a
sentence without "result" in it. For each pattern this module works out,
once, a set of literal strings of which every match contains one (from the
parsed pattern), and searches a sentence only if it holds one of them. The
outcome is exactly that of trying every pattern everywhere, five to ten
times sooner, which keeps a whole analysis within a few milliseconds.

Cue patterns are written in lowercase and matched against lowercased text.
A match must start at a word boundary; that is checked by hand rather than
with a leading look-behind, so that ``re`` can jump straight to a pattern's
literal prefix.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

try:  # the parser behind `re`; its data layout has been stable for many years
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10 and older
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

_LITERAL = _sre_constants.LITERAL
_SUBPATTERN = _sre_constants.SUBPATTERN
_BRANCH = _sre_constants.BRANCH
_REPEATS = (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT)
_ZERO_WIDTH = (_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT)


@dataclass(frozen=True, slots=True)
class Cue:
    pattern: re.Pattern[str]
    weight: float
    needs: frozenset[str] | None
    """Literals of which every match contains one; ``None``: no such set."""

    def found_in(self, text: str) -> bool:
        """Whether the cue occurs in ``text``, starting at a word boundary."""
        search = self.pattern.search
        match = search(text)
        while match is not None:
            start = match.start()
            if start == 0 or not _is_word_char(text[start - 1]):
                return True
            match = search(text, start + 1)
        return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def compile_cue(source: str, weight: float) -> Cue:
    """A cue from a lowercase pattern; it matches whole words only."""
    return Cue(re.compile(rf"(?:{source})(?!\w)"), weight, required_literals(source))


class CueTable:
    """Named groups of cues (one per STAR part, say) scored together."""

    def __init__(self, groups: dict[str, tuple[tuple[str, float], ...]]) -> None:
        self.names = tuple(groups)
        self._cues = [
            (name, compile_cue(source, weight)) for name, cues in groups.items() for source, weight in cues
        ]
        self._always = frozenset(i for i, (_, cue) in enumerate(self._cues) if cue.needs is None)
        self._by_literal: dict[str, list[int]] = {}
        for index, (_, cue) in enumerate(self._cues):
            for literal in cue.needs or ():
                self._by_literal.setdefault(literal, []).append(index)
        self._literals = tuple(sorted(self._by_literal))

    def scores(self, lowered: str) -> dict[str, float]:
        """The summed weight of each group's cues found in ``lowered``."""
        return self.score_all([lowered])[0]

    def score_all(self, texts: list[str]) -> list[dict[str, float]]:
        """:meth:`scores` for each of many lowercased texts (an answer's sentences).

        Literals are looked for once in all the texts together; a cue is
        then searched only in the texts that hold one of its literals.
        """
        joined = "\n".join(texts)
        starts = []
        position = 0
        for text in texts:
            starts.append(position)
            position += len(text) + 1
        candidates = [set(self._always) for _ in texts]
        # A literal can occur only if its first and last three characters do:
        # set lookups rule most of them out without scanning the text.
        trigrams = {joined[i : i + 3] for i in range(len(joined) - 2)}
        for literal in self._literals:
            if len(literal) >= 3 and (literal[:3] not in trigrams or literal[-3:] not in trigrams):
                continue
            cues = self._by_literal[literal]
            found = joined.find(literal)
            while found != -1:
                index = bisect_right(starts, found) - 1
                candidates[index].update(cues)
                # One sighting per text is enough: go on from the next text.
                found = joined.find(literal, starts[index + 1]) if index + 1 < len(starts) else -1
        results = []
        for text, indices in zip(texts, candidates):
            totals = dict.fromkeys(self.names, 0.0)
            for index in indices:
                name, cue = self._cues[index]
                if cue.found_in(text):
                    totals[name] += cue.weight
            results.append(totals)
        return results


def required_literals(source: str) -> frozenset[str] | None:
    """Strings of which every match of ``source`` contains one, or ``None``.

    Of the candidate sets the pattern offers, the most selective is kept:
    long strings first (short ones like "i " are everywhere), then few.
    """
    try:
        parsed = _sre_parser.parse(source)
    except re.error:
        return None
    best = _best(_candidates(list(parsed)))
    return frozenset(best) if best else None


def _usable(candidate: set[str]) -> bool:
    return bool(candidate) and min(len(s) for s in candidate) >= 2


def _selectivity(candidate: set[str]) -> tuple[int, int]:
    return (-min(len(s) for s in candidate), len(candidate))


def _best(candidates: list[set[str]]) -> set[str] | None:
    usable = [c for c in candidates if _usable(c)]
    return min(usable, key=_selectivity) if usable else None


def _candidates(items: list) -> list[set[str]]:
    """Literal sets that every match of this item sequence must each hit."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is _LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op in _ZERO_WIDTH:
            continue
        if op is _SUBPATTERN:
            inner = _best(_candidates(list(av[-1])))
            if inner:
                candidates.append(inner)
        elif op is _BRANCH:
            branches = [_best(_candidates(list(branch))) for branch in av[1]]
            if branches and all(branches):
                candidates.append(set().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS:
            low, _high, inner_items = av
            if low >= 1:
                inner = _best(_candidates(list(inner_items)))
                if inner:
                    candidates.append(inner)
    flush()
    return candidates
