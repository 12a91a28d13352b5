"""``mockview interview``: a full mock interview, feedback held back to a report card."""

from __future__ import annotations

import argparse

from mockview.commands.common import (
    SubParsers,
    add_job_option,
    apply_job_option,
    interview_options,
    load,
    plain_text,
    positive_seconds,
)


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "interview", help="a full mock interview, feedback at the end", parents=[common],
        description="A realistic mock interview: a warm-up, behavioral and STAR questions (research ones "
        "with --company), follow-ups on what your answers lacked, and a closing 'any questions for us?'. "
        "No feedback until the report card at the end.",
    )
    parser.add_argument("--length", choices=("short", "standard", "long"), default="standard",
                        help="about 4, 7 or 10 questions (default: standard)")
    parser.add_argument("--bank", action="append", default=[], metavar="NAME|PATH",
                        help="where the main questions come from (default: behavioral and star)")
    parser.add_argument("--category", action="append", default=[], metavar="C", help="only this category (repeatable)")
    parser.add_argument("--seed", type=int, metavar="N", help="the same seed plans the same interview")
    parser.add_argument("--time-limit", type=positive_seconds, metavar="SECONDS", help="override the time limits")
    parser.add_argument("--company", type=plain_text, metavar="NAME",
                        help="the company: adds research questions about it")
    parser.add_argument("--role", type=plain_text, metavar="ROLE", help="the role you are interviewing for")
    parser.add_argument("--plain", action="store_true", help="line mode for screen readers, pipes and scripts")
    add_job_option(parser)
    parser.set_defaults(handler=run_interview)


def run_interview(args: argparse.Namespace) -> int:
    apply_job_option(args)
    if not args.plain:
        from mockview.commands.app import run_app

        return run_app(args, start="interview")
    from mockview.practice.driver import start_interview
    from mockview.practice.plain import PlainFrontEnd

    folder, library, history = load(args, args.bank)
    with history:
        return PlainFrontEnd(start_interview(library, history, interview_options(args), history.clock, folder)).run()
