"""``mockview banks``: list, show, validate, create and describe banks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from mockview.commands.common import SubParsers, data_dir, print_json, report_load_problems, table
from mockview.errors import MockviewError
from mockview.text import plural
from mockview.paths import user_banks_dir

if TYPE_CHECKING:
    from mockview.banks.model import Bank

# The bank library is imported inside each command: building the parser for
# `mockview score` must not load (or pay for) the YAML machinery.


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "banks",
        help="list, show, validate and create question banks",
        description="Work with question banks: the YAML files questions come from.",
        parents=[common],
    )
    actions = parser.add_subparsers(dest="banks_command", metavar="ACTION", required=True)

    listing = actions.add_parser(
        "list", help="the banks mockview can see", parents=[common],
        description="List the shipped banks, your banks and any given with --bank.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--bank", action="append", default=[], metavar="PATH",
                         help="also load this bank file or folder (repeatable)")
    listing.set_defaults(handler=list_banks)

    validate = actions.add_parser(
        "validate", help="check bank files and report every problem", parents=[common],
        description="Check bank files (default: the shipped banks and yours). Prints "
        "one line per problem as path:line:column: message; exit 1 if any is an error.",
    )
    validate.add_argument("paths", nargs="*", metavar="PATH", help="bank files or folders")
    validate.set_defaults(handler=validate_banks)

    show = actions.add_parser(
        "show", help="print a bank's questions", parents=[common],
        description="Print every question of a bank (by name, or a file path).",
    )
    show.add_argument("name", metavar="NAME", help="bank id or path to a bank file")
    show.set_defaults(handler=show_bank)

    new = actions.add_parser(
        "new", help="write a commented starter bank", parents=[common],
        description="Write NAME.yaml, a valid starter bank that explains the format, "
        "into your banks folder (or --dir).",
    )
    new.add_argument("name", metavar="NAME", help="the bank id: lowercase letters, digits, '-'")
    new.add_argument("--dir", metavar="DIR", help="folder to write to (default: your banks folder)")
    new.set_defaults(handler=new_bank)

    schema = actions.add_parser(
        "schema", help="print the JSON Schema of the bank format", parents=[common],
        description="Print the JSON Schema for bank files, for editors with a YAML "
        "language server.",
    )
    schema.set_defaults(handler=print_schema)


def list_banks(args: argparse.Namespace) -> int:
    from mockview.banks.library import load_library

    library = load_library(data_dir(args), args.bank)
    banks = sorted(library.banks.values(), key=lambda bank: (_SOURCE_ORDER[bank.source], bank.id))
    if args.json:
        print_json([_bank_summary(bank) for bank in banks])
    else:
        rows = [
            [bank.id, bank.title, bank.source, str(len(bank.questions)), ", ".join(bank.categories)]
            for bank in banks
        ]
        print(table(rows, ["BANK", "TITLE", "SOURCE", "QUESTIONS", "CATEGORIES"]))
        total = sum(len(bank.questions) for bank in banks)
        print(f"\n{len(banks)} banks, {total} questions")
    report_load_problems(library)
    return 0


_SOURCE_ORDER = {"shipped": 0, "user": 1, "path": 2}
"""Shipped banks first, then yours, then those given with --bank (BankSource values)."""


def _bank_summary(bank: Bank) -> dict[str, object]:
    return {
        "bank": bank.id,
        "title": bank.title,
        "description": bank.description,
        "source": bank.source,
        "path": bank.path,
        "questions": len(bank.questions),
        "categories": list(bank.categories),
        "tags": list(bank.tags),
    }


def validate_banks(args: argparse.Namespace) -> int:
    from mockview.banks.library import validate_files

    checks = validate_files(args.paths, data_dir(args))
    failed = 0
    for check in checks:
        errors = [p for p in check.problems if p.severity == "error"]
        if check.ok and check.bank is not None:
            # The format is right; now whether each rubric point can work as written.
            from mockview.analysis.rubric_check import check_rubric

            check.problems.extend(check_rubric(check.bank, check.path))
        for problem in sorted(check.problems, key=lambda p: (p.line, p.column)):
            print(problem, file=sys.stdout if check.ok else sys.stderr)
        if check.ok and check.bank is not None:
            bank = check.bank
            print(
                f"{check.path}: ok, bank '{bank.id}' with {plural(len(bank.questions), 'question')} "
                f"in {plural(len(bank.categories), 'category', 'categories')}"
            )
        else:
            failed += 1
            count = len(errors)
            print(f"{check.path}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
    if not checks:
        raise MockviewError("no bank files to validate")
    return 1 if failed else 0


def show_bank(args: argparse.Namespace) -> int:
    from mockview.banks.library import load_library, split_bank_args
    from mockview.banks.model import BankSource

    names, paths = split_bank_args([args.name])
    library = load_library(data_dir(args), paths)
    if paths:
        loaded = [bank for bank in library.banks.values() if bank.source == BankSource.PATH]
        if not loaded:
            for problem in library.problems:
                print(problem, file=sys.stderr)
            raise MockviewError(f"{args.name} is not a valid bank (see the problems above)")
        bank = loaded[0]
    else:
        bank = library.bank(names[0])
    print(format_bank(bank))
    return 0


def format_bank(bank: Bank) -> str:
    """A readable listing of a bank, question by question."""
    lines = [f"{bank.title} ({bank.id}, {len(bank.questions)} questions)"]
    if bank.description:
        lines.append(bank.description)
    lines.append(f"source: {bank.source}, {bank.path}")
    for number, question in enumerate(bank.questions, 1):
        lines.append("")
        lines.append(f"{number}. [{question.full_id}] {question.text}")
        meta = [question.kind, f"{question.time_limit:g}s", f"{question.words[0]}-{question.words[1]} words"]
        if question.category:
            meta.insert(0, question.category)
        lines.append("   " + " · ".join(meta))
        if question.tags:
            lines.append("   tags: " + ", ".join(question.tags))
        if question.keywords:
            parts = []
            for keyword in question.keywords:
                label = keyword.term
                if keyword.synonyms:
                    label += " (" + " / ".join(keyword.synonyms) + ")"
                if keyword.weight != 1:
                    label += f" x{keyword.weight:g}"
                if keyword.required:
                    label += " [required]"
                parts.append(label)
            lines.append("   rubric: " + "; ".join(parts))
        for tip in question.tips:
            lines.append(f"   tip: {tip}")
        for follow_up in question.follow_ups:
            lines.append(f"   follow-up: {follow_up}")
    return "\n".join(lines)


def new_bank(args: argparse.Namespace) -> int:
    folder = Path(args.dir) if args.dir else user_banks_dir(data_dir(args))
    if folder.exists() and not folder.is_dir():
        raise MockviewError(f"{folder} is a file, not a folder")
    target = folder / f"{args.name}.yaml"
    from mockview.banks.starter import starter_bank

    text = starter_bank(args.name, target.name)
    if target.exists():
        raise MockviewError(f"{target} already exists; choose another name or remove it first")
    from mockview.files import os_error_text, write_new

    try:
        write_new(target, text)
    except FileExistsError:
        raise MockviewError(f"{target} already exists") from None
    except OSError as error:
        raise MockviewError(f"cannot write {target}: {os_error_text(error)}") from None
    print(f"wrote {target}")
    print(f"edit it, then check it with: mockview banks validate {target}")
    return 0


def schema_text() -> str:
    from importlib import resources

    return resources.files("mockview.banks").joinpath("bank.schema.json").read_text("utf-8")


def print_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return 0
