"""Analyse one typed answer to one question: the entry point of the package.

:func:`analyse_answer` is pure and deterministic: the same question, answer
and timing always give the same :class:`Analysis`. Its :meth:`to_dict` form is
the JSON contract of ``mockview score --json`` (see DESIGN.md) and what the
store keeps with every attempt; front ends render from that form so that a
stored attempt looks exactly as it did when it was made.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from mockview.analysis.closing import ClosingReport, analyse_closing
from mockview.analysis.delivery import (DeliveryReport, analyse_delivery, asks_about_the_employer, disguised_strength,
                                        employer_complaints, spoken_form, stock_backed, stock_phrases)
from mockview.analysis.keywords import (DEFAULT_THRESHOLD, KeywordReport, keyword_concepts, match_keywords,
                                        without_matches)
from mockview.analysis.lexicon import PARTS
from mockview.analysis.relevance import Relevance, assess_relevance, question_frame, tells_a_cost
from mockview.analysis.scoring import Verdict, score_answer
from mockview.analysis.sentences import Sentence, split_sentences
from mockview.analysis.star import StarReport, analyse_star
from mockview.analysis.tips import Tip, build_tips
from mockview.analysis.words import answer_tokens, by_sentence
from mockview.banks.model import Keyword, Question
from mockview.text import without_terminal_codes

WEAKNESS_CONCEPT = "weaknesses"
"""The vocabulary's concept of the weakness itself, which a strength in disguise does not make."""

MAX_ANALYSED_CHARS = 200_000
"""Longer answers are analysed on their first 200,000 characters (about 35,000 words)."""


@dataclass(frozen=True, slots=True)
class Analysis:
    question: Question
    answer: str
    sentences: tuple[Sentence, ...]
    star: StarReport
    keywords: KeywordReport
    delivery: DeliveryReport
    verdict: Verdict
    tips: tuple[str, ...]
    closing: ClosingReport | None = None
    """For a "closing" question: the candidate's own questions."""
    relevance: Relevance | None = None
    tip_details: tuple[Tip, ...] = ()
    """The tips with their topic and the sentence each is about."""

    @property
    def score(self) -> int:
        return self.verdict.score

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: DESIGN.md's fields, plus details a front end shows."""
        star = self.star
        kind_is_star = self.question.kind == "star"
        return {
            "score": self.verdict.score,
            "verdict": self.verdict.verdict,
            "fumbled_reasons": list(self.verdict.fumbled_reasons),
            "holding_back": list(self.verdict.holding_back),
            "score_parts": [
                {"name": part.name, "points": part.points, "out_of": part.out_of}
                for part in self.verdict.parts
            ],
            "question": {
                "id": self.question.full_id,
                "text": self.question.text,
                "kind": self.question.kind,
            },
            "sentences": [sentence.text for sentence in self.sentences],
            "spans": [[sentence.start, sentence.end] for sentence in self.sentences],
            "star": {
                part: {
                    "present": star.parts[part].present,
                    "share": star.parts[part].share,
                    "sentences": list(star.parts[part].sentences),
                    "confidence": star.parts[part].confidence,
                }
                for part in PARTS
            },
            "star_details": {
                "assignments": list(star.assignments),
                "labelled": star.labelled,
                "required": kind_is_star,
                "action_i": star.action_i,
                "action_we": star.action_we,
                "measurable_result": star.measurable_result,
                "checkable_result": star.checkable_result,
                "folded_result": star.folded_result,
                "notes": list(star.notes),
            },
            "keywords": {
                "matched": [
                    {"term": m.term, "found": m.found, "form": m.form, "score": round(m.score, 1),
                     "sentence": m.sentence, "how": m.how, **({"concept": m.concept} if m.concept else {})}
                    for m in self.keywords.matched
                ],
                "near_misses": [
                    {"term": n.term, "found": n.found, "why": n.why, "sentence": n.sentence}
                    for n in self.keywords.near_misses
                ],
                "missing": [keyword.term for keyword in self.keywords.missing],
                "missing_required": list(self.keywords.missing_required),
                "coverage": self.keywords.coverage,
                "has_rubric": self.keywords.has_rubric,
                "sources": {
                    keyword.term: keyword.source for keyword in self.question.keywords if keyword.source
                },
            },
            "delivery": {
                "words": self.delivery.words,
                "target_words": list(self.delivery.target),
                "length": self.delivery.length,
                "speaking_seconds": self.delivery.speaking_seconds,
                "seconds": self.delivery.seconds,
                "time_limit": self.delivery.time_limit,
                "overtime": self.delivery.overtime,
                "wpm": self.delivery.wpm,
                "fillers": self.delivery.fillers,
                "hedges": self.delivery.hedges,
                "i_count": self.delivery.i_count,
                "we_count": self.delivery.we_count,
                "numbers": self.delivery.numbers,
                "top_words": [[word, count] for word, count in self.delivery.top_words],
                "complaints": list(self.delivery.complaints),
                "stock_phrases": self.delivery.stock_phrases,
                "stock_phrases_unbacked": self.delivery.stock_unbacked,
                "disguised_strength": self.delivery.disguised,
            },
            "relevance": {
                "focus": list(self.relevance.focus),
                "found": list(self.relevance.found),
                "score": self.relevance.score,
                "off_topic": self.relevance.off_topic,
            } if self.relevance is not None else None,
            "tips": list(self.tips),
            "tip_details": [
                {"text": tip.text, "about": tip.topic, "sentence": tip.sentence} for tip in self.tip_details
            ],
            "truncated": len(self.answer) > MAX_ANALYSED_CHARS,
            **({"closing": self.closing.to_dict()} if self.closing is not None else {}),
        }


