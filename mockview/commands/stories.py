"""``mockview stories``: your STAR story bank, each story analysed, and what it covers."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys

from mockview.commands.common import SubParsers, data_dir, open_history, print_json, report_load_problems
from mockview.errors import MockviewError
from mockview.text import plural


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    stories = subparsers.add_parser("stories", help="your STAR story bank and what it covers", parents=[common],
                                    description="Your stories (<data dir>/stories.yaml), each analysed, and which "
                                    "competencies the banks ask about have no story yet.")
    stories.add_argument("--json", action="store_true", help="print JSON")
    stories.add_argument("--edit", action="store_true", help="open the story bank in $EDITOR (made if missing)")
    stories.set_defaults(handler=run_stories)


def run_stories(args: argparse.Namespace) -> int:
    from mockview.banks.library import load_library
    from mockview.paths import ensure_data_dir, stories_path
    from mockview.prep.stories import STARTER, coverage, read_stories, write_starter

    folder = data_dir(args)
    path = stories_path(folder)
    if args.edit:
        ensure_data_dir(folder)
        write_starter(path, STARTER)
        editor = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
        try:
            subprocess.run(editor + [str(path)], check=False)
        except OSError as error:
            raise MockviewError(f"cannot start the editor {editor[0]!r}: {error.strerror or error}") from None
    stories, problems = read_stories(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    if any(p.severity == "error" for p in problems):
        raise MockviewError(f"{path} has problems; fix them and run this again")
    library = load_library(folder)
    report_load_problems(library)
    with open_history(args) as history:
        uses = history.story_uses()
    report = coverage(stories, library, uses)
    if args.json:
        print_json({"stories": [s.to_json() | {"peeked": uses.get(s.title, 0)} for s in stories],
                    "coverage": report.to_json()})
        return 0
    if not stories:
        print(f"No stories yet. Write them in {path} (mockview stories --edit) or in the app.")
    for story in stories:
        data = story.to_json()
        missing = f"; missing {', '.join(data['missing_parts'])}" if data["missing_parts"] else ""
        print(f"- {story.title} [{', '.join(story.competencies) or 'no competencies'}]: "
              f"score {data['score']}{missing}; peeked {plural(uses.get(story.title, 0), 'time')}")
        if data["tips"]:
            print(f"    tip: {data['tips'][0]}")
    print()
    print("No story yet for: " + (", ".join(report.uncovered) or "nothing: every competency has one"))
    for title, why in report.overused:
        print(f"Over-used: {title}: {why}")
    return 0
