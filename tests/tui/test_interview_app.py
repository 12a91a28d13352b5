"""A short mock interview in the app, on a frozen clock."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from mockview.practice.interview import ASK_OUTCOME, InterviewOptions
from mockview.practice.report_card import ReportCard, report_card_sections
from mockview.store import open_store
from mockview.tui.screens.feedback import FeedbackScreen
from mockview.tui.screens.question import QuestionScreen
from mockview.tui.screens.reflection import ReflectionScreen
from mockview.tui.screens.report_card import ReportCardScreen
from tests.helpers import FakeClock
from tests.tui.helpers import SIZE, driver_of, make_app, paste, settle

NO_RESULT = ("At my last job our release kept slipping. My job was to get it back on track. "
             "I split the work into weekly milestones and I paired with the newest developer.")
CLOSING = "What would success look like in six months? How does the team decide what to build next?"


def interview_app(home: Path, clock: FakeClock):
    return make_app(home, clock, start="interview", interview_options=InterviewOptions(length="short", seed=4))


async def test_a_short_interview_end_to_end(mockview_home: Path) -> None:
    clock = FakeClock()
    app = interview_app(mockview_home, clock)
    seen: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        while isinstance(app.screen, QuestionScreen):
            screen = app.screen
            planned = screen.planned
            seen.append("follow-up" if planned.parent_attempt else planned.note or "question")
            assert "hint" not in {b.id for b in screen.query("Button")}
            offered = {binding.description for (_, binding, *_) in screen.active_bindings.values()}
            assert not offered & {"Hint", "Story"}  # no help in an interview, not even greyed out
            assert not screen.query(".verdict")  # no feedback during the run
            assert not screen.query("#answer-stats")  # not even a live word target
            clock.advance(45)
            screen.tick()
            await pilot.pause()
            assert str(screen.query_one("#interview-clock", Static).render()).startswith("Interview ")
            if planned.note == "closing":
                await paste(pilot, CLOSING)
            elif planned.parent_attempt is None and planned.note != "warm-up":
                await paste(pilot, NO_RESULT)
            else:
                await paste(pilot, "We finished two weeks late but kept the client.")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert not isinstance(app.screen, FeedbackScreen)
            if planned.parent_attempt is None and planned.note == "" and isinstance(app.screen, QuestionScreen):
                assert app.screen.planned.parent_attempt is not None
                assert app.screen.planned.text == ASK_OUTCOME
        assert seen[0] == "warm-up" and seen[-1] == "closing"
        assert "follow-up" in seen
        assert isinstance(app.screen, ReportCardScreen)
        card = app.screen.card
        shown = [str(widget.render()) for widget in app.screen.query(".card-heading, .card-line")]
        expected = []
        for heading, lines in report_card_sections(card):
            expected.append(heading)
            expected.extend(text for _, text in lines)
        assert shown == expected

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReflectionScreen)
        await paste(pilot, "*Clear actions")
        await pilot.press("tab")
        await paste(pilot, "*Froze on the failure question")
        app.screen.query_one("#factors").select("nervous")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"

    history = open_store(mockview_home)
    (session,) = history.sessions(mode="interview")
    assert ReportCard.from_json(session.report) == card
    assert session.reflection["went_right"] == [{"text": "Clear actions", "starred": True}]
    assert session.reflection["went_wrong"] == [{"text": "Froze on the failure question", "starred": True}]
    assert session.reflection["factors"] == ["nervous"]
    history.close()


async def test_the_interview_is_reachable_from_home_and_history(mockview_home: Path) -> None:
    clock = FakeClock()
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert type(app.screen).__name__ == "InterviewSetupScreen"
        app.screen.query_one("#length").value = "short"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and driver_of(app).is_interview
        while isinstance(app.screen, QuestionScreen):
            await pilot.press("ctrl+n")  # skip everything: allowed, and recorded
            await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert type(app.screen).__name__ == "InterviewsScreen"
        shown = app.screen.active_bindings.get("enter")
        assert shown is not None and shown.binding.show and shown.binding.description == "Report card"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportCardScreen) and not app.screen.after_interview
        assert app.screen.card.verdict == "fumbled"
