"""Does the answer answer the question? Its focus, found in the answer's own words.

A question has a *focus*: the words left once the interview boilerplate is
gone ("Tell me about a time you failed" -> "failed"). A focus word said in
the answer (or one of its family) counts wherever it stands: the question has
set its sense, so the guard a one-word rubric point needs against another
sense does not apply ("The customer who threatened to close his account..."
is about a customer). Each focus word is also looked for like a rubric
point, so its concept's phrasings count ("it went wrong", "my mistake" for
"failed"). An answer that makes none of them, and
none of the rubric either, may be a good story to another question: a
success story told to a failure question is flagged, not praised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from mockview.analysis.vocabulary import concept_topic, concepts_named, concepts_named_exactly, family_key
from mockview.analysis.words import FUNCTION_WORDS, NEGATORS, answer_tokens, key, tokenize
from mockview.banks.model import Keyword
from mockview.text import normalised

if TYPE_CHECKING:
    from mockview.analysis.sentences import Sentence
    from mockview.analysis.star import StarReport
    from mockview.analysis.words import Token

QUESTION_WORDS = frozenset(
    """
    tell describe time times example examples situation situations give walk through share talk about experience
    explain how what why when where which who whom would could should can ever recent recently past previous
    particular specific instance moment occasion story stories most best greatest biggest one some someone
    something anything handle handled handling deal dealt did do does done make made get got go went think
    thought feel felt like want wanted need needed know knew say said really way ways thing things kind sort
    please us me you your yours yourself company role job position work worked working interview question
    happen happened happens take took approach approached manage managed case cases current currently last
    far much lot lots quite bit little briefly see now nearly wrap before everything imagine
    professional personal personally else else's what's you've rather even though whether anyway still
    """.split()
)
"""Words of the question's frame, not of what it asks about ("Tell me about a time you...")."""

MIN_WORDS_FOR_OFF_TOPIC = 30
"""Shorter answers are judged too short, not off-topic."""

WORDS_TO_JUDGE_BY_SILENCE = 80
"""Under this many words, saying nothing of the question's frame is too little to call an answer off-topic.

A short story can tell its mistake without one word of going wrong ("I gave a resident tea with sugar,
and he is diabetic"; "Pushed a config change to all regions at once instead of canarying it"), or its
disagreement without one word of disagreeing ("She wanted floor-to-ceiling glass. I knew it would
overheat."). Flagged as off-topic, such an answer could not be strong and came back as a fumble: a
tenth of the short answers a coach passes, in the judge's short dev sets. A short answer is flagged only
when it tells the opposite of what was asked: a success (:func:`tells_the_opposite`), or a denial ("I
wouldn't say I've really failed at anything big", :func:`denying_sentences`). "Why do you want to work
here?" asks for no story, and an answer to it that names neither the company, the role nor a wish is off
it from :data:`MIN_WORDS_FOR_OFF_TOPIC` words on.
"""


@dataclass(frozen=True, slots=True)
class Relevance:
    focus: tuple[str, ...]
    """The question's focus words, as asked."""
    found: tuple[str, ...]
    """The focus words the answer speaks to."""
    score: float
    """0..1: how much of the focus the answer speaks to (1.0 when the question has no focus)."""
    off_topic: bool
    frame: str = ""
    """What the question asks about when it is one whose answer must tell of it ("a failure")."""

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(word for word in self.focus if word not in self.found)


def question_focus(text: str) -> tuple[str, ...]:
    """The words a question is about, in order, without its frame or little words."""
    focus: dict[str, None] = {}
    for token in tokenize(text):
        word = token.lower
        if word in FUNCTION_WORDS or word in QUESTION_WORDS or (word in NEGATORS and word != "failed") or word.endswith("n't") or len(word) < 3 or word.isdigit():
            continue
        focus.setdefault(word, None)
    return tuple(focus)


