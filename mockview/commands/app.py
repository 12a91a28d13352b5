"""Start the Textual app (imported only by the commands that open it)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from mockview.commands.common import data_dir, filters_from, interview_options

if TYPE_CHECKING:
    from mockview.tui.launch import StartScreen


def run_app(args: argparse.Namespace, start: StartScreen = "home") -> int:
    """Run the app; practice, retry and interview open on their first question."""
    # Textual is imported here, not at the top: other commands must start
    # fast and never load it.
    from mockview.practice.selection import Filters
    from mockview.tui.app import MockviewApp
    from mockview.tui.launch import ExitReport

    filters = filters_from(args) if start in ("practice", "retry") else Filters()
    interview = interview_options(args) if start == "interview" else None
    app = MockviewApp(data_dir(args), start=start, filters=filters, interview_options=interview)
    report = app.run()
    if report is None:  # Textual stopped the app itself: its own quit, or a crash it has printed
        report = ExitReport(app.return_code or 0)
    if report.error:
        print(f"mockview: {report.error}", file=sys.stderr)
    if report.unsaved:
        print("mockview: your answer could not be saved (see above); here it is, so it is not lost:",
              file=sys.stderr)
        print(report.unsaved)
    return report.return_code


def run_home(args: argparse.Namespace) -> int:
    return run_app(args, start="home")
