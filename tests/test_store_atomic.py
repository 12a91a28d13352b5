"""The store's transactions: the history as a context manager, atomic blocks
that nest with SAVEPOINTs, and the one query builder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mockview.store import open_store, reading
from mockview.store.query import Select

QUESTION = {"id": "star/x", "bank": "star", "text": "A question?"}


def add(history, answer: str = "An answer.") -> int:
    return history.add_attempt(session_id=None, question=QUESTION, answer=answer, started_at=history.clock.now(),
                               seconds=10.0, time_limit=150, analysis={"score": 50, "verdict": "ok"})


def answers(folder: Path) -> list[str]:
    """What another connection sees: only what was committed."""
    with reading(folder) as other:
        return [attempt.answer for attempt in other.attempts(oldest_first=True)]


def test_the_history_closes_when_its_block_ends(mockview_home: Path) -> None:
    with open_store(mockview_home) as history:
        add(history)
    with pytest.raises(sqlite3.ProgrammingError):
        history.connection.execute("SELECT 1")


def test_the_history_closes_when_its_block_fails(mockview_home: Path) -> None:
    with pytest.raises(RuntimeError), open_store(mockview_home) as history:
        raise RuntimeError("boom")
    with pytest.raises(sqlite3.ProgrammingError):
        history.connection.execute("SELECT 1")


def test_a_write_outside_a_block_is_committed_at_once(history, mockview_home: Path) -> None:
    add(history, "first")
    assert answers(mockview_home) == ["first"]
    assert not history.connection.in_transaction


def test_a_block_commits_everything_at_its_end_and_not_before(history, mockview_home: Path) -> None:
    with history.atomic():
        add(history, "one")
        add(history, "two")
        assert answers(mockview_home) == []
    assert answers(mockview_home) == ["one", "two"]


def test_a_failing_block_leaves_nothing(history, mockview_home: Path) -> None:
    with pytest.raises(RuntimeError), history.atomic():
        add(history, "lost")
        raise RuntimeError("killed half way")
    assert answers(mockview_home) == []
    assert not history.connection.in_transaction


def test_a_failed_inner_block_is_undone_alone_when_its_error_is_caught(history, mockview_home: Path) -> None:
    with history.atomic():
        add(history, "outer")
        with pytest.raises(RuntimeError), history.atomic():
            add(history, "inner")
            raise RuntimeError("inner fails")
        add(history, "after")
    assert answers(mockview_home) == ["outer", "after"]


def test_an_outer_failure_undoes_the_inner_blocks_that_succeeded(history, mockview_home: Path) -> None:
    with pytest.raises(RuntimeError), history.atomic():
        with history.atomic():
            with history.atomic():
                add(history, "deep")
        raise RuntimeError("outer fails")
    assert answers(mockview_home) == []


def test_blocks_nest_in_sequence_and_in_depth(history, mockview_home: Path) -> None:
    with history.atomic():
        for n in range(3):
            with history.atomic():
                add(history, f"sibling {n}")
                with history.atomic():
                    add(history, f"child {n}")
    assert len(answers(mockview_home)) == 6


def test_a_select_adds_only_the_filters_given() -> None:
    query = (Select("attempts").where("skipped = 0").where_given("bank = ?", "star")
             .where_given("category = ?", None).order_by("id DESC").limited(5))
    assert query.sql == "SELECT * FROM attempts WHERE skipped = 0 AND bank = ? ORDER BY id DESC LIMIT ?"
    assert query.params == ("star", 5)
    assert Select("sessions", "id").sql == "SELECT id FROM sessions"
    assert Select("sessions").limited(None).params == ()
