"""The debrief form in the app: every field is text, read back into a debrief.

Questions are typed one per line, a leading ``!`` marking a fumble and
notes following `` -- ``; lists are one item per line. Problems come back
per field, worded for the person at the form.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

from mockview.prep.debrief.model import AskedQuestion, Debrief, Feedback, Fit, same_question
from mockview.prep.reflection import OUTCOMES, parse_factors, parse_items
from mockview.store.words import Outcome

FORM_FIELDS = (
    "company", "role", "date", "stage", "format", "interviewers", "outcome", "questions", "went_right",
    "went_wrong", "factors", "culture_liked", "culture_disliked", "role_liked", "role_disliked", "strategy",
    "next_time", "feedback",
)
"""The fields of the debrief form, all text: what a form draft holds."""
FUMBLED_MARK = "!"
NOTES_MARK = " -- "


def _lines(text: str) -> tuple[str, ...]:
    """One entry per non-empty line, list bullets dropped."""
    return tuple(line for line in (raw.strip().lstrip("-•").strip() for raw in text.splitlines()) if line)


def parse_asked(text: str) -> tuple[AskedQuestion, ...]:
    """Questions typed one per line: a leading "!" marks a fumble, notes follow " -- "."""
    questions = []
    for line in _lines(text):
        fumbled = line.startswith(FUMBLED_MARK)
        line = line.lstrip(FUMBLED_MARK).strip()
        question, _, notes = line.partition(NOTES_MARK)
        if question.strip():
            questions.append(AskedQuestion(question.strip(), fumbled, notes.strip()))
    return tuple(questions)


def repeated_question(questions: tuple[AskedQuestion, ...]) -> str | None:
    """The first question listed twice, if any."""
    seen: set[str] = set()
    for asked in questions:
        key = same_question(asked.text)
        if key in seen:
            return asked.text
        seen.add(key)
    return None


def debrief_from_form(
    values: Mapping[str, str], today: _dt.date | None = None
) -> tuple[Debrief | None, list[tuple[str, str]]]:
    """A debrief from the form's text fields, or the (field, problem) pairs that stop it."""
    today = today or _dt.date.today()

    def value(name: str) -> str:
        return (values.get(name) or "").strip()

    problems: list[tuple[str, str]] = []
    company = value("company")
    if not company:
        problems.append(("company", "Which company was it? The company is needed."))
    day: _dt.date | None = None
    try:
        day = _dt.date.fromisoformat(value("date"))
    except ValueError:
        problems.append(("date", f"The date must look like 2026-11-20, not {value('date')!r}."))
    if day is not None and day > today + _dt.timedelta(days=1):
        problems.append(("date", f"{day.isoformat()} is in the future: a debrief is of an interview that has happened."))
        day = None
    outcome = value("outcome") or "pending"
    if outcome not in OUTCOMES:
        problems.append(("outcome", f"The outcome must be one of {', '.join(OUTCOMES)}."))
    if problems or day is None:
        return None, problems
    feedback = value("feedback")
    debrief = Debrief(
        company=company,
        date=day,
        role=value("role"),
        stage=value("stage"),
        format=value("format"),
        interviewers=tuple(part.strip() for part in value("interviewers").split(",") if part.strip()),
        outcome=Outcome(outcome),
        questions=parse_asked(values.get("questions") or ""),
        went_right=parse_items(value("went_right")),
        went_wrong=parse_items(value("went_wrong")),
        factors=parse_factors(value("factors")),
        culture_fit=Fit(_lines(value("culture_liked")), _lines(value("culture_disliked"))),
        role_fit=Fit(_lines(value("role_liked")), _lines(value("role_disliked"))),
        strategy=value("strategy"),
        next_time=_lines(value("next_time")),
        feedback=(Feedback(feedback),) if feedback else (),
    )
    if not debrief.has_content:
        return None, [("questions", "Write down at least the questions asked, or what went right or wrong.")]
    if (twice := repeated_question(debrief.questions)) is not None:
        return None, [("questions", f"\"{twice}\" is listed twice; keep one, with a ! if either was fumbled.")]
    return debrief, []
