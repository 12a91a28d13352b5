"""``mockview score``: analyse one answer without the app.

The answer comes from ``--answer-file`` or standard input; the question from
a bank (``--bank/--question``) or from the command line (``--question-text``
with optional ``--kind`` and ``--keywords``).
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from mockview.banks.model import (
    DEFAULT_WORDS,
    KINDS,
    MAX_TIME_LIMIT,
    Bank,
    BankSource,
    Keyword,
    Question,
    guess_kind,
)
from mockview.commands.common import (
    SubParsers,
    data_dir,
    plain_text,
    print_json,
    read_text_file,
    read_text_stream,
)
from mockview.errors import MockviewError

if TYPE_CHECKING:
    from mockview.banks.library import Library

def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "score",
        help="analyse one answer and print the feedback",
        description="Analyse an answer (from --answer-file or standard input) against a bank "
        "question or a question given on the command line.",
        parents=[common],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  mockview score --bank star --question missed-deadline --answer-file answer.txt\n"
        "  echo 'I set up a rota...' | mockview score --question-text 'How do you prioritise?' "
        "--keywords 'deadline, impact=urgency|most important' --json",
    )
    source = parser.add_argument_group("the question (one of)")
    source.add_argument("--bank", metavar="NAME|PATH", help="bank that holds the question")
    source.add_argument("--question", metavar="ID", help="question id in --bank (or a full id bank/question)")
    source.add_argument("--question-text", type=plain_text, metavar="TEXT", help="an ad-hoc question")
    source.add_argument("--kind", choices=KINDS, help="kind of an ad-hoc question (default: star for "
                        "'tell me about a time...' prompts, else open)")
    source.add_argument("--keywords", metavar="LIST", help="rubric of an ad-hoc question: comma-separated "
                        "terms; 'term=synonym|synonym' adds synonyms, a leading '!' makes a term required")
    parser.add_argument("--answer-file", metavar="FILE", help="read the answer from FILE (default: standard input)")
    parser.add_argument("--seconds", type=float, metavar="S", help="how long the answer took, for pace and time")
    parser.add_argument("--company", type=plain_text, metavar="NAME", help="fills {company} in research questions")
    parser.add_argument("--role", type=plain_text, metavar="ROLE", help="fills {role} in research questions")
    parser.add_argument("--json", action="store_true", help="print the analysis as JSON")
    parser.set_defaults(handler=run)


def parse_keywords(spec: str) -> tuple[Keyword, ...]:
    """Keywords from ``"a, !b, c=synonym|other"``."""
    keywords = []
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        required = item.startswith("!")
        item = item.lstrip("!").strip()
        term, _, synonyms = item.partition("=")
        term = term.strip()
        if not term:
            raise MockviewError(f"empty keyword in --keywords: {spec!r}")
        forms = tuple(s.strip() for s in synonyms.split("|") if s.strip())
        keywords.append(Keyword(term=term, synonyms=forms, required=required))
    return tuple(keywords)


def resolve_question(args: argparse.Namespace) -> Question:
    if args.question_text is not None:
        if args.bank or args.question:
            raise MockviewError("give either --question-text or --bank/--question, not both")
        text = args.question_text.strip()
        if not text:
            raise MockviewError("--question-text is empty")
        kind = args.kind or guess_kind(text)
        keywords = parse_keywords(args.keywords) if args.keywords else ()
        return Question(bank="adhoc", id="question", text=text, kind=kind, keywords=keywords,
                        words=DEFAULT_WORDS[kind])
    if not args.question:
        raise MockviewError("say which question: --bank NAME --question ID, or --question-text TEXT")
    if args.kind or args.keywords:
        raise MockviewError("--kind and --keywords are for --question-text; bank questions have their own")
    from mockview.banks.library import load_library, split_bank_args

    bank_name = args.bank
    question_id = args.question
    if "/" in question_id and not bank_name:
        bank_name, _, question_id = question_id.partition("/")
    elif "/" in question_id and question_id.partition("/")[0] == bank_name:
        question_id = question_id.partition("/")[2]  # "--bank star --question star/missed-deadline": said twice
    if not bank_name:
        raise MockviewError("--question needs --bank (or a full id such as star/missed-deadline)")
    names, paths = split_bank_args([bank_name])
    library = load_library(data_dir(args), paths)
    banks = [library.bank(names[0])] if names else _banks_from_path(library)
    for bank in banks:
        question = bank.question(question_id)
        if question is not None:
            return question
    from mockview.banks.suggest import suggest

    guess = suggest(question_id, [q.id for bank in banks for q in bank.questions])
    hint = f"; did you mean '{guess}'?" if guess else ""
    where = f"bank '{banks[0].id}'" if len(banks) == 1 else f"banks {', '.join(b.id for b in banks)}"
    raise MockviewError(f"no question '{question_id}' in {where}{hint}")


def _banks_from_path(library: Library) -> list[Bank]:
    """The banks loaded from the file or folder given with --bank."""
    loaded = [bank for bank in library.banks.values() if bank.source == BankSource.PATH]
    if not loaded:
        problems = "; ".join(str(p) for p in library.errors[:3])
        raise MockviewError(f"the bank file has problems: {problems}")
    return loaded


def read_answer(args: argparse.Namespace) -> str:
    if args.answer_file:
        return read_text_file(args.answer_file, "answer file")
    if sys.stdin.isatty():
        print("Type or paste your answer; finish with Ctrl-D on a new line.", file=sys.stderr)
    return read_text_stream(sys.stdin.buffer, "standard input")


def run(args: argparse.Namespace) -> int:
    if args.seconds is not None and not (math.isfinite(args.seconds) and 0 <= args.seconds <= MAX_TIME_LIMIT):
        raise MockviewError(f"--seconds must be a number from 0 to {MAX_TIME_LIMIT}")
    question = resolve_question(args)
    if question.kind == "research":
        from mockview.prep.profiles import find_profile, with_profile

        profile = find_profile(data_dir(args), args.company)
        company = profile.company if profile else args.company
        role = args.role or (profile.role if profile else None)
        question = replace(with_profile(question, profile), text=question.render_text(company, role))
    answer = read_answer(args)
    from mockview.analysis import analyse_answer

    analysis = analyse_answer(question, answer, args.seconds).to_dict()
    if args.json:
        print_json(analysis)
    else:
        from mockview.analysis.report import format_report  # the text form only: --json never renders

        print(question.text)
        print()
        print(format_report(analysis))
    return 0
