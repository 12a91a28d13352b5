"""The words the history keeps in its text columns, as types.

Each is a ``StrEnum``: a member compares equal to its text, hashes like
it, formats as it and is stored and dumped to JSON as it, so the database,
``--json`` output and drafts hold exactly the text they held before. Text
read back from the database or typed by a person becomes a member with
``Outcome(text)``, which refuses a word the store does not know.
"""

from __future__ import annotations

from enum import StrEnum


class SessionMode(StrEnum):
    """What kind of sitting a session was."""

    PRACTICE = "practice"
    RETRY = "retry"
    INTERVIEW = "interview"


class ScheduleStatus(StrEnum):
    """Where a question stands in the re-drill queue."""

    ACTIVE = "active"
    GRADUATED = "graduated"
    """Strong on two different days: out of the queue until fumbled again."""
    RETIRED = "retired"
    """Taken out by hand."""


class Outcome(StrEnum):
    """How a real interview ended, as far as the person knows."""

    PENDING = "pending"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDREW = "withdrew"
