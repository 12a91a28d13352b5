"""The concept vocabulary is well formed, and its stored index matches it.

A broken phrasing would silently never match, a concept defined twice would
shadow another, and a stale index would give a new name or phrasing no effect
until it is rebuilt (a concept added or renamed is caught at start and the
index worked out again).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockview.analysis.phrases import AnswerTokens, PhraseList, compile_phrase
from mockview.analysis.sentences import split_sentences
from mockview.analysis.vocabulary import all_concepts, compute_index
from mockview.analysis.words import answer_tokens

ROOT = Path(__file__).resolve().parent.parent


def test_every_phrasing_compiles_and_can_match() -> None:
    concepts = all_concepts()
    assert len(concepts) >= 150
    for item in concepts.values():
        assert item.names and (item.phrasings or item.structural), item.id
        for source in (*item.names, *item.phrasings):
            assert compile_phrase(source).content, (item.id, source)


def test_the_stored_index_is_fresh() -> None:
    stored = json.loads((ROOT / "mockview" / "analysis" / "vocabulary" / "index.json").read_text("utf-8"))
    fresh = compute_index()
    assert stored["digest"] == fresh["digest"], "run: python tools/build_vocabulary_index.py"
    for part in ("names", "any_order", "postings", "topics", "filing"):
        assert stored[part] == fresh[part], part


def test_a_phrasing_edited_since_the_index_was_built_is_still_found(monkeypatch) -> None:
    """The stored filing is for the phrasings as they were; an edited one is filed afresh, not under
    the words of the phrasing it replaced (which would hide it from every answer)."""
    import dataclasses

    import mockview.analysis.vocabulary as vocabulary

    item = vocabulary.concept("deferred")
    assert item is not None
    edited = dataclasses.replace(item, phrasings=("parked it until the quarterly review", *item.phrasings[1:]))
    assert vocabulary.concept_filing(item) is not None
    assert vocabulary.concept_filing(edited) is None
    filed = PhraseList(vocabulary.concept_sources(edited), vocabulary.concept_filing(edited))
    text = "So I parked it until the quarterly review and told the team why."
    sentences = tuple((sentence.start, sentence.text) for sentence in split_sentences(text))
    found = [phrase.source for phrase in filed.candidates(AnswerTokens(answer_tokens(text, sentences)))]
    assert "parked it until the quarterly review" in found


def test_an_index_whose_concepts_are_not_the_vocabulary_s_is_worked_out_again(monkeypatch) -> None:
    """A developer who renames a concept and forgets the rebuild gets the right links, not a KeyError."""
    import mockview.analysis.vocabulary as vocabulary

    term = "resolved the conflict"
    stored = json.loads((ROOT / "mockview" / "analysis" / "vocabulary" / "index.json").read_text("utf-8"))
    stored["topics"]["a-concept-since-renamed"] = []
    stored["names"][" ".join(vocabulary.term_key(term))] = ["a-concept-since-renamed"]
    caches = (vocabulary._stored_index, vocabulary._lookups, vocabulary._name_order, vocabulary._topics,
              vocabulary.concept_links)
    for cached in caches:
        cached.cache_clear()
    monkeypatch.setattr(vocabulary.json, "loads", lambda text: stored)
    try:
        assert "resolved-conflict" in [item.id for item in vocabulary.concepts_named(term)]
    finally:
        monkeypatch.undo()
        for cached in caches:
            cached.cache_clear()


_ANSWERS = (
    "Honestly it was on me. I pushed the config without a second review, the site went down for twenty minutes, "
    "and I told my lead straight away what I had done. We rolled back, I wrote the postmortem, and since then "
    "every change gets a checklist and a second pair of eyes.",
    "So the ward was short two nurses and, um, the family were really upset. I took them aside, listened, "
    "explained what the doctor had said in plain words, and asked what mattered most to them. They calmed down "
    "and thanked me before they left.",
    "i was new in the team and nobody own the report. i take the responsibility, make a list of what could wait "
    "until next week, and agree with my manager the priority. after two sprint we deliver on time.",
)


def test_the_phrase_index_never_hides_a_phrasing_that_matches() -> None:
    """Only the phrasings an answer could hold are tried; that must be a shortcut, never a filter."""
    tried = total = matched = 0
    for text in _ANSWERS:
        sentences = tuple((sentence.start, sentence.text) for sentence in split_sentences(text))
        index = AnswerTokens(answer_tokens(text, sentences))
        for item in all_concepts().values():
            phrases = PhraseList((*item.names, *item.phrasings))
            candidates = set(phrases.candidates(index))
            matching = {phrase for phrase in phrases.phrases if index.find(phrase, typos=False)}
            assert matching <= candidates, (item.id, sorted(p.source for p in matching - candidates))
            tried += len(candidates)
            total += len(phrases.phrases)
            matched += len(matching)
    assert matched >= 20, "the answers should make plenty of points"
    assert tried < total / 4, "most phrasings are ruled out without being looked for"


def test_no_topic_holds_a_little_word_under_another_spelling() -> None:
    """"toes" has the key "to" and "ups" the key "up": in a topic, every answer saying "to" was a word
    into a conflict's topic, and an answer about keeping a to-do list read as about a difficult customer."""
    from mockview.analysis.vocabulary import all_concepts, concept_topic
    from mockview.analysis.words import CONTENT_STOP

    for concept_id in all_concepts():
        assert not concept_topic(concept_id) & CONTENT_STOP, concept_id


