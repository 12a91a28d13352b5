""""Did you mean...?" for a mistyped name: a bank, a question id, a field, a concept.

Kept apart from :mod:`mockview.banks.checks` (which reads YAML records) so that
a command naming a bank or question by hand, such as ``practice --question``,
can offer the nearest name without importing the YAML parser.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process


def suggest(word: str, choices: Iterable[str], cutoff: float = 70) -> str | None:
    """The closest of ``choices`` to a mistyped ``word``, if any is close."""
    match = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=cutoff)
    return match[0] if match else None
