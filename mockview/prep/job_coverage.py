"""Which of a posting's requirements your stories, practice answers and company profile show.

Each requirement becomes rubric points (its skills with every way of
saying them, or its gist when it names no skill) and every source text is
checked against them with the rubric matcher, the same one that marks an
answer, so "I managed the client and two directors" can show stakeholder
management. A requirement is *covered* when your stories show it (they are
what you will tell), *practised* when only an answer or your profile does,
and a *gap* otherwise; gaps come first, because they are what to prepare. A
requirement that only asks for credentials (a driving licence, a nursing
registration) is *credential*: no story shows one, your CV does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mockview.analysis.keywords import match_keywords
from mockview.analysis.sentences import split_sentences
from mockview.banks.model import Keyword
from mockview.prep.requirements import Requirement, asks_only_credentials
from mockview.prep.skills import skill

if TYPE_CHECKING:
    from mockview.prep.profiles import Profile
    from mockview.prep.stories import Story
    from mockview.store.repository import AttemptRow

RECENT_ANSWERS = 200
"""How many of the latest practice answers count as evidence."""
STATUS_ORDER = {"gap": 0, "practised": 1, "covered": 2, "credential": 3}


@dataclass(frozen=True, slots=True)
class SourceText:
    """One text that may show requirements: a story, an answer, a profile."""

    kind: str
    """"story", "answer" or "profile"."""
    title: str
    text: str
    when: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str
    title: str
    point: str
    """The requirement's point it shows ("Kubernetes")."""
    found: str
    """The words that showed it, as written."""
    sentence: str
    when: str = ""

    def where(self) -> str:
        """"story "The ledger migration"", "your answer to "..." (2026-03-02)", "your Acme profile"."""
        where = {"story": f"story \"{self.title}\"", "answer": f"your answer to \"{_short(self.title, 60)}\"",
                 "profile": self.title}[self.kind]
        return f"{where} ({self.when})" if self.when else where

    def describe(self) -> str:
        return f"{self.where()}: \"{_short(self.sentence)}\""

    def to_json(self) -> dict[str, Any]:
        return {"source": self.kind, "title": self.title, "point": self.point, "found": self.found,
                "sentence": self.sentence, "when": self.when}


@dataclass(frozen=True, slots=True)
class Coverage:
    index: int
    """The requirement's place in the posting's list."""
    requirement: Requirement
    status: str
    message: str
    evidence: tuple[Evidence, ...] = ()
    missing: tuple[str, ...] = ()
    """Points no story shows."""

    def to_json(self) -> dict[str, Any]:
        return {"requirement": self.index, "name": self.requirement.name, "must": self.requirement.must,
                "kind": self.requirement.kind, "status": self.status, "message": self.message,
                "missing": list(self.missing), "evidence": [e.to_json() for e in self.evidence]}


def requirement_points(requirement: Requirement) -> tuple[Keyword, ...]:
    """The rubric points that show a requirement: its skills, else its gist."""
    if not requirement.skills:
        return (Keyword(term=requirement.name, source="the posting"),)
    points = []
    for name in requirement.skills:
        known = skill(name)
        points.append(known.keyword() if known is not None else Keyword(term=name, source="the posting"))
    return tuple(points)


def shown_points(source: SourceText, points: tuple[Keyword, ...]) -> dict[str, Evidence]:
    """The points ``source`` makes, each with the sentence that makes it."""
    sentences = split_sentences(source.text)
    report = match_keywords(source.text, points, sentences=sentences)
    shown: dict[str, Evidence] = {}
    for match in report.matched:
        if match.term in shown:
            continue
        sentence = sentences[match.sentence].text if match.sentence is not None and match.sentence < len(sentences) \
            else match.found
        shown[match.term] = Evidence(source.kind, source.title, match.term, match.found, sentence.strip(), source.when)
    return shown


def cover(requirements: tuple[Requirement, ...], sources: list[SourceText]) -> list[Coverage]:
    """Coverage of every requirement, gaps first (must-haves before nice-to-haves), then in posting order."""
    points_of = [requirement_points(r) for r in requirements]
    every_point = tuple({k.term: k for points in points_of for k in points}.values())
    shown_by = [shown_points(source, every_point) for source in sources] if every_point else []
    result = []
    for index, (requirement, points) in enumerate(zip(requirements, points_of)):
        terms = [point.term for point in points]
        evidence: list[Evidence] = []
        by_stories: set[str] = set()
        anywhere: set[str] = set()
        for source, shown in zip(sources, shown_by):
            made = [term for term in terms if term in shown]
            if not made:
                continue
            anywhere.update(made)
            if source.kind == "story":
                by_stories.update(made)
            evidence.append(shown[made[0]])
        enough = (lambda got: bool(got)) if requirement.any_of else (lambda got: set(terms) <= got)
        missing = () if enough(by_stories) else (
            (requirement.name,) if requirement.any_of else tuple(t for t in terms if t not in by_stories))
        status = "covered" if enough(by_stories) else "practised" if enough(anywhere) else "gap"
        if status != "covered" and asks_only_credentials(requirement):
            status, missing = "credential", ()
        ordered = sorted(evidence, key=lambda e: {"story": 0, "answer": 1, "profile": 2}[e.kind])
        result.append(Coverage(index, requirement, status, _message(requirement, status, missing, ordered),
                               tuple(ordered), missing))
    result.sort(key=lambda c: (STATUS_ORDER[c.status], not c.requirement.must, c.requirement.kind == "duty", c.index))
    return result


def _message(requirement: Requirement, status: str, missing: tuple[str, ...], evidence: list[Evidence]) -> str:
    if status == "covered":
        return f"Shown by {evidence[0].describe()}"
    if status == "credential":
        return "A credential, not a story: make sure your CV says it (mockview cv check FILE --job ID checks)"
    values = all(known is not None and known.kind == "value" for known in map(skill, missing))
    # Values are told in the posting's words ("honesty"), not the vocabulary's ("integrity").
    wanted = _joined(missing) if requirement.skills and not values else f"\"{requirement.name}\""
    message = f"No story shows {wanted} yet"
    others = [e for e in evidence if e.kind != "story"]
    if status == "practised" and others:
        message += f"; {others[0].describe()}"
    elif status == "gap" and evidence:
        message += f" ({evidence[0].point}: {evidence[0].where()})"
    return message


def _joined(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def gather_sources(stories: Iterable[Story], attempts: Iterable[AttemptRow], profile: Profile | None
                   ) -> list[SourceText]:
    """The texts that may show requirements: stories with something told, answered attempts, the profile."""
    sources = [SourceText("story", story.title, story.text) for story in stories if not story.empty]
    for attempt in attempts:
        if attempt.skipped or not attempt.answer.strip():
            continue
        sources.append(SourceText("answer", str(attempt.question.get("text", attempt.question_id)), attempt.answer,
                                  attempt.submitted_at.date().isoformat()))
    if profile is not None:
        lines = [profile.mission, profile.why_us, *profile.values, *profile.culture, *profile.products,
                 *profile.news]
        text = "\n".join(f"{line.rstrip('.')}." for line in lines if line.strip())
        if text:
            sources.append(SourceText("profile", f"your {profile.company} profile", text))
    return sources
