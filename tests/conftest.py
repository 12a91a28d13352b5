"""Fixtures shared by every test: an isolated data directory per test, and ways to run mockview.

The helpers behind them are in :mod:`tests.helpers`; the app's own fixtures
(cursor blink, frozen clock) are in ``tests/tui/conftest.py``.
"""

from __future__ import annotations

import gc
import time as _time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import pytest

from tests.helpers import FakeClock, Result, run_in_process

__all__ = ["FakeClock"]  # it lived here first: tests that import it from tests.conftest still find it


def pytest_collection_finish(session: pytest.Session) -> None:
    """Collect garbage less often: the app tests spend a fifth of their time in the cyclic collector.

    Every Textual app a test starts allocates tens of thousands of objects,
    and with Python's default thresholds each few hundred trigger a young
    collection and every few thousand a full one over everything imported.
    Freezing what collection loaded and raising the first threshold cuts
    that to a few percent; memory stays bounded because collections still
    run, just less often.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def pytest_configure(config: pytest.Config) -> None:
    """Let a pilot's pause notice an idle app in 5 ms rather than 20.

    ``Pilot.pause()`` and every ``Pilot.press()`` wait for the app to go idle
    by sleeping in steps and checking that the process used under a
    millisecond of CPU in the step. Textual's step is 20 ms, so even an app
    with nothing left to do costs 20 ms a pause, twice per key pressed: half
    the app tests' time was spent asleep (one module: 31 s, 17.5 s with 5 ms
    steps, the same CPU time). The idle test itself is unchanged, and the
    tests that need work finished wait for it by state (``settle``), not by
    a pause. Only the test pilot reads this constant.
    """
    import textual._wait

    textual._wait.SLEEP_GRANULARITY = 0.005
    _share_parsed_css()
    _keep_child_bytecode()


def _share_parsed_css() -> None:
    """Parse each piece of CSS once per test process, not once per app the tests start.

    Textual keeps parsed CSS in a cache of each app's stylesheet, so every
    app a test builds tokenised and parsed ``mockview.tcss`` and every
    widget's default CSS again: about 0.15 s of CPU an app, a sixth of
    starting one, over the few hundred apps the suite starts. A user's
    process starts one app and pays it once, as before. The shared cache
    has the same key as Textual's own plus the CSS variables the rules were
    parsed with (a theme changes them), and Textual treats parsed rules as
    read-only, as its own cache already shares them between parses.
    """
    from textual.css.model import RuleSet
    from textual.css.stylesheet import CSSLocation, Stylesheet

    import inspect
    import warnings

    parse_once = Stylesheet._parse_rules
    expected = ["self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]
    if list(inspect.signature(parse_once).parameters) != expected:
        warnings.warn("Textual's Stylesheet._parse_rules changed: the tests parse CSS once per app again")
        return
    parsed: dict[tuple[object, ...], list[RuleSet]] = {}

    def shared(self: Stylesheet, css: str, read_from: CSSLocation, is_default_rules: bool = False,
               tie_breaker: int = 0, scope: str = "") -> list[RuleSet]:
        key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = parse_once(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    Stylesheet._parse_rules = shared  # type: ignore[method-assign]


def _keep_child_bytecode() -> None:
    """Let the ``mockview`` processes tests start keep their compiled modules, as an installed copy does.

    With $PYTHONDONTWRITEBYTECODE set (CI machines often set it) and an
    editable install, every child process compiled all of mockview again:
    about 0.15 s of CPU each for one that imports the app, over the
    hundred-odd processes the suite starts. The children now write their
    bytecode to a private directory of this run's (removed when the run
    ends), never into the checkout; a $PYTHONPYCACHEPREFIX of the user's
    own is kept. Set once by the process that starts the workers; they and
    their children inherit it.
    """
    import os
    import tempfile

    if os.environ.get("PYTEST_XDIST_WORKER") or not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    if "PYTHONPYCACHEPREFIX" not in os.environ:
        global _CHILD_BYTECODE
        _CHILD_BYTECODE = tempfile.mkdtemp(prefix="mockview-test-bytecode-")  # private: mode 0700
        os.environ["PYTHONPYCACHEPREFIX"] = _CHILD_BYTECODE


_CHILD_BYTECODE: str | None = None


def pytest_unconfigure(config: pytest.Config) -> None:
    if _CHILD_BYTECODE is not None:
        import shutil

        shutil.rmtree(_CHILD_BYTECODE, ignore_errors=True)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """Half as many workers again as the machine has processors, for ``-n logical`` (the README's command).

    An app test spends about half its time idle in the event loop, waiting on
    Textual's timers and refreshes, so a processor per worker leaves the
    processors idle half the time. On this 2-core machine the whole suite
    took 166 s with 2 workers, 125 s with 3, 141 s with 4 and 158 s with 6
    (one run each); $PYTEST_XDIST_AUTO_NUM_WORKERS still wins, as in xdist.
    """
    import os

    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    try:
        processors = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        processors = os.cpu_count() or 1
    return max(1, processors * 3 // 2)


@pytest.fixture(autouse=True)
def mockview_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data directory via $MOCKVIEW_HOME (never created here)."""
    home = tmp_path / "mockview-home"
    monkeypatch.setenv("MOCKVIEW_HOME", str(home))
    return home


class RunCli(Protocol):
    def __call__(self, *args: str, input: str | bytes | None = None, cwd: Path | None = None,
                 env: Mapping[str, str] | None = None, timeout: float = 60) -> Any: ...


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``mockview ARGS`` in this process (``mockview.cli.main``); returns stdout, stderr and the exit code.

    The test's data dir is $MOCKVIEW_HOME, as for every test. See
    :func:`tests.helpers.run_in_process`; what only a real process shows
    (signals, a terminal) starts ``tests.helpers.mockview_argv()`` itself.
    """

    def run(*args: str, input: str | bytes | None = None, cwd: Path | None = None,
            env: Mapping[str, str] | None = None, timeout: float = 60) -> Result:
        return run_in_process(args, monkeypatch=monkeypatch, capsys=capsys, input=input, cwd=cwd, env=env,
                              timeout=timeout)

    return run


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def history(mockview_home: Path, clock: FakeClock) -> Iterator[Any]:
    """An opened history in the test's data directory, on the fake clock."""
    from mockview.store import open_store

    store = open_store(mockview_home, clock=clock)
    yield store
    store.close()


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC, so 'today' and streaks do not depend on the machine."""
    monkeypatch.setenv("TZ", "UTC")
    _time.tzset()
    yield
    monkeypatch.undo()
    _time.tzset()
