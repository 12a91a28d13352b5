"""A plain-text report of an analysis, for the terminal and screen readers.

It renders the sections of :func:`mockview.analysis.feedback.build_feedback`
(the same sections the app shows), from the JSON form of an analysis, so a
stored attempt is reported exactly as it was scored. Only words and numbers
are used, no bars or colours: the same text serves ``mockview score``, the
line-mode practice front end and exports.
"""

from __future__ import annotations

from typing import Any

from mockview.analysis.feedback import Feedback, build_feedback, rubric_source, score_part_text

__all__ = ["format_report", "format_feedback", "rubric_source", "score_part_text"]


def format_report(analysis: dict[str, Any]) -> str:
    """The analysis as readable lines of text."""
    return format_feedback(build_feedback(analysis))


def format_feedback(feedback: Feedback) -> str:
    lines: list[str] = [feedback.headline]
    if feedback.reasons:
        lines.append(f"  {feedback.reasons_label}: " + "; ".join(feedback.reasons) + ".")
    if feedback.points:
        lines.append("  Points: " + feedback.points)
    if feedback.star:
        shown = [f"{part.part.capitalize()} {part.shown}" for part in feedback.star]
        lines.append("STAR: " + ", ".join(shown) + ("  (from your labels)" if feedback.star_labelled else ""))
        lines.extend(f"  - {note}" for note in feedback.star_notes)
    if feedback.rubric or feedback.rubric_title.startswith("Rubric"):
        lines.append(feedback.rubric_title)
        for line in feedback.rubric:
            mark = "+" if line.made else "~" if line.near else "-"
            required = " [required]" if line.required else ""
            lines.append(f"  {mark} {line.term}{required}" + (f" ({line.detail})" if line.detail else ""))
    if feedback.delivery:
        lines.append("Delivery: " + feedback.delivery)
        lines.append("  " + feedback.delivery_details)
    lines.extend(f"Note: {note}" for note in feedback.notes)
    if feedback.tips:
        lines.append("Tips:")
        lines.extend(f"  {number}. {tip}" for number, tip in enumerate(feedback.tips, 1))
    return "\n".join(lines)
