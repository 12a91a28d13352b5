"""SVG snapshots of the screens issue 15 adds: a posting's requirements, home's follow-up, the request.

Update them after an intended change with ``pytest --snapshot-update`` and
look at every changed picture before committing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot

from mockview.prep.debrief.model import AskedQuestion, Debrief
from mockview.prep.debrief.storage import save_debrief
from mockview.prep.jobs import add_job
from mockview.store import open_store
from mockview.store.words import Outcome
from mockview.tui import clipboard
from tests.conftest import FakeClock
from tests.test_job_coverage import STORIES, save
from tests.tui.helpers import make_app, settle

JOBS = Path(__file__).resolve().parent.parent / "data" / "jobs"


@pytest.fixture(autouse=True)
def no_clipboard_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clipboard, "clipboard_tools", lambda: [])


def seed_debrief(home: Path) -> None:
    history = open_store(home, clock=FakeClock())
    try:
        save_debrief(history, Debrief(company="Acme Corp", date=dt.date(2026, 3, 2), role="Backend engineer",
                                      stage="onsite", interviewers=("Priya",), outcome=Outcome.REJECTED,
                                      questions=(AskedQuestion("Tell me about a time you failed.", True),)))
    finally:
        history.close()


def test_job_screen(snap_compare, mockview_home: Path, utc) -> None:
    add_job(mockview_home, (JOBS / "backend-engineer.txt").read_text(encoding="utf-8"), "backend-engineer.txt",
            now=dt.datetime(2026, 3, 1, 9, tzinfo=dt.timezone.utc))
    save(mockview_home, "stories.yaml", STORIES)

    async def open_job(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(make_app(mockview_home), terminal_size=(100, 32), run_before=open_job)


def test_home_with_a_follow_up(snap_compare, mockview_home: Path, utc) -> None:
    seed_debrief(mockview_home)
    app = make_app(mockview_home, FakeClock("2026-03-09T09:00:00+00:00"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_follow_up_request(snap_compare, mockview_home: Path, utc) -> None:
    seed_debrief(mockview_home)

    async def open_request(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)

    app = make_app(mockview_home, FakeClock("2026-03-09T09:00:00+00:00"))
    assert snap_compare(app, terminal_size=(100, 36), run_before=open_request)
