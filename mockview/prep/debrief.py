"""Debriefs of real interviews: what happened, what went right and wrong, and why.

A debrief is read from YAML (``mockview debrief add --file``) or filled in
the app, checked like a bank (every problem with its ``file:line:column``),
and stored in one transaction together with a re-drill item for every
question marked fumbled, so that nothing is ever half-saved.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mockview.banks.checks import RecordChecker, describe
from mockview.banks.library import Library
from mockview.banks.model import Question, guess_kind
from mockview.banks.problems import START, Position, Problem
from mockview.banks.yamlsource import REPORTED, LocatedList, LocatedMap, read_yaml_file
from mockview.errors import MockviewError
from mockview.prep.reflection import OUTCOMES, Item, parse_factors, parse_items
from mockview.prep.matching import alike, category_of, closest_question
from mockview.store.redrill import ScheduleChange, record_answer
from mockview.store.repository import History
from mockview.store.rows import DebriefRow
from mockview.store.snapshots import snapshot

DEBRIEF_KEYS = (
    "company", "role", "date", "stage", "format", "interviewers", "outcome", "questions", "went_right",
    "went_wrong", "factors", "culture_fit", "role_fit", "strategy", "next_time", "feedback",
)
QUESTION_KEYS = ("text", "fumbled", "notes")
ITEM_KEYS = ("text", "starred")
FIT_KEYS = ("liked", "disliked")
FEEDBACK_KEYS = ("text", "focus")
REAL_INTERVIEW_BANK = "debrief"
ITEM_ID_LENGTH = 48


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    text: str
    fumbled: bool = False
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Fit:
    liked: tuple[str, ...] = ()
    disliked: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Feedback:
    text: str
    focus: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Debrief:
    company: str
    date: _dt.date
    role: str = ""
    stage: str = ""
    format: str = ""
    interviewers: tuple[str, ...] = ()
    outcome: str = "pending"
    questions: tuple[AskedQuestion, ...] = ()
    went_right: tuple[Item, ...] = ()
    went_wrong: tuple[Item, ...] = ()
    factors: tuple[str, ...] = ()
    culture_fit: Fit = field(default_factory=Fit)
    role_fit: Fit = field(default_factory=Fit)
    strategy: str = ""
    next_time: tuple[str, ...] = ()
    feedback: tuple[Feedback, ...] = ()

    @property
    def has_content(self) -> bool:
        """Whether it says anything about the interview beyond where and when."""
        return bool(self.questions or self.went_right or self.went_wrong or self.factors or self.strategy
                    or self.next_time or self.feedback or self.culture_fit.liked or self.culture_fit.disliked
                    or self.role_fit.liked or self.role_fit.disliked)

    def to_json(self) -> dict[str, Any]:
        """Everything but the feedback, which is stored on its own so more can be added later."""
        return {
            "company": self.company,
            "role": self.role,
            "date": self.date.isoformat(),
            "stage": self.stage,
            "format": self.format,
            "interviewers": list(self.interviewers),
            "outcome": self.outcome,
            "questions": [{"text": q.text, "fumbled": q.fumbled, "notes": q.notes} for q in self.questions],
            "went_right": [item.to_json() for item in self.went_right],
            "went_wrong": [item.to_json() for item in self.went_wrong],
            "factors": list(self.factors),
            "culture_fit": {"liked": list(self.culture_fit.liked), "disliked": list(self.culture_fit.disliked)},
            "role_fit": {"liked": list(self.role_fit.liked), "disliked": list(self.role_fit.disliked)},
            "strategy": self.strategy,
            "next_time": list(self.next_time),
        }


class _DebriefChecker(RecordChecker):
    def __init__(self, path: str, today: _dt.date) -> None:
        super().__init__(path)
        self.today = today

    def debrief(self, data: Any) -> Debrief | None:
        top = self.mapping(data, "the top level of a debrief", START)
        if top is None:
            return None
        self.unknown_keys(top, DEBRIEF_KEYS, "debrief")
        company = self.text(top, "company", required=True)
        day = self._date(top)
        outcome = self.choice(top, "outcome", OUTCOMES, "pending")
        debrief = Debrief(
            company=company,
            date=day or _dt.date.today(),
            role=self.text(top, "role"),
            stage=self.text(top, "stage"),
            format=self.text(top, "format"),
            interviewers=self._texts(top, "interviewers"),
            outcome=outcome,
            questions=self._questions(top),
            went_right=self._items(top, "went_right"),
            went_wrong=self._items(top, "went_wrong"),
            factors=parse_factors(", ".join(self._texts(top, "factors"))),
            culture_fit=self._fit(top, "culture_fit"),
            role_fit=self._fit(top, "role_fit"),
            strategy=self.text(top, "strategy"),
            next_time=self._texts(top, "next_time"),
            feedback=self._feedback(top),
        )
        failed = any(problem.severity == "error" for problem in self.problems)
        if company and day and not failed and not debrief.has_content:
            self.error(top.position, "the debrief says nothing about the interview yet: add the questions asked, "
                                     "what went right or wrong, or the factors")
        return debrief if company and day else None

    def _date(self, top: LocatedMap) -> _dt.date | None:
        if "date" not in top:
            self.error(top.position, "missing required key 'date' (the day of the interview, YYYY-MM-DD)")
            return None
        value = top["date"]
        day: _dt.date | None = None
        if isinstance(value, _dt.datetime):
            day = value.date()
        elif isinstance(value, _dt.date):
            day = value
        elif isinstance(value, str):
            try:
                day = _dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        if day is not None:
            if day > self.today + _dt.timedelta(days=1):
                self.error(top.value_at("date"), f"'date' {day.isoformat()} is in the future; "
                                                 "a debrief is of an interview that has happened")
                return None
            return day
        if value is not REPORTED:
            self.error(top.value_at("date"), f"'date' must be a date like 2026-11-20, got {describe(value)}")
        return None

    def _texts(self, record: LocatedMap, key: str) -> tuple[str, ...]:
        """A list of text, or a single text standing for a list of one."""
        value = record.get(key)
        if isinstance(value, str):
            return (value.strip(),) if value.strip() else ()
        return self.text_list(record, key)

    def _list(self, record: LocatedMap, key: str) -> LocatedList | None:
        value = record.get(key)
        if value is None or value is REPORTED:
            return None
        if not isinstance(value, LocatedList):
            self.error(record.value_at(key), f"'{key}' must be a list, got {describe(value)}")
            return None
        return value

    def _questions(self, top: LocatedMap) -> tuple[AskedQuestion, ...]:
        items = self._list(top, "questions")
        if items is None:
            return ()
        questions = []
        first_seen: dict[str, Position] = {}
        for index, item in enumerate(items):
            position = items.item_at(index)
            if isinstance(item, str) and item.strip():
                asked = AskedQuestion(item.strip())
            else:
                record = self.mapping(item, f"question {index + 1}", position)
                if record is None:
                    continue
                self.unknown_keys(record, QUESTION_KEYS, "question")
                text = self.text(record, "text", required=True)
                if text.startswith(FUMBLED_MARK):
                    self.warning(record.value_at("text"), f"the question starts with '{FUMBLED_MARK}', which the "
                                                          "app's form reads as a fumble; in a file, write 'fumbled: true'")
                if not text:
                    continue
                asked = AskedQuestion(text, self.boolean(record, "fumbled"), self.text(record, "notes"))
            key = _same_question(asked.text)
            if key in first_seen:
                self.error(position, f"question {index + 1} repeats the one at line {first_seen[key].line}; "
                                     "keep one, marked fumbled if either was")
                continue
            first_seen[key] = position
            questions.append(asked)
        return tuple(questions)

    def _items(self, top: LocatedMap, key: str) -> tuple[Item, ...]:
        items = self._list(top, key)
        if items is None:
            return ()
        found = []
        for index, item in enumerate(items):
            if isinstance(item, str) and item.strip():
                found.append(Item(item.strip()))
                continue
            record = self.mapping(item, f"'{key}' item {index + 1}", items.item_at(index))
            if record is None:
                continue
            self.unknown_keys(record, ITEM_KEYS, f"'{key}' item")
            text = self.text(record, "text", required=True)
            if text:
                found.append(Item(text, self.boolean(record, "starred")))
        return tuple(found)

    def _fit(self, top: LocatedMap, key: str) -> Fit:
        value = top.get(key)
        if value is None or value is REPORTED:
            return Fit()
        record = self.mapping(value, f"'{key}'", top.value_at(key))
        if record is None:
            return Fit()
        self.unknown_keys(record, FIT_KEYS, f"'{key}'")
        return Fit(self._texts(record, "liked"), self._texts(record, "disliked"))

    def _feedback(self, top: LocatedMap) -> tuple[Feedback, ...]:
        value = top.get("feedback")
        if isinstance(value, str):
            return (Feedback(value.strip()),) if value.strip() else ()
        items = self._list(top, "feedback")
        if items is None:
            return ()
        found = []
        for index, item in enumerate(items):
            if isinstance(item, str) and item.strip():
                found.append(Feedback(item.strip()))
                continue
            record = self.mapping(item, f"feedback item {index + 1}", items.item_at(index))
            if record is None:
                continue
            self.unknown_keys(record, FEEDBACK_KEYS, "feedback item")
            text = self.text(record, "text", required=True)
            if text:
                found.append(Feedback(text, tuple(parse_focus(", ".join(self._texts(record, "focus"))))))
        return tuple(found)


def check_debrief(data: Any, path: str, today: _dt.date | None = None) -> tuple[Debrief | None, list[Problem]]:
    checker = _DebriefChecker(path, today or _dt.date.today())
    debrief = checker.debrief(data)
    errors = [p for p in checker.problems if p.severity == "error"]
    return (None if errors else debrief), checker.problems


def read_debrief_file(path: Path, today: _dt.date | None = None) -> tuple[Debrief | None, list[Problem]]:
    """Read and check a debrief file; never raises for bad content."""
    document = read_yaml_file(path)
    if document.data is None:
        return None, document.problems
    debrief, problems = check_debrief(document.data, document.path, today)
    problems = document.problems + problems
    if any(p.severity == "error" for p in problems):
        return None, problems
    return debrief, problems


def new_item_id(history: History, text: str) -> str:
    """A readable id for a question from a real interview, never one already in the queue."""
    words = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in text.lower()).split("-")
    base = "-".join(word for word in words if word)[:ITEM_ID_LENGTH].rstrip("-") or "question"
    candidate, number = base, 2
    while history.schedule_entry(f"{REAL_INTERVIEW_BANK}/{candidate}") is not None:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def redrill_question(item_id: str, asked: AskedQuestion, debrief: Debrief, questions: list[Question]) -> Question:
    """A question from a real interview as a re-drill item of its own, its hints what you noted."""
    return Question(bank=REAL_INTERVIEW_BANK, id=item_id, text=asked.text,
                    kind=guess_kind(asked.text), category=category_of(asked.text, questions),
                    tags=tuple(t for t in ("real-interview", debrief.stage) if t), tips=interview_notes(asked, debrief))


def interview_notes(asked: AskedQuestion, debrief: Debrief) -> tuple[str, ...]:
    """What the person wrote about a fumbled question, offered back as hints when they re-drill it."""
    notes = [f"At {debrief.company} ({debrief.date.isoformat()}): {asked.notes}"] if asked.notes else []
    if debrief.strategy:
        notes.append(f"Your strategy: {debrief.strategy}")
    notes += [f"You meant to: {item}" for item in debrief.next_time]
    return tuple(notes)


def where(debrief: Debrief | DebriefRow) -> str:
    """"from your interview at Acme" in a few words."""
    return f"from your interview at {debrief.company}"


def redrill_item(history: History, asked: AskedQuestion, debrief: Debrief,
                 questions: list[Question]) -> dict[str, Any] | None:
    """The question already known for one asked again: an earlier interview's item, else the bank's."""
    for entry in history.schedule(status=None):
        if entry.source == "debrief" and alike(asked.text, str(entry.question.get("text", ""))):
            return entry.question
    same = closest_question(asked.text, questions, debrief.company, debrief.role or None)
    return snapshot(same[0], same[1]) if same is not None else None


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    """A debrief's content without what saving added to it, or what may change later (the outcome)."""
    questions = [{k: v for k, v in q.items() if k != "redrill"} for q in data.get("questions") or []]
    return {**{k: v for k, v in data.items() if k != "outcome"}, "questions": questions}


