"""The ``mockview`` command line.

Each command group lives in its own module under ``mockview.commands`` and
registers its sub-parser here. Heavy imports (the Textual app above all) are
deferred into the commands that need them, so ``mockview score`` and friends
start fast and never load Textual.

Exit codes: 0 ok; 1 a user-facing error printed as one line on stderr; 2 a
usage error (argparse's own).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from mockview import __version__
from mockview.commands import command_modules
from mockview.errors import MockviewError
from mockview.text import ShownStream, one_line


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; commands add their own sub-parsers.

    Given the arguments, only the command they name is registered (its
    module is the only one imported); without them, or for an unknown
    command, every command is, so help and "did you mean" see them all.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where history, drafts and your banks live "
        "(default: $MOCKVIEW_HOME, else the platform's user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="mockview",
        description="Practise interview answers in the terminal: answer against the "
        "clock, get STAR and rubric feedback, and re-drill what you fumble.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"mockview {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules(_command_named(argv)):
        module.register(subparsers, common)
    return parser


def _command_named(argv: Sequence[str] | None) -> str | None:
    """The first argument that is not an option (or the value of --data-dir)."""
    if argv is None:
        return None
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--data-dir":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run mockview; returns the process exit code."""
    with _shown_output():
        return _run(argv)


@contextmanager
def _shown_output() -> Iterator[None]:
    """Everything printed goes through the one rule for shown text (:func:`mockview.text.shown`).

    Answers, debriefs, questions and file names are the person's text; an
    escape sequence stored in one must reach the terminal as ``^[``, not as
    a command to retitle it or clear it.
    """
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = ShownStream(saved[0]), ShownStream(saved[1])  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _run(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from mockview.commands.app import run_home

            return run_home(args)
        return int(handler(args) or 0)
    except MockviewError as error:
        print(f"mockview: {one_line(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # Ctrl+C lands wherever the cursor is, often mid-line at a prompt.
        print("\nmockview: interrupted" if sys.stderr.isatty() else "mockview: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: stop quietly, as Unix tools do.
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
