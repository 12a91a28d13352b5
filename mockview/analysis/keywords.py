"""Check an answer against the question's rubric: points made in the answer's own words.

A rubric point (a :class:`~mockview.banks.model.Keyword`) is made when the
answer says its term, one of its synonyms, or any phrasing of the concept
the term names in the vocabulary (:mod:`mockview.analysis.vocabulary`):
"deferred" is made by "the dashboard could wait a week". Words are compared
by lemma and family (:mod:`mockview.analysis.words`), phrases in order and
inside one clause (:mod:`mockview.analysis.phrases`), so a point is never
credited for words that sit apart across a comma or a filler, nor when it
is negated ("I didn't escalate"). Points about the answer's shape, a Result
or a measurable outcome, are read from the STAR analysis instead of words.

Every match names the sentence that makes the point; a point nearly made
(negated, or only half its words) is reported as a near miss so the
feedback can say so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from mockview.analysis.lexicon import POINT_LABELS
from mockview.analysis.phrases import AnswerTokens, Found, Phrase, PhraseList, term_phrase
from mockview.analysis.vocabulary import (Concept, concept, concept_filing, concept_links, concept_sources, concept_topic,
                                         family_key)
from mockview.analysis.vocabulary.families import FAMILIES
from mockview.analysis.words import Token, answer_tokens, by_sentence, key, rule_stem, tokens_of
from mockview.banks.model import Keyword

if TYPE_CHECKING:
    from mockview.analysis.sentences import Sentence
    from mockview.analysis.star import StarReport

DEFAULT_THRESHOLD = 85.0
"""How close (0-100) a misspelt long word must be to count as the word."""

stem = rule_stem
"""Kept for callers that compare single words by their rough stem."""


@dataclass(frozen=True, slots=True)
class KeywordMatch:
    term: str
    found: str
    """The text of the answer that made the point, as typed."""
    form: str
    """Which wording matched: the term, a synonym, or a phrasing of its concept."""
    score: float
    start: int
    end: int
    sentence: int | None = None
    """Index of the sentence that makes the point."""
    how: str = "said"
    """"said" (the term or a synonym), "concept" (in other words), "typo", or "structure" (read off the STAR parts)."""
    concept: str = ""


@dataclass(frozen=True, slots=True)
class NearMiss:
    term: str
    found: str
    why: str
    """"negated" (said with a "not"), "hypothetical" (what the speaker would do, in a story question),
    "intended" (meant to, and did not: "my plan was to..., but I never..."), "named" (its one word said
    with nothing of what it means: "a great mission"), "stock" (said only in a stock phrase the answer
    never backs: "adding value to every team I join"), "disguised" (a weakness that is a strength in
    disguise, with nothing behind it: "too much of a perfectionist") or "partly" (only some of its words)."""
    sentence: int | None = None


@dataclass(frozen=True, slots=True)
class KeywordReport:
    matched: tuple[KeywordMatch, ...]
    missing: tuple[Keyword, ...]
    coverage: float
    """Matched weight over total weight; 1.0 when there is no rubric."""
    missing_required: tuple[str, ...]
    has_rubric: bool
    near_misses: tuple[NearMiss, ...] = ()


def without_matches(report: KeywordReport, keywords: tuple[Keyword, ...], terms: frozenset[str],
                    why: str, said: str = "", where: int | None = None) -> KeywordReport:
    """``report`` with the matches of ``terms`` taken back: those points are missing after all, each a near
    miss for ``why`` (made only by words the rest of the analysis found hollow), quoting ``said`` from
    sentence ``where`` when the hollow words are not the match's own."""
    taken = [match for match in report.matched if match.term in terms]
    if not taken:
        return report
    near = [NearMiss(match.term, said or match.found, why, where if said else match.sentence) for match in taken]
    return _report(keywords, [match for match in report.matched if match.term not in terms],
                   [*near, *(miss for miss in report.near_misses if miss.term not in terms)])


def _report(keywords: tuple[Keyword, ...], matched: list[KeywordMatch], near: list[NearMiss]) -> KeywordReport:
    """The rubric's report for these matches: what is missing, in rubric order, and the weight covered."""
    made = {match.term for match in matched}
    missing = tuple(keyword for keyword in keywords if keyword.term not in made)
    total = sum(keyword.weight for keyword in keywords)
    got = sum(keyword.weight for keyword in keywords if keyword.term in made)
    return KeywordReport(
        matched=tuple(matched),
        missing=missing,
        coverage=round(got / total, 3) if total else 1.0,
        missing_required=tuple(keyword.term for keyword in missing if keyword.required),
        has_rubric=True,
        near_misses=tuple(near),
    )


