"""Fixtures shared by every test: an isolated data directory per test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def mockview_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data directory via $MOCKVIEW_HOME."""
    home = tmp_path / "mockview-home"
    monkeypatch.setenv("MOCKVIEW_HOME", str(home))
    return home


@pytest.fixture
def run_cli(mockview_home: Path):
    """Run the real `mockview` command in a subprocess and return the result."""

    def run(*args: str, input: str | bytes | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
        full_env = {**os.environ, "MOCKVIEW_HOME": str(mockview_home), **(env or {})}
        text = not isinstance(input, bytes)
        return subprocess.run(
            [sys.executable, "-m", "mockview", *args],
            input=input,
            capture_output=True,
            text=text,
            cwd=cwd or REPO,
            env=full_env,
            timeout=timeout,
        )

    return run


class FakeClock:
    """A clock tests move by hand: wall time and monotonic time together."""

    def __init__(self, start: str = "2026-03-02T09:00:00+00:00") -> None:
        from datetime import datetime

        self.current = datetime.fromisoformat(start)
        self.ticks = 1000.0

    def now(self):
        return self.current

    def monotonic(self) -> float:
        return self.ticks

    def advance(self, seconds: float = 0, *, days: float = 0) -> None:
        from datetime import timedelta

        self.current += timedelta(seconds=seconds, days=days)
        self.ticks += seconds + days * 86400


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def history(mockview_home: Path, clock: FakeClock):
    """An opened history in the test's data directory, on the fake clock."""
    from mockview.store import open_store

    store = open_store(mockview_home, clock=clock)
    yield store
    store.close()


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Local time is UTC, so 'today' and streaks do not depend on the machine."""
    import time as _time

    monkeypatch.setenv("TZ", "UTC")
    _time.tzset()
    yield
    monkeypatch.undo()
    _time.tzset()
