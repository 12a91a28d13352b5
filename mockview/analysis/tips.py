"""At most five concrete tips, the most important first, that fit the answer and the question.

Each tip names what is wrong in this answer and what to do about it, with
the answer's own words and figures, and points at the sentence it is about
when there is one. Tips are chosen by the kind of question: a story gets
story tips; "why us?", research and closing questions never do. Each tip has
a *topic*; two tips on one topic, or on opposite topics (add detail / trim),
are never given together, and a tip the answer already follows is never
given. The question's own tips from its bank fill remaining room on answers
that are not strong, since they were written for exactly this question; a
tip of ours that the bank's tip contradicts ("keep it under a minute") is
left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from mockview.analysis.closing import ClosingReport
from mockview.analysis.delivery import LONGEST_SPOKEN, SHORTEST_SPOKEN, DeliveryReport, how_short, spoken_form
from mockview.analysis.keywords import KeywordReport, match_keywords
from mockview.analysis.relevance import Relevance, frame_tip
from mockview.analysis.scoring import RAMBLING_PER_HUNDRED, Verdict, filler_rate
from mockview.analysis.sentences import Sentence, split_sentences
from mockview.analysis.star import ACTION_SHARE_TARGET, CONTEXT_TOO_LONG, StarReport
from mockview.banks.model import Keyword, Question
from mockview.text import plural, times

MAX_TIPS = 5
QUOTE_LENGTH = 60

OPPOSITES = {"longer": "shorter", "shorter": "longer", "more-context": "less-context", "less-context": "more-context"}
"""Topics that contradict each other: only the more urgent of a pair is kept."""

_BREVITY = re.compile(r"\b(?:under (?:a|one|two) minutes?|(?:keep|make) (?:it|this|the answer|your answer|the whole "
                      r"answer) (?:short|brief|tight|quick|crisp)|(?:be|stay) (?:brief|concise)|concise|"
                      r"thirty seconds|30 seconds|crisp|don'?t ramble|short answer)\b", re.IGNORECASE)
"""A bank tip asking for a short answer as a whole, which the length tips must not contradict. Not a short
part of it: "Keep the failure itself short", "back it with a short example" kept a 56-word failure story from
being told it was short (found by a new-user run)."""


@dataclass(frozen=True, slots=True)
class Tip:
    priority: int
    text: str
    topic: str
    sentence: int | None = None
    """The sentence of the answer the tip is about, if one."""


def _counted(counts: dict[str, int], limit: int = 3) -> str:
    return ", ".join(f"'{word}' {times(n)}" for word, n in list(counts.items())[:limit])


def _sentence_saying(sentences: tuple[Sentence, ...] | list[Sentence], wordings: Iterable[str]) -> int | None:
    """The first sentence that says one of ``wordings`` (as the delivery check read them: lowered, lines
    joined): where a stock phrase or a strength in disguise was said."""
    wanted = tuple(wordings)
    return next((number for number, sentence in enumerate(sentences)
                 if any(wording in spoken_form(sentence.text) for wording in wanted)), None)


def quote(sentences: tuple[Sentence, ...] | list[Sentence], index: int | None) -> str:
    """A sentence of the answer, shortened, in quotes (empty if there is none)."""
    if index is None or not 0 <= index < len(sentences):
        return ""
    text = " ".join(sentences[index].text.split())
    if len(text) > QUOTE_LENGTH:
        text = text[: QUOTE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return f"'{text}'"


def _first_attempt(question: Question, star: StarReport | None, closing: ClosingReport | None) -> str:
    """How to start an answer that was skipped, in the shape this kind of question wants."""
    if star is not None:
        return "say one sentence each for the situation, your task, what you did and how it ended."
    if closing is not None:
        return "ask two questions you want answered, about the team, the work or how success is measured."
    if question.kind == "research":
        return "say one thing the company does, one thing you found out about it, and why it matters to you."
    return "say your main point in one sentence, then give one example that backs it up."


def _and_list(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _more_detail(question: Question) -> str:
    """What "add detail" means for this kind of question."""
    if question.kind == "star":
        return "what exactly you did, in what order, and what changed"
    if question.kind == "research":
        return "a specific fact you found about the company and why it matters to you"
    if _ABOUT_TERMS.search(question.text):
        return "the reasoning behind your answer and one specific fact that supports it"
    return "one concrete example from your own work that backs up your main point"


_ABOUT_TERMS = re.compile(
    r"\b(?:salary|salaries|pay|package|compensation|notice period|start date|relocat\w*|five years|ten years"
    r"|leaving|leave|left|gap)\b", re.IGNORECASE)
"""Questions about terms and plans, not qualities: "What are your salary expectations?" wants a researched
range, and "one concrete example from your own work" was the wrong advice there (found by a new-user run)."""


def build_tips(
    question: Question,
    star: StarReport | None,
    keywords: KeywordReport,
    delivery: DeliveryReport,
    verdict: Verdict,
    closing: ClosingReport | None = None,
    sentences: tuple[Sentence, ...] | list[Sentence] = (),
    relevance: Relevance | None = None,
) -> list[Tip]:
    candidates: list[Tip] = []

    def add(priority: int, text: str, topic: str, sentence: int | None = None) -> None:
        candidates.append(Tip(priority, text, topic, sentence))

    low, high = delivery.target
    wants_brevity = any(_BREVITY.search(tip) for tip in question.tips)

    if delivery.words == 0:
        add(0, "You didn't answer. Even a rough answer teaches you more than a skip: "
               + _first_attempt(question, star, closing), "start")
    elif delivery.length == "far too short":
        how = ("Give a sentence of context, then walk through what you did step by step, then the outcome."
               if star is not None else f"Add {_more_detail(question)}.")
        add(1, f"At {plural(delivery.words, 'word')} this is a headline, not an answer; aim for {low}-{high}. {how}",
            "longer")

    if delivery.complaints:
        said = delivery.complaints[0]
        if star is not None:
            add(3, f"Tell what made it hard as facts and what you did about it, not as a verdict on the person "
                   f"('{said}'): interviewers hear how you would one day talk about them.", "complaints")
        else:
            add(3, f"Leave out what is wrong with your employer ('{said}'): interviewers hear how you would one "
                   "day talk about them. Give the reason you are moving towards instead.", "complaints")

    no_story = star is not None and not star.parts["action"].present and not star.parts["result"].present
    if delivery.disguised:
        # Before the stock-phrase tip, and instead of it: backing a boast with an example still leaves a boast.
        add(4, f"'{delivery.disguised.capitalize()}' is a strength dressed as a weakness, the answer interviewers "
               "hear most and believe least. Name one thing you genuinely do less well, and spend most of the "
               "answer on what you are doing about it.", "disguised-strength",
            _sentence_saying(sentences, (delivery.disguised,)))
    elif delivery.stock_phrases and delivery.words and not no_story:  # the story tip asks for the same time
        stock = _and_list([f"'{name}'" for name in list(delivery.stock_phrases)[:2]])
        where = _sentence_saying(sentences, delivery.stock_phrases)
        if delivery.stock_unbacked and len(delivery.stock_phrases) == 1:
            said = next(iter(delivery.stock_phrases))
            add(4, f"'{said[:1].upper()}{said[1:]}' is a stock phrase: every candidate says it, and an interviewer "
                   "cannot check it. Back it with one time you showed it: what you did and how it turned out.",
                "stock-phrases", where)
        elif delivery.stock_unbacked:
            add(4, f"Stock phrases such as {stock} are what every candidate says, and an interviewer can check "
                   "none of them. Keep the one that matters most for this job and back it with one time you "
                   "showed it: what you did and how it turned out.", "stock-phrases", where)
        elif len(delivery.stock_phrases) >= 2:
            add(17, f"Your example says more than {stock} do: let it speak, and cut the stock phrases.",
                "stock-phrases", where)

    if relevance is not None and relevance.off_topic:
        add(2, f"The question asks for {relevance.frame}, and your answer never gets there: "
               + frame_tip(relevance.frame), "relevance")

    if star is not None and delivery.words:
        parts = star.parts
        if not parts["action"].present and not parts["result"].present:
            add(2, "Tell one real time it happened, not what you would do or usually do: where you were, "
                   "what you did, and how it ended.", "story")
        else:
            if not parts["action"].present:
                add(2, "Your answer never says what you did. Spend about half of it on your own steps: "
                       "'I set up...', 'I called...', 'I decided...'.", "action")
            if not parts["result"].present and star.folded_result is not None:
                folded = star.folded_result
                said = f" ({quote(sentences, folded)})" if sentences else ""
                add(3, f"Your outcome is tucked into an Action sentence{said}. Give it a sentence of its own "
                       "at the end, as the Result, so the interviewer hears how it ended.", "result", folded)
            elif not parts["result"].present:
                last = len(sentences) - 1 if sentences else None
                after = f" after {quote(sentences, last)}" if last is not None else ""
                add(3, f"Your answer never says what happened in the end{after}: add a Result with a number, "
                       "e.g. time saved, money, or how many customers it affected.", "result", last)
    if delivery.words == 0 and keywords.missing:
        # Nothing was said, so nothing "never gets to" a point: say what an answer should cover instead.
        points = [f"{k.term} (required)" for k in keywords.missing if k.required]
        points += [k.term for k in keywords.missing if not k.required][:3]
        add(4, f"When you try it, cover these points: {_and_list(points)}.", "rubric")
    stock_only = {near.term: near for near in keywords.near_misses if near.why == "stock"}
    disguised = {near.term: near for near in keywords.near_misses if near.why == "disguised"}
    for term in keywords.missing_required if delivery.words else ():
        keyword = next(k for k in keywords.missing if k.term == term)
        if term in disguised:
            continue  # the disguised-strength tip above says what is missing
        if term in stock_only:
            # "never gets to it" beside an answer that said "adding value to every team" read as unheard.
            hollow = stock_only[term]
            add(4, f"The question is really asking about '{term}', and your answer says it only as a stock "
                   f"phrase ({hollow.found!r}). Say what it is, with one time it showed.", f"rubric:{term}",
                hollow.sentence)
            continue
        also = f" (or: {', '.join(keyword.synonyms[:2])})" if keyword.synonyms else ""
        add(4, f"The question is really asking about '{term}'{also}, and your answer never gets to it. "
               "Make that point in so many words.", f"rubric:{term}")
    if star is not None and delivery.words and delivery.length != "far too short" and not (
        not star.parts["action"].present and not star.parts["result"].present
    ):
        parts = star.parts
        if not parts["situation"].present and parts["task"].share > CONTEXT_TOO_LONG:
            # "Open with context" beside "context takes 49%" contradicted itself (found by a new-user run):
            # the context there is all Task, and the scene is what is missing.
            add(6, f"Your answer opens on the task and spends {parts['task'].share:.0%} of it there, but never "
                   "says where you were or when. Open with one sentence of that, and cut the task to a line or two.",
                "more-context", 0)
        elif not parts["situation"].present:
            add(6, "Open with one or two sentences of context: where you were, when, and what was at stake.",
                "more-context", 0)
        if star.action_mostly_we:
            we_sentence = next((i for i in parts["action"].sentences if " we " in f" {sentences[i].text.lower()} "),
                               None) if sentences else None
            add(5, f"Your Action says 'we' {times(star.action_we)} and 'I' {times(star.action_i)}. "
                   "They are hiring you, not your team: say which steps were yours"
                   + (f", starting with {quote(sentences, we_sentence)}." if we_sentence is not None else "."),
                "ownership", we_sentence)
        if parts["result"].present and not star.measurable_result:
            result = parts["result"].sentences[-1] if parts["result"].sentences else None
            said = f" ({quote(sentences, result)})" if result is not None and sentences else ""
            add(8, f"Your Result{said} has no number. Add one measurable outcome: a percentage, hours saved, "
                   "money, or how many people it reached.", "specifics", result)
        context = parts["situation"].share + parts["task"].share
        told_in = len({*parts["situation"].sentences, *parts["task"].sentences})
        # In a short answer the context is a large share because the rest is thin: the length tip asks for
        # more of what you did, and "cut the context" beside it would say the opposite.
        if context > CONTEXT_TOO_LONG and parts["action"].present and delivery.length != "short":
            how = ("Cut the Situation and Task to two or three sentences" if told_in > 3 else
                   "Keep the Situation and Task to the few facts the story needs")
            add(9, f"Context takes {context:.0%} of your answer. {how} and get to what you did sooner.",
                "less-context")
        elif parts["action"].present and parts["action"].share < ACTION_SHARE_TARGET - 0.1:
            add(10, f"Your Action is only {parts['action'].share:.0%} of the answer; make it about half. "
                    "Say what you did first, next and last, and why.", "action-share")

    if closing is not None and delivery.words:
        if not closing.enough:
            add(2, "Ask at least two real questions about the job: what the first months look like, how the "
                   "team works, how success is measured here. 'No, you covered everything' reads as no interest.",
                "questions")
        if closing.salary_first:
            add(3, "Lead with a question about the work; leave pay and perks for the recruiter or the offer stage.",
                "order")
        elif closing.perks_later:
            add(3, "Leave the question about pay or perks for the recruiter or the offer stage, and end on one "
                   "about the work.", "order")
        if closing.enough and len(closing.topics) < 2:
            add(6, "Spread your questions: one about the role or its challenges, one about the team or what "
                   "success looks like.", "topics")

    if delivery.length == "long" or delivery.speaking_seconds > LONGEST_SPOKEN:
        minutes = delivery.speaking_seconds / 60
        trim = "trim the background first" if star is not None else "keep the one point that matters most"
        if delivery.speaking_seconds > LONGEST_SPOKEN:
            add(11, f"At {delivery.words} words this takes about {minutes:.1f} minutes to say; interviewers start to "
                    f"drift after three. Aim for {low}-{high} words: {trim}.", "shorter")
        else:  # under three minutes: long for what this question wants, not for any listener
            add(11, f"At {delivery.words} words this runs past the {low}-{high} this question wants: {trim}.",
                "shorter")
    elif delivery.length == "short" and closing is None and not wants_brevity:
        short = how_short(delivery.words, delivery.target)
        add(12, f"At {delivery.words} words this is {short} (target {low}-{high}). "
                f"Add detail where it counts: {_more_detail(question)}.", "longer")
    elif (delivery.words and question.kind == "star" and delivery.speaking_seconds < SHORTEST_SPOKEN
          and verdict.verdict != "strong" and not wants_brevity):
        add(12, f"Said aloud this takes about {delivery.speaking_seconds:.0f} seconds; under {SHORTEST_SPOKEN} "
                "a story sounds rushed. Slow down on what you did and how it ended.", "longer")

    if keywords.has_rubric and keywords.coverage < 0.6 and delivery.words:
        # The tip below speaks of a point said negated, meant or wished; one only partly said has none.
        nearly = {near.term for near in keywords.near_misses[:1]
                  if near.why in ("negated", "intended", "hypothetical", "named")}
        names = [k.term for k in keywords.missing if not k.required and k.term not in nearly][:3]
        if names:
            add(13, f"Points a strong answer makes that yours doesn't: {', '.join(names)}. "
                    "Work in the ones that are true for your story." if star is not None else
                    f"Points a strong answer makes that yours doesn't: {', '.join(names)}.", "rubric")
    for near in keywords.near_misses[:1]:
        if near.why == "negated":
            add(13, f"You said {near.found!r}: that reads as the opposite of '{near.term}'. If you did it, "
                    "say so plainly.", f"rubric:{near.term}", near.sentence)
        elif near.why == "intended":
            add(13, f"'{near.term}' comes up only as something meant and not done ({near.found!r}). If it "
                    "happened later, say when; if not, tell what you did instead.", f"rubric:{near.term}",
                near.sentence)
        elif near.why == "named":
            add(13, f"You name '{near.term}' ({near.found!r}) but say nothing of it. Say what it is and why it "
                    "matters to you, in a sentence of its own.", f"rubric:{near.term}", near.sentence)
        elif near.why == "hypothetical":
            said = "" if near.found.lower() == near.term.lower() else f" ({near.found!r})"
            add(13, f"'{near.term}' comes up only as what you would do{said}. The question asks "
                    "what you did: tell the time you did it.", f"rubric:{near.term}", near.sentence)
    if question.kind == "research" and delivery.words and delivery.numbers == 0 and keywords.coverage < 0.8:
        add(13, "Name specifics you found in your research: a product, a recent announcement, a figure, "
                "a value they publish. Specifics show you did the work.", "specifics")
    rate = filler_rate(delivery)
    if delivery.filler_count >= 3 or (rate >= RAMBLING_PER_HUNDRED and delivery.filler_count >= 2):
        if delivery.fillers:
            add(14 if rate < RAMBLING_PER_HUNDRED else 7, f"Fillers ({_counted(delivery.fillers)}) make you sound "
                "unsure. Cut them; a short pause sounds more confident than 'um'.", "fillers")
    if delivery.hedge_count >= 3:
        add(15, f"Hedges ({_counted(delivery.hedges)}) undersell what you did. State it plainly.", "hedges")
    if delivery.overtime > 0:
        add(16, f"You went {delivery.overtime:.0f} s over the {delivery.time_limit:.0f} s limit. "
                "Practise a version that lands the ending inside the time.", "shorter")
    if delivery.top_words and delivery.top_words[0][1] >= 6 and delivery.words:
        word, count = delivery.top_words[0]
        add(18, f"You lean on '{word}' ({count} times). Vary it or make the sentences more specific.", "words")

    if verdict.verdict != "strong":
        measured = star is not None and star.measurable_result
        owned = any(part.name == "ownership" and part.points >= part.out_of for part in verdict.parts)
        for number, tip in enumerate(question.tips):
            if measured and asks_for_a_figure(tip, question.text):
                continue  # "Put a figure on the effect" to an answer whose result has one
            if owned and asks_for_your_part(tip):
                continue  # "say exactly which part was yours" to an answer told as "I"
            if about_points_made(tip, question, keywords, question.tip_points(number)):
                continue  # "A small trial often wins a sceptic over" to an answer that made the "pilot" point
            if delivery.disguised and _ABOUT_A_DISGUISED_STRENGTH.search(tip):
                continue  # "Avoid the disguised boast" beside the tip that says it of this answer
            add(17 + number, f"From the question: {tip}", f"bank:{number}")

    return choose(candidates)


def about_points_made(tip: str, question: Question, keywords: KeywordReport, about: tuple[str, ...] = ()) -> bool:
    """Whether the tip is about rubric points, all of them made by the answer. The bank's author may say
    which (``about:``); else the judge reads the tip as it reads an answer, so a tip that says "a small
    trial" is about the point "pilot" ("trial" is one of its phrasings). A tip that names no point, or
    one the answer missed, is still worth giving."""
    if not question.keywords or not keywords.matched:
        return False
    named = frozenset(about) or _points_named(tip, question.keywords)
    return bool(named) and named <= {match.term for match in keywords.matched}


@lru_cache(maxsize=256)
def _points_named(tip: str, rubric: tuple[Keyword, ...]) -> frozenset[str]:
    """The rubric points a tip makes, read once per tip and rubric: the same question is answered again and
    again, and its tips do not change.

    A tip speaks to the person ("Name the things you dropped"), and the judge credits most points only to
    what the speaker did, so the tip is read in the speaker's words ("...the things I dropped"): read as
    written it named nothing, and was given to an answer that had just said what it parked (new-user run).
    """
    spoken = _TO_THE_SPEAKER.sub(lambda found: _SPEAKER_WORDS[found.group(0).lower()], tip)
    return frozenset(match.term for match in match_keywords(spoken, rubric, sentences=split_sentences(spoken)).matched)


_SPEAKER_WORDS = {"you": "I", "your": "my", "yours": "mine", "yourself": "myself", "you're": "I'm", "you've": "I've",
                  "you'd": "I'd", "you'll": "I'll"}
_TO_THE_SPEAKER = re.compile(r"\b(?:you(?:r|rs|rself|'re|'ve|'d|'ll)?)\b", re.IGNORECASE)


_ABOUT_A_DISGUISED_STRENGTH = re.compile(
    r"\b(?:disguised|boast|humblebrag|perfectionist|(?:real|genuine|honest) weakness)\b", re.IGNORECASE)
"""A bank's tip saying what the disguised-strength tip says, in its own words: "Avoid the disguised boast
("I'm a perfectionist")", "Name a real weakness..." (a real terminal run showed all three together)."""

