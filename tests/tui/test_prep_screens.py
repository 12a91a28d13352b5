"""After a real interview, in the app: debrief form, debriefs, patterns, companies, stories, story peeks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable, Input, Markdown

from mockview.prep.debrief.model import AskedQuestion, Debrief
from mockview.prep.debrief.storage import save_debrief
from mockview.prep.profiles import find_profile
from mockview.prep.sheet import sheet_path
from mockview.prep.stories import read_stories
from mockview.store import open_store
from mockview.store.forms import FormDraft
from mockview.tui.places import PLACES
from mockview.tui.screens.companies import CompaniesScreen, PrepSheetScreen, ProfileFormScreen
from mockview.tui.screens.debrief_form import DebriefFormScreen
from mockview.tui.screens.debriefs import DebriefScreen, DebriefsScreen, FeedbackFormScreen, OutcomeScreen
from mockview.tui.screens.home import HomeScreen
from mockview.tui.screens.patterns import PatternsScreen
from mockview.tui.screens.question import QuestionScreen
from mockview.tui.screens.stories import StoriesScreen, StoryFormScreen, StoryPeekScreen
from tests.helpers import FakeClock, leave_draft
from tests.tui.helpers import SIZE, STORY, burst, make_app, paste, practice_app, session_of, settle, text_of

STORIES = """\
stories:
  - title: The failed search launch
    competencies: [failure]
    situation: At my last job our search launch slipped twice.
    action: I rewrote the ranking tests and I set up a weekly review.
    result: We launched in May and search errors fell by 30%.
