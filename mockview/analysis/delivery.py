"""How the answer would come across when said aloud.

A typed answer stands for a spoken one, so length is also given as speaking
time at an ordinary interview pace. Fillers ("um", "basically", "like" as a
filler) and hedges ("I think", "maybe", "just") are counted with care: "I
like", "would like" and "what kind of" are not fillers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from mockview.analysis.cues import required_literals
from mockview.analysis.lexicon import (EMPLOYER, EMPLOYER_PEOPLE, FILLERS, GRIEVANCES, HEDGES, INSULTS,
                                       COMPANY_TREATMENT, DISGUISED_STRENGTHS, NOT_FILLER_AFTER, STANDING_GRIEVANCES,
                                       STOCK_PHRASES,
                                       STOP_WORDS)
from mockview.analysis.sentences import WORD

SPEAKING_WPM = 145
"""Words a minute at a calm interview pace."""
LONGEST_SPOKEN = 180
"""Seconds: answers that would take longer than this to say lose the listener."""
SHORTEST_SPOKEN = 45
"""Seconds: answers shorter than this rarely tell a whole story."""
PLAUSIBLE_TYPING_WPM = 250
"""Faster than this the answer was pasted, and a typing speed means nothing."""
I_FORMS = frozenset({"i", "i'm", "i've", "i'd", "i'll"})
WE_FORMS = frozenset({"we", "we're", "we've", "we'd", "we'll"})
"""Contractions count too, as they do in the STAR analysis's Action count."""

_NUMBER = re.compile(
    r"(?<![\w.])(?:[$£€¥]\s?)?\d+(?:[.,:]\d+)*(?:\s?(?:%|percent|per cent|k|m|bn)\b)?"
    r"|(?<!\w)(?:half|double|doubled|halved|tripled|twice|dozen|hundreds?|thousands?|millions?|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety)(?!\w)"
)
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    words: int
    target: tuple[int, int]
    length: str
    """"empty", "far too short", "short", "ok" or "long"."""
    speaking_seconds: float
    seconds: float | None
    time_limit: float | None
    overtime: float
    """Seconds past the time limit (0 when within it or untimed)."""
    wpm: float | None
    """Typing speed, words a minute, when the time taken is known."""
    fillers: dict[str, int]
    hedges: dict[str, int]
    i_count: int
    we_count: int
    numbers: int
    top_words: list[tuple[str, int]]
    complaints: tuple[str, ...] = ()
    """Where the answer runs down the speaker's employer, manager or colleagues, as typed ("my current
    manager is a nightmare"): interviewers hear it as how the candidate will one day talk of them."""
    stock_phrases: dict[str, int] = field(default_factory=dict)
    """Stock self-descriptions ("team player", "go above and beyond"), by name, with their counts."""
    stock_unbacked: bool = False
    """Stock phrases and nothing to back them (:func:`stock_backed`). A coach hears "I'm a hard-working
    team player" as what everyone says until an example shows it."""
    disguised: str = ""
    """Asked for a weakness, the strength dressed as one that the answer gives ("perfectionist", "work too
    hard"), as typed (:func:`disguised_strength`): never strong, and with nothing behind it no weakness at
    all. Set by the caller, which knows the question."""

    @property
    def filler_count(self) -> int:
        return sum(self.fillers.values())

    @property
    def hedge_count(self) -> int:
        return sum(self.hedges.values())


@cache
def _compiled(expression: str) -> re.Pattern[str]:
    return re.compile(whole_words(expression))


@cache
def _needs(expression: str) -> frozenset[str] | None:
    """Strings one of which every match holds: an answer with none of them is not searched, and the pattern
    is not even compiled (reading them costs a third of compiling, and most phrases are never said)."""
    return required_literals(expression)


def _said_in(expression: str, text: str) -> re.Pattern[str] | None:
    """The compiled pattern, or None when ``text`` holds none of the strings every match needs."""
    needs = _needs(expression)
    if needs is not None and not any(literal in text for literal in needs):
        return None
    return _compiled(expression)


