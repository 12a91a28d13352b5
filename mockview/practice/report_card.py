"""The report card at the end of a mock interview.

One line per question (score, verdict, time, the most important tip), what
went right and what went wrong, delivery across the whole interview, and the
fumbled questions now due for re-drill. The card is plain data
(:meth:`ReportCard.to_json`) stored with the session, and
:func:`format_report_card` is the one text form shown by every front end,
so the app and the line mode say exactly the same thing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from mockview.analysis.feedback import build_feedback, star_details
from mockview.practice.engine import AnswerResult
from mockview.text import clock, plural, times

FOLLOW_UP_WEIGHT = 0.5
"""A follow-up counts half as much as a question towards the overall score."""


@dataclass(frozen=True, slots=True)
class CardLine:
    number: str
    text: str
    role: str
    """"warm-up", "question", "follow-up" or "closing"."""
    score: int
    verdict: str
    seconds: float
    tip: str
    skipped: bool


@dataclass(frozen=True, slots=True)
class ReportCard:
    score: int
    verdict: str
    total_seconds: float
    lines: list[CardLine] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    went_wrong: list[str] = field(default_factory=list)
    delivery: dict[str, Any] = field(default_factory=dict)
    redrill: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportCard:
        return cls(**{**data, "lines": [CardLine(**line) for line in data.get("lines", [])]})


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _role(result: AnswerResult) -> str:
    if result.planned.parent_attempt is not None:
        return "follow-up"
    if result.planned.note in ("warm-up", "closing"):
        return result.planned.note
    return "question"


def _strong_points(analysis: dict[str, Any]) -> list[str]:
    points = []
    star = analysis.get("star", {})
    details = star_details(analysis)
    if details.get("required") and all(star.get(p, {}).get("present") for p in ("situation", "task", "action", "result")):
        points.append("a complete STAR story")
    if details.get("required") and details.get("measurable_result"):
        points.append("a measurable result")
    keywords = analysis.get("keywords", {})
    if keywords.get("has_rubric") and keywords.get("coverage", 0) >= 0.6:
        points.append(f"made {len(keywords['matched'])} of {len(keywords['matched']) + len(keywords['missing'])} key points")
    closing = analysis.get("closing")
    if closing and closing.get("enough"):
        points.append(f"asked {plural(len(closing['questions']), 'real question')}")
    if analysis.get("delivery", {}).get("length") == "ok":
        points.append("a good length")
    return points[:3]


def _outcomes_told_when_asked(results: list[AnswerResult]) -> set[int]:
    """The attempts whose story told what was done but not how it ended, which its "What was the
    outcome?" follow-up then told.

    The story is whole in the end, so the card says so instead of leaving a bare "no Result" the
    person will read as unheard; it is still re-drilled, as a coach would have it told again ending
    on the outcome unprompted.
    """
    from mockview.practice.interview import ASK_OUTCOME

    by_attempt = {r.attempt_id: r for r in results}
    told = set()
    for result in results:
        parent = by_attempt.get(result.planned.parent_attempt) if result.planned.parent_attempt is not None else None
        if parent is None or result.planned.text != ASK_OUTCOME or not result.analysis["delivery"]["words"]:
            continue
        # Told, not echoed: "I don't know the outcome, sorry" says the word and tells nothing.
        ended = result.analysis["star"]["result"]["present"] or star_details(result.analysis).get("measurable_result")
        star = parent.analysis["star"]
        if star["action"]["present"] and not star["result"]["present"] and ended:
            told.add(parent.attempt_id)
    return told


def build_report_card(results: list[AnswerResult], total_seconds: float, now: datetime) -> ReportCard:
    lines: list[CardLine] = []
    weighted = total_weight = 0.0
    main_fumbled = main_count = 0
    number = 0
    for result in results:
        analysis = result.analysis
        role = _role(result)
        if role == "follow-up":
            label = f"{number}a"
            weight = FOLLOW_UP_WEIGHT
        else:
            number += 1
            label = str(number)
            weight = 1.0
            main_count += 1
            main_fumbled += analysis["verdict"] == "fumbled"
        weighted += weight * analysis["score"]
        total_weight += weight
        feedback = build_feedback(analysis)
        lines.append(CardLine(label, result.planned.text, role, feedback.score, feedback.verdict,
                              round(result.seconds, 1), feedback.tips[0] if feedback.tips else "",
                              not analysis["delivery"]["words"]))
    score = round(weighted / total_weight) if total_weight else 0
    if score < 55 or (main_count and main_fumbled * 3 > main_count):
        verdict = "fumbled"
    elif score >= 80 and main_fumbled == 0:
        verdict = "strong"
    else:
        verdict = "ok"

    given = [r for r in results if r.analysis["delivery"]["words"]]
    best = sorted((r for r in given if r.analysis["verdict"] != "fumbled"),
                  key=lambda r: -r.analysis["score"])[:3]
    strengths = []
    for result in best:
        points = _strong_points(result.analysis)
        if points:
            strengths.append(f"{_short(result.planned.text)} ({result.analysis['score']}): {', '.join(points)}")
    told_when_asked = _outcomes_told_when_asked(results)
    went_wrong = [
        f"{_short(r.planned.text)}: " + "; ".join(build_feedback(r.analysis).reasons)
        + ("; you told the outcome only when asked: end the story with it" if r.attempt_id in told_when_asked else "")
        for r in results if r.analysis["verdict"] == "fumbled"
    ]
    count = len(given) or 1
    deliveries = [r.analysis["delivery"] for r in given]
    delivery = {
        "answers": len(given),
        "skipped": len(results) - len(given),
        "average_words": round(sum(d["words"] for d in deliveries) / count),
        "average_speaking_seconds": round(sum(d["speaking_seconds"] for d in deliveries) / count, 1),
        "fillers_per_answer": round(sum(sum(d["fillers"].values()) for d in deliveries) / count, 1),
        "hedges_per_answer": round(sum(sum(d["hedges"].values()) for d in deliveries) / count, 1),
        "i_count": sum(d["i_count"] for d in deliveries),
        "we_count": sum(d["we_count"] for d in deliveries),
        "over_time": sum(1 for d in deliveries if d.get("overtime")),
    }
    redrill = [
        f"{_short(r.planned.text)}: {r.change.describe(now)}"
        for r in results if r.change.outcome in ("added", "returned", "reviewed") and r.analysis["verdict"] == "fumbled"
    ]
    return ReportCard(score, verdict, round(total_seconds, 1), lines, strengths, went_wrong, delivery, redrill)


Line = tuple[int, str]
"""A line of the card and how far it is indented (0 or 1)."""


def report_card_sections(card: ReportCard) -> list[tuple[str, list[Line]]]:
    """The card as (heading, lines) sections, the shape every front end prints."""
    sections: list[tuple[str, list[Line]]] = [
        (f"Interview report card: {card.score}/100, {card.verdict}",
         [(0, f"Total time {clock(card.total_seconds)}; {plural(len(card.lines), 'question')} asked")]),
    ]
    question_lines: list[Line] = []
    for line in card.lines:
        state = "skipped" if line.skipped else line.verdict
        question_lines.append((0, f"{line.number}. [{line.role}] {_short(line.text, 70)}: "
                                  f"{line.score}/100 {state}, {clock(line.seconds)}"))
        if line.tip:
            question_lines.append((1, line.tip))
    sections.append(("Questions", question_lines))
    sections.append(("What went right",
                     [(0, text) for text in card.strengths] or [(0, "Nothing stood out yet: every answer needs work.")]))
    sections.append(("What went wrong", [(0, text) for text in card.went_wrong] or [(0, "No answer was fumbled.")]))
    sections.append(("Delivery across the interview", _delivery_lines(card.delivery)))
    sections.append(("Now due for re-drill",
                     [(0, text) for text in card.redrill] or [(0, "Nothing: no question was fumbled.")]))
    return sections


def _delivery_lines(d: dict[str, Any]) -> list[Line]:
    answers, skipped = d.get("answers", 0), d.get("skipped", 0)
    if not answers:
        return [(0, f"No answers given: {plural(skipped, 'question')} skipped.")]
    return [
        (0, f"{plural(answers, 'answer')} given, {skipped} skipped; on average "
            f"{d.get('average_words', 0)} words, about {clock(d.get('average_speaking_seconds', 0))} to say"),
        (0, f"fillers {d.get('fillers_per_answer', 0)} and hedges {d.get('hedges_per_answer', 0)} per answer; "
            f"'I' {times(d.get('i_count', 0))}, 'we' {times(d.get('we_count', 0))}; "
            f"{plural(d.get('over_time', 0), 'answer')} over time"),
    ]


def format_report_card(card: ReportCard) -> str:
    """The card as plain text (line mode, exports)."""
    out: list[str] = []
    for heading, lines in report_card_sections(card):
        out.append(heading)
        out.extend("  " + "    " * indent + text for indent, text in lines)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
