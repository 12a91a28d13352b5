"""Reading a debrief from a YAML file, checked like a bank.

Every problem comes back with its ``file:line:column``; a file with errors
gives no debrief at all, so nothing half-checked is ever saved.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

from mockview.banks.checks import RecordChecker, describe
from mockview.banks.problems import START, Position, Problem
from mockview.banks.yamlsource import REPORTED, LocatedList, LocatedMap, read_yaml_file
from mockview.prep.debrief.form import FUMBLED_MARK
from mockview.prep.debrief.model import AskedQuestion, Debrief, Feedback, Fit, parse_focus, same_question
from mockview.prep.reflection import OUTCOMES, Item, parse_factors
from mockview.store.words import Outcome

DEBRIEF_KEYS = (
    "company", "role", "date", "stage", "format", "interviewers", "outcome", "questions", "went_right",
    "went_wrong", "factors", "culture_fit", "role_fit", "strategy", "next_time", "feedback",
)
QUESTION_KEYS = ("text", "fumbled", "notes")
ITEM_KEYS = ("text", "starred")
FIT_KEYS = ("liked", "disliked")
FEEDBACK_KEYS = ("text", "focus")


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
        outcome = Outcome(self.choice(top, "outcome", OUTCOMES, Outcome.PENDING))
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
            except ValueError as error:
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                    # The shape of a date with an impossible month or day: say which, not "got text".
                    self.error(top.value_at("date"), f"'date' {value.strip()} is no day of the calendar ({error})")
                    return None
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
            key = same_question(asked.text)
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
