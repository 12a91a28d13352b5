"""Home, setup, history, banks, quitting and drafts in the app."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from textual.widgets import DataTable, SelectionList, TextArea

from mockview.store import open_store
from mockview.tui.screens.attempt import AttemptScreen
from mockview.tui.screens.bank_questions import BankQuestionsScreen
from mockview.tui.screens.home import HomeScreen
from mockview.tui.screens.question import QuestionScreen
from mockview.tui.screens.setup import SetupScreen
from tests.helpers import FakeClock, leave_draft
from mockview.practice.selection import Filters
from tests.tui.helpers import (SIZE, STORY, make_app, paste, pause_until, practice_app, session_of, settle,
                               text_of)


def answer_two(home: Path, clock: FakeClock) -> None:
    """Give one strong-ish answer and one skip, as the app would: through the session driver it drives.

    (The same sitting as ``practice_app``'s: the star bank, two questions, seed 1. Answering it through
    the app itself is what test_practice_flow does; here only the history it leaves matters.)
    """
    from mockview.banks.library import load_library
    from mockview.practice.driver import Step, start_practice

    with open_store(home, clock=clock) as history:
        driver = start_practice(load_library(home), history, Filters(banks=("star",), count=2, seed=1), clock, home)
        driver.begin()
        clock.advance(90)
        driver.submit(STORY)
        assert driver.next() is Step.QUESTION
        driver.begin()
        driver.skip()
        assert driver.next() is Step.SUMMARY
        driver.finish(None)


async def test_home_shows_due_re_drills_sessions_and_scores(mockview_home: Path, utc) -> None:
    clock = FakeClock()
    answer_two(mockview_home, clock)
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert text_of(app, "#due") == "Re-drills due: 1"
        assert text_of(app, "#streak") == "Streak: 1 day"
        assert text_of(app, "#totals") == "Answers: 2"
        assert app.screen.query_one("#totals").border_subtitle.startswith("average ")  # on the border: never cut
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 1
        assert [str(value) for value in table.get_row_at(0)[1:3]] == ["practice", "2"]
        assert app.screen.query_one("#scores").display


async def test_setup_shows_a_problem_in_place_then_starts_with_the_chosen_bank_and_count(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        app.screen.query_one("#tags").value = "no-such-tag"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "no tag 'no-such-tag'" in text_of(app, "#setup-error")
        app.screen.query_one("#tags").value = ""
        banks = app.screen.query_one("#banks", SelectionList)
        banks.select("company-research")
        await pilot.pause()
        categories = app.screen.query_one("#categories", SelectionList)
        assert {categories.get_option_at_index(i).value for i in range(categories.option_count)} <= {
            "company-knowledge", "motivation", "culture-fit", "role-fit", "closing"}
        app.screen.query_one("#count").value = "3"
        app.screen.query_one("#company").value = "Acme"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert len(session_of(app).plan) == 3
        assert all(p.question.bank == "company-research" for p in session_of(app).plan)
        templated = [p for p in session_of(app).plan if "{company}" in p.question.text]
        assert all("Acme" in p.text for p in templated)
        assert not any("{company}" in p.text for p in session_of(app).plan)


async def test_history_lists_filters_sorts_and_opens(mockview_home: Path, utc) -> None:
    clock = FakeClock()
    answer_two(mockview_home, clock)
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.query_one("#attempts", DataTable)
        assert table.row_count == 2
        verdicts = {str(table.get_row_at(i)[4]) for i in range(2)}
        assert "skipped" in verdicts
        app.screen.query_one("#filter-verdict").value = "fumbled"
        await settle(pilot)
        assert table.row_count == 1 and str(table.get_row_at(0)[4]) == "skipped"
        app.screen.query_one("#filter-verdict").value = "all"
        await settle(pilot)
        def labels() -> list[str]:
            return [str(column.label) for column in table.columns.values()]

        assert labels()[0] == "When ▼"  # the newest first, and the header says so
        await pilot.press("s")  # sort by bank
        await pilot.pause()
        assert app.screen.sort == "bank"
        assert labels()[:2] == ["When", "Bank ▲"]
        await settle(pilot)
        header = "".join(segment.text for segment in table.render_line(0))
        assert "Bank ▲" in header  # shown, not cut off: "Bank" is wider than the banks under it only by the arrow
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AttemptScreen)
        assert "Score" in text_of(app, ".verdict")


async def test_banks_show_problems_validate_and_edit_in_the_editor(mockview_home: Path, tmp_path: Path,
                                                                   monkeypatch) -> None:
    folder = mockview_home / "banks"
    folder.mkdir(parents=True)
    broken = folder / "broken.yaml"
    broken.write_text("bank: broken\nquestions:\n  - id: a\n    text: Fine?\n    catgory: x\n")
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nsed -i 's/catgory/category/' \"$1\"\n")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)

    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        problems = text_of(app, "#problems")
        assert f"{broken}:5:5: unknown key 'catgory' in question; did you mean 'category'?" in problems
        table = app.screen.query_one("#bank-table", DataTable)
        row = next(i for i in range(table.row_count) if str(table.get_row_at(i)[5]) == str(broken))
        table.move_cursor(row=row)
        late = folder / "late.yaml"  # a file added once the screen is open: v finds it
        late.write_text("bank: late\nquestions:\n  - id: a\n    text: Fine?\n    kindd: open\n")
        await pilot.press("v")
        await settle(pilot)
        assert "did you mean 'category'" in text_of(app, "#problems")
        assert "unknown key 'kindd' in question; did you mean 'kind'?" in text_of(app, "#problems")
        late.unlink()
        await pilot.press("e")
        await settle(pilot)
        assert "catgory" not in broken.read_text()
        assert app.banks.library is not None and "broken" in app.banks.library.banks
        assert text_of(app, "#problems") == "No problems: every bank file is valid."
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BankQuestionsScreen)
        assert app.screen.bank.id == "broken"


async def test_a_bank_broken_after_the_start_shows_its_problem_when_the_banks_screen_opens(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        folder = mockview_home / "banks"
        folder.mkdir(parents=True)
        broken = folder / "late.yaml"
        broken.write_text("bank: late\nquestions:\n  - id: a\n    text: Fine?\n    catgory: x\n")
        await pilot.press("b")
        await settle(pilot)
        assert f"{broken}:5:5: unknown key 'catgory' in question" in text_of(app, "#problems")


async def test_quitting_mid_answer_asks_and_keeps_the_draft(mockview_home: Path) -> None:
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert not {"Practice", "Re-drill", "Mock interview"} & titles  # no new session during one
        assert "Quit" in titles
        await paste(pilot, "my half answer")
        await pilot.press("ctrl+n")  # skipping a typed answer asks first
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.query_one("#answer", TextArea).text == "my half answer"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("y")
        await pilot.pause()
    drafts = list((mockview_home / "drafts").glob("*.json"))
    assert len(drafts) == 1
    assert json.loads(drafts[0].read_text())["answer"] == "my half answer"


async def test_a_recovered_draft_is_offered_on_home_and_resumed(mockview_home: Path) -> None:
    question = {"id": "star/old", "bank": "star", "text": "Tell me about a deadline you nearly missed.",
                "kind": "star", "time_limit": 150, "words": [150, 350]}
    clock = FakeClock()
    left = leave_draft(mockview_home, question, "At my last job the release slipped.", 30.0, now=clock.now())

    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#draft-panel").display
        assert "Tell me about a deadline you nearly missed." in text_of(app, "#draft-text")
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        area = app.screen.query_one("#answer", TextArea)
        assert area.text == "At my last job the release slipped."
        drafts = list((mockview_home / "drafts").glob("*.json"))  # on disk before anything is typed
        assert len(drafts) == 1 and drafts[0] != left
        assert json.loads(drafts[0].read_text())["answer"] == "At my last job the release slipped."
        await paste(pilot, " Then")
        await pilot.press("ctrl+s")
        await settle(pilot)
    history = open_store(mockview_home)
    (attempt,) = history.attempts()
    assert attempt.answer == "At my last job the release slipped. Then"
    assert attempt.seconds >= 30
    history.close()
    assert not os.path.exists(left)


async def test_retry_from_the_command_line_opens_the_due_question(mockview_home: Path) -> None:
    clock = FakeClock()
    answer_two(mockview_home, clock)
    app = make_app(mockview_home, clock, start="retry")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert session_of(app).mode == "retry" and len(session_of(app).plan) == 1


async def test_small_terminal_still_shows_the_answer_area(mockview_home: Path) -> None:
    app = practice_app(mockview_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        area = app.screen.query_one("#answer", TextArea)
        assert area.region.height >= 5
        assert app.screen.query_one("#submit").region.height >= 1
        await pilot.resize_terminal(120, 40)
        assert await pause_until(pilot, lambda: area.region.width > 100), area.region.width


async def test_one_start_makes_one_session_and_leaving_early_makes_none(mockview_home: Path) -> None:
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    history = open_store(mockview_home)
    assert history.sessions() == []
    history.close()

    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, STORY)
        await pilot.press("ctrl+s")
        await settle(pilot)
    history = open_store(mockview_home)
    assert len(history.sessions()) == 1
    history.close()


async def test_history_filters_show_bank_text_literally(mockview_home: Path) -> None:
    folder = mockview_home / "banks"
    folder.mkdir(parents=True)
    (folder / "odd.yaml").write_text('bank: odd\nquestions:\n  - id: q\n    text: Why?\n    category: "team [/] work"\n')
    app = practice_app(mockview_home, banks=("odd",), count=1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, "Because")
        await pilot.press("ctrl+s")
        await settle(pilot)
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        select = app.screen.query_one("#filter-category")
        select.value = "team [/] work"
        await settle(pilot)
        assert app.screen.query_one("#attempts", DataTable).row_count == 1


async def test_retry_count_from_the_command_line_is_kept(mockview_home: Path) -> None:
    clock = FakeClock()
    skip_three(mockview_home, clock)
    app = make_app(mockview_home, clock, start="retry", filters=Filters(count=1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(session_of(app).plan) == 1


def skip_three(home: Path, clock: FakeClock) -> None:
    """Three questions skipped (three re-drills due), as the app leaves them when quit on the summary."""
    from mockview.banks.library import load_library
    from mockview.practice.driver import Step, start_practice

    with open_store(home, clock=clock) as history:
        driver = start_practice(load_library(home), history, Filters(banks=("star",), count=3, seed=1), clock, home)
        for step in (Step.QUESTION, Step.QUESTION, Step.SUMMARY):
            driver.begin()
            driver.skip()
            assert driver.next() is step
        driver.abandon(None)


async def test_quitting_from_the_summary_keeps_the_reflection_and_ends_the_session(mockview_home: Path) -> None:
    app = practice_app(mockview_home, count=1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, STORY)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await paste(pilot, "Calm start")
        await pilot.press("ctrl+q")
        await pilot.pause()
    history = open_store(mockview_home)
    (session,) = history.sessions()
    assert session.ended_at is not None and session.reflection["went_right"] == "Calm start"
    history.close()


def columns_fit(table: DataTable) -> bool:
    """Every column, the last included, is inside the table's visible width."""
    return sum(column.get_render_width(table) for column in table.columns.values()) <= table.scrollable_content_region.width


