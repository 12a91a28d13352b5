"""The session engine: choosing questions, timing, hints, skips, storage."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockview.banks.library import load_library
from mockview.errors import MockviewError
from mockview.practice.plans import build_practice, build_retry
from mockview.practice.selection import Filters, plan_questions
from mockview.store.redrill import Rating

STORY = ("Last year I was the analyst on our finance team and my manager asked me to cut the close. "
         "I mapped every step, then I wrote a script and I moved the review earlier. "
         "As a result the close dropped from nine days to four.")


@pytest.fixture
def library(mockview_home: Path):
    return load_library(mockview_home)


def practice(library, history, clock, **filters):
    return build_practice(library, history, Filters(**{"banks": ("star",), "count": 3, "seed": 1, **filters}), clock)


def test_seeded_plans_repeat_and_never_repeat_a_question(library, history, clock) -> None:
    first = [p.question.full_id for p in practice(library, history, clock).plan]
    again = [p.question.full_id for p in practice(library, history, clock).plan]
    assert first == again
    assert len(set(first)) == 3 and all(q.startswith("star/") for q in first)
    big = practice(library, history, clock, count=1000).plan
    assert len(big) == len({p.question.full_id for p in big}) == len(library.banks["star"].questions)


def test_least_recently_seen_come_first_across_sessions(library, history, clock) -> None:
    session = practice(library, history, clock)
    asked = [p.question.full_id for p in session.plan]
    for _ in asked:
        session.begin_question()
        session.submit(STORY)
    clock.advance(60)
    following = [p.question.full_id for p in practice(library, history, clock).plan]
    assert not set(asked) & set(following)


def test_plan_order_by_bank_and_least_seen() -> None:
    from datetime import datetime, timezone

    from mockview.banks.model import Question

    questions = [Question(bank="b", id=f"q{i}", text=f"Q{i}?") for i in range(4)]
    seen = {"b/q0": datetime(2026, 1, 2, tzinfo=timezone.utc), "b/q1": datetime(2026, 1, 1, tzinfo=timezone.utc)}
    chosen = plan_questions(questions, 4, order="bank", last_seen=seen)
    assert [q.id for q in chosen] == ["q2", "q3", "q1", "q0"]
    with pytest.raises(MockviewError, match="at least 1"):
        plan_questions(questions, 0)


def test_filters_by_category_and_tag_with_suggestions(library, history, clock) -> None:
    plan = practice(library, history, clock, banks=("behavioral",), categories=("conflict",), count=50).plan
    assert plan and all(p.question.category == "conflict" for p in plan)
    with pytest.raises(MockviewError, match="no category 'confict'.*did you mean 'conflict'"):
        practice(library, history, clock, banks=("behavioral",), categories=("confict",))
    with pytest.raises(MockviewError, match="unknown bank 'nope'"):
        practice(library, history, clock, banks=("nope",))


def test_timing_uses_the_monotonic_clock_with_pause(library, history, clock) -> None:
    session = practice(library, history, clock, count=1)
    session.begin_question()
    clock.advance(40)
    session.pause()
    clock.advance(500)  # paused: not counted
    session.resume()
    clock.advance(20)
    result = session.submit(STORY)
    assert result.seconds == 60
    assert history.attempt(result.attempt_id).seconds == 60
    assert result.analysis["delivery"]["seconds"] == 60


def test_hints_are_recorded(library, history, clock) -> None:
    session = practice(library, history, clock, count=1)
    planned = session.begin_question()
    assert session.hint() == planned.question.tips[0]
    result = session.submit(STORY)
    assert history.attempt(result.attempt_id).hints_used == 1


def test_a_skip_is_recorded_as_fumbled_and_queued(library, history, clock) -> None:
    session = practice(library, history, clock, count=1)
    session.begin_question()
    result = session.skip()
    stored = history.attempt(result.attempt_id)
    assert stored.skipped and stored.verdict == "fumbled" and stored.answer == ""
    assert result.change.outcome == "added"


def test_again_asks_the_same_question_now(library, history, clock) -> None:
    session = practice(library, history, clock, count=2)
    session.begin_question()
    first = session.submit(STORY)
    session.again()
    assert session.current.question.full_id == first.planned.question.full_id
    session.begin_question()
    second = session.submit(STORY + " I learned a lot.")
    assert second.previous is not None and second.previous.id == first.attempt_id


def test_research_questions_are_asked_with_the_company(library, history, clock) -> None:
    session = practice(library, history, clock, banks=("company-research",), count=30, company="Acme", role="analyst")
    assert any("Acme" in p.text for p in session.plan)
    assert not any("{company}" in p.text for p in session.plan)


def test_retry_asks_due_questions_even_when_the_bank_is_gone(mockview_home, history, clock, tmp_path) -> None:
    folder = mockview_home / "banks"
    folder.mkdir(parents=True)
    bank = folder / "mine.yaml"
    bank.write_text("bank: mine\nquestions:\n  - id: gone\n    text: Tell me about a time you failed.\n")
    library = load_library(mockview_home)
    session = build_practice(library, history, Filters(banks=("mine",), count=1), clock)
    session.begin_question()
    session.skip()
    bank.unlink()
    clock.advance(5)
    retry = build_retry(load_library(mockview_home), history, Filters(count=0), clock)
    assert [p.text for p in retry.plan] == ["Tell me about a time you failed."]
    assert retry.plan[0].source == "snapshot"
    retry.begin_question()
    result = retry.submit(STORY)
    assert history.attempt(result.attempt_id).question["text"] == "Tell me about a time you failed."


def test_retry_with_nothing_due_says_when(library, history, clock) -> None:
    with pytest.raises(MockviewError, match="the re-drill queue is empty"):
        build_retry(library, history, Filters(count=0), clock)
    session = practice(library, history, clock, count=1)
    session.begin_question()
    result = session.skip()
    session.rate(result.attempt_id, Rating.GOOD)
    with pytest.raises(MockviewError, match="nothing is due for re-drill yet; the next one is due in"):
        build_retry(library, history, Filters(count=0), clock)


def test_summary_and_reflection(library, history, clock) -> None:
    session = practice(library, history, clock, count=2)
    session.begin_question()
    clock.advance(30)
    session.submit(STORY)
    session.begin_question()
    session.skip()
    summary = session.summary()
    assert summary.answered == 1 and summary.skipped == 1
    assert summary.total_seconds == 30
    assert len(summary.fumbled) >= 1
    session.finish({"went_right": "Clear story", "went_wrong": ""})
    stored = history.session(session.session_id)
    assert stored.reflection == {"went_right": "Clear story", "went_wrong": ""}
    assert stored.ended_at is not None


def test_a_snapshot_keeps_where_each_rubric_point_came_from_and_what_it_means() -> None:
    """A re-drill asked from its snapshot judges the points as the bank did: the concept a point names
    decides what makes it, so losing it would change the feedback."""
    from mockview.banks.model import Keyword, Question
    from mockview.store.snapshots import question_from_snapshot, snapshot

    question = Question(bank="company-research", id="why", text="Why us?", kind="research",
                        keywords=(Keyword("mission"), Keyword("Anvil Pro", source="your Acme profile"),
                                  Keyword("success in the role", ("the numbers",), concept="success-in-role")))
    assert question_from_snapshot(snapshot(question)).keywords == question.keywords
    older = snapshot(question) | {"keywords": [["mission", [], 1.0, False]]}  # stored before points had a source
    assert question_from_snapshot(older).keywords == (Keyword("mission"),)
    sourced = snapshot(question) | {"keywords": [["Anvil Pro", [], 1.0, False, "your Acme profile"]]}
    assert question_from_snapshot(sourced).keywords == (Keyword("Anvil Pro", source="your Acme profile"),)


def test_an_unknown_category_lists_every_category_and_counts_the_tags_it_leaves_out(mockview_home: Path) -> None:
    from mockview.practice.selection import matching_questions

    library = load_library(mockview_home)
    categories = sorted({question.category for question in library.questions() if question.category})
    with pytest.raises(MockviewError) as raised:
        matching_questions(library, Filters(categories=("nosuch",)))
    assert str(raised.value).endswith(f"(they have: {', '.join(categories)})")  # warm-up and all, none cut off
    tags = sorted({tag for question in library.questions() for tag in question.tags})
    with pytest.raises(MockviewError) as raised:
        matching_questions(library, Filters(tags=("nosuch",)))
    assert str(raised.value).endswith(f" and {len(tags) - 30} more)")
