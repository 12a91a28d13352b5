"""What keeps the app tests deterministic, for every one of them (as Harlequin's tests do).

- No cursor blinks: an Input or TextArea toggles its cursor every half
  second, so a snapshot (or a rendered line) taken a little later under load
  shows it or not. The toggle is neutered; the cursor stays visible while
  focused and hidden when blurred, as after any keypress.
- Time stands still: an app a test builds without a clock of its own gets a
  :class:`~tests.helpers.FakeClock`, so timers that read the clock (the
  countdown) show what the test set, however long the test runs.
- Each test has its own empty ``$MOCKVIEW_HOME`` (the ``mockview_home``
  fixture in ``tests/conftest.py``).
- Waiting is for state, never for time: :func:`tests.tui.helpers.settle`
  waits for the app's workers (``app.workers.wait_for_complete()``) and for
  the screen to process what they posted.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from tests.helpers import FakeClock


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture(autouse=True)
def frozen_app_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    import mockview.tui.app

    monkeypatch.setattr(mockview.tui.app, "SystemClock", FakeClock)