def assess_relevance(
    question_text: str,
    answer: str,
    sentences: Sequence[Sentence],
    *,
    rubric_coverage: float | None,
    words: int,
    star: StarReport | None = None,
) -> Relevance:
    """How far the answer speaks to the question's focus; off-topic when it shares almost nothing with it.

    A question that asks only for a part of a story's shape ("What was the outcome?", "How did you
    measure that?") is spoken to when the STAR analysis finds that part, in whatever words:
    "waiting times fell from forty minutes to fifteen" answers "outcome" without the word. In a
    question about something else ("...listening carefully changed the outcome") any story has a
    Result, so there the word must be said or its topic told, as for any focus.
    """
    from mockview.analysis.keywords import match_keywords

    focus = question_focus(question_text)
    frame = question_frame(question_text)
    if words == 0 or (not focus and frame is None):
        return Relevance(focus, (), 1.0, False)
    keywords = tuple(Keyword(word) for word in focus)
    denied = denying_sentences(question_text, sentences)
    report = match_keywords(answer, keywords, sentences=sentences)
    found = list(match.term for match in report.matched if match.sentence not in denied)
    tokens = answer_tokens(answer, tuple((sentence.start, sentence.text) for sentence in sentences))
    said = {token.key for token in tokens if token.sentence not in denied}
    asks_for_shape = star is not None and all(_shape_named(word) for word in focus)
    families = {family_key(word) for word in said}
    for word in focus:
        if word not in found and family_key(key(word)) in families:
            found.append(word)  # the question's own word: the question has set its sense
        elif word not in found and len(topic_words(word) & said) >= TOPIC_WORDS_NEEDED:
            found.append(word)  # said around it: "the figures were wrong" is about a mistake
        elif word not in found and asks_for_shape and star is not None and _shape_tells(word, star, said):
            found.append(word)
        elif word not in found and _frame_words(word) & said:
            found.append(word)  # "we argued about the rota" is about a conflict
    found = [word for word in focus if word in found]
    score = min(1.0, len(found) / min(2, len(focus))) if focus else 1.0
    if rubric_coverage is not None:
        # The points the question asks for, made, speak to it in any words: an answer making all of
        # them scored 0 of 9 for never saying "week", "far" or "drop" (found by a new-user run).
        score = max(score, rubric_coverage)
    off_topic = (
        frame is not None
        and not ((_told_of_the_speaker(tokens, denied) if frame in SPEAKERS_OWN else said) & FRAMES[frame][1])
        and words >= MIN_WORDS_FOR_OFF_TOPIC
        and (words >= WORDS_TO_JUDGE_BY_SILENCE or frame == WANTS_THE_JOB or bool(denied)
             or tells_the_opposite(frame, answer))
        and (rubric_coverage is None or rubric_coverage < OFF_TOPIC_COVERAGE)
    )
    if off_topic and not focus:
        score = 0.0  # "Why do you want to work here?" has no focus word; its frame is all it asks
    return Relevance(focus, tuple(found), round(score, 3), off_topic, frame or "")


OFF_TOPIC_COVERAGE = 0.4
"""An answer making this share of its rubric is on the question, whatever its words.

It was any point at all; then "what went wrong" credited to "a vendor fell
behind" kept a success story told to a failure question from being flagged
(found by a new-user run)."""

WANTS_THE_JOB = "your reasons for wanting this job"
"""The frame of "Why do you want to work here?": an answer must say something of the company, the role or
the wanting. A story of a fixed bug told to it scored relevance 10 of 10 and "ok" (found by a new-user run)."""
_WANTS_THE_JOB = re.compile(
    r"^\W*(?:why (?:do|would|did|are) you (?:want|wish|like|keen|interested)\b[^?]*"
    r"\b(?:work|join|job|role|position|company|here|us)\b"
    r"|why (?:this|our|the) (?:company|role|job|position)\b|why does [^?]* appeal\b"
    r"|what (?:appeals|attracts|draws) (?:to )?you\b)",
    re.IGNORECASE,
)
"""The question itself asks why the job: "Why do you want to work here?", "Why does the role appeal to you?",
"What attracts you to this company?"; never a story question that says "why" in passing ("...explain why a
change was needed when working with a client", found by a review)."""
FRAME_MISSING = {
    WANTS_THE_JOB: ("it never says what draws you to the company or the role",
                    "nothing in it says what draws you to this company or this role. A good story to another "
                    "question is still the wrong answer: say what you know of them and why it fits what you want "
                    "next."),
}
"""What an off-topic answer lacks, for the verdict's reason and for the tip, by frame; the rest never tell of
their frame ("it never tells of a failure") and have nothing go wrong or be hard."""