def match_keywords(
    answer: str,
    keywords: tuple[Keyword, ...],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    sentences: Sequence[Sentence] = (),
    star: StarReport | None = None,
) -> KeywordReport:
    """Which rubric points the answer makes, with the text and sentence that made them."""
    if not keywords:
        return KeywordReport((), (), 1.0, (), has_rubric=False)
    index = _index(answer, tuple((sentence.start, sentence.text) for sentence in sentences), threshold)
    # A story question asks what the person did: "I'd find some middle ground" makes no point there.
    wished = hypothetical_sentences(index) if star is not None else frozenset()
    matched: list[KeywordMatch] = []
    near: list[NearMiss] = []
    lessons = reflective_sentences(index) if star is not None else frozenset()
    for keyword in keywords:
        found, almost = _match_keyword(index, answer, keyword, sentences, star, wished)
        if found is not None and found.sentence in lessons:
            # Made in a lesson: made in the story too, in any words ("next morning I went to the director"),
            # or not at all if the story says it was not done.
            elsewhere, _ = _match_keyword(index, answer, keyword, sentences, star, wished | lessons)
            denied = _only_denied(index, keyword, wished) if elsewhere is None else None
            if elsewhere is not None:
                found = elsewhere
            elif denied is not None:
                found, almost = None, _near(index, answer, keyword, [denied], wished)
        if found is None:
            if almost is not None:
                near.append(almost)
        else:
            matched.append(found)
    return _report(keywords, matched, near)


@lru_cache(maxsize=4)
def _index(answer: str, sentences: tuple[tuple[int, str], ...], threshold: float) -> AnswerTokens:
    """The answer's words indexed once for all the points looked for in it (the rubric, then the question)."""
    return AnswerTokens(answer_tokens(answer, sentences), threshold)


def keyword_concepts(keyword: Keyword) -> tuple[Concept, ...]:
    """The concepts a rubric point means: the one it names with ``concept:`` and those its term names; with
    no ``concept:``, those any of its wordings name."""
    return tuple(item for item, _ in keyword_links(keyword))


@lru_cache(maxsize=4096)
def keyword_links(keyword: Keyword) -> tuple[tuple[Concept, frozenset[str]], ...]:
    """:func:`keyword_concepts` with the words of the term each concept leaves out (they must be said too).

    A point that names its concept has said what it means: its term still brings the concepts it
    names ("the disagreement"), but its synonyms are matched only as written. "success in the role"
    (concept success-in-role) lists "the numbers", which names using data, and an answer saying
    "data" was credited with the point (found by a new-user run).
    """
    found: dict[str, tuple[Concept, frozenset[str]]] = {}
    forms = keyword.forms
    if keyword.concept:
        named = concept(keyword.concept)
        if named is not None:
            found[named.id] = (named, frozenset())
            forms = (keyword.term,)
    for form in forms:
        for item, leftover in concept_links(form):
            if item.id not in found or len(leftover) < len(found[item.id][1]):
                found[item.id] = (item, leftover)
    return tuple(found.values())


def _match_keyword(
    index: AnswerTokens,
    answer: str,
    keyword: Keyword,
    sentences: Sequence[Sentence],
    star: StarReport | None,
    wished: frozenset[int] = frozenset(),
) -> tuple[KeywordMatch | None, NearMiss | None]:
    near: NearMiss | None = None
    named: NearMiss | None = None
    """The point's one word said with nothing of its topic around it ("a great mission")."""
    others: set[int] = set()
    """Where the point's own name was said of someone else."""
    links = keyword_links(keyword)
    concepts = tuple(item for item, _ in links)
    anyone = any(item.happens for item in concepts)
    """A point about what happened is made whoever did it: "the release went wrong"."""
    for item in concepts:
        if item.structural and star is not None:
            shaped = _structural(keyword, item, answer, sentences, star)
            if shaped is not None or item.structural != "mine":
                return shaped, None
    for form in keyword.forms:
        if _SYMBOLIC.search(form):
            symbolic = _symbolic_pattern(form).search(answer)
            if symbolic:
                return KeywordMatch(keyword.term, symbolic.group(0), form, 100.0, *symbolic.span(),
                                    sentence=_sentence_at(sentences, symbolic.start())), None
            continue
        phrase = _form_phrase(form)
        result = _first(index, phrase, wished=wished, others=others, anyone=anyone)
        if (isinstance(result, Found) and _bare_word(phrase) and concepts and not keyword.synonyms
                and not _on_topic(index, result, concepts)):
            # A bare term of one word in another sense: "we clarified butter" is no clarifying
            # question. Words an author listed as synonyms are taken as meant.
            named = named or _named_only(index, answer, keyword, result)
            result = []
        if isinstance(result, Found):
            return _match(index, answer, keyword, form, result, "typo" if result.typo else "said", ""), None
        near = near or _near(index, answer, keyword, result, wished)
        unordered = _unordered(index, form)
        if unordered is not None and index.tokens[unordered.start].sentence not in wished:
            return _match(index, answer, keyword, form, unordered, "said", ""), None
    labelled = _labelled(answer, keyword, concepts, sentences, wished)
    if labelled is not None:
        return labelled, None
    if keyword.source:
        fact = _fact(index, answer, keyword)
        if fact is not None and fact.sentence not in wished:
            return fact, None
    for item, leftover in links:
        if item.structural and star is not None and item.structural != "mine":
            continue
        names = frozenset(item.names)
        for phrase in _concept_phrases(item.id).candidates(index):
            source = phrase.source
            result = _first(index, phrase, typos=False, wished=wished, named=source in names, others=others,
                            anyone=item.happens)
            if isinstance(result, Found) and leftover and not _said_with(index, leftover):
                continue
            if isinstance(result, Found) and _bare_word(phrase) and not _on_topic(index, result, (item,)):
                continue
            if isinstance(result, Found):
                how = "typo" if result.typo else "concept"
                return _match(index, answer, keyword, source, result, how, item.id), None
            if leftover and not _said_with(index, leftover):
                continue  # "Salary isn't the main thing" is no near miss of "total compensation": "total" is unsaid
            near = near or _near(index, answer, keyword, result, wished)
    return None, near or named or _partly(index, answer, keyword)


