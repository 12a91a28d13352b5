"""The app: process start to the first question ready for typing, and memory after 20 questions."""

from __future__ import annotations

import atexit
import json
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from run import Benchmark

_CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    from textual.widgets import TextArea
    from mockview.practice.selection import Filters
    from mockview.tui.app import MockviewApp
    from mockview.tui.screens.question import QuestionScreen

    home, questions = Path(sys.argv[1]), int(sys.argv[2])
    answer = ("At my last job our release kept slipping and the client was angry. My goal was to ship by "
              "March. First I split the work into weekly milestones, then I paired with the newest developer. "
              "As a result we shipped two days early and the client renewed for two years.")
    figures = {}

    async def drive(pilot):
        app = pilot.app
        while not (isinstance(app.screen, QuestionScreen) and app.screen.query(TextArea)
                   and app.screen.query_one(TextArea).has_focus):
            await pilot.pause(0.005)
        figures["ready"] = time.monotonic()
        for _ in range(questions):
            app.screen.query_one(TextArea).insert(answer)
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("n")
            while not isinstance(app.screen, QuestionScreen) and type(app.screen).__name__ != "SummaryScreen":
                await pilot.pause(0.005)
        with open("/proc/self/statm") as statm:
            resident_pages = int(statm.read().split()[1])
        figures["rss_mib"] = resident_pages * resource.getpagesize() / 2**20
        figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        app.exit()

    app = MockviewApp(home, start="practice", filters=Filters(banks=("behavioral",), count=max(questions, 1)))
    app.run(headless=True, size=(100, 32), auto_pilot=drive)
    print(json.dumps(figures))
    """
)
_home: Path | None = None


def _setup() -> None:
    global _home
    if _home is not None:
        return  # both benchmarks share one data directory
    _home = Path(tempfile.mkdtemp(prefix="mockview-bench-tui-"))
    atexit.register(_teardown)
    _run(0)  # first start builds the bank cache and the database, as a first use would


def _teardown() -> None:
    if _home is not None:
        shutil.rmtree(_home, ignore_errors=True)


def _run(questions: int) -> dict[str, float]:
    assert _home is not None
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-c", _CHILD, str(_home), str(questions)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["startup"] = figures["ready"] - start
    return figures


def _startup() -> float:
    return _run(0)["startup"]


def _after_twenty() -> float:
    return _run(20)["rss_mib"]


BENCHMARKS = [
    Benchmark(
        "app: process start to first question ready",
        _startup,
        target=1.0,
        unit="s",
        repeat=7,
        setup=_setup,
        note="headless, a new process each time",
    ),
    Benchmark(
        "app: memory after a 20-question session",
        _after_twenty,
        unit="MiB",
        repeat=3,
        setup=_setup,
        note="resident set size at the end of the session",
    ),
]
