"""At most five concrete tips, the most important first.

Each tip names what is wrong in this answer and what to do about it, with
the answer's own figures ("'we' 6 times and 'I' once", "at 42 words").
Candidates carry a priority; the five most urgent are kept. The question's
own tips from its bank are used only to fill remaining room on answers that
are not strong, since they were written for exactly this question.
"""

from __future__ import annotations

from mockview.analysis.closing import ClosingReport
from mockview.analysis.delivery import LONGEST_SPOKEN, SHORTEST_SPOKEN, DeliveryReport
from mockview.analysis.keywords import KeywordReport
from mockview.analysis.scoring import Verdict
from mockview.analysis.star import ACTION_SHARE_TARGET, CONTEXT_SHARE_LIMIT, StarReport
from mockview.banks.model import Question
from mockview.text import plural, times

MAX_TIPS = 5


def _counted(counts: dict[str, int], limit: int = 3) -> str:
    return ", ".join(f"'{word}' {times(n)}" for word, n in list(counts.items())[:limit])


def _first_attempt(question: Question, star: StarReport | None, closing: ClosingReport | None) -> str:
    """How to start an answer that was skipped, in the shape this kind of question wants."""
    if star is not None:
        return "say one sentence each for the situation, your task, what you did and how it ended."
    if closing is not None:
        return "ask two questions you want answered, about the team, the work or how success is measured."
    if question.kind == "research":
        return "say one thing the company does, one thing you found out about it, and why it matters to you."
    return "say your main point in one sentence, then give one example that backs it up."


def build_tips(
    question: Question,
    star: StarReport | None,
    keywords: KeywordReport,
    delivery: DeliveryReport,
    verdict: Verdict,
    closing: ClosingReport | None = None,
) -> list[str]:
    candidates: list[tuple[int, str]] = []

    def add(priority: int, text: str) -> None:
        candidates.append((priority, text))

    low, high = delivery.target

    if delivery.words == 0:
        add(0, "You didn't answer. Even a rough answer teaches you more than a skip: " + _first_attempt(question, star, closing))
    elif delivery.length == "far too short":
        add(1, f"At {plural(delivery.words, 'word')} this is a headline, not an answer; aim for {low}-{high}. "
               "Give a sentence of context, then walk through what you did step by step, then the outcome.")

    if star is not None and delivery.words:
        parts = star.parts
        if not parts["action"].present:
            add(2, "Your answer never says what you did. Spend about half of it on your own steps: "
                   "'I set up...', 'I called...', 'I decided...'.")
        if not parts["result"].present:
            add(3, "Your answer never says what happened in the end: add a Result with a number, "
                   "e.g. time saved, money, or how many customers it affected.")
    for term in keywords.missing_required:
        keyword = next(k for k in keywords.missing if k.term == term)
        also = f" (or: {', '.join(keyword.synonyms[:2])})" if keyword.synonyms else ""
        add(4, f"The question is really asking about '{term}'{also}, and your answer never gets to it. "
               "Make that point in so many words.")
    if star is not None and delivery.words and delivery.length != "far too short":
        parts = star.parts
        if not parts["situation"].present:
            add(6, "Open with one or two sentences of context: where you were, when, and what was at stake.")
        if not parts["task"].present:
            add(7, "Say what you were responsible for or trying to achieve ('My job was to...', "
                   "'I needed to...') before you describe the actions.")
        if star.action_mostly_we:
            add(5, f"Your Action says 'we' {times(star.action_we)} and 'I' {times(star.action_i)}. "
                   "They are hiring you, not your team: say which steps were yours.")
        if parts["result"].present and not star.measurable_result:
            add(8, "Your Result has no number. Add one measurable outcome: a percentage, hours saved, "
                   "money, or how many people it reached.")
        context = parts["situation"].share + parts["task"].share
        if context > CONTEXT_SHARE_LIMIT + 0.05 and parts["action"].present:
            add(9, f"Context takes {context:.0%} of your answer. Cut the Situation and Task to two or three "
                   "sentences and get to what you did sooner.")
        elif parts["action"].present and parts["action"].share < ACTION_SHARE_TARGET - 0.1:
            add(10, f"Your Action is only {parts['action'].share:.0%} of the answer; make it about half. "
                    "Say what you did first, next and last, and why.")

    if closing is not None and delivery.words:
        if not closing.enough:
            add(2, "Ask at least two real questions about the job: what the first months look like, how the "
                   "team works, how success is measured here. 'No, you covered everything' reads as no interest.")
        if closing.salary_first:
            add(3, "Lead with a question about the work; leave pay and perks for the recruiter or the offer stage.")
        if closing.enough and len(closing.topics) < 2:
            add(6, "Spread your questions: one about the role or its challenges, one about the team or what "
                   "success looks like.")

    if delivery.length == "long" or delivery.speaking_seconds > LONGEST_SPOKEN:
        minutes = delivery.speaking_seconds / 60
        add(11, f"At {delivery.words} words this takes about {minutes:.1f} minutes to say; interviewers start to drift "
                f"after three. Aim for {low}-{high} words: trim the background first.")
    elif delivery.length == "short" and closing is None:
        add(12, f"At {delivery.words} words this is on the short side (target {low}-{high}). "
                "Add detail where it counts: what exactly you did, in what order, and what changed.")
    elif delivery.words and closing is None and delivery.speaking_seconds < SHORTEST_SPOKEN:
        add(12, f"Said aloud this takes about {delivery.speaking_seconds:.0f} seconds; under {SHORTEST_SPOKEN} "
                "sounds like a brush-off in a real interview. Give one concrete example of what you mean.")

    if keywords.has_rubric and keywords.coverage < 0.6:
        names = [k.term for k in keywords.missing if not k.required][:3]
        if names:
            add(13, f"Points a strong answer makes that yours doesn't: {', '.join(names)}. "
                    "Work in the ones that are true for your story.")
    if question.kind == "research" and delivery.words and delivery.numbers == 0 and keywords.coverage < 0.8:
        add(13, "Name specifics you found in your research: a product, a recent announcement, a figure, "
                "a value they publish. Specifics show you did the work.")
    if delivery.filler_count >= 3:
        add(14, f"Fillers ({_counted(delivery.fillers)}) make you sound unsure. "
                "Cut them; a short pause sounds more confident than 'um'.")
    if delivery.hedge_count >= 3:
        add(15, f"Hedges ({_counted(delivery.hedges)}) undersell what you did. State it plainly.")
    if delivery.overtime > 0:
        add(16, f"You went {delivery.overtime:.0f} s over the {delivery.time_limit:.0f} s limit. "
                "Practise a version that lands the Result inside the time.")
    if delivery.top_words and delivery.top_words[0][1] >= 6 and delivery.words:
        word, count = delivery.top_words[0]
        add(18, f"You lean on '{word}' ({count} times). Vary it or make the sentences more specific.")

    if verdict.verdict != "strong":
        for number, tip in enumerate(question.tips):
            add(17 + number, f"From the question: {tip}")

    candidates.sort(key=lambda item: item[0])
    tips: list[str] = []
    for _, text in candidates:
        if text not in tips:
            tips.append(text)
        if len(tips) == MAX_TIPS:
            break
    return tips
