"""Checking the answer to "Do you have any questions for us?".

Interviewers read this answer as a sign of interest and preparation. A good
one asks at least two real questions about the job (the role, the team, the
product, what success looks like) and does not lead with pay or perks. The
check counts the questions (a question mark, or a sentence that opens like a
question), sorts them by topic, and flags a salary-first opening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockview.analysis.sentences import Sentence

MIN_QUESTIONS = 2

TOPICS: dict[str, tuple[str, ...]] = {
    "role": ("role", "day to day", "day-to-day", "typical day", "responsibilit", "expect", "first project",
             "work on", "priorit", "challenge"),
    "team": ("team", "manager", "colleague", "work with", "report to", "who would", "collaborat", "peers"),
    "product": ("product", "customer", "users", "roadmap", "client", "service", "market", "competitor", "strategy"),
    "success": ("success", "succeed", "measure", "first 90", "first three months", "first six months", "goals",
                "look like in", "good look", "great look", "kpi", "metric", "evaluat"),
    "growth": ("learn", "growth", "grow", "career", "mentor", "feedback", "develop", "training", "progress"),
    "culture": ("culture", "values", "remote", "office", "how do you work", "decisions", "meetings"),
}
"""What real questions are about, and words that show it (matched in lowercase)."""

PERKS = ("salary", "salaries", "pay", "paid", "compensation", "bonus", "bonuses", "holiday", "holidays", "vacation",
         "vacations", "time off", "days off", "annual leave", "pto", "benefits package", "employee benefits",
         "pension", "perks", "a raise", "pay rise", "pay raise",
         "equity", "stock options", "overtime rate", "company car", "wage", "wages",
         "free parking", "parking space", "parking spaces", "staff parking", "parking permit", "gym membership",
         "free gym", "staff gym", "staff discount", "employee discount", "private healthcare", "private health",
         "health cover", "medical cover", "dental cover", "dental plan", "free lunch", "free lunches", "free food",
         "sick pay", "signing bonus")
"""Words of pay and perks, as whole words: "How many holidays do I get?" is about perks (a new-user run found
it counted as a real question about the job, since only "holiday" was listed). So is "Is there free parking?"
(another run found it counted as the one question about the work): perks in so many words, since "the
parking enforcement team" or "the dental ward" is the job (a review found both held back as perks)."""
_PERKS = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in PERKS) + r")\b")

_OPENERS = re.compile(
    r"^\W*(?:what|how|who|when|where|why|which|could|can|would|will|is|are|do|does|did|have|has|should|may)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ClosingReport:
    questions: tuple[str, ...]
    """The real questions asked, in order."""
    topics: tuple[str, ...]
    """The topics they cover, in order of first mention."""
    salary_first: bool
    """The first question is about pay or perks."""

    @property
    def about_the_job(self) -> tuple[str, ...]:
        """The questions about the work itself: one about pay or perks is for the offer stage, and "What
        salary can I expect in this role? Is there a bonus?" is no sign of interest in the job."""
        return tuple(question for question in self.questions if not about_perks(question))

    @property
    def perks_later(self) -> bool:
        """A question about pay or perks after one about the work: a smaller slip than leading with it, but
        "what's the holiday allowance and is there a bonus?" still belongs to the offer stage."""
        return not self.salary_first and any(about_perks(question) for question in self.questions)

    @property
    def enough(self) -> bool:
        """At least two questions, one of them about the job: a pay question beside one about the work is
        held back as salary-first, three about pay and nothing else are no answer."""
        return bool(self.about_the_job) and len(self.questions) >= MIN_QUESTIONS

    def to_dict(self) -> dict[str, object]:
        return {
            "questions": list(self.questions),
            "about_the_job": list(self.about_the_job),
            "topics": list(self.topics),
            "salary_first": self.salary_first,
            "perks_later": self.perks_later,
            "enough": self.enough,
        }


def is_question(text: str) -> bool:
    """A real question: asked (a "?", a question opener, or asked indirectly: "I'd like to know what the
    first six months look like") and more than a token."""
    words = re.findall(r"\w+", text)
    if len(words) < 4:
        return False
    return text.rstrip().endswith("?") or _OPENERS.match(text) is not None or _ASKED_INDIRECTLY.search(text) is not None


_ASKED_INDIRECTLY = re.compile(
    r"^\W*(?:(?:and|also|so|then)\W+)?(?:i(?:'d| would) (?:like|love) to (?:know|hear|understand|ask)"
    r"|i(?:'m| am) (?:also )?(?:curious|interested to (?:know|hear)|keen to (?:know|hear|understand))"
    r"|i (?:was )?wonder(?:ed|ing)?|i(?:'d| would) be interested to (?:know|hear)|tell me (?:about|how|what|more))\b",
    re.IGNORECASE,
)
"""A question put as a statement, as many people ask one at interview: a new-user run's "I'd like to know
what the first six months would look like for me. I'm also curious how the team decides what to build"
counted as no question at all, and was fumbled."""


def topics_of(text: str) -> list[str]:
    lowered = text.lower()
    return [topic for topic, cues in TOPICS.items() if any(cue in lowered for cue in cues)]


def about_perks(text: str) -> bool:
    return _PERKS.search(text.lower()) is not None


def analyse_closing(sentences: list[Sentence]) -> ClosingReport:
    questions = [s.text.strip() for s in sentences if is_question(s.text)]
    topics: dict[str, None] = {}
    for question in questions:
        for topic in topics_of(question):
            topics.setdefault(topic, None)
    return ClosingReport(
        questions=tuple(questions),
        topics=tuple(topics),
        salary_first=bool(questions) and about_perks(questions[0]),
    )
