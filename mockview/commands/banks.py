"""``mockview banks``: list, show, validate, create and describe banks."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from mockview.commands.common import (
    SubParsers,
    data_dir,
    print_json,
    read_text_file,
    report_load_problems,
    table,
)
from mockview.errors import MockviewError
from mockview.text import plural
from mockview.paths import user_banks_dir

if TYPE_CHECKING:
    from mockview.analysis.vocabulary import Concept
    from mockview.banks.library import Library
    from mockview.banks.model import Bank, BankSource
    from mockview.banks.shared import SharedFolder

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

    importing = actions.add_parser(
        "import", help="turn a CSV or Markdown list of questions into a bank", parents=[common],
        description="Read a spreadsheet export (CSV with a 'question' column, and optionally category, "
        "keywords, tags, tips, follow_ups, kind, id) or a Markdown list (## Category headings, one '- question' "
        "per item) and write a valid, commented bank file. Bad rows are reported as file:line.",
    )
    importing.add_argument("file", metavar="FILE.csv|FILE.md", help="the list of questions")
    importing.add_argument("-o", "--output", metavar="OUT.yaml",
                           help="where to write the bank (default: your banks folder, named after FILE)")
    importing.set_defaults(handler=import_bank)

    add = actions.add_parser(
        "add", help="add a folder of banks: clone a git repository or link a folder", parents=[common],
        description="Clone a git repository of banks (a URL) into your banks folder, or link a folder that "
        "lives elsewhere (a PATH). Update clones later with: mockview banks update.",
    )
    add.add_argument("source", metavar="PATH|GIT-URL", help="a folder of .yaml banks, or a git repository")
    add.add_argument("--name", metavar="N", help="the folder's name in your banks (default: from the source)")
    add.set_defaults(handler=add_banks)

    update = actions.add_parser(
        "update", help="pull the banks added from git", parents=[common],
        description="Pull every git repository added with banks add (or the one named). A pull that "
        "fails leaves your copy as it was.",
    )
    update.add_argument("name", nargs="?", metavar="N", help="only this one")
    update.set_defaults(handler=update_banks)

    concepts = actions.add_parser(
        "concepts", help="the points mockview understands in other words, for a rubric's concept:",
        parents=[common],
        description="List the concepts of mockview's vocabulary by competency, or, given a TERM, the "
        "concepts a rubric point with that term means and how answers say them. A point with "
        "'concept: ID' is made by every phrasing of that concept.",
    )
    concepts.add_argument("term", nargs="*", metavar="TERM", help="a rubric term, e.g. 'took responsibility'")
    concepts.add_argument("--json", action="store_true", help="print JSON")
    concepts.set_defaults(handler=show_concepts)

    schema = actions.add_parser(
        "schema", help="print the JSON Schema of the bank format", parents=[common],
        description="Print the JSON Schema for bank files, for editors with a YAML "
        "language server.",
    )
    schema.set_defaults(handler=print_schema)


def list_banks(args: argparse.Namespace) -> int:
    from mockview.banks.library import load_library
    from mockview.banks.shared import shared_folders

    folder = data_dir(args)
    library = load_library(folder, args.bank)
    shared = shared_folders(user_banks_dir(folder))
    entries = sorted((_file_entry(library, path, source, folder, shared) for path, source in library.files),
                     key=lambda entry: (_SOURCE_ORDER[str(entry["source"])], str(entry["bank"] or entry["path"])))
    if args.json:
        print_json(entries)
    else:
        rows = [[str(e["bank"] or f"({Path(str(e['path'])).name})"), str(e["title"] or "-"), str(e["source"]),
                 str(e["questions"] if e["questions"] is not None else "-"), str(e["check"]), str(e["from"])]
                for e in entries]
        print(table(rows, ["BANK", "TITLE", "SOURCE", "QUESTIONS", "CHECK", "FROM"]))
        loaded = [e for e in entries if e["valid"]]
        total = sum(int(str(e["questions"])) for e in loaded)
        print(f"\n{plural(len(loaded), 'bank')}, {plural(total, 'question')}")
    report_load_problems(library)
    return 0


def _file_entry(library: Library, path: str, source: BankSource, folder: Path,
                shared: list[SharedFolder]) -> dict[str, object]:
    """One bank file: what it holds, whether it validates, and where it came from."""
    from mockview.banks.shared import origin_of

    bank = next((b for b in library.banks.values() if b.path == path), None)
    errors = sum(1 for problem in library.errors if problem.path == path)
    warnings = sum(1 for problem in library.problems if problem.severity == "warning" and problem.path == path)
    if bank is not None and warnings:
        # "ok" beside a file the warnings below are about read as if they were about another one.
        check = f"ok, {plural(warnings, 'warning')} (see below)"
    elif bank is not None:
        check = "ok"
    elif errors:
        check = f"{plural(errors, 'error')} (mockview banks validate {path})"
    else:
        check = "hidden: another bank has its id (see the warning below)"
    origin = origin_of(path, user_banks_dir(folder), shared) if source == "user" else None
    came_from = {"shipped": "installed with mockview", "user": "your banks folder",
                 "path": "--bank"}[str(source)] if origin is None else origin.describe()
    entry: dict[str, object] = _bank_summary(bank) if bank is not None else {
        "bank": None, "title": "", "description": "", "source": source, "path": path, "questions": None,
        "categories": [], "tags": []}
    entry.update({"valid": bank is not None, "check": check, "from": came_from})
    return entry


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


def add_banks(args: argparse.Namespace) -> int:
    from mockview.banks.library import bank_files
    from mockview.banks.shared import add_shared

    added = add_shared(user_banks_dir(data_dir(args)), args.source, args.name)
    files = sum(1 for _ in bank_files(added.path))
    print(f"added {added.name} ({added.describe()}): {plural(files, 'bank file')} in {added.path}")
    print("see them with: mockview banks list" + ("; pull changes with: mockview banks update "
                                                   f"{added.name}" if added.kind == "git" else ""))
    return 0


def update_banks(args: argparse.Namespace) -> int:
    from mockview.banks.shared import update_shared

    results = update_shared(user_banks_dir(data_dir(args)), args.name)
    if not results:
        print("No banks added from git or linked yet. Add some with: mockview banks add PATH|GIT-URL")
        return 0
    if len(results) == 1 and not results[0].ok:
        raise MockviewError(results[0].message)  # one clear line, as for any error
    for result in results:
        print(f"{result.folder.name}: {result.message}", file=sys.stdout if result.ok else sys.stderr)
    return 0 if all(result.ok for result in results) else 1


def validate_banks(args: argparse.Namespace) -> int:
    from mockview.banks.library import validate_files

    checks = validate_files(args.paths, data_dir(args))
    failed = 0
    for check in checks:
        errors = [p for p in check.problems if p.severity == "error"]
        checked = check.sound
        if checked is not None:
            # Whether each rubric point can work as written: for a file with errors, in the questions
            # that have none, so the author sees every warning in one round.
            from mockview.analysis.rubric_check import check_rubric

            check.problems.extend(check_rubric(checked, check.path))
        for problem in sorted(check.problems, key=lambda p: (p.line, p.column)):
            print(problem, file=sys.stdout if check.ok else sys.stderr)
        if check.ok and check.bank is not None:
            bank = check.bank
            categories = f" in {plural(len(bank.categories), 'category', 'categories')}" if bank.categories else ""
            print(f"{check.path}: ok, bank '{bank.id}' with {plural(len(bank.questions), 'question')}{categories}")
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
        if question.variant_of:
            lines.append(f"   rewords: {question.variant_of}")
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


IMPORT_SUFFIXES = (".csv", ".md", ".markdown", ".txt")


def import_bank(args: argparse.Namespace) -> int:
    from mockview.banks.importer import import_questions
    from mockview.banks.validate import bank_from_bytes, suggest_id
    from mockview.files import write_atomically

    source = Path(args.file)
    if not source.name.lower().endswith(IMPORT_SUFFIXES):
        raise MockviewError(f"{source}: give a .csv spreadsheet export or a .md list of questions")
    target = Path(args.output) if args.output else user_banks_dir(data_dir(args)) / f"{suggest_id(source.stem)}.yaml"
    bank_id = suggest_id(target.stem)
    imported = import_questions(read_text_file(source, "question list"), str(source), bank_id)
    if imported.problems:
        for problem in imported.problems:
            print(problem, file=sys.stderr)
        raise MockviewError(f"{source}: {plural(len(imported.problems), 'problem')}; nothing was written")
    bank, problems = bank_from_bytes(imported.text.encode("utf-8"), str(target))
    if bank is None:  # the importer writes what the validator accepts; anything else is a bug
        raise RuntimeError(f"the imported bank does not validate: {problems}")
    if target.exists():
        raise MockviewError(f"{target} already exists; give another name with -o, or remove it first")
    if target.parent.exists() and not target.parent.is_dir():
        raise MockviewError(f"cannot write {target}: {target.parent} is a file, not a folder")
    try:
        write_atomically(target, imported.text, shared=True)
    except OSError as error:
        raise MockviewError(f"cannot write {target}: {error.strerror or error}") from None
    print(f"wrote {target}: bank '{bank.id}' with {plural(imported.questions, 'question')}")
    print(f"check its rubric points with: mockview banks validate {target}")
    return 0


SHOWN_WORDINGS = 8
"""Names and phrasings shown per concept for a term: enough to see what it means, not all of its hundred."""


def show_concepts(args: argparse.Namespace) -> int:
    from mockview.analysis.keywords import keyword_concepts
    from mockview.analysis.vocabulary import concepts_by_competency
    from mockview.banks.model import Keyword

    competencies = concepts_by_competency()
    competency_of = {item.id: name for name, items in competencies.items() for item in items}
    term = " ".join(args.term).strip()
    if not term:
        if args.json:
            print_json([_concept_entry(item, name) for name, items in competencies.items() for item in items])
            return 0
        for name, items in competencies.items():
            print(f"{name} ({plural(len(items), 'concept')})")
            for item in items:
                print(f"  {item.id:<28} {item.gloss}")
        total = sum(len(items) for items in competencies.values())
        print(f"\n{plural(total, 'concept')}. On a rubric point: 'concept: ID'. "
              "What a term means: mockview banks concepts TERM")
        return 0
    named = list(keyword_concepts(Keyword(term)))
    about = re.compile(rf"\b{re.escape(term)}\b", re.IGNORECASE)
    found = named + [item for items in competencies.values() for item in items
                     if item not in named and (about.search(item.id.replace("-", " ")) or about.search(item.gloss))]
    if not found:
        raise MockviewError(f"'{term}' names no concept and no concept is about it; "
                            "list them all with: mockview banks concepts")
    if args.json:
        print_json([_concept_entry(item, competency_of[item.id], named=item in named) for item in found])
        return 0
    if not named:
        print(f"'{term}' names no concept, so as a rubric term it is matched as written. Concepts about it:")
    for item in found:
        how = "means" if item in named else "about it"
        print(f"\n{item.id} ({competency_of[item.id]}; '{term}' {how}): {item.gloss}")
        if item.structural == "mine":
            print("  read from the answer's STAR parts (an Action told as 'I'), or said:")
        elif item.structural:
            print("  read from the answer's STAR parts, not from words")
            continue
        print("  named: " + _some(item.names))
        print("  said:  " + _some(item.phrasings))
    print("\nIn a said phrasing, 'a|b' is either word, '...' a gap of up to three words and '...N' one of up to "
          "N (at most 12), never across a clause. "
          "Name one on a point with: concept: ID")
    return 0


def _some(wordings: tuple[str, ...]) -> str:
    """The first :data:`SHOWN_WORDINGS` wordings, and how many there are when that is not all."""
    shown = "; ".join(wordings[:SHOWN_WORDINGS])
    return shown + (f"; ... ({len(wordings)} in all)" if len(wordings) > SHOWN_WORDINGS else "")


def _concept_entry(item: Concept, competency: str, *, named: bool | None = None) -> dict[str, object]:
    entry: dict[str, object] = {"id": item.id, "competency": competency, "gloss": item.gloss,
                                "names": list(item.names), "phrasings": list(item.phrasings)}
    if item.structural:
        entry["structural"] = item.structural
    if named is not None:
        entry["named_by_term"] = named
    return entry


def schema_text() -> str:
    from importlib import resources

    return resources.files("mockview.banks").joinpath("bank.schema.json").read_text("utf-8")


def print_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return 0
