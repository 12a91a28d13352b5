"""A plain, non-editable install finds the shipped banks from any folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO


@pytest.mark.slow
def test_wheel_install_finds_shipped_banks_from_another_directory(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(
        REPO,
        source,
        # Caches other tests write while this one copies (under pytest-xdist, at the same moment) stay behind.
        ignore=shutil.ignore_patterns(".git", "build", "*.egg-info", ".venv*", "__pycache__", ".pytest_cache",
                                      ".mypy_cache", ".hypothesis", ".import_linter_cache", "snapshot_report.html"),
    )
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(source)],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(source)  # nothing may be read from the source tree any more
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "MOCKVIEW_HOME": str(tmp_path / "home")}
    where = subprocess.run(
        [sys.executable, "-c", "import mockview; print(mockview.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )
    assert where.stdout.strip().startswith(str(target))
    listed = subprocess.run(
        [sys.executable, "-m", "mockview", "banks", "list", "--json"],
        cwd=elsewhere, env=env, capture_output=True, text=True,
    )
    assert listed.returncode == 0, listed.stderr
    banks = {entry["bank"]: entry for entry in json.loads(listed.stdout)}
    assert {"behavioral", "star", "company-research"} <= set(banks)
    assert all(banks[name]["path"].startswith(str(target)) for name in ("behavioral", "star"))
    assert sum(entry["questions"] for entry in banks.values()) >= 80
    checked = subprocess.run(
        [sys.executable, "-m", "mockview", "banks", "validate"],
        cwd=elsewhere, env=env, capture_output=True, text=True,
    )
    assert checked.returncode == 0, checked.stderr
    schema = subprocess.run(
        [sys.executable, "-m", "mockview", "banks", "schema"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )
    assert json.loads(schema.stdout)["title"] == "mockview question bank"
