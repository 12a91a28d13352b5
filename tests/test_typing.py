"""mypy, with the settings in pyproject.toml, finds nothing wrong outside the parts still being typed.

The app (mockview/tui) and the analysis are typed by their own work; until
they are, their errors are left out here and everything else must be clean.
"""

from __future__ import annotations

import os

import pytest

from tests.helpers import REPO
NOT_YET: tuple[str, ...] = ()


@pytest.mark.slow
def test_mypy_finds_no_errors_outside_the_app_and_the_analysis() -> None:
    from mypy import api

    cwd = os.getcwd()
    os.chdir(REPO)  # mypy reads [tool.mypy] from the pyproject.toml in the working directory
    try:
        report, errors, _ = api.run(["--no-error-summary", "--hide-error-context"])
    finally:
        os.chdir(cwd)
    assert not errors, errors
    found = [line for line in report.splitlines() if ": error:" in line and not line.startswith(NOT_YET)]
    assert found == [], "\n".join(found)
