"""Command-line commands, one module per command group.

Each module has ``register(subparsers, common)`` which adds its parser and
sets ``handler`` to a function taking the parsed arguments. They import
``common`` (and ``app``, to open the app) but never each other.

Modules are imported when a command needs them: ``mockview score`` loads
the score module only (:func:`command_modules`), so building the parser
never costs the imports of every other command.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

MODULE_ORDER = ("practice", "interview", "score", "history", "debrief", "patterns", "company", "stories", "prep",
                "jobs", "banks")
"""In the order ``mockview --help`` lists them."""

COMMANDS: dict[str, str] = {
    "practice": "practice", "retry": "practice", "interview": "interview", "score": "score",
    "history": "history", "stats": "history", "export": "history", "debrief": "debrief",
    "patterns": "patterns", "company": "company", "stories": "stories", "prep": "prep",
    "job": "jobs", "cv": "jobs", "banks": "banks",
}
"""Each command and the module that registers it."""


def command_modules(command: str | None = None) -> tuple[ModuleType, ...]:
    """The module that registers ``command``, or every module (for --help, a typo, no command)."""
    names = (COMMANDS[command],) if command in COMMANDS else MODULE_ORDER
    return tuple(import_module(f"mockview.commands.{name}") for name in names)
