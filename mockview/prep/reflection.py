"""Looking back on an interview: what went right, what went wrong, and why.

The same shape serves the reflection after a mock interview and the
debrief of a real one, so that patterns can be found across both. Items are
typed one per line; a line that starts with "*" is starred as significant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mockview.store.words import Outcome

FACTORS = (
    "nervous",
    "tired",
    "hungry",
    "flustered",
    "late",
    "under-prepared on the company",
    "no example ready",
    "rambled",
    "too brief",
    "blanked",
    "spoke too fast",
    "misread the question",
)
"""Common reasons an interview goes wrong; people can add their own."""

OUTCOMES: tuple[str, ...] = tuple(outcome.value for outcome in Outcome)
"""How a real interview ended, as far as the person knows: the :class:`Outcome` words as
plain text, for choices shown to the person (argparse, the app's lists)."""


@dataclass(frozen=True, slots=True)
class Item:
    text: str
    starred: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "starred": self.starred}


@dataclass(frozen=True, slots=True)
class Reflection:
    went_right: tuple[Item, ...] = ()
    went_wrong: tuple[Item, ...] = ()
    factors: tuple[str, ...] = ()
    notes: str = ""

    @property
    def empty(self) -> bool:
        return not (self.went_right or self.went_wrong or self.factors or self.notes.strip())

    def to_json(self) -> dict[str, Any]:
        return {
            "went_right": [item.to_json() for item in self.went_right],
            "went_wrong": [item.to_json() for item in self.went_wrong],
            "factors": list(self.factors),
            "notes": self.notes,
        }


def parse_items(text: str) -> tuple[Item, ...]:
    """One item per non-empty line; a leading "*" stars it."""
    items = []
    for line in text.splitlines():
        stripped = line.strip().lstrip("-•").strip()
        if not stripped:
            continue
        starred = stripped.startswith("*")
        stripped = stripped.lstrip("*").strip()
        if stripped:
            items.append(Item(stripped, starred))
    return tuple(items)


def parse_factors(text: str) -> tuple[str, ...]:
    """Factors from a comma-separated line, each once, in the order given."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        factor = " ".join(part.split()).lower()
        if factor:
            seen.setdefault(factor, None)
    return tuple(seen)
