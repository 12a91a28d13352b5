"""The messages of the app: what the app tells its screens, and the flow events screens report.

A screen never calls the app's flow: it posts one of these, it bubbles up to
the app, and the app's ``@on`` handler moves on (see
:mod:`mockview.tui.session_flow`). Each is a small dataclass, as in Toolong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from mockview.banks.library import Library
from mockview.practice.driver import SessionDriver
from mockview.practice.engine import AnswerResult

# --- the app to its screens -------------------------------------------------------


@dataclass
class LibraryLoaded(Message):
    """The banks have been read (or read again); screens showing them refresh."""

    library: Library


# --- screens to the app -------------------------------------------------------------


@dataclass
class LibraryRead(Message):
    """A screen read the banks again (after validating or editing one): the app adopts them."""

    library: Library


@dataclass
class SessionStarted(Message):
    """A practice, re-drill, interview or resumed draft is ready: ask its first question."""

    driver: SessionDriver


@dataclass
class AnswerSubmitted(Message):
    """The current question was answered or skipped, and recorded."""

    result: AnswerResult


@dataclass
class NextQuestion(Message):
    """From the feedback: on to the next question, or the summary."""


@dataclass
class AnswerAgain(Message):
    """From the feedback: the same question once more, now."""


@dataclass
class AnswerAnotherWay(Message):
    """From the feedback: the same question, asked another way (a variant of it), now."""

    result: AnswerResult


@dataclass
class SessionFinished(Message):
    """From the summary: end the practice, with the reflection typed there (if any)."""

    reflection: dict[str, Any] | None = None


@dataclass
class ReflectOnInterview(Message):
    """From the report card: go on to reflect on the interview."""


@dataclass
class InterviewFinished(Message):
    """End the interview, storing its report card and the reflection (if any)."""

    reflection: dict[str, Any] | None = None
