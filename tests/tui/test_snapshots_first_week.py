"""The home screen at 80x24 with eight sessions of history (pytest-textual-snapshot).

Update with ``pytest --snapshot-update`` after an intended change, and look at the picture first.
The figures on it come from the analysis: a change to scoring changes them too.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FakeClock
from tests.tui.first_week_seed import eight_sessions
from tests.tui.helpers import make_app, settle


def test_home_at_80x24_with_eight_sessions(snap_compare, mockview_home: Path, utc) -> None:
    clock = FakeClock()
    eight_sessions(mockview_home, clock)
    assert snap_compare(make_app(mockview_home, clock), terminal_size=(80, 24), run_before=settle)
