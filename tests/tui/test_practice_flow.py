"""The practice flow in the app: question, clock, hints, feedback, rating, summary."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import ProgressBar, Static, TextArea

from mockview.store import open_store
from mockview.tui.screens.feedback import FeedbackScreen
from mockview.tui.screens.question import QuestionScreen
from mockview.tui.screens.summary import SummaryScreen
from mockview.tui.widgets.countdown import Countdown
from tests.helpers import FakeClock
from tests.tui.helpers import SIZE, STORY, burst, paste, practice_app, session_of, settle, text_of, type_text


async def test_practice_opens_on_the_first_question_and_submits(mockview_home: Path) -> None:
    clock = FakeClock()
    app = practice_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        question = session_of(app).current.question
        assert question.full_id.startswith("star/")
        assert text_of(app, "#question-text") == session_of(app).current.text
        assert "Question 1 of 2" in text_of(app, "#question-meta")

        await type_text(pilot, "I set up a rota")
        assert app.screen.query_one("#answer", TextArea).text == "I set up a rota"
        assert text_of(app, "#answer-stats").startswith("5 words")

        clock.advance(42)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.seconds == 42
        assert "FUMBLED" in text_of(app, ".verdict")

    history = open_store(mockview_home)
    (attempt,) = history.attempts()
    assert attempt.answer == "I set up a rota" and attempt.seconds == 42
    history.close()


async def test_the_timer_warns_then_shows_overtime_and_keeps_the_answer(mockview_home: Path) -> None:
    clock = FakeClock()
    app = practice_app(mockview_home, clock, time_limit=100)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        countdown = screen.query_one(Countdown)
        clock.advance(30)
        screen.tick()
        await pilot.pause()
        assert str(countdown.query_one("#clock").render()) == "1:10 left"
        assert not countdown.has_class("-warning")

        clock.advance(50)
        screen.tick()
        await pilot.pause()
        assert countdown.has_class("-warning") and not countdown.has_class("-over")
        assert countdown.query_one(ProgressBar).progress == 80

        clock.advance(35)
        screen.tick()
        await pilot.pause()
        assert str(countdown.query_one("#clock").render()) == "+0:15 over"
        assert countdown.has_class("-over")

        await paste(pilot, "Still typing after time")
        await pilot.press("ctrl+s")
        await settle(pilot)
        analysis = app.screen.result.analysis
        assert analysis["delivery"]["overtime"] == 15
        assert app.screen.result.seconds == 115


async def test_pause_stops_the_clock_and_the_typing(mockview_home: Path) -> None:
    clock = FakeClock()
    app = practice_app(mockview_home, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        clock.advance(10)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one("#answer", TextArea).disabled
        assert "(paused)" in str(screen.query_one("#clock").render())
        footer = {binding.description for (_, binding, enabled, _) in screen.active_bindings.values() if enabled}
        assert "Resume" in footer and "Pause" not in footer  # the footer says what escape does now
        await pilot.press("a", "b")  # typed while paused: kept out of the answer, and the person is told
        await pilot.pause()
        assert screen.query_one("#answer", TextArea).text == ""
        told = [n.message for n in app._notifications if n.message.startswith("Paused")]
        assert told == ["Paused: the answer waits with the clock. Press Esc to go on typing."]
        clock.advance(300)
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.query_one("#answer", TextArea).disabled
        clock.advance(5)
        assert session_of(app).stopwatch.elapsed == 15


async def test_hints_are_shown_and_recorded(mockview_home: Path) -> None:
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tips = session_of(app).current.question.tips
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert text_of(app, "#hint-text") == f"Hint 1 of {len(tips)}: {tips[0]}"
        assert "1 hint used" in text_of(app, "#answer-stats")
        await paste(pilot, "ok")
        await pilot.press("ctrl+s")
        await settle(pilot)
    history = open_store(mockview_home)
    assert history.attempts()[0].hints_used == 1
    history.close()


async def test_feedback_rating_again_next_and_summary(mockview_home: Path) -> None:
    clock = FakeClock()
    app = practice_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first_id = session_of(app).current.question.full_id
        await paste(pilot, "Not sure")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Rate yourself" in text_of(app, "#rating") and "[1 Again]" in text_of(app, "#rating")
        await pilot.press("4")
        await pilot.pause()
        assert "[4 Easy]" in text_of(app, "#rating") and "(your rating)" in text_of(app, "#rating")

        await pilot.press("r")  # the same question again, now
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert session_of(app).current.question.full_id == first_id
        # The same question keeps its number: a new-user run read "Question 2 of 3" as a new one.
        assert text_of(app, "#question-meta").startswith("Question 1 of 2 (again)")
        await paste(pilot, STORY)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Last time" in text_of(app, ".comparison")

        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert text_of(app, "#question-meta").startswith("Question 2 of 2")
        await pilot.press("ctrl+n")  # nothing typed: skipped at once
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await paste(pilot, "Clear actions")
        await pilot.press("tab")
        await paste(pilot, "Froze at first")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"

    history = open_store(mockview_home)
    attempts = history.attempts(oldest_first=True)
    assert [a.self_rating for a in attempts] == [4, None, None]
    assert attempts[2].skipped
    session = history.session(attempts[0].session_id)
    assert session.reflection == {"went_right": "Clear actions", "went_wrong": "Froze at first"}
    assert session.ended_at is not None
    history.close()


async def test_markup_in_bank_text_is_shown_literally(mockview_home: Path) -> None:
    folder = mockview_home / "banks"
    folder.mkdir(parents=True)
    (folder / "markup.yaml").write_text(
        "bank: markup\nquestions:\n  - id: tricky\n"
        "    text: \"[bold red]Why[/] did you [link=http://x]click[/link] $variable?\"\n"
        "    tips: [\"Use [i]italics[/i] sparingly\"]\n"
    )
    app = practice_app(mockview_home, banks=("markup",), count=1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text_of(app, "#question-text") == "[bold red]Why[/] did you [link=http://x]click[/link] $variable?"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert text_of(app, "#hint-text") == "Hint 1 of 1: Use [i]italics[/i] sparingly"
        await paste(pilot, "[b]bold[/b] claim")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "[b]bold[/b] claim" in str(app.screen.query_one(".answer", Static).render())


async def test_an_unknown_bank_on_the_command_line_fails_clearly(mockview_home: Path) -> None:
    app = practice_app(mockview_home, banks=("nope",))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 1
    assert app.return_value is not None and app.return_value.return_code == 1
    assert (app.return_value.error or "").startswith("unknown bank 'nope'")


async def test_drafts_are_saved_while_typing(mockview_home: Path) -> None:
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, "f")  # the first change is saved at once, later ones at most every two seconds
        await paste(pilot, "irst words")
        drafts = list((mockview_home / "drafts").glob("*.json"))
        assert len(drafts) == 1
        assert json.loads(drafts[0].read_text())["answer"].startswith("f")
        await pilot.press("escape")  # pausing saves at once
        await pilot.pause()
        assert json.loads(drafts[0].read_text())["answer"] == "first words"
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert list((mockview_home / "drafts").glob("*.json")) == []


async def test_a_second_submit_before_the_feedback_shows_answers_nothing_more(mockview_home: Path) -> None:
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await paste(pilot, STORY)
        screen.action_submit()  # the feedback comes with the app's next turn: the keys may already be typed
        screen.action_submit()
        screen.action_skip()
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.planned.question.full_id == session_of(app).plan[0].question.full_id
    history = open_store(mockview_home)
    assert len(history.attempts()) == 1
    history.close()


async def test_ctrl_s_right_after_fast_typing_submits_every_character(mockview_home: Path) -> None:
    """A fast typist (or a busy machine) delivers keys in a burst: Ctrl+S must wait for the keys before it,
    not submit what the answer box had taken in so far."""
    app = practice_app(mockview_home)
    text = "Acme is moving from hardware to subscriptions, and I would follow that shift closely."
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        burst(app, text, then="ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
    history = open_store(mockview_home)
    (attempt,) = history.attempts()
    history.close()
    assert attempt.answer == text
