"""STAR parts decoded for a whole answer at once: a linear-chain model read with Viterbi.

Real answers run Situation -> Task -> Action -> Result, sometimes result
first, sometimes closing on a lesson, sometimes with a part missing. Judging
each sentence alone throws that away; here every sentence gets a score for
each part from its *evidence* (its words, who does what, tense, numbers,
where it sits, what its neighbours look like) and each step from one part to
the next gets a score of its own, and the best path through the whole answer
wins. So "Two years ago, in my first analyst job at a logistics firm..." is
Situation because answers open that way, even with no cue phrase.

The weights are learned, not set by hand: ``tools/train_star.py`` fits a
conditional random field on the labelled answers of tests/data/judge/tuning
and tests/data/judge-train, chooses by cross-validation when a part counts
as present, and writes ``star_weights.json`` beside this module. Running it
again writes the same file. Decoding is pure Python and deterministic.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from mockview.analysis.words import Token, key, tokens_of

STATES = ("situation", "task", "action", "result", "none")
"""Five: emission_scores and log_partition are written out for exactly these."""
START = "^"
END = "$"

def _keyed(words: str) -> frozenset[str]:
    """A word list as the features compare it: by key, so "reduced" and "reduces" find "reduce"."""
    return frozenset(key(word) for word in words.split())


ACTION_VERBS = _keyed(
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
    """
)
"""Verbs people use for what they did, by lemma."""

RESULT_WORDS = _keyed(
    """
    reduce increase improve save grow rise fall double halve triple boost shorten lower exceed beat achieve
    result outcome ultimately eventually success successful succeed impact praise thank promote adopt award
    win recover retain renew sign pass finish complete deliver resolve solve drop
    """
)
"""Words of how things turned out, by lemma."""

LESSON_WORDS = _keyed("learn lesson taught teach realize takeaway reflect differently")
NOW_WORDS = _keyed("now since today still anymore longer ever")
NEED_WORDS = _keyed("need task goal job responsible responsibility aim objective target deadline expect supposed role mission brief")
CONTEXT_WORDS = _keyed("ago last year years month months was were had been there when while worked joined at")
MODALS = _keyed("would will could should might 'd i'd we'd")
_NUMBER = re.compile(r"\d|%|[$£€]")
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten twelve fifteen twenty thirty forty fifty hundred thousand "
    "million half double twice percent dozen".split()
)
"""By spelling, not by key: number words do not inflect, and "four" must never meet "for"."""


SHORT_ANSWER_SENTENCES = 6
"""Up to this many sentences, each place in the answer is a feature of its own (``at:2/4``)."""


@dataclass(frozen=True, slots=True)
class Model:
    emissions: dict[str, list[float]]
    """Feature -> one weight per state."""
    transitions: dict[str, list[float]]
    """Previous state (or START) -> one weight per next state; END row holds the weight of ending in each."""
    absent_below: dict[str, float] = field(default_factory=dict)
    """A part is present when the probability that no sentence tells it is under this (fitted by cross-validation)."""
    clear_lead: dict[str, float | None] = field(default_factory=dict)
    """...or when the best path gives it a sentence whose evidence leads every other part's by this much
    (fitted with the thresholds): a sentence that plainly reads as a Result is one, however the rest reads."""


@cache
def model() -> Model:
    """The learned weights, read once per process."""
    # A plain path, not importlib.resources: its first use costs more than reading the file.
    raw = json.loads(Path(__file__).with_name("star_weights.json").read_text("utf-8"))
    return Model(raw["emissions"], raw["transitions"], raw.get("absent_below", {}), raw.get("clear_lead", {}))


def _class_features(words: list[str], keys: list[str], text: str) -> list[str]:
    found = []
    key_set = set(keys)
    if _NUMBER.search(text) or not _NUMBER_WORDS.isdisjoint(words):
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


def _tokens(text: str) -> tuple[Token, ...]:
    return tokens_of(text)


def sentence_features(
    texts: Sequence[str], bullets: Sequence[bool] = (), labels: Sequence[str | None] = (),
    words_of: Sequence[Sequence[Token]] = (),
) -> list[list[str]]:
    """The evidence for each sentence of an answer, as feature names.

    ``words_of`` gives each sentence's words when the caller has read them
    already (the whole answer's tokens, split by sentence), so a long answer
    is not tokenized twice.
    """
    return _answer_evidence(texts, bullets, labels, words_of)[0]


