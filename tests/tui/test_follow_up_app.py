"""The feedback follow-up in the app: home's reminder on the day, the request to copy, dismissing it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from mockview.prep.debrief.model import AskedQuestion, Debrief
from mockview.prep.debrief.storage import save_debrief
from mockview.store import open_store
from mockview.store.words import Outcome
from mockview.tui import clipboard
from mockview.tui.screens.debriefs import DebriefsScreen, FeedbackFormScreen
from mockview.tui.screens.follow_up import FollowUpScreen
from mockview.tui.screens.home import HomeScreen
from tests.conftest import FakeClock
from tests.tui.helpers import SIZE, make_app, settle

DAY_BEFORE = "2026-03-08T23:59:00+00:00"
THE_DAY = "2026-03-09T00:00:00+00:00"


@pytest.fixture(autouse=True)
def no_clipboard_tools(monkeypatch: pytest.MonkeyPatch, utc) -> None:
    """No test touches the machine's real clipboard; one that wants a tool gives its own."""
    monkeypatch.setattr(clipboard, "clipboard_tools", lambda: [])


def seed(home: Path, outcome: Outcome = Outcome.REJECTED, company: str = "Acme Corp") -> int:
    history = open_store(home, clock=FakeClock("2026-03-02T18:00:00+00:00"))
    try:
        debrief_id, _ = save_debrief(history, Debrief(
            company=company, date=FakeClock().now().date(), role="Backend engineer", stage="onsite",
            interviewers=("Priya",), outcome=outcome,
            questions=(AskedQuestion("Tell me about a time you failed.", True),)))
    finally:
        history.close()
    return debrief_id


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_home_shows_the_reminder_on_the_seventh_day_and_not_before(mockview_home: Path) -> None:
    seed(mockview_home)
    clock = FakeClock(DAY_BEFORE)
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#follow-up-panel").display
        await pilot.press("a")  # nothing due: the key does nothing
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

        clock.advance(60)  # midnight: the seventh day
        app.screen.refresh_figures()
        await settle(pilot)
        panel = app.screen.query_one("#follow-up-panel")
        assert panel.display and panel.border_title == "A week on: ask for feedback"
        assert text_of(app, "#follow-up-text") == ('Acme Corp, Backend engineer (interview Mon 2 Mar 2026, rejected): '
                                                   'ask about your answer to "Tell me about a time you failed"')


async def test_the_request_is_shown_and_copied_with_the_terminal_when_no_tool_is_there(
        mockview_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    debrief_id = seed(mockview_home)
    app = make_app(mockview_home, FakeClock(THE_DAY))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        message = text_of(app, "#follow-up-message")
        assert message.startswith("Subject: Feedback on my Backend engineer interview on 2 March\n\nHi Priya,\n\n")
        assert 'my answer to "Tell me about a time you failed": what would have made it stronger?' in message
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == message + "\n"  # the whole request, as `debrief followup` prints it
        notice = list(app._notifications)[-1].message
        assert notice.startswith("Sent to your terminal's clipboard.")
        assert "run: mockview debrief followup 1" in notice

        pasted = tmp_path / "clipboard.txt"  # a clipboard tool, when there is one, gets the text
        tool = [sys.executable, "-c", f"import sys; open({str(pasted)!r}, 'w').write(sys.stdin.read())"]
        monkeypatch.setattr(clipboard, "clipboard_tools", lambda: [["mockview-no-such-tool"], tool])
        await pilot.press("c")
        await settle(pilot)
        assert list(app._notifications)[-1].message == "Copied to the clipboard: paste it into your email."
        assert pasted.read_text().startswith("Subject: Feedback on my Backend engineer interview on 2 March")

        await pilot.press("escape")  # closing keeps the reminder
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.screen.query_one("#follow-up-panel").display

        await pilot.click("#follow-up")  # dismissing clears it
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one("#follow-up-panel").display
    history = open_store(mockview_home)
    assert history.debrief(debrief_id).follow_up_dismissed is not None
    history.close()


async def test_their_reply_attached_from_the_request_clears_it_too(mockview_home: Path) -> None:
    debrief_id = seed(mockview_home)
    app = make_app(mockview_home, FakeClock(THE_DAY))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackFormScreen)
        app.screen.query_one("#feedback-text").insert("Your failure story had no result.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one("#follow-up-panel").display
    history = open_store(mockview_home)
    assert [f.text for f in history.debrief(debrief_id).feedback] == ["Your failure story had no result."]
    history.close()


async def test_the_debriefs_list_shows_each_follow_up_and_opens_it(mockview_home: Path) -> None:
    seed(mockview_home, company="Acme Corp")
    seed(mockview_home, Outcome.OFFER, company="Beta Labs")
    app = make_app(mockview_home, FakeClock("2026-03-05T10:00:00+00:00"))
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, DebriefsScreen)
        table = app.screen.query_one("#debrief-table", DataTable)
        follow_ups = {str(table.get_row_at(i)[1]): str(table.get_row_at(i)[-1]) for i in range(table.row_count)}
        assert follow_ups == {"Acme Corp": "on 9 Mar", "Beta Labs": "-"}
        table.move_cursor(row=[str(table.get_row_at(i)[1]) for i in range(table.row_count)].index("Acme Corp"))
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        assert "Due on Mon 9 Mar, a week after the interview" in text_of(app, "#follow-up-state")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DebriefsScreen)
        follow_ups = {str(table.get_row_at(i)[1]): str(table.get_row_at(i)[-1]) for i in range(table.row_count)}
        assert follow_ups == {"Acme Corp": "dismissed", "Beta Labs": "-"}

        table.move_cursor(row=[str(table.get_row_at(i)[1]) for i in range(table.row_count)].index("Beta Labs"))
        await pilot.press("a")
        await settle(pilot)
        assert "ended with the outcome 'offer'" in text_of(app, "#follow-up-state")
        assert not app.screen.query_one("#follow-up-scroll").display
