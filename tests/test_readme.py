"""The README's set-up commands are the ones CI really runs."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import REPO


def shell_blocks(markdown: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", markdown, re.S)


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    ci_command = ci.strip().splitlines()[-1]
    assert "pytest" in ci_command
    test_blocks = [block for block in shell_blocks(readme) if "pytest" in block]
    assert test_blocks, "the README shows no test command"
    assert test_blocks[0].strip().endswith(ci_command)


def test_readme_install_command_starts_mockview() -> None:
    readme = (REPO / "README.md").read_text()
    first = shell_blocks(readme)[0].strip()
    assert "pip install ." in first and first.endswith("mockview")


def test_readme_example_bank_is_valid(tmp_path: Path) -> None:
    from mockview.banks.loading import load_bank_file

    readme = (REPO / "README.md").read_text()
    examples = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if re.search(r"^bank:", b, re.M)]
    assert examples
    for number, example in enumerate(examples):
        path = tmp_path / f"example-{number}.yaml"
        path.write_text(example)
        bank, problems = load_bank_file(path)
        assert problems == [] and bank is not None


def test_readme_debrief_profile_and_story_examples_are_valid(tmp_path: Path) -> None:
    from mockview.prep.debrief.file import read_debrief_file
    from mockview.prep.profiles import read_profile
    from mockview.prep.stories import read_stories

    readme = (REPO / "README.md").read_text()
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    debrief = next(b for b in blocks if "went_wrong:" in b)
    profile = next(b for b in blocks if "products:" in b)
    stories = next(b for b in blocks if b.startswith("stories:"))

    (tmp_path / "debrief.yaml").write_text(debrief)
    read, problems = read_debrief_file(tmp_path / "debrief.yaml")
    assert problems == [] and read is not None and read.questions[0].fumbled
    (tmp_path / "profile.yaml").write_text(profile)
    read, problems = read_profile(tmp_path / "profile.yaml")
    assert problems == [] and read is not None and read.products
    (tmp_path / "stories.yaml").write_text(stories)
    read, problems = read_stories(tmp_path)
    assert problems == [] and read[0].competencies == ("failure", "learning")


def command_block(readme: str) -> list[str]:
    section = readme.split("## Commands", 1)[1]
    return re.findall(r"```\n(.*?)```", section, re.S)[0].splitlines()


def test_readme_command_list_matches_the_command_line() -> None:
    """Every command and banks action the parser knows is listed, and every listed one exists."""
    import argparse

    from mockview.cli import build_parser

    lines = [line for line in command_block((REPO / "README.md").read_text()) if line.startswith("mockview")]
    usages = [line.split("  ")[0].split() for line in lines]  # the usage, before its description
    listed = {tuple(words[1:2]) for words in usages} | {tuple(words[1:3]) for words in usages if words[1:2] == ["banks"]}
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    (banks,) = [a for a in commands.choices["banks"]._actions if isinstance(a, argparse._SubParsersAction)]
    real = {(name,) for name in commands.choices} | {("banks", action) for action in banks.choices} | {()}
    assert listed - real == set()
    assert {("banks", action) for action in banks.choices} | {(name,) for name in commands.choices} <= listed
    practice = commands.choices["practice"]
    assert "--question" in practice._option_string_actions and any("--question BANK/ID" in line for line in lines)


WHERE = {
    "everywhere": ("app",),
    "home": ("home.HomeScreen",),
    "setup": ("setup.SetupScreen",),
    "question": ("question.QuestionScreen",),
    "feedback": ("feedback.FeedbackScreen",),
    "summary": ("summary.SummaryScreen",),
    "history": ("history.HistoryScreen",),
    "past interviews": ("interviews.InterviewsScreen",),
    "report card": ("report_card.ReportCardScreen",),
    "banks": ("banks.BanksScreen",),
    "a bank's questions": ("bank_questions.BankQuestionsScreen",),
    "debrief form, profile, story": ("debrief_form.DebriefFormScreen", "companies.ProfileFormScreen",
                                     "stories.StoryFormScreen"),
    "debriefs": ("debriefs.DebriefsScreen",),
    "companies": ("companies.CompaniesScreen",),
    "prep sheet": ("companies.PrepSheetScreen",),
    "stories": ("stories.StoriesScreen",),
    "job postings": ("jobs.JobsScreen",),
    "job": ("job.JobScreen",),
    "posting form": ("job_form.JobFormScreen",),
    "feedback request": ("follow_up.FollowUpScreen",),
}
SHOWN_AS = {"escape": "esc"}


def bound_keys(where: str) -> set[str]:
    from importlib import import_module

    from textual.binding import Binding

    keys: set[str] = set()
    for name in WHERE[where]:
        if name == "app":
            from mockview.tui.app import MockviewApp

            bindings = [b for b in MockviewApp.BINDINGS if isinstance(b, Binding)]
            keys |= {"ctrl+p"}  # Textual's own command palette
        else:
            module, _, cls = name.partition(".")
            bindings = [b for b in getattr(import_module(f"mockview.tui.screens.{module}"), cls).BINDINGS
                        if isinstance(b, Binding)]
        keys |= {SHOWN_AS.get(key.strip(), key.strip()) for b in bindings for key in b.key.split(",")}
    return keys


def test_readme_key_table_matches_the_app() -> None:
    """Every key in the table is bound where it says, and every key of those screens is in the table."""
    readme = (REPO / "README.md").read_text()
    table = readme.split("| where | key | does |", 1)[1].split("\n\n", 1)[0]
    listed: dict[str, set[str]] = {}
    for row in table.strip().splitlines()[1:]:
        where, keys, _ = [cell.strip() for cell in row.strip("|").split("|", 2)]
        listed.setdefault(where, set()).update(re.findall(r"`([^`]+)`", keys))
    assert set(listed) == set(WHERE)
    for where, keys in listed.items():
        assert keys == bound_keys(where), where