def frame_missing(frame: str) -> str:
    """The verdict's plain words for an answer that never gets to what its question asks."""
    return FRAME_MISSING[frame][0] if frame in FRAME_MISSING else f"it never tells of {frame}"


def frame_tip(frame: str) -> str:
    """The rest of the off-topic tip after "your answer never gets there: "."""
    if frame in FRAME_MISSING:
        return FRAME_MISSING[frame][1]
    return ("nothing in it goes wrong or is hard. A good story to another question is still the wrong answer: "
            "pick an example that is about exactly this, and say plainly what went wrong.")


SPEAKERS_OWN = frozenset({"a failure"})
"""Frames whose answer must tell of the speaker's own part: a failure is yours; a disagreement may be
between two others that you settled ("mediated between two colleagues" answers a conflict question)."""

_SPEAKER = frozenset({"i", "we", "my", "our", "me", "us", "i'm", "i've", "i'd", "we're", "we've", "we'd", "mine"})


def _told_of_the_speaker(tokens: Sequence[Token], denied: frozenset[int]) -> set[str]:
    """The keys of words said of the speaker, outside denials: in a clause that names the speaker, or
    after the speaker in the sentence, unless a new subject or a clause about someone else comes between.

    A failure question asks for the speaker's failure: "I underestimated the cleaning", "I, honestly,
    got the figure wrong", "the mistake was entirely mine". A success story mentions failures too, of
    others or of what was feared ("a project everyone expected to slip", "when a vendor fell behind,
    I escalated"), and those are no answer to it.
    """
    told: set[str] = set()
    clauses: list[list[Token]] = []
    for token in tokens:
        if token.sentence in denied:
            continue
        if token.broken or not clauses or clauses[-1][-1].sentence != token.sentence:
            clauses.append([])
        clauses[-1].append(token)
    speaker_before = False
    for number, clause in enumerate(clauses):
        if number == 0 or clauses[number - 1][-1].sentence != clause[0].sentence:
            speaker_before = False  # a new sentence
        first = clause[0].lower
        about_others = first in _SUBORDINATORS and (len(clause) < 2 or clause[1].lower not in _SPEAKER)
        if first in _NEW_SUBJECTS or about_others:
            speaker_before = False
        names_speaker = any(token.lower in _SPEAKER for token in clause)
        if not about_others and (names_speaker or speaker_before):
            told.update(token.key for token in clause)
        speaker_before = speaker_before or (names_speaker and not about_others)
    return told


_SUBORDINATORS = frozenset({"when", "if", "after", "because", "as", "while", "before", "until", "since", "once"})
_NEW_SUBJECTS = frozenset({"a", "an", "the", "this", "that", "these", "those", "everyone", "everybody", "nobody",
                           "someone", "he", "she", "they", "it"})


def _keys(words: str) -> frozenset[str]:
    return frozenset(key(word) for word in words.split())


