"""Command-line commands, one module per command group.

Each module has ``register(subparsers, common)`` which adds its parser and
sets ``handler`` to a function taking the parsed arguments.
"""

from __future__ import annotations

from mockview.commands import banks, history, interview, jobs, practice, prep, score

COMMAND_MODULES = (practice, interview, score, history, prep, banks, jobs)
