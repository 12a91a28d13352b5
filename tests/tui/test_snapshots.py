"""SVG snapshots of the key screens (pytest-textual-snapshot).

Update them after an intended change with ``pytest --snapshot-update`` and
look at every changed picture before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from mockview.banks.library import load_library
from mockview.practice.plans import build_practice
from mockview.practice.selection import Filters
from mockview.store import open_store
from tests.helpers import FakeClock
from tests.tui.helpers import STORY, make_app, practice_app, settle

SHORT = "I think we kind of fixed it, basically, and it was fine."


def seed_history(home: Path, clock: FakeClock) -> None:
    """Three sessions over three days, answered through the engine."""
    history = open_store(home, clock=clock)
    library = load_library(home)
    for day, answers in enumerate(([STORY, SHORT], [SHORT, STORY], [STORY, STORY, ""])):
        session = build_practice(library, history, Filters(banks=("star",), count=len(answers), seed=day), clock)
        for answer in answers:
            session.begin_question()
            clock.advance(95)
            session.submit(answer)
        session.finish()
        clock.advance(days=1)
    history.close()


@pytest.fixture
def seeded(mockview_home: Path, utc) -> FakeClock:
    clock = FakeClock()
    seed_history(mockview_home, clock)
    return clock


def test_home(snap_compare, mockview_home: Path, seeded: FakeClock) -> None:
    assert snap_compare(make_app(mockview_home, seeded), terminal_size=(100, 30), run_before=settle)


def test_question(snap_compare, mockview_home: Path, utc) -> None:
    clock = FakeClock()

    async def typing(pilot: Pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("#answer").insert("At my last job our release kept slipping, and I")
        clock.advance(118)
        pilot.app.screen.tick()
        await pilot.pause()

    assert snap_compare(practice_app(mockview_home, clock), terminal_size=(100, 30), run_before=typing)


async def _answer_first(pilot: Pilot, answer: str = STORY) -> None:
    await settle(pilot)
    pilot.app.screen.query_one("#answer").insert(answer)
    pilot.app.clock.advance(100)
    await pilot.press("ctrl+s")
    await settle(pilot)


def test_feedback(snap_compare, mockview_home: Path, utc) -> None:
    assert snap_compare(practice_app(mockview_home), terminal_size=(100, 50), run_before=_answer_first)


def test_feedback_light_theme_small_terminal(snap_compare, mockview_home: Path, utc) -> None:
    async def light(pilot: Pilot) -> None:
        pilot.app.theme = "textual-light"
        await _answer_first(pilot, SHORT)

    assert snap_compare(practice_app(mockview_home), terminal_size=(80, 24), run_before=light)


def test_summary(snap_compare, mockview_home: Path, utc) -> None:
    async def finish(pilot: Pilot) -> None:
        await _answer_first(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(practice_app(mockview_home), terminal_size=(100, 32), run_before=finish)


def test_history(snap_compare, mockview_home: Path, seeded: FakeClock) -> None:
    async def open_history(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)

    assert snap_compare(make_app(mockview_home, seeded), terminal_size=(100, 30), run_before=open_history)


def test_report_card(snap_compare, mockview_home: Path, utc) -> None:
    from mockview.practice.interview import InterviewOptions

    clock = FakeClock()
    answers = iter([STORY, "We finished two weeks late but kept the client.", STORY, "What does success look like "
                    "in six months? How does the team decide what to build next?"] + [SHORT] * 6)

    async def interview(pilot: Pilot) -> None:
        await settle(pilot)
        while type(pilot.app.screen).__name__ == "QuestionScreen":
            pilot.app.screen.query_one("#answer").insert(next(answers))
            clock.advance(75)
            await pilot.press("ctrl+s")
            await settle(pilot)

    app = make_app(mockview_home, clock, start="interview", interview_options=InterviewOptions(length="short", seed=4))
    assert snap_compare(app, terminal_size=(100, 48), run_before=interview)


def test_debrief_form(snap_compare, mockview_home: Path, utc) -> None:
    async def fill(pilot: Pilot) -> None:
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#company").value = "Acme Corp"
        screen.query_one("#role").value = "Backend engineer"
        screen.query_one("#questions").insert("! Tell me about a time you failed. -- blanked\nWhy Acme?")
        screen.query_one("#company").focus()
        await settle(pilot)

    app = make_app(mockview_home, FakeClock(), start="debrief")
    assert snap_compare(app, terminal_size=(80, 24), run_before=fill)


def test_patterns(snap_compare, mockview_home: Path, seeded: FakeClock) -> None:
    import datetime as dt

    from mockview.prep.debrief.model import AskedQuestion, Debrief
    from mockview.prep.debrief.storage import save_debrief
    from mockview.prep.reflection import Item

    history = open_store(mockview_home, clock=seeded)
    for number, (company, factors) in enumerate([("Acme Corp", ("nervous", "rambled")), ("Globex", ("nervous",)),
                                                 ("Initech", ("tired",))]):
        save_debrief(history, Debrief(company=company, date=dt.date(2026, 3, 10 + number), factors=factors,
                                      went_wrong=(Item("Froze on the failure question", True),),
                                      questions=(AskedQuestion("Tell me about a time you failed.", True),)))
    history.close()

    async def open_patterns(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)

    assert snap_compare(make_app(mockview_home, seeded), terminal_size=(100, 40), run_before=open_patterns)
