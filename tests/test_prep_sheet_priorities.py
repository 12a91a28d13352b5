"""What the prep sheet puts first: the re-drills that matter, the right advice per kind of question,
and a warning on a story that is itself weak."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mockview.banks.library import load_library
from mockview.practice.plans import build_practice
from mockview.practice.selection import Filters
from mockview.prep.debrief.model import AskedQuestion, Debrief
from mockview.prep.debrief.storage import save_debrief
from mockview.prep.sheet import build_prep_sheet
from tests.conftest import FakeClock

SKIPPED = ("star/more-work-than-time", "star/pushed-back-on-request", "star/quick-fix-or-proper-fix",
           "star/changed-senior-mind", "star/won-over-a-sceptic", "star/help-from-another-team",
           "star/negotiated-resources", "star/asked-to-cut-corners", "star/reported-unflattering-results",
           "star/colleague-crossing-a-line")
STORIES = """\
stories:
  - title: The launch that slipped
    competencies: [failure]
    action: I set up a daily check with the client and I moved the launch by a week.
"""


def skip(history, library, clock: FakeClock, question_ids: tuple[str, ...]) -> None:
    session = build_practice(library, history, Filters(questions=question_ids), clock)
    for _ in question_ids:
        session.begin_question()
        session.submit("")
    session.finish()


def section(sheet: str, heading: str) -> list[str]:
    return sheet.split(f"## {heading}\n")[1].split("\n## ")[0].strip().splitlines()


def test_leeches_and_real_fumbles_come_first_and_nothing_is_cut_silently(history, clock: FakeClock,
                                                                        mockview_home: Path) -> None:
    library = load_library(mockview_home)
    skip(history, library, clock, SKIPPED)  # ten practice skips, all due before the real fumbles
    clock.advance(3600)
    for company, day in (("Acme", 10), ("Globex", 20)):
        save_debrief(history, Debrief(company=company, date=dt.date(2026, 2, day),
                                      questions=(AskedQuestion("Tell me about a time you failed.", True),)), library)
    for _ in range(2):  # and fumbled twice more in practice: a leech
        skip(history, library, clock, ("classics/time-you-failed",))
    assert history.schedule_entry("classics/time-you-failed").fumbles == 4

    due = section(build_prep_sheet(history, mockview_home, "Acme", library=library), "Still due for re-drill")
    assert due[0].startswith("- Tell me about a time you failed. (due ")
    assert "a leech: fumbled 4 times, rewrite the story" in due[0]
    assert len(due) == 9  # eight listed, then the count of the rest
    assert due[-1] == "- and 3 more (see: mockview retry --list)"


def test_company_and_closing_questions_are_not_told_to_write_a_story(history, clock: FakeClock,
                                                                     mockview_home: Path) -> None:
    library = load_library(mockview_home)
    (mockview_home / "stories.yaml").write_text(STORIES)
    questions = ("What do you know about our products?", "Do you have any questions for us?",
                 "Tell me about a time you failed.")
    save_debrief(history, Debrief(company="Acme", date=dt.date(2026, 2, 10),
                                  questions=tuple(AskedQuestion(text, True) for text in questions)), library)
    likely = section(build_prep_sheet(history, mockview_home, "Acme", library=library),
                     "Likely questions and the stories to tell")
    products, closing, failed = likely[:3]
    assert products == ('- "What do you know about our products?" (you fumbled it at Acme, 2026-02-10): '
                        "no research yet: start the profile first")
    assert closing == ('- "Do you have any questions for us?" (you fumbled it at Acme, 2026-02-10): '
                       "ask two of your questions to ask them")
    assert failed.startswith('- "Tell me about a time you failed." (you fumbled it at Acme, 2026-02-10): '
                             "tell *The launch that slipped* (weak: no ")
    assert not any("company-knowledge" in line or "**closing**" in line for line in likely)
