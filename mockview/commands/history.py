"""``mockview history``, ``stats`` and ``export``: what you have practised, and how it went."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timezone

from mockview.commands.common import SubParsers, open_history, print_json, table, write_output
from mockview.text import plural


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be from 0 to {MAX_LIMIT}")
    return value


MAX_LIMIT = 1_000_000_000


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    history = subparsers.add_parser("history", help="your answers, newest first", parents=[common],
                                    description="List your answers, newest first.")
    history.add_argument("--json", action="store_true", help="print JSON, answers included")
    history.add_argument("--limit", type=limit, metavar="N",
                         help="at most N answers (default: 20 as text, all as JSON; 0 means all)")
    history.set_defaults(handler=run_history)

    stats = subparsers.add_parser("stats", help="your progress in figures", parents=[common],
                                  description="Answers, sessions, scores by category and week, "
                                  "fumbles, re-drills due, your streak and what improved most.")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=run_stats)

    export = subparsers.add_parser("export", help="export your history", parents=[common],
                                   description="Export your history: a readable Markdown report per "
                                   "session, or every attempt as JSON or CSV.")
    export.add_argument("--format", required=True, choices=("md", "json", "csv"))
    export.add_argument("--since", type=day, metavar="YYYY-MM-DD", help="only answers from this day on")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.set_defaults(handler=run_export)


def run_history(args: argparse.Namespace) -> int:
    with open_history(args) as history:
        count = args.limit if args.limit is not None else (0 if args.json else 20)
        attempts = history.attempts(limit=count or None)
        if args.json:
            print_json([attempt.to_json() for attempt in attempts])
            return 0
        if not attempts:
            print("No answers yet. Start with: mockview practice")
            return 0
        rows = [
            [
                a.submitted_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                a.question_id,
                str(a.score),
                "skipped" if a.skipped else a.verdict,
                f"{a.seconds:.0f}s" if a.seconds is not None else "-",
            ]
            for a in attempts
        ]
        print(table(rows, ["WHEN", "QUESTION", "SCORE", "VERDICT", "TIME"]))
        return 0


def run_stats(args: argparse.Namespace) -> int:
    from mockview.store.stats import compute_stats

    with open_history(args) as history:
        stats = compute_stats(history, history.clock.now())
    if args.json:
        print_json(stats.to_json())
        return 0
    average = f"{stats.average_score:.0f}" if stats.average_score is not None else "-"
    print(f"{plural(stats.answers, 'answer')} in {plural(stats.sessions, 'session')}, average score {average}")
    print(f"{stats.fumbled} fumbled; {stats.due} due for re-drill now"
          + (f", {plural(stats.leeches, 'leech', 'leeches')}" if stats.leeches else ""))
    print(f"Streak: {plural(stats.streak_days, 'day')} in a row")
    if stats.by_category:
        print()
        # Skips have no score and no category average: the column says so, so the totals can be checked.
        print(table([[c.category, str(c.attempts), f"{c.average_score:.0f}"] for c in stats.by_category],
                    ["CATEGORY", "SCORED", "AVERAGE"]))
    if stats.by_week:
        print()
        print(table([[w.week, str(w.attempts), f"{w.average_score:.0f}" if w.average_score is not None else "-"]
                     for w in stats.by_week[-8:]], ["WEEK", "ANSWERS", "AVERAGE"]))
    if stats.most_improved:
        print()
        print("Most improved:")
        for item in stats.most_improved:
            print(f"  {item.first_score} -> {item.latest_score}  {item.question_id}")
    return 0


def start_of_day(when: date) -> datetime:
    """Local midnight of ``when``, in UTC; the first and last days a computer can name are clamped,
    so ``--since 0001-01-01`` means "everything" instead of a year-0 error."""
    try:
        return datetime.combine(when, time.min).astimezone(timezone.utc)
    except (ValueError, OverflowError):
        return (datetime.min if when.year == 1 else datetime.max).replace(tzinfo=timezone.utc)


def run_export(args: argparse.Namespace) -> int:
    from mockview.practice.export import export_history

    since = start_of_day(args.since) if args.since else None
    with open_history(args) as history:
        text = export_history(history, args.format, since)
    write_output(text, args.output)
    return 0