def _answer_evidence(
    texts: Sequence[str], bullets: Sequence[bool], labels: Sequence[str | None], words_of: Sequence[Sequence[Token]],
) -> tuple[list[list[str]], list[list[str]]]:
    """:func:`sentence_features`, and each sentence's word classes: what its neighbours see of it."""
    count = len(texts)
    own: list[list[str]] = []
    classes: list[list[str]] = []
    for index, text in enumerate(texts):
        tokens = words_of[index] if words_of else _tokens(text)
        features, found = _evidence(index, count, tokens, text, bool(bullets and bullets[index]),
                                    labels[index] if labels else None)
        classes.append(found)
        own.append(features)
    for index in range(count):
        if index > 0:
            own[index].extend(f"prev:{name}" for name in classes[index - 1])
        if index + 1 < count:
            own[index].extend(f"next:{name}" for name in classes[index + 1])
    return own, classes


def _evidence(index: int, count: int, tokens: Sequence[Token], text: str, bullet: bool,
              label: str | None) -> tuple[list[str], list[str]]:
    """One sentence's own features (its neighbours' are added by the caller), and its word classes,
    which are what its neighbours see of it."""
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
    if count <= SHORT_ANSWER_SENTENCES:
        # Where a sentence sits means something else in a short answer: the second of four is often the
        # whole Action, the second of ten is still setting the scene.
        features.append(f"at:{index + 1}/{count}")
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
    if bullet:
        found.append("c:bullet")
    if label:
        found.append(f"label:{label}")
    return features + found, found


def emission_scores(features: list[list[str]], emissions: dict[str, list[float]]) -> list[list[float]]:
    scores = []
    get = emissions.get
    for names in features:
        # Five running sums as locals: this runs for every feature of every sentence.
        s0 = s1 = s2 = s3 = s4 = 0.0
        for name in names:
            weights = get(name)
            if weights is not None:
                w0, w1, w2, w3, w4 = weights
                s0 += w0
                s1 += w1
                s2 += w2
                s3 += w3
                s4 += w4
        scores.append([s0, s1, s2, s3, s4])
    return scores


def viterbi(
    emissions: list[list[float]], transitions: dict[str, list[float]], forced: Sequence[int | None] = (),
    banned: frozenset[int] = frozenset(),
) -> list[int]:
    """The best sequence of state indexes.

    ``forced[i]`` pins sentence i to a state (an explicit label); states in
    ``banned`` are used by no sentence (a part judged absent).
    """
    count = len(emissions)
    if not count:
        return []
    states = range(len(STATES))
    start = transitions[START]
    end = transitions[END]
    rows = [transitions[state] for state in STATES]

    def allowed(index: int, state: int) -> bool:
        if forced and forced[index] is not None:
            return forced[index] == state
        return state not in banned

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


def _logsumexp(values: Sequence[float]) -> float:
    top = max(values)
    if top == float("-inf"):
        return top
    return top + math.log(sum(math.exp(value - top) for value in values))


def forward(emissions: list[list[float]], transitions: dict[str, list[float]],
            allowed: Sequence[bool] = ()) -> tuple[list[list[float]], float]:
    """Forward log-scores, and the log of the sum over every path (only through ``allowed`` states)."""
    size = len(STATES)
    ok = allowed or [True] * size
    start, end = transitions[START], transitions[END]
    rows = [transitions[state] for state in STATES]
    alpha = [[start[s] + emissions[0][s] if ok[s] else float("-inf") for s in range(size)]]
    for index in range(1, len(emissions)):
        previous = alpha[-1]
        alpha.append([
            _logsumexp([previous[p] + rows[p][s] for p in range(size)]) + emissions[index][s] if ok[s]
            else float("-inf")
            for s in range(size)
        ])
    return alpha, _logsumexp([alpha[-1][s] + end[s] for s in range(size)])


def backward(emissions: list[list[float]], transitions: dict[str, list[float]]) -> list[list[float]]:
    size = len(STATES)
    end = transitions[END]
    rows = [transitions[state] for state in STATES]
    beta = [[end[s] for s in range(size)]]
    for index in range(len(emissions) - 1, 0, -1):
        following = beta[-1]
        beta.append([
            _logsumexp([rows[s][n] + emissions[index][n] + following[n] for n in range(size)]) for s in range(size)
        ])
    beta.reverse()  # built from the end; appending and turning it round once keeps it linear
    return beta


