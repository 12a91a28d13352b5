"""What a new user meets in the first week, in the app: drilling one question, how many re-drills,
the summary, story numbers, home at 80x24, footers and hints, tables, shipped banks, notices."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, OptionList, Select, Static

from mockview.paths import shipped_banks_dir
from mockview.tui.places import PLACES
from mockview.tui.screens.bank_questions import BankQuestionsScreen
from mockview.tui.screens.banks import BanksScreen
from mockview.tui.screens.companies import CompaniesScreen, PrepSheetScreen
from mockview.tui.screens.confirm import ConfirmScreen
from mockview.tui.screens.debriefs import OutcomeScreen
from mockview.tui.screens.export import ExportScreen
from mockview.tui.screens.feedback import FeedbackScreen
from mockview.tui.screens.home import HomeScreen
from mockview.tui.screens.interview_setup import InterviewSetupScreen
from mockview.tui.screens.question import QuestionScreen
from mockview.tui.screens.retry_count import RetryCountScreen
from mockview.tui.screens.setup import SetupScreen
from mockview.tui.screens.stats import StatsScreen
from mockview.tui.screens.stories import StoryFormScreen
from mockview.tui.screens.summary import SummaryScreen
from tests.conftest import FakeClock
from tests.tui.first_week_seed import SEVEN, eight_sessions, skipped
from tests.tui.helpers import SIZE, STORY, driver_of, make_app, paste, practice_app, settle

SMALL = (80, 24)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def in_footer(app, key: str) -> str | None:
    """The description the footer shows for ``key`` on the current screen, or None."""
    active = app.screen.active_bindings.get(key)
    return active.binding.description if active is not None and active.binding.show else None


def footer_shows(app) -> list[str]:
    """The descriptions the footer at the bottom of the current screen is drawing, in order."""
    from textual.widgets._footer import FooterKey

    return [key.description for key in app.screen.query(FooterKey) if not key.disabled]


async def open_banks_row(pilot, file_name: str) -> DataTable:
    await pilot.press("b")
    await settle(pilot)
    table = pilot.app.screen.query_one("#bank-table", DataTable)
    row = next(i for i in range(table.row_count) if str(table.get_row_at(i)[5]).endswith(file_name))
    table.move_cursor(row=row)
    await pilot.pause()
    return table


# --- 3. drilling one question from the bank browser ------------------------------------------


async def test_enter_on_a_question_in_the_bank_browser_practises_it(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_banks_row(pilot, "classics.yaml")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BankQuestionsScreen)
        assert in_footer(app, "enter") == "Practise it"
        detail = text_of(app, "#question-detail")  # the same question, asked another way, is shown
        assert "The same question, asked another way:" in detail
        assert "Tell me about a project that didn't deliver what it promised." in detail
        table = app.screen.query_one("#question-table", DataTable)
        table.move_cursor(row=1)
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert text_of(app, "#question-text") == "Tell me about a time you made a mistake."
        assert [p.question.full_id for p in driver_of(app).session.plan] == ["classics/made-a-mistake"]


async def test_feedback_offers_another_wording_and_w_answers_it(mockview_home: Path) -> None:
    app = practice_app(mockview_home, questions=("behavioral/missed-target",), banks=())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await paste(pilot, STORY)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert text_of(app, "#another-way").startswith(
            'The same question, asked another way: "Tell me about a time you failed."')
        assert in_footer(app, "w") == "Another way"
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert text_of(app, "#question-text") == "Tell me about a time you failed."


# --- 4. how many re-drills -----------------------------------------------------------------------


async def test_re_drill_from_home_asks_how_many(mockview_home: Path) -> None:
    clock = FakeClock()
    skipped(mockview_home, clock, SEVEN)
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, RetryCountScreen)
        options = app.screen.query_one("#retry-counts", OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels == ["3, the longest due first", "5, the longest due first", "All 7"]
        assert options.highlighted == 1  # five suggested
        assert "enter: start · esc: cancel" in text_of(app, ".dialog-keys")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert len(driver_of(app).session.plan) == 5


async def test_a_few_re_drills_start_without_asking(mockview_home: Path) -> None:
    clock = FakeClock()
    skipped(mockview_home, clock, SEVEN[:2])
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert len(driver_of(app).session.plan) == 2


# --- 5. the summary says what the queue holds at the end -------------------------------------------


async def test_the_summary_tells_where_a_re_answered_fumble_stands(mockview_home: Path) -> None:
    clock = FakeClock()
    app = practice_app(mockview_home, clock, questions=("classics/greatest-weakness",), banks=())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")  # a skip: fumbled, due now
        await settle(pilot)
        assert "added to the re-drill queue, due now" in text_of(app, "#schedule")
        await pilot.press("r")
        await settle(pilot)
        await paste(pilot, "My greatest weakness is saying yes to too much. For example, last spring I took on "
                           "three projects at once. Now I keep a list and I check it with my manager every week.")
        clock.advance(80)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        fumbled = text_of(app, "#summary-fumbled")
        assert "added to the re-drill queue" not in fumbled and "due now" not in fumbled
        assert re.search(r"What is your greatest weakness\? \(in the re-drill queue, due in \d+ (min|h)", fumbled)


# --- 7. the story form's numbers ----------------------------------------------------------------------


# --- 8. home at 80x24 ---------------------------------------------------------------------------------


async def test_home_at_80x24_with_eight_sessions_keeps_everything_in_reach(mockview_home: Path, utc) -> None:
    clock = FakeClock()
    eight_sessions(mockview_home, clock)
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        home = app.screen
        due = home.query_one("#due", Static)
        # How many are due depends on the verdicts; the skipped classic is a leech whatever they are.
        assert re.fullmatch(r"Re-drills due: \d+", str(due.render()).strip())
        assert re.fullmatch(r"\d+ leech(es)?", due.border_subtitle)
        for tile in home.query(".tile"):
            assert len(str(tile.render()).strip()) <= tile.content_region.width, tile.id  # nothing cut off
        screen_bottom = SMALL[1] - 1  # the footer's line
        for button in home.query(Button):
            shown = all(node.display for node in button.ancestors_with_self)  # a hidden panel hides its buttons
            if not shown or button.id in ("resume", "discard"):
                continue
            assert button.region.bottom <= screen_bottom and button.region.right <= SMALL[0], button.id
            assert button.region.width >= len(str(button.label)), button.id
        quit_button = home.query_one("#go-quit", Button)
        assert str(quit_button.label) == "Quit (q)"
        sessions = home.query_one("#sessions", DataTable)
        assert sessions.row_count == 8 and sessions.max_scroll_y > 0 and sessions.show_vertical_scrollbar
        for place in PLACES:  # in the footer, or behind a button showing its key
            button = home.query_one(f"#go-{place.id}", Button)
            assert in_footer(app, place.key) or f"({place.key})" in str(button.label), place.id
        assert in_footer(app, "ctrl+q") == "Quit"


# --- 9. footers and hints --------------------------------------------------------------------------------


async def test_companies_offer_open_only_when_there_is_a_profile(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompaniesScreen)
        assert in_footer(app, "enter") is None and in_footer(app, "p") is None and in_footer(app, "e") is None
        assert in_footer(app, "n") == "New profile"
        assert "New profile" in footer_shows(app) and "Open" not in footer_shows(app)
        (mockview_home / "profiles").mkdir(parents=True)
        (mockview_home / "profiles" / "acme.yaml").write_text("company: Acme\n")
        app.screen.load()
        await settle(pilot)
        assert in_footer(app, "enter") == "Open" and in_footer(app, "p") == "Prep sheet"
        # The footer draws what the keys can do now, not what they could when the screen opened.
        assert {"Open", "Prep sheet", "New profile"} <= set(footer_shows(app))


async def test_the_outcome_dialog_says_enter_and_esc(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(OutcomeScreen())
        await settle(pilot)
        assert text_of(app, ".dialog-keys") == "enter: choose · esc: cancel"


async def test_validate_on_banks_shows_its_result(mockview_home: Path) -> None:
    # The shipped banks validate clean, so a bank of the user's own brings the rubric warning.
    (mockview_home / "banks").mkdir(parents=True)
    (mockview_home / "banks" / "mine.yaml").write_text(
        "bank: mine\nquestions:\n  - id: q\n    text: Tell me about a late project.\n    kind: star\n"
        "    keywords: [result]\n")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        status = text_of(app, "#banks-status")
        assert re.fullmatch(r"Validated at \d\d:\d\d: 6 files, 0 errors, 1 warning; every file is valid\.", status)
        assert "mine.yaml:6:" in text_of(app, "#problems") and "warning: 'result'" in text_of(app, "#problems")
        assert any(n.message == status for n in app._notifications)


async def test_the_palette_runs_stats_export_and_prep(mockview_home: Path, tmp_path: Path) -> None:
    clock = FakeClock()
    eight_sessions(mockview_home, clock)
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.action_open("stats")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert text_of(app, "#stats-totals").startswith("12 answers in 8 sessions, average score ")
        await pilot.press("escape")
        await settle(pilot)

        app.action_open("export")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        path = app.screen.query_one("#export-path")
        assert path.value == str(mockview_home / "exports" / "mockview-history-2026-03-10.md")
        target = tmp_path / "history.csv"
        app.screen.query_one("#export-format", Select).value = "csv"
        await pilot.pause()
        path.value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert target.read_text().count("\n") == 13  # a header and twelve answers
        assert any(n.message == f"Wrote {target}" for n in app._notifications)

        app.action_open("prep")
        await settle(pilot)
        app.screen.query_one("#prep-company").focus()
        await paste(pilot, "Acme")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PrepSheetScreen) and app.screen.company == "Acme"
        assert app.screen.text.startswith("# Prep sheet: Acme")


# --- 10. tables at 80 columns ---------------------------------------------------------------------------------


def assert_fits_with_room_for(table: DataTable, long_column: int) -> None:
    """Nothing runs off the right edge, and the long column is the widest: 25 cells or more, or
    all the room the other columns leave (the debriefs table has seven)."""
    widths = [column.get_render_width(table) for column in table.ordered_columns]
    room = table.scrollable_content_region.width
    assert sum(widths) <= room, widths
    assert widths[long_column] == max(widths), widths
    assert widths[long_column] >= 25 or sum(widths) >= room - 3, (widths, room)


async def test_tables_at_80_columns_give_the_long_column_the_room(mockview_home: Path) -> None:
    from tests.tui.test_prep_screens import seed_debriefs

    clock = FakeClock()
    eight_sessions(mockview_home, clock)
    seed_debriefs(mockview_home, clock, ("nervous", "talked too fast", "no example ready"))
    (mockview_home / "stories.yaml").write_text(
        "stories:\n  - title: The week the billing run failed and I had to fix it alone\n"
        "    competencies: [failure, pressure]\n    action: I rebuilt the run and I told finance.\n")
    app = make_app(mockview_home, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key, table_id, long_column in (("h", "#attempts", 2), ("l", "#debrief-table", 5),
                                           ("s", "#story-table", 0)):
            await pilot.press(key)
            await settle(pilot)
            assert_fits_with_room_for(app.screen.query_one(table_id, DataTable), long_column)
            await pilot.press("escape")
            await settle(pilot)
        await open_banks_row(pilot, "behavioral.yaml")
        await pilot.press("enter")
        await settle(pilot)
        assert_fits_with_room_for(app.screen.query_one("#question-table", DataTable), 3)


# --- 11. editing a shipped bank -----------------------------------------------------------------------------------


async def test_e_on_a_shipped_bank_edits_a_copy_in_your_banks(mockview_home: Path, tmp_path: Path,
                                                              monkeypatch) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\necho '# edited' >> \"$1\"\n")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    shipped = shipped_banks_dir() / "star.yaml"
    before = shipped.read_bytes()
    copy = mockview_home / "banks" / "star.yaml"
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await open_banks_row(pilot, "star.yaml")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert str(copy) in text_of(app, "#dialog-detail")
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, BanksScreen)
        assert any(n.message.startswith(f"Copied star.yaml to {copy}") for n in app._notifications)
    assert shipped.read_bytes() == before
    assert copy.read_text().endswith("# edited\n")


async def test_a_bank_that_failed_to_load_is_named_by_its_file(mockview_home: Path) -> None:
    folder = mockview_home / "banks"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("bank: broken\nquestions: []\n")
    app = make_app(mockview_home)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        assert any(n.message == "Skipped broken.yaml: it has problems; see Banks (b)." for n in app._notifications)
        await pilot.press("b")
        await settle(pilot)
        table = app.screen.query_one("#bank-table", DataTable)
        assert "broken.yaml (not loaded)" in [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


# --- 12. smaller things -------------------------------------------------------------------------------------------------


async def test_the_interview_length_picker_reads_the_same_for_every_option(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InterviewSetupScreen)
        length = app.screen.query_one("#length", Select)
        labels = [str(prompt) for prompt, _ in length._options]
        assert labels == ["Short: about 4 questions", "Standard: about 7 questions", "Long: about 10 questions"]


@pytest.mark.parametrize(("key", "screen"), [("p", SetupScreen), ("s", None)])
async def test_a_notice_does_not_stay_over_the_fields_of_the_next_screen(mockview_home: Path, key: str,
                                                                         screen) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.notify("Unfinished answer discarded.")
        app.notify("A warning stays until it times out.", severity="warning")
        await pilot.pause()
        await pilot.press(key)
        await settle(pilot)
        if screen is None:  # stories: the notice may stay over a table; the form clears it
            assert [n.message for n in app._notifications][0] == "Unfinished answer discarded."
            await pilot.press("n")
            await settle(pilot)
            screen = StoryFormScreen
        assert isinstance(app.screen, screen)
        assert [n.message for n in app._notifications] == ["A warning stays until it times out."]
