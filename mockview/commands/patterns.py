"""``mockview patterns``: fluke or pattern, what keeps happening across interviews and practice."""

from __future__ import annotations

import argparse

from mockview.commands.common import SubParsers, data_dir, open_history, print_json, table
from mockview.text import plural


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    patterns = subparsers.add_parser("patterns", help="fluke or pattern: what keeps happening", parents=[common],
                                     description="What recurs across your real and mock interviews and practice.")
    patterns.add_argument("--json", action="store_true", help="print JSON")
    patterns.set_defaults(handler=run_patterns)


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
        print(table([[f.factor, f"{f.interviews} of {f.of}", str(f.real), str(f.mock),
                      "pattern" if f.pattern else ""] for f in patterns.factors],
                    ["FACTOR", "INTERVIEWS", "REAL", "MOCK", ""]))
    if patterns.repeated_problems:
        print()
        print(table([[p.problem, str(p.times), "; ".join(p.where)] for p in patterns.repeated_problems],
                    ["WENT WRONG MORE THAN ONCE", "INTERVIEWS", "WHERE"]))
    if patterns.real_fumbles:
        print()
        print(table([[r.question, str(r.times), r.category or "-"] for r in patterns.real_fumbles],
                    ["FUMBLED IN REAL INTERVIEWS", "INTERVIEWS", "CATEGORY"]))
    if patterns.feedback_focus:
        print()
        print(table([[f.focus, str(f.interviews)] for f in patterns.feedback_focus],
                    ["INTERVIEWER FEEDBACK ABOUT", "INTERVIEWS"]))
    if patterns.fumbled_categories:
        print()
        print(table([[c.category, c.count] for c in patterns.fumbled_categories],
                    ["MOST FUMBLED IN PRACTICE", "ANSWERS"]))
    if patterns.fumbled_questions:
        print()
        print(table([[q.text, q.count, q.question_id]
                     for q in patterns.fumbled_questions],
                    ["QUESTIONS FUMBLED MOST IN PRACTICE", "ANSWERS", "ID"]))
    if patterns.trends:
        print()
        print(table([[t.category, f"{t.change:+d}", t.direction] for t in patterns.trends],
                    ["CATEGORY", "CHANGE", "TREND"]))
    return 0
