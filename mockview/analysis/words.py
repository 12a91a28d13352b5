"""Words as the analysis compares them: by lemma, in clauses, with fillers and negations marked.

A rubric point is made by what was said, not by how it was spelt, so words
are compared by a *key*: the lemma of the word (irregular forms from a table
built from simplemma's English dictionary, see ``tools/build_lemmas.py``),
reduced by a few suffix rules that also fold US and UK spellings together
("prioritised", "prioritizing" and "prioritise" share a key).

An answer is read as :class:`Token` objects that know which sentence they
sit in and whether punctuation or a filler separates them from the word
before: phrases never match across those breaks, so "you know, some of the
customers" does not say "new customers".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from mockview.analysis.lemma_table import irregular
from mockview.analysis.lexicon import STOP_WORDS

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[.,;:!?()\[\]\"“”…—–]|(?<=\s)-(?=\s)")
"""A word (with inner apostrophes), or a punctuation mark that ends a clause."""

FILLER_WORDS = frozenset({"um", "umm", "uh", "uhh", "er", "erm", "hmm", "ah", "eh", "basically", "literally"})
FILLER_PAIRS = frozenset({("you", "know"), ("i", "mean"), ("sort", "of"), ("kind", "of")})
"""Two-word fillers; they only count as fillers where a comma or a filler sits next to them."""

NEGATORS = frozenset(
    """not no never nobody nothing none neither nor without cannot n't didn't don't doesn't wasn't weren't
    couldn't wouldn't won't can't isn't aren't hadn't haven't hasn't shouldn't mustn't needn't failed""".split()
)
"""Words that turn the point after them into its opposite ("didn't escalate")."""

FUNCTION_WORDS = frozenset(
    """
    a an the this that these those my our your his her their its i me we us you he him she they them it
    myself ourselves yourself himself herself themselves itself mine ours yours theirs
    am is are was were be been being do does did done have has had having will would shall should can
    could may might must of to in on at by for with from into onto about as than then so and or but if
    because while when where which who whom whose what how why there here up out off over under again
    very too also just really quite some any all each every both either no not nor only such same
    other another more most much many few lot lots thing things stuff get got getting
    i'm i've i'd i'll we're we've we'd we'll it's that's there's they're they've you're he's she's
    """.split()
)
"""Little words: they never carry a match on their own (a phrase needs a word outside them)."""

CONTENT_STOP = FUNCTION_WORDS | FILLER_WORDS
"""Words that never carry a match on their own."""

NAME_NOISE = frozenset(
    "a an the this that these those my our your his her their its i me we us you he him she they them it".split()
)
"""Words left out when two wordings of a term are compared ("took the lead" is "took lead")."""

_BRITISH = (
    (("ise", "ised", "ises", "ising", "isation", "isations", "iser", "isers"),
     re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (("yse", "ysed", "yses", "ysing"), re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    # Three letters before "our" at least: colour, honour, labour, but not four, hour, your or tour.
    (("our", "ours", "oured", "ouring", "ourful", "ourable"),
     re.compile(r"(?<=[a-z]{3})(?<!det)(?<!cont)(?<!dev)(?<!vel)our(s|ed|ing|ful|able)?$"), r"or\1"),
    (("tre", "tres", "tred"), re.compile(r"([^aeiou])tre(s|d)?$"), r"\1ter\2"),
    (("lled", "lling", "ller", "llers"), re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (("ogue",), re.compile(r"ogue$"), "og"),
)
"""British spellings folded into American ones; the endings are checked first, the pattern only if one fits."""
_DOUBLE_END = re.compile(r"([bdgmnprt])\1$")
_VOWEL = re.compile(r"[aeiouy]")
_KEEP_SHORT = frozenset({"news", "this", "his", "has", "was", "is", "us", "yes", "bus", "gas", "plus", "less"})
_OWN_ING = frozenset({"evening", "morning", "lasting", "timing", "willing", "ceiling", "during", "wedding",
                      "clothing", "housing", "booking", "outing", "bearing"})
"""Words in "-ing" that are not the verb before it: "Last spring" makes no "lasting" fix, "timing out" is
no "time" it cost, and "evening" is not "even" (found by a new-user run)."""


@lru_cache(maxsize=16384)
def rule_stem(word: str) -> str:
    """A rough stem by suffix rules: no plural, no tense, one spelling of British and American forms.

    "code", "coded" and "coding" all become "cod"; "KPIs" becomes "kpi"
    while "analysis" keeps its "s". A suffix is only taken off when a vowel
    is left ("thing" stays "thing"), and words ending in "eed" keep it.
    """
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 2 and w.endswith("s") and w[:-1].isupper():
        w = w[:-1]  # an acronym's plural: KPIs, APIs
    w = w.lower()
    if len(w) <= 2 or w in _KEEP_SHORT or w in _OWN_ING:
        return w
    for endings, pattern, replacement in _BRITISH:
        if w.endswith(endings):
            w = pattern.sub(replacement, w)
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
    if w == "not" and word.lower() != "not":
        return "note"  # "notes" is no "not": the negator's key must be its own (found by a new-user run)
    return w


@lru_cache(maxsize=32768)
def key(word: str) -> str:
    """The form two words share when they are the same word: ``key("taught") == key("teaches")``."""
    lowered = word.lower().replace("’", "'")
    lemma = irregular().get(lowered)
    return rule_stem(lemma if lemma is not None else word)


class Token(NamedTuple):
    """One word of a text. A named tuple, not a dataclass: an answer makes hundreds of them per
    analysis, and a frozen dataclass costs several times as much to build."""

    text: str
    key: str
    start: int
    end: int
    sentence: int
    """Index of the sentence the word is in (when the sentences were given)."""
    broken: bool
    """A clause break (punctuation, a filler, a new sentence) comes between this word and the one before."""
    stop: bool
    negator: bool
    lower: str
    """The word in lower case, with a typographic apostrophe made plain."""


def tokenize(text: str, *, offset: int = 0, sentence: int = 0) -> list[Token]:
    """The words of ``text`` with their keys and clause breaks.

    Punctuation and fillers are not returned as tokens; they mark the next
    word as ``broken`` instead. ``text`` may be one sentence of a longer
    answer: ``offset`` is where it starts there and ``sentence`` its index,
    so each word is made once, already in its place.
    """
    raw = [(match.group(), match.start(), match.end()) for match in TOKEN.finditer(text)]
    facts = [_word_facts(word) for word, _, _ in raw]
    fillers = _filler_positions(facts) if not _FILLER_TRIGGERS.isdisjoint(fact[3] for fact in facts) else ()
    tokens: list[Token] = []
    append = tokens.append
    broken = True
    for index, (word, start, end) in enumerate(raw):
        word_key, stop, negator, lowered = facts[index]
        if word_key is None or index in fillers:
            broken = True
            continue
        append(_new_token(Token, (word, word_key, start + offset, end + offset, sentence, broken, stop, negator,
                                  lowered)))
        broken = False
    return tokens


_new_token = tuple.__new__
"""Builds a :class:`Token` from a tuple of its fields without the named tuple's argument handling:
an answer makes a token per word, and this halves what each costs."""


@lru_cache(maxsize=32768)
def _word_facts(word: str) -> tuple[str | None, bool, bool, str]:
    """A word's key, whether it is a little word, whether it negates, and its lower case: one lookup per word.

    A punctuation mark has no key.
    """
    lowered = word.lower().replace("’", "'")
    if not word[0].isalnum():
        return None, False, False, lowered
    return key(word), lowered in CONTENT_STOP, lowered in NEGATORS or lowered.endswith("n't"), lowered


def _filler_positions(facts: list[tuple[str | None, bool, bool, str]]) -> set[int]:
    """Indexes of the raw tokens that are fillers ("um", and "you know," where it is one)."""
    lowered = [fact[3] for fact in facts]
    found: set[int] = set()
    for index, word in enumerate(lowered):
        if word not in _FILLER_TRIGGERS:
            continue
        if word in FILLER_WORDS:
            found.add(index)
        elif word == "like" and index + 1 < len(lowered) and lowered[index + 1] == ",":
            found.add(index)
        elif index + 1 < len(lowered) and (word, lowered[index + 1]) in FILLER_PAIRS:
            before = lowered[index - 1] if index else "."
            after = lowered[index + 2] if index + 2 < len(lowered) else "."
            if not before[0].isalnum() or not after[0].isalnum() or before in FILLER_WORDS or after in FILLER_WORDS:
                if (word, lowered[index + 1]) in {("sort", "of"), ("kind", "of")} and after[0].isalnum():
                    continue  # "a kind of report" is not a filler
                found.update((index, index + 1))
    return found


_FILLER_TRIGGERS = FILLER_WORDS | {"like"} | {first for first, _ in FILLER_PAIRS}
"""The words a filler starts with: a sentence with none of them has no filler to look for."""


@lru_cache(maxsize=1024)
def tokens_of(text: str) -> tuple[Token, ...]:
    """:func:`tokenize` for short texts seen again and again (rubric wordings, sentences), remembered."""
    return tuple(tokenize(text))


@lru_cache(maxsize=4)
def answer_tokens(text: str, sentences: tuple[tuple[int, str], ...] = ()) -> tuple[Token, ...]:
    """The words of a whole answer, each with its sentence index.

    Given the sentences (start offset and text), each sentence is read in
    its place: one reading of the words serves the rubric, the question's
    relevance and the STAR parts. Text outside the sentences (a "Situation:"
    label) carries no words, and the first word of each sentence is broken
    from the one before.
    """
    if not sentences:
        return _whole_answer(text)
    found: list[Token] = []
    for number, (start, sentence) in enumerate(sentences):
        found.extend(tokenize(sentence, offset=start, sentence=number))
    return tuple(found)


def by_sentence(tokens: Sequence[Token], count: int) -> list[tuple[Token, ...]]:
    """An answer's tokens (from :func:`answer_tokens` with its sentences) split back into ``count`` sentences."""
    found: list[list[Token]] = [[] for _ in range(count)]
    for token in tokens:
        found[token.sentence].append(token)
    return [tuple(words) for words in found]


@lru_cache(maxsize=8)
def _whole_answer(text: str) -> tuple[Token, ...]:
    return tuple(tokenize(text))
