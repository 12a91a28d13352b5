"""``mockview prep``: a one-page prep sheet for an upcoming interview."""

from __future__ import annotations

import argparse

from mockview.commands.common import SubParsers, data_dir, open_history, plain_text, write_output


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    prep = subparsers.add_parser("prep", help="a one-page prep sheet for an interview", parents=[common],
                                 description="Write a Markdown prep sheet: the company profile, stories for the "
                                 "likely questions, what is due for re-drill, patterns to watch, past notes.")
    prep.add_argument("--company", type=plain_text, required=True, metavar="NAME")
    prep.add_argument("--role", type=plain_text, default="", metavar="ROLE")
    prep.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    prep.set_defaults(handler=run_prep)


def run_prep(args: argparse.Namespace) -> int:
    from mockview.prep.sheet import build_prep_sheet

    folder = data_dir(args)
    with open_history(args) as history:
        text = build_prep_sheet(history, folder, args.company, args.role)
    write_output(text, args.output)
    return 0
