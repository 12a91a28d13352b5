"""Histories for the first-week app tests: eight sessions, a queue of skips."""

from __future__ import annotations

from pathlib import Path

from mockview.banks.library import load_library
from mockview.practice.plans import build_practice
from mockview.practice.selection import Filters
from mockview.store import open_store
from tests.conftest import FakeClock
from tests.tui.helpers import STORY

SHORT = "I think we kind of fixed it, basically, and it was fine."


def eight_sessions(home: Path, clock: FakeClock) -> None:
    """Eight sessions on eight days; the failure classic skipped in the first four (a leech)."""
    history = open_store(home, clock=clock)
    library = load_library(home)
    for day in range(8):
        questions = ("classics/time-you-failed",) + (("star/more-work-than-time",) if day % 2 else ())
        session = build_practice(library, history, Filters(questions=questions), clock)
        for number, _ in enumerate(questions):
            session.begin_question()
            clock.advance(95)
            session.submit("" if number == 0 and day < 4 else (STORY if day % 3 else SHORT))
        session.finish()
        clock.advance(days=1)
    history.close()


def skipped(home: Path, clock: FakeClock, question_ids: tuple[str, ...]) -> None:
    """One session skipping every one of ``question_ids``: each is due for re-drill at once."""
    history = open_store(home, clock=clock)
    session = build_practice(load_library(home), history, Filters(questions=question_ids), clock)
    for _ in question_ids:
        session.begin_question()
        session.submit("")
    session.finish()
    history.close()


SEVEN = ("star/more-work-than-time", "star/pushed-back-on-request", "star/quick-fix-or-proper-fix",
         "star/changed-senior-mind", "star/won-over-a-sceptic", "star/help-from-another-team",
         "star/negotiated-resources")


def one_interview(home: Path, clock: FakeClock) -> None:
    """A short mock interview answered to the end, its report card stored."""
    from mockview.practice.driver import start_interview
    from mockview.practice.interview import InterviewOptions

    history = open_store(home, clock=clock)
    driver = start_interview(load_library(home), history, InterviewOptions(length="short", seed=1), clock, home)
    while not driver.finished:
        driver.begin()
        clock.advance(60)
        driver.submit(STORY)
    driver.finish(None)
    history.close()
