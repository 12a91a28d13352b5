"""Start the Textual app (imported only by the commands that open it)."""

from __future__ import annotations

import argparse
import sys

from mockview.commands.common import data_dir, filters_from, interview_options


def run_app(args: argparse.Namespace, start: str = "home") -> int:
    """Run the app; practice, retry and interview open on their first question."""
    # Textual is imported here, not at the top: other commands must start
    # fast and never load it.
    from mockview.practice.selection import Filters
    from mockview.tui.app import MockviewApp

    filters = filters_from(args) if start in ("practice", "retry") else Filters()
    interview = interview_options(args) if start == "interview" else None
    app = MockviewApp(data_dir(args), start=start, filters=filters, interview_options=interview)
    app.run()
    if app.error_message:
        print(f"mockview: {app.error_message}", file=sys.stderr)
        return app.return_code or 1
    return app.return_code or 0


def run_home(args: argparse.Namespace) -> int:
    return run_app(args, start="home")
