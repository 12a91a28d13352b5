"""Stored text never reaches the terminal as a command: every screen shows escapes visibly.

Each test stores text holding terminal escape sequences the way an older
mockview (or a pipe) could have stored it, opens the screen that shows it
and reads what the app would send to the terminal as text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from textual import events
from textual.widgets import DataTable, TextArea

from mockview.prep.debrief.model import AskedQuestion, Debrief, Fit
from mockview.prep.debrief.storage import save_debrief
from mockview.prep.reflection import Item
from mockview.store import open_store
from mockview.store.drafts import DraftKeeper
from mockview.tui.screens.attempt import AttemptScreen
from mockview.tui.screens.question import QuestionScreen
from tests.conftest import FakeClock
from tests.tui.helpers import SIZE, make_app, practice_app, settle

TITLE = "\x1b]2;pwned\x07"
"""OSC 2: sets the terminal's title."""
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
"""OSC 52: sets the clipboard."""
CLEAR = "\x1b[2J"
RTL = "\u202e"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def screen_text(app) -> str:
    """The text of every cell on the screen, as the terminal would be sent it."""
    update = app.screen._compositor.render_full_update()
    return "\n".join("".join(segment.text for strip in line for segment in strip) for line in update.strips)


async def assert_shown_literally(pilot, *expected: str) -> str:
    """The screen's text once it shows every ``expected`` piece, checked to hold no raw control character.

    A screen can be painted a frame after its data arrives on a loaded machine,
    so this waits at most 50 pauses for the pieces; one that never shows fails
    the test with the whole screen in the message.
    """
    text = screen_text(pilot.app)
    for _ in range(50):
        if all(piece in text for piece in expected):
            break
        await pilot.pause()
        text = screen_text(pilot.app)
    missing = [piece for piece in expected if piece not in text]
    assert not missing, f"{missing} never shown on:\n{text}"
    assert RAW.search(text) is None, repr(RAW.search(text).group())
    return text


def seed_attempt(home: Path) -> None:
    """An answer holding escapes, to a question whose stored text holds one too."""
    from mockview.cli import main

    import io
    import sys

    answer = f"At my last job {TITLE}the release slipped {CLIPBOARD}and I fixed it{RTL}. We shipped early.\n.\n"
    saved = sys.stdin
    sys.stdin = io.StringIO(answer)
    try:
        assert main(["practice", "--plain", "--bank", "star", "--count", "1", "--seed", "1"]) == 0
    finally:
        sys.stdin = saved
    with open_store(home) as history:
        history.connection.execute(
            "UPDATE attempts SET question = json_set(question, '$.text', ?)", (f"Tell me {CLEAR}about it",))


def seed_debrief(home: Path) -> None:
    debrief = Debrief(
        company=f"Acme{TITLE}", date=dt.date(2026, 2, 20), role="Engineer", interviewers=(f"Priya{CLIPBOARD}",),
        questions=(AskedQuestion(f"Why us?{CLEAR}", fumbled=True, notes=f"blanked{RTL}"),),
        went_wrong=(Item(f"froze{TITLE}"),), factors=(f"nervous{TITLE}",),
        culture_fit=Fit(liked=(f"pairing{CLIPBOARD}",)), next_time=(f"prepare{TITLE}",),
    )
    with open_store(home, clock=FakeClock()) as history:
        save_debrief(history, debrief)


async def test_history_and_an_opened_answer_show_escapes_visibly(mockview_home: Path, capsys) -> None:
    seed_attempt(mockview_home)
    capsys.readouterr()
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert app.screen.query_one("#attempts", DataTable).row_count == 1
        await assert_shown_literally(pilot, "^[[2J")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AttemptScreen)
        await assert_shown_literally(pilot, "^[]2;pwned^G", "^[]52;c;", "<U+202E>")


async def test_debriefs_patterns_and_the_prep_sheet_show_escapes_visibly(mockview_home: Path) -> None:
    seed_debrief(mockview_home)
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await assert_shown_literally(pilot, "Acme^[]2;pwned^G")
        await pilot.press("enter")
        await settle(pilot)
        await assert_shown_literally(pilot, "Why us?^[[2J", "Priya^[]52;c;")
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await assert_shown_literally(pilot, "nervous^[]2;pwned^G")


async def test_a_draft_holding_escapes_is_shown_and_resumed_visibly(mockview_home: Path) -> None:
    question = {"id": "star/old", "bank": "star", "text": f"Tell me {CLEAR}about a deadline.",
                "kind": "star", "time_limit": 150, "words": [150, 350]}
    keeper = DraftKeeper(mockview_home)
    keeper.update(question, f"The release slipped{TITLE}.", 30.0, now=FakeClock().now())
    data = json.loads(keeper.path.read_text())
    data["pid"] = 999_999_999
    keeper.path.write_text(json.dumps(data))
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await assert_shown_literally(pilot, "The release slipped^[]2;pwned^G.")
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        await assert_shown_literally(pilot, "Tell me ^[[2Jabout a deadline.")
        assert app.screen.query_one("#answer", TextArea).text == "The release slipped^[]2;pwned^G."


async def test_a_paste_holding_escapes_arrives_as_visible_text(mockview_home: Path) -> None:
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(events.Paste(f"I led it{CLIPBOARD}."))
        await settle(pilot)
        assert app.screen.query_one("#answer", TextArea).text == "I led it^[]52;c;cm0gLXJmIH4=^G."
        await assert_shown_literally(pilot)


async def test_a_pasted_line_break_is_a_new_line_not_an_escape(mockview_home: Path) -> None:
    """Terminals send a pasted line break as CR or CR LF: the answer gets new lines, as from a file."""
    app = practice_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(events.Paste("First paragraph.\r\rSecond one.\r\nThird\x1b[2J."))
        await settle(pilot)
        assert app.screen.query_one("#answer", TextArea).text == "First paragraph.\n\nSecond one.\nThird^[[2J."


async def test_a_company_form_draft_holding_escapes_is_shown_visibly(mockview_home: Path) -> None:
    forms = mockview_home / "forms"
    forms.mkdir(parents=True)
    (forms / "profile-new.json").write_text(json.dumps({"company": f"Evil{TITLE}", "mission": f"m{CLEAR}"}))
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await assert_shown_literally(pilot, "Evil^[]2;pwned^G")
