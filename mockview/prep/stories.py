"""The story bank: your own STAR stories, in ``<data dir>/stories.yaml``.

A cheat sheet of achievements that show your skills, soft skills included.
Each story is analysed with the same STAR analysis as an answer. During
practice a story whose competencies match the question can be peeked at
(and that is recorded). The coverage report shows which competencies the
loaded banks ask about have no story yet, and which story is stretched over
too many.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mockview.analysis import analyse_answer
from mockview.banks.checks import RecordChecker
from mockview.banks.library import Library
from mockview.banks.model import Question
from mockview.banks.problems import START, Problem
from mockview.banks.yamlsource import LocatedList, read_yaml_file
from mockview.paths import stories_path
from mockview.prep.matching import WORD, same_competency, stem
from mockview.prep.yamlfiles import Saved, write_yaml

STORY_KEYS = ("title", "competencies", "situation", "task", "action", "result", "numbers")
OVERUSED_COMPETENCIES = 4
"""A story claimed for more competencies than this is doing too much work."""
STORY_QUESTION = Question(bank="stories", id="story", text="A story from your story bank.", kind="star",
                          words=(40, 600))
"""What a story is analysed as: a STAR answer, with room for notes shorter or longer than one said aloud."""


@dataclass(frozen=True, slots=True)
class Story:
    title: str
    competencies: tuple[str, ...] = ()
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    numbers: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The story as one answer, its parts labelled."""
        parts = [("Situation", self.situation), ("Task", self.task), ("Action", self.action),
                 ("Result", self.result)]
        return "\n".join(f"{label}: {text}" for label, text in parts if text)

    @property
    def empty(self) -> bool:
        """Only a title so far (the starter story, say): nothing to tell yet."""
        return not any((self.situation, self.task, self.action, self.result))

    def matches(self, question: Question) -> bool:
        """Whether the story suits a question: by its category or tags, or a word of its text.

        Questions written down after a real interview have no category, so
        "Tell me about a time you failed" finds a story about "failure" by
        the stem the two share.
        """
        if self.empty:
            return False
        wanted = [name for name in (question.category, *question.tags) if name]
        if any(same_competency(name, competency) for name in wanted for competency in self.competencies):
            return True
        asked = {stem(word) for word in WORD.findall(question.text.lower())}
        return any(stem(word) in asked for competency in self.competencies for word in WORD.findall(competency))

    def analysis(self) -> dict[str, Any]:
        return analyse_answer(STORY_QUESTION, self.text).to_dict()

    def to_json(self) -> dict[str, Any]:
        analysis = self.analysis()
        return {
            "title": self.title,
            "competencies": list(self.competencies),
            "situation": self.situation,
            "task": self.task,
            "action": self.action,
            "result": self.result,
            "numbers": list(self.numbers),
            "score": analysis["score"],
            "missing_parts": [p for p in ("situation", "task", "action", "result") if not analysis["star"][p]["present"]],
            "tips": analysis["tips"][:3],
        }


class _StoryChecker(RecordChecker):
    def stories(self, data: Any) -> list[Story]:
        top = self.mapping(data, "the top level of the story bank", START)
        if top is None:
            return []
        self.unknown_keys(top, ("stories",), "story bank")
        items = top.get("stories")
        if items is None:
            return []
        if not isinstance(items, LocatedList):
            self.error(top.value_at("stories"), "'stories' must be a list of stories")
            return []
        stories: list[Story] = []
        titles: dict[str, int] = {}
        for index, item in enumerate(items):
            record = self.mapping(item, f"story {index + 1}", items.item_at(index))
            if record is None:
                continue
            self.unknown_keys(record, STORY_KEYS, "story")
            title = self.text(record, "title", required=True)
            if title.lower() in titles:
                self.error(record.value_at("title"), f"duplicate story title '{title}' (first at line {titles[title.lower()]})")
                continue
            story = Story(
                title=title,
                competencies=tuple(c.lower() for c in self.text_list(record, "competencies")),
                situation=self.text(record, "situation"),
                task=self.text(record, "task"),
                action=self.text(record, "action"),
                result=self.text(record, "result"),
                numbers=self.text_list(record, "numbers"),
            )
            if title:
                titles[title.lower()] = record.position.line
                stories.append(story)
        return stories


def read_stories(data_dir: Path) -> tuple[list[Story], list[Problem]]:
    """The story bank (empty when there is no file yet)."""
    path = stories_path(data_dir)
    if not path.exists():
        return [], []
    document = read_yaml_file(path)
    if document.data is None:
        return [], [p for p in document.problems if not document.empty]
    checker = _StoryChecker(document.path)
    stories = checker.stories(document.data)
    problems = document.problems + checker.problems
    if any(p.severity == "error" for p in problems):
        return [], problems
    return stories, problems


