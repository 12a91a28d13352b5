"""What keeps the app tests deterministic, for every one of them (as Harlequin's tests do).

- No cursor blinks: an Input or TextArea toggles its cursor every half
  second, so a snapshot (or a rendered line) taken a little later under load
  shows it or not. The toggle is neutered; the cursor stays visible while
  focused and hidden when blurred, as after any keypress.
- Time stands still: an app a test builds without a clock of its own gets a
  :class:`~tests.helpers.FakeClock`, so timers that read the clock (the
  countdown) show what the test set, however long the test runs.
- Notices wait for the test: Textual expires a notice by the wall clock
  (a timer on its toast, and a check of the time when notices are
  redrawn), and a loaded machine can take longer than a notice's few
  seconds between raising it and the test's look. The clock the check
  reads is held at the test's start (a notice raised later then always has
  its whole timeout left) and toasts set no timer, so a notice goes only
  when the app takes it down, as ``clear_passing_notices`` does.
- Each test has its own empty ``$MOCKVIEW_HOME`` (the ``mockview_home``
  fixture in ``tests/conftest.py``).
- Waiting is for state, never for time: :func:`tests.tui.helpers.settle`
  waits for the app's workers (``app.workers.wait_for_complete()``) and for
  the screen to process what they posted.
"""

from __future__ import annotations

import time

import pytest
import textual.notifications
from textual.widgets import Input, TextArea
from textual.widgets._toast import Toast

from tests.helpers import FakeClock


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture(autouse=True)
def frozen_app_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    import mockview.tui.app

    monkeypatch.setattr(mockview.tui.app, "SystemClock", FakeClock)


@pytest.fixture(autouse=True)
def notices_wait_for_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    frozen = time.time()
    monkeypatch.setattr(textual.notifications, "time", lambda: frozen)
    monkeypatch.setattr(Toast, "_on_mount", lambda self, event: None)
