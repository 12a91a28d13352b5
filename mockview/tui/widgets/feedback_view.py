"""Everything the analysis says about one answer, laid out to be read in a glance.

Used by the feedback screen after an answer and by the history screen for a
stored attempt; both pass the analysis in its JSON form, so an old attempt
looks exactly as it did when it was scored. The sections and their words
come from :func:`mockview.analysis.feedback.build_feedback`, the same ones
``mockview score`` and plain mode print; this module only lays them out. All text is built with
:class:`Content` from plain strings: nothing typed by a person, or written
in a bank, is ever read as markup.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from mockview.analysis.feedback import Feedback, build_feedback
from mockview.analysis.lexicon import PARTS
from mockview.tui.content import Content
from mockview.tui.widgets.answer_view import AnswerView
from mockview.tui.widgets.star_bar import PART_STYLES, StarBar

VERDICT_STYLES = {"strong": "bold $text-success", "ok": "bold $text-warning", "fumbled": "bold $text-error"}


def verdict_line(feedback: Feedback) -> Content:
    line = Content.assemble(
        (f"Score {feedback.score}/100", "bold"),
        "  ",
        (feedback.verdict.upper(), VERDICT_STYLES.get(feedback.verdict, "bold")),
    )
    if feedback.reasons:
        label = "Fumbled: " if feedback.reasons_label.startswith("Fumbled") else "Not strong yet: "
        line = line + Content("\n") + Content(label + "; ".join(feedback.reasons) + ".").stylize("$text-muted")
    return line


def points_line(feedback: Feedback) -> Content:
    return Content("  ".join(feedback.points.split(", "))).stylize("$text-muted")


def legend() -> Content:
    pieces = [Content.styled(f" {part.capitalize()} ", f"bold {PART_STYLES[part]}") for part in PARTS]
    return Content("Colours: ").stylize("$text-muted") + Content(" ").join(pieces)


def keywords_content(feedback: Feedback) -> Content:
    if not feedback.rubric and not feedback.rubric_title.startswith("Rubric"):
        return Content(feedback.rubric_title).stylize("$text-muted")
    lines = [Content(feedback.rubric_title).stylize("bold")]
    for line in feedback.rubric:
        detail = f"  ({line.detail})" if line.detail else ""
        if line.made:
            lines.append(Content.assemble(("  ✓ ", "$text-success"), line.term, (detail, "$text-muted")))
        else:
            mark = ("  ~ ", "$text-warning") if line.near else ("  ✗ ", "$text-error")
            lines.append(Content.assemble(mark, line.term, ("  required" if line.required else "", "bold $text-error"),
                                          (detail, "$text-muted")))
    return Content("\n").join(lines)


def delivery_content(feedback: Feedback) -> Content:
    return Content.assemble(("Delivery: ", "bold"), feedback.delivery, "\n",
                            ("  " + feedback.delivery_details, "$text-muted"))


def tips_widgets(tips: tuple[str, ...] | list[str]) -> list[Static]:
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
        feedback = build_feedback(analysis)
        yield Static(verdict_line(feedback), classes="verdict")
        if self.previous is not None:
            before, when = self.previous
            yield Static(comparison_content(before, analysis, when), classes="comparison")
        if feedback.star:
            yield StarBar(analysis.get("star", {}))
            notes = feedback.star_notes  # the bar shows which parts are missing
            yield Static(Content("\n").join(Content(f"  • {note}") for note in notes).stylize("$text-muted")
                         if notes else Content(""), classes="star-notes")
            yield Static(legend(), classes="legend")
        yield AnswerView(self.answer, analysis, classes="answer")
        yield Static(keywords_content(feedback), classes="keywords")
        if feedback.delivery:
            yield Static(delivery_content(feedback), classes="delivery")
        for note in feedback.notes:
            yield Static(Content(note).stylize("$text-muted"), classes="note")
        yield from tips_widgets(feedback.tips)
        yield Static(points_line(feedback), classes="points")