@dataclass(frozen=True, slots=True)
class Coverage:
    asked: dict[str, int]
    """Competencies the loaded banks ask about, with their number of questions."""
    covered: dict[str, list[str]]
    """Competency -> titles of the stories that show it."""
    uncovered: list[str]
    """Competencies with no story, most asked about first."""
    overused: list[tuple[str, str]]
    """(story title, why) for stories doing too much work."""

    def to_json(self) -> dict[str, Any]:
        return {
            "asked": self.asked,
            "covered": self.covered,
            "uncovered": self.uncovered,
            "overused": [{"title": title, "why": why} for title, why in self.overused],
        }


def coverage(stories: list[Story], library: Library, uses: dict[str, int]) -> Coverage:
    asked = Counter(
        q.category.lower() for bank in library.banks.values() for q in bank.questions
        if q.kind == "star" and q.category
    )
    covered: dict[str, list[str]] = {}
    for story in stories:
        if story.empty:
            continue  # a title alone covers nothing yet
        for competency in story.competencies:
            name = next((asked_name for asked_name in asked if same_competency(asked_name, competency)), competency)
            covered.setdefault(name, []).append(story.title)
    uncovered = [name for name, _ in asked.most_common() if name not in covered]
    overused = []
    for story in stories:
        if len(story.competencies) > OVERUSED_COMPETENCIES:
            overused.append((story.title, f"claimed for {len(story.competencies)} competencies; "
                                          "an interviewer may hear it twice"))
    if uses:
        most, count = max(uses.items(), key=lambda item: (item[1], item[0]))
        total = sum(uses.values())
        if count >= 3 and count * 2 > total and len(uses) > 1:
            overused.append((most, f"peeked at {count} of {total} times; spread the load over other stories"))
    return Coverage(dict(asked.most_common()), covered, uncovered, overused)


def matching_stories(stories: list[Story], question: Question) -> list[Story]:
    return [story for story in stories if story.matches(question)]


STARTER = """\
# Your STAR stories, for mockview. One story can answer several questions;
# list the competencies it shows (the categories of the question banks:
# teamwork, conflict, leadership, failure, pressure, ambiguity, initiative,
# communication, customer-focus, learning...).
stories:
  - title: The migration with no downtime
    competencies: [conflict, influence]
    situation: ""
    task: ""
    action: ""
    result: ""
    numbers: []
"""


STORY_PARTS = ("situation", "task", "action", "result")


def story_from_form(
    values: dict[str, str], others: list[Story], *, editing: str | None = None
) -> tuple[Story | None, list[tuple[str, str]]]:
    """A story from the app's form, or the (field, problem) pairs that stop it.

    ``others`` are the stories already in the bank; ``editing`` is the title
    of the one being changed, so keeping its title is not a duplicate.
    """
    title = " ".join((values.get("title") or "").split())
    problems = []
    if not title:
        problems.append(("title", "Give the story a short title you will recognise."))
    elif any(s.title.lower() == title.lower() and s.title != editing for s in others):
        problems.append(("title", f"There is already a story called {title!r}."))
    parts = {name: (values.get(name) or "").strip() for name in STORY_PARTS}
    if not any(parts.values()):
        problems.append(("situation", "Write at least one part of the story."))
    if problems:
        return None, problems
    return Story(
        title=title,
        competencies=tuple(dict.fromkeys(p.strip().lower() for p in (values.get("competencies") or "").split(",")
                                         if p.strip())),
        numbers=split_numbers(values.get("numbers") or ""),
        **parts,
    ), []


_ITEM_COMMA = re.compile(r",(?!(?<=\d,)\d{3}(?!\d))")
"""A comma between items, not one inside a number: "40,000 pounds a month" is one item."""


def split_numbers(text: str) -> tuple[str, ...]:
    """The form's "numbers to remember", comma-separated, keeping thousands separators in their number."""
    return tuple(part.strip() for part in _ITEM_COMMA.split(text) if part.strip())


def story_to_form(story: Story) -> dict[str, str]:
    return {
        "title": story.title,
        "competencies": ", ".join(story.competencies),
        "numbers": ", ".join(story.numbers),
        **{name: getattr(story, name) for name in STORY_PARTS},
    }


def write_starter(path: Path, starter: str) -> None:
    """The commented starter story bank, if there is no story bank yet; whole or not at all."""
    from mockview.errors import MockviewError
    from mockview.files import os_error_text, write_new

    try:
        write_new(path, starter)
    except FileExistsError:
        return
    except OSError as error:
        raise MockviewError(f"cannot write {path}: {os_error_text(error)}") from None


def save_stories(data_dir: Path, stories: list[Story]) -> Saved:
    """Write the story bank (after a change in the app), refusing to overwrite a file with problems.

    A file with problems was hand-edited and not yet fixed: writing over it
    would throw away whatever the reader could not make sense of.
    """
    from mockview.errors import MockviewError

    path = stories_path(data_dir)
    if path.exists():
        _, problems = read_stories(data_dir)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise MockviewError(f"{errors[0]}; fix the story bank first (e opens it in your editor)")
    data = {"stories": [
        {"title": story.title, "competencies": list(story.competencies),
         **{name: getattr(story, name) for name in STORY_PARTS}, "numbers": list(story.numbers)}
        for story in stories
    ]}
    return write_yaml(path, data, "# Your STAR stories, for mockview.\n", templates=(STARTER,))
