"""The app keeps running, and keeps the answer, when the disk or the history cannot take it."""

from __future__ import annotations

import errno
import json
import sqlite3
from pathlib import Path

from textual.widgets import Input, TextArea

from mockview.store import open_store
from mockview.store.drafts import DraftKeeper
from mockview.tui.screens.confirm import ConfirmScreen
from mockview.tui.screens.feedback import FeedbackScreen
from mockview.tui.screens.question import QuestionScreen
from mockview.tui.screens.save_copy import SaveCopyScreen
from tests.conftest import FakeClock
from tests.tui.helpers import SIZE, STORY, make_app, paste, practice_app, settle


def disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def sqlite_full(*_args, **_kwargs):
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    raise error


def notices(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_a_full_disk_while_typing_keeps_the_answer_and_prints_it_on_quit(mockview_home: Path,
                                                                               monkeypatch) -> None:
    import mockview.store.drafts as drafts

    monkeypatch.setattr(drafts, "write_atomically", disk_full)
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, STORY)
        await pilot.press("escape", "escape")  # pause and resume: the draft is written at once (and fails)
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        said = [n for n in notices(app) if "the disk is full" in n]
        assert len(said) == 1 and "Ctrl+F writes it to a file" in said[0]
        assert app.screen.query_one("#answer", TextArea).text == STORY
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
    assert app.return_value is not None and app.return_value.unsaved == STORY


async def test_an_answer_the_history_cannot_take_stays_and_can_be_copied_then_stored(
        mockview_home: Path, tmp_path: Path, monkeypatch) -> None:
    from mockview.store.repository import History

    real = History.add_attempt
    monkeypatch.setattr(History, "add_attempt", sqlite_full)
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, STORY)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        (said,) = [n for n in notices(app) if "not stored" in n]
        assert said.startswith(f"cannot write {mockview_home / 'history.db'}: the disk is full; your answer is "
                               "not stored yet: it is kept as a draft")
        assert app.screen.query_one("#answer", TextArea).text == STORY

        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, SaveCopyScreen)
        copy = tmp_path / "copy.txt"
        app.screen.query_one("#copy-path", Input).value = str(copy)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and copy.read_text() == STORY + "\n"

        monkeypatch.setattr(History, "add_attempt", real)  # room again
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
    with open_store(mockview_home) as history:
        assert [a.answer for a in history.attempts()] == [STORY]


async def test_a_history_locked_by_another_program_is_a_notice_not_a_crash(mockview_home: Path,
                                                                           monkeypatch) -> None:
    import mockview.store.db as db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, STORY)
        other = sqlite3.connect(mockview_home / "history.db", isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            await pilot.press("ctrl+s")
            await settle(pilot)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert isinstance(app.screen, QuestionScreen)
        assert any("another program has kept it locked" in n for n in notices(app))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)


async def test_practice_from_the_command_line_offers_a_left_draft_first(mockview_home: Path) -> None:
    question = {"id": "star/old", "bank": "star", "text": "Tell me about a deadline you nearly missed.",
                "kind": "star", "time_limit": 150, "words": [150, 350]}
    keeper = DraftKeeper(mockview_home)
    keeper.update(question, "The release slipped.", 30.0, now=FakeClock().now())
    keeper.path.write_text(json.dumps({**json.loads(keeper.path.read_text()), "pid": 999_999_999}))

    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.planned.text == "Tell me about a deadline you nearly missed."
        assert app.screen.query_one("#answer", TextArea).text == "The release slipped."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)

    later = practice_app(mockview_home)
    async with later.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(later.screen, QuestionScreen)  # answered: nothing is offered again


async def test_keeping_a_draft_for_later_starts_the_practice_and_keeps_it(mockview_home: Path) -> None:
    question = {"id": "star/old", "bank": "star", "text": "Tell me about a deadline.", "kind": "star",
                "time_limit": 150, "words": [150, 350]}
    keeper = DraftKeeper(mockview_home)
    keeper.update(question, "The release slipped.", 30.0, now=FakeClock().now())
    keeper.path.write_text(json.dumps({**json.loads(keeper.path.read_text()), "pid": 999_999_999}))
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.screen.planned.question.bank == "star"
        assert app.screen.planned.text != "Tell me about a deadline."
        assert keeper.path.exists()


async def test_a_badly_tagged_user_bank_is_skipped_and_the_app_runs(mockview_home: Path) -> None:
    banks = mockview_home / "banks"
    banks.mkdir(parents=True)
    (banks / "mine.yaml").write_text("bank: mine\nquestions:\n  - id: q\n    text: Why?\n    tags: [!!bool maybe]\n")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.return_value is None  # still running
        assert "Skipped mine.yaml: it has problems; see Banks (b)." in notices(app)
