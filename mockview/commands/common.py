"""Helpers shared by the command modules: data dir, argument types, what the
practice commands load, output, reading files.

Command modules import this module and never each other, so a command can
be moved or removed without touching its neighbours (checked by the
import-linter contracts in pyproject.toml).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeAlias

from mockview.banks.model import MAX_TIME_LIMIT
from mockview.errors import MockviewError
from mockview.paths import resolve_data_dir

if TYPE_CHECKING:
    from mockview.banks.library import Library
    from mockview.practice.interview import InterviewOptions
    from mockview.practice.selection import Filters
    from mockview.store import History

SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``register`` gets to add a command to (argparse does not name the type)."""


def data_dir(args: argparse.Namespace) -> Path:
    """The data directory for this run (not created here)."""
    return resolve_data_dir(getattr(args, "data_dir", None))


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def plain_text(text: str) -> str:
    """An argument that becomes stored text (a company, a role, feedback): control characters are refused.

    ``--company`` ends up in the questions asked and the history; an escape
    sequence typed or pasted into it would be stored for every screen to show.
    """
    from mockview.text import describe_character, unsafe_character

    index = unsafe_character(text)
    if index is not None:
        raise argparse.ArgumentTypeError(
            f"holds {describe_character(text[index])} at character {index + 1}; type plain text")
    return text


MAX_ROW_ID = 2**63 - 1
"""SQLite's largest row id; a bigger number cannot name anything stored."""