def _named_only(index: AnswerTokens, answer: str, keyword: Keyword, found: Found) -> NearMiss:
    """The word of a one-word point, said with nothing of what it means: "you are a leader with a great
    mission". The point is not made, but the person said its word: the feedback says why it does not
    count (a new-user run saw "- mission" under an answer that said "mission")."""
    tokens = index.tokens
    first = found.start - 1 if found.start > 0 and not tokens[found.start].broken else found.start
    return NearMiss(keyword.term, answer[tokens[first].start:tokens[found.end - 1].end], "named",
                    tokens[found.start].sentence)


def _labelled(
    answer: str, keyword: Keyword, concepts: tuple[Concept, ...], sentences: Sequence[Sentence],
    wished: frozenset[int],
) -> KeywordMatch | None:
    """A sentence whose own label names the point's concept: "Lesson: never ship a dependency bump without a
    canary" makes "what I learned", since the label says so (found by a new-user run on bullet notes)."""
    if not concepts:
        return None
    wanted = {item.id for item in concepts if not item.structural}
    for number, sentence in enumerate(sentences):
        if sentence.label_word not in POINT_LABELS or number in wished or not sentence.text.strip():
            continue
        named = sorted(wanted & {item.id for item in _label_concepts(sentence.label_word)})
        if named:
            return KeywordMatch(keyword.term, answer[sentence.start:sentence.end], sentence.label_word, 100.0,
                                sentence.start, sentence.end, sentence=number, how="concept", concept=named[0])
    return None


@lru_cache(maxsize=64)
def _label_concepts(label: str) -> tuple[Concept, ...]:
    return tuple(item for item, leftover in concept_links(label) if not leftover)


@lru_cache(maxsize=None)
def _concept_phrases(concept_id: str) -> PhraseList:
    """A concept's names and phrasings, in that order, ready to be looked for."""
    item = concept(concept_id)
    if item is None:
        return PhraseList(())
    return PhraseList(concept_sources(item), concept_filing(item))


def _bare_word(phrase: Phrase) -> bool:
    return len(phrase.elements) == 1


def _on_topic(index: AnswerTokens, found: Found, concepts: tuple[Concept, ...]) -> bool:
    """Whether a one-word match is in the point's sense: said by the speaker, or its sentence or one
    next to it says something else of the point's topic.

    A story tells its point over more than one sentence ("The vendor had sent the wrong parts
    twice. I escalated."), so the neighbours count. Requiring the topic of the speaker's own deeds
    too ("I parked in the visitor lot" is no parked request) cut false matches on the paraphrase
    corpus by 10 of 350, but lost "I apologized at once." said alone, and that literal miss is the
    one a person would see and not forgive.
    """
    tokens = index.tokens
    if _said_by_the_speaker(index, found):
        return True  # "I apologised at once": the speaker doing it is the point, in any context
    if found.start > 0 and not tokens[found.start].broken and tokens[found.start - 1].lower in _THEIRS:
        return True  # "your mission", "their values": the company's, which is what the point asks about
    if _owned_by_the_speaker(tokens, found.start):
        return True  # "my greatest weakness is time management": the speaker's own, named as theirs
    sentence = tokens[found.start].sentence
    own = tokens[found.start].key
    said = {token.key for token in tokens if abs(token.sentence - sentence) <= 1 and token.key != own}
    return any(concept_topic(item.id) & said for item in concepts)


def _owned_by_the_speaker(tokens: Sequence[Token], start: int) -> bool:
    """"my weakness", "my biggest weakness", "my one real weakness": the word said as the speaker's own.

    Found by a new-user run: "My greatest weakness is time management" made no "my weakness", since
    "greatest" is no little word the term may skip, and the bare word had nothing of its topic around.
    """
    position = start - 1
    while position >= 0 and start - position <= 3 and not tokens[position + 1].broken:
        word = tokens[position].lower
        if word == "my":
            return True
        if word not in _RANKING:
            return False
        position -= 1
    return False


_RANKING = frozenset("greatest biggest main real worst one only own true key major particular".split())


_THEIRS = frozenset({"your", "their", "its"})
"""Said to an interviewer, "your" is their company's: "your mission" is the mission a point asks about."""


