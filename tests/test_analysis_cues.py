"""The fast cue scoring finds exactly what trying every pattern would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mockview.analysis import lexicon
from mockview.analysis.cues import CueTable, required_literals
from mockview.analysis.sentences import split_sentences
from mockview.analysis.star import cue_table
from mockview.text import normalised

GROUPS = {
    "situation": lexicon.SITUATION_CUES,
    "task": lexicon.TASK_CUES,
    "action": lexicon.ACTION_CUES,
    "result": lexicon.RESULT_CUES,
}
NAIVE = {
    name: [(re.compile(rf"(?<!\w)(?:{source})(?!\w)"), weight) for source, weight in cues]
    for name, cues in GROUPS.items()
}
ANSWERS = sorted((Path(__file__).parent / "data").glob("answers*/*.yaml"))


def naive_scores(text: str) -> dict[str, float]:
    return {
        name: sum(weight for pattern, weight in patterns if pattern.search(text))
        for name, patterns in NAIVE.items()
    }


def sentences_of(path: Path) -> list[str]:
    answer = yaml.safe_load(path.read_text(encoding="utf-8")).get("answer") or ""
    return [normalised(s.text).lower() for s in split_sentences(answer)]


@pytest.mark.parametrize("path", ANSWERS[::3], ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fast_scoring_equals_naive_on_real_answers(path: Path) -> None:
    texts = sentences_of(path)
    assert cue_table().score_all(texts) == [naive_scores(text) for text in texts]


words = st.sampled_from(
    "i we the as a result in end was my job to decided set up reduced by 40% $3,000 "
    "hi ihe wed there were asked me so then first learned now runs went live ahead of schedule "
    "ed ing respons responsibility not sure how it - , . \n é ç ho deciso".split(" ")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(words, max_size=25).map(" ".join), min_size=1, max_size=6))
def test_fast_scoring_equals_naive_on_generated_text(texts: list[str]) -> None:
    texts = [text.lower() for text in texts]
    assert cue_table().score_all(texts) == [naive_scores(text) for text in texts]


def test_required_literals_are_sound_examples() -> None:
    assert required_literals(r"as a result|in the end") == frozenset({"as a result", "in the end"})
    assert required_literals(r"\d+%") is None
    assert required_literals(r"respons[ai]bilit(?:y|ies)") == frozenset({"respons"})


def test_cue_patterns_are_lowercase() -> None:
    """They are matched against lowercased text, so capitals would never match."""
    for cues in GROUPS.values():
        for source, _ in cues:
            literal_letters = re.sub(r"\\[A-Za-z]", "", source)
            assert literal_letters == literal_letters.lower(), source


def test_a_table_scores_one_text_like_many() -> None:
    table = CueTable({"a": (("as a result", 2.0),), "b": ((r"\d+%", 1.0),)})
    assert table.scores("as a result it fell 40%") == {"a": 2.0, "b": 1.0}
    assert table.scores("asa result") == {"a": 0.0, "b": 0.0}