def save_debrief(history: History, debrief: Debrief, library: Library | None = None) -> tuple[int, list[ScheduleChange]]:
    """Store the debrief, its feedback, and a re-drill item per fumbled question, all or nothing.

    A question fumbled before (in another interview, or a bank question
    worded the same) is the same re-drill item, fumbled once more, not a new
    one; it is due now either way. The same debrief added twice is refused.
    """
    now = history.clock.now()
    data = debrief.to_json()
    for earlier in history.debriefs():
        if earlier.company.lower() == debrief.company.lower() and _comparable(earlier.data) == _comparable(data):
            raise MockviewError(f"this debrief is already saved as debrief {earlier.id} (see: mockview debrief show "
                                f"{earlier.id})")
    questions = list(library.questions()) if library is not None else []
    changes = []
    with history.atomic():
        debrief_id = history.add_debrief(company=debrief.company, role=debrief.role, day=debrief.date.isoformat(),
                                         outcome=debrief.outcome, data=data)
        for item in debrief.feedback:
            history.add_feedback(debrief_id, item.text, list(item.focus))
        queued: set[str] = set()
        for number, asked in enumerate(debrief.questions, 1):
            if not asked.fumbled:
                continue
            question = redrill_item(history, asked, debrief, questions)
            if question is None:
                question = snapshot(redrill_question(new_item_id(history, asked.text), asked, debrief, questions))
            elif question.get("bank") == REAL_INTERVIEW_BANK:
                new_notes = [t for t in interview_notes(asked, debrief) if t not in question.get("tips", [])]
                question = {**question, "tips": list(question.get("tips", [])) + new_notes}
            data["questions"][number - 1]["redrill"] = question["id"]
            if question["id"] in queued:
                continue  # the same question twice in one interview is one fumble
            queued.add(question["id"])
            change = record_answer(history, question=question, attempt_id=None, verdict="fumbled", now=now,
                                   source="debrief", note=where(debrief))
            entry = history.schedule_entry(change.question_id)
            if entry is not None:  # asked in a real interview and fumbled: drill it now, whatever FSRS says
                history.save_schedule(replace(entry, due=now, source="debrief", note=where(debrief)))
                change = replace(change, due=now)
            changes.append(change)
        history.update_debrief_data(debrief_id, data)
    return debrief_id, changes