FRAMES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "a failure": (
        _keys("fail failed failure failures mistake mistakes error errors wrong regret"),
        _keys("fail failed failure mistake error wrong wrongly missed miss lost lose late broke broken crash crashed "
              "problem problems fault blame regret badly disaster setback short slipped slip forgot overlooked "
              "underestimated overpromised misjudged misread flop flopped complaint complaints bug embarrassing "
              "apologised apologized sorry rejected refund cancelled delayed behind overstated understated "
              "incorrect inaccurate correct corrected correction caught duplicate duplicated stale oversight "
              "messed skipped ignored assumed unfortunately worse"),
    ),
    "a disagreement": (
        _keys("conflict conflicts disagree disagreed disagreement disagreements argument clash clashed tension"),
        _keys("conflict disagree disagreed disagreement argued argument argue clash clashed tension tense "
              "frustrated frustration upset angry annoyed pushed pushback objected objection different differently "
              "view views opinion opinions against fell resented complained complaint difficult heated row "
              "dispute criticised criticized blamed worried concern concerns unhappy wrong"),
    ),
    "a weakness": (
        _keys("weakness weaknesses"),
        _keys("weakness weak struggle struggled struggling improve improving improved working work better hard "
              "harder difficult tend tendency habit learn learning learned practise practice course feedback "
              "nervous confidence delegating perfectionist detail patience impatient public speaking"),
    ),
    "criticism": (
        _keys("criticism criticised criticized critical negative feedback"),
        _keys("feedback criticism criticised criticized critical told said pointed review comment comments "
              "manager lead improve changed listened defensive hard fair unfair harsh point"),
    ),
    WANTS_THE_JOB: (
        frozenset(),  # asked in a phrase, not a word: see question_frame
        _keys("want wanted wanting excite excited exciting excites interest interested interesting interests attract "
              "attracted attracts attractive appeal appeals appealing drawn draws love loved admire admired respect "
              "respected mission purpose values culture you your yours join joining here reputation opportunity "
              "chance hope hoping looking career passion passionate fit fits role position company companies "
              "organisation organization firm brand product products customers clients patients industry sector "
              "believe enjoy enjoyed keen eager curious inspired inspiring proud impressed"),
    ),
}
"""Questions whose answer must be about something going wrong, and the words such an answer cannot do without.

A success story told to a failure question is the classic off-topic
answer; it is recognised by what it lacks (no word of anything going
wrong), which holds across the ways people tell a failure. Other questions
are never called off-topic: the words a good answer uses are too many to
list, and a good answer must not be fumbled for using others. The same words
tell relevance: "we argued about the rota" speaks to "conflict".
"""

OPPOSITES: dict[str, re.Pattern[str]] = {
    "a failure": re.compile(
        r"\b(?:(?:finished|delivered|launched|shipped|went live|went out|landed|completed|done|opened|arrived)"
        r"(?: \w+){0,3}? (?:early|ahead of (?:schedule|time|the deadline))"
        r"|ahead of (?:schedule|target|plan)|(?:beat|beating|exceeded|exceeding|smashed|topped) (?:\w+ ){0,2}?"
        r"(?:target|targets|goal|goals|forecast|forecasts|deadline|record|expectations)"
        r"|(?:was|got|been) promoted|record (?:month|year|quarter|week|sales|numbers|sign-?ups)"
        r"|won (?:the|an|a|our) (?:award|contract|tender|prize|pitch|deal|account)"
        r"|(?:a|an|huge|big|great|real|total) success|went (?:really |very |perfectly )?smoothly|flawless(?:ly)?)\b"),
}
"""Phrases that tell the opposite of a frame: a story that beat its target is a success, told to a failure
question. They let a short answer silent on its frame be flagged ("We launched two weeks early, downloads
beat the target by 40%", 57 words, to "Tell me about a time you failed"). Phrases, not words: "an early
shift" and "forgot to record a dose" tell no success (a review found single words flagging both)."""
_DENIED_BEFORE = re.compile(r"\b(?:not|never|didn't|wasn't|weren't|couldn't|haven't|hadn't|no)\W+(?:\w+\W+){0,2}$")


def tells_a_cost(tokens: Sequence[Token]) -> bool:
    """Whether the answer tells something going wrong (a word of :data:`FRAMES`' failure frame), not an
    effort nor a fear: "we missed the delivery date", "it was my fault", never "I stayed late" or "I
    don't want to lose that"."""
    told = FRAMES["a failure"][1]
    for position, token in enumerate(tokens):
        if token.key not in told:
            continue
        if token.lower == "late" and position and tokens[position - 1].key in _EFFORT:
            continue
        if any(word.negator for word in tokens[max(0, position - 3):position] if word.sentence == token.sentence):
            continue
        return True
    return False