def whole_words(expression: str) -> str:
    r"""``expression`` as a regex that matches whole words only, and that ``re`` can search for fast.

    Every alternative is bounded: ``(?<!\w)a|b|c(?!\w)`` bounded only the first and the last, so
    "um likely" counted a filler "like". And the bound in front is put after the first letter:
    a pattern that opens on a lookbehind, ``(?<!\w)u+m+``, makes ``re`` try it at every
    character, some 100 µs a pattern on a 500-word answer, where ``u(?<!\wu)u*m+`` (the same
    test: no letter before the "u") lets it jump from one "u" to the next, 20 to 30 times faster.
    """
    alternatives = []
    for alternative in _top_level_alternatives(expression):
        first, after = alternative[:1], alternative[1:2]
        if first.isalpha() and first.isascii() and after not in ("*", "?", "{"):
            rest = alternative[1:]
            if after == "+":
                rest = first + "*" + rest[1:]
            alternatives.append(f"{first}(?<!\\w{first}){rest}")
        else:
            alternatives.append(f"(?<!\\w)(?:{alternative})")
    return "(?:" + "|".join(alternatives) + ")(?!\\w)"


def _top_level_alternatives(expression: str) -> list[str]:
    """``expression`` split at the ``|`` that are outside any group or character class."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(expression):
        char = expression[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            opening = 2 if expression[index + 1:index + 2] == "^" else 1
            if expression[index + opening:index + opening + 1] == "]":
                index += opening  # "[]...]", "[^]...]": a "]" first in a class is a literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(expression[start:index])
            start = index + 1
        index += 1
    parts.append(expression[start:])
    return parts


_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")


def count_phrases(text: str, table: dict[str, str]) -> dict[str, int]:
    """How often each phrase of ``table`` occurs in lowercased ``text``, leaving out zero counts."""
    counts = {}
    for name, expression in table.items():
        pattern = _said_in(expression, text)
        if pattern is None:
            continue
        excluded = NOT_FILLER_AFTER.get(name, frozenset())
        found = 0
        for match in pattern.finditer(text):
            before = _PREVIOUS_WORD.search(text, max(0, match.start() - 30), match.start())
            if before and before.group(1).lower() in excluded:
                continue
            found += 1
        if found:
            counts[name] = found
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def how_short(words: int, target: tuple[int, int]) -> str:
    """"well short" under half the length a question wants, else "on the short side": 47 words to a
    150-350 story and 142 words were told the same (found by a new-user run)."""
    return "well short" if words < target[0] / 2 else "on the short side"


def length_band(words: int, target: tuple[int, int]) -> str:
    low, high = target
    if words == 0:
        return "empty"
    if words < low / 4:
        return "far too short"
    if words < low:
        return "short"
    if words > high:
        return "long"
    return "ok"


@cache
def _complaint_pattern(name: str) -> re.Pattern[str]:
    """One of :func:`_complaint_sources`, compiled when an answer first needs it: most answers have no
    word of an insult and need only "any insult"; compiling every pattern up front cost each `mockview
    score` process about 30 ms."""
    source, flags = _complaint_sources()[name]
    return re.compile(source, flags)


@cache
def _complaint_sources() -> dict[str, tuple[str, int]]:
    """The insult must be said *of* them ("my manager is a nightmare", "I can't stand my boss"), not
    near them: "my manager had a terrible week" and "my manager said the draft was a mess" run nobody
    down. Every repeat is possessive, so no text makes the search backtrack."""
    linking = (r"(?: (?:is|was|are|were|seems|seemed|has been|had been|have been|can be|could be|became|being|always"
               r"|just|really|so|very|completely|totally|utterly|honestly|basically|absolutely|quite|pretty|frankly"
               r"|all|there|such|also|still))*+ ")
    often = r"(?: (?:always|constantly|just|really|also|basically|literally|still|there|here))*+ "
    pronoun = r"(?<![\w'])(?:he|she)(?:'s)?"

    def said_of(who: str, what: str) -> str:
        return (rf"\b(?:{who}){linking}(?:{what})\b"
                rf"|\b(?:i|we|everyone|everybody) (?:really |just |absolutely )?(?:hate|hated|can't stand"
                rf"|cannot stand|couldn't stand|despise|despised) (?:{who})\b")

    return {
        "story": (said_of(EMPLOYER_PEOPLE, INSULTS), re.IGNORECASE),
        "answer": (said_of(EMPLOYER, INSULTS), re.IGNORECASE),
        "grievance": (rf"\b(?:{EMPLOYER_PEOPLE}){often}(?:{GRIEVANCES})\b|\b(?:{STANDING_GRIEVANCES})\b"
                      rf"|\b(?:{COMPANY_TREATMENT})\b", re.IGNORECASE),
        "not said": (r"\b(?:if|unless|not saying|not that|never said|wouldn't say|would never say|isn't that"
                     r"|it's not that|not because)\b", re.IGNORECASE),
        "pronoun insult": (rf"{pronoun}{linking}(?:{INSULTS})\b", re.IGNORECASE),
        "pronoun grievance": (rf"{pronoun}{often}(?:{GRIEVANCES})\b", re.IGNORECASE),
        "any insult": (r"\b(?:nightmare|joke|idiot|mess|shambles|toxic|useless|incompetent|clueless|hopeless"
                       r"|stupid|lazy|pathetic|rubbish|dysfunctional|terrible|awful|horrible|bad|backstab"
                       r"|bull|hate|stand|despise)", 0),
        "people": (rf"\b(?:{EMPLOYER_PEOPLE})\b", re.IGNORECASE),
        "others": (r"\b(?:customer|customers|client|clients|patient|patients|guest|guests|passenger"
                   r"|passengers|caller|callers|member of the public|parent|parents|student|students|"
                   r"pupil|pupils|resident|residents|tenant|tenants|buyer|buyers)\b", re.IGNORECASE),
    }


_ABOUT_LEAVING = re.compile(
    r"\b(?:leav(?:e|ing)|left|looking for (?:a )?(?:new|another)|new (?:role|job|position)|move on|moving on"
    r"|change (?:jobs|roles)|why (?:do|would|did) you want|why (?:this|our) (?:company|role|job)|current (?:job|role"
    r"|employer|manager)|last (?:job|role|employer)|previous (?:job|role|employer)|your (?:manager|boss))\b",
    re.IGNORECASE)


def asks_about_the_employer(question: str) -> bool:
    """Whether a question asks why the candidate leaves, looks or wants this job, or about their manager:
    there a grievance ("he micromanages everything") is given as the reason, and interviewers hear it."""
    return _ABOUT_LEAVING.search(question) is not None


def employer_complaints(sentences: Sequence[str], story: bool, grievances: bool = False) -> tuple[str, ...]:
    """Where the answer runs down the speaker's employer, manager or colleagues: the words, as typed.

    ``sentences`` are the answer's, as :func:`~mockview.analysis.sentences.split_sentences` gives them.

    An insult said of the speaker's manager or colleagues counts in any answer, of the company or the
    job too outside a story (in a story "the job was a nightmare: the ceiling had collapsed" is the
    situation). A grievance ("he micromanages everything", "the pay is terrible") counts only where
    the question asks why they leave or want this job (``grievances``): in a conflict story it is the
    story. "He" or "she" is the employer only in or just after a sentence naming one, and never in a
    sentence or after one that names a customer, a patient or a guest.
    """
    pattern = _complaint_pattern
    if not grievances and not any(pattern("any insult").search(sentence.lower()) for sentence in sentences):
        return ()  # most answers: no word of an insult anywhere, so nothing to look at sentence by sentence
    said = pattern("story" if story else "answer")
    found: list[str] = []
    named_before = False
    for sentence in sentences:
        plain = sentence.replace("’", "'")
        others = pattern("others").search(plain) is not None
        names = pattern("people").search(plain) is not None and not others
        match = said.search(plain) or (pattern("grievance").search(plain) if grievances else None)
        if match is None and (names or named_before) and not others:
            match = pattern("pronoun insult").search(plain) or (
                pattern("pronoun grievance").search(plain) if grievances else None)
        if match is not None and pattern("not said").search(plain[:match.start()]):
            match = None  # "if the company didn't care about its people I'd have left", "not that he micromanages"
        if match is not None:
            found.append(sentence[match.start():match.end()].strip())
        named_before = names
    return tuple(found[:3])


_SPEAKER_IN_SENTENCE = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|myself)\b")
"""A sentence of the speaker's own: "My manager was a perfectionist" describes someone else."""


