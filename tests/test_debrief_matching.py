"""Questions remembered from a real interview find the bank question asked in other common words;
the rest become re-drill items of the right kind, length and a readable id."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mockview.banks.library import load_library
from mockview.banks.model import DEFAULT_WORDS
from mockview.prep.debrief.model import AskedQuestion, Debrief
from mockview.prep.debrief.storage import ITEM_ID_LENGTH, save_debrief


@pytest.fixture(scope="module")
def library():
    return load_library(None)


def fumbled(history, library, *texts: str) -> list[str]:
    debrief = Debrief(company="Initech", date=dt.date(2026, 2, 20), questions=tuple(AskedQuestion(t, True) for t in texts))
    _, changes = save_debrief(history, debrief, library)
    return [change.question_id for change in changes]


@pytest.mark.parametrize(("asked", "bank_question"), [
    ("Tell me about yourself.", "interview/tell-me-about-yourself"),
    ("Describe a time you had a conflict with a coworker.", "classics/conflict-with-coworker"),
    ("What do you know about our products?", "classics/know-about-our-products"),
    ("What is your biggest weakness?", "classics/greatest-weakness"),
    ("Tell me about a time you failed", "classics/time-you-failed"),
    ("What do you know about Initech?", "company-research/what-do-you-know"),
])
def test_common_wordings_find_their_bank_question(history, library, asked: str, bank_question: str) -> None:
    assert fumbled(history, library, asked) == [bank_question]


def test_a_story_prompt_without_a_bank_question_gets_a_story_target(history, library) -> None:
    (item,) = fumbled(history, library, "Describe a time you had to let a friend go from your team.")
    question = history.schedule_entry(item).question
    assert item.startswith("debrief/") and question["kind"] == "star"
    assert tuple(question["words"]) == DEFAULT_WORDS["star"]


def test_a_company_question_without_a_bank_question_is_not_held_to_a_story_length(history, library) -> None:
    (item,) = fumbled(history, library, "How does our pricing compare with our competitors?")
    question = history.schedule_entry(item).question
    assert question["kind"] == "research"
    assert tuple(question["words"]) == DEFAULT_WORDS["research"] != DEFAULT_WORDS["star"]


def test_a_closing_question_is_drilled_as_one(history, library) -> None:
    (item,) = fumbled(history, library, "Is there anything you would like to ask me before we finish?")
    assert history.schedule_entry(item).question["kind"] == "closing"


def test_a_long_question_gets_an_id_of_whole_words(history, library) -> None:
    text = ("Walk me through the most complicated supplier negotiation you personally handled end to end "
            "last year")
    (item,) = fumbled(history, library, text)
    local = item.removeprefix("debrief/")
    assert len(local) <= ITEM_ID_LENGTH
    words = "walk-me-through-the-most-complicated-supplier-negotiation-you".split("-")
    # A prefix of the question's words, each whole: never "negotia".
    assert local.split("-") == words[: len(local.split("-"))]
    assert local == "walk-me-through-the-most-complicated-supplier"


def test_a_question_listed_under_what_went_wrong_is_not_shown_as_not_fumbled(history, library,
                                                                           mockview_home: Path) -> None:
    from mockview.prep.reflection import Item
    from mockview.prep.debrief.text import format_debrief

    debrief = Debrief(company="Initech", date=dt.date(2026, 2, 20),
                      questions=(AskedQuestion("Why do you want to leave your job?"), AskedQuestion("Why Initech?")),
                      went_wrong=(Item("Rambled on why do you want to leave your job"),))
    debrief_id, _ = save_debrief(history, debrief, library)
    shown = format_debrief(history.debrief(debrief_id))
    assert "Why do you want to leave your job? (listed under what went wrong)" in shown
    assert "Why Initech? (not fumbled)" in shown