def _said_with(index: AnswerTokens, leftover: frozenset[str]) -> bool:
    """Whether every word in ``leftover`` (or one of its family) is said in the answer too."""
    said = index.by_key.keys()
    return all(_family_members(word) & said for word in leftover)


def _first(
    index: AnswerTokens, phrase: Phrase, *, typos: bool = True, wished: frozenset[int] = frozenset(),
    named: bool = True, others: set[int] | None = None, anyone: bool = False,
) -> Found | list[Found]:
    """The first occurrence that is not negated nor only wished for, or every one that is.

    A ``named`` phrase is the point's own name (the rubric's term, a synonym, a concept's name), which
    names the speaker's deed: "a customer asked for help" is not "asked for help". A concept's other
    phrasings tell of others too, even those that open with a verb ("cancelled on us", "vouched for
    me"), so only their one-word ones are held to that: holding them all to it lost more points made
    on the paraphrase corpus than it saved false ones. But where the point's own name was refused
    for that (``others`` gathers where), no phrasing takes the same words back.

    Typos are forgiven in the rubric's own wordings, which a person wrote
    and may misspell in the answer; the vocabulary's thousands of phrasings
    are matched as written, which keeps matching fast. ``wished`` holds the
    sentences that say what the speaker would do (:func:`hypothetical_sentences`).
    ``anyone`` lifts the speaker rule, for a point about what happened
    (:attr:`~mockview.analysis.vocabulary.model.Concept.happens`).
    """
    negated = []
    speaker_only = not anyone and (named or len(phrase.elements) == 1)
    meant = unrealised_words(index)
    for item in index.occurrences(phrase, typos=typos):
        if others is not None and not others.isdisjoint(range(item.start, item.end)):
            continue
        if speaker_only and not _done_by_the_speaker(index, item, phrase.source):
            if others is not None:
                others.update(range(item.start, item.end))
            continue
        if not item.negated and index.tokens[item.start].sentence not in wished and not _inside(item, meant):
            return item
        negated.append(item)
    return negated


_INTENTIONS = (("plan", "was", "to"), ("meant", "to"), ("meaning", "to"), ("going", "to"), ("wanted", "to"),
               ("hoped", "to"), ("intended", "to"), ("supposed", "to"), ("tried", "to"), ("idea", "was", "to"))
_INTENTIONS_BY_OPENING = {words[0]: tuple(w for w in _INTENTIONS if w[0] == words[0]) for words in _INTENTIONS}
_INTENTION_OPENINGS = frozenset(_INTENTIONS_BY_OPENING)
_LETDOWNS = frozenset({"never", "not", "didn't", "couldn't", "wasn't", "no", "instead", "forgot", "ran"})
"""After a "but", the words that say the intention came to nothing ("but I never got round to it")."""


@lru_cache(maxsize=4)
def unrealised_words(index: AnswerTokens) -> frozenset[int]:
    """The positions of the words that tell what someone meant to do and did not.

    "My plan was to ask the head chef for a hand, but I never found the
    moment", "I kept meaning to write a fallback but never got round to it":
    the point inside the intention was not made, in any kind of question.
    The intention runs to its "but" or "never" inside one clause (a "but"
    may follow a comma); a clause break, "so" or "and" first means the plan
    went on ("I wanted to finish on time, so I asked for help"), and a deed
    told after the letdown ("..., but never did, so I asked the supervisor")
    still counts.
    """
    tokens = index.tokens
    meant: set[int] = set()
    for position, opening in enumerate(tokens):
        if opening.lower not in _INTENTION_OPENINGS:
            continue
        frame = next((words for words in _INTENTIONS_BY_OPENING[opening.lower]
                      if tuple(t.lower for t in tokens[position:position + len(words)]) == words
                      and tokens[min(len(tokens) - 1, position + len(words) - 1)].sentence == opening.sentence),
                     None)
        if frame is None:
            continue
        start = position + len(frame)
        sentence = tokens[position].sentence
        for later in range(start, len(tokens)):
            token = tokens[later]
            if token.sentence != sentence:
                break
            if token.lower == "never" and frame[0] != "tried" and not token.broken:
                meant.update(range(start, later))
                break
            if token.lower == "but":
                rest = [t for t in tokens[later + 1:later + 6] if t.sentence == sentence]
                if _LETDOWNS.intersection(t.lower for t in rest) or any(t.negator for t in rest):
                    meant.update(range(start, later))
                break
            if later > start and (token.broken or token.lower in ("so", "and")):
                break
    return frozenset(meant)


def _inside(found: Found, meant: frozenset[int]) -> bool:
    return found.start in meant


_WOULD = frozenset({"would", "'d"})
_CONTRACTED_WOULD = frozenset({"i'd", "we'd"})
_IF_OPENINGS = frozenset({"if", "usually", "normally", "typically", "generally", "ideally"})
_REFLECTION = frozenset({"differently", "lesson", "lessons", "learn", "learned", "learnt", "taught"})
_WISH_VERBS = frozenset({"like", "love", "rather", "prefer", "say"})
""""I'd like to say...", "I'd rather not...": manners of speaking, not a plan in place of a deed."""
_BETWEEN = frozenset({"already", "never", "just", "always", "also", "only", "then", "really", "actually", "first"})