def stock_phrases(sentences: Sequence[str]) -> dict[str, int]:
    """The stock phrases (:data:`~mockview.analysis.lexicon.STOCK_PHRASES`) the speaker says of themselves,
    as typed (lowercased) and in the order first said, with how often each is said.

    Only in a sentence that speaks of the speaker ("I'm a real team player"), never one that only
    describes someone else ("my manager was a perfectionist"). A phrase said in two wordings ("quick
    learner", later "fast learner") is counted under the first.
    """
    said: dict[str, str] = {}
    """Table name -> the wording first said."""
    counts: dict[str, int] = {}
    own = [plain for plain in map(spoken_form, sentences) if _SPEAKER_IN_SENTENCE.search(plain) is not None]
    whole = "\n".join(own)
    patterns = {name: pattern for name, expression in STOCK_PHRASES.items()
                if (pattern := _said_in(expression, whole)) is not None}
    for lowered in own:
        found: list[tuple[int, str, str]] = []
        for name, pattern in patterns.items():
            found.extend((match.start(), name, match.group(0)) for match in pattern.finditer(lowered))
        for _, name, wording in sorted(found):
            wording = said.setdefault(name, wording)
            counts[wording] = counts.get(wording, 0) + 1
    return counts


def figures_beside(text: str, stock: dict[str, int]) -> int:
    """The figures in ``text`` outside its stock phrases: "I always give 110%" states no figure."""
    plain = spoken_form(text)
    for wording in stock:
        plain = plain.replace(wording, " ")
    return len(_NUMBER.findall(plain))


