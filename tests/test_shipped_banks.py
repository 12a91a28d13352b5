"""The banks shipped with mockview meet the content bar set for them."""

from __future__ import annotations

from collections import Counter

import pytest

from mockview.banks.library import load_library
from mockview.banks.model import Bank


@pytest.fixture(scope="module")
def shipped() -> dict[str, Bank]:
    library = load_library(None)
    assert library.problems == []
    return library.banks


BEHAVIORAL_CATEGORIES = {
    "teamwork", "conflict", "leadership", "failure", "pressure",
    "ambiguity", "initiative", "communication", "customer-focus", "learning",
}


def test_the_three_banks_are_there_with_enough_questions(shipped) -> None:
    assert len(shipped["behavioral"].questions) >= 40
    assert len(shipped["star"].questions) >= 25
    assert len(shipped["company-research"].questions) >= 15
    assert sum(len(bank.questions) for bank in shipped.values()) >= 80


def test_behavioral_covers_every_category(shipped) -> None:
    counts = Counter(q.category for q in shipped["behavioral"].questions)
    assert BEHAVIORAL_CATEGORIES <= set(counts)


def test_every_question_is_complete(shipped) -> None:
    for bank in shipped.values():
        for question in bank.questions:
            assert question.category, question.full_id
            assert question.tags, question.full_id
            assert question.keywords, question.full_id
            assert question.tips, question.full_id


def test_star_prompts_have_rich_rubrics(shipped) -> None:
    for question in shipped["star"].questions:
        assert question.kind == "star"
        assert len(question.keywords) >= 3, question.full_id
        assert sum(bool(k.synonyms) for k in question.keywords) >= 3, question.full_id
        assert question.tips and question.follow_ups, question.full_id


def test_company_research_uses_placeholders(shipped) -> None:
    bank = shipped["company-research"]
    templated = [q for q in bank.questions if "{company}" in q.text or "{role}" in q.text]
    assert len(templated) >= 15
    know = bank.question("what-do-you-know")
    assert know is not None and "{company}" in know.text
    assert "Acme" in know.render_text("Acme", None)
    assert "{" not in know.render_text()


def test_no_braces_outside_research_questions(shipped) -> None:
    for bank in shipped.values():
        for question in bank.questions:
            if question.kind != "research":
                assert "{company}" not in question.text and "{role}" not in question.text


def test_shipped_rubrics_draw_no_validator_warnings(shipped) -> None:
    """Every shipped point has phrasings or a concept, none repeats another, none is a
    structural word or so common it matches any answer: `banks validate` is silent on them."""
    from mockview.analysis.rubric_check import check_rubric

    warnings = [f"{p.path}:{p.line}: {p.message}" for bank in shipped.values() for p in check_rubric(bank, bank.path)]
    assert warnings == []
