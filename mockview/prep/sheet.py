"""A one-page prep sheet for an upcoming interview, in Markdown.

What you know about the company, the stories to tell for the questions you
are likely to get, what is still due for re-drill, the patterns to watch,
and the strategy notes you wrote after earlier interviews.

Everything on it that someone typed (a profile, a story, a debrief, a
question) goes through :func:`~mockview.text.markdown_line`, so it reads as
typed and never becomes a link, an image or markup; the command it
suggests quotes the company's name for the shell.
"""

from __future__ import annotations

import shlex
from datetime import datetime
from pathlib import Path

from mockview.banks.library import Library, load_library
from mockview.banks.model import Question
from mockview.paths import prep_sheets_dir
from mockview.prep.pattern_rows import Patterns
from mockview.prep.profiles import CHECKLIST, RESEARCH_BANK, Profile
from mockview.prep.stories import Story
from mockview.store.redrill import QueueItem, describe_due
from mockview.store.repository import History
from mockview.store.rows import DebriefRow
from mockview.text import markdown_code
from mockview.text import markdown_line as md
from mockview.text import slug

LIKELY_CATEGORIES = 5
"""How many behavioral categories to plan stories for."""


def _bullets(items: list[str] | tuple[str, ...], empty: str = "(nothing yet)") -> list[str]:
    return [f"- {md(item)}" for item in items] if items else [f"- {empty}"]


def prep_sheet(
    company: str,
    role: str,
    *,
    profile: Profile | None,
    library: Library,
    stories: list[Story],
    due: list[QueueItem],
    patterns: Patterns,
    debriefs: list[DebriefRow],
    now: datetime,
) -> str:
    name = profile.company if profile else company
    role = role or (profile.role if profile else "")
    lines = [f"# Prep sheet: {md(name)}" + (f", {md(role)}" if role else ""), "",
             f"Written {now.astimezone():%A %d %B %Y} by mockview.", ""]

    lines += ["## The company", ""]
    if profile is None:
        command = f"mockview company new {shlex.quote(company)}"
        lines += [f"No profile yet. Start one with: {markdown_code(command)}", ""]
    else:
        if profile.mission:
            lines += [f"**Mission:** {md(profile.mission)}", ""]
        for label, items in (("Products", profile.products), ("Values", profile.values),
                             ("Recent news", profile.news), ("Competitors", profile.competitors),
                             ("Culture", profile.culture)):
            if items:
                lines.append(f"- **{label}:** " + md("; ".join(items)))
        if profile.why_us:
            lines += ["", f"**Why {md(name)}:** {md(profile.why_us)}"]
        lines += ["", "**Questions to ask them:**"] + _bullets(profile.questions_to_ask, "prepare at least two")
        missing = profile.missing()
        if missing:
            lines += ["", "**Still to research:** " + "; ".join(CHECKLIST[field] for field in missing)]
        lines.append("")

    lines += ["## Likely questions and the stories to tell", ""]
    for text, where_asked in _fumbled_here(debriefs, name):
        asked = Question(bank="debrief", id="asked", text=text)
        lines.append(f"- \"{md(text)}\" (you fumbled it at {md(where_asked)}): {_stories_for(stories, asked)}")
    research = library.banks.get(RESEARCH_BANK)
    if research is not None:
        answer_from = "your research above" if profile is not None else "no research yet: start the profile first"
        for question in [q for q in research.questions if q.kind == "research"][:3]:
            lines.append(f"- \"{md(question.render_text(name, role or None))}\": {answer_from}")
    for category in _likely_categories(library, patterns):
        example = next((q for q in library.questions() if q.kind == "star" and q.category == category), None)
        for_example = f", e.g. \"{md(example.text)}\"" if example is not None else ""
        probe = example or Question(bank="sheet", id="category", text=category, category=category)
        lines.append(f"- **{md(category)}**{for_example}: {_stories_for(stories, probe)}")
    lines.append("")

    lines += ["## Still due for re-drill", ""]
    lines += _bullets([f"{item.question.get('text', item.question_id)} (due {describe_due(item.due, now)}"
                       + (f"; {item.note}" if item.note else "") + ")" for item in due[:8]], "nothing due")
    lines.append("")

    lines += ["## Patterns to watch", ""] + _bullets(patterns.summary, "none found yet") + [""]

    lines += ["## From your last interviews", ""]
    notes = []
    latest_first = sorted(debriefs, key=lambda d: d.day, reverse=True)
    ordered = sorted(latest_first, key=lambda d: slug(d.company) != slug(name))  # this company's first
    for debrief in ordered[:5]:
        data = debrief.data
        for item in data.get("next_time") or []:
            notes.append(f"{item} ({debrief.company}, {debrief.day})")
        if data.get("strategy"):
            notes.append(f"{data['strategy']} ({debrief.company}, {debrief.day})")
        for feedback in debrief.feedback:
            about = f" (about {', '.join(feedback.focus)})" if feedback.focus else ""
            notes.append(f"Interviewer at {debrief.company}: \"{feedback.text}\"{about}")
    lines += _bullets(notes, "no debriefs yet")
    return "\n".join(lines).rstrip() + "\n"


def _stories_for(stories: list[Story], question: Question) -> str:
    fitting = [f"*{md(story.title)}*" for story in stories if story.matches(question)]
    return "tell " + " or ".join(fitting) if fitting else "no story yet: write one before the interview"


def _fumbled_here(debriefs: list[DebriefRow], company: str) -> list[tuple[str, str]]:
    """Questions fumbled in earlier interviews at this company: they may well come again."""
    found = []
    for debrief in debriefs:
        if slug(debrief.company) == slug(company):
            found += [(q["text"], f"{debrief.company}, {debrief.day}") for q in debrief.data.get("questions") or []
                      if q.get("fumbled")]
    return found


def _likely_categories(library: Library, patterns: Patterns) -> list[str]:
    """The categories fumbled in real interviews first, then in practice, then the ones most asked about."""
    ordered = list(dict.fromkeys(f.category for f in patterns.real_fumbles if f.category))
    ordered += [c.category for c in patterns.fumbled_categories if c.category not in ordered]
    counts: dict[str, int] = {}
    for question in library.questions():
        if question.kind == "star" and question.category:
            counts[question.category] = counts.get(question.category, 0) + 1
    for category, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if category not in ordered:
            ordered.append(category)
    return ordered[:LIKELY_CATEGORIES]


def build_prep_sheet(history: History, data_dir: Path, company: str, role: str = "", *,
                     library: Library | None = None) -> str:
    """Gather everything the sheet needs (profile, stories, queue, patterns, debriefs) and write it."""
    from mockview.prep.patterns import find_patterns
    from mockview.prep.profiles import find_profile
    from mockview.prep.stories import read_stories
    from mockview.store.redrill import queue

    library = library if library is not None else load_library(data_dir)
    profile = find_profile(data_dir, company)
    stories, _ = read_stories(data_dir)
    now = history.clock.now()
    due, upcoming = queue(history, now)
    return prep_sheet(company, role, profile=profile, library=library, stories=stories, due=due + upcoming,
                      patterns=find_patterns(history, library), debriefs=history.debriefs(), now=now)


def sheet_path(data_dir: Path, company: str, now: datetime) -> Path:
    """Where the app saves a prep sheet: ``<data dir>/prep/<company>-<date>.md``."""
    return prep_sheets_dir(data_dir) / f"{slug(company) or 'company'}-{now.astimezone():%Y-%m-%d}.md"
