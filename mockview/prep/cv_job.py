"""A CV against a saved posting: the must-haves it never mentions.

Only must-haves that name a skill, tool or credential from the vocabulary
are checked: those are what a recruiter (or their software) scans for, and
the vocabulary knows their other names, so a CV saying "Postgres" or "BSc"
is not told it lacks PostgreSQL or a degree. The matching is the rubric
matcher's, as for answers.
"""

from __future__ import annotations

from mockview.analysis.keywords import match_keywords
from mockview.analysis.sentences import split_sentences
from mockview.prep.cv_check import CvProblem
from mockview.prep.job_coverage import requirement_points
from mockview.prep.jobs import Job


def missing_must_haves(text: str, job: Job) -> list[CvProblem]:
    """One problem per must-have the CV never mentions, at the top of the CV (there is no line to point at)."""
    checked = [r for r in job.must if r.skills]
    points = tuple({k.term: k for r in checked for k in requirement_points(r)}.values())
    if not points:
        return []
    report = match_keywords(text, points, sentences=split_sentences(text))
    said = {match.term for match in report.matched}
    problems, seen = [], set()
    for requirement in checked:
        terms = [point.term for point in requirement_points(requirement)]
        if requirement.any_of:
            absent = [] if any(term in said for term in terms) else [requirement.name]
        else:
            absent = [term for term in terms if term not in said]
        for name in absent:
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            problems.append(CvProblem(
                1, 1, "missing-must-have",
                f"the posting asks for {name} (line {requirement.line} of {job.id}) and the CV never mentions it; "
                "if you have it, say where you used it",
            ))
    return problems