def reflective_sentences(index: AnswerTokens) -> frozenset[int]:
    """The sentences that look back on the story as a lesson ("I learned that keeping quiet made it worse,
    and now I would speak up straight away"), or say what the speaker would do differently next time."""
    tokens = index.tokens
    found = set()
    for number, words in enumerate(by_sentence(tokens, tokens[-1].sentence + 1 if tokens else 0)):
        if _reflects([token.lower for token in words]):
            found.add(number)
    return frozenset(found)


def _reflects(lowered: Sequence[str]) -> bool:
    """A sentence's words look back as a lesson: "lesson", "learned", "differently", "next time"."""
    return bool(_REFLECTION.intersection(lowered)) or any(
        a == "next" and b == "time" for a, b in zip(lowered, lowered[1:]))


def _only_denied(index: AnswerTokens, keyword: Keyword, wished: frozenset[int]) -> Found | None:
    """Where the story says the point was not done ("I didn't raise it with anyone"), if its own wordings
    are said only so: a lesson that says it would be done now ("now I would speak up") does not make it.

    A lesson is worth telling, and makes the points about learning; but "raised it", credited from the
    lesson of a story that says it was never raised, read as praise for the opposite of what happened
    (found by a new-user run).
    """
    denied: list[Found] = []
    for form in keyword.forms:
        if _SYMBOLIC.search(form):
            continue
        said = _first(index, _form_phrase(form), wished=wished)
        if isinstance(said, Found):
            return None
        denied.extend(said)
    return denied[0] if denied else None


def hypothetical_sentences(index: AnswerTokens) -> frozenset[int]:
    """The sentences that say what the speaker would do, not what they did.

    "If they still didn't agree, I'd look for some middle ground", "Then I
    would put together some figures", "Usually the numbers speak for
    themselves": in an answer to a story question these make no rubric point,
    which asks for something done. A reflection ("What I'd do differently
    next time...") is a lesson, and still counts, and so does "would" as habit
    in a story ("Every Friday we'd review the board", :func:`_habitual`).
    """
    tokens = index.tokens
    sentences = [words for words in by_sentence(tokens, tokens[-1].sentence + 1 if tokens else 0)]
    wished: dict[int, Sequence[Token]] = {}
    narrates = False
    for number, words in enumerate(sentences):
        if not words:
            continue
        lowered = [token.lower for token in words]
        if _reflects(lowered):
            continue
        # "Usually the team ignored it", "If I remember rightly, we found...": a past verb tells what happened.
        opens_if = lowered[0] in _IF_OPENINGS and not any(_past(word) for word in lowered)
        if opens_if:
            wished[number] = []
        elif _would_do(lowered):
            wished[number] = words
        else:
            narrates = narrates or any(_past(word) for word in lowered)
    # Habit is a story's way of telling: only an answer that tells in the past elsewhere has it.
    return frozenset(number for number, words in wished.items() if not (narrates and words and _habitual(words)))


_HABIT_TIMES = frozenset(key(word) for word in """day morning afternoon evening night shift week weekend fortnight
    month quarter sprint year monday tuesday wednesday thursday friday saturday sunday meeting standup handover
    round visit delivery""".split())
_HABIT_COUNTS = frozenset("once twice two three four every each".split())


def _habitual(words: Sequence[Token]) -> bool:
    """"Every Friday we'd review the board", "on nights we'd...", "from then on I'd check it": "would" as what
    used to happen, not a plan; never in a sentence with "if" ("If it was me, I'd check it every day")."""
    lowered = [token.lower for token in words]
    if "if" in lowered:
        return False
    pairs = list(zip(lowered, lowered[1:]))
    if ("from", "then") in pairs or ("back", "then") in pairs or "whenever" in lowered or ("every", "time") in pairs:
        return True
    for position, token in enumerate(words):
        following = words[position + 1:position + 4]
        if token.lower in _HABIT_COUNTS and any(later.key in _HABIT_TIMES for later in following):
            return True  # every Friday, each morning, twice a week, every two weeks
        if token.lower == "on" and following and following[0].key in _HABIT_TIMES and following[0].lower.endswith("s"):
            return True  # on Fridays, on nights
    return False


_TOLD = frozenset("""said told suggested promised explained agreed wrote asked decided offered warned replied emailed
    messaged texted knew thought felt realised realized saw found admitted confirmed mentioned added showed""".split())
_HAD_DONE = frozenset("""been done got gotten found seen made spent had taken given gone known left lost run sent told
    written built brought forgotten heard kept met paid put read said set sold taught thought won""".split())


def _past(word: str) -> bool:
    return (word.endswith("ed") and len(word) > 4) or word in _IRREGULAR_PAST


