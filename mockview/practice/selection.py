"""Which questions a practice session asks, and in what order.

Questions are filtered by bank, category and tag, then ordered so that the
ones not seen for longest come first (never-seen ones before all others);
within that, the order is random (repeatable with a seed) or the banks' own
order. A session never asks the same question twice.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from mockview.banks.suggest import suggest
from mockview.banks.library import Library, split_bank_args
from mockview.banks.model import BankSource, Question
from mockview.errors import MockviewError

ORDERS = ("random", "bank")


@dataclass(frozen=True, slots=True)
class Filters:
    """What the person asked for; stored with the session."""

    banks: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    count: int = 5
    order: str = "random"
    seed: int | None = None
    time_limit: float | None = None
    company: str | None = None
    role: str | None = None
    questions: tuple[str, ...] = ()
    """Questions chosen by id (``bank/id``): drilled in this order, instead of choosing by the filters."""

    def to_json(self) -> dict[str, object]:
        return {
            "banks": list(self.banks),
            "categories": list(self.categories),
            "tags": list(self.tags),
            "count": self.count,
            "order": self.order,
            "seed": self.seed,
            "time_limit": self.time_limit,
            "company": self.company,
            "role": self.role,
            "questions": list(self.questions),
        }


@dataclass(frozen=True, slots=True)
class Pool:
    """The questions that pass the filters, and the banks they came from."""

    questions: tuple[Question, ...]
    banks: tuple[str, ...] = field(default=())


def matching_questions(library: Library, filters: Filters) -> Pool:
    """The questions of the chosen banks that match the category and tag filters."""
    names, _paths = split_bank_args(filters.banks)
    if filters.banks:
        chosen = [library.bank(name) for name in names]
        chosen += [bank for bank in library.banks.values() if bank.source == BankSource.PATH and bank not in chosen]
        if not chosen:
            raise MockviewError("none of the given banks could be loaded")
    else:
        chosen = list(library.banks.values())
    questions = [question for bank in chosen for question in bank.questions]
    if filters.categories:
        wanted = {c.lower() for c in filters.categories}
        _check_known("category", wanted, {q.category.lower() for q in questions if q.category})
        questions = [q for q in questions if q.category.lower() in wanted]
    if filters.tags:
        wanted_tags = {t.lower() for t in filters.tags}
        _check_known("tag", wanted_tags, {t.lower() for q in questions for t in q.tags})
        questions = [q for q in questions if wanted_tags & {t.lower() for t in q.tags}]
    if not questions:
        raise MockviewError("no questions match those filters")
    return Pool(tuple(questions), tuple(bank.id for bank in chosen))


def chosen_questions(library: Library, wanted: Sequence[str]) -> list[Question]:
    """The questions named by id, in the order given, each once.

    ``bank/id`` names one question; a bare ``id`` is accepted when only one
    loaded bank has it. An unknown id is one clear error with the closest
    known one.
    """
    chosen: dict[str, Question] = {}
    for name in wanted:
        question = _question_named(library, name.strip())
        chosen.setdefault(question.full_id, question)
    if not chosen:
        raise MockviewError("no question given")
    return list(chosen.values())


def _question_named(library: Library, name: str) -> Question:
    if "/" in name:
        found = library.question(name)
        if found is not None:
            return found
        bank_id = name.partition("/")[0]
        if bank_id not in library.banks:
            library.bank(bank_id)  # raises: unknown bank, with the loaded ones
    else:
        same_id = [q for q in library.questions() if q.id == name]
        if len(same_id) == 1:
            return same_id[0]
        if same_id:
            raise MockviewError(f"'{name}' is in several banks; say which: "
                                + ", ".join(q.full_id for q in same_id))
    guess = suggest(name, [q.full_id for q in library.questions()] if "/" in name
                    else [q.id for q in library.questions()])
    hint = f"; did you mean '{guess}'?" if guess else " (see: mockview banks show NAME)"
    raise MockviewError(f"no question '{name}' in the loaded banks{hint}")


def _check_known(what: str, wanted: set[str], known: set[str]) -> None:
    unknown = sorted(wanted - known)
    if not unknown:
        return
    name = unknown[0]
    guess = suggest(name, known)
    hint = f"; did you mean '{guess}'?" if guess else ""
    listed = sorted(known)
    shown = ", ".join(listed[:SHOWN_NAMES]) + (f" and {len(listed) - SHOWN_NAMES} more" if len(listed) > SHOWN_NAMES else "")
    raise MockviewError(f"no {what} '{name}' in the chosen banks{hint} (they have: {shown})")


SHOWN_NAMES = 30
"""How many names an unknown category or tag lists: the shipped banks have 22 categories, all of
which fit on a line or two; more are counted, not cut off unannounced (found by a new-user run)."""


def plan_questions(
    questions: Sequence[Question],
    count: int,
    *,
    order: str = "random",
    seed: float | None = None,
    last_seen: dict[str, datetime] | None = None,
    exclude: Iterable[str] = (),
) -> list[Question]:
    """Up to ``count`` distinct questions, least recently seen first."""
    if count < 1:
        raise MockviewError("the number of questions must be at least 1")
    if order not in ORDERS:
        raise MockviewError(f"unknown order '{order}': expected {' or '.join(ORDERS)}")
    seen = last_seen or {}
    excluded = set(exclude)
    rng = random.Random(seed)
    unique: dict[str, Question] = {}
    for question in questions:
        if question.full_id not in excluded:
            unique.setdefault(question.full_id, question)
    candidates = list(unique.values())
    tiebreak = {q.full_id: (rng.random() if order == "random" else index) for index, q in enumerate(candidates)}

    def key(question: Question) -> tuple[float, float]:
        when = seen.get(question.full_id)
        return (when.timestamp() if when else float("-inf"), tiebreak[question.full_id])

    return sorted(candidates, key=key)[:count]
