"""The feedback follow-up: a week after a rejection (or no answer at all), ask for feedback.

Coaches give the same advice after a bad interview: about a week later,
write to the recruiter or the interviewer and ask what would have made the
difference. People forget, or do not know what to write. So a debrief whose
outcome is *rejected* or still *pending* gets a reminder that falls due
seven days after the interview (on that day, not before), and a short
request drafted from the debrief itself: the role, the date, and one
specific thing to ask about (a question the person fumbled, else what they
starred as going wrong), because a specific question gets a specific answer.
While the decision is pending it asks about the next steps instead: pointing
at the worst answer before the decision argues against oneself.

The reminder clears itself once feedback is attached to the debrief, when
the outcome changes to an offer or a withdrawal, or when the person
dismisses it. Everything here is pure: the caller passes today's date.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mockview.store.rows import DebriefRow
from mockview.store.words import Outcome

FOLLOW_UP_AFTER = _dt.timedelta(days=7)
ASKS_FOR_FEEDBACK = (Outcome.REJECTED, Outcome.PENDING)
"""The outcomes a feedback request makes sense for: no news is a reason to write too."""

WAITING = "waiting"
"""Not due yet: the interview was less than a week ago."""
DUE = "due"
DISMISSED = "dismissed"
ANSWERED = "answered"
"""Feedback is attached to the debrief: nothing left to ask."""


@dataclass(frozen=True, slots=True)
class FollowUp:
    """Where the feedback request of one debriefed interview stands."""

    debrief_id: int
    company: str
    role: str
    interview_day: _dt.date
    due: _dt.date
    outcome: Outcome
    state: str
    """:data:`WAITING`, :data:`DUE`, :data:`DISMISSED` or :data:`ANSWERED`."""
    ask_about: str
    """The one specific thing the request asks about, in a few words."""

    @property
    def is_due(self) -> bool:
        return self.state == DUE

    def headline(self) -> str:
        """"Acme Corp, Backend engineer (interview Fri 20 Nov 2026, rejected)"."""
        role = f", {self.role}" if self.role else ""
        return f"{self.company}{role} (interview {self.interview_day:%a} {self.interview_day.day} " \
               f"{self.interview_day:%b %Y}, {self.outcome})"

    def to_json(self) -> dict[str, Any]:
        return {"due": self.due.isoformat(), "state": self.state, "ask_about": self.ask_about}


@dataclass(frozen=True, slots=True)
class Request:
    """The message to copy: a subject line and a body."""

    subject: str
    body: str

    @property
    def text(self) -> str:
        return f"Subject: {self.subject}\n\n{self.body}"


def interview_day(row: DebriefRow) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(row.day)
    except ValueError:
        return None


def follow_up(row: DebriefRow, today: _dt.date) -> FollowUp | None:
    """The follow-up of a debrief, or ``None`` when there is none to make (an offer, a withdrawal)."""
    day = interview_day(row)
    if row.outcome not in ASKS_FOR_FEEDBACK or day is None:
        return None
    due = day + FOLLOW_UP_AFTER
    if row.feedback:
        state = ANSWERED
    elif row.follow_up_dismissed is not None:
        state = DISMISSED
    elif today >= due:
        state = DUE
    else:
        state = WAITING
    return FollowUp(row.id, row.company, row.role, day, due, row.outcome, state, _topic(row)[0])


def due_follow_ups(rows: Iterable[DebriefRow], today: _dt.date) -> list[FollowUp]:
    """The follow-ups due today, the one waiting longest first."""
    due = [each for each in (follow_up(row, today) for row in rows) if each is not None and each.is_due]
    return sorted(due, key=lambda each: (each.due, each.debrief_id))


def request_message(row: DebriefRow) -> Request:
    """A short, polite request for feedback drafted from the debrief, to adjust and send."""
    day = interview_day(row)
    when = f"{day:%A} {day.day} {day:%B}" if day else row.day
    short_when = f"{day.day} {day:%B}" if day else row.day
    role = row.role.strip()
    interview = _interview_name(str(row.data.get("stage") or ""))
    for_role = f" for the {role} role at {row.company}" if role else f" at {row.company}"
    if row.outcome == Outcome.PENDING:
        subject = f"Following up on my {role + ' ' if role else ''}interview on {short_when}"
        opening = (f"Thank you again for your time at {interview} on {when}{for_role}. I wanted to follow "
                   "up on the next steps, as I have not heard back yet.")
        middle = ("I remain keen on the role and would welcome any update on the timeline. Whatever the decision, "
                  "I would be grateful for any feedback on how I did.")
    else:
        _, ask = _topic(row)
        subject = f"Feedback on my {role + ' ' if role else ''}interview on {short_when}"
        opening = (f"Thank you again for your time at {interview} on {when}{for_role}, and for letting "
                   "me know your decision.")
        middle = f"I am working on my interviewing, and any feedback you could share would help me a great deal. {ask}"
    body = "\n\n".join([
        _greeting(row.data.get("interviewers") or []),
        opening,
        middle,
        "A few lines by email, or ten minutes on a call, would be more than enough.",
        "Best regards,",
    ])
    return Request(subject, body + "\n")


def _topic(row: DebriefRow) -> tuple[str, str]:
    """The one thing to ask about: (a few words for lists, the sentence for the message).

    A question fumbled is the most specific thing an interviewer can comment
    on; then what the person starred as going wrong, then anything that went
    wrong; failing those, what held the application back. While the decision
    is pending, the next steps: the sentence is then empty.
    """
    data = row.data
    if row.outcome == Outcome.PENDING:
        # Before the decision, pointing the interviewer at the answer that went worst argues against oneself:
        # ask about the next steps, and for feedback whatever the decision (found by a new-user run).
        return "the next steps", ""
    fumbled = [str(q.get("text", "")).strip() for q in data.get("questions") or [] if q.get("fumbled")]
    fumbled = [text for text in fumbled if text]
    if fumbled:
        asked = fumbled[0].rstrip(". ")
        return (f"your answer to \"{asked}\"",
                f"In particular, I would value your view on my answer to \"{asked}\": what would have made it "
                "stronger?")
    wrong = [_item(entry) for entry in data.get("went_wrong") or []]
    starred = [text for text, star in wrong if star and text] or [text for text, _ in wrong if text]
    if starred:
        noted = starred[0].rstrip(". ")
        return (f"\"{noted}\"",
                f"In particular, one thing I noted myself was \"{_lower_first(noted)}\": did it stand out to you, "
                "and what else would have made the difference?")
    interview = _interview_name(str(data.get("stage") or ""))
    return ("what held the application back",
            f"In particular, what held my application back at {interview}, and what would have made the "
            "difference?")


def _item(entry: Any) -> tuple[str, bool]:
    if isinstance(entry, dict):
        return str(entry.get("text", "")).strip(), bool(entry.get("starred"))
    return str(entry).strip(), False


_TITLES = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame"})
"""Titles a person is greeted by, with their surname: "Hi Dr Okafor", never "Hi Dr"."""


def _greeting(interviewers: list[Any]) -> str:
    """ "Hi Sam and Priya," from "Sam Okafor (hiring manager)" and "Priya Nair": an email after an
    interview greets people as they introduced themselves, by first name, or by title and surname."""
    names = [_addressed(re.sub(r"\s*\([^)]*\)", "", str(name))) for name in interviewers]
    names = [name for name in names if name][:3]
    if not names:
        return "Hello,"
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Hi {joined},"


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "msc", "bsc", "ma", "ba", "rn", "cpa",
                       "esq", "obe", "mbe", "cbe", "frcs", "dphil"})
"""Letters after a name, never the part of it a person is greeted by."""
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "le", "la", "bin",
                        "al", "el", "ten", "ter", "dos", "das"})
"""Words that belong to the surname after them: "Ms van der Berg"."""


def _addressed(name: str) -> str:
    """The name a greeting uses: the first name, or title and surname ("" when there is no name).

    What follows a comma or a dash is a role ("Sam Okafor, CTO", "Dr Ada Okafor - CTO"),
    and letters after a name are not part of it ("PhD", "Jr.").
    """
    person = re.split(r",|\s[-–—]\s", name, maxsplit=1)[0]
    words = [word for word in person.split() if word.strip(".").lower() not in _SUFFIXES]
    if not words:
        return ""
    if words[0].rstrip(".").lower() not in _TITLES:
        return words[0]
    surname = words[1:]
    if not surname:
        return ""  # a title alone names nobody
    start = len(surname) - 1
    while start > 0 and surname[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join([words[0], *surname[start:]])


def _interview_name(stage: str) -> str:
    """"the onsite interview", "the final interview", or "the interview"."""
    stage = " ".join(stage.split()).rstrip(".")
    if not stage:
        return "the interview"
    return f"the {stage}" if re.search(r"\binterview", stage, re.I) else f"the {stage} interview"


def _lower_first(text: str) -> str:
    """"Froze on ..." reads as "froze on ..." inside a sentence; "API design" keeps its capitals."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:] == first[1:].lower() else text