def _would_do(words: list[str]) -> bool:
    """"I would ..." or "I'd ..." as the speaker's own conditional: not "I'd found" (I had), and not
    reported speech after a past verb ("I told her I'd ring back within the hour")."""
    for position, word in enumerate(words):
        if word in _CONTRACTED_WOULD:
            rest = [later for later in words[position + 1:] if later not in _BETWEEN]
            following = rest[0] if rest else ""
            modal = not (following.endswith("ed") or following in _HAD_DONE or following in _WISH_VERBS)
        elif word in ("i", "we") and position + 1 < len(words) and words[position + 1] in _WOULD:
            modal = True
        else:
            continue
        if modal and not _TOLD.intersection(words[:position]):
            return True
    return False


_ADVERBS = frozenset("then also just and quickly immediately finally eventually personally first later actually "
                     "really soon so even still already carefully always often usually sometimes again had have "
                     # hedges and fillers between the speaker and the deed: "we kind of fixed it"
                     "kind sort of like um uh basically kinda sorta literally pretty".split())
_FIRST_PERSON = frozenset({"i", "we", "i've", "we've", "i'd", "we'd"})


def _done_by_the_speaker(index: AnswerTokens, found: Found, wording: str = "") -> bool:
    """A point that opens on a verb counts when the speaker did it: "I escalated it", not "the row escalated".

    A past-tense verb needs "I" or "we" in front of it within its clause,
    or nothing at all (notes: "Escalated to the vendor."); anything else
    before it ("he", "the argument", "it") is someone or something else
    doing it, which is not the point made.
    """
    tokens = index.tokens
    word = tokens[found.start].lower
    if word in _STATES:
        return True  # "which mattered most" tells how things stood, not who did what
    if _told_in_the_past(wording) and _third_person(word, found, index):
        return False
    if not _past(word):  # "red flags" is no deed of anyone's
        return True
    if found.start > 0 and not tokens[found.start].broken and tokens[found.start - 1].lower in _ARTICLES:
        return True  # "we agreed on a shared goal", "a detailed plan": an adjective, not a deed
    position = found.start
    for _ in range(4):
        if tokens[position].broken or position == 0:
            return True
        position -= 1
        before = tokens[position].lower
        if before in _FIRST_PERSON:
            return True
        if before in _JOINERS:
            return _earlier_subject_is_the_speaker(index, position)
        if before not in _ADVERBS and not before.endswith("ly"):
            return False
    return False


_JOINERS = frozenset({"and", "then", "so", "but"})
_STATES = frozenset({"mattered", "counted", "seemed", "depended", "belonged", "lasted", "cost", "meant"})
"""Past forms that say how things stood, no one's deed: "I asked which mattered most" makes "mattered most"
(a bank's own synonym, missed by a new-user run because "which" is not the speaker)."""
_DETERMINER_CORE = frozenset({"a", "an", "the", "my", "our", "his", "her", "their", "your", "its", "some", "any", "no"})
_ARTICLES = _DETERMINER_CORE | {"this", "that", "these", "those", "every", "each"}
"""Words after which a past form is an adjective: "a shared goal", "the detailed plan"."""
_OTHER_PEOPLE = frozenset({"he", "she", "they", "he'd", "she'd", "they'd"})


def _earlier_subject_is_the_speaker(index: AnswerTokens, joiner: int) -> bool:
    """Whether a verb after "and", "then", "so" or "but" shares a subject that is the speaker's.

    "I owned it with my lead and fixed the problem", "I asked the team what
    they needed and asked for help" are the speaker's; "my supervisor was a
    rules person and always followed procedure" is not. The sentence's
    first subject pronoun decides (a "they" in a clause between is not the
    verb's subject); with none, notes that open on a verb or on the joiner
    itself ("Owned it and fixed it", "Then escalated to the vendor") are
    the speaker's, and a sentence that opens on someone named is not.
    """
    tokens = index.tokens
    sentence = tokens[joiner].sentence
    opening = joiner
    while opening > 0 and tokens[opening - 1].sentence == sentence:
        opening -= 1
    if opening == joiner:
        return True  # the joiner opens the sentence: "Then escalated to the vendor."
    for token in tokens[opening:joiner]:
        if token.lower in _FIRST_PERSON:
            return True
        if token.lower in _OTHER_PEOPLE:
            return False
    return _past(tokens[opening].lower)


def _told_in_the_past(wording: str) -> bool:
    """Whether a point's wording opens with a past-tense verb ("narrowed it down", "ran a pilot")."""
    first = wording.split(" ", 1)[0].lower()
    return any(_past(form) for form in first.split("|"))


def _third_person(word: str, found: Found, index: AnswerTokens) -> bool:
    """"The road narrows down": a verb in its he/she/it form, where the point's word was past ("narrowed").

    The speaker never says "I narrows", so the word is someone or something else's doing.
    """
    if not word.endswith("s") or word.endswith("ss") or found.start == 0:
        return False
    before = index.tokens[found.start - 1].lower
    return (len(word) > 3 and not index.tokens[found.start].broken
            and before not in _NOT_BEFORE_HE_SHE_IT)


_NOT_BEFORE_HE_SHE_IT = _FIRST_PERSON | _DETERMINER_CORE | {
    "they", "you", "people",  # "they narrows" is never said: the word is a noun
    "of", "in", "on", "for", "to", "with", "and", "or", "all", "more", "two", "three"}


