"""Warnings for bank authors about rubric points that cannot work as written.

``mockview banks validate`` runs these after the format checks. They are
warnings, not errors: the bank still loads, but a point that can only be
made by its own word, a point listed twice, or a word so common that every
answer "makes" it gives feedback people cannot trust. Each warning carries
the keyword's file:line:column.
"""

from __future__ import annotations

from functools import cache

from mockview.analysis.keywords import keyword_concepts, match_keywords
from mockview.analysis.sentences import split_sentences
from mockview.analysis.vocabulary import all_concepts, term_key
from mockview.banks.suggest import suggest
from mockview.banks.model import Bank, Keyword
from mockview.banks.problems import Position, Problem

COMMON_SHARE = 0.6
"""A term found in this share of the everyday sample answers says nothing about a particular answer."""

SAMPLE_ANSWERS = (
    "Last year I was working on the support team and we had a lot of tickets. I looked at the queue every "
    "morning and sorted the urgent ones first. In the end we cleared the backlog in two weeks.",
    "When I was a student I worked part time in a cafe. One Saturday the manager was ill, so I opened up, "
    "set the rota and called in a friend. We got through the lunch rush and the owner thanked me.",
    "At my previous job the monthly report was always late. I asked the analysts what slowed them down, "
    "wrote a script to pull the data, and now the report goes out on the first working day.",
    "I think my biggest strength is that I stay calm and organised. I plan my week on Monday, I keep a list, "
    "and I tell people early if something is going to slip.",
    "We had a new system at work and people found it hard. I made short guides, ran two lunchtime sessions "
    "and answered questions on the chat. After a month most of the team used it without help.",
    "A customer was unhappy because her order came late. I listened, said sorry, and sent a replacement the "
    "same day. She came back the next month and ordered again.",
    "Our project was running over time. I talked to my manager, we agreed what could move to the next phase, "
    "and I worked with the team to finish the rest. We shipped on the date we had promised.",
    "I want to work here because I have used your product for years and I like how the team talks about "
    "its users. I would like to grow into a role where I can lead projects.",
)
"""Everyday answers written for this check: a term that most of them make is too common to be a point."""

STRUCTURAL_HINT = "is read from the answer's STAR Result, not from a word"


def check_rubric(bank: Bank, path: str) -> list[Problem]:
    """Warnings for every question's rubric in ``bank``, located in ``path``."""
    problems: list[Problem] = []
    known = all_concepts()
    shares = common_shares([keyword for question in bank.questions for keyword in question.keywords])
    for question in bank.questions:
        seen: dict[tuple[str, ...], Keyword] = {}
        concepts_seen: dict[str, Keyword] = {}
        for keyword in question.keywords:
            where = Position(keyword.line or question.line or 1, keyword.column or 1)

            def warn(message: str) -> None:
                problems.append(Problem.at(path, where, message, "warning"))  # noqa: B023

            if keyword.concept and keyword.concept not in known:
                guess = suggest(keyword.concept, list(known))
                hint = f"; did you mean '{guess}'?" if guess else ""
                warn(f"unknown concept '{keyword.concept}' for '{keyword.term}'{hint}")
            concepts = keyword_concepts(keyword)
            key = term_key(keyword.term)
            if key in seen:
                warn(f"'{keyword.term}' repeats the point '{seen[key].term}' in question '{question.id}'")
            elif concepts and concepts[0].id in concepts_seen and not concepts[0].structural:
                other = concepts_seen[concepts[0].id]
                warn(f"'{keyword.term}' is the same point as '{other.term}' in question '{question.id}' "
                     f"(both mean {concepts[0].id})")
            seen.setdefault(key, keyword)
            if concepts:
                concepts_seen.setdefault(concepts[0].id, keyword)
            if any(item.structural in ("result", "measurable") for item in concepts):
                if question.kind == "star":
                    warn(f"'{keyword.term}' {STRUCTURAL_HINT}; it need not be a rubric point")
                continue
            if not concepts and not keyword.synonyms:
                warn(f"'{keyword.term}' matches nothing but its own words; add synonyms or a concept "
                     "so answers that make the point in other words count (mockview banks concepts lists them)")
            share = shares[_bare(keyword)]
            if share >= COMMON_SHARE:
                warn(f"'{keyword.term}' is so common it is found in {share:.0%} of everyday answers; "
                     "name the point more precisely")
    return problems


@cache
def _samples() -> tuple[tuple[str, tuple], ...]:
    return tuple((text, tuple(split_sentences(text))) for text in SAMPLE_ANSWERS)


def _bare(keyword: Keyword) -> Keyword:
    """The point alone: what it says, without its weight or whether it is required."""
    return Keyword(keyword.term, keyword.synonyms, concept=keyword.concept)


def common_shares(keywords: list[Keyword]) -> dict[Keyword, float]:
    """The share of the everyday sample answers in which each point is found.

    Each sample is read once for all the points (a point is matched on its
    own, whatever else is looked for): read once per point, the shipped
    banks' six hundred points took two seconds of every ``banks validate``.
    """
    found = dict.fromkeys((_bare(keyword) for keyword in keywords), 0)
    batches: list[dict[str, Keyword]] = []  # a match names its term, so a term is in one point per batch
    for point in found:
        batch = next((batch for batch in batches if point.term not in batch), None)
        if batch is None:
            batch = {}
            batches.append(batch)
        batch[point.term] = point
    for text, sentences in _samples():
        for batch in batches:
            for match in match_keywords(text, tuple(batch.values()), sentences=sentences).matched:
                found[batch[match.term]] += 1
    return {point: times / len(SAMPLE_ANSWERS) for point, times in found.items()}
