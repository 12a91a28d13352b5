"""After a real interview: ``debrief``, ``patterns``, ``company``, ``stories`` and ``prep``."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path

from mockview.commands.common import (
    data_dir,
    open_history,
    print_json,
    report_load_problems,
    table,
    warn,
    write_output,
)
from mockview.errors import MockviewError
from mockview.prep.reflection import OUTCOMES
from mockview.text import plural


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    debrief = subparsers.add_parser(
        "debrief", help="write down how a real interview went", parents=[common],
        description="Debrief a real interview: what was asked, what you fumbled (those join the re-drill "
        "queue at once), what went right and wrong, why, and what to do next time. Without an action, "
        "opens the debrief form in the app.",
    )
    debrief.set_defaults(handler=run_debrief_form)
    actions = debrief.add_subparsers(dest="debrief_command", metavar="ACTION")
    add = actions.add_parser("add", help="add a debrief from a YAML file", parents=[common],
                             description="Add a debrief written as YAML (the format is in the README).")
    add.add_argument("--file", required=True, metavar="FILE", help="the debrief file")
    add.set_defaults(handler=run_debrief_add)
    listing = actions.add_parser("list", help="your debriefs, the latest first", parents=[common])
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_debrief_list)
    show = actions.add_parser("show", help="one debrief in full", parents=[common])
    show.add_argument("id", type=int, metavar="ID")
    show.set_defaults(handler=run_debrief_show)
    feedback = actions.add_parser("feedback", help="attach the interviewer's feedback", parents=[common],
                                  description="Attach feedback from the interviewer or recruiter to a debrief.")
    feedback.add_argument("id", type=int, metavar="ID")
    feedback.add_argument("--text", required=True, help="what they said")
    feedback.add_argument("--focus", metavar="AREAS", default="",
                          help="comma-separated areas it is about, e.g. 'specifics, system design'")
    feedback.set_defaults(handler=run_debrief_feedback)
    outcome = actions.add_parser("outcome", help="record how it ended (offer, rejected...)", parents=[common],
                                 description="Set a debrief's outcome once you hear back.")
    outcome.add_argument("id", type=int, metavar="ID")
    outcome.add_argument("outcome", choices=OUTCOMES)
    outcome.set_defaults(handler=run_debrief_outcome)
    delete = actions.add_parser("delete", help="delete a debrief (a mistake, a duplicate)", parents=[common],
                                description="Delete a debrief and its feedback. The questions it put in the "
                                "re-drill queue stay there; retire one with: mockview retry --retire ID")
    delete.add_argument("id", type=int, metavar="ID")
    delete.set_defaults(handler=run_debrief_delete)

    patterns = subparsers.add_parser("patterns", help="fluke or pattern: what keeps happening", parents=[common],
                                     description="What recurs across your real and mock interviews and practice.")
    patterns.add_argument("--json", action="store_true", help="print JSON")
    patterns.set_defaults(handler=run_patterns)

    company = subparsers.add_parser("company", help="company research profiles", parents=[common],
                                    description="Profiles of the companies you interview with, in <data dir>/profiles/.")
    company_actions = company.add_subparsers(dest="company_command", metavar="ACTION", required=True)
    new = company_actions.add_parser("new", help="start a profile", parents=[common])
    new.add_argument("name", metavar="NAME")
    new.add_argument("--role", default="", help="the role you are applying for")
    new.set_defaults(handler=run_company_new)
    clist = company_actions.add_parser("list", help="your profiles and what is still to research", parents=[common])
    clist.add_argument("--json", action="store_true", help="print JSON")
    clist.set_defaults(handler=run_company_list)
    cshow = company_actions.add_parser("show", help="one profile, with its research checklist", parents=[common])
    cshow.add_argument("name", metavar="NAME")
    cshow.set_defaults(handler=run_company_show)

    stories = subparsers.add_parser("stories", help="your STAR story bank and what it covers", parents=[common],
                                    description="Your stories (<data dir>/stories.yaml), each analysed, and which "
                                    "competencies the banks ask about have no story yet.")
    stories.add_argument("--json", action="store_true", help="print JSON")
    stories.add_argument("--edit", action="store_true", help="open the story bank in $EDITOR (made if missing)")
    stories.set_defaults(handler=run_stories)

    prep = subparsers.add_parser("prep", help="a one-page prep sheet for an interview", parents=[common],
                                 description="Write a Markdown prep sheet: the company profile, stories for the "
                                 "likely questions, what is due for re-drill, patterns to watch, past notes.")
    prep.add_argument("--company", required=True, metavar="NAME")
    prep.add_argument("--role", default="", metavar="ROLE")
    prep.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    prep.set_defaults(handler=run_prep)


# --- debriefs ---------------------------------------------------------------

def run_debrief_form(args: argparse.Namespace) -> int:
    from mockview.commands.app import run_app

    return run_app(args, start="debrief")


def run_debrief_add(args: argparse.Namespace) -> int:
    from mockview.prep.debrief.file import read_debrief_file
    from mockview.prep.debrief.model import where
    from mockview.prep.debrief.storage import save_debrief
    from mockview.store.redrill import describe_due

    debrief, problems = read_debrief_file(Path(args.file))
    for problem in sorted(problems, key=lambda p: (p.line, p.column)):
        print(problem, file=sys.stderr)
    if debrief is None:
        count = sum(1 for p in problems if p.severity == "error")
        raise MockviewError(f"{args.file}: {plural(count, 'problem')}; nothing was saved")
    from mockview.banks.library import load_library

    library = load_library(data_dir(args))
    with open_history(args) as history:
        debrief_id, changes = save_debrief(history, debrief, library)
        now = history.clock.now()
    print(f"saved debrief {debrief_id}: {debrief.company}, {debrief.date.isoformat()} ({debrief.outcome})")
    for change in changes:
        when = describe_due(change.due, now) if change.due else "now"
        print(f"  re-drill due {when}: {change.question_id} ({where(debrief)})")
    if changes:
        print("Practise them with: mockview retry")
    return 0


def run_debrief_list(args: argparse.Namespace) -> int:
    from mockview.prep.debrief.text import debrief_summary

    with open_history(args) as history:
        rows = history.debriefs()
    if args.json:
        print_json([debrief_summary(row) for row in rows])
        return 0
    if not rows:
        print("No debriefs yet. After an interview: mockview debrief")
        return 0
    print(table([[str(s["id"]), s["date"], s["company"], s["role"], s["outcome"],
                  f"{s['fumbled']}/{s['questions']}", ", ".join(s["factors"])]
                 for s in map(debrief_summary, rows)],
                ["ID", "DATE", "COMPANY", "ROLE", "OUTCOME", "FUMBLED", "FACTORS"]))
    return 0


def run_debrief_show(args: argparse.Namespace) -> int:
    from mockview.prep.debrief.text import format_debrief

    with open_history(args) as history:
        row = history.debrief(args.id)
    if row is None:
        raise MockviewError(f"no debrief {args.id} (see: mockview debrief list)")
    print(format_debrief(row))
    return 0


def run_debrief_feedback(args: argparse.Namespace) -> int:
    text = args.text.strip()
    if not text:
        raise MockviewError("--text is empty")
    from mockview.prep.debrief.model import parse_focus

    focus = parse_focus(args.focus)
    with open_history(args) as history:
        if history.debrief(args.id) is None:
            raise MockviewError(f"no debrief {args.id} (see: mockview debrief list)")
        history.add_feedback(args.id, text, focus)
    print(f"feedback attached to debrief {args.id}")
    return 0


def run_debrief_outcome(args: argparse.Namespace) -> int:
    with open_history(args) as history:
        if history.debrief(args.id) is None:
            raise MockviewError(f"no debrief {args.id} (see: mockview debrief list)")
        history.set_debrief_outcome(args.id, args.outcome)
    print(f"debrief {args.id}: outcome {args.outcome}")
    return 0


def run_debrief_delete(args: argparse.Namespace) -> int:
    from mockview.prep.debrief.storage import delete_debrief

    with open_history(args) as history:
        deleted = delete_debrief(history, args.id)
    if deleted is None:
        raise MockviewError(f"no debrief {args.id} (see: mockview debrief list)")
    print(f"deleted debrief {args.id} ({deleted.debrief.company}, {deleted.debrief.day})")
    if deleted.removed:
        print(f"  and its re-drill items no other interview or answer needed: {', '.join(deleted.removed)}")
    if deleted.kept:
        print(f"  kept in the re-drill queue (answered since, or fumbled elsewhere too): {', '.join(deleted.kept)}")
    return 0


# --- patterns -------------------------------------------------------------------

def run_patterns(args: argparse.Namespace) -> int:
    from mockview.banks.library import load_library
    from mockview.prep.patterns import find_patterns

    folder = data_dir(args)
    library = load_library(folder)
    with open_history(args) as history:
        patterns = find_patterns(history, library)
    if args.json:
        print_json(patterns.to_json())
        return 0
    print(f"Looked back on {plural(patterns.interviews, 'interview')} ({patterns.real} real).")
    print()
    for line in patterns.summary:
        print(f"- {line}")
    if patterns.factors:
        print()
        print(table([[f["factor"], f"{f['interviews']} of {f['of']}", str(f["real"]), str(f["mock"]),
                      "pattern" if f["pattern"] else ""] for f in patterns.factors],
                    ["FACTOR", "INTERVIEWS", "REAL", "MOCK", ""]))
    if patterns.repeated_problems:
        print()
        print(table([[p["problem"], str(p["times"]), "; ".join(p["where"])] for p in patterns.repeated_problems],
                    ["WENT WRONG MORE THAN ONCE", "INTERVIEWS", "WHERE"]))
    if patterns.real_fumbles:
        print()
        print(table([[r["question"], str(r["times"]), r["category"] or "-"] for r in patterns.real_fumbles],
                    ["FUMBLED IN REAL INTERVIEWS", "INTERVIEWS", "CATEGORY"]))
    if patterns.feedback_focus:
        print()
        print(table([[f["focus"], str(f["interviews"])] for f in patterns.feedback_focus],
                    ["INTERVIEWER FEEDBACK ABOUT", "INTERVIEWS"]))
    if patterns.fumbled_categories:
        print()
        print(table([[c["category"], f"{c['fumbled']} of {c['answers']}"] for c in patterns.fumbled_categories],
                    ["MOST FUMBLED IN PRACTICE", "ANSWERS"]))
    if patterns.fumbled_questions:
        print()
        print(table([[q["text"], f"{q['fumbled']} of {q['answers']}", q["question_id"]]
                     for q in patterns.fumbled_questions],
                    ["QUESTIONS FUMBLED MOST IN PRACTICE", "ANSWERS", "ID"]))
    if patterns.trends:
        print()
        print(table([[t["category"], f"{t['change']:+d}", t["direction"]] for t in patterns.trends],
                    ["CATEGORY", "CHANGE", "TREND"]))
    return 0


# --- company profiles ------------------------------------------------------------

def run_company_new(args: argparse.Namespace) -> int:
    from mockview.prep.profiles import new_profile

    path = new_profile(data_dir(args), args.name, args.role)
    print(f"wrote {path}")
    print(f"fill it in, then see what is still missing with: mockview company show {shlex.quote(args.name)}")
    return 0


def run_company_list(args: argparse.Namespace) -> int:
    from mockview.prep.profiles import list_profiles

    profiles, problems = list_profiles(data_dir(args))
    for problem in problems:
        warn(str(problem))
    if args.json:
        print_json([profile.to_json() for profile in profiles])
    elif profiles:
        print(table([[p.company, p.role, str(len(p.facts())), ", ".join(p.missing()) or "nothing"] for p in profiles],
                    ["COMPANY", "ROLE", "FACTS", "STILL TO RESEARCH"]))
    elif problems:
        # Like `banks list`, unreadable files are warned about and the rest listed.
        print("No readable company profiles: fix the file named above.")
    else:
        print("No company profiles yet. Start one with: mockview company new NAME")
    return 0


def run_company_show(args: argparse.Namespace) -> int:
    from mockview.prep.profiles import find_profile, format_profile, list_profiles

    profile = find_profile(data_dir(args), args.name)
    if profile is None:
        known = ", ".join(p.company for p in list_profiles(data_dir(args))[0]) or "none yet"
        raise MockviewError(f"no profile for {args.name!r} (profiles: {known}); start one with: mockview company new NAME")
    print(format_profile(profile))
    return 0


# --- stories ------------------------------------------------------------------------

def run_stories(args: argparse.Namespace) -> int:
    from mockview.banks.library import load_library
    from mockview.paths import ensure_data_dir, stories_path
    from mockview.prep.stories import STARTER, coverage, read_stories

    folder = data_dir(args)
    path = stories_path(folder)
    if args.edit:
        ensure_data_dir(folder)
        if not path.exists():
            path.write_text(STARTER, encoding="utf-8")
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


# --- prep sheet ------------------------------------------------------------------------

def run_prep(args: argparse.Namespace) -> int:
    from mockview.prep.sheet import build_prep_sheet

    folder = data_dir(args)
    with open_history(args) as history:
        text = build_prep_sheet(history, folder, args.company, args.role)
    write_output(text, args.output)
    return 0
