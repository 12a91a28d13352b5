"""The one exception type for errors a user can act on.

Anything raised as :class:`MockviewError` is printed by the command line as a
single line (``path:line:column: message`` when a location is known) with exit
code 1. Every other exception is a bug and keeps its traceback.
"""

from __future__ import annotations


class MockviewError(Exception):
    """A problem the user can fix, described in one line."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"
