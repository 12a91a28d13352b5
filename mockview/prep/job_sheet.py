"""The job's part of the prep sheet: its must-haves with your coverage, and the role questions not practised yet.

The sheet is for the night before: what this job asks for that none of
your stories shows yet comes first, then the questions written from the
posting that you have never answered. The posting is the one given with
``--job``, or else the newest one saved for the company.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mockview.prep.job_coverage import RECENT_ANSWERS, Coverage, cover, gather_sources
from mockview.prep.job_questions import RoleQuestion, bank_id, role_questions
from mockview.prep.jobs import Job, list_jobs
from mockview.prep.profiles import Profile
from mockview.prep.stories import Story
from mockview.store.repository import History
from mockview.text import plural, slug

MARKS = {"gap": "Gap", "practised": "Only in answers or research", "covered": "Covered",
         "credential": "A credential: on your CV"}


@dataclass(frozen=True, slots=True)
class JobPrep:
    job: Job
    coverage: tuple[Coverage, ...]
    """The must-haves only, gaps first."""
    unpractised: tuple[RoleQuestion, ...]
    others: tuple[str, ...] = ()
    """Other postings saved for the same company, by id."""


def linked_jobs(data_dir: Path, company: str) -> list[Job]:
    """The postings saved for ``company`` (however it is spelled), newest first."""
    wanted = slug(company)
    if not wanted:
        return []
    jobs, _ = list_jobs(data_dir)
    return sorted((job for job in jobs if slug(job.company) == wanted), key=lambda job: (job.added, job.id),
                  reverse=True)


def job_prep(history: History, job: Job, stories: list[Story], profile: Profile | None,
             others: tuple[str, ...] = ()) -> JobPrep:
    """The must-haves' coverage by your stories, recent answers and profile, and the questions never answered."""
    sources = gather_sources(stories, history.attempts(limit=RECENT_ANSWERS), profile)
    coverage = tuple(item for item in cover(job.requirements, sources) if item.requirement.must)
    unpractised = tuple(question for question in role_questions(job)
                        if not history.answered(f"{bank_id(job)}/{question.id}"))
    return JobPrep(job, coverage, unpractised, others)


def job_lines(prep: JobPrep) -> list[str]:
    """The sheet's section on the job, in Markdown."""
    job = prep.job
    gaps = sum(1 for item in prep.coverage if item.status == "gap")
    lines = [f"## The job: {job.title}", "",
             f"From the posting `{job.id}` (added {job.added[:10]}): {plural(len(prep.coverage), 'must-have')}, "
             f"{plural(gaps, 'gap')} in your stories.", "",
             "**Must-haves, gaps first:**"]
    for item in prep.coverage:
        lines.append(f"- **{MARKS[item.status]}:** {item.requirement.name}: {item.message}")
    if not prep.coverage:
        lines.append("- (the posting names no must-haves)")
    lines += ["", f"**Role questions not practised yet** (`mockview practice --job {job.id}`):"]
    lines += [f"- \"{question.text}\"" for question in prep.unpractised] or [
        "- none: you have answered every one at least once"]
    if prep.others:
        lines += ["", "Other postings saved for this company: "
                  + ", ".join(f"`{other}`" for other in prep.others) + " (choose one with `--job ID`)."]
    lines.append("")
    return lines
