"""Time, in one place, so that tests can freeze it.

Wall-clock times are timezone-aware UTC; elapsed time comes from the
monotonic clock, which never jumps when the system clock is changed.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def monotonic(self) -> float:
        return time.monotonic()


def local_day(moment: datetime) -> date:
    """The calendar day of ``moment`` where the person is (for streaks)."""
    return moment.astimezone().date()


def to_text(moment: datetime) -> str:
    """How times are stored: ISO 8601 in UTC, to the second."""
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def from_text(text: str) -> datetime:
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
