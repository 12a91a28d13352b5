"""A stored debrief read back: in full for ``debrief show`` and the app, in one line for lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mockview.prep.matching import alike, normalise
from mockview.store.rows import DebriefRow
from mockview.store.words import Outcome


def format_debrief(row: DebriefRow) -> str:
    """A stored debrief as plain text, for ``debrief show`` and the app."""
    data = row.data
    lines = [f"Debrief {row.id}: {row.company}" + (f", {row.role}" if row.role else ""),
             f"{row.day}; stage {data.get('stage') or '-'}; format {data.get('format') or '-'}; outcome {row.outcome}"]
    if data.get("interviewers"):
        lines.append("Interviewers: " + ", ".join(data["interviewers"]))

    def items(title: str, entries: list[Any]) -> None:
        if entries:
            lines.append("")
            lines.append(title)
            for entry in entries:
                if isinstance(entry, dict):
                    lines.append(f"  {'*' if entry.get('starred') else '-'} {entry.get('text', '')}")
                else:
                    lines.append(f"  - {entry}")

    questions = data.get("questions") or []
    went_wrong = [entry.get("text", "") if isinstance(entry, dict) else str(entry)
                  for entry in data.get("went_wrong") or []]
    if questions:
        lines += ["", "Questions"]
        for question in questions:
            mark = question_mark(question, went_wrong)
            lines.append(f"  - {question['text']} ({mark})")
            if question.get("notes"):
                lines.append(f"      {question['notes']}")
    items("What went right (* = significant)", data.get("went_right") or [])
    items("What went wrong (* = significant)", data.get("went_wrong") or [])
    if data.get("factors"):
        lines += ["", "Factors: " + ", ".join(data["factors"])]
    for label, key in (("Culture fit", "culture_fit"), ("Role fit", "role_fit")):
        fit = data.get(key) or {}
        if fit.get("liked") or fit.get("disliked"):
            lines += ["", f"{label}: liked {'; '.join(fit.get('liked') or []) or '-'}; "
                          f"disliked {'; '.join(fit.get('disliked') or []) or '-'}"]
    if data.get("strategy"):
        lines += ["", f"Strategy: {data['strategy']}"]
    items("Next time", data.get("next_time") or [])
    if row.feedback:
        lines += ["", "Interviewer feedback"]
        for feedback in row.feedback:
            focus = f" [{', '.join(feedback.focus)}]" if feedback.focus else ""
            lines.append(f"  - {feedback.text}{focus}")
    return "\n".join(lines)


def question_mark(question: dict[str, Any], went_wrong: list[str]) -> str:
    """How a question went, as the debrief says: fumbled, listed under what went wrong, or not fumbled.

    A question that is not marked fumbled but that the person also wrote
    under what went wrong did not go well, whatever its missing ``!`` says.
    One with no mark says only that: it was not fumbled, not that it went
    well (a new-user run read "answered well" for a question it never rated).
    """
    if question.get("fumbled"):
        return "fumbled: in your re-drill queue"
    text = str(question.get("text", ""))
    if any(_mentions(problem, text) for problem in went_wrong):
        return "listed under what went wrong"
    return "not fumbled"


def _mentions(problem: str, question: str) -> bool:
    asked = normalise(question)
    return bool(asked) and (alike(problem, question) or f" {asked} " in f" {normalise(problem)} ")


@dataclass(frozen=True, slots=True)
class DebriefSummary:
    """One line's worth of a debrief: for lists and ``debrief list --json``."""

    id: int
    company: str
    role: str
    date: str
    stage: str
    outcome: Outcome
    questions: int
    fumbled: int
    factors: tuple[str, ...]
    feedback: int
    """How many pieces of interviewer feedback it has."""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "company": self.company, "role": self.role, "date": self.date, "stage": self.stage,
                "outcome": self.outcome, "questions": self.questions, "fumbled": self.fumbled,
                "factors": list(self.factors), "feedback": self.feedback}


def debrief_summary(row: DebriefRow) -> DebriefSummary:
    questions = row.data.get("questions") or []
    return DebriefSummary(
        id=row.id,
        company=row.company,
        role=row.role,
        date=row.day,
        stage=row.data.get("stage", ""),
        outcome=row.outcome,
        questions=len(questions),
        fumbled=sum(1 for q in questions if q.get("fumbled")),
        factors=tuple(row.data.get("factors") or ()),
        feedback=len(row.feedback),
    )
