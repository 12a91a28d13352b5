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
from mockview.commands import COMMAND_MODULES
from mockview.errors import MockviewError
from mockview.text import ShownStream, one_line


def build_parser() -> argparse.ArgumentParser:
    """The full parser; commands add their own sub-parsers."""
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
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    return parser


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
    parser = build_parser()
    args = parser.parse_args(argv)
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