"""


async def fill(pilot, selector: str, text: str) -> None:
    """Put text in a form field (an Input, or a TextArea) as a person would: focus it and paste."""
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()
    await paste(pilot, text)


def seed_debriefs(home: Path, clock: FakeClock, *factor_sets: tuple[str, ...]) -> None:
    history = open_store(home, clock=clock)
    for number, factors in enumerate(factor_sets):
        save_debrief(history, Debrief(company=f"Company {number}", date=dt.date(2026, 10, number + 1),
                                      factors=factors, questions=(AskedQuestion("Why us?", True),)))
    history.close()


async def test_mockview_debrief_opens_the_form_and_fumbles_are_re_drilled_in_the_app(mockview_home: Path) -> None:
    clock = FakeClock()
    app = make_app(mockview_home, clock, start="debrief")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DebriefFormScreen)
        assert app.screen.query_one("#date", Input).value == "2026-03-02"
        await fill(pilot, "#company", "Acme")
        await fill(pilot, "#questions", "! Tell me about a time you failed. -- blanked\nWhy Acme?")
        app.screen.query_one("#common-factors").select("nervous")
        await fill(pilot, "#went-wrong", "* Froze")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        shown = text_of(app, "#debrief-text")
        assert "Debrief 1: Acme" in shown and "Tell me about a time you failed. (fumbled" in shown
        assert "Factors: nervous" in shown and "  * Froze" in shown
        assert not FormDraft(mockview_home, "debrief").path.exists()

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert text_of(app, "#due") == "Re-drills due: 1"
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert text_of(app, "#question-text") == "Tell me about a time you failed."
        assert text_of(app, "#question-note") == "from your interview at Acme"
        await paste(pilot, STORY)
        clock.advance(100)
        await pilot.press("ctrl+s")
        await settle(pilot)
    history = open_store(mockview_home, clock=clock)
    (attempt,) = history.attempts()
    assert attempt.question_id == "classics/time-you-failed" and attempt.answer == STORY
    history.close()


async def test_an_unfinished_debrief_comes_back_after_leaving_and_after_quitting(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await fill(pilot, "#company", "Acme")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert FormDraft(mockview_home, "debrief").load()["company"] == "Acme"
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.query_one("#company", Input).value == "Acme"
        await fill(pilot, "#strategy", "Lead with the result")
        await pilot.press("ctrl+q")
        await pilot.pause()
    kept = FormDraft(mockview_home, "debrief").load()
    assert kept["company"] == "Acme" and kept["strategy"] == "Lead with the result"


async def test_starting_over_throws_the_draft_away_after_asking(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        date = app.screen.query_one("#date", Input)
        date.value = "last tuesday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DebriefFormScreen)
        problems = text_of(app, "#form-error")
        assert "The company is needed" in problems and "2026-11-20, not 'last tuesday'" in problems
        assert app.focused.id == "company"
        await fill(pilot, "#company", "Acme")
        app.screen.keep_form()
        app.screen.start_over()
        await settle(pilot)
        await pilot.press("n")  # keep it after all
        await settle(pilot)
        assert app.screen.query_one("#company", Input).value == "Acme"
        app.screen.start_over()
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen.query_one("#company", Input).value == ""
        assert app.screen.query_one("#date", Input).value == "2026-03-02"
        assert not FormDraft(mockview_home, "debrief").path.exists()
        await pilot.press("escape")
        await settle(pilot)
    assert not FormDraft(mockview_home, "debrief").path.exists()  # an untouched form leaves no draft
    history = open_store(mockview_home)
    assert history.debriefs() == []  # the form that said what was missing saved nothing
    history.close()


async def test_debriefs_list_and_feedback_attached_later(mockview_home: Path) -> None:
    clock = FakeClock()
    seed_debriefs(mockview_home, clock, ("nervous",))
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, DebriefsScreen)
        table = app.screen.query_one("#debrief-table", DataTable)
        assert table.row_count == 1
        assert [str(c) for c in table.get_row_at(0)] == ["2026-10-01", "Company 0", "", "pending", "1 of 1", "nervous",
                                                     "on 8 Oct"]
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackFormScreen)
        await pilot.press("ctrl+s")  # nothing written yet
        await pilot.pause()
        assert "Write what they said first" in text_of(app, "#feedback-error")
        await fill(pilot, "#feedback-text", "Answers lacked [specifics].")
        await fill(pilot, "#feedback-focus", "Specifics")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DebriefsScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        assert "  - Answers lacked [specifics]. [specifics]" in text_of(app, "#debrief-text")

        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("down", "enter")  # pending -> offer
        await settle(pilot)
        assert "outcome offer" in text_of(app, "#debrief-text")
        await pilot.press("escape")
        await settle(pilot)
        assert str(table.get_row_at(0)[3]) == "offer"
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen.query_one("#no-debriefs").display
    history = open_store(mockview_home)
    assert history.debriefs() == [] and history.schedule(status="active") == []  # its one item, never answered, went too
    history.close()


async def test_the_patterns_screen_shows_what_recurs(mockview_home: Path) -> None:
    clock = FakeClock()
    seed_debriefs(mockview_home, clock, ("nervous", "late"), ("nervous",), ("tired",))
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, PatternsScreen)
        assert "Looked back on 3 interviews (3 real, 0 mock)" in text_of(app, "#patterns-heading")
        assert "Pattern: nervous in 2 of 3 interviews" in text_of(app, "#patterns-summary")
        factors = app.screen.query_one("#factor-table", DataTable)
        assert [str(c) for c in factors.get_row_at(0)] == ["nervous", "2 of 3", "2", "0", "pattern"]
        real = app.screen.query_one("#real-table", DataTable)
        assert [str(c) for c in real.get_row_at(0)][:2] == ["Why us?", "3"]
        assert not app.screen.query_one("#trend-table").display  # no practice yet: no empty table


async def test_a_company_profile_from_the_form_with_its_checklist_and_prep_sheet(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompaniesScreen)
        assert app.screen.query_one("#no-companies").display
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ProfileFormScreen)
        assert "0 of 8 researched" in text_of(app, "#checklist")
        await fill(pilot, "#company", "Acme Corp")
        await fill(pilot, "#products", "Anvil Pro\nRoadrunner Tracker")
        assert "1 of 8 researched" in text_of(app, "#checklist")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CompaniesScreen)
        assert find_profile(mockview_home, "Acme Corp").products == ("Anvil Pro", "Roadrunner Tracker")
        table = app.screen.query_one("#company-table", DataTable)
        assert [str(c) for c in table.get_row_at(0)][:3] == ["Acme Corp", "", "2"]

        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PrepSheetScreen)
        assert app.screen.text.startswith("# Prep sheet: Acme Corp")
        assert "- **Products:** Anvil Pro; Roadrunner Tracker" in app.screen.text
        assert app.screen.query_one("#sheet", Markdown)
        await pilot.press("w")
        await settle(pilot)
        written = sheet_path(mockview_home, "Acme Corp", app.clock.now())
        assert written.read_text(encoding="utf-8") == app.screen.text


async def test_stories_written_in_the_app_with_coverage_and_delete(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        assert "No story yet for: " in text_of(app, "#coverage")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, StoryFormScreen)
        await fill(pilot, "#title", "Late launch")
        await fill(pilot, "#competencies", "failure")
        await fill(pilot, "#action", "I rewrote the plan and I told the client the same day.")
        assert "parts missing: situation, task, result" in text_of(app, "#story-check")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        assert [s.title for s in read_stories(mockview_home)[0]] == ["Late launch"]
        table = app.screen.query_one("#story-table", DataTable)
        assert [str(c) for c in table.get_row_at(0)][:2] == ["Late launch", "failure"]
        assert "failure" not in text_of(app, "#coverage").split("Stories per competency")[0]

        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert read_stories(mockview_home)[0] == []


async def test_a_form_saved_right_after_fast_typing_keeps_every_character(mockview_home: Path) -> None:
    """Ctrl+S in a form waits for the keys typed before it, as in the answer box."""
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await fill(pilot, "#title", "Late launch")
        await fill(pilot, "#numbers", "40,000 pounds a month, 3 weeks early")
        app.screen.query_one("#action").focus()
        await pilot.pause()
        burst(app, "I rewrote the plan and told the client the same day.", then="ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
    (story,) = read_stories(mockview_home)[0]
    assert story.action == "I rewrote the plan and told the client the same day."
    assert story.numbers == ("40,000 pounds a month", "3 weeks early")  # a thousands comma stays one item


async def test_a_story_file_with_problems_is_shown_and_never_written_over(mockview_home: Path) -> None:
    mockview_home.mkdir(parents=True, exist_ok=True)
    path = mockview_home / "stories.yaml"
    path.write_text("stories:\n  - title: A\n    acton: x\n")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert "3:5: unknown key 'acton'" in text_of(app, "#story-problems")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)  # no new story over a broken file
    assert path.read_text() == "stories:\n  - title: A\n    acton: x\n"


async def test_peeking_at_a_story_while_answering_is_recorded(mockview_home: Path) -> None:
    mockview_home.mkdir(parents=True, exist_ok=True)
    (mockview_home / "stories.yaml").write_text(STORIES)
    clock = FakeClock()
    app = practice_app(mockview_home, clock, categories=("failure",), count=1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, StoryPeekScreen)
        peek = text_of(app, "#peek-text")
        assert "The failed search launch" in peek and "Result: We launched in May" in peek
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert "1 story peeked at" in text_of(app, "#answer-stats")
        await paste(pilot, STORY)
        await pilot.press("ctrl+s")
        await settle(pilot)
    history = open_store(mockview_home)
    (attempt,) = history.attempts()
    assert attempt.stories == ["The failed search launch"]
    history.close()


async def test_no_story_fits_says_so_and_records_nothing(mockview_home: Path) -> None:
    app = practice_app(mockview_home, count=1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "No story in your story bank fits this question" in text_of(app, "#peek-text")
        await pilot.press("escape")
        await settle(pilot)
        assert session_of(app).stories_peeked == set()


async def test_markup_looking_text_is_saved_and_shown_literally(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        app.screen.query_one("#date", Input).value = "[/x]"
        await pilot.press("ctrl+s")  # the problem quotes the date back: as text
        await settle(pilot)
        assert "not '[/x]'" in text_of(app, "#form-error")
        app.screen.query_one("#date", Input).value = "2026-03-01"
        await fill(pilot, "#company", "Acme [/oops] [bold]Corp")
        await fill(pilot, "#questions", "! Why [red]us[/]?")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        assert "Acme [/oops] [bold]Corp" in text_of(app, "#debrief-text")
        assert "Why [red]us[/]?" in text_of(app, "#debrief-text")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("s", "n")
        await settle(pilot)
        await fill(pilot, "#title", "Launch [/y]")
        await fill(pilot, "#action", "I [b]fixed[/b] it.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        table = app.screen.query_one("#story-table", DataTable)
        assert str(table.get_row_at(0)[0]) == "Launch [/y]"
        await pilot.pause()
        toasts = list(app.screen.query("Toast"))
        assert toasts
        shown = "\n".join(str(toast.render()) for toast in toasts)  # quoting the title, literally
        assert "Saved 'Launch [/y]'." in shown


async def test_home_buttons_stay_on_one_line_at_80_columns_with_a_scrollbar(mockview_home: Path) -> None:
    clock = FakeClock()
    seed_debriefs(mockview_home, clock, ("nervous",))
    # An unfinished answer makes home taller than the screen.
    leave_draft(mockview_home, {"id": "star/x", "bank": "star", "text": "A question?"}, "Half an answer", 3.0,
                now=clock.now())
    app = make_app(mockview_home, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#draft-panel").display
        buttons = [b for b in app.screen.query(".home-grid Button, #go-quit")]
        assert len(buttons) == len(PLACES) + 1  # every place, and Quit
        assert all(b.region.height == 1 and b.region.width >= len(str(b.label)) for b in buttons)