_EFFORT = frozenset(key(word) for word in "stay stayed staying work worked working till until up".split())


def tells_the_opposite(frame: str, answer: str) -> bool:
    """Whether the answer says something of :data:`OPPOSITES` for ``frame``, not denied ("we didn't finish
    early")."""
    pattern = OPPOSITES.get(frame)
    if pattern is None:
        return False
    lowered = normalised(answer).lower()
    return any(not _DENIED_BEFORE.search(lowered[max(0, found.start() - 40):found.start()])
               for found in pattern.finditer(lowered))


_DENIAL_NOUNS = {
    "a failure": r"fail(?:ed|ures?|ing)?|mistakes?",
    "a disagreement": r"conflicts?|disagree(?:d|ments?)?|arguments?|clash(?:es|ed)?",
    "a weakness": r"weakness(?:es)?",
    "criticism": r"critici[sz](?:m|ed)",
}
_ADVERBS = r"(?: (?:really|honestly|actually|ever|truly|usually|often|generally|normally|tend to))*"
_DENIALS = (
    # "I wouldn't say I've ever really failed", "I don't think we've had a conflict"
    r"(?:i|we) (?:don't|do not|wouldn't|would not|can't|cannot)" + _ADVERBS
    + r" (?:say|think|believe|feel) (?:that )?(?:i|we)(?:'ve| have)?" + _ADVERBS + " (?:had (?:a |any )?)?",
    # "I wouldn't really call it a failure", "I don't really see things as failures"
    r"(?:i|we) (?:don't|do not|wouldn't|would not|can't|cannot)" + _ADVERBS
    + r" (?:call|see|consider|count|describe|class|view) (?:it|that|this|things|them|anything|what happened)"
    r"(?: as)?(?: an?)? ",
    # "I don't really have weaknesses", "I don't make mistakes", "I don't fail"
    r"(?:i|we) (?:don't|do not|never)" + _ADVERBS + r" (?:(?:have|get|make|come across)(?: any| many| much| real)? )?",
    # "I've never really had a project fail on me", "I've not really failed at anything big"
    r"(?:i've|we've|i have|we have|i haven't|we haven't|i have not|we have not) (?:never|not)?" + _ADVERBS
    + r" ?(?:(?:had|made|seen|come across)(?: an?| any| many| real)?(?: \w+)?? )?",
    # "I'm not sure I've ever truly failed"
    r"(?:i'm|i am) not sure (?:that )?i(?:'ve| have)" + _ADVERBS + " ",
    # "I can't think of a time I really failed", "I can't remember ever having a conflict"
    r"(?:i|we) (?:can't|cannot|can not|couldn't)" + _ADVERBS + r" (?:think of|remember|recall)"
    r" (?:(?:a|any|one) (?:time|occasion|example|instance) (?:when |where |that )?(?:i|we)(?:'ve| have)?" + _ADVERBS
    + r" (?:(?:had|made|got) (?:a |an |any )?)?|ever (?:having |making )?(?:a |an |any )?)",
)
_NOT_A_DENIAL_AFTER = (r"(?! to\b| again\b| any ?more\b| since\b| now\b| like (?:that|this|it)\b| twice\b| the same\b"
                       # a comparison has had one: "I can't think of a time I failed as badly as this"
                       r"| before\b| as\b| more\b| so\b| worse\b| that badly\b| this badly\b)")
"""A lesson or a count, not a denial: "I don't make that mistake any more", "we haven't had a failure
like that since", "I'd never had a launch fail before", "I've never failed to hit a deadline"."""


