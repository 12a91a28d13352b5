"""Problems found while reading a YAML file, each with its exact location."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.column}: {prefix}{self.message}"