@dataclass(frozen=True, slots=True)
class Deleted:
    debrief: DebriefRow
    removed: tuple[str, ...]
    """Re-drill items only this debrief had put in the queue, never answered: gone with it."""
    kept: tuple[str, ...]
    """Re-drill items answered since or shared with other interviews: kept, one fumble fewer."""


def delete_debrief(history: History, debrief_id: int) -> Deleted | None:
    """Delete a debrief and undo what it did to the queue, so adding it again counts once."""
    row = history.debrief(debrief_id)
    if row is None:
        return None
    removed, kept = [], []
    with history.atomic():
        for item_id in dict.fromkeys(q["redrill"] for q in row.data.get("questions") or [] if q.get("redrill")):
            entry = history.schedule_entry(item_id)
            if entry is None:
                continue
            if entry.fumbles <= 1 and not history.answered(item_id):
                history.delete_schedule_entry(item_id)
                removed.append(item_id)
            else:
                history.save_schedule(replace(entry, fumbles=max(0, entry.fumbles - 1)))
                kept.append(item_id)
        history.delete_debrief(debrief_id)
    return Deleted(row, tuple(removed), tuple(kept))


# --- the form in the app ----------------------------------------------------------

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


def _same_question(text: str) -> str:
    """Two lines ask the same question when only case, spacing and end punctuation differ."""
    return " ".join(text.lower().split()).rstrip("?.!")