def _said_by_the_speaker(index: AnswerTokens, found: Found) -> bool:
    """"I" or "we" just before the word, in its clause (adverbs between allowed)."""
    tokens = index.tokens
    position = found.start
    for _ in range(4):
        if tokens[position].broken or position == 0:
            return False
        position -= 1
        before = tokens[position].lower
        if before in _FIRST_PERSON or before in ("my", "our", "i'm", "we're"):
            return True
        if before not in _ADVERBS and before not in _BEING and not before.endswith("ly"):
            return False
    return False


_BEING = frozenset("am are was were be been feel felt get got stay stayed".split())
"""Verbs between the speaker and a word that describes them: "I am passionate", "we were keen", "I felt
ready". The word is then said of the speaker as much as in "I apologised"."""


_IRREGULAR_PAST = frozenset(
    """ran took made wrote led met gave sent kept held found brought built bought told spoke went got put set cut
    chose drew taught sold paid won split did began caught thought felt heard left lost meant read saw shut
    stood understood came knew rang""".split()
)


def _match(
    index: AnswerTokens, answer: str, keyword: Keyword, form: str, found: Found, how: str, concept_id: str
) -> KeywordMatch:
    tokens = index.tokens
    start, end = tokens[found.start].start, tokens[found.end - 1].end
    score = 100.0 if how in ("said", "concept") else float(DEFAULT_THRESHOLD)
    return KeywordMatch(keyword.term, answer[start:end], form, score, start, end,
                        sentence=tokens[found.start].sentence if found.start < len(tokens) else None,
                        how=how, concept=concept_id)


def _near(
    index: AnswerTokens, answer: str, keyword: Keyword, negated: list[Found], wished: frozenset[int] = frozenset()
) -> NearMiss | None:
    """A point said with a negation (the words from the negation to the end of the point), or only as
    what the speaker would do (the point's own words)."""
    if not negated:
        return None
    tokens = index.tokens
    first = negated[0]
    if not first.negated and _inside(first, unrealised_words(index)):
        start, end = tokens[first.start].start, tokens[first.end - 1].end
        return NearMiss(keyword.term, answer[start:end], "intended", tokens[first.start].sentence)
    if not first.negated and tokens[first.start].sentence in wished:
        return _wished(index, answer, keyword, first)
    begin = first.start
    for position in range(first.start - 1, max(-1, first.start - 6), -1):
        if tokens[position + 1].broken:
            break
        if tokens[position].negator:
            begin = position
            break
    start, end = tokens[begin].start, tokens[first.end - 1].end
    return NearMiss(keyword.term, answer[start:end], "negated", tokens[first.start].sentence)


def _wished(index: AnswerTokens, answer: str, keyword: Keyword, found: Found) -> NearMiss:
    """A point said only as what the speaker would do: the words from their "I'd"/"I would" to the point's end."""
    tokens = index.tokens
    sentence = tokens[found.start].sentence
    begin = found.start
    for position in range(found.start - 1, max(-1, found.start - 7), -1):
        if tokens[position].sentence != sentence:
            break
        if tokens[position].lower in _CONTRACTED_WOULD or tokens[position].lower in _WOULD:
            begin = position - 1 if position and tokens[position - 1].lower in ("i", "we") else position
            break
    start, end = tokens[begin].start, tokens[found.end - 1].end
    return NearMiss(keyword.term, answer[start:end], "hypothetical", sentence)