def row_id(text: str) -> int:
    """The id of something stored (a debrief): a whole number from 1 to SQLite's largest."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= MAX_ROW_ID:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_ROW_ID}")
    return value


def positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not (math.isfinite(value) and 0 < value <= MAX_TIME_LIMIT):
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most {MAX_TIME_LIMIT} seconds")
    return value


def filters_from(args: argparse.Namespace) -> Filters:
    """The practice filters given on the command line (``retry`` has only some of them)."""
    from mockview.practice.selection import Filters

    return Filters(
        banks=tuple(getattr(args, "bank", ()) or ()),
        categories=tuple(getattr(args, "category", ()) or ()),
        tags=tuple(getattr(args, "tag", ()) or ()),
        count=args.count or 0,
        order=getattr(args, "order", "random"),
        seed=getattr(args, "seed", None),
        time_limit=args.time_limit,
        company=getattr(args, "company", None),
        role=getattr(args, "role", None),
        questions=tuple(getattr(args, "question", ()) or ()),
    )


def interview_options(args: argparse.Namespace) -> InterviewOptions:
    """The mock interview asked for on the command line."""
    from mockview.practice.interview import InterviewOptions

    return InterviewOptions(
        length=args.length,
        banks=tuple(args.bank),
        categories=tuple(args.category),
        seed=args.seed,
        time_limit=args.time_limit,
        company=args.company,
        role=args.role,
    )


def open_history(args: argparse.Namespace) -> History:
    """The history of this run's data dir, on the system clock, repairs reported on stderr.

    The one way commands open the store: ``with open_history(args) as history:``.
    """
    from mockview.clock import SystemClock
    from mockview.store import open_store

    return open_store(data_dir(args), clock=SystemClock(), warn=warn)


def load(args: argparse.Namespace, extra_paths: list[str] | None = None) -> tuple[Path, Library, History]:
    """The data dir, the library (with load problems reported) and the opened history (to close)."""
    from mockview.banks.library import load_library, split_bank_args

    folder = data_dir(args)
    _, paths = split_bank_args(extra_paths or [])
    library = load_library(folder, paths)
    report_load_problems(library)
    return folder, library, open_history(args)


def print_json(value: Any) -> None:
    """JSON for scripts: exact, with control characters as ``\\uXXXX`` escapes (see :func:`json_escaped`)."""
    from mockview.text import json_escaped

    sys.stdout.write(json_escaped(json.dumps(value, indent=2, ensure_ascii=False)) + "\n")


def warn(message: str) -> None:
    print(f"mockview: {message}", file=sys.stderr)


def report_load_problems(library: Library) -> None:
    """Say which bank files were skipped, and any bank that hides another."""
    for path in sorted({problem.path for problem in library.errors}):
        warn(f"skipped {path}: it has problems (run: mockview banks validate {path})")
    for problem in library.problems:
        if problem.severity == "warning":
            warn(str(problem))


MAX_TEXT_BYTES = 2 * 1024 * 1024
"""Answers are a few hundred words; anything this big is the wrong file (or /dev/zero)."""


def read_text_file(path: str | Path, what: str = "file") -> str:
    """Read a UTF-8 text file or raise one clear line saying why not."""
    path = Path(path)
    try:
        # Opened without blocking: opening a FIFO for reading waits for a
        # writer that may never come, and the check below would never run.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise MockviewError(f"{path} is not a regular file")
            raw = handle.read(MAX_TEXT_BYTES + 1)
    except FileNotFoundError:
        raise MockviewError(f"no such {what}: {path}") from None
    except IsADirectoryError:
        raise MockviewError(f"{path} is a folder, not a file") from None
    except OSError as error:
        raise MockviewError(f"cannot read {path}: {error.strerror or error}") from None
    return decode_text(_within_limit(raw, str(path)), str(path))


def read_text_stream(stream: BinaryIO, where: str) -> str:
    """Read UTF-8 text from a stream, at most :data:`MAX_TEXT_BYTES`, so an endless pipe cannot hang us."""
    return decode_text(_within_limit(stream.read(MAX_TEXT_BYTES + 1), where), where)


def _within_limit(raw: bytes, where: str) -> bytes:
    if len(raw) > MAX_TEXT_BYTES:
        raise MockviewError(f"{where} is over {MAX_TEXT_BYTES // 1024 // 1024} MiB; an answer is a few hundred words")
    return raw


def decode_text(raw: bytes, where: str) -> str:
    """The text of an answer or a question list, read as a posting or a CV is (see
    :func:`~mockview.prep.documents.plain_text`); empty text is an empty answer, not a problem."""
    from mockview.prep.documents import plain_text

    return plain_text(raw, where, convert="save it as plain text first",
                      save_as="save the file as UTF-8 (most editors offer it under 'Save as')")


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain left-aligned text table, the last column left ragged."""
    widths = [len(h) for h in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))
    lines = []
    for row in [headers, *rows]:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def write_output(text: str, output: str | None) -> None:
    """Print ``text``, or write it to the file ``output`` atomically (``-o FILE``)."""
    from mockview.files import write_atomically
    from mockview.text import shown

    if not output:
        sys.stdout.write(text)
        return
    target = Path(output).resolve()  # write through a symbolic link, not over it
    if target.is_dir():
        raise MockviewError(f"{target} is a folder; give a file name")
    if target.parent.exists() and not target.parent.is_dir():
        raise MockviewError(f"cannot write {output}: {target.parent} is a file, not a folder")
    try:
        write_atomically(target, shown(text), shared=True)
    except OSError as error:
        raise MockviewError(f"cannot write {target}: {error.strerror or error}") from None
    print(f"wrote {target}", file=sys.stderr)


def add_job_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--job", metavar="ID",
                        help="ask the role questions of a saved posting (see: mockview job list); "
                        "also sets --company and --role from it")


def apply_job_option(args: argparse.Namespace) -> None:
    """Turn ``--job ID`` into the posting's question bank, company and role, before the command runs.

    The bank is written afresh into ``<data dir>/jobs/`` from the saved
    posting, so it is always the current one; the person's own ``--bank``,
    ``--company`` and ``--role`` are kept.
    """
    ref = getattr(args, "job", None)
    if not ref:
        return
    from mockview.prep.job_questions import write_job_bank
    from mockview.prep.jobs import find_job

    folder = data_dir(args)
    job = find_job(folder, ref)
    path = write_job_bank(folder, job)
    args.bank = [*(getattr(args, "bank", None) or []), str(path)]
    if not getattr(args, "company", None) and job.company:
        args.company = job.company
    if not getattr(args, "role", None) and job.role:
        args.role = job.role