def repeated_question(questions: tuple[AskedQuestion, ...]) -> str | None:
    """The first question listed twice, if any."""
    seen: set[str] = set()
    for asked in questions:
        key = _same_question(asked.text)
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
        outcome=outcome,
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


# --- reading one back ----------------------------------------------------------------

def format_debrief(row: DebriefRow) -> str:
    """A stored debrief as plain text, for ``debrief show`` and the app."""
    data = row.data
    lines = [f"Debrief {row.id}: {row.company}" + (f", {row.role}" if row.role else ""),
             f"{row.day}; stage {data.get('stage') or '-'}; format {data.get('format') or '-'}; outcome {row.outcome}"]
    if data.get("interviewers"):
        lines.append("Interviewers: " + ", ".join(data["interviewers"]))

    def items(title: str, entries: list) -> None:
        if entries:
            lines.append("")
            lines.append(title)
            for entry in entries:
                if isinstance(entry, dict):
                    lines.append(f"  {'*' if entry.get('starred') else '-'} {entry.get('text', '')}")
                else:
                    lines.append(f"  - {entry}")

    questions = data.get("questions") or []
    if questions:
        lines += ["", "Questions"]
        for question in questions:
            mark = "fumbled: in your re-drill queue" if question.get("fumbled") else "answered well"
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


def debrief_summary(row: DebriefRow) -> dict[str, Any]:
    """One line's worth of a debrief: for lists and ``debrief list --json``."""
    questions = row.data.get("questions") or []
    return {
        "id": row.id,
        "company": row.company,
        "role": row.role,
        "date": row.day,
        "stage": row.data.get("stage", ""),
        "outcome": row.outcome,
        "questions": len(questions),
        "fumbled": sum(1 for q in questions if q.get("fumbled")),
        "factors": row.data.get("factors") or [],
        "feedback": len(row.feedback),
    }


def parse_focus(text: str) -> list[str]:
    """Focus areas from a comma-separated line, lower case, each once."""
    return list(parse_factors(text))
