"""The feedback on one answer as sections, built once for every front end.

:func:`build_feedback` reads an analysis in its JSON form
(:meth:`Analysis.to_dict`, or an attempt stored long ago) and returns what
to say, section by section: the score line and its reasons, the points, the
STAR parts, the rubric, delivery and tips. ``mockview score``, plain mode,
the app and the report card all render these sections, so their words
cannot drift apart. Every key is read with a default: an attempt stored by
an older mockview (no ``top_words``, no ``near_misses``) still renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mockview.analysis.delivery import PLAUSIBLE_TYPING_WPM
from mockview.analysis.lexicon import PARTS
from mockview.analysis.thresholds import HELD_BACK, STRONG_FROM
from mockview.text import clock, plural, times


@dataclass(frozen=True, slots=True)
class StarPart:
    part: str
    present: bool
    share: float

    @property
    def shown(self) -> str:
        """How much of the answer the part takes, in words: "42%", "missing", or "in passing"."""
        return share_text(self.present, self.share)


def share_text(present: bool, share: float) -> str:
    """A part's share as the feedback shows it. A part told only inside another part's sentence ("I decided
    to make a plan" is an Action that also sets the Task) takes none of the words: "Task 0%" beside "Task
    missing" in another answer read as the same thing (found by a new-user run)."""
    if not present:
        return "missing"
    return "in passing" if round(share, 2) == 0 else f"{share:.0%}"


@dataclass(frozen=True, slots=True)
class RubricLine:
    made: bool
    term: str
    detail: str
    """What was said ("you said ...", "said in other words: ...") or why it is missing; may be empty."""
    required: bool = False
    near: bool = False
    """Missing, but nearly made (negated, or only part of it)."""


@dataclass(frozen=True, slots=True)
class Feedback:
    score: int
    verdict: str
    reasons_label: str
    """"Fumbled because", "Not strong yet" or ""."""
    reasons: tuple[str, ...]
    points: str
    star: tuple[StarPart, ...]
    """Empty when the question does not ask for a story."""
    star_labelled: bool
    star_notes: tuple[str, ...]
    rubric_title: str
    rubric: tuple[RubricLine, ...]
    delivery: str
    delivery_details: str
    tips: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def headline(self) -> str:
        return f"Score {self.score}/100: {self.verdict}"


def score_part_text(part: dict[str, Any]) -> str:
    """"rubric 20/25"; a part with nothing to earn (held back) shows its points and what it is: the
    points that keep the score under strong while the "Not strong yet" reasons stand (a new-user run
    read "held back -7" as a second length penalty)."""
    if not part.get("out_of"):
        if part["name"] == HELD_BACK:
            return f"{part['name']} {part['points']:g} (kept under {STRONG_FROM} until the reasons above are fixed)"
        return f"{part['name']} {part['points']:g}"
    return f"{part['name']} {part['points']:g}/{part['out_of']:g}"


def rubric_source(sources: dict[str, str], term: str) -> str:
    """"from your Acme profile" for a point the bank did not set, else ""."""
    source = sources.get(term, "")
    return f"from {source}" if source else ""


def star_details(analysis: dict[str, Any]) -> dict[str, Any]:
    """The extra STAR facts of an analysis in its JSON form (which sentence is
    which part, "I" and "we" in the Action, notes), kept beside ``star`` so
    that ``star`` holds exactly the four parts.

    Here, with the rest of what reads the stored form, rather than beside the
    analysis: reading a stored attempt must not load the whole judge.
    """
    return analysis.get("star_details") or {}


def build_feedback(analysis: dict[str, Any]) -> Feedback:
    fumbled = tuple(analysis.get("fumbled_reasons") or ())
    holding = tuple(analysis.get("holding_back") or ())
    reasons, label = (fumbled, "Fumbled because") if fumbled else (holding, "Not strong yet") if holding else ((), "")
    details = star_details(analysis)
    star: tuple[StarPart, ...] = ()
    notes: tuple[str, ...] = ()
    if details.get("required", True) and analysis.get("star"):
        star = tuple(
            StarPart(part, bool(analysis["star"].get(part, {}).get("present")),
                     float(analysis["star"].get(part, {}).get("share", 0.0)))
            for part in PARTS
        )
        # The parts line already says which parts are missing.
        notes = tuple(note for note in details.get("notes") or () if not note.startswith("no "))
    title, rubric = _rubric(analysis.get("keywords") or {})
    delivery, delivery_details = _delivery(analysis.get("delivery") or {})
    extra = []
    if analysis.get("truncated"):
        extra.append("The answer is very long; only its first 200,000 characters were analysed.")
    return Feedback(
        score=int(analysis.get("score", 0)),
        verdict=str(analysis.get("verdict", "")),
        reasons_label=label,
        reasons=reasons,
        points=", ".join(score_part_text(p) for p in analysis.get("score_parts") or ()),
        star=star,
        star_labelled=bool(details.get("labelled")),
        star_notes=notes,
        rubric_title=title,
        rubric=rubric,
        delivery=delivery,
        delivery_details=delivery_details,
        tips=tuple(analysis.get("tips") or ()),
        notes=tuple(extra),
    )


def _rubric(keywords: dict[str, Any]) -> tuple[str, tuple[RubricLine, ...]]:
    matched = keywords.get("matched") or []
    missing = keywords.get("missing") or []
    if not keywords.get("has_rubric", bool(matched or missing)):
        return "No rubric for this question.", ()
    total = len(matched) + len(missing)
    coverage = float(keywords.get("coverage", 0.0))
    title = f"Rubric: {len(matched)} of {plural(total, 'point')} made ({coverage:.0%} by weight)"
    sources = keywords.get("sources") or {}
    required = set(keywords.get("missing_required") or ())
    near = {item["term"]: item for item in keywords.get("near_misses") or ()}
    lines = []
    for match in matched:
        found = match.get("found", "")
        how = match.get("how", "said")
        if how == "structure":
            said = f"your Result: \"{_short(found)}\"" if found else "your Result"
        elif not found or found.lower() == match["term"].lower():
            said = ""
        elif how == "concept":
            said = f'said in other words: "{_short(found)}"'
        else:
            said = f'you said "{_short(found)}"'
        lines.append(RubricLine(True, match["term"], _join(said, rubric_source(sources, match["term"]))))
    for term in missing:
        almost = near.get(term)
        detail = ""
        if almost is not None:
            why = almost.get("why")
            if why == "negated":
                detail = f'nearly: you said "{_short(almost["found"])}"'
            elif why == "hypothetical":
                detail = f'nearly: "{_short(almost["found"])}" is what you would do, not what you did'
            elif why == "intended":
                detail = f'nearly: "{_short(almost["found"])}" is what was meant, not what was done'
            elif why == "named":
                detail = f'nearly: "{_short(almost["found"])}" names it, but says nothing of it'
            elif why == "stock":
                detail = f'nearly: "{_short(almost["found"])}" is a stock phrase, with nothing behind it'
            elif why == "disguised":
                detail = f'nearly: "{_short(almost["found"])}" is a strength dressed as a weakness'
            else:
                detail = f'nearly: "{_short(almost["found"])}" is only part of it'
        lines.append(RubricLine(False, term, _join(detail, rubric_source(sources, term)), term in required,
                                almost is not None))
    return title, tuple(lines)


def _delivery(delivery: dict[str, Any]) -> tuple[str, str]:
    if not delivery:
        return "", ""
    low, high = delivery.get("target_words") or (0, 0)
    line = (f"{delivery.get('words', 0)} words (target {low}-{high}), "
            f"about {clock(float(delivery.get('speaking_seconds', 0.0)))} to say")
    if delivery.get("seconds") is not None:
        line += f"; took {clock(delivery['seconds'])}"
        if delivery.get("time_limit"):
            line += f" of {clock(delivery['time_limit'])}"
        if delivery.get("overtime"):
            line += f" ({clock(delivery['overtime'])} over)"
        if delivery.get("wpm") and delivery["wpm"] <= PLAUSIBLE_TYPING_WPM:
            line += f", typing {delivery['wpm']:.0f} words a minute"
    details = [f"'I' {delivery.get('i_count', 0)}, 'we' {delivery.get('we_count', 0)}",
               f"numbers {delivery.get('numbers', 0)}"]
    if delivery.get("fillers"):
        details.append("fillers " + ", ".join(f"'{w}' {times(n)}" for w, n in delivery["fillers"].items()))
    if delivery.get("hedges"):
        details.append("hedges " + ", ".join(f"'{w}' {times(n)}" for w, n in delivery["hedges"].items()))
    if delivery.get("stock_phrases"):
        details.append("stock phrases " + ", ".join(f"'{w}'" for w in delivery["stock_phrases"]))
    leaned = [f"{w} ({n})" for w, n in delivery.get("top_words") or () if n >= 3]
    if leaned:
        details.append("words you lean on: " + ", ".join(leaned))
    return line, "; ".join(details)


def _short(text: str, width: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def _join(*notes: str) -> str:
    return "; ".join(note for note in notes if note)
