"""What the app's screens are given: the data directory, the clock, the history, the banks.

Every screen takes a :class:`Services` in its constructor (as Braindrop
hands screens their dependencies) instead of reaching into the app for
untyped attributes. It is also the one way a screen writes to the history
outside a sitting (debriefs, their outcomes and feedback); answers,
ratings and the end of a sitting go through the
:class:`~mockview.practice.driver.SessionDriver`. With the writes in two
known places, moving them to a worker is a change to those two, not a hunt.

Nothing here imports Textual; the app builds one ``Services`` once the
history is open.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mockview.banks.library import Library, load_library, split_bank_args
from mockview.banks.model import Question
from mockview.clock import Clock
from mockview.practice.driver import (
    SessionDriver,
    start_from_draft,
    start_interview,
    start_practice,
    start_retry,
)
from mockview.practice.interview import InterviewOptions
from mockview.practice.selection import Filters
from mockview.store import History, reading
from mockview.store.drafts import Draft
from mockview.store.redrill import ScheduleChange

if TYPE_CHECKING:
    # Postings and debriefs are imported where they are used: the app starts without them.
    from mockview.prep.debrief.model import Debrief
    from mockview.prep.debrief.storage import Deleted
    from mockview.prep.jobs import Job


@dataclass
class BankShelf:
    """The bank library: ``None`` until the first load has finished, then the latest one read.

    Loading runs in a worker thread (:meth:`load` is pure and thread-safe);
    only the app's thread sets :attr:`library`, and tells the screens.
    """

    data_dir: Path
    bank_args: tuple[str, ...] = ()
    """``--bank`` values from the command line: the paths among them are read too."""
    library: Library | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def load(self) -> Library:
        """Read every bank again (new files included); call it from a worker thread."""
        _, paths = split_bank_args(list(self.bank_args))
        with self._lock:  # two reloads at once would only do the work twice
            return load_library(self.data_dir, paths)

    @property
    def loaded(self) -> Library:
        """The library, for a screen that is only opened once it has loaded."""
        if self.library is None:
            raise RuntimeError("the banks are still loading")
        return self.library


@dataclass(frozen=True)
class Services:
    """The app's long-lived things, handed to every screen."""

    data_dir: Path
    clock: Clock
    history: History
    """The app thread's connection; a worker thread uses :meth:`reading` instead."""
    banks: BankShelf
    filters: Filters = field(default_factory=Filters)
    """The command line's practice options (its ``--time-limit`` applies to re-drills from home too)."""
    cursor_blink: bool = True

    def reading(self) -> AbstractContextManager[History]:
        """A connection of its own for a worker thread, closed when the block ends."""
        return reading(self.data_dir, clock=self.clock)

    # --- starting a sitting -----------------------------------------------------

    def start_practice(self, filters: Filters) -> SessionDriver:
        return start_practice(self.banks.loaded, self.history, filters, self.clock, self.data_dir)

    def start_retry(self, count: int = 0) -> SessionDriver:
        """The due re-drills (at most ``count``, 0 for all), timed as the command line said."""
        filters = Filters(count=count, time_limit=self.filters.time_limit)
        return start_retry(self.banks.loaded, self.history, filters, self.clock, self.data_dir)

    def start_interview(self, options: InterviewOptions) -> SessionDriver:
        return start_interview(self.banks.loaded, self.history, options, self.clock, self.data_dir)

    def start_from_draft(self, draft: Draft) -> SessionDriver:
        return start_from_draft(self.history, draft, self.clock, self.data_dir)

    def start_requirement_practice(self, job: Job, question: Question) -> SessionDriver:
        """One question on one of a posting's requirements (see :mod:`mockview.practice.job_practice`)."""
        from mockview.practice.job_practice import start_requirement_practice

        return start_requirement_practice(self.history, job, question, self.clock, self.data_dir,
                                          self.filters.time_limit)

    def start_role_practice(self, job: Job) -> SessionDriver:
        """A posting's role questions, the least recently answered first."""
        from mockview.practice.job_practice import start_role_practice

        return start_role_practice(self.history, job, self.clock, self.data_dir, self.filters.time_limit)

    # --- writes outside a sitting ---------------------------------------------------

    def save_debrief(self, debrief: Debrief) -> tuple[int, list[ScheduleChange]]:
        """Store a debrief; its fumbled questions join the re-drill queue."""
        from mockview.prep.debrief.storage import save_debrief

        return save_debrief(self.history, debrief, self.banks.library)

    def delete_debrief(self, debrief_id: int) -> Deleted | None:
        """Delete a debrief (and re-drills only it queued); ``None`` if there was none."""
        from mockview.prep.debrief.storage import delete_debrief

        return delete_debrief(self.history, debrief_id)

    def set_debrief_outcome(self, debrief_id: int, outcome: str) -> None:
        self.history.set_debrief_outcome(debrief_id, outcome)

    def add_feedback(self, debrief_id: int, text: str, focus: list[str]) -> None:
        self.history.add_feedback(debrief_id, text, focus)

    def dismiss_follow_up(self, debrief_id: int) -> bool:
        """No more reminders to ask for feedback on this interview; False if the debrief is gone."""
        return self.history.dismiss_follow_up(debrief_id)

