"""``mockview job`` (postings, their coverage and role questions) and ``mockview cv check``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mockview.commands.common import SubParsers, data_dir, print_json, table, warn, write_output
from mockview.text import plural


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    job = subparsers.add_parser(
        "job", help="job postings: requirements, your coverage, role questions", parents=[common],
        description="Save a job posting, see its must-haves and which of your stories, answers and profile "
        "show them (gaps first), and practise questions written from it.",
    )
    actions = job.add_subparsers(dest="job_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="save a posting from a text or Markdown file", parents=[common],
                             description="Save a posting (plain text or Markdown; '-' reads standard input) "
                             "and extract its requirements.")
    add.add_argument("file", metavar="FILE|-", help="the posting as text; '-' for standard input")
    add.add_argument("--company", default="", metavar="NAME", help="the company (default: what the posting says)")
    add.add_argument("--role", default="", metavar="ROLE", help="the role (default: the posting's title)")
    add.set_defaults(handler=run_job_add)
    listing = actions.add_parser("list", help="your saved postings", parents=[common])
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_job_list)
    show = actions.add_parser("show", help="a posting's requirements and your coverage of them", parents=[common])
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_job_show)
    questions = actions.add_parser("questions", help="write the posting's role questions as a bank",
                                   parents=[common],
                                   description="Write a commented question bank for the posting; it passes "
                                   "'mockview banks validate'. Practise it at once with --job ID.")
    questions.add_argument("id", metavar="ID")
    questions.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    questions.set_defaults(handler=run_job_questions)
    delete = actions.add_parser("delete", help="delete a saved posting", parents=[common])
    delete.add_argument("id", metavar="ID")
    delete.set_defaults(handler=run_job_delete)

    cv = subparsers.add_parser("cv", help="check a CV: spelling, dates, bullets, the posting's must-haves",
                               parents=[common], description="Check a CV written as plain text or Markdown.")
    cv_actions = cv.add_subparsers(dest="cv_command", metavar="ACTION", required=True)
    check = cv_actions.add_parser(
        "check", help="report every problem as file:line:column", parents=[common],
        description="Spelling and repeated words, inconsistent dates, bullets with no number or outcome, weak "
        "openings and, with --job, the posting's must-haves the CV never mentions. Exit 0 when clean, 1 when not. "
        "Words you use on purpose (names, employers) go in <data dir>/words.txt, one a line.",
    )
    check.add_argument("file", metavar="FILE", help="the CV as plain text or Markdown")
    check.add_argument("--job", metavar="ID", help="also check it against this saved posting")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(handler=run_cv_check)


# --- postings --------------------------------------------------------------------

def run_job_add(args: argparse.Namespace) -> int:
    from mockview.clock import SystemClock
    from mockview.prep.documents import read_document, read_document_stream
    from mockview.prep.jobs import add_job

    if args.file == "-":
        text, source = read_document_stream(sys.stdin.buffer, "standard input", "posting"), "standard input"
    else:
        text, source = read_document(args.file, "posting"), args.file
    job = add_job(data_dir(args), text, source, company=args.company, role=args.role, now=SystemClock().now())
    print(f"saved posting {job.id}: {job.title}")
    print(f"  {plural(len(job.must), 'must-have')}, {plural(len(job.nice), 'nice-to-have')}, "
          f"{plural(len(job.values), 'value')}")
    print(f"Your coverage of it:  mockview job show {job.id}")
    print(f"Practise for it:      mockview practice --job {job.id}")
    return 0


def run_job_list(args: argparse.Namespace) -> int:
    from mockview.prep.jobs import list_jobs

    jobs, problems = list_jobs(data_dir(args))
    for problem in problems:
        warn(problem)
    if args.json:
        print_json([job.summary() for job in jobs])
        return 0
    if not jobs:
        print("No saved postings." if problems else "No postings yet. Save one with: mockview job add FILE")
        return 0
    print(table([[job.id, job.added[:10], job.company or "-", job.role or "-", str(len(job.must)), str(len(job.nice))]
                 for job in jobs], ["ID", "ADDED", "COMPANY", "ROLE", "MUST", "NICE"]))
    return 0


def run_job_show(args: argparse.Namespace) -> int:
    from mockview.prep.job_report import coverage_for, format_job

    folder = data_dir(args)
    job, coverage = coverage_for(folder, args.id, warn=warn)
    if args.json:
        print_json({**job.to_json(), "coverage": [item.to_json() for item in coverage]})
        return 0
    print(format_job(job, coverage))
    return 0


def run_job_questions(args: argparse.Namespace) -> int:
    from mockview.prep.job_questions import bank_text
    from mockview.prep.jobs import find_job

    job = find_job(data_dir(args), args.id)
    write_output(bank_text(job, Path(args.output).name if args.output else ""), args.output)
    return 0


def run_job_delete(args: argparse.Namespace) -> int:
    from mockview.prep.jobs import delete_job

    job = delete_job(data_dir(args), args.id)
    print(f"deleted posting {job.id} ({job.title})")
    return 0


# --- CV ----------------------------------------------------------------------------

def run_cv_check(args: argparse.Namespace) -> int:
    from mockview.paths import personal_words_path
    from mockview.prep.cv_check import check_cv, counts, summary
    from mockview.prep.documents import read_document
    from mockview.prep.jobs import find_job
    from mockview.prep.spelling import Speller, read_personal_words

    folder = data_dir(args)
    job = find_job(folder, args.job) if args.job else None
    text = read_document(args.file, "CV")
    words_path = personal_words_path(folder)
    problems = check_cv(text, Speller(read_personal_words(words_path)), job)
    if args.json:
        print_json({"file": args.file, "job": job.id if job else None, "ok": not problems,
                    "counts": counts(problems), "problems": [p.to_json() for p in problems],
                    "summary": summary(args.file, problems)})
        return 1 if problems else 0
    for problem in problems:
        print(problem.located(args.file))
    print(summary(args.file, problems))
    if any(p.kind == "spelling" for p in problems):
        print(f"Names and words you use on purpose: add them to {words_path}, one a line.")
    return 1 if problems else 0


# --- --job on practice and interview -------------------------------------------------