def test_a_long_gap_reaches_across_one_clause_and_no_further() -> None:
    """"found ...12 because": a cause told ten words after its finding ("found that most late parcels sat on
    the dock for four hours because..."), but never past the clause's punctuation, nor past twelve words."""
    import pytest

    from mockview.analysis.phrases import LONG_GAP, PhraseError

    phrase = compile_phrase("found ...12 because")

    def found(text: str) -> bool:
        tokens = AnswerTokens(answer_tokens(text, tuple((s.start, s.text) for s in split_sentences(text))))
        return bool(tokens.find(phrase))

    assert found("I found that most late parcels sat on the dock for four hours because the trucks came early.")
    assert not found("I found the old logs. The job failed because the disk was full.")
    assert not found("I found it, and it was there because someone left it.")
    assert not found("I found " + "very " * 13 + "much because of it.")
    with pytest.raises(PhraseError):
        compile_phrase(f"found ...{LONG_GAP + 1} because")


def _makes(concept_id: str, said: str) -> bool:
    from mockview.analysis.keywords import match_keywords
    from mockview.banks.model import Keyword

    report = match_keywords(said, (Keyword("the point", concept=concept_id),), sentences=split_sentences(said))
    return bool(report.matched)


@pytest.mark.parametrize(("concept_id", "said"), [
    # Each phrasing added on 2026-12-08, alone: a choice is of one word, so a phrasing written as
    # "started asking me|coming to me" never matched (found by a review).
    ("resolved-conflict", "A month later she started asking me to review her files first."),
    ("resolved-conflict", "After that he started coming to me with his drafts."),
    ("resolved-conflict", "We are still good colleagues."),
    ("how-others-see-me", "My manager once told me I was the calmest person on the floor."),
    ("how-others-see-me", "Customers tell me that I explain things clearly."),
    ("why-leaving", "There isn't a supervisor opening coming up."),
    ("why-leaving", "There are no promotions where I am."),
    ("what-i-bring", "In a role like yours, that would save the team hours."),
    ("root-cause", "I found that most parcels sat on the dock for hours because the trucks came early."),
    ("root-cause", "I discovered the delays were due to a missing index."),
    ("prevented-recurrence", "I made it part of the weekly checklist."),
    ("failure", "It took checkout down for forty minutes."),
    ("failure", "I ran for president of the society and I lost, pretty badly."),
    ("failure", "I gave him his insulin without checking that his dinner had arrived."),
    ("owned-up", "I told the charge nurse and filled in an incident report."),
])
def test_a_new_phrasing_is_heard_on_its_own(concept_id: str, said: str) -> None:
    assert _makes(concept_id, said)


@pytest.mark.parametrize(("concept_id", "said"), [
    # What the same phrasings must not hear (found by a review).
    ("resolved-conflict", "We were good friends before the rota row."),
    ("prevented-recurrence", "Reconciling the accounts was part of the month-end process."),
    ("root-cause", "I realised that the final report was due on Friday."),
    ("root-cause", "I found myself blocking out two hours every morning."),
    ("failure", "I took the old boxes down to the basement."),
])
def test_a_new_phrasing_does_not_hear_its_neighbours(concept_id: str, said: str) -> None:
    assert not _makes(concept_id, said)
