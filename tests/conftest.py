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
