"""Small, reusable checks for hand-written YAML records.

Banks, debriefs, company profiles and stories are all mappings typed by
people. The checks here turn a :class:`LocatedMap` field into a typed value
or a :class:`Problem` that says what is wrong and where, so that every file
format gives the same kind of message.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable
from typing import Any

from mockview.banks.problems import Position, Problem
from mockview.banks.suggest import suggest
from mockview.banks.yamlsource import REPORTED, LocatedList, LocatedMap, position_of


def describe(value: Any) -> str:
    """A plain-words name for a YAML value's type, for error messages."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, _dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class RecordChecker:
    """Collects problems for one file while fields are read from it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, position: Position, message: str) -> None:
        self.problems.append(Problem.at(self.path, position, message))

    def warning(self, position: Position, message: str) -> None:
        self.problems.append(Problem.at(self.path, position, message, "warning"))

    def unknown_keys(self, record: LocatedMap, allowed: Iterable[str], where: str) -> None:
        """Report keys that are not in ``allowed``, suggesting the closest."""
        allowed = tuple(allowed)
        for key in record:
            if key in allowed:
                continue
            guess = suggest(key, allowed)
            hint = f"; did you mean '{guess}'?" if guess else f"; expected one of: {', '.join(allowed)}"
            self.error(record.key_at(key), f"unknown key '{key}' in {where}{hint}")

    def text(
        self, record: LocatedMap, key: str, *, required: bool = False, default: str = ""
    ) -> str:
        """A non-empty string field (numbers are refused: quote them).

        Control characters never get this far: the YAML reader refuses them
        where they stand (:mod:`mockview.banks.yamlsource`).
        """
        if record.get(key) is REPORTED:
            return default
        if key not in record:
            if required:
                self.error(record.position, f"missing required key '{key}'")
            return default
        value = record[key]
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(record.value_at(key), f"'{key}' must not be empty")
            return default
        if not isinstance(value, str):
            quote = "; put it in quotes" if not isinstance(value, list | dict) else ""
            self.error(record.value_at(key), f"'{key}' must be text, got {describe(value)}{quote}")
            return default
        return value.strip()

    def positive_number(self, record: LocatedMap, key: str, unit: str = "") -> float | None:
        if key not in record or record[key] is REPORTED:
            return None
        value = record[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
            suffix = f" of {unit}" if unit else ""
            self.error(
                record.value_at(key),
                f"'{key}' must be a positive number{suffix}, got {_shown(value)}",
            )
            return None
        return float(value)

    def boolean(self, record: LocatedMap, key: str, default: bool = False) -> bool:
        if key not in record or record[key] is REPORTED:
            return default
        value = record[key]
        if not isinstance(value, bool):
            self.error(record.value_at(key), f"'{key}' must be true or false, got {_shown(value)}")
            return default
        return value

    def text_list(self, record: LocatedMap, key: str) -> tuple[str, ...]:
        """A list of non-empty strings."""
        if key not in record or record[key] is None or record[key] is REPORTED:
            return ()
        value = record[key]
        if not isinstance(value, LocatedList):
            self.error(
                record.value_at(key), f"'{key}' must be a list of text, got {describe(value)}"
            )
            return ()
        items: list[str] = []
        for index, item in enumerate(value):
            if item is REPORTED:
                continue
            if not isinstance(item, str):
                self.error(
                    value.item_at(index),
                    f"'{key}' item {index + 1} must be text, got {describe(item)}",
                )
            elif not item.strip():
                self.error(value.item_at(index), f"'{key}' item {index + 1} is empty")
            else:
                items.append(item.strip())
        return tuple(items)

    def mapping(self, value: Any, what: str, position: Position) -> LocatedMap | None:
        if isinstance(value, LocatedMap):
            return value
        if value is REPORTED:
            return None
        self.error(position_of(value, position), f"{what} must be a mapping (key: value), got {describe(value)}")
        return None

    def choice(
        self, record: LocatedMap, key: str, choices: Iterable[str], default: str
    ) -> str:
        choices = tuple(choices)
        value = self.text(record, key, default=default)
        if key in record and value and value not in choices:
            guess = suggest(value, choices, cutoff=60)
            hint = f"; did you mean '{guess}'?" if guess else ""
            self.error(
                record.value_at(key),
                f"unknown {key} '{value}': expected {_or_list(choices)}{hint}",
            )
            return default
        return value


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    return describe(value)


def _or_list(choices: tuple[str, ...]) -> str:
    if len(choices) == 1:
        return choices[0]
    return ", ".join(choices[:-1]) + f" or {choices[-1]}"
