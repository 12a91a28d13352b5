"""The house rules of docs/ARCHITECTURE.md, checked: the layers hold (the
import-linter contracts in pyproject.toml), the core never imports Textual,
and commands other than the TUI ones start without it."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import REPO

PACKAGE = REPO / "mockview"
CORE_PACKAGES = ["mockview.banks", "mockview.analysis", "mockview.store", "mockview.prep", "mockview.practice"]


def core_modules() -> list[str]:
    modules = []
    for package in CORE_PACKAGES:
        folder = PACKAGE / package.split(".")[1]
        for file in sorted(folder.rglob("*.py")):
            parts = file.relative_to(folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules.append(".".join((package, *parts)))
    return modules


def test_import_contracts_hold(capsys: pytest.CaptureFixture[str]) -> None:
    """Static check of every import, deferred ones included: the layers and the Textual ban."""
    from importlinter.cli import lint_imports

    status = lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert status == 0, report
    assert "0 broken" in report


def imported_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_core_modules_do_not_import_textual() -> None:
    modules = core_modules()
    assert "mockview.banks.validate" in modules
    loaded = imported_after("\n".join(f"import {name}" for name in modules))
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_no_module_outside_tui_mentions_textual_imports() -> None:
    offenders = []
    for file in PACKAGE.rglob("*.py"):
        if "tui" in file.relative_to(PACKAGE).parts:
            continue
        for line in file.read_text().splitlines():
            stripped = line.strip()
            if stripped.startswith(("import textual", "from textual")):
                offenders.append(f"{file}: {stripped}")
    assert offenders == []


def test_every_screen_uses_mockviews_footer() -> None:
    """Textual's own footer restyles each key twice whenever it rebuilds them (every screen change and
    focus move); a screen that imports it directly brings that cost back."""
    offenders = [
        f"{file.relative_to(REPO)}: {line}"
        for file in (PACKAGE / "tui").rglob("*.py") if file.name != "footer.py"
        for line in file.read_text().splitlines()
        if line.startswith("from textual.widgets import") and "Footer" in re.split(r"[\s,()]+", line)
    ]
    assert offenders == []


def imported_modules(importtime_output: str) -> list[str]:
    """The modules a ``python -X importtime`` run imported, from what it printed on stderr."""
    return [line.rsplit("|", 1)[-1].strip() for line in importtime_output.splitlines() if "|" in line]


@pytest.mark.parametrize(
    "args",
    [["banks", "list"], ["banks", "validate"], ["banks", "schema"], ["--version"], ["history"],
     ["stats", "--json"], ["retry", "--list"], ["export", "--format", "md"],
     ["score", "--question-text", "Why?"], ["practice", "--plain", "--count", "1"],
     ["interview", "--plain", "--length", "short"], ["debrief", "list"], ["patterns"], ["company", "list"],
     ["stories"], ["prep", "--company", "Acme"], ["job", "list"], ["job", "list", "--json"],
     ["job", "add", str(Path(__file__).parent / "data" / "jobs" / "backend-engineer.txt")],
     ["cv", "check", str(Path(__file__).parent / "data" / "cv" / "clean.txt")]],
    ids=" ".join,
)
def test_non_tui_commands_never_load_textual(args: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mockview", *args],
        capture_output=True,
        text=True,
        input="An answer.\n.\n",
        env={"MOCKVIEW_HOME": str(tmp_path), "PATH": ""},
    )
    assert result.returncode == 0, result.stderr[-1000:]
    imported = imported_modules(result.stderr)
    assert imported, "importtime printed nothing"
    assert not [name for name in imported if name.split(".")[0] == "textual"]


@pytest.mark.parametrize("arguments", [
    ["score", "--bank", "star", "--question", "more-work-than-time"],
    ["practice", "--plain", "--count", "1", "--bank", "star"],
], ids=["score", "plain practice"])
def test_a_start_whose_banks_are_cached_never_loads_the_yaml_parser(tmp_path: Path, arguments: list[str]) -> None:
    """The bank cache exists so an unchanged bank is not parsed again; a start that imports PyYAML anyway
    pays for the parser it does not use (a practice start with no company profile has nothing to parse)."""
    command = [sys.executable, "-X", "importtime", "-m", "mockview", *arguments]
    env = {"MOCKVIEW_HOME": str(tmp_path), "PATH": ""}
    runs = [subprocess.run(command, capture_output=True, text=True, input="I fixed it.\n", env=env) for _ in (1, 2)]
    for result in runs:
        assert result.returncode == 0, result.stderr[-1000:]
    loaded = [imported_modules(run.stderr) for run in runs]
    assert "yaml" in loaded[0], "the first start parses the banks"
    assert "yaml" not in loaded[1]


def test_the_app_starts_without_the_judge_and_loads_it_once_on_screen(tmp_path: Path) -> None:
    """Showing the first question needs the app, not the analysis: the judge is loaded after the start
    screen is up (the app's warm-up), so the first answer's feedback is as quick as any later one."""
    loaded = imported_after("import mockview.tui.app")
    assert "textual.app" in loaded
    assert not {"mockview.analysis.answer", "mockview.analysis.keywords", "mockview.analysis.star",
                "mockview.banks.validate", "yaml"} & loaded
    warmed = imported_after(textwrap.dedent(f"""
        import asyncio
        from pathlib import Path
        from mockview.tui.app import MockviewApp

        async def main():
            app = MockviewApp(Path({str(tmp_path)!r}))
            async with app.run_test() as pilot:
                for _ in range(3):
                    await pilot.pause()
                    await app.workers.wait_for_complete()

        asyncio.run(main())
        from mockview.analysis import sequence
        print("star-weights-read" if sequence.model.cache_info().currsize else "star-weights-unread")
    """))
    assert "mockview.analysis.answer" in warmed
    assert "star-weights-read" in warmed