def analyse_answer(
    question: Question,
    answer: str,
    seconds: float | None = None,
    *,
    time_limit: float | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Analysis:
    """Analyse ``answer`` to ``question``; ``seconds`` is the time taken, if known."""
    text = without_terminal_codes(answer[:MAX_ANALYSED_CHARS])
    sentences = split_sentences(text)
    # The words are read once, here: the STAR model, the rubric and the relevance check share them.
    words = answer_tokens(text, tuple((sentence.start, sentence.text) for sentence in sentences))
    # With no sentences (a lone "Situation:" label) answer_tokens reads the whole text instead.
    star = analyse_star(sentences, by_sentence(words, len(sentences)) if sentences else ())
    star_for_kind = star if question.kind == "star" else None
    keywords = match_keywords(text, question.keywords, threshold, sentences=sentences, star=star_for_kind)
    limit = time_limit if time_limit is not None else question.time_limit
    complaints = employer_complaints([sentence.text for sentence in sentences], story=question.kind == "star",
                                     grievances=question.kind != "star" and asks_about_the_employer(question.text))
    said = [sentence.text for sentence in sentences]
    stock = stock_phrases(said)
    delivery = analyse_delivery(text, question.words, seconds, limit, complaints=complaints, stock=stock)
    if stock and not stock_backed(said, stock, star.assignments, delivery.numbers):
        delivery = replace(delivery, stock_unbacked=True)
        # "I'm passionate about results" is not why this person wants the job: a point made only by a
        # stock phrase the answer never backs is not made (the feedback would praise what it calls hollow).
        hollow = frozenset(match.term for match in keywords.matched
                           if match.how != "structure" and (said_as := spoken_form(match.found).strip())
                           and any(said_as in wording for wording in stock))
        keywords = without_matches(keywords, question.keywords, hollow, "stock")
    weakness_points = _weakness_points(question)
    asks_for_a_weakness = bool(weakness_points) or question_frame(question.text) == "a weakness"
    disguised = (disguised_strength(said, stock, not delivery.stock_unbacked, tells_a_cost(words))
                 if stock and asks_for_a_weakness else None)
    if disguised is not None:
        wording, where = disguised
        delivery = replace(delivery, disguised=wording)
        if delivery.stock_unbacked:
            # "I'm too much of a perfectionist... I guess that's my weakness" names no weakness at all.
            keywords = without_matches(keywords, question.keywords, weakness_points, "disguised", wording, where)
    relevance = assess_relevance(
        question.text, text, sentences,
        rubric_coverage=keywords.coverage if keywords.has_rubric else None, words=delivery.words, star=star,
    )
    closing = analyse_closing(sentences) if question.kind == "closing" else None
    verdict = score_answer(question.kind, star_for_kind, keywords, delivery, closing, relevance)
    tips = build_tips(question, star_for_kind, keywords, delivery, verdict, closing, sentences, relevance)
    return Analysis(
        question=question,
        answer=answer,
        sentences=tuple(sentences),
        star=star,
        keywords=keywords,
        delivery=delivery,
        verdict=verdict,
        tips=tuple(tip.text for tip in tips),
        tip_details=tuple(tips),
        closing=closing,
        relevance=relevance,
    )


_WARM_UP_QUESTION = Question(
    bank="mockview", id="warm-up", text="Tell me about a time you took ownership of a mistake.",
    keywords=(Keyword("took ownership"), Keyword("prevented it happening again")),
)
_WARM_UP_ANSWER = (
    "Last spring I ran the weekly report at a small shop. I sent the wrong figures, um, to the owner. "
    "I told her the same day, fixed the sheet and added a check. Since then no report has gone out wrong."
)


def warm_up() -> None:
    """Analyse one short answer and throw the result away, so the next analysis runs warm.

    The first analysis in a process reads the STAR weights, the concept
    vocabulary and the delivery patterns, about as long as a hundred warm
    ones; an app that does this while the first question is being read has
    the feedback to its first answer as quick as to its tenth.
    """
    analyse_answer(_WARM_UP_QUESTION, _WARM_UP_ANSWER, seconds=40)


def _weakness_points(question: Question) -> frozenset[str]:
    """The rubric points that ask for the weakness itself (their concept is the weaknesses one), which a
    strength in disguise does not make."""
    return frozenset(keyword.term for keyword in question.keywords
                     if any(item.id == WEAKNESS_CONCEPT for item in keyword_concepts(keyword)))
