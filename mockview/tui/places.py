"""The places the home screen leads to, written down once.

Each :class:`Place` is a key, a label, its help, how to open it and what
must be loaded first. From this one table the home screen builds its
bindings (footer entries) and its buttons, the app its single ``open``
action with the "Still loading the banks…" guard, and the command palette
its entries. A new destination is one entry here plus its screen file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Literal

from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from mockview.tui.messages import SessionStarted
from mockview.tui.services import Services

Opener = Callable[[Services], "Screen[Any] | Message"]
"""What opening a place gives: a screen to push, or a message for the app (a sitting to start).
An opener may raise :class:`~mockview.errors.MockviewError`: the app shows it as a notice."""

Section = Literal["practise", "after"]
"""Where home shows the place's button: under "Practise", or "After a real interview"."""


def screen(module: str, name: str) -> Opener:
    """Open ``mockview.tui.screens.<module>.<name>(services)``.

    The screen module is imported on first use, so starting the app does
    not load every screen.
    """

    def open_screen(services: Services) -> Screen[Any]:
        opened: Screen[Any] = getattr(import_module(f"mockview.tui.screens.{module}"), name)(services)
        return opened

    return open_screen


RETRY_WITHOUT_ASKING = 3
"""Up to this many re-drills due, home starts them all; more, and it asks how many first."""


def _retry(services: Services) -> Screen[Any] | Message:
    """All the due re-drills when there are a few; otherwise ask how many (``retry --count`` in the app)."""
    from mockview.store.redrill import due_items

    due = due_items(services.history, services.clock.now())
    if len(due) <= RETRY_WITHOUT_ASKING:
        return SessionStarted(services.start_retry())
    from mockview.tui.screens.retry_count import RetryCountScreen

    return RetryCountScreen(services, len(due), sum(item.leech for item in due))


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    key: str
    label: str
    """Short: the footer entry and the button (with its key)."""
    tooltip: str
    title: str
    """As the command palette lists it."""
    help: str
    """The palette's line under the title."""
    open: Opener
    needs_banks: bool = False
    """Only once the bank library has loaded."""
    section: Section = "practise"
    in_footer: bool = True
    primary: bool = False
    """The button home offers first."""

    @property
    def binding(self) -> Binding:
        return Binding(self.key, f"app.open({self.id!r})", self.label, id=f"home-{self.id}",
                       show=self.in_footer, tooltip=self.tooltip)


PLACES: tuple[Place, ...] = (
    Place("practice", "p", "Practice", "Choose banks and start",
          "Practice", "Choose banks and start answering questions",
          screen("setup", "SetupScreen"), needs_banks=True, primary=True),
    Place("interview", "i", "Interview", "A full mock interview, feedback at the end",
          "Mock interview (interview)", "A full interview with follow-ups; feedback at the end",
          screen("interview_setup", "InterviewSetupScreen"), needs_banks=True),
    Place("retry", "r", "Re-drill", "Answer the questions due for re-drill",
          "Re-drill (retry)", "Answer the questions due for re-drill",
          _retry, needs_banks=True),
    Place("history", "h", "History", "Your answers and scores over time",
          "History", "Your answers, scores over time, and their feedback",
          screen("history", "HistoryScreen")),
    Place("banks", "b", "Banks", "Question banks and their problems",
          "Banks", "The question banks, their problems, and editing them",
          screen("banks", "BanksScreen"), needs_banks=True),
    Place("debrief", "d", "Debrief", "Write down how a real interview went",
          "Debrief an interview", "Write down how a real interview went; fumbles join the re-drill queue",
          screen("debrief_form", "DebriefFormScreen"), section="after", in_footer=False),
    Place("debriefs", "l", "Debriefs", "Your debriefs of real interviews",
          "Debriefs (debrief list)", "Your real interviews, and the interviewer's feedback",
          screen("debriefs", "DebriefsScreen"), section="after", in_footer=False),
    Place("patterns", "t", "Patterns", "Fluke or pattern: what keeps happening",
          "Patterns", "Fluke or pattern: what keeps happening across interviews",
          screen("patterns", "PatternsScreen"), section="after", in_footer=False),
    Place("companies", "c", "Companies", "Company research profiles and prep sheets",
          "Company profiles (company)", "What you researched about each company; prep sheets",
          screen("companies", "CompaniesScreen"), section="after", in_footer=False),
    Place("stories", "s", "Stories", "Your STAR stories and what they cover",
          "Stories", "Your STAR stories and the competencies they cover",
          screen("stories", "StoriesScreen"), section="after", in_footer=False),
    Place("jobs", "j", "Jobs", "Job postings: what they ask for, and what your stories show",
          "Job postings", "Paste a posting; see its must-haves, the gaps in your stories, and practise them",
          screen("jobs", "JobsScreen"), section="after", in_footer=False),
)

_BY_ID = {place.id: place for place in PLACES}


def place(place_id: str) -> Place:
    """The place named ``place_id``; a KeyError names a place that is not in the table."""
    return _BY_ID[place_id]


def in_section(section: Section) -> tuple[Place, ...]:
    return tuple(p for p in PLACES if p.section == section)


@dataclass(frozen=True, slots=True)
class Command:
    """A palette entry that is not one of home's places: the other things the command line does."""

    id: str
    title: str
    """As the palette lists it, with the command's own name, so "stats" finds it."""
    help: str
    open: Opener
    needs_banks: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("prep", "Prep sheet (prep)", "A one-page prep sheet for a company you are interviewing with",
            screen("prep_picker", "PrepPickerScreen"), needs_banks=True),
    Command("stats", "Stats (stats)", "Your progress in figures: by category, by week, most improved",
            screen("stats", "StatsScreen")),
    Command("export", "Export history (export)", "Write your history as Markdown, JSON or CSV",
            screen("export", "ExportScreen")),
)

_COMMANDS_BY_ID = {command.id: command for command in COMMANDS}


def command(command_id: str) -> Command:
    """The palette command named ``command_id``; a KeyError names one that is not in the table."""
    return _COMMANDS_BY_ID[command_id]