_DONE_SO_FAR = re.compile(r"\b(?:i|we) (?:have|'ve) (?:\w+ )?(?:\w+ed|built|run|led|taught|made|done|won|written|set|"
                          r"kept|found|brought|given|taken|grown|shown|met|sold|spent|become)\b")
"""What the speaker has done so far, told in the present perfect: "since I joined I have trained every new starter"."""


def stock_backed(sentences: Sequence[str], stock: dict[str, int], parts: Sequence[str | None], figures: int) -> bool:
    """Whether anything in the answer backs its stock phrases (``parts``: each sentence's STAR part).

    A figure of its own backs them (``figures``, counted by :func:`figures_beside`: not the "110%" of
    "I give 110%"), or, in a sentence free of stock phrases, something that happened (an Action or a
    Result, or what the speaker has done so far) or an outcome anyone could check ("my manager gave me
    an award"). A sentence of stock phrases backs none ("adding value to every team I join").
    """
    if figures:
        return True
    # Here, not at the top: the app reads this module's constants at start-up, before the judge is loaded.
    from mockview.analysis.star import is_checkable

    for number, sentence in enumerate(sentences):
        plain = spoken_form(sentence)
        if any(wording in plain for wording in stock):
            continue
        told = number < len(parts) and parts[number] in ("action", "result")
        if told or _DONE_SO_FAR.search(plain) or is_checkable(plain):
            return True
    return False


