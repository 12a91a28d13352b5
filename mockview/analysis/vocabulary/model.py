"""What a concept of the vocabulary is, and how its phrasings are written.

A :class:`Concept` is one point an interview rubric asks for ("deferred",
"took responsibility", "root cause"), with the *names* a bank author might
write for it and the *phrasings* a candidate might say instead. Both are
matched word by word through :func:`mockview.analysis.words.key`, so
inflections and US/UK spellings never need listing.

Phrasing syntax, one phrase per string:

* plain words match any form of the word, next to each other:
  ``push back`` finds "pushing back" and "pushed back", not "pushed it
  back" (write ``push ... back`` for that);
* ``...`` is a gap of up to three words inside the same clause, ``...8`` one of up to eight (at most
  12), for a phrasing whose two ends may sit far apart ("found ...12 because");
* ``a|b`` is either word at that position (``told|asked {person}``); a
  choice is always of one word, so ``on a call|the phone`` is "on a"
  then "call" or "the" then "phone": write two phrasings for two phrases;
* ``{slot}`` is any phrase of a slot class (see :data:`SLOTS`);
* a phrasing never matches across punctuation or a filler, and never when
  a negation ("didn't", "never", "no") comes just before it, unless the
  phrasing itself holds the negation (``didn't give up``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    """Lowercase words joined by '-', unique across the vocabulary; banks may name it with ``concept:``."""
    gloss: str
    """What the point is, in one line, for authors and for the feedback."""
    names: tuple[str, ...]
    """Terms a bank author writes for this point; a rubric term equal to one (in any inflection) means it."""
    phrasings: tuple[str, ...]
    """How candidates make the point in their own words."""
    structural: str = ""
    """For points read off the answer's shape rather than its words: "result" or "measurable" (the Result),
    or "mine" (an Action told as "I"; failing that, the point's words still count)."""
    happens: bool = False
    """A point about what happened or what others did, not the speaker's deed (a failure, the company's news,
    the decision-maker changing course): said of anyone, it is made. "The release went wrong" makes "what went
    wrong" though no "I" did it (missed by a new-user run, and the answer fumbled for it)."""


SLOTS: dict[str, tuple[str, ...]] = {
    "person": (
        "him", "her", "them", "someone", "everyone", "everybody", "people", "the team", "my team", "the client",
        "the customer", "the patient", "my manager", "my boss", "my lead", "my supervisor", "the manager",
        "my colleague", "a colleague", "my coworker", "the stakeholders", "the engineer", "the developer",
        "the user", "the users", "the family", "the doctor", "the director", "my teammate", "my teammates",
        "the others", "the group", "my peer", "my peers", "the owner", "the lead", "the vendor", "the supplier",
        "the requester", "the student", "the students", "the parents", "the customers", "the clients",
    ),
    "time": (
        "day", "week", "month", "quarter", "sprint", "release", "year", "monday", "tuesday", "wednesday",
        "thursday", "friday", "weekend", "tomorrow", "later", "next week", "next month", "next sprint",
        "next quarter", "the following week", "the next release", "phase two", "the backlog", "the new year",
    ),
    "number": (),  # any word with a digit in it, or a number word: the matcher decides
}
"""Classes of words and phrases a phrasing can leave open with ``{slot}``."""

PERSON_NOUNS = frozenset(
    """
    manager supervisor boss lead leader director head chief colleague coworker co-worker teammate team customer
    client patient user guest passenger resident family parent mum dad student pupil teacher nurse doctor consultant
    engineer developer designer analyst officer office desk department staff crew driver owner vendor supplier
    contractor partner stakeholder sponsor executive founder ceo cto cfo vp editor reviewer auditor controller
    accountant pharmacist prescriber surgeon matron sister tutor lecturer professor coach mentor trainee apprentice
    intern volunteer member people person caller tenant landlord buyer seller agent rep representative admin
    administrator coordinator planner dispatcher foreman chef waiter receptionist technician mechanic electrician
    plumber builder architect lawyer solicitor paralegal sergeant inspector group committee board council
    everyone everybody someone somebody others peer peers friend neighbour neighbor worker employee employer
    specialist expert investor journalist researcher scientist principal headteacher
    """.split()
)
"""Nouns for people (any inflection: they are compared by key), by which the ``{person}`` slot also finds "the transport manager" or "our night nurse"."""
PERSON_DETERMINERS = frozenset("the my our a an his her their your that this each every one".split())
"""Words that may open a person's description before the role noun."""

NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    hundred thousand million half double twice dozen dozens hundreds thousands millions percent""".split()
)
