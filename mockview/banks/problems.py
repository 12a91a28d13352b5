"""Problems found while reading a YAML file, each with its exact location."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mockview.text import one_line

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


START = Position(1, 1)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, printed as ``path:line:column: message``."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = "error"

    @classmethod
    def at(
        cls, path: str, position: Position, message: str, severity: Severity = "error"
    ) -> Problem:
        return cls(path, position.line, position.column, message, severity)

    def __str__(self) -> str:
        """One line, always: a message quoting a value with a newline or an escape in it stays on its line."""
        prefix = "warning: " if self.severity == "warning" else ""
        return one_line(f"{self.path}:{self.line}:{self.column}: {prefix}{self.message}")
