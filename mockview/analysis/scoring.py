"""Turn the measurements into a 0-100 score and a verdict.

The score is a sum of parts, each shown with its points so that it explains
itself. All weights live in :data:`WEIGHTS`, one table per question kind.
When a question has no keyword rubric, its rubric points are left out and
the rest is scaled up to 100, so a rubric-less question is not marked down.

Verdict, in order:

* ``fumbled`` when the answer is empty or under a quarter of the minimum
  length, a required keyword is missing, a ``star`` answer has no Action or
  no Result, or the score is under :data:`FUMBLED_BELOW`;
* ``strong`` at :data:`STRONG_FROM` or more;
* ``ok`` otherwise.

An answer that earns :data:`STRONG_FROM` points but has something holding it
back (a ``star`` answer without all four parts, a measurable Result or an
Action told in the first person; half the rubric missed; outside the length
range) is held at one point under it, with a ``held back`` score part so the
points still add up, and ``holding_back`` says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from mockview.analysis.closing import MIN_QUESTIONS, ClosingReport
from mockview.analysis.delivery import DeliveryReport
from mockview.analysis.keywords import KeywordReport
from mockview.analysis.star import ACTION_SHARE_TARGET, CONTEXT_SHARE_LIMIT, StarReport
from mockview.text import plural

FUMBLED_BELOW = 55
STRONG_FROM = 80
HELD_BACK = "held back"

WEIGHTS: dict[str, dict[str, float]] = {
    "star": {
        "structure": 40,   # each STAR part present: S 8, T 7, A 15, R 10
        "balance": 10,     # Action about half; context at most about a quarter
        "rubric": 25,      # weighted keyword coverage
        "length": 10,      # words within the target range
        "specifics": 5,    # a measurable result
        "ownership": 5,    # the Action says "I", not only "we"
        "language": 5,     # few fillers and hedges
    },
    "research": {
        "rubric": 50,
        "length": 20,
        "specifics": 15,   # names, numbers: evidence of real research
        "language": 15,
    },
    "open": {
        "rubric": 45,
        "length": 25,
        "specifics": 10,
        "language": 20,
    },
    "closing": {
        "questions": 40,   # at least two real questions
        "topics": 30,      # about the role, team, product, success...
        "order": 10,       # not leading with pay or perks
        "rubric": 10,
        "length": 5,
        "language": 5,
    },
}
STRUCTURE_SPLIT = {"situation": 8, "task": 7, "action": 15, "result": 10}


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
    if delivery.words == 0:
        return 0.0
    per_hundred = (delivery.filler_count + 0.5 * delivery.hedge_count) / delivery.words * 100
    return max(0.0, 1 - max(0.0, per_hundred - 1) / 6)


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
        return 1.0 if star.measurable_result else 0.0
    return min(1.0, delivery.numbers / 2 + 0.5) if delivery.words else 0.0


def score_answer(
    kind: str,
    star: StarReport | None,
    keywords: KeywordReport,
    delivery: DeliveryReport,
    closing: ClosingReport | None = None,
) -> Verdict:
    weights = WEIGHTS.get(kind, WEIGHTS["open"])
    fractions: dict[str, float] = {}
    if kind == "closing" and closing is not None:
        fractions["questions"] = min(1.0, len(closing.questions) / MIN_QUESTIONS)
        fractions["topics"] = min(1.0, len(closing.topics) / 2)
        fractions["order"] = 0.0 if closing.salary_first or not closing.questions else 1.0
    if kind == "star" and star is not None:
        fractions["structure"] = sum(
            STRUCTURE_SPLIT[part] for part in STRUCTURE_SPLIT if star.parts[part].present
        ) / sum(STRUCTURE_SPLIT.values())
        fractions["balance"] = _balance_points(star) if star.parts["action"].present else 0.0
        fractions["ownership"] = _ownership_points(star)
    if keywords.has_rubric:
        fractions["rubric"] = keywords.coverage
    fractions["length"] = _length_points(delivery)
    # Clean language and a figure count for little in a few words: they earn
    # their points in proportion, up to half the minimum length.
    substance = min(1.0, delivery.words / max(1.0, delivery.target[0] / 2))
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
    fumbled = fumbled_reasons(kind, star, keywords, delivery, score, closing)
    holding = () if fumbled else holding_back(kind, star, keywords, delivery, score, closing)
    if holding and score >= STRONG_FROM:
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
    score: int,
    closing: ClosingReport | None = None,
) -> list[str]:
    reasons: list[str] = []
    low = delivery.target[0]
    if delivery.words == 0:
        return ["no answer"]
    if closing is not None and not closing.enough:
        asked = len(closing.questions)
        reasons.append(f"only {plural(asked, 'real question')} for the interviewer; ask at least {MIN_QUESTIONS}")
    if delivery.length == "far too short":
        reasons.append(f"far too short: {plural(delivery.words, 'word')} where {low} is the minimum")
    if kind == "star" and star is not None:
        if not star.parts["action"].present:
            reasons.append("no Action: the answer never says what you did")
        if not star.parts["result"].present:
            reasons.append("no Result: the answer never says how it ended")
    for term in keywords.missing_required:
        reasons.append(f"missing a required point: {term}")
    if score < FUMBLED_BELOW and not reasons:
        reasons.append(f"score {score} is under {FUMBLED_BELOW}")
    return reasons


def holding_back(
    kind: str,
    star: StarReport | None,
    keywords: KeywordReport,
    delivery: DeliveryReport,
    score: int,
    closing: ClosingReport | None = None,
) -> list[str]:
    reasons: list[str] = []
    if closing is not None:
        if closing.salary_first:
            reasons.append("the first question is about pay or perks")
        if len(closing.topics) < 2:
            reasons.append("the questions cover only one side of the job")
    if score < STRONG_FROM:
        reasons.append(f"score {score} is under {STRONG_FROM}")
    if kind == "star" and star is not None:
        for part in ("situation", "task"):
            if not star.parts[part].present:
                reasons.append(f"no {part.capitalize()}")
        if not star.measurable_result:
            reasons.append("the Result has no measurable outcome")
        if star.action_mostly_we:
            reasons.append("the Action is told as 'we', not 'I'")
    if keywords.has_rubric and keywords.coverage < 0.5:
        reasons.append(f"covers only {keywords.coverage:.0%} of the rubric")
    if delivery.length in ("short", "long"):
        reasons.append(f"{delivery.length} at {plural(delivery.words, 'word')} (target {delivery.target[0]}-{delivery.target[1]})")
    return reasons
