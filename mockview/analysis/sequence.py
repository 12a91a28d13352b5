"""STAR parts decoded for a whole answer at once: a linear-chain model read with Viterbi.

Real answers run Situation -> Task -> Action -> Result, sometimes result
first, sometimes closing on a lesson, sometimes with a part missing. Judging
each sentence alone throws that away; here every sentence gets a score for
each part from its *evidence* (its words, who does what, tense, numbers,
where it sits, what its neighbours look like) and each step from one part to
the next gets a score of its own, and the best path through the whole answer
wins. So "Two years ago, in my first analyst job at a logistics firm..." is
Situation because answers open that way, even with no cue phrase.

The weights are learned, not set by hand: ``tools/train_star.py`` fits them
on the labelled tuning answers (tests/data/judge/tuning) with an averaged
structured perceptron and writes ``star_weights.json`` beside this module.
Running it again writes the same file. Decoding is pure Python and
deterministic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from mockview.analysis.words import Token, tokenize

import os

USE_CUES = bool(os.environ.get("MOCKVIEW_CUES"))
STATES = ("situation", "task", "action", "result", "none")
START = "^"
END = "$"

ACTION_VERBS = frozenset(
    """
    decide start begin set build write call meet ask organize create propose suggest speak talk schedule run lead
    bring pull sit go take make put reach send book map review rewrite split cut add move change introduce train
    coach give share walk show draft design test try use contact email phone ring text message arrange negotiate
    prioritize delegate escalate document listen interview analyze investigate dig trace check compare measure
    track automate fix rebuild replace pair present pitch explain agree offer volunteer stay keep focus break
    simplify restructure launch roll hold invite choose pick combine collect gather read study practice prepare
    recruit hire step push convince persuade hand tell find identify migrate refactor deploy open close file
    raise flag summarize calculate estimate plan divide assign apologize acknowledge calm reassure visit observe
    shadow spend work turn drop pause stop ship approach research sort page note clean redo rerun patch script
    configure install write record post brief train teach mentor support help escalate reach follow handle
    update inform notify warn remind ask request sketch prototype survey model map label rank reorder
    """.split()
)
"""Verbs people use for what they did, by lemma."""

RESULT_WORDS = frozenset(
    """
    reduce increase improve save grow rise fall double halve triple boost shorten lower exceed beat achieve
    result outcome ultimately eventually success successful succeed impact praise thank promote adopt award
    win recover retain renew sign pass finish complete deliver resolve solve drop
    """.split()
)
"""Words of how things turned out, by lemma."""

LESSON_WORDS = frozenset("learn lesson taught teach realize takeaway reflect differently".split())
NOW_WORDS = frozenset("now since today still anymore longer ever".split())
NEED_WORDS = frozenset("need task goal job responsible responsibility aim objective target deadline expect supposed role mission brief".split())
CONTEXT_WORDS = frozenset("ago last year years month months was were had been there when while worked joined at".split())
MODALS = frozenset("would will could should might 'd i'd we'd".split())
_NUMBER = re.compile(r"\d|%|[$£€]")
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten twelve fifteen twenty thirty forty fifty hundred thousand "
    "million half double twice percent dozen".split()
)


@dataclass(frozen=True, slots=True)
class Model:
    emissions: dict[str, list[float]]
    """Feature -> one weight per state."""
    transitions: dict[str, list[float]]
    """Previous state (or START) -> one weight per next state; END row holds the weight of ending in each."""


@cache
def model() -> Model:
    """The learned weights, read once per process."""
    raw = json.loads(resources.files("mockview.analysis").joinpath("star_weights.json").read_text("utf-8"))
    return Model(raw["emissions"], raw["transitions"])


def _class_features(words: list[str], keys: list[str], text: str) -> list[str]:
    found = []
    key_set = set(keys)
    if _NUMBER.search(text) or key_set & _NUMBER_WORDS:
        found.append("c:number")
    if "%" in text or "percent" in key_set or "per cent" in text.lower():
        found.append("c:percent")
    if re.search(r"\bfrom\b[^.,;]{1,25}\bto\b", text.lower()):
        found.append("c:from-to")
    if key_set & RESULT_WORDS:
        found.append("c:result-word")
    if key_set & LESSON_WORDS:
        found.append("c:lesson")
    if key_set & NOW_WORDS:
        found.append("c:now")
    if key_set & NEED_WORDS:
        found.append("c:need")
    if key_set & CONTEXT_WORDS:
        found.append("c:context")
    if key_set & MODALS:
        found.append("c:modal")
    if text.rstrip().endswith("?"):
        found.append("c:question")
    for index, word in enumerate(words[:-1]):
        if word in ("i", "we"):
            following = keys[index + 1]
            if following in ACTION_VERBS:
                found.append(f"c:{word}-acted")
            if words[index + 1] in ("was", "were", "am", "are", "had", "have", "'m"):
                found.append(f"c:{word}-was")
            if words[index + 1] in ("would", "will", "'d", "could", "should"):
                found.append(f"c:{word}-would")
            if words[index + 1] in ("needed", "had", "wanted", "tried", "was") and index + 2 < len(words) and words[index + 2] in ("to", "asked", "responsible", "supposed", "tasked"):
                found.append(f"c:{word}-needed-to")
    past = sum(1 for word in words if word.endswith("ed") and len(word) > 4)
    if past:
        found.append("c:past" if past == 1 else "c:past2")
    if any(word in ("i", "me", "my", "i'm", "i've", "i'd") for word in words):
        found.append("c:i")
    if any(word in ("we", "us", "our", "we're", "we've") for word in words):
        found.append("c:we")
    return found


def _tokens(text: str) -> list[Token]:
    return tokenize(text)


def sentence_features(texts: Sequence[str], bullets: Sequence[bool] = (), labels: Sequence[str | None] = ()) -> list[list[str]]:
    """The evidence for each sentence of an answer, as feature names."""
    count = len(texts)
    own: list[list[str]] = []
    classes: list[list[str]] = []
    for index, text in enumerate(texts):
        tokens = _tokens(text)
        words = [token.lower for token in tokens]
        keys = [token.key for token in tokens]
        features = ["bias"]
        rel = index / (count - 1) if count > 1 else 0.5
        features.append(f"rel:{min(4, int(rel * 5))}")
        if index == 0:
            features.append("pos:first")
        if index == 1:
            features.append("pos:second")
        if index == count - 1:
            features.append("pos:last")
        if index == count - 2:
            features.append("pos:penult")
        if count <= 3:
            features.append("n:few")
        length = len(tokens)
        features.append("len:short" if length < 8 else "len:long" if length > 25 else "len:mid")
        if words:
            features.append(f"f1:{words[0]}")
            if len(words) > 1:
                features.append(f"f2:{words[0]} {words[1]}")
        features.extend(f"w:{k}" for k in dict.fromkeys(keys))
        for position, word in enumerate(words[:-1]):
            if word in ("i", "we", "my", "our"):
                features.append(f"{word}:{keys[position + 1]}")
        found = _class_features(words, keys, text)
        if USE_CUES:
            from mockview.analysis.star import cue_scores

            for part, value in cue_scores(text).items():
                if value >= 1:
                    found.append(f"cue:{part}")
                if value >= 2.5:
                    found.append(f"cue:{part}+")
                if value < 0:
                    found.append(f"cue:{part}-")
        if bullets and bullets[index]:
            found.append("c:bullet")
        if labels and labels[index]:
            found.append(f"label:{labels[index]}")
        classes.append(found)
        own.append(features + found)
    for index in range(count):
        if index > 0:
            own[index].extend(f"prev:{name}" for name in classes[index - 1])
        if index + 1 < count:
            own[index].extend(f"next:{name}" for name in classes[index + 1])
    return own


def emission_scores(features: list[list[str]], emissions: dict[str, list[float]]) -> list[list[float]]:
    scores = []
    for names in features:
        row = [0.0] * len(STATES)
        for name in names:
            weights = emissions.get(name)
            if weights is not None:
                for state in range(len(STATES)):
                    row[state] += weights[state]
        scores.append(row)
    return scores


def viterbi(
    emissions: list[list[float]], transitions: dict[str, list[float]], forced: Sequence[int | None] = ()
) -> list[int]:
    """The best sequence of state indexes; ``forced[i]`` pins sentence i to a state (an explicit label)."""
    count = len(emissions)
    if not count:
        return []
    states = range(len(STATES))
    start = transitions[START]
    end = transitions[END]
    rows = [transitions[state] for state in STATES]

    def allowed(index: int, state: int) -> bool:
        return not forced or forced[index] is None or forced[index] == state

    best = [start[s] + emissions[0][s] if allowed(0, s) else float("-inf") for s in states]
    back: list[list[int]] = []
    for index in range(1, count):
        step = []
        pointers = []
        for state in states:
            if not allowed(index, state):
                step.append(float("-inf"))
                pointers.append(0)
                continue
            previous = max(states, key=lambda p: best[p] + rows[p][state])
            step.append(best[previous] + rows[previous][state] + emissions[index][state])
            pointers.append(previous)
        best = step
        back.append(pointers)
    last = max(states, key=lambda s: best[s] + end[s])
    path = [last]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    path.reverse()
    return path


def decode(
    texts: Sequence[str], bullets: Sequence[bool] = (), labels: Sequence[str | None] = (),
    forced: Sequence[str | None] = (),
) -> tuple[list[str | None], list[list[float]]]:
    """Each sentence's part (``None`` for none), and the emission scores behind them."""
    learned = model()
    emissions = emission_scores(sentence_features(texts, bullets, labels), learned.emissions)
    pins = [STATES.index(part) if part else None for part in forced] if forced else ()
    path = viterbi(emissions, learned.transitions, pins)
    return [None if STATES[state] == "none" else STATES[state] for state in path], emissions
