"""The STAR model's word classes fire on the words a person types, in any inflection."""

from __future__ import annotations

import pytest

from mockview.analysis.sequence import sentence_features


def features(sentence: str) -> set[str]:
    return set(sentence_features([sentence])[0])


@pytest.mark.parametrize(("sentence", "feature"), [
    ("Waiting times reduced by a third.", "c:result-word"),
    ("The error rate improved after that.", "c:result-word"),
    ("I decided to split the rota.", "c:i-acted"),
    ("We created a shared tracker.", "c:we-acted"),
    ("The deadline was the end of the month.", "c:need"),
    ("We had four nurses on nights.", "c:number"),
])
def test_a_listed_word_counts_in_any_form(sentence: str, feature: str) -> None:
    """The lists are written as plain words; "reduced", "decided" and "created" must count as their words."""
    assert feature in features(sentence)


def test_for_is_not_the_number_four() -> None:
    assert "c:number" not in features("I stayed for the whole shift.")
