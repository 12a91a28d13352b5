"""The keyword rubric: forgiving of spelling, strict about whole words."""

from __future__ import annotations

import pytest

from mockview.analysis.keywords import match_keywords, stem
from mockview.banks.model import Keyword


def found(answer: str, *keywords: Keyword, threshold: float = 85) -> dict[str, str]:
    report = match_keywords(answer, keywords, threshold)
    return {match.term: match.found for match in report.matched}


@pytest.mark.parametrize(
    ("term", "answer", "expected"),
    [
        ("prioritize", "I prioritised the backlog.", "prioritised"),
        ("stakeholders", "I met the main stakeholder.", "stakeholder"),
        ("decide", "Deciding between the two vendors was hard.", "Deciding"),
        ("planned", "We plan every sprint.", "plan"),
        ("reconciliation", "The nightly reconcilation job failed.", "reconcilation"),
        ("root cause", "We found the root-cause quickly.", "root-cause"),
        ("cut scope", "So I cut the scope in half.", "cut the scope"),
        ("Customer", "Regular CUSTOMERS were angry.", "CUSTOMERS"),
        ("apologised", "I apologized at once.", "apologized"),
        ("code", "I was coding all night.", "coding"),          # a short word that ends in "e"
        ("use", "We used the old scripts.", "used"),
        ("hire", "Hiring a replacement through the recruiter took a month.", "Hiring"),
        ("KPI", "Our KPIs went green.", "KPIs"),                # an acronym's plural
        ("C#", "I rewrote the service in c#.", "c#"),           # symbols match as written
        (".NET", "We moved to .NET 8.", ".NET"),
    ],
)
def test_matches_despite_case_plurals_tense_and_typos(term: str, answer: str, expected: str) -> None:
    assert found(answer, Keyword(term)) == {term: expected}


@pytest.mark.parametrize(
    ("term", "answer"),
    [
        ("art", "I started the project."),      # never inside a longer word
        ("plan", "We put on a play."),           # short words match exactly or not at all
        ("team", "Teamwork mattered."),
        ("listened", "I listed the options."),
        ("manager", "I managed it."),
        ("budget", "nothing about money here"),
        ("communication", "There was a miscommunication."),  # a prefix that turns it into its opposite
        ("customer satisfaction", "Customer dissatisfaction rose."),
        ("successful", "The launch was unsuccessful."),
        ("unsuccessful", "The launch was successful."),
        ("C#", "I wrote it in C++."),                          # words alone would both be "C"
        ("C#", "I got a C in maths."),
        ("analysis", "The analyst left."),                     # "-is" is not a plural
    ],
)
def test_does_not_match_unrelated_words(term: str, answer: str) -> None:
    assert found(answer, Keyword(term)) == {}


def test_synonyms_count_and_report_what_matched() -> None:
    keyword = Keyword("compromise", ("middle ground", "trade-off"))
    report = match_keywords("We settled on a middle ground.", (keyword,))
    assert [(m.term, m.form, m.found) for m in report.matched] == [("compromise", "middle ground", "middle ground")]


def test_weighted_coverage_and_required_terms() -> None:
    keywords = (
        Keyword("listened"),
        Keyword("compromise", weight=2, required=True),
        Keyword("relationship"),
    )
    report = match_keywords("I listened carefully and our relationship improved.", keywords)
    assert report.coverage == 0.5
    assert report.missing_required == ("compromise",)
    assert [k.term for k in report.missing] == ["compromise"]


def test_no_rubric_means_full_coverage_and_no_rubric_flag() -> None:
    report = match_keywords("anything", ())
    assert report.coverage == 1.0 and not report.has_rubric


def test_threshold_is_configurable() -> None:
    keyword = Keyword("reconciliation")
    assert found("the reconcilation ran", keyword, threshold=85)
    assert not found("the reconcilation ran", keyword, threshold=99)


def test_stems() -> None:
    assert stem("prioritising") == stem("prioritized") == stem("prioritise")
    assert stem("studies") == stem("studied") == "study"
    assert stem("planned") == stem("plans") == "plan"
    assert stem("process") == "process"


def test_british_our_spellings_fold_but_short_our_words_keep_their_meaning() -> None:
    """"colour" is "color", but "four hours" must not read as "for hors": a rubric point "four hours"
    would otherwise be made by "for" in any sentence."""
    assert stem("colours") == stem("colored") == stem("colour")
    assert stem("honoured") == stem("honor")
    assert len({stem(word) for word in ("four", "for", "our", "or", "your")}) == 5
    assert stem("hours") == stem("hour") == "hour"
    assert stem("detour") == "detour"
    assert not found("I stayed for the whole shift.", Keyword("four hours"))


def test_not_is_never_a_note() -> None:
    """"notes" once shared its key with "not": "so she was not surprised" was a negated near miss of a
    point about notes, shown as 'nearly: you said "not"' (found by a new-user run)."""
    point = Keyword("took notes")
    report = match_keywords("I told my boss what I had moved, so she was not surprised.", (point,))
    assert not report.matched and not report.near_misses
    assert {m.term for m in match_keywords("I took careful notes in every meeting.", (point,)).matched} == {"took notes"}
