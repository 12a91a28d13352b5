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
from mockview.banks.model import Question, guess_asked_kind
from mockview.paths import prep_sheets_dir
from mockview.prep.job_sheet import JobPrep, job_lines
from mockview.prep.pattern_rows import Patterns
from mockview.prep.profiles import CHECKLIST, RESEARCH_BANK, Profile
from mockview.prep.matching import closest_question
from mockview.prep.stories import STORY_PARTS, Story
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
    job: JobPrep | None = None,
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

    if job is not None:
        lines += job_lines(job)

    lines += ["## Likely questions and the stories to tell", ""]
    answer_from = "your research above" if profile is not None else "no research yet: start the profile first"
    weak = _weak_stories(stories)
    for text, where_asked in _fumbled_here(debriefs, name):
        asked = _as_asked(text, library, name, role)
        if asked.kind == "closing":
            how = "ask two of your questions to ask them"
        elif asked.kind == "research":
            how = answer_from
        else:
            how = _stories_for(stories, asked, weak)
        lines.append(f"- \"{md(text)}\" (you fumbled it at {md(where_asked)}): {how}")
    research = library.banks.get(RESEARCH_BANK)
    if research is not None:
        for question in [q for q in research.questions if q.kind == "research"][:3]:
            lines.append(f"- \"{md(question.render_text(name, role or None))}\": {answer_from}")
    for category in _likely_categories(library, patterns):
        example = next((q for q in library.questions() if q.kind == "star" and q.category == category), None)
        for_example = f", e.g. \"{md(example.text)}\"" if example is not None else ""
        probe = example or Question(bank="sheet", id="category", text=category, category=category)
        lines.append(f"- **{md(category)}**{for_example}: {_stories_for(stories, probe, weak)}")
    lines.append("")

    lines += ["## Still due for re-drill", ""]
    lines += _bullets(_due_lines(due, now), "nothing due")
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


def _stories_for(stories: list[Story], question: Question, weak: dict[str, str]) -> str:
    """The stories to tell for a question; one that is itself weak says so, or the person walks in
    trusting a story with no Result."""
    fitting = [f"*{md(story.title)}*" + (f" ({weak[story.title]})" if story.title in weak else "")
               for story in stories if story.matches(question)]
    return "tell " + " or ".join(fitting) if fitting else "no story yet: write one before the interview"


def _weak_stories(stories: list[Story]) -> dict[str, str]:
    """Title -> why, for the stories that would not stand as an answer: a STAR part missing, or fumbled."""
    weak: dict[str, str] = {}
    for story in stories:
        if story.empty:
            continue
        analysis = story.analysis()
        missing = [part.capitalize() for part in STORY_PARTS if not analysis["star"][part]["present"]]
        if missing or analysis["verdict"] == "fumbled":
            named = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + f" or {missing[-1]}"
            lacking = f"no {named}, " if missing else ""
            weak[story.title] = f"weak: {lacking}scores {analysis['score']}; strengthen it first"
    return weak


def _as_asked(text: str, library: Library, company: str, role: str) -> Question:
    """A question typed after an interview, as the bank asks it if one does (for its kind), else guessed."""
    same = closest_question(text, library.questions(), company, role or None)
    if same is not None:
        return same[0]
    return Question(bank="debrief", id="asked", text=text, kind=guess_asked_kind(text))


MAX_DUE_SHOWN = 8
"""Re-drills listed before "and N more": leeches and real-interview fumbles are always listed."""


def _due_lines(items: list[QueueItem], now: datetime) -> list[str]:
    """Leeches and questions fumbled in real interviews first, then the rest by when they are due;
    what does not fit is counted, never silently dropped."""
    ordered = sorted(items, key=lambda item: (not item.leech, item.source != "debrief", item.due))
    matters = [item for item in ordered if item.leech or item.source == "debrief"]
    shown = ordered[: max(MAX_DUE_SHOWN, len(matters))]
    lines = []
    for item in shown:
        details = [f"due {describe_due(item.due, now)}"]
        if item.note:
            details.append(item.note)
        if item.leech:
            details.append(f"a leech: fumbled {item.fumbles} times, rewrite the story")
        lines.append(f"{item.question.get('text', item.question_id)} ({'; '.join(details)})")
    if len(ordered) > len(shown):
        lines.append(f"and {len(ordered) - len(shown)} more (see: mockview retry --list)")
    return lines


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
    counts: dict[str, int] = {}
    for question in library.questions():
        if question.kind == "star" and question.category:
            counts[question.category] = counts.get(question.category, 0) + 1
    # Only categories stories answer: "company-knowledge" and "closing" are not told to write one.
    ordered = list(dict.fromkeys(f.category for f in patterns.real_fumbles if f.category in counts))
    ordered += [c.category for c in patterns.fumbled_categories if c.category in counts and c.category not in ordered]
    for category, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if category not in ordered:
            ordered.append(category)
    return ordered[:LIKELY_CATEGORIES]


def build_prep_sheet(history: History, data_dir: Path, company: str, role: str = "", *,
                     library: Library | None = None, job_ref: str | None = None) -> str:
    """Gather everything the sheet needs (profile, stories, queue, patterns, debriefs) and write it.

    With ``job_ref`` the sheet covers that saved posting; without it, the
    newest posting saved for the company, if there is one.
    """
    from mockview.prep.job_sheet import job_prep, linked_jobs
    from mockview.prep.jobs import find_job
    from mockview.prep.patterns import find_patterns
    from mockview.prep.profiles import find_profile
    from mockview.prep.stories import read_stories
    from mockview.store.redrill import queue

    library = library if library is not None else load_library(data_dir)
    profile = find_profile(data_dir, company)
    stories, _ = read_stories(data_dir)
    now = history.clock.now()
    due, upcoming = queue(history, now)
    linked = linked_jobs(data_dir, profile.company if profile else company)
    job = find_job(data_dir, job_ref) if job_ref else (linked[0] if linked else None)
    prep = None
    if job is not None:
        others = tuple(other.id for other in linked if other.id != job.id)
        prep = job_prep(history, job, stories, profile, others)
        role = role or job.role
    return prep_sheet(company, role, profile=profile, library=library, stories=stories, due=due + upcoming,
                      patterns=find_patterns(history, library), debriefs=history.debriefs(), now=now, job=prep)


def sheet_path(data_dir: Path, company: str, now: datetime) -> Path:
    """Where the app saves a prep sheet: ``<data dir>/prep/<company>-<date>.md``."""
    return prep_sheets_dir(data_dir) / f"{slug(company) or 'company'}-{now.astimezone():%Y-%m-%d}.md"
