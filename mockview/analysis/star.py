"""Find the Situation, Task, Action and Result in an answer.

Explicit labels win: text under "Situation:" (or "S:", "**Task** -", a
"Result" heading...) belongs to that part until the next label. Otherwise
each sentence is scored for each part from cue phrases (see
:mod:`mockview.analysis.lexicon`) plus its position (context comes early,
outcomes late), and unassigned sentences inherit from their neighbours where
the story clearly continues.

The notes follow the coaching consensus: the Action is the heart of the
answer (about half of it or more), Situation and Task together take at most
about a quarter, a Result should be measurable, and the Action should say
what *you* did ("I"), not only what the team did ("we").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache

from mockview.analysis.cues import CueTable
from mockview.analysis.lexicon import (
    ACTION_CUES,
    CHECKABLE,
    FEELINGS,
    MEASURABLE,
    NON_ANSWERS,
    PARTS,
    RESULT_CUES,
    SITUATION_CUES,
    TASK_CUES,
    UNMET,
)
from mockview.analysis.sentences import Sentence
from mockview.analysis.sequence import STATES, decode
from mockview.analysis.words import Token
from mockview.text import normalised, times

ASSIGN_THRESHOLD = 1.0
"""A sentence needs at least this much cue evidence to be given a part."""

SECONDARY_THRESHOLD = 2.0
"""Cue evidence for a second part of the same sentence to count as present."""

SECONDARY_PAIRS = {
    "situation": ("task",),
    "task": ("situation",),
    "action": ("result",),
    "result": ("action",),
}
"""Which parts one sentence can tell together. A target in a Task ("get it
under 2.5%") or a figure in the Situation is not a Result."""

LONE_LABEL_WEIGHT = 3.0
"""A single label in an otherwise unlabelled answer is a strong cue, not a rule."""

ACTION_SHARE_TARGET = 0.45
CONTEXT_SHARE_LIMIT = 0.30
CONTEXT_TOO_LONG = CONTEXT_SHARE_LIMIT + 0.05
"""The share of Situation and Task from which the feedback says the context runs long."""


@dataclass(frozen=True, slots=True)
class PartReport:
    present: bool
    share: float
    sentences: tuple[int, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class StarReport:
    parts: dict[str, PartReport]
    assignments: tuple[str | None, ...]
    """The part of each sentence, or ``None``."""
    labelled: bool
    action_i: int
    action_we: int
    measurable_result: bool
    notes: tuple[str, ...]
    measurable_sentences: tuple[int, ...] = ()
    """The outcome sentences that hold a figure (where the measurable Result is)."""
    checkable_result: bool = False
    """The Result holds a figure or an outcome anyone could check without one (nothing went wrong,
    others took it up, it reached a whole unit): a concrete Result, which a coach signs as strong."""
    opens_with_context: bool = False
    """The first sentence reads as context even if it was given another part (a tip to add context would be wrong)."""
    folded_result: int | None = None
    """With no Result, the sentence whose joined clause tells a checkable outcome ("I added alerts, which cut
    failures from 40 to 2"): the story ends, but its ending needs a sentence of its own."""

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(part for part in PARTS if not self.parts[part].present)

    @property
    def action_mostly_we(self) -> bool:
        return self.action_we >= 3 and self.action_we > 2 * self.action_i


@cache
def cue_table() -> CueTable:
    """The STAR cues, compiled on first use (about 50 ms: not worth paying at import)."""
    return CueTable(
        {
            "situation": SITUATION_CUES,
            "task": TASK_CUES,
            "action": ACTION_CUES,
            "result": RESULT_CUES,
        }
    )
# Whole words only: "ten" is no figure in "often", nor "two" in "network", nor "half" in "on behalf".
_MEASURABLE = re.compile("|".join(rf"(?:{p})" if p == r"\d" else rf"\b(?:{p})\b" for p in MEASURABLE))
_NON_ANSWER = re.compile(rf"^\W*(?:{'|'.join(NON_ANSWERS)})\b")
_I = re.compile(r"(?<!\w)i(?!\w)")
_WE = re.compile(r"(?<!\w)we(?!\w)")
# These match the lowercased, normalised sentence text.


def cue_scores(sentence: str) -> dict[str, float]:
    """How strongly a sentence reads as each part, from cue phrases alone."""
    return cue_table().scores(normalised(sentence).lower())


def _is_measurable(lowered: str) -> bool:
    """Whether a lowercased sentence states a figure, a proportion or a count."""
    return _MEASURABLE.search(lowered) is not None


@cache
def _checkable_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: most Results that are read hold a figure, and never need them."""
    return (
        re.compile("|".join(rf"\b(?:{p})\b" for p in CHECKABLE)),
        re.compile(r"[,;:.!?]|\b(?:and|but|so|because|which|who)\b"),
        re.compile(rf"\b(?:{FEELINGS})\b"),
        re.compile(UNMET),
    )


def is_checkable(lowered: str) -> bool:
    """Whether a lowercased sentence tells an outcome anyone could check, not how people felt about it,
    nor one denied, only meant or a habit ("we didn't finish on time", "I always deliver on time")."""
    checkable, clause_end, feeling, unmet = _checkable_patterns()
    for found in checkable.finditer(lowered):
        rest = lowered[found.end():]
        end = clause_end.search(rest)
        before = clause_end.split(lowered[:found.start()])[-1]
        if unmet.search(before):
            continue
        if not feeling.search(lowered[:found.start()].rsplit(",", 1)[-1] + found.group(0)
                              + rest[: end.start() if end else len(rest)]):
            return True
    return False


def analyse_star(sentences: list[Sentence], words_of: Sequence[Sequence[Token]] = ()) -> StarReport:
    """Assign every sentence to a part and report on the four parts (``words_of``: each sentence's
    words, when the caller has them)."""
    word_counts = [s.word_count for s in sentences]
    lowered = [normalised(s.text).lower() for s in sentences]
    labelled = len({s.label for s in sentences if s.label}) >= 2
    measurable = [_is_measurable(text) for text in lowered]
    secondary: list[tuple[int, str]] = []
    folded: dict[str, list[tuple[int, str]]] = {}
    if labelled:
        scores = cue_table().score_all(lowered)
        assignments, confidence = _from_labels(sentences, scores, measurable)
        outcome = _outcome_sentences(assignments, [s["result"] > 0 for s in scores])
        opens = bool(assignments) and assignments[0] in ("situation", "task")
    else:
        decoded = decode([s.text for s in sentences], [s.bullet for s in sentences], [s.label for s in sentences],
                         forced=[s.label if s.own_label else None for s in sentences], words_of=words_of)
        assignments, emissions = decoded.parts, decoded.emissions
        folded = decoded.folded
        _ending_told_as_a_fact(assignments, lowered, emissions,
                               folded_into={index for index, _ in folded.get("result", ())})
        secondary = [(index, part) for part, index in decoded.also.items()]
        confidence = _confidence(assignments, emissions)
        opens = bool(emissions) and _reads_as(emissions[0], ("situation", "task"))
        outcome = _outcome_sentences(assignments, [_sounds_like_outcome(text) for text in lowered])
    total = sum(word_counts) or 1
    parts: dict[str, PartReport] = {}
    for part in PARTS:
        indices = tuple(i for i, assigned in enumerate(assignments) if assigned == part)
        evidence = tuple(sorted({*indices, *(i for i, also in secondary if also == part)}))
        share = sum(word_counts[i] for i in indices) / total
        parts[part] = PartReport(
            present=bool(evidence),
            share=round(share, 3),
            sentences=evidence,
            confidence=round(confidence.get(part, 0.0), 2) if evidence else 0.0,
        )
    action_text = " ".join(lowered[i] for i in parts["action"].sentences)
    action_i = len(_I.findall(action_text))
    action_we = len(_WE.findall(action_text))
    told_outcome = sorted(set(parts["result"].sentences) | outcome) if parts["result"].present else []
    measurable_sentences = tuple(i for i in told_outcome if measurable[i])
    checkable = bool(measurable_sentences) or any(is_checkable(lowered[i]) for i in told_outcome)
    folded_result = None
    if not parts["result"].present:
        folded_result = next((index for index, clause in folded.get("result", ())
                              if assignments[index] == "action" and _tells_an_ending(normalised(clause).lower())),
                             None)
    report = StarReport(
        parts=parts,
        assignments=tuple(assignments),
        labelled=labelled,
        action_i=action_i,
        action_we=action_we,
        measurable_result=bool(measurable_sentences),
        notes=(),
        measurable_sentences=measurable_sentences,
        checkable_result=checkable,
        opens_with_context=opens,
        folded_result=folded_result,
    )
    return replace(report, notes=tuple(star_notes(report)))


def _ending_told_as_a_fact(assignments: list[str | None], lowered: Sequence[str], emissions: list[list[float]],
                           folded_into: Collection[int] = ()) -> None:
    """A story whose last sentence states a checkable outcome, but lost it to the path, ends on its Result.

    "The warehouse had zero injuries that peak." and "The parcels went out on schedule." have no
    cue a Result usually has (a change, "so", "in the end"), and the model read them as no part at
    all; "We moved everything on time with no lost records." it read as a Result above all, and the
    path, with no Result judged present, made it one more Action. Either way a story that plainly
    ended was fumbled for having no Result. Only the last sentence, only after an Action, only when
    no sentence is the Result already. One read as no part must read as a Result nearly as readily as
    its best part and not be in the speaker's own voice (a sign-off or a reflection: "I'm always on
    time.", "I hope nobody was affected."); one made an Action must have read as a Result first, not
    open on the speaker's own deed ("I filed my timesheet on time."),
    and not for a clause joined to it ("I rewrote the retry logic, which cut failed invoices..."): that
    one is the ``folded_result``, an Action whose ending a coach asks to hear on its own.
    """
    if not assignments or "result" in assignments or "action" not in assignments[:-1]:
        return
    last = lowered[-1]
    if assignments[-1] is None:
        if _SPEAKER_ASIDE.search(last) or not _reads_as(emissions[-1], ("result",)):
            return
    elif _SPEAKER_ASIDE.match(last.lstrip(" \"'(")):
        return  # "I filed my timesheet on time.": the speaker's own deed, not how the story ended
    elif (assignments[-1] != "action" or len(assignments) - 1 in folded_into
          or max(emissions[-1]) != emissions[-1][STATES.index("result")]):
        return  # an Action stays one unless the model read it as a Result above all, and only lost it to the path
    if is_checkable(last) or _tells_an_ending(last):  # a bare figure is no ending: "...from 1970"
        assignments[-1] = "result"


_SPEAKER_ASIDE = re.compile(r"\b(?:i|i'm|i'd|i've|me|my|myself)\b")
"""A last sentence in the speaker's own voice: a sign-off, a hope, a habit or a feeling, not the story's
outcome told as a fact (that the model reads as a Result already)."""


_OUTCOME = re.compile(
    r"\b(?:reduc|increas|improv|sav|grew|grow|rose|fell|drop|doubl|halv|cut|went (?:up|down|from)|down (?:from|to|by)|"
    r"up (?:from|to|by)|result|outcome|on time|no (?:more|further|longer)|since|now)"
)


def _sounds_like_outcome(lowered: str) -> bool:
    return _OUTCOME.search(lowered) is not None


def _tells_an_ending(clause: str) -> bool:
    """An ending, not a detail of the Action: something changed ("cut", "saved", "now"), checkably."""
    return _sounds_like_outcome(clause) and (_is_measurable(clause) or is_checkable(clause))


CLOSE_CALL = 1.5
"""Emission points within which a sentence could also be read as another part."""


def _reads_as(row: list[float], parts: tuple[str, ...]) -> bool:
    best = max(row)
    return any(row[STATES.index(part)] >= best - CLOSE_CALL for part in parts)


def _confidence(assignments: list[str | None], emissions: list[list[float]]) -> dict[str, float]:
    """How clearly each part's best sentence reads as that part: its score's lead over the next part."""
    confidence: dict[str, float] = {}
    for index, part in enumerate(assignments):
        if part is None:
            continue
        row = emissions[index]
        mine = row[STATES.index(part)]
        others = max(value for state, value in enumerate(row) if STATES[state] != part)
        lead = max(0.0, min(1.0, 0.5 + (mine - others) / 8))
        confidence[part] = max(confidence.get(part, 0.0), lead)
    return confidence


def _outcome_sentences(assignments: list[str | None], outcome_like: list[bool]) -> set[int]:
    """Sentences after the first Action that report an outcome, whatever part they were given.

    Figures often sit in a sentence told as an action ("I killed the job and
    errors were back to normal within two minutes").
    """
    first_action = next((i for i, a in enumerate(assignments) if a == "action"), 0)
    return {i for i in range(first_action, len(assignments)) if outcome_like[i]}


def _secondary_parts(
    scores: list[dict[str, float]], assignments: list[str | None]
) -> list[tuple[int, str]]:
    """Parts a sentence also tells, beside its main one.

    "I was the analyst responsible for the numbers" is Situation and Task at
    once; the sentence is coloured by its main part, but both are present.
    """
    found = []
    for index, (score, main) in enumerate(zip(scores, assignments)):
        if main is None:
            continue
        for part in SECONDARY_PAIRS[main]:
            value = score[part]
            if value >= SECONDARY_THRESHOLD and value >= 0.6 * score[main]:
                found.append((index, part))
    return found


def _from_labels(
    sentences: list[Sentence], scores: list[dict[str, float]], measurable: list[bool]
) -> tuple[list[str | None], dict[str, float]]:
    """Labels decide; sentences without one are judged by their cues."""
    assignments, confidence = _from_cues(scores, [s.word_count for s in sentences], measurable)
    for index, sentence in enumerate(sentences):
        if sentence.label and not _outgrows_label(sentence, scores[index]):
            assignments[index] = sentence.label
    for part in PARTS:
        indices = [i for i, s in enumerate(sentences) if s.label == part]
        if not indices:
            continue
        says_nothing = all(
            _NON_ANSWER.search(sentences[i].text.lower()) or scores[i][part] < 0 for i in indices
        ) or (
            any(scores[i][part] < 0 for i in indices) and not any(scores[i][part] > 0 for i in indices)
        )
        if says_nothing:
            for i in indices:
                assignments[i] = None  # "Result: not sure yet" is no Result
        else:
            confidence[part] = 0.95
    return assignments, confidence


def _outgrows_label(sentence: Sentence, score: dict[str, float]) -> bool:
    """A sentence under an inherited Situation or Task label that clearly tells
    an Action or a Result. People often label only "Situation:" and "Task:"
    and then tell the rest of the story without labels."""
    if sentence.own_label or sentence.label not in ("situation", "task"):
        return False
    best = max(score["action"], score["result"])
    return best >= SECONDARY_THRESHOLD and best > score[sentence.label] + 0.5


def _from_cues(
    scores: list[dict[str, float]], word_counts: list[int], measurable: list[bool]
) -> tuple[list[str | None], dict[str, float]]:
    count = len(scores)
    adjusted: list[dict[str, float]] = []
    for index, raw in enumerate(scores):
        position = index / (count - 1) if count > 1 else 0.5
        score = dict(raw)
        score["situation"] += max(0.0, 0.9 - 1.8 * position)
        score["result"] += max(0.0, 1.8 * position - 1.0)
        if position < 0.5:
            score["task"] += 0.2
        if 0.15 < position < 0.9:
            score["action"] += 0.3
        if position > 0.8 and count > 3:
            # Context and goals are not where a story ends.
            score["situation"] *= 0.5
            score["task"] *= 0.5
        adjusted.append(score)
    assignments: list[str | None] = []
    for score in adjusted:
        part, value = max(score.items(), key=lambda item: (item[1], -PARTS.index(item[0])))
        assignments.append(part if value >= ASSIGN_THRESHOLD else None)
    _fill_gaps(assignments, adjusted, measurable)
    confidence: dict[str, float] = {}
    for part in PARTS:
        best = max((adjusted[i][part] for i, a in enumerate(assignments) if a == part), default=0.0)
        confidence[part] = min(1.0, best / 4)
    return assignments, confidence


def _fill_gaps(
    assignments: list[str | None], scores: list[dict[str, float]], measurable: list[bool]
) -> None:
    """Give unassigned sentences to the part the story is clearly in."""
    count = len(assignments)
    actions = [i for i, a in enumerate(assignments) if a == "action"]
    for index, assigned in enumerate(assignments):
        later_actions = sum(1 for i in actions if i > index)
        later_results = any(a == "result" for a in assignments[index + 1 :])
        if assigned == "result" and later_actions >= 2 and not later_results and scores[index]["result"] < 3.0:
            # A finding in the middle of the work, not how the story ended.
            assignments[index] = "action" if scores[index]["action"] > 0 else None
    last_action = max((i for i, a in enumerate(assignments) if a == "action"), default=count)
    for index in range(last_action + 1, count):
        if assignments[index] is None and measurable[index] and scores[index]["result"] >= 0:
            assignments[index] = "result"  # a figure after the actions is an outcome
    for index in range(count):
        if assignments[index] is not None:
            continue
        before = next((assignments[i] for i in range(index - 1, -1, -1) if assignments[i]), None)
        after = next((assignments[i] for i in range(index + 1, count) if assignments[i]), None)
        if before is not None and before == after:
            assignments[index] = before
        elif before == "action" and after in ("result", None) and scores[index]["action"] > 0:
            assignments[index] = "action"
        elif before is None and after in ("task", "action") and index == 0:
            assignments[index] = "situation"


def star_notes(report: StarReport) -> list[str]:
    """Short observations about the story's shape, most important first."""
    notes: list[str] = []
    parts = report.parts
    for part in PARTS:
        if part == "result" and report.folded_result is not None:
            notes.append("the outcome is told only inside an Action sentence")
        elif not parts[part].present:
            notes.append(f"no {part.capitalize()}")
    action = parts["action"]
    context = parts["situation"].share + parts["task"].share
    if action.present and action.share < ACTION_SHARE_TARGET - 0.1:
        notes.append(f"Action is only {action.share:.0%} of the answer; aim for about half")
    if context > CONTEXT_TOO_LONG and (action.present or parts["result"].present):
        told = "context (Situation + Task)" if parts["situation"].present else "the Task"
        notes.append(f"{told} takes {context:.0%} of the answer")
    if report.action_mostly_we:
        notes.append(f"Action says 'we' {times(report.action_we)} and 'I' {times(report.action_i)}")
    if parts["result"].present and not report.measurable_result:
        # "did not lose a single sale" is an outcome anyone could check: telling that answer its
        # Result has "no measurable outcome" contradicts what it plainly says (a new-user run).
        notes.append("Result has no figure, though its outcome can be checked" if report.checkable_result
                     else "Result has no measurable outcome")
    return notes
