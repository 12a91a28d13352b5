"""Exports of the history: a readable Markdown report, or every attempt as JSON or CSV.

Rendering, not storage: it sits above the store (which only hands out rows)
because a mock interview's section shows its report card, which belongs to
practice.

What the person typed is data in every format: in Markdown it is escaped
so that it never becomes a link, an image or markup
(:func:`~mockview.text.markdown_text`); in CSV a cell that starts like a
formula is prefixed with ``'`` so a spreadsheet shows it instead of running
it (:func:`~mockview.text.csv_cell`); JSON is exact, its control characters
escaped.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from mockview.store.repository import History
from mockview.store.rows import AttemptRow, SessionRow
from mockview.store.words import SessionMode
from mockview.text import csv_cell, json_escaped, markdown_code, markdown_fence, markdown_line, markdown_text

CSV_COLUMNS = (
    "id", "session_id", "submitted_at", "question_id", "bank", "category", "question", "answer",
    "seconds", "time_limit", "score", "verdict", "self_rating", "hints_used", "skipped", "parent_id",
)


def export_history(history: History, fmt: str, since: datetime | None = None) -> str:
    attempts = history.attempts(since=since, oldest_first=True)
    if fmt == "json":
        return json_escaped(json.dumps([_full(a) for a in attempts], ensure_ascii=False, indent=2)) + "\n"
    if fmt == "csv":
        return _csv(attempts)
    return _markdown(history, attempts, since)


def _full(attempt: AttemptRow) -> dict[str, Any]:
    data = attempt.to_json()
    data["question_snapshot"] = attempt.question
    data["analysis"] = attempt.analysis
    return data


def _csv(attempts: list[AttemptRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for attempt in attempts:
        data = attempt.to_json()
        writer.writerow(["" if data[column] is None else csv_cell(data[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


def _markdown(history: History, attempts: list[AttemptRow], since: datetime | None) -> str:
    sessions = {session.id: session for session in history.sessions(since=None)}
    groups: dict[int | None, list[AttemptRow]] = {}
    for attempt in attempts:
        groups.setdefault(attempt.session_id, []).append(attempt)
    lines = ["# mockview practice report", ""]
    if since is not None:
        lines += [f"Since {since.date().isoformat()}.", ""]
    if not attempts:
        lines.append("No answers recorded yet.")
    for session_id, group in groups.items():
        lines += _session_section(sessions.get(session_id) if session_id else None, group)
    return "\n".join(lines).rstrip() + "\n"


def _session_section(session: SessionRow | None, attempts: list[AttemptRow]) -> list[str]:
    when = (session.started_at if session else attempts[0].submitted_at).astimezone()
    mode = session.mode if session else SessionMode.PRACTICE
    scored = [a.score for a in attempts if not a.skipped]
    average = f"{sum(scored) / len(scored):.0f}" if scored else "-"
    lines = [f"## {when:%Y-%m-%d %H:%M}: {mode}, {len(attempts)} questions, average score {average}", ""]
    if session and session.banks:
        lines += [f"Banks: {markdown_line(', '.join(session.banks))}", ""]
    for number, attempt in enumerate(attempts, 1):
        lines.append(f"### {number}. {markdown_line(str(attempt.question.get('text', attempt.question_id)))}")
        lines.append("")
        seconds = f", {attempt.seconds:.0f} s" if attempt.seconds is not None else ""
        lines.append(f"{markdown_code(attempt.question_id)}: **{attempt.score}/100, {attempt.verdict}**{seconds}")
        lines.append("")
        if attempt.skipped:
            lines += ["*Skipped.*", ""]
        else:
            lines += [f"> {markdown_text(line)}" if line else ">" for line in attempt.answer.splitlines()] + [""]
        reasons = attempt.analysis.get("fumbled_reasons") or []
        if reasons:
            lines += ["Fumbled because: " + markdown_line("; ".join(reasons)) + ".", ""]
        tips = attempt.analysis.get("tips") or []
        if tips:
            lines += [f"- {markdown_line(tip)}" for tip in tips] + [""]
    if session and session.report:
        # Deferred: the report card pulls in the whole analysis (about 0.2 s),
        # and only mock interviews have one.
        from mockview.practice.report_card import ReportCard, format_report_card

        lines += ["**Report card**", "", *markdown_fence(format_report_card(ReportCard.from_json(session.report))), ""]
    if session and session.reflection:
        lines += ["**Reflection**", ""] + reflection_lines(session.reflection) + [""]
    return lines


def reflection_lines(reflection: dict[str, Any]) -> list[str]:
    """A reflection as Markdown list items; starred items are marked with a star."""
    lines = []
    for key, value in reflection.items():
        if not value:
            continue
        label = key.replace("_", " ").capitalize()
        if isinstance(value, list):
            shown = [
                (("★ " if item.get("starred") else "") + item.get("text", "")) if isinstance(item, dict) else str(item)
                for item in value
            ]
            lines.append(f"- {label}: " + markdown_line("; ".join(shown)))
        else:
            lines.append(f"- {label}: {markdown_line(str(value))}")
    return lines
