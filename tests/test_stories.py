"""The story bank: reading it, analysing each story, coverage, peeking during practice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockview.banks.library import load_library
from mockview.banks.model import Question
from mockview.errors import MockviewError
from mockview.prep.stories import (
    Story,
    coverage,
    matching_stories,
    read_stories,
    save_stories,
    story_from_form,
)
from mockview.store import open_store

STORIES = """\
stories:
  - title: The failed search launch
    competencies: [failure, Learning]
    situation: At my last job our search launch slipped twice and users complained.
    task: My goal was to get it out before the spring sale.
    action: I rewrote the ranking tests, then I set up a weekly review with the product lead.
    result: We launched in May and search errors fell by 30%.
    numbers: [30% fewer errors]
  - title: Everything story
    competencies: [teamwork, conflict, leadership, influence, pressure]
    action: I did many things.
"""


def write_stories(home: Path, text: str = STORIES) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "stories.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_stories_are_read_and_analysed(mockview_home: Path) -> None:
    write_stories(mockview_home)
    stories, problems = read_stories(mockview_home)
    assert problems == []
    first = stories[0]
    assert first.competencies == ("failure", "learning")
    data = first.to_json()
    assert data["missing_parts"] == [] and data["score"] > stories[1].to_json()["score"]
    assert stories[1].to_json()["missing_parts"] == ["situation", "task", "result"]


def test_no_story_file_is_an_empty_bank(mockview_home: Path) -> None:
    assert read_stories(mockview_home) == ([], [])


@pytest.mark.parametrize(("text", "expected"), [
    ("stories:\n  - title: A\n    acton: x\n", "3:5: unknown key 'acton' in story; did you mean 'action'?"),
    ("stories:\n  - title: A\n  - title: a\n", "3:12: duplicate story title 'a'"),
    ("stories: [\n", "stories.yaml:"),
    ("stories: nope\n", "1:10: 'stories' must be a list of stories"),
])
def test_a_malformed_story_bank_is_one_clear_line(run_cli, mockview_home: Path, text, expected) -> None:
    path = write_stories(mockview_home, text)
    result = run_cli("stories")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}:") and expected in result.stderr
    with pytest.raises(MockviewError, match="fix the story bank first"):
        save_stories(mockview_home, [Story("B")])
    assert path.read_text(encoding="utf-8") == text  # never written over


def test_coverage_names_the_competencies_without_a_story_and_the_overused(mockview_home: Path) -> None:
    write_stories(mockview_home)
    stories, _ = read_stories(mockview_home)
    library = load_library(mockview_home)
    report = coverage(stories, library, {"The failed search launch": 5, "Everything story": 1})
    assert "failure" not in report.uncovered and "teamwork" not in report.uncovered
    assert "ambiguity" in report.uncovered and "customer-focus" in report.uncovered
    counts = list(report.asked.values())
    assert [report.asked[name] for name in report.uncovered] == sorted(
        (report.asked[name] for name in report.uncovered), reverse=True)  # most asked first
    assert sum(counts) == sum(1 for q in library.questions() if q.kind == "star" and q.category)
    reasons = dict(report.overused)
    assert "claimed for 5 competencies" in reasons["Everything story"]
    assert "peeked at 5 of 6 times" in reasons["The failed search launch"]


def test_stories_command(run_cli, mockview_home: Path) -> None:
    write_stories(mockview_home)
    data = json.loads(run_cli("stories", "--json").stdout)
    assert [s["title"] for s in data["stories"]] == ["The failed search launch", "Everything story"]
    assert data["stories"][0]["peeked"] == 0
    assert "ambiguity" in data["coverage"]["uncovered"]
    text = run_cli("stories").stdout
    assert "- Everything story [teamwork, conflict, leadership, influence, pressure]: score " in text
    assert "missing situation, task, result" in text
    assert "No story yet for: " in text and "Over-used: Everything story" in text


def test_no_stories_yet_says_where_to_write_them(run_cli) -> None:
    result = run_cli("stories")
    assert result.returncode == 0 and "No stories yet" in result.stdout


def test_stories_match_by_category_tag_or_a_word_of_the_question() -> None:
    story = Story("S", competencies=("failure", "teamwork"), action="I owned the fix.")
    assert story.matches(Question(bank="b", id="q", text="Anything?", category="failure"))
    assert story.matches(Question(bank="b", id="q", text="Anything?", tags=("teamwork",)))
    assert story.matches(Question(bank="debrief", id="1-1", text="Tell me about a time you failed."))
    assert story.matches(Question(bank="debrief", id="1-2", text="How do you work in a team?"))
    assert not story.matches(Question(bank="b", id="q", text="Why this company?", category="motivation"))
    other = Story("T", competencies=("conflict",), result="We agreed.")
    assert matching_stories([story, other], Question(bank="b", id="q", text="A conflict you handled?")) == [other]
    assert Story("U", competencies=("customer focus",), task="x").matches(
        Question(bank="b", id="q", text="Anything?", category="customer-focus"))
    assert not Story("Title only", competencies=("failure",)).matches(
        Question(bank="b", id="q", text="Anything?", category="failure"))


def test_a_story_with_only_a_title_covers_nothing(run_cli, mockview_home: Path) -> None:
    result = run_cli("stories", "--edit", env={"EDITOR": "true", "VISUAL": ""})
    assert result.returncode == 0, result.stderr
    data = json.loads(run_cli("stories", "--json").stdout)
    assert [s["title"] for s in data["stories"]] == ["The migration with no downtime"]
    assert "conflict" in data["coverage"]["uncovered"]  # the starter story is not a story yet
    write_stories(mockview_home, "stories:\n  - title: Calls\n    competencies: [Customer Focus]\n    action: I called.\n")
    covered = json.loads(run_cli("stories", "--json").stdout)["coverage"]["covered"]
    assert covered == {"customer-focus": ["Calls"]}


def test_peeking_at_a_story_in_plain_practice_is_recorded(run_cli, mockview_home: Path) -> None:
    write_stories(mockview_home)
    answer = "??\nAt my last job our search launch slipped. I rewrote the tests.\n.\n"
    result = run_cli("practice", "--plain", "--bank", "star", "--category", "failure", "--count", "1", input=answer)
    assert result.returncode == 0, result.stderr
    assert 'Your story "The failed search launch":' in result.stdout
    assert "  Result: We launched in May and search errors fell by 30%." in result.stdout
    history = open_store(mockview_home)
    (attempt,) = history.attempts()
    assert attempt.stories == ["The failed search launch"]
    assert "??" not in attempt.answer
    assert history.story_uses() == {"The failed search launch": 1}
    history.close()
    assert json.loads(run_cli("stories", "--json").stdout)["stories"][0]["peeked"] == 1


def test_no_peeking_in_a_mock_interview(run_cli, mockview_home: Path) -> None:
    write_stories(mockview_home)
    result = run_cli("interview", "--plain", "--length", "short", "--seed", "1", input="??\n.\n")
    assert "Your story" not in result.stdout


def test_the_form_checks_titles_and_the_bank_is_written_back(mockview_home: Path) -> None:
    existing = [Story("Launch", competencies=("failure",), action="I fixed it.")]
    assert story_from_form({"title": "launch", "action": "x"}, existing)[1] == [
        ("title", "There is already a story called 'launch'.")]
    assert story_from_form({"title": "Launch", "action": "x"}, existing, editing="Launch")[1] == []
    assert [f for f, _ in story_from_form({"title": "", "action": ""}, existing)[1]] == ["title", "situation"]
    story, _ = story_from_form({"title": " New  one ", "competencies": "Conflict, conflict, teamwork",
                                "numbers": "3 weeks, 40%", "result": "We shipped."}, existing)
    assert story.title == "New one" and story.competencies == ("conflict", "teamwork")
    assert story.numbers == ("3 weeks", "40%")
    assert save_stories(mockview_home, existing + [story]).backup is None
    assert read_stories(mockview_home) == (existing + [story], [])
    path = mockview_home / "stories.yaml"
    commented = path.read_text() + "# remember the 40% figure\n"
    path.write_text(commented)
    saved = save_stories(mockview_home, existing)
    assert saved.backup is not None and saved.backup.read_text() == commented
    assert read_stories(mockview_home) == (existing, [])