def denying_sentences(question_text: str, sentences: Sequence[Sentence]) -> frozenset[int]:
    """The sentences that deny having what the question asks about ("I wouldn't say I've ever
    really failed"): the question's word said there is no answer to it, and the success story
    that follows is still told to another question.

    A denial is a claim about oneself in general, in the present, the perfect or the conditional.
    A story tells in the past ("I didn't see the mistake until Monday", "I'd never had a launch fail
    before"), and a lesson looks back at the thing itself ("I don't make that mistake any more"):
    neither is a denial. A word qualifying the noun ("a small mistake", "a worse failure") means
    the thing was had, so the noun must follow the denial directly.
    """
    frame = question_frame(question_text)
    if frame not in _DENIAL_NOUNS:
        return frozenset()  # no frame, or one nobody denies having ("why you want this job")
    pattern = _denial_pattern(frame)
    return frozenset(index for index, sentence in enumerate(sentences)
                     if pattern.search(normalised(sentence.text).lower()))


@cache
def _denial_pattern(frame: str) -> re.Pattern[str]:
    """One pattern per frame: any opening of :data:`_DENIALS` followed by the frame's noun."""
    openings = "|".join(f"(?:{opening})" for opening in _DENIALS)
    return re.compile(rf"\b(?:{openings})(?:{_DENIAL_NOUNS[frame]})\b" + _NOT_A_DENIAL_AFTER)


def _frame_words(focus_word: str) -> frozenset[str]:
    """The words an answer to the frame a focus word asks about cannot do without ("conflict": "argued")."""
    word = key(focus_word)
    return next((told for triggers, told in FRAMES.values() if word in triggers), frozenset())


@lru_cache(maxsize=256)
def question_frame(text: str) -> str | None:
    """Which of :data:`FRAMES` a question asks about, if one (asked twice per analysis: once per text)."""
    asked = {token.key for token in tokenize(text)}
    found = next((name for name, (triggers, _) in FRAMES.items() if asked & triggers), None)
    if found is None and _WANTS_THE_JOB.search(text):
        return WANTS_THE_JOB
    return found


TOPIC_WORDS_NEEDED = 2
"""Distinct words of a focus's topic an answer must say to be about it without its phrasings."""


OUTCOME_WORDS = _keys(
    "reduced increased improved saved grew rose fell dropped doubled halved tripled shortened lowered exceeded beat "
    "achieved result outcome ultimately eventually success successful succeeded impact praised thanked promoted "
    "adopted awarded won recovered retained renewed signed passed finished completed delivered resolved solved "
    "shipped launched happy pleased glad relieved stayed kept worked fixed late early deadline end ended "
    "better worse since anymore"
)
"""Words of how things ended: an answer saying one of them is not silent on the outcome."""
def _shape_named(focus_word: str) -> str:
    """The story part a focus word names outright ("outcome": "result"), or ""."""
    if focus_word.lower() in _ACHIEVEMENTS:
        return "result"
    return next((item.structural for item in concepts_named_exactly(focus_word) if item.structural), "")


_ACHIEVEMENTS = frozenset({"achievement", "achievements", "accomplishment", "accomplishments"})
"""An achievement is told by how it ended: "Cut our month-end close from 9 days to 4" is one without the word.
A result-first answer to "What is your greatest professional achievement?" scored relevance 2 of 9 (found
by a new-user run)."""


def _shape_tells(focus_word: str, star: StarReport, said: set[str]) -> bool:
    """Whether the answer has the story part a focus word names ("outcome" is a Result).

    A one-sentence answer to a follow-up is a fragment, not a story, and the STAR reading of a
    fragment can miss its Result; words of how things ended count too.
    """
    shape = _shape_named(focus_word)
    if shape == "result":
        return star.parts["result"].present or star.measurable_result or not OUTCOME_WORDS.isdisjoint(said)
    return shape == "measurable" and star.measurable_result


@cache
def topic_words(focus_word: str) -> frozenset[str]:
    """The words an answer about ``focus_word`` tends to use: those of the concepts it names."""
    found: set[str] = set()
    for item in concepts_named(focus_word):
        found |= concept_topic(item.id)
    return frozenset(found)