async def test_tables_fit_an_80_column_terminal(mockview_home: Path) -> None:
    clock = FakeClock()
    answer_two(mockview_home, clock)
    (mockview_home / "profiles").mkdir()
    (mockview_home / "profiles" / "acme.yaml").write_text(
        "company: Acme Corporation International\nrole: Senior Backend Platform Engineer\n")
    app = make_app(mockview_home, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        history = app.screen.query_one("#attempts", DataTable)
        assert columns_fit(history)  # Score and Verdict are not cut off
        narrow_question = str(history.get_row_at(0)[2])
        await pilot.resize_terminal(130, 30)
        await settle(pilot)
        assert columns_fit(history) and len(str(history.get_row_at(0)[2])) > len(narrow_question)
        await pilot.resize_terminal(80, 24)
        await pilot.press("escape", "c")
        await settle(pilot)
        companies = app.screen.query_one("#company-table", DataTable)
        assert columns_fit(companies)
        assert str(companies.get_row_at(0)[3]).startswith("mission, products +")
        await pilot.press("escape", "b")
        await settle(pilot)
        banks = app.screen.query_one("#bank-table", DataTable)
        up_to_problems = list(banks.columns.values())[:5]  # the file path may scroll
        assert sum(c.get_render_width(banks) for c in up_to_problems) <= banks.scrollable_content_region.width