def log_partition(emissions: list[list[float]], transitions: dict[str, list[float]], banned: int = -1,
                  factors: list[tuple[float, list[float]]] | None = None) -> float:
    """The log of the summed score of every path, never through state ``banned``.

    The same sum as :func:`forward`, in plain probabilities rescaled at each
    step: a tenth of the work of log-space sums, which matters because it
    runs once per part for every answer. ``factors`` is ``_factors(emissions)``
    when the caller has it already (it stands in for ``emissions`` then).
    """
    size = len(STATES)
    start, end, rows = _exponentiated(id(transitions), transitions)
    columns = list(zip(*rows))  # columns[s][p]: the factor of moving from p to s
    factors = factors or _factors(emissions)
    top, first = factors[0]
    total = top
    alpha = [0.0 if s == banned else start[s] * first[s] for s in range(size)]
    for top, row in factors[1:]:
        scale = sum(alpha)
        if scale == 0.0:
            return float("-inf")
        total += math.log(scale) + top
        a0, a1, a2, a3, a4 = alpha
        alpha = [
            0.0 if s == banned else
            row[s] * (a0 * c[0] + a1 * c[1] + a2 * c[2] + a3 * c[3] + a4 * c[4]) / scale
            for s, c in enumerate(columns)
        ]
    final = sum(alpha[s] * end[s] for s in range(size))
    return total + math.log(final) if final > 0 else float("-inf")


_EXPONENTIATED: dict[int, tuple[dict[str, list[float]], tuple[list[float], list[float], list[list[float]]]]] = {}


def _exponentiated(key: int, transitions: dict[str, list[float]]) -> tuple[list[float], list[float], list[list[float]]]:
    """The transition weights as plain factors, worked out once per set of weights."""
    cached = _EXPONENTIATED.get(key)
    if cached is None or cached[0] is not transitions:  # an id can be reused once its object is gone
        if len(_EXPONENTIATED) > 16:
            _EXPONENTIATED.clear()
        cached = (transitions, (
            [math.exp(v) for v in transitions[START]],
            [math.exp(v) for v in transitions[END]],
            [[math.exp(v) for v in transitions[state]] for state in STATES],
        ))
        _EXPONENTIATED[key] = cached
    return cached[1]


def absent_probabilities(emissions: list[list[float]], transitions: dict[str, list[float]]) -> dict[str, float]:
    """For each part, the model's probability that no sentence of the answer is that part."""
    if not emissions:
        return {state: 1.0 for state in STATES}
    factors = _factors(emissions)
    total = log_partition(emissions, transitions, factors=factors)
    found = {}
    for index, state in enumerate(STATES):
        without = log_partition(emissions, transitions, index, factors=factors)
        found[state] = math.exp(without - total) if without != float("-inf") else 0.0
    return found


def _factors(emissions: list[list[float]]) -> list[tuple[float, list[float]]]:
    """Each sentence's emissions as plain factors under its best one, and that best: shared by every sum."""
    found = []
    for row in emissions:
        top = max(row)
        found.append((top, [math.exp(value - top) for value in row]))
    return found


def clear_leads(emissions: list[list[float]], path: Sequence[int]) -> dict[str, float]:
    """Per part, how far its best sentence on ``path`` reads as that part ahead of any other part
    (minus infinity for a part the path gives no sentence)."""
    leads = {part: -math.inf for part in STATES[:4]}
    for row, state in zip(emissions, path):
        part = STATES[state]
        if part in leads:
            lead = row[state] - max(value for other, value in enumerate(row) if other != state)
            leads[part] = max(leads[part], lead)
    return leads


def judged_present(part: str, absent: dict[str, float], leads: dict[str, float], learned: Model) -> bool:
    """Unlikely to be absent, or plainly told by one sentence: the rule tools/train_star.py fits.
    A clear lead of 0.0 is a rule like any other; ``None`` (or no entry) means the lead never decides."""
    lead = learned.clear_lead.get(part)
    return absent[part] < learned.absent_below.get(part, 0.5) or (lead is not None and leads[part] >= lead)


