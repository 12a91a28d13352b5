"""``mockview prep``: a one-page prep sheet for an upcoming interview."""

from __future__ import annotations

import argparse

from mockview.commands.common import SubParsers, data_dir, open_history, plain_text, write_output


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    prep = subparsers.add_parser("prep", help="a one-page prep sheet for an interview", parents=[common],
                                 description="Write a Markdown prep sheet: the company profile, the job's "
                                 "must-haves and your coverage of them, the role questions not practised yet, "
                                 "stories for the likely questions, what is due for re-drill, patterns to watch, "
                                 "past notes. Give --company, --job, or both.")
    prep.add_argument("--company", type=plain_text, default="", metavar="NAME",
                      help="the company (default: the posting's, with --job)")
    prep.add_argument("--job", metavar="ID",
                      help="a saved posting (default: the newest one saved for the company, if any)")
    prep.add_argument("--role", type=plain_text, default="", metavar="ROLE")
    prep.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    prep.set_defaults(handler=run_prep, usage_error=prep.error)


def run_prep(args: argparse.Namespace) -> int:
    from mockview.errors import MockviewError
    from mockview.prep.sheet import build_prep_sheet

    folder = data_dir(args)
    company = " ".join(args.company.split())
    if not company and not args.job:
        args.usage_error("give the company (--company NAME), a saved posting (--job ID), or both")
    if not company:
        from mockview.prep.jobs import find_job

        job = find_job(folder, args.job)
        company = job.company
        if not company:
            raise MockviewError(f"the posting {job.id} does not name its company; add --company NAME")
    with open_history(args) as history:
        text = build_prep_sheet(history, folder, company, args.role, job_ref=args.job)
    write_output(text, args.output)
    return 0
