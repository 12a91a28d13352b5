"""Command-line commands, one module per command group.

Each module has ``register(subparsers, common)`` which adds its parser and
sets ``handler`` to a function taking the parsed arguments. They import
``common`` (and ``app``, to open the app) but never each other.
"""

from __future__ import annotations

from mockview.commands import (
    banks,
    company,
    debrief,
    history,
    interview,
    jobs,
    patterns,
    practice,
    prep,
    score,
    stories,
)

COMMAND_MODULES = (practice, interview, score, history, debrief, patterns, company, stories, prep, jobs, banks)
"""In the order ``mockview --help`` lists them."""