CLAUSE_PARTS = ("result",)
"""Parts looked for in clauses joined to a sentence when no sentence tells them ("I added alerts, which
cut failures to 2"). Such a clause does not make the part present: the judge corpus, like coaches,
reads the sentence as Action, and a Result is told on its own; it tells the feedback what to say."""
CLAUSE_REACH = 3
"""How many sentences from the end, and joints from the end of each, are read for such a clause: an
ending comes late, and the bound keeps a 200 KB run-on sentence from being read thousands of times."""
CLAUSE_LEAD = 1.0
"""How far a joined clause must read as the part ahead of every other part. Not the trainer's clear
lead: that decides whether a whole answer has the part, and cross-validation may leave it unset for
Result (as after the hard-wrap fix of 2026-12-04), which silently stopped every folded ending being
heard. 1.0 is the lead the trainer picks for a plainly told Action."""
_JOINED_CLAUSE = re.compile(
    r"(?:,\s*(?:which|so|and so|and as a result|as a result|resulting in|meaning|and now),?|;|\s[-–—]"
    r"|\s+and(?=\s+(?:the|it|they|he|she|now|everyone|nobody)\b))\s+",
    re.IGNORECASE,
)


def _clauses_telling(part: str, texts: Sequence[str], classes: Sequence[Sequence[str]],
                     learned: Model) -> list[tuple[int, str]]:
    """Joined clauses that read plainly as ``part`` when read as a sentence of their own in that place,
    each with its sentence, the last first: a Result told in the same sentence as the Action before it.

    "Plainly" is :data:`CLAUSE_LEAD` ahead of every other part.
    """
    lead_needed = CLAUSE_LEAD
    state = STATES.index(part)
    count = len(texts)
    found = []
    for index in range(count - 1, max(-1, count - 1 - CLAUSE_REACH), -1):
        joints = list(_JOINED_CLAUSE.finditer(texts[index]))[-CLAUSE_REACH:]
        if not joints:
            continue
        around = [f"{prefix}:{name}" for neighbour, prefix in ((index - 1, "prev"), (index + 1, "next"))
                  if 0 <= neighbour < count for name in classes[neighbour]]
        for joint in reversed(joints):
            clause = texts[index][joint.end():]
            features, _ = _evidence(index, count, _tokens(clause), clause, False, None)
            (row,) = emission_scores([features + around], learned.emissions)
            if row[state] - max(value for other, value in enumerate(row) if other != state) >= lead_needed:
                found.append((index, clause))
    return found


@dataclass(frozen=True, slots=True)
class Decoded:
    parts: list[str | None]
    """Each sentence's part, ``None`` for none of them."""
    emissions: list[list[float]]
    present: dict[str, bool]
    """Each STAR part judged present: unlikely to be absent, plainly told by one sentence, or labelled."""
    also: dict[str, int]
    """A part judged present that no sentence was given: the sentence most likely to tell it."""
    folded: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    """For a part judged absent, the clauses joined to a sentence that tell it plainly, each with its
    sentence, the last first ("I added alerts, which cut failures from 40 to 2"). The part stays absent;
    the caller decides which, if any, the feedback points to."""


def decode(
    texts: Sequence[str], bullets: Sequence[bool] = (), labels: Sequence[str | None] = (),
    learned: Model | None = None, forced: Sequence[str | None] = (), words_of: Sequence[Sequence[Token]] = (),
) -> Decoded:
    """The parts of an answer's sentences, decoded together.

    ``forced`` gives a part for sentences the person labelled themselves
    ("Result: we shipped in May"): the rest of the answer is decoded around
    them, and a labelled part is always present.
    """
    learned = learned or model()
    features, classes = _answer_evidence(texts, bullets, labels, words_of)
    emissions = emission_scores(features, learned.emissions)
    if not emissions:
        return Decoded([], [], {part: False for part in STATES[:4]}, {})
    pins = [STATES.index(part) if part else None for part in forced] if any(forced) else []
    absent = absent_probabilities(emissions, learned.transitions)
    best = viterbi(emissions, learned.transitions, pins)
    leads = clear_leads(emissions, best)
    present = {part: judged_present(part, absent, leads, learned) or part in forced for part in STATES[:4]}
    folded = {part: clauses for part in CLAUSE_PARTS if not present[part]
              for clauses in [_clauses_telling(part, texts, classes, learned)] if clauses}
    banned = frozenset(STATES.index(part) for part, here in present.items() if not here)
    path = viterbi(emissions, learned.transitions, pins, banned=banned) if banned else best
    parts = [None if STATES[state] == "none" else STATES[state] for state in path]
    also = {}
    missing = [part for part, here in present.items() if here and part not in parts]
    if missing:
        alpha, total = forward(emissions, learned.transitions)
        beta = backward(emissions, learned.transitions)
        for part in missing:
            state = STATES.index(part)
            also[part] = max(range(len(emissions)), key=lambda i: alpha[i][state] + beta[i][state])
    return Decoded(parts, emissions, present, also, folded)