def disguised_strength(sentences: Sequence[str], stock: dict[str, int], backed: bool,
                       costly: bool = False) -> tuple[str, int] | None:
    """The strength dressed as a weakness the answer gives as its weakness, as typed, with its sentence.

    One of :data:`~mockview.analysis.lexicon.DISGUISED_STRENGTHS` among the answer's stock phrases, said
    of the speaker and not denied ("I'm not a perfectionist, and that is my weakness: I rush" gives a
    real one), in a sentence that does not call it a strength ("my strength is that I'm a
    perfectionist"). Backed by an example, the boast must be the weakness the answer gives, in the
    sentence that names it or as the answer's opening ("I care too much."), and the answer must tell no
    cost of it (``costly``: "we missed the delivery date by two days" makes a perfectionism a real
    weakness); a real weakness it explains ("I find delegating hard, because I'm a bit of a
    perfectionist") is one. Found by a review and a new-user run.
    """
    wordings = [wording for wording in stock
                if any(re.fullmatch(STOCK_PHRASES[name], wording) for name in DISGUISED_STRENGTHS)]
    if backed and costly:
        return None
    for number, sentence in enumerate(sentences):
        plain = spoken_form(sentence)
        if _CALLED_A_STRENGTH.search(plain) or (backed and number and not _NAMES_THE_WEAKNESS.search(plain)):
            continue
        for wording in wordings:
            at = plain.find(wording)
            if at >= 0 and not _DENIED_JUST_BEFORE.search(plain[max(0, at - 30):at]):
                return wording, number
    return None


_CALLED_A_STRENGTH = re.compile(r"\bstrengths?\b|\bstrong (?:point|suit)\b|\bgood at\b")
_NAMES_THE_WEAKNESS = re.compile(r"\bweak(?:ness|nesses)?\b|\bflaws?\b|\bdownside\b")
_DENIED_JUST_BEFORE = re.compile(r"\b(?:not|never|n't|no longer)\b(?:\W+\w+){0,3}\W*$")


def spoken_form(text: str) -> str:
    """``text`` as the delivery patterns read it: lower case, plain apostrophes, its lines joined."""
    return _LINE_BREAK.sub(" ", text.replace("’", "'")).lower()


def analyse_delivery(
    text: str,
    target: tuple[int, int],
    seconds: float | None = None,
    time_limit: float | None = None,
    complaints: tuple[str, ...] = (),
    stock: dict[str, int] | None = None,
) -> DeliveryReport:
    """How the answer would come across said aloud.

    ``complaints`` are :func:`employer_complaints`'s and ``stock`` :func:`stock_phrases`'s, found by the
    caller from the sentences it has already split; whether the stock phrases are backed
    (:func:`stock_backed`) needs the STAR parts, so the caller sets :attr:`DeliveryReport.stock_unbacked`."""
    normalised = spoken_form(text)
    lowered = WORD.findall(normalised)
    content = Counter(word for word in lowered if word not in STOP_WORDS and len(word) > 2 and not word.isdigit())
    top = [(word, count) for word, count in sorted(content.items(), key=lambda item: (-item[1], item[0])) if count >= 2][:5]
    overtime = max(0.0, seconds - time_limit) if seconds is not None and time_limit else 0.0
    wpm = round(len(lowered) / (seconds / 60), 1) if seconds is not None and seconds >= 1 else None
    stock = stock or {}
    return DeliveryReport(
        words=len(lowered),
        target=target,
        length=length_band(len(lowered), target),
        speaking_seconds=round(len(lowered) / SPEAKING_WPM * 60, 1),
        seconds=round(seconds, 1) if seconds is not None else None,
        time_limit=time_limit,
        overtime=round(overtime, 1),
        wpm=wpm,
        fillers=count_phrases(normalised, FILLERS),
        hedges=count_phrases(normalised, HEDGES),
        i_count=sum(1 for word in lowered if word in I_FORMS),
        we_count=sum(1 for word in lowered if word in WE_FORMS),
        numbers=figures_beside(normalised, stock),  # "I always give 110%" gives no figure
        top_words=top,
        complaints=complaints,
        stock_phrases=stock,
    )
