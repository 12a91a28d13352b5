"""Practising for a saved posting from the app: one requirement's question, or the role's questions.

The command line gets the same questions through ``--job`` (which writes
the posting's bank and adds it to ``--bank``); the app's job screen starts
them here instead, without touching the library every other screen uses.
A requirement's question is read back through the bank checker, so its
rubric is exactly the one ``mockview job questions`` writes.
"""

from __future__ import annotations

from pathlib import Path

from mockview.banks.library import Library
from mockview.banks.model import BankSource, Question
from mockview.banks.validate import bank_from_bytes
from mockview.clock import Clock
from mockview.errors import MockviewError
from mockview.practice.driver import SessionDriver, start_practice
from mockview.practice.engine import PracticeSession
from mockview.practice.plans import planned
from mockview.practice.selection import Filters
from mockview.prep.job_questions import bank_text, question_for, role_questions, write_job_bank
from mockview.prep.jobs import Job
from mockview.prep.profiles import find_profile
from mockview.prep.requirements import Requirement
from mockview.store.repository import History
from mockview.store.words import SessionMode

ROLE_PRACTICE_COUNT = 5
"""Questions in one sitting of "practise the role": the ones not answered for longest first."""


def requirement_question(job: Job, requirement: Requirement) -> Question | None:
    """The question that practises ``requirement``, or ``None`` when no story can show it (a degree, a licence)."""
    asked = question_for(job, requirement)
    if asked is None:
        return None
    bank, problems = bank_from_bytes(bank_text(job, questions=[asked]).encode("utf-8"), f"{job.id} (role question)")
    if bank is None:  # the bank is written to pass validation: this is a bug, said plainly
        raise MockviewError(f"cannot write a question for '{requirement.name}': {problems[0].message}")
    return bank.questions[0]


def _filters(job: Job, banks: tuple[str, ...], count: int, time_limit: float | None) -> Filters:
    return Filters(banks=banks, count=count, order="bank", time_limit=time_limit, company=job.company or None,
                   role=job.role or None)


def start_requirement_practice(history: History, job: Job, question: Question, clock: Clock, data_dir: Path,
                               time_limit: float | None = None) -> SessionDriver:
    """A one-question practice on ``question`` (from :func:`requirement_question`), filled for the job's company."""
    filters = _filters(job, (question.bank,), 1, time_limit)
    profile = find_profile(data_dir, filters.company)
    session = PracticeSession(history=history, plan=[planned(question, filters, profile)], mode=SessionMode.PRACTICE,
                              filters=filters, banks=(question.bank,), clock=clock)
    return SessionDriver(session, data_dir)


def start_role_practice(history: History, job: Job, clock: Clock, data_dir: Path,
                        time_limit: float | None = None) -> SessionDriver:
    """The role's questions, those not answered for longest first, as ``practice --job`` asks them."""
    path = write_job_bank(data_dir, job)
    library = Library()
    library.add_file(path, BankSource.PATH)
    if library.errors:
        raise MockviewError(str(library.errors[0]))
    count = min(ROLE_PRACTICE_COUNT, len(role_questions(job)))
    return start_practice(library, history, _filters(job, (str(path),), count, time_limit), clock, data_dir)
