"""What a debrief is: the questions asked, what went right and wrong, the fit, the plan.

Frozen values shared by the YAML file, the app's form, storage and text
output, with the few rules every way in must agree on (when two questions
are the same one, how focus areas are written).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from mockview.prep.reflection import Item, parse_factors
from mockview.store.rows import DebriefRow
from mockview.store.words import Outcome


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
    outcome: Outcome = Outcome.PENDING
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


def where(debrief: Debrief | DebriefRow) -> str:
    """"from your interview at Acme" in a few words."""
    return f"from your interview at {debrief.company}"


def same_question(text: str) -> str:
    """Two lines ask the same question when only case, spacing and end punctuation differ."""
    return " ".join(text.lower().split()).rstrip("?.!")


def parse_focus(text: str) -> list[str]:
    """Focus areas from a comma-separated line, lower case, each once."""
    return list(parse_factors(text))
