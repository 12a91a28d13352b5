"""The tables of a patterns report, as rows.

Each row is a frozen value with the names its JSON has always had;
``to_json`` gives exactly the object ``mockview patterns --json`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Direction = Literal["up", "down", "flat"]


@dataclass(frozen=True, slots=True)
class FactorCount:
    """How many interviews a factor (nervous, rambled...) came up in, and whether that is a pattern."""

    factor: str
    interviews: int
    of: int
    real: int
    mock: int
    pattern: bool

    def to_json(self) -> dict[str, Any]:
        return {"factor": self.factor, "interviews": self.interviews, "of": self.of, "real": self.real,
                "mock": self.mock, "pattern": self.pattern}


@dataclass(frozen=True, slots=True)
class RepeatedProblem:
    """A starred went-wrong item said, in some words, after more than one interview."""

    problem: str
    times: int
    where: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"problem": self.problem, "times": self.times, "where": list(self.where)}


class _Fumbles:
    """The count a fumbles row shows; its dataclasses have the fields."""

    __slots__ = ()
    fumbled: int
    answers: int
    skipped: int

    @property
    def count(self) -> str:
        """"3 of 4 (2 skipped)": a skip is re-drilled as a fumble, but the person should see it was no answer."""
        return f"{self.fumbled} of {self.answers}" + (f" ({self.skipped} skipped)" if self.skipped else "")


@dataclass(frozen=True, slots=True)
class CategoryFumbles(_Fumbles):
    category: str
    fumbled: int
    """Fumbled answers, skips included."""
    answers: int
    skipped: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"category": self.category, "fumbled": self.fumbled, "answers": self.answers, "skipped": self.skipped}


@dataclass(frozen=True, slots=True)
class QuestionFumbles(_Fumbles):
    question_id: str
    text: str
    fumbled: int
    """Fumbled answers, skips included."""
    answers: int
    skipped: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"question_id": self.question_id, "text": self.text, "fumbled": self.fumbled, "answers": self.answers,
                "skipped": self.skipped}


@dataclass(frozen=True, slots=True)
class RealFumble:
    """A question fumbled in real interviews (worded alike counts as the same)."""

    question: str
    times: int
    category: str
    where: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "times": self.times, "category": self.category, "where": list(self.where)}


@dataclass(frozen=True, slots=True)
class FocusCount:
    """An area interviewers' feedback was about, and in how many interviews."""

    focus: str
    interviews: int

    def to_json(self) -> dict[str, Any]:
        return {"focus": self.focus, "interviews": self.interviews}


@dataclass(frozen=True, slots=True)
class Trend:
    """Points gained or lost in a category, from the first half of its answers to the second."""

    category: str
    answers: int
    change: int
    direction: Direction

    def to_json(self) -> dict[str, Any]:
        return {"category": self.category, "answers": self.answers, "change": self.change,
                "direction": self.direction}


@dataclass
class Patterns:
    interviews: int = 0
    real: int = 0
    factors: list[FactorCount] = field(default_factory=list)
    repeated_problems: list[RepeatedProblem] = field(default_factory=list)
    fumbled_categories: list[CategoryFumbles] = field(default_factory=list)
    fumbled_questions: list[QuestionFumbles] = field(default_factory=list)
    real_fumbles: list[RealFumble] = field(default_factory=list)
    feedback_focus: list[FocusCount] = field(default_factory=list)
    trends: list[Trend] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "interviews": self.interviews,
            "real_interviews": self.real,
            "factors": [row.to_json() for row in self.factors],
            "repeated_problems": [row.to_json() for row in self.repeated_problems],
            "fumbled_categories": [row.to_json() for row in self.fumbled_categories],
            "fumbled_questions": [row.to_json() for row in self.fumbled_questions],
            "real_interview_fumbles": [row.to_json() for row in self.real_fumbles],
            "feedback_focus": [row.to_json() for row in self.feedback_focus],
            "trends": [row.to_json() for row in self.trends],
            "summary": self.summary,
        }
