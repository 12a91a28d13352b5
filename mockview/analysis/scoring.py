"""Turn the measurements into a 0-100 score and a verdict a coach would sign.

The score is a sum of parts, each shown with its points so that it explains
itself. All weights live in :data:`WEIGHTS`, one table per question kind.
When a question has no rubric, its rubric points are left out and the rest
is scaled up to 100; structure, specifics, ownership, language and
relevance to the question still tell a strong answer from a weak one.

``fumbled`` means what a coach calls a fumble, never a low score alone: no
answer; far too short to be one; for a story question, no story, no Action
or no Result; an answer that does not speak to the question; a required
rubric point missing; for "any questions for us?", too few questions. A
complete story that is short or long loses points and gets a tip, but is
not fumbled.

``strong`` needs :data:`STRONG_FROM` points and nothing holding it back (a
Result with neither a figure nor an outcome anyone could check, an Action
told as "we", no Situation to set the scene, the length well off, an answer full of
fillers and hedges, stock phrases with no example behind them). Rubric points not found cost
points but never hold an answer back (:data:`RUBRIC_WEIGHT_WHY`).
A held-back answer stays one point under the line, with a ``held back``
part so the points still add up. Every reason is said in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass

from mockview.analysis.closing import MIN_QUESTIONS, ClosingReport
from mockview.analysis.delivery import DeliveryReport, how_short
from mockview.analysis.keywords import KeywordReport
from mockview.analysis.relevance import Relevance, frame_missing
from mockview.analysis.star import ACTION_SHARE_TARGET, CONTEXT_SHARE_LIMIT, StarReport
from mockview.analysis.thresholds import HELD_BACK, STRONG_FROM
from mockview.text import plural, times

FUMBLED_BELOW = 25
"""An answer that earns less than this has not answered yet, whatever else is right: "ok" beside
4/100 would tell the person a one-line brush-off passes. Kept low because the relevance part can
miss a short answer that is on topic, and a thin but honest answer is ok, not a fumble."""
WEIGHTS: dict[str, dict[str, float]] = {
    "star": {
        "structure": 33,   # each STAR part present, in the proportions of STRUCTURE_SPLIT
        "balance": 9,      # Action about half; context at most about a quarter
        "rubric": 11,      # weighted rubric coverage (see RUBRIC_WEIGHT_WHY)
        "relevance": 9,    # speaks to what the question asks about
        "length": 9,       # words within the target range
        "specifics": 9,    # a measurable result
        "ownership": 7,    # the Action says "I", not only "we"
        "language": 13,    # few fillers and hedges
    },
    "research": {
        "rubric": 45,
        "relevance": 10,
        "length": 15,
        "specifics": 15,   # names, numbers: evidence of real research
        "language": 15,
    },
    "open": {
        "rubric": 25,
        "relevance": 19,
        "length": 25,
        "specifics": 12,
        "language": 19,
    },
    "closing": {
        "questions": 40,   # at least two real questions
        "topics": 30,      # about the role, team, product, success...
        "order": 10,       # not leading with pay or perks (half for asking of them later)
        "rubric": 10,
        "length": 5,
        "language": 5,
    },
}
RUBRIC_WEIGHT_WHY = """The rubric weighs about a tenth of a story's score and a quarter of an open answer's, and
missing points never hold an answer back from strong. The matcher finds three points in four on answers like
the ones it was built on but about one in four said in other people's words (`bench/eval_judge.py`), so a
missed point is "not found", not "not made": at 20 and 40 points with a hold-back, 29 of 36 strong answers
in the judge dev set were called ok. Points found still earn, and points not found are listed with a tip."""
STRUCTURE_SPLIT = {"situation": 7, "task": 5, "action": 10, "result": 8}
RAMBLING_PER_HUNDRED = 4.0
"""Fillers (plus half the hedges) per 100 words from which an answer sounds unsure of itself."""


@dataclass(frozen=True, slots=True)
class ScorePart:
    name: str
    points: float
    out_of: float


@dataclass(frozen=True, slots=True)
class Verdict:
    score: int
    verdict: str
    parts: tuple[ScorePart, ...]
    fumbled_reasons: tuple[str, ...]
    holding_back: tuple[str, ...]
    """Why an answer that is not fumbled is not strong."""


def filler_rate(delivery: DeliveryReport) -> float:
    """Fillers and half the hedges per 100 words."""
    if not delivery.words:
        return 0.0
    return (delivery.filler_count + 0.5 * delivery.hedge_count) / delivery.words * 100


FAR_TOO_LONG = 3
"""Past this many times the top of its target, an answer is an essay read out: fumbled, as a coach would
stop it (a 36,000-word paste scored 79 ok)."""


def _length_points(delivery: DeliveryReport) -> float:
    low, high = delivery.target
    words = delivery.words
    if words == 0:
        return 0.0
    if words < low:
        return max(0.0, (words - low / 4) / (low * 0.75))
    if words > high:
        return max(0.0, 1 - (words - high) / high)
    return 1.0


def _language_points(delivery: DeliveryReport) -> float:
    """Fillers and hedges cost language points; running down an employer costs half of them."""
    if delivery.words == 0:
        return 0.0
    clean = max(0.0, 1 - max(0.0, filler_rate(delivery) - 1.5) / 4.5)
    return clean / 2 if delivery.complaints else clean


def _balance_points(star: StarReport) -> float:
    action = star.parts["action"].share
    context = star.parts["situation"].share + star.parts["task"].share
    action_points = min(1.0, action / ACTION_SHARE_TARGET)
    context_points = 1.0 if context <= CONTEXT_SHARE_LIMIT else max(0.0, 1 - (context - CONTEXT_SHARE_LIMIT) / 0.4)
    return (action_points + context_points) / 2


def _ownership_points(star: StarReport) -> float:
    if not star.parts["action"].present:
        return 0.0
    i, we = star.action_i, star.action_we
    if i + we == 0:
        return 0.5
    return i / we if we > i else 1.0


def _specifics_points(kind: str, star: StarReport | None, delivery: DeliveryReport) -> float:
    if kind == "star" and star is not None:
        if star.measurable_result:
            return 1.0
        # An outcome folded into the Action is credited as a Result without a figure: told on its own
        # (as the tip asks) it is a Result, and its figure counts in full.
        return 0.3 if star.parts["result"].present or star.folded_result is not None else 0.0
    if delivery.stock_unbacked:
        return 0.0  # "a hard-working team player" is no specific, and nothing else is
    return min(1.0, delivery.numbers / 2 + 0.5) if delivery.words else 0.0


def told_no_story(star: StarReport) -> bool:
    """Nothing in the answer happened: no Action and no Result (general claims, a hypothetical)."""
    return not star.parts["action"].present and not star.parts["result"].present


def score_answer(
    kind: str,
    star: StarReport | None,
    keywords: KeywordReport,
    delivery: DeliveryReport,
    closing: ClosingReport | None = None,
    relevance: Relevance | None = None,
) -> Verdict:
    weights = WEIGHTS.get(kind, WEIGHTS["open"])
    fractions: dict[str, float] = {}
    if kind == "closing" and closing is not None:
        fractions["questions"] = min(1.0, len(closing.questions) / MIN_QUESTIONS) if closing.about_the_job else 0.0
        fractions["topics"] = min(1.0, len(closing.topics) / 2)
        fractions["order"] = (0.0 if closing.salary_first or not closing.questions else
                              0.5 if closing.perks_later else 1.0)
    if kind == "star" and star is not None:
        fractions["structure"] = sum(
            STRUCTURE_SPLIT[part] for part in STRUCTURE_SPLIT if star.parts[part].present
        ) / sum(STRUCTURE_SPLIT.values())
        fractions["balance"] = _balance_points(star) if star.parts["action"].present else 0.0
        fractions["ownership"] = _ownership_points(star)
    if keywords.has_rubric:
        fractions["rubric"] = keywords.coverage
    fractions["length"] = _length_points(delivery)
    # Clean language, relevance and a figure count for little in a few
    # words: they earn their points in proportion, up to half the minimum length.
    substance = min(1.0, delivery.words / max(1.0, delivery.target[0] / 2))
    if "relevance" in weights and relevance is not None:
        fractions["relevance"] = relevance.score * substance
    if "specifics" in weights:
        fractions["specifics"] = _specifics_points(kind, star, delivery) * substance
    fractions["language"] = _language_points(delivery) * substance
    available = sum(weight for name, weight in weights.items() if name in fractions)
    scale = 100 / available if available else 0
    parts = tuple(
        ScorePart(name, round(fractions[name] * weight * scale, 1), round(weight * scale, 1))
        for name, weight in weights.items()
        if name in fractions
    )
    score = 0 if delivery.words == 0 else round(sum(part.points for part in parts))
    fumbled = fumbled_reasons(kind, star, keywords, delivery, closing, relevance)
    if not fumbled and score < FUMBLED_BELOW:
        fumbled = ["it says too little to answer the question: it loses most on "
                   + _most_lost(parts)]
    holding = () if fumbled else holding_back(kind, star, keywords, delivery, closing, parts, score)
    if (holding or fumbled) and score >= STRONG_FROM:
        # Points alone do not make an answer strong. Holding the score just
        # under the line keeps "strong means 80 or more" true, and the extra
        # part shows where the missing points went.
        parts = (*parts, ScorePart(HELD_BACK, float(STRONG_FROM - 1 - score), 0.0))
        score = STRONG_FROM - 1
    if fumbled:
        verdict = "fumbled"
    elif score >= STRONG_FROM:
        verdict = "strong"
    else:
        verdict = "ok"
    return Verdict(score, verdict, parts, tuple(fumbled), tuple(holding))


def fumbled_reasons(
    kind: str,
    star: StarReport | None,
    keywords: KeywordReport,
    delivery: DeliveryReport,
    closing: ClosingReport | None = None,
    relevance: Relevance | None = None,
) -> list[str]:
    reasons: list[str] = []
    if delivery.words == 0:
        return ["no answer"]
    if closing is not None and not closing.enough:
        if closing.questions and not closing.about_the_job:
            reasons.append(f"no question about the job itself: {plural(len(closing.questions), 'question')} "
                           "only about pay and perks, which wait for the offer")
        else:
            asked = len(closing.questions)
            reasons.append(f"only {plural(asked, 'real question')} for the interviewer; ask at least {MIN_QUESTIONS}")
    if delivery.length == "far too short":
        reasons.append(f"far too short to be an answer ({plural(delivery.words, 'word')})")
    elif delivery.words > FAR_TOO_LONG * delivery.target[1]:
        reasons.append(f"far too long to be an answer ({plural(delivery.words, 'word')}, about "
                       f"{delivery.speaking_seconds / 60:.0f} minutes to say)")
    if kind == "star" and star is not None:
        if told_no_story(star):
            reasons.append("no story: it never says what you did or how it ended")
        else:
            if not star.parts["action"].present:
                reasons.append("no Action: the answer never says what you did")
            if not star.parts["result"].present and star.folded_result is None:
                reasons.append("no Result: the answer never says how it ended")
    if relevance is not None and relevance.off_topic:
        reasons.append(f"may not answer the question: {frame_missing(relevance.frame)}")
    for term in keywords.missing_required:
        reasons.append(f"missing a required point: {term}")
    return reasons


def holding_back(
    kind: str,
    star: StarReport | None,
    keywords: KeywordReport,
    delivery: DeliveryReport,
    closing: ClosingReport | None,
    parts: tuple[ScorePart, ...],
    score: int,
) -> list[str]:
    reasons: list[str] = []
    if delivery.complaints:  # first: of everything that holds an answer back, the one an interviewer remembers
        reasons.append(f"it runs down your employer or the people you work with ('{delivery.complaints[0]}')")
    if delivery.disguised:
        reasons.append(f"the weakness it gives is a strength in disguise ('{delivery.disguised}')")
    if delivery.stock_unbacked:
        named = ", ".join(f"'{name}'" for name in list(delivery.stock_phrases)[:2])
        reasons.append(f"it rests on stock phrases ({named}) and backs none of them with an example"
                       if len(delivery.stock_phrases) > 1 else f"it rests on a stock phrase ({named}) and never backs it "
                       "with an example")
    if closing is not None:
        if closing.salary_first:
            reasons.append("the first question is about pay or perks")
        elif closing.perks_later:
            reasons.append("one question is about pay or perks, which is for the offer stage")
        if len(closing.topics) < 2:
            reasons.append("the questions cover only one side of the job")
    if kind == "star" and star is not None:
        if not star.parts["situation"].present:
            # Every strong answer of the judge corpus sets its scene, though a fifth of them
            # leave the Task unsaid: the Situation is what a story cannot do without.
            reasons.append("no context: it never says where you were or what was going on")
        if star.folded_result is not None:
            # A coach hears the ending, and asks for it to be said on its own: not fumbled, not strong.
            reasons.append("the outcome is only a clause of an Action sentence, not a Result of its own")
        elif not star.checkable_result:
            reasons.append("the Result has no figure or outcome anyone could check")
        if star.action_mostly_we:
            reasons.append("the Action is told as 'we', not 'I'")
    if delivery.length in ("short", "long"):
        reasons.append(f"{how_short(delivery.words, delivery.target) if delivery.length == 'short' else 'long'} at "
                       f"{plural(delivery.words, 'word')}")
    if filler_rate(delivery) >= RAMBLING_PER_HUNDRED:
        counted = {**delivery.fillers, **delivery.hedges}
        named = ", ".join(f"'{word}' {times(n)}" for word, n in sorted(counted.items(), key=lambda i: -i[1])[:3])
        reasons.append(f"full of fillers and hedges ({named})")
    if score < STRONG_FROM and not reasons:
        reasons.append("it loses most on " + _most_lost(parts))
    return reasons


def _most_lost(parts: tuple[ScorePart, ...]) -> str:
    """The one or two score parts that lost the most points, in words, never one that lost nothing (a
    new-user run read "it loses most on... speaking to the question" beside relevance 10/10)."""
    scored = [p for p in parts if p.out_of]
    lost = sorted((p for p in scored if p.points < p.out_of) or scored, key=lambda p: p.points - p.out_of)[:2]
    return " and ".join(_PART_WORDS.get(p.name, p.name) for p in lost)


_PART_WORDS = {
    "structure": "its story's shape",
    "balance": "the balance between context and action",
    "rubric": "the points the question asks for",
    "relevance": "speaking to the question",
    "length": "length",
    "specifics": "specifics",
    "ownership": "saying what you did yourself",
    "language": "fillers and hedges",
    "questions": "how many questions it asks",
    "topics": "what its questions are about",
    "order": "the order of its questions",
}
"""Score parts in words, for the reason an answer is not strong."""