_ASKS_FOR_A_FIGURE = re.compile(
    r"\b(?:a number|numbers|the number|a figure|figures|percentages?|quantify)\b", re.IGNORECASE)
_OF_THE_OUTCOME = re.compile(r"\b(?:effect|outcome|result|impact|saved|before[- ]and[- ]after)\b", re.IGNORECASE)


def asks_for_a_figure(tip: str, question: str = "") -> bool:
    """Whether a bank's tip asks for a figure of the outcome ("Put a number on the outcome"): an answer
    whose Result is measured already follows it, and being told again reads as not having been listened
    to. A tip asking for another number ("the number you promised", "success in numbers before you
    started") is not followed by a measured Result, and stays. "Put a number on it" asks for the
    outcome when the question is about one ("...saved your team time or money")."""
    if _ASKS_FOR_A_FIGURE.search(tip) is None:
        return False
    return _OF_THE_OUTCOME.search(tip) is not None or (
        _ON_IT.search(tip) is not None and _OF_THE_OUTCOME.search(question) is not None)


_ON_IT = re.compile(r"\b(?:number|figure|numbers|figures) on it\b", re.IGNORECASE)
_YOUR_PART = re.compile(
    r"\b(?:which (?:part|bit|steps?) (?:was|were) yours|separate your (?:own )?(?:part|contribution|work)|"
    r"your (?:own )?(?:part|contribution) from (?:the|your) team)\b"
    r"|\b(?:say|use) ['\"‘“]?i['\"’”]?,? (?:not|rather than|instead of) ['\"‘“]?we\b", re.IGNORECASE)


def asks_for_your_part(tip: str) -> bool:
    """Whether a bank's tip asks the answer to tell the speaker's own part apart from the team's ("Separate
    your contribution from the team's"): an answer whose ownership scored in full already does (found by a
    new-user run, on an answer with 'I' 4 and 'we' 0)."""
    return _YOUR_PART.search(tip) is not None


def choose(candidates: list[Tip]) -> list[Tip]:
    """The most urgent tips, one per topic, never two that contradict each other."""
    chosen: list[Tip] = []
    topics: set[str] = set()
    for tip in sorted(candidates, key=lambda item: item.priority):
        if tip.topic in topics or OPPOSITES.get(tip.topic) in topics or any(t.text == tip.text for t in chosen):
            continue
        chosen.append(tip)
        topics.add(tip.topic)
        if len(chosen) == MAX_TIPS:
            break
    return chosen
