"""Everything the analysis says about one answer, laid out to be read in a glance.

Used by the feedback screen after an answer and by the history screen for a
stored attempt; both pass the analysis in its JSON form, so an old attempt
looks exactly as it did when it was scored. All text is built with
:class:`Content` from plain strings: nothing typed by a person, or written
in a bank, is ever read as markup.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from mockview.analysis.answer import star_details
from mockview.analysis.delivery import PLAUSIBLE_TYPING_WPM
from mockview.analysis.lexicon import PARTS
from mockview.analysis.report import rubric_source, score_part_text
from mockview.text import clock, plural, times
from mockview.tui.widgets.answer_view import AnswerView
from mockview.tui.widgets.star_bar import PART_STYLES, StarBar

VERDICT_STYLES = {"strong": "bold $text-success", "ok": "bold $text-warning", "fumbled": "bold $text-error"}


def verdict_line(analysis: dict[str, Any]) -> Content:
    verdict = analysis["verdict"]
    line = Content.assemble(
        (f"Score {analysis['score']}/100", "bold"),
        "  ",
        (verdict.upper(), VERDICT_STYLES.get(verdict, "bold")),
    )
    reasons = analysis.get("fumbled_reasons") or analysis.get("holding_back") or []
    if reasons:
        label = "Fumbled: " if analysis.get("fumbled_reasons") else "Not strong yet: "
        line = line + Content("\n") + Content(label + "; ".join(reasons) + ".").stylize("$text-muted")
    return line


def points_line(analysis: dict[str, Any]) -> Content:
    parts = analysis.get("score_parts") or []
    return Content("  ".join(score_part_text(p) for p in parts)).stylize("$text-muted")


def legend() -> Content:
    pieces = [Content.styled(f" {part.capitalize()} ", f"bold {PART_STYLES[part]}") for part in PARTS]
    return Content("Colours: ").stylize("$text-muted") + Content(" ").join(pieces)


def keywords_content(keywords: dict[str, Any]) -> Content:
    if not keywords.get("has_rubric", True) and not keywords.get("matched") and not keywords.get("missing"):
        return Content("No rubric for this question.").stylize("$text-muted")
    total = len(keywords["matched"]) + len(keywords["missing"])
    lines = [Content(f"Rubric: {len(keywords['matched'])} of {plural(total, 'point')} ({keywords['coverage']:.0%} by weight)").stylize("bold")]
    sources = keywords.get("sources") or {}
    for match in keywords["matched"]:
        found = match["found"]
        said = "" if found.lower() == match["term"].lower() else f'  (you said "{found}")'
        origin = _origin(sources, match["term"])
        lines.append(Content.assemble(("  ✓ ", "$text-success"), match["term"], (said + origin, "$text-muted")))
    required = set(keywords.get("missing_required") or [])
    for term in keywords["missing"]:
        tag = "  required" if term in required else ""
        lines.append(Content.assemble(("  ✗ ", "$text-error"), term, (tag, "bold $text-error"),
                                      (_origin(sources, term), "$text-muted")))
    return Content("\n").join(lines)


def _origin(sources: dict[str, str], term: str) -> str:
    source = rubric_source(sources, term)
    return f"  ({source})" if source else ""


def delivery_content(delivery: dict[str, Any]) -> Content:
    low, high = delivery.get("target_words") or (0, 0)
    first = f"{delivery['words']} words (target {low}-{high}), about {clock(delivery['speaking_seconds'])} to say"
    if delivery.get("seconds") is not None:
        first += f"; took {clock(delivery['seconds'])}"
        if delivery.get("time_limit"):
            first += f" of {clock(delivery['time_limit'])}"
        if delivery.get("overtime"):
            first += f", {clock(delivery['overtime'])} over"
        if delivery.get("wpm") and delivery["wpm"] <= PLAUSIBLE_TYPING_WPM:
            first += f"; typing {delivery['wpm']:.0f} wpm"
    second = [f"'I' {delivery['i_count']}, 'we' {delivery['we_count']}", f"numbers {delivery['numbers']}"]
    if delivery["fillers"]:
        second.append("fillers " + ", ".join(f"'{w}' {times(n)}" for w, n in delivery["fillers"].items()))
    if delivery["hedges"]:
        second.append("hedges " + ", ".join(f"'{w}' {times(n)}" for w, n in delivery["hedges"].items()))
    leaned = [f"{w} ({n})" for w, n in delivery.get("top_words", []) if n >= 3]
    if leaned:
        second.append("leaning on " + ", ".join(leaned))
    return Content.assemble(("Delivery: ", "bold"), first, "\n", ("  " + "; ".join(second), "$text-muted"))


def tips_widgets(tips: list[str]) -> list[Static]:
    """A heading and one block per tip, so long tips wrap under their own text."""
    if not tips:
        return [Static(Content("Nothing to fix: keep this story as it is.").stylize("$text-success"), classes="tips")]
    widgets = [Static(Content("Tips").stylize("bold"), classes="tips-title")]
    widgets += [Static(Content(f"{number}. {tip}"), classes="tip") for number, tip in enumerate(tips, 1)]
    return widgets


def comparison_content(before: dict[str, Any], after: dict[str, Any], when: str) -> Content:
    """Score then and now, and which parts and keywords were gained or lost."""
    lines = [Content.assemble(
        ("Last time ", "bold"), f"({when}): {before['score']} {before['verdict']}  →  now ",
        (f"{after['score']} {after['verdict']}", VERDICT_STYLES.get(after["verdict"], "bold")),
    )]
    had = {p for p in PARTS if before.get("star", {}).get(p, {}).get("present")}
    has = {p for p in PARTS if after.get("star", {}).get(p, {}).get("present")}
    said_before = {m["term"] for m in before.get("keywords", {}).get("matched", [])}
    said_now = {m["term"] for m in after.get("keywords", {}).get("matched", [])}
    for label, gained, lost in (("parts", has - had, had - has), ("keywords", said_now - said_before, said_before - said_now)):
        bits = []
        if gained:
            bits.append(Content("gained " + ", ".join(sorted(gained))).stylize("$text-success"))
        if lost:
            bits.append(Content("lost " + ", ".join(sorted(lost))).stylize("$text-error"))
        if bits:
            lines.append(Content(f"  {label}: ") + Content("; ").join(bits))
    return Content("\n").join(lines)


class FeedbackView(Vertical):
    """The whole analysis of one answer."""

    DEFAULT_CSS = """
    FeedbackView { height: auto; }
    FeedbackView > Static { height: auto; margin-bottom: 1; }
    FeedbackView > .star-notes { margin-bottom: 0; }
    FeedbackView > StarBar { margin-bottom: 0; }
    FeedbackView > .tips-title, FeedbackView > .tip { margin-bottom: 0; }
    FeedbackView > .tip { padding-left: 2; }
    FeedbackView > .points { margin-top: 1; }
    """

    def __init__(
        self,
        analysis: dict[str, Any],
        answer: str,
        *,
        previous: tuple[dict[str, Any], str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.analysis = analysis
        self.answer = answer
        self.previous = previous

    def compose(self) -> ComposeResult:
        analysis = self.analysis
        yield Static(verdict_line(analysis), classes="verdict")
        if self.previous is not None:
            before, when = self.previous
            yield Static(comparison_content(before, analysis, when), classes="comparison")
        star = analysis.get("star", {})
        details = star_details(analysis)
        if details.get("required", True):
            yield StarBar(star)
            notes = [note for note in details.get("notes") or [] if not note.startswith("no ")]  # the bar shows those
            yield Static(Content("\n").join(Content(f"  • {note}") for note in notes).stylize("$text-muted")
                         if notes else Content(""), classes="star-notes")
            yield Static(legend(), classes="legend")
        yield AnswerView(self.answer, analysis, classes="answer")
        yield Static(keywords_content(analysis["keywords"]), classes="keywords")
        yield Static(delivery_content(analysis["delivery"]), classes="delivery")
        yield from tips_widgets(analysis.get("tips", []))
        yield Static(points_line(analysis), classes="points")

