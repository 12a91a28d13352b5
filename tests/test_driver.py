"""The session driver both front ends call: what comes next, peeks, hints, drafts, the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockview.banks.library import load_library
from mockview.practice.driver import (
    MAX_STORIES_SHOWN,
    SessionDriver,
    Step,
    start_from_draft,
    start_interview,
    start_practice,
)
from mockview.practice.interview import InterviewOptions
from mockview.practice.selection import Filters
from mockview.store.drafts import DraftKeeper, recovered_drafts
from tests.helpers import FakeClock

STORY = ("At my last job our release kept slipping. My goal was to ship by March. I split the work into "
         "milestones and I paired with the newest developer. We shipped two days early, 40% cheaper.")
THREE_FAILURES = "stories:\n" + "".join(
    f"  - title: Failure {number}\n    competencies: [failure]\n    action: I fixed it, time {number}.\n"
    for number in range(1, 4)
)


@pytest.fixture
def library(mockview_home: Path):
    return load_library(mockview_home)


def practice(library, history, clock: FakeClock, home: Path, **filters: object) -> SessionDriver:
    chosen = Filters(**{"banks": ("star",), "count": 2, "seed": 1, **filters})  # type: ignore[arg-type]
    return start_practice(library, history, chosen, clock, home)


def test_practice_shows_feedback_after_each_answer_then_the_summary(library, history, clock, mockview_home) -> None:
    driver = practice(library, history, clock, mockview_home)
    assert not driver.is_interview and driver.helps
    driver.begin()
    assert driver.progress().number == 1 and driver.progress().total == 2
    driver.submit(STORY)
    assert driver.after_answer() is Step.FEEDBACK and driver.next() is Step.QUESTION
    driver.again()
    driver.begin()
    driver.skip()
    assert driver.questions_left == 1
    driver.begin()
    driver.submit(STORY)
    assert driver.next() is Step.SUMMARY
    driver.finish({"went_right": "calm"})
    (session,) = history.sessions()
    assert session.ended_at is not None and session.reflection == {"went_right": "calm"}


def test_an_interview_goes_straight_on_and_counts_only_its_own_questions(library, history, clock,
                                                                         mockview_home) -> None:
    driver = start_interview(library, history, InterviewOptions(length="short", seed=4), clock, mockview_home)
    assert driver.is_interview and not driver.helps
    assert driver.hint() is None and driver.peek_stories().stories == ()
    total, previous = driver.progress().total, 0
    while not driver.finished:
        planned = driver.begin()
        progress = driver.progress()
        assert progress.total == total
        if planned.parent_attempt is not None:
            assert progress.number == previous  # a follow-up is part of its question
        previous = progress.number
        clock.advance(30)
        driver.submit("We finished late." if planned.note else "I split the work into weekly milestones.")
        assert driver.after_answer() in (Step.QUESTION, Step.REPORT_CARD)
    assert previous == total and driver.next() is Step.REPORT_CARD
    card = driver.report_card()
    driver.finish(None)
    (session,) = history.sessions(mode="interview")
    assert session.report == card.to_json()


def test_a_peek_shows_at_most_two_stories_and_records_them(library, history, clock, mockview_home) -> None:
    mockview_home.mkdir(parents=True, exist_ok=True)
    (mockview_home / "stories.yaml").write_text(THREE_FAILURES)
    driver = practice(library, history, clock, mockview_home, categories=("failure",), count=1)
    driver.begin()
    peek = driver.peek_stories()
    assert len(peek.stories) == MAX_STORIES_SHOWN == 2 and not peek.problem
    assert driver.stories_peeked == 2
    (mockview_home / "stories.yaml").write_text("stories:\n  - title: A\n    acton: x\n")
    broken = driver.peek_stories()
    assert broken.stories == () and "unknown key 'acton'" in broken.problem


def test_typing_is_kept_as_a_draft_and_submitting_clears_it(library, history, clock, mockview_home) -> None:
    driver = practice(library, history, clock, mockview_home)
    driver.begin()
    driver.keep_answer("half an answer")
    (path,) = (mockview_home / "drafts").glob("*.json")
    saved = json.loads(path.read_text())
    assert saved["answer"] == "half an answer" and saved["session"]["mode"] == "practice"
    driver.submit("half an answer, finished")
    assert not path.exists()


def test_a_recovered_draft_is_asked_with_its_text_and_time(history, clock, mockview_home) -> None:
    question = {"id": "star/old", "bank": "star", "text": "Tell me about a deadline.", "kind": "star",
                "time_limit": 150, "words": [150, 350]}
    old = DraftKeeper(mockview_home)
    old.update(question, "Half an answer.", 12.0, now=clock.now())
    data = json.loads(old.path.read_text())
    data["pid"] = 999_999_999
    old.path.write_text(json.dumps(data))
    (draft,) = recovered_drafts(mockview_home)

    driver = start_from_draft(history, draft, clock, mockview_home)
    assert not old.path.exists()
    assert json.loads(driver.keeper.path.read_text())["answer"] == "Half an answer."
    assert driver.prefill == "Half an answer."
    driver.begin()
    assert driver.question_seconds == 12 and driver.prefill == ""
    result = driver.submit("Half an answer. Done.")
    assert result.planned.question.full_id == "star/old" and result.seconds == 12
