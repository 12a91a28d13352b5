"""Delivery: length, pace, fillers and hedges counted with care."""

from __future__ import annotations

import re

import pytest

from mockview.analysis.delivery import analyse_delivery, length_band, whole_words


def fillers(text: str) -> dict[str, int]:
    return analyse_delivery(text, (150, 350)).fillers


@pytest.mark.parametrize(
    "text",
    [
        "I like my job and I would like to stay.",
        "It looks like rain. I'd like, if possible, a window seat.",
        "What kind of manager are you? That sort of thing happens.",
        "You know what I mean is that you know the answer.",
        "It was like a zoo in there.",
        "The hummingbird hummed; the summer was warm.",
    ],
)
def test_ordinary_uses_are_not_fillers(text: str) -> None:
    assert fillers(text) == {}


def test_fillers_are_counted() -> None:
    text = "Um, so, basically I was like, really busy. Like, you know, it was kind of chaos. Uh, I mean, it worked."
    assert fillers(text) == {"like": 2, "basically": 1, "i mean": 1, "kind of": 1, "uh": 1, "um": 1, "you know": 1}


def test_fillers_are_whole_words_at_the_start_and_end_of_the_answer() -> None:
    assert fillers("Ummm") == {"um": 1}
    assert fillers("Erm, hmm, kinda") == {"er": 1, "hmm": 1, "kind of": 1}
    assert fillers("kindness, hmmmmx, umbrella") == {}
    # "um, like" is two fillers; "um likely" one: the filler "like" is a whole word too.
    assert fillers("Um likely we ship on Friday, uh likewise the docs.") == {"uh": 1, "um": 1}


def test_hedges_are_counted() -> None:
    report = analyse_delivery("I think maybe we just shipped it. Probably. I guess it worked, I feel like.", (60, 250))
    assert report.hedges == {"i feel like": 1, "i guess": 1, "i think": 1, "just": 1, "maybe": 1, "probably": 1}


@pytest.mark.parametrize("said", [
    "It was just us two on the night shift.", "We had just 40% of the budget.", "It took just a week.",
    "Just three people replied.", "We were just under the limit.", "It cost just $200.",
])
def test_just_as_only_before_a_count_is_no_hedge(said: str) -> None:
    """Found by a new-user run: "just us two" was named as a hedge that undersells what they did."""
    assert "just" not in analyse_delivery(said, (60, 250)).hedges


def test_just_that_softens_a_claim_is_still_a_hedge() -> None:
    assert analyse_delivery("I just fixed the report and it was fine.", (60, 250)).hedges == {"just": 1}


def test_counts_and_speaking_time() -> None:
    text = "I cut costs by 40% and saved $3,000 in two weeks. We were happy and I was proud."
    report = analyse_delivery(text, (150, 350), seconds=30, time_limit=20)
    assert report.words == 18
    assert report.i_count == 2 and report.we_count == 1
    assert report.numbers == 3  # 40%, $3,000, two
    assert report.speaking_seconds == round(18 / 145 * 60, 1)
    assert report.wpm == 36.0
    assert report.overtime == 10


def test_top_words_leave_out_stop_words() -> None:
    text = "The team met. The team agreed. The team shipped the release, and the release worked."
    assert analyse_delivery(text, (60, 250)).top_words == [("team", 3), ("release", 2)]


@pytest.mark.parametrize(
    ("words", "band"),
    [(0, "empty"), (30, "far too short"), (100, "short"), (200, "ok"), (400, "long")],
)
def test_length_bands(words: int, band: str) -> None:
    assert length_band(words, (150, 350)) == band


def test_contractions_count_as_i_and_we() -> None:
    report = analyse_delivery("I'm sure we'd agree, and I've said so; we're done, I'll add. We know.", (60, 250))
    assert report.i_count == 3 and report.we_count == 3


@pytest.mark.parametrize(
    ("expression", "text", "count"),
    [
        ("u+m+", "um, ummm, umbrella, drum", 2),
        ("kind of|kinda", "kinda odd, a kind of, kindness", 2),
        ("[^]|]x|y", "ax y ]x |x", 2),  # "|" inside a class does not split the alternatives
        ("(?:um|uh)+", "umuh uh aumuh", 2),  # opening on a group: bounded the plain way
        ("é+h", "éeh éh", 1),  # a first letter outside ASCII: bounded the plain way
        ("hm{2,}", "hmm hm hmmm", 2),  # a quantifier on the second letter stays where it was
    ],
)
def test_whole_words_bounds_every_alternative(expression: str, text: str, count: int) -> None:
    assert len(re.findall(whole_words(expression), text)) == count


def test_every_disguised_strength_is_a_stock_phrase() -> None:
    """The disguised strengths are named by their stock phrase; a name missing from the table would
    silently never be found."""
    from mockview.analysis.lexicon import DISGUISED_STRENGTHS, STOCK_PHRASES

    assert set(DISGUISED_STRENGTHS) <= set(STOCK_PHRASES)
