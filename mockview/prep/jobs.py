"""Saved job postings: ``<data dir>/jobs/<id>.json``, the posting as typed with its requirements.

The requirements are extracted once, when the posting is added, and kept
with it, so a posting's questions and coverage do not change under the
person's feet when mockview's extraction improves; the text is kept exactly
as typed so it can always be read again. One file per posting, written
atomically: a failed ``job add`` leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from mockview.errors import MockviewError
from mockview.paths import ensure_data_dir, jobs_dir
from mockview.prep.requirements import Extraction, Requirement, extract

FORMAT = 1
ID_LENGTH = 48
PASTED = "the pasted posting"
"""Where a posting typed or pasted into the app came from, as messages and ``job list`` name it."""


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    company: str
    role: str
    added: str
    """When it was added, ISO 8601 (UTC)."""
    source: str
    """The file it came from, or "standard input"."""
    text: str
    requirements: tuple[Requirement, ...]
    values: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()

    @property
    def must(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.must)

    @property
    def nice(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if not r.must)

    @property
    def title(self) -> str:
        """"Backend Engineer at Acme", as far as the posting says."""
        if self.role and self.company:
            return f"{self.role} at {self.company}"
        return self.role or self.company or self.id

    @property
    def digest(self) -> str:
        return text_digest(self.text)

    def summary(self) -> dict[str, Any]:
        return {"id": self.id, "company": self.company, "role": self.role, "added": self.added,
                "source": self.source, "must_haves": len(self.must), "nice_to_haves": len(self.nice),
                "values": list(self.values)}

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, **self.summary(), "skills": list(self.skills),
                "requirements": [r.to_json() for r in self.requirements], "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Job:
        return cls(id=str(data["id"]), company=str(data.get("company", "")), role=str(data.get("role", "")),
                   added=str(data.get("added", "")), source=str(data.get("source", "")), text=str(data["text"]),
                   requirements=tuple(Requirement.from_json(r) for r in data.get("requirements", ())),
                   values=tuple(str(v) for v in data.get("values", ())),
                   skills=tuple(str(s) for s in data.get("skills", ())))


def text_digest(text: str) -> str:
    """The same posting pasted twice, whatever its line endings and spacing, has the same digest."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def make_id(company: str, role: str, taken: set[str]) -> str:
    """A short id to type: "acme-backend-engineer", made unique with "-2", "-3"..."""
    role = re.split(r"\s+[-–—|/]\s+|,", re.sub(r"\([^)]*\)", " ", role))[0]
    words = _id_words(company)[:3] + _id_words(role)[:4]
    while len(words) > 1 and len("-".join(words)) > ID_LENGTH:
        words.pop()
    base = "-".join(words)[:ID_LENGTH] or "posting"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _id_words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace("'", "")
    return re.findall(r"[a-z0-9]+", plain)


def new_job(text: str, source: str, *, company: str = "", role: str = "", now: datetime,
            taken: set[str] = frozenset()) -> Job:  # type: ignore[assignment]
    """A posting read and its requirements extracted; refused when nothing in it is recognisable."""
    found: Extraction = extract(text)
    if found.empty:
        raise MockviewError(
            f"{source}: found no requirements, skills or values in it; is it the job posting? "
            "(paste the part under headings such as 'Requirements' or 'About you')"
        )
    company = " ".join(company.split()) or found.company
    role = " ".join(role.split()) or found.role
    return Job(id=make_id(company, role, set(taken)), company=company, role=role,
               added=now.isoformat(timespec="seconds"), source=source, text=text,
               requirements=found.requirements, values=found.values, skills=found.skills)


def job_path(data_dir: Path, job_id: str) -> Path:
    return jobs_dir(data_dir) / f"{job_id}.json"


def read_job_file(path: Path) -> Job:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Job.from_json(data)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "not a saved posting"
        raise MockviewError(f"{path}: cannot read it ({reason}); delete the file or add the posting again") from None


def list_jobs(data_dir: Path) -> tuple[list[Job], list[str]]:
    """The saved postings, oldest first, and a line for each file that could not be read."""
    folder = jobs_dir(data_dir)
    if not folder.is_dir():
        return [], []
    jobs, problems = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            jobs.append(read_job_file(path))
        except MockviewError as error:
            problems.append(str(error))
    jobs.sort(key=lambda job: (job.added, job.id))
    return jobs, problems


def find_job(data_dir: Path, ref: str) -> Job:
    """The posting with this id, or the only one whose id starts with it."""
    ref = ref.strip()
    path = job_path(data_dir, ref)
    if re.fullmatch(r"[a-z0-9-]+", ref) and path.is_file():
        return read_job_file(path)
    jobs, _ = list_jobs(data_dir)
    matches = [job for job in jobs if job.id.startswith(ref.lower())] if ref else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise MockviewError(f"'{ref}' could be {', '.join(job.id for job in matches)}; give more of the id")
    known = ", ".join(job.id for job in jobs) or "none yet; add one with: mockview job add FILE"
    raise MockviewError(f"no saved posting '{ref}' (postings: {known})")


def pasted_text(text: str) -> str:
    """A posting pasted into the app, held to the rules a file is (size, binary, empty), or one clear line."""
    from mockview.prep.documents import decode_document

    return decode_document(text.encode("utf-8", "surrogatepass"), PASTED, "posting")


def _refuse_duplicate(data_dir: Path, text: str, source: str, *, besides: str = "") -> None:
    jobs, _ = list_jobs(data_dir)
    digest = text_digest(text)
    for existing in jobs:
        if existing.digest == digest and existing.id != besides:
            raise MockviewError(f"{source}: this posting is already saved as '{existing.id}' "
                                f"(see: mockview job show {existing.id})")


def add_job(data_dir: Path, text: str, source: str, *, company: str = "", role: str = "", now: datetime) -> Job:
    """Extract, check and save a posting; nothing is written unless all of it worked."""
    _refuse_duplicate(data_dir, text, source)
    folder = jobs_dir(data_dir)
    taken = {path.stem for path in folder.glob("*.json")} if folder.is_dir() else set()
    job = new_job(text, source, company=company, role=role, now=now, taken=taken)
    save_job(data_dir, job)
    return job


def update_job(data_dir: Path, job_id: str, text: str, *, company: str = "", role: str = "",
               now: datetime) -> Job:
    """Save an edited posting under its id, its requirements extracted afresh; nothing changes on a problem.

    The id and the day it was added stay, so commands and notes that name it
    keep working; the source says it was edited unless the text is the same.
    """
    old = find_job(data_dir, job_id)
    source = old.source if text_digest(text) == old.digest else PASTED
    _refuse_duplicate(data_dir, text, source, besides=old.id)
    fresh = new_job(text, source, company=company, role=role, now=now)
    job = replace(fresh, id=old.id, added=old.added)
    save_job(data_dir, job)
    return job


def save_job(data_dir: Path, job: Job) -> Path:
    from mockview.store.drafts import write_atomically

    ensure_data_dir(data_dir)
    path = job_path(data_dir, job.id)
    try:
        write_atomically(path, json.dumps(job.to_json(), indent=2, ensure_ascii=False) + "\n", shared=True)
    except OSError as error:
        raise MockviewError(f"cannot write {path}: {error.strerror or error}") from None
    return path


def delete_job(data_dir: Path, ref: str) -> Job:
    job = find_job(data_dir, ref)
    try:
        job_path(data_dir, job.id).unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise MockviewError(f"cannot delete {job_path(data_dir, job.id)}: {error.strerror or error}") from None
    return job