def _partly(index: AnswerTokens, answer: str, keyword: Keyword) -> NearMiss | None:
    """Half or more of a several-word term's content words in one sentence, but not as the point."""
    for form in keyword.forms:
        wanted = [token for token in tokens_of(form) if not token.stop]
        if len(wanted) < 2:
            continue
        by_sentence: dict[int, list[Token]] = {}
        for token in wanted:
            for position in index.by_key.get(token.key, ()):
                found = index.tokens[position]
                by_sentence.setdefault(found.sentence, [])
                if all(t.key != found.key for t in by_sentence[found.sentence]):
                    by_sentence[found.sentence].append(found)
        for sentence, hits in sorted(by_sentence.items()):
            if len(hits) >= max(2, (len(wanted) + 1) // 2) and any(len(hit.key) >= 4 for hit in hits):
                hit = hits[0]
                return NearMiss(keyword.term, answer[hit.start:hit.end], "partly", sentence)
    return None


FACT_SHARE = 0.6
"""Of a researched fact's content words, the share one sentence must say for the fact to count."""


def _fact(index: AnswerTokens, answer: str, keyword: Keyword) -> KeywordMatch | None:
    """A fact from the person's own research, said in other words: most of its content words in one sentence.

    Profile facts are notes ("Raised a Series C in October"), and answers
    say them differently ("they recently raised a Series C"); by their
    content words, in any order, one sentence is enough.
    """
    for form in keyword.forms:
        wanted = {family_key(token.key) for token in tokens_of(form) if not token.stop}
        if len(wanted) < 2:
            continue
        needed = len(wanted) if len(wanted) <= 2 else max(2, math.ceil(FACT_SHARE * len(wanted)))
        by_sentence: dict[int, list[Token]] = {}
        for token in index.tokens:
            if family_key(token.key) in wanted and not token.stop:
                by_sentence.setdefault(token.sentence, []).append(token)
        for sentence, hits in sorted(by_sentence.items()):
            if len({family_key(t.key) for t in hits}) >= needed:
                start, end = hits[0].start, hits[-1].end
                return KeywordMatch(keyword.term, answer[start:end], form, 100.0, start, end, sentence, "concept")
    return None


def _unordered(index: AnswerTokens, form: str) -> Found | None:
    """A term of two or more content words said in another order inside one clause ("feedback from customers")."""
    wanted = [token.key for token in tokens_of(form) if not token.stop]
    if len(wanted) < 2 or len(set(wanted)) < len(wanted):
        return None
    families = [_family_members(word) for word in wanted]
    tokens = index.tokens
    window = len(wanted) + 3
    for position in sorted({p for member in families[0] for p in index.by_key.get(member, ())}):
        low, high = position, position
        while low > 0 and not tokens[low].broken and position - low < window:
            low -= 1
        while high + 1 < len(tokens) and not tokens[high + 1].broken and high - position < window:
            high += 1
        span = range(low, high + 1)
        hits = [next((i for i in span if tokens[i].key in family), None) for family in families]
        if any(hit is None for hit in hits):
            continue
        first, last = min(h for h in hits if h is not None), max(h for h in hits if h is not None)
        if last - first >= window:
            continue
        candidate = Found(first, last + 1, False, False)
        verb = hits[0]
        # "My dad ran a pilot school" is no "ran a pilot"; told the other way round, a passive result
        # ("costs were reduced by a fifth" for "reduced costs") is made whoever did it.
        if verb == first and not _done_by_the_speaker(index, Found(verb, verb + 1, False, False), form):
            continue
        if not index._negated(first, last + 1) and not _inside(candidate, unrealised_words(index)):
            return candidate
    return None


def _structural(
    keyword: Keyword, item: Concept, answer: str, sentences: Sequence[Sentence], star: StarReport
) -> KeywordMatch | None:
    """A point about the story's shape: made when the STAR analysis finds it."""
    if item.structural == "mine":
        return _own_part(keyword, item, sentences, star)
    result = star.parts["result"]
    if not result.present or (item.structural == "measurable" and not star.measurable_result):
        return None
    indices = result.sentences
    if item.structural == "measurable":
        indices = tuple(i for i in indices if i in getattr(star, "measurable_sentences", ())) or indices
    first = indices[0] if indices else None
    if first is None or first >= len(sentences):
        return KeywordMatch(keyword.term, "", keyword.term, 100.0, 0, 0, None, "structure", item.id)
    sentence = sentences[first]
    return KeywordMatch(keyword.term, sentence.text, keyword.term, 100.0, sentence.start, sentence.end,
                        first, "structure", item.id)


def _own_part(keyword: Keyword, item: Concept, sentences: Sequence[Sentence], star: StarReport) -> KeywordMatch | None:
    """"My part" is made by an Action the speaker tells as "I": "I mapped every step of the close" says
    what they did, whatever verb it uses (a result-first story was fumbled for this point, found by a
    new-user run). An Action told mostly as "we" leaves it to the words ("my part was the data")."""
    action = star.parts["action"]
    if not action.present or star.action_i == 0 or star.action_mostly_we:
        return None
    for number in action.sentences:
        if number < len(sentences) and _I_SAID.search(sentences[number].text):
            sentence = sentences[number]
            return KeywordMatch(keyword.term, sentence.text, keyword.term, 100.0, sentence.start, sentence.end,
                                number, "structure", item.id)
    return None


_I_SAID = re.compile(r"(?<![\w'])I(?![\w'])|(?<![\w'])I'(?:ve|d|m)\b")


def _sentence_at(sentences: Sequence[Sentence], offset: int) -> int | None:
    for number, sentence in enumerate(sentences):
        if sentence.start <= offset < max(sentence.end, sentence.start + 1):
            return number
    return None


@lru_cache(maxsize=4096)
def _form_phrase(form: str) -> Phrase:
    return term_phrase(form, _family_members)


@lru_cache(maxsize=1)
def _members() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for family in FAMILIES:
        keys = {key(word) for word in family}
        for word_key in keys:
            table.setdefault(family_key(word_key), set()).update(keys)
    return {head: frozenset(keys) for head, keys in table.items()}


def _family_members(word_key: str) -> frozenset[str]:
    """Every key of the word's family, the word's own key included."""
    return _members().get(family_key(word_key), frozenset()) | {word_key}


_SYMBOLIC = re.compile(r"[#+]|^\.\w")
"""Terms such as "C#", "C++" or ".NET", which words alone cannot tell apart."""


@lru_cache(maxsize=1024)
def _symbolic_pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w#+.]){re.escape(form)}(?![\w#+])", re.IGNORECASE)
