"""``mockview practice`` and ``mockview retry``: the app, or the plain line mode."""

from __future__ import annotations

import argparse

from mockview.commands.common import (
    SubParsers,
    add_job_option,
    apply_job_option,
    filters_from,
    load,
    open_history,
    plain_text,
    positive_int,
    positive_seconds,
    print_json,
    table,
)
from mockview.errors import MockviewError


def add_question_options(parser: argparse.ArgumentParser, *, count_default: int | None = 5) -> None:
    parser.add_argument("--bank", action="append", default=[], metavar="NAME|PATH",
                        help="bank to draw from (repeatable; default: all loaded banks)")
    parser.add_argument("--category", action="append", default=[], metavar="C", help="only this category (repeatable)")
    parser.add_argument("--tag", action="append", default=[], metavar="T", help="only questions with this tag (repeatable)")
    parser.add_argument("--count", type=positive_int, default=count_default, metavar="N",
                        help=f"number of questions (default: {count_default or 'all due'})")
    parser.add_argument("--order", choices=("random", "bank"), default="random",
                        help="random (default; repeatable with --seed) or the banks' own order")
    parser.add_argument("--seed", type=int, metavar="N", help="seed for a repeatable random order")
    parser.add_argument("--time-limit", type=positive_seconds, metavar="SECONDS",
                        help="override every question's time limit")
    parser.add_argument("--company", type=plain_text, metavar="NAME", help="fills {company} in research questions")
    parser.add_argument("--role", type=plain_text, metavar="ROLE", help="fills {role} in research questions")


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    practice = subparsers.add_parser(
        "practice", help="answer questions against the clock", parents=[common],
        description="Practise: questions you have not seen for longest come first. Opens the "
        "app on the first question, or runs in plain line mode with --plain.",
    )
    add_question_options(practice)
    add_job_option(practice)
    practice.add_argument("--question", action="append", default=[], metavar="BANK/ID",
                          help="drill this question (repeatable; in the order given); "
                          "ids are in: mockview banks show NAME")
    practice.add_argument("--plain", action="store_true",
                          help="line mode for screen readers, pipes and scripts (answers end with a '.' line)")
    practice.set_defaults(handler=run_practice)

    retry = subparsers.add_parser(
        "retry", help="re-drill the questions you fumbled", parents=[common],
        description="Answer the questions due for re-drill (fumbled before), or list the queue.",
    )
    retry.add_argument("--list", action="store_true", help="print the queue: due now first, then upcoming")
    retry.add_argument("--json", action="store_true", help="with --list: print JSON")
    retry.add_argument("--count", type=positive_int, metavar="N", help="at most N questions (default: all due)")
    retry.add_argument("--time-limit", type=positive_seconds, metavar="SECONDS", help="override the time limits")
    retry.add_argument("--plain", action="store_true", help="line mode for screen readers, pipes and scripts")
    retry.add_argument("--retire", metavar="QUESTION_ID", help="take a question out of the queue for good")
    retry.set_defaults(handler=run_retry)


def run_practice(args: argparse.Namespace) -> int:
    apply_job_option(args)
    if not args.plain:
        from mockview.commands.app import run_app

        return run_app(args, start="practice")
    from mockview.practice.driver import start_practice
    from mockview.practice.plain import PlainFrontEnd

    folder, library, history = load(args, args.bank)
    with history:
        return PlainFrontEnd(start_practice(library, history, filters_from(args), history.clock, folder)).run()


def run_retry(args: argparse.Namespace) -> int:
    if args.json and not args.list:
        raise MockviewError("--json goes with --list")
    if args.list or args.retire:
        return list_queue(args)
    if not args.plain:
        from mockview.commands.app import run_app

        return run_app(args, start="retry")
    from mockview.practice.driver import start_retry
    from mockview.practice.plain import PlainFrontEnd

    folder, library, history = load(args)
    with history:
        return PlainFrontEnd(start_retry(library, history, filters_from(args), history.clock, folder)).run()


def list_queue(args: argparse.Namespace) -> int:
    from mockview.store.redrill import describe_due, queue, retire

    with open_history(args) as history:
        if args.retire:
            retire(history, args.retire)
            print(f"retired {args.retire}: it will not come back unless you fumble it again")
            return 0
        now = history.clock.now()
        due, upcoming = queue(history, now)
        if args.json:
            print_json({"due": [item.to_json(now) for item in due],
                        "upcoming": [item.to_json(now) for item in upcoming]})
            return 0
        if not due and not upcoming:
            print("The re-drill queue is empty. Questions you fumble join it.")
            return 0
        rows = []
        for item in due + upcoming:
            flags = ["LEECH"] if item.leech else []
            if item.note:
                flags.append(item.note)
            rows.append([describe_due(item.due, now), item.question_id, str(item.fumbles),
                         _shorten(item.question.get("text", "")) + (f"  [{'; '.join(flags)}]" if flags else "")])
        print(table(rows, ["DUE", "QUESTION", "FUMBLES", "TEXT"]))
        print(f"\n{len(due)} due now, {len(upcoming)} upcoming. Re-drill with: mockview retry")
        if any(item.leech for item in due + upcoming):
            print("LEECH: fumbled 4 times or more; rewrite the story instead of repeating it.")
        return 0


def _shorten(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
