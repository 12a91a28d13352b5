"""Editing a saved posting (the app's form): same id, requirements found again, nothing changed on a problem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mockview.errors import MockviewError
from mockview.prep.jobs import PASTED, add_job, find_job, job_path, pasted_text, update_job

JOBS = Path(__file__).parent / "data" / "jobs"
ADDED = dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone.utc)
LATER = ADDED + dt.timedelta(days=3)


def posting(name: str) -> str:
    return (JOBS / name).read_text(encoding="utf-8")


def test_an_edit_keeps_the_id_and_the_day_added_and_extracts_again(mockview_home: Path) -> None:
    job = add_job(mockview_home, posting("retail-assistant.txt"), "retail.txt", now=ADDED)
    edited = posting("retail-assistant.txt") + "\nEssential\n- A full driving licence\n"
    saved = update_job(mockview_home, job.id, edited, company="Larkspur", role="", now=LATER)
    assert (saved.id, saved.added, saved.company, saved.source) == (job.id, job.added, "Larkspur", PASTED)
    assert saved.role == job.role  # left empty: the posting's title again
    assert len(saved.requirements) == len(job.requirements) + 1
    assert find_job(mockview_home, job.id) == saved

    same = update_job(mockview_home, job.id, edited, company="Larkspur", now=LATER)
    assert same.source == PASTED  # the text did not change this time: its source stays


def test_an_edit_that_breaks_the_posting_changes_nothing(mockview_home: Path) -> None:
    job = add_job(mockview_home, posting("retail-assistant.txt"), "retail.txt", now=ADDED)
    before = job_path(mockview_home, job.id).read_bytes()
    with pytest.raises(MockviewError, match="^the pasted posting: found no requirements"):
        update_job(mockview_home, job.id, posting("not-a-posting.txt"), now=LATER)
    other = add_job(mockview_home, posting("staff-nurse.txt"), "nurse.txt", now=ADDED)
    with pytest.raises(MockviewError, match=f"^the pasted posting: this posting is already saved as '{other.id}'"):
        update_job(mockview_home, job.id, posting("staff-nurse.txt"), now=LATER)
    assert job_path(mockview_home, job.id).read_bytes() == before


@pytest.mark.parametrize(("text", "message"), [
    ("   \n\n", "the pasted posting is empty: there is no posting in it"),
    ("Requirements\x00- Python", "the pasted posting is a binary file, not text; save it as plain text first"),
    ("%PDF-1.7 ...", "the pasted posting is a PDF, not text"),
    ("x" * (1024 * 1024 + 1), "the pasted posting is over 1 MiB; a posting is a few pages of text"),
])
def test_a_bad_paste_is_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(MockviewError) as error:
        pasted_text(text)
    assert str(error.value).startswith(message)


def test_a_paste_is_kept_as_typed() -> None:
    text = "Requirements\r\n• Python\r\n"
    assert pasted_text(text) == text
