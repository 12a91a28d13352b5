"""Shared pieces for the app tests: a deterministic app, ways to wait for it, and to put text in it.

Text goes in by :func:`paste`, as a person pastes into the focused field: one
event however long the text. :func:`type_text` presses one key per character
and costs a pilot round trip for each, so it is kept for the test that is
about typing itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from mockview.practice.driver import SessionDriver
from mockview.practice.engine import PracticeSession
from mockview.practice.selection import Filters
from mockview.tui.app import MockviewApp
from mockview.tui.widgets.footer import Footer
from tests.helpers import FakeClock

STORY = (
    "At my last job our release kept slipping and the client was angry. My goal was to ship the billing "
    "module by March. First I split the work into weekly milestones, then I paired with the newest "
    "developer and I set up a daily check-in with the client. We shipped two days early and the client "
    "renewed for two years, a contract worth 40% more."
)
SIZE = (100, 32)


def make_app(home: Path, clock: FakeClock | None = None, **options) -> MockviewApp:
    """The app on a frozen clock with the cursor not blinking: what tests and snapshots need."""
    return MockviewApp(home, clock=clock or FakeClock(), cursor_blink=False, **options)


def practice_app(home: Path, clock: FakeClock | None = None, **filters) -> MockviewApp:
    chosen = Filters(**{"banks": ("star",), "count": 2, "seed": 1, **filters})
    return make_app(home, clock, start="practice", filters=chosen)


def driver_of(app: MockviewApp) -> SessionDriver:
    """The driver of the sitting the app is running (there must be one)."""
    driver = app.flow.driver
    assert driver is not None, "no sitting is under way"
    return driver


def session_of(app: MockviewApp) -> PracticeSession:
    """The practice session under the sitting the app is running."""
    return driver_of(app).session


async def settle(pilot: Pilot) -> None:
    """Let workers finish and the screen catch up, tables included.

    A DataTable sizes its columns for the rows just added when it next goes
    idle; on a loaded machine a snapshot could be taken before that and show
    every column a few letters wide. Textual has no public way to ask, so
    this waits on the table's own flag, and on a FittedTable being cut for
    the width it is laid out at, at most 50 pauses: a table that never
    settles then shows up as the test's own failure rather than a hang.
    A hidden table (an empty list shows its hint instead) is never laid
    out, so it is not waited for: waiting on it cost 50 pauses a screen.
    It still counts towards the quiet pauses, as a table about to be shown
    with its rows (the patterns screen's) is hidden until then. The footer
    must show its keys too: its rebuild can change the layout, and a table
    under it then refits (a snapshot once caught the history table mid-refit).
    """
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    quiet = 0
    for _ in range(50):
        tables = pilot.app.screen.query(DataTable)
        if not tables:
            return
        footers = pilot.app.screen.query(Footer)
        if any(table.display and (getattr(table, "_require_update_dimensions", False)
                                  or not getattr(table, "fitted", True)) for table in tables) \
                or not all(footer.up_to_date for footer in footers):
            quiet = 0
        else:
            quiet += 1
            if quiet == QUIET_PAUSES:
                return
        await pilot.pause()


QUIET_PAUSES = 2
"""Pauses in a row with every table sized and fitted before :func:`settle` trusts them. A table
filled before its first layout is filled again when it is laid out (``FittedTable.Refit``); a
settle that saw its first filling sized returned before that, and the History snapshot showed
every column a label wide, once in some ten loaded runs."""


async def pause_until(pilot: Pilot, condition: Callable[[], bool], pauses: int = 50) -> bool:
    """Pause until ``condition()`` holds, at most ``pauses`` times: for state that follows a message the
    test cannot await (a resize is laid out a refresh later, later still on a loaded machine). Returns
    the condition's last value, so the test's own assert reports a screen that never got there."""
    for _ in range(pauses):
        if condition():
            return True
        await pilot.pause()
    return condition()


async def type_text(pilot: Pilot, text: str) -> None:
    """Type into the focused widget key by key, as a person would (slow: see the module's docstring)."""
    await pilot.press(*[("space" if ch == " " else ch) for ch in text])


async def paste(pilot: Pilot, text: str) -> None:
    """Paste ``text`` into the focused widget, as a terminal's bracketed paste delivers it.

    The app gets the Paste event and forwards it to the focused widget: the
    first pause is over once the app has forwarded it, the second once the
    widget has handled it.
    """
    assert pilot.app.focused is not None, "nothing is focused to paste into"
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.pause()


def text_of(app: MockviewApp, selector: str) -> str:
    """What the Static at ``selector`` on the current screen shows."""
    return str(app.screen.query_one(selector, Static).render())


def burst(app, text: str, then: str) -> None:
    """Deliver ``text`` as keys and then the key ``then``, all at once, as a fast typist's terminal does:
    nothing waits for the app between keys (unlike :func:`type_text`, which lets each key land)."""
    for character in text:
        app.post_message(events.Key("space" if character == " " else character, character))
    app.post_message(events.Key(then, None))
