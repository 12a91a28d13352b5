"""A saved posting with your coverage of it, gathered and written out for ``mockview job show``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mockview.prep.job_coverage import RECENT_ANSWERS, Coverage, cover, gather_sources
from mockview.prep.jobs import Job, find_job
from mockview.text import plural

if TYPE_CHECKING:
    from mockview.store.repository import History

MARKS = {"gap": "GAP", "practised": "ANSWER ONLY", "covered": "COVERED", "credential": "ON YOUR CV"}


def coverage_for(data_dir: Path, ref: str, *, warn: Callable[[str], None] = lambda message: None,
                 history: History | None = None) -> tuple[Job, list[Coverage]]:
    """The posting and the coverage of its requirements by your stories, recent answers and its company's profile.

    The answers come from ``history`` when given (the app's worker passes its
    own connection); otherwise a history that does not exist yet is not
    created just to be read. A story bank or profile with problems is
    reported through ``warn`` and left out.
    """
    from mockview.errors import MockviewError
    from mockview.paths import history_db_path
    from mockview.prep.profiles import find_profile
    from mockview.prep.stories import read_stories

    job = find_job(data_dir, ref)
    stories, problems = read_stories(data_dir)
    for problem in problems:
        if problem.severity == "error":
            warn(f"{problem} (your stories are left out until it is fixed)")
            break
    attempts = []
    if history is not None:
        attempts = history.attempts(limit=RECENT_ANSWERS)
    elif history_db_path(data_dir).exists():
        from mockview.store import open_store

        history = open_store(data_dir, warn=warn)
        try:
            attempts = history.attempts(limit=RECENT_ANSWERS)
        finally:
            history.close()
    profile = None
    if job.company:
        try:
            profile = find_profile(data_dir, job.company)
        except MockviewError as error:
            warn(f"{error} (the profile is left out)")
    return job, cover(job.requirements, gather_sources(stories, attempts, profile))


def format_job(job: Job, coverage: list[Coverage]) -> str:
    """The posting's requirements, gaps first, each with its evidence or what is missing."""
    gaps = sum(1 for item in coverage if item.status == "gap")
    lines = [job.title,
             f"id {job.id} · added {job.added[:10]} · from {job.source}",
             f"{plural(len(job.must), 'must-have')}, {plural(len(job.nice), 'nice-to-have')}; "
             f"{plural(gaps, 'gap')} in your stories"
             + (f", {sum(1 for i in coverage if i.status == 'practised')} shown only in answers or research"
                if any(i.status == "practised" for i in coverage) else ""),
             ""]
    for heading, wanted in (("Must-haves", True), ("Nice to have", False)):
        items = [item for item in coverage if item.requirement.must == wanted]
        if not items:
            continue
        lines.append(f"{heading} (gaps first):")
        for item in items:
            requirement = item.requirement
            kind = " (duty)" if requirement.kind == "duty" else ""
            lines.append(f"  {MARKS[item.status]:<11}  {requirement.name}{kind}, line {requirement.line}")
            lines.append(f"               {item.message}")
        lines.append("")
    if job.values:
        lines += ["Values it names: " + ", ".join(job.values), ""]
    if job.skills:
        lines += ["Skills it names: " + ", ".join(job.skills), ""]
    lines.append(f"Practise its questions: mockview practice --job {job.id}")
    lines.append(f"Check your CV against it: mockview cv check CV.md --job {job.id}")
    return "\n".join(lines)
