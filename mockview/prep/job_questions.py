"""Role questions for a saved posting, written as a commented question bank.

A must-have becomes a STAR question whose rubric is the requirement itself
("This role involves stakeholder management. Tell me about a time you
had to keep several stakeholders with different goals on side."); a
nice-to-have an open question about it; the posting's values one story;
and "Why this job?" is checked against the posting's own points. Things no
story can show (a degree, weekend availability, a licence) are left out.

The bank is YAML written by hand, not dumped, so that it can carry
comments saying where each question came from; every value is written as a
JSON string, which YAML reads as the same text whatever it holds.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mockview.banks.model import Keyword
from mockview.prep.jobs import Job
from mockview.prep.requirements import Requirement, asks_only_credentials
from mockview.prep.skills import Skill, skill

MAX_MUST = 8
MAX_NICE = 2
NOT_A_STORY = re.compile(
    r"\b(?:availab\w*|weekends?|saturdays?|sundays?|nights?|shifts?|right to work|visa|eligib\w*|relocat\w*|"
    r"commut\w*|based in|hours|full[- ]time|part[- ]time|lift\w*|driving|licen[cs]e|degree|portfolio|"
    r"registration|registered|certificat\w*|qualification|salary|clearance|dbs)\b",
    re.IGNORECASE,
)
"""Requirements a story cannot show: checks, papers and availability."""


@dataclass(frozen=True, slots=True)
class RoleQuestion:
    id: str
    text: str
    kind: str
    category: str
    tags: tuple[str, ...]
    keywords: tuple[Keyword, ...]
    tips: tuple[str, ...]
    follow_ups: tuple[str, ...]
    origin: str
    """Where it came from, for the comment above it."""
    requirement: Requirement | None = None
    """The requirement it was written from (none for the values and "Why this job?")."""


def bank_id(job: Job) -> str:
    return f"job-{job.id}"


def role_questions(job: Job) -> list[RoleQuestion]:
    """The questions for a posting, must-haves first."""
    taken: set[str] = set()
    questions: list[RoleQuestion] = []
    musts = [r for r in job.must if r.kind == "requirement"] + [r for r in job.must if r.kind == "duty"]
    for requirement in [r for r in musts if _story_worthy(r)][:MAX_MUST]:
        questions.append(_must_question(job, requirement, taken))
    for requirement in [r for r in job.nice if _story_worthy(r)][:MAX_NICE]:
        questions.append(_nice_question(job, requirement, taken))
    if job.values:
        questions.append(_values_question(job, taken))
    questions.append(_why_question(job, taken))
    return questions


def question_for(job: Job, requirement: Requirement) -> RoleQuestion | None:
    """The role question written from ``requirement``, or ``None`` for what a story cannot show (a degree, a
    licence, weekend availability: the CV shows those).

    The bank holds questions for the first few must-haves and nice-to-haves
    only; a later one gets its question written here, with an id no bank
    question has, so practising it is stored like any other answer.
    """
    questions = role_questions(job)
    found = next((question for question in questions if question.requirement == requirement), None)
    if found is not None or not _story_worthy(requirement):
        return found
    taken = {question.id for question in questions}
    return _must_question(job, requirement, taken) if requirement.must else _nice_question(job, requirement, taken)


_EXPERIENCE = re.compile(r"\b(?:\d+\+?\s*(?:years?|yrs)|experience)\b", re.IGNORECASE)
""""2+ years of experience in a data or analytics role": a span of work, asked about in the posting's own
words; "This role asks for data or analytics role" read as no sentence (found by a new-user run). A gist
that is an activity reads well as it is: "This role asks for building backend services in production"."""


def _story_worthy(requirement: Requirement) -> bool:
    if asks_only_credentials(requirement):
        return False
    return bool(requirement.skills) or not NOT_A_STORY.search(requirement.text)


def _must_question(job: Job, requirement: Requirement, taken: set[str]) -> RoleQuestion:
    first = skill(requirement.skills[0]) if requirement.skills else None
    if requirement.kind == "duty":
        duty = _as_clause(requirement.text)
        text = f"One of the duties of this role is to {duty}. Tell me about a time you did something like it, " \
               "and what came of it."
    elif first is not None:
        text = f"This role {_asks(first)} {requirement.name}. Tell me about a time you {_ask(first, requirement)}."
    elif _EXPERIENCE.search(requirement.text) and not requirement.name.split(" ", 1)[0].endswith("ing"):
        asked = _short(requirement.text).rstrip(".")
        text = f"This role asks for \"{asked[0].lower() + asked[1:]}\". Tell me about a piece of work from that " \
               "experience, and what came of it."
    else:
        text = f"This role asks for {requirement.name}. Tell me about a time you showed it, and what came of it."
    return RoleQuestion(
        id=_unique(requirement.name, taken), text=text, kind="star", category=_category(requirement),
        tags=("job", "must-have"), keywords=_rubric(requirement),
        tips=(f"The posting says: \"{_short(requirement.text)}\". Use its words once, early.",
              "Spend most of the answer on what you did yourself, and end with what changed, in numbers if you can."),
        follow_ups=("What would you do differently in this role?",),
        origin=f"the {'duty' if requirement.kind == 'duty' else 'must-have'} on line {requirement.line} of the posting: {_short(requirement.text)}",
        requirement=requirement,
    )


def _nice_question(job: Job, requirement: Requirement, taken: set[str]) -> RoleQuestion:
    return RoleQuestion(
        id=_unique(f"nice {requirement.name}", taken),
        text=f"The posting would like {requirement.name}. What have you done with it, and how would you get up "
             "to speed in the first months?",
        kind="open", category=_category(requirement), tags=("job", "nice-to-have"),
        keywords=tuple(k if not k.required else Keyword(k.term, k.synonyms, k.weight, False, k.source)
                       for k in _rubric(requirement)) + (Keyword("learn", ("course", "practise", "practice", "taught myself")),),
        tips=("Be honest about how much you have done; a concrete plan to learn beats a vague claim.",),
        follow_ups=("What would you learn first?",),
        origin=f"the nice-to-have on line {requirement.line} of the posting: {_short(requirement.text)}",
        requirement=requirement,
    )


def _values_question(job: Job, taken: set[str]) -> RoleQuestion:
    values = list(job.values[:2])
    who = job.company or "The company"
    said = values[0] if len(values) == 1 else f"{values[0]} and {values[1]}"
    keywords = tuple(_value_keyword(value, required=index == 0) for index, value in enumerate(values))
    return RoleQuestion(
        id=_unique("values", taken),
        text=f"{who} says it values {said}. Tell me about a time you showed {values[0]} at work.",
        kind="star", category="culture-fit", tags=("job", "values"), keywords=keywords,
        tips=("Pick a moment where the value cost you something: time, comfort or an easy option.",),
        follow_ups=("How would that look in your first month here?",),
        origin="the values the posting names: " + ", ".join(job.values),
    )


def _why_question(job: Job, taken: set[str]) -> RoleQuestion:
    if job.role and job.company:
        text = f"Why do you want the {job.role} job at {job.company}?"
    elif job.role:
        text = f"Why do you want this {job.role} job?"
    else:
        text = f"Why do you want this job at {job.company}?" if job.company else "Why do you want this job?"
    points: dict[str, Keyword] = {}
    ordered = [r for r in job.must if r.kind == "requirement"] + [r for r in job.must if r.kind == "duty"]
    for requirement in ordered:
        for keyword in _rubric(requirement):
            if requirement.skills and len(points) < 4:
                points.setdefault(keyword.term.lower(), Keyword(keyword.term, keyword.synonyms))
    for value in job.values[:2]:
        points.setdefault(value.lower(), _value_keyword(value, required=False))
    if not points:
        for requirement in ordered[:3]:
            points.setdefault(requirement.name.lower(), Keyword(requirement.name))
    named = ", ".join(k.term for k in points.values())
    return RoleQuestion(
        id=_unique("why-this-role", taken), text=text, kind="open", category="motivation",
        tags=("job", "motivation"), keywords=tuple(points.values()),
        tips=(f"Tie your reasons to what this posting asks for: {named}." if named
              else "Tie your reasons to what this posting asks for.",
              "Say what you would bring, not only what you would get."),
        follow_ups=("What would make you turn this job down?",),
        origin="the posting's own points: " + (named or "its requirements"),
    )


def _rubric(requirement: Requirement) -> tuple[Keyword, ...]:
    """The requirement as rubric points: a lone point (or a choice of them) is required; several share the weight."""
    skills = [skill(name) or Skill(name, "tool") for name in requirement.skills]
    if not skills:
        return (Keyword(requirement.name),)
    if requirement.any_of or len(skills) == 1:
        forms = [form for s in skills for form in s.keyword().forms]
        return (Keyword(requirement.name if requirement.any_of else skills[0].name,
                        tuple(dict.fromkeys(f for f in forms if f != skills[0].name or requirement.any_of)),
                        required=True),)
    return tuple(s.keyword() for s in skills)


def _value_keyword(value: str, *, required: bool) -> Keyword:
    known = skill(value)
    keyword = known.keyword(required=required) if known is not None else Keyword(value, required=required)
    return Keyword(keyword.term, keyword.synonyms, keyword.weight, keyword.required)


def _asks(first: Skill) -> str:
    return "involves" if first.kind in ("language", "tool", "method", "domain") else "asks for"


def _ask(first: Skill, requirement: Requirement) -> str:
    if first.ask and len(requirement.skills) == 1:
        return first.ask
    if first.kind in ("language", "tool", "method"):
        return f"used {requirement.name} to solve a real problem, and what came of it"
    return f"showed {requirement.name} at work, and what came of it"


def _category(requirement: Requirement) -> str:
    for name in requirement.skills:
        known = skill(name)
        if known is not None and known.competency:
            return known.competency
    return "role-fit"


def _as_clause(text: str) -> str:
    clause = " ".join(text.split()).rstrip(" .;:!")
    return clause[:1].lower() + clause[1:] if clause[:2] != clause[:2].upper() else clause


def _unique(name: str, taken: set[str]) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    base = "-".join(re.findall(r"[a-z0-9]+", plain)[:6]) or "requirement"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _q(value: str) -> str:
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def bank_text(job: Job, file_name: str = "", questions: list[RoleQuestion] | None = None) -> str:
    """The bank as YAML, commented, valid as written (``mockview banks validate`` passes it).

    ``questions`` are the posting's role questions unless given (the app
    practises one at a time).
    """
    where = file_name or "FILE"
    lines = [
        f"# Role questions for {_comment(job.title)}, written by mockview from the posting",
        f"# saved as '{job.id}' (see it with: mockview job show {job.id}).",
        "#",
        "# Each must-have is a STAR question whose rubric is the requirement itself: leave",
        "# it out and the answer is fumbled. \"Why this job?\" is checked against the posting's",
        "# own points. Edit anything; keep the ids, they link questions to your history.",
        "#",
        f"# Check it:     mockview banks validate {where}",
        f"# Practise it:  mockview practice --job {job.id}    (or --bank {where})",
        "",
        f"bank: {bank_id(job)}",
        f"title: {_q('Role questions: ' + job.title)}",
        f"description: {_q('Questions for the posting ' + job.id + ', from its requirements.')}",
        "defaults:",
        "  kind: star",
        "  time_limit: 150",
        "  words: [120, 350]",
        "questions:",
    ]
    for question in role_questions(job) if questions is None else questions:
        lines.append(f"  # From {_comment(question.origin)}")
        lines.append(f"  - id: {question.id}")
        lines.append(f"    text: {_q(question.text)}")
        if question.kind != "star":
            lines.append(f"    kind: {question.kind}")
            lines.append("    time_limit: 120")
            lines.append("    words: [60, 250]")
        lines.append(f"    category: {_q(question.category)}")
        lines.append("    tags: [" + ", ".join(_q(tag) for tag in question.tags) + "]")
        if question.keywords:
            lines.append("    keywords:")
            for keyword in question.keywords:
                lines.append(f"      - term: {_q(keyword.term)}")
                if keyword.synonyms:
                    lines.append("        synonyms: [" + ", ".join(_q(s) for s in keyword.synonyms) + "]")
                if keyword.required:
                    lines.append("        required: true")
        lines.append("    tips:")
        lines += [f"      - {_q(tip)}" for tip in question.tips]
        lines.append("    follow_ups:")
        lines += [f"      - {_q(follow_up)}" for follow_up in question.follow_ups]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def job_bank_path(data_dir: Path, job: Job) -> Path:
    """Where ``--job`` keeps the posting's bank: beside the posting, never among the banks every practice loads."""
    from mockview.paths import jobs_dir

    return jobs_dir(data_dir) / f"{job.id}.bank.yaml"


def write_job_bank(data_dir: Path, job: Job) -> Path:
    """Write the posting's bank for ``practice --job``/``interview --job`` and return its path."""
    from mockview.errors import MockviewError
    from mockview.store.drafts import write_atomically

    path = job_bank_path(data_dir, job)
    try:
        write_atomically(path, bank_text(job, path.name), shared=True)
    except OSError as error:
        raise MockviewError(f"cannot write {path}: {error.strerror or error}") from None
    return path
