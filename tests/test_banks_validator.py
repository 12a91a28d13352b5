"""Every validator rule has a broken fixture whose header states the exact
problems expected (``# expect: line:column: message``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mockview.banks.loading import load_bank_file

DATA = Path(__file__).parent / "data"
INVALID = DATA / "banks" / "invalid"
VALID = DATA / "banks" / "valid"

# Files that cannot carry a comment say what they expect here.
NO_COMMENT_EXPECTATIONS = {
    "empty.yaml": ["1:1: file is empty"],
    "binary.yaml": ["1:10: binary file (NUL byte); expected YAML saved as UTF-8 text"],
}


def expected_problems(path: Path) -> list[str]:
    if path.name in NO_COMMENT_EXPECTATIONS:
        return NO_COMMENT_EXPECTATIONS[path.name]
    raw = path.read_bytes()
    return [m.decode() for m in re.findall(rb"^# expect: (.*)$", raw, re.M)]


INVALID_FILES = sorted(INVALID.glob("*.yaml"))


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.stem)
def test_broken_fixture_reports_exactly_its_problems(path: Path) -> None:
    bank, problems = load_bank_file(path)
    expected = expected_problems(path)
    assert expected, f"{path.name} states no expectation"
    assert bank is None
    got = [f"{p.line}:{p.column}: {p.message}" for p in problems]
    assert sorted(got) == sorted(expected)
    assert all(p.path == str(path) for p in problems)


@pytest.mark.parametrize("path", sorted(VALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_fixture_loads_without_problems(path: Path) -> None:
    bank, problems = load_bank_file(path)
    assert problems == []
    assert bank is not None and bank.questions


def test_defaults_apply_and_questions_override_them() -> None:
    bank, _ = load_bank_file(VALID / "full.yaml")
    assert bank is not None
    late, why, braces = bank.questions
    assert (late.kind, late.time_limit, late.words) == ("star", 120, (100, 300))
    assert (why.kind, why.time_limit, why.words) == ("research", 90, (60, 200))
    assert braces.kind == "open"
    stakeholders = late.keywords[1]
    assert stakeholders.term == "stakeholders"
    assert stakeholders.synonyms == ("manager", "client")
    assert stakeholders.weight == 2 and stakeholders.required
    assert late.keywords[0].weight == 1 and not late.keywords[0].required
    assert late.full_id == "full-example/late-project"


def test_kind_defaults_give_each_kind_its_own_length() -> None:
    bank, _ = load_bank_file(VALID / "minimal.yaml")
    assert bank is not None
    assert bank.questions[0].words == (150, 350)
    assert bank.questions[0].time_limit == 150


def test_research_placeholders_are_filled_or_neutral() -> None:
    bank, _ = load_bank_file(VALID / "full.yaml")
    assert bank is not None
    why = bank.question("why-here")
    assert why is not None
    assert why.render_text("Acme", "Backend engineer") == "Why do you want the Backend engineer role at Acme?"
    assert why.render_text("Acme", "staff  position") == "Why do you want the staff position at Acme?"
    assert why.render_text("Acme", "a job in sales") == "Why do you want a job in sales at Acme?"
    assert why.render_text() == "Why do you want the role at the company?"
    assert why.render_text(company="  ", role=None) == "Why do you want the role at the company?"


def test_braces_in_other_kinds_are_literal_text() -> None:
    bank, _ = load_bank_file(VALID / "full.yaml")
    assert bank is not None
    braces = bank.question("braces-literal")
    assert braces is not None
    assert braces.render_text("Acme", "dev") == 'Explain what {this} means in a JSON object like {"a": 1}.'


def test_oversized_file_is_rejected_before_parsing(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"bank: huge\n" + b"# padding\n" * 300_000)
    bank, problems = load_bank_file(huge)
    assert bank is None
    assert [p.message for p in problems] == ["file is 2.9 MiB; the limit is 2 MiB"]


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000, "- " * 50_000 + "x", "{a: " * 30_000],
    ids=["flow-lists", "block-lists", "flow-maps"],
)
def test_absurd_nesting_is_an_error_not_a_crash(tmp_path: Path, text: str) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text(text)
    bank, problems = load_bank_file(deep)
    assert bank is None
    assert [p.message for p in problems] == ["YAML nesting is too deep"]


def test_a_folder_given_as_file_is_a_clear_problem(tmp_path: Path) -> None:
    bank, problems = load_bank_file(tmp_path)
    assert bank is None
    assert problems[0].message == "is a directory, not a YAML file"


def test_markup_looking_text_is_kept_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "markup.yaml"
    path.write_text(
        'bank: markup\nquestions:\n  - id: a\n    text: "[bold red]Why[/] [link=x]us[/link]?"\n'
    )
    bank, problems = load_bank_file(path)
    assert problems == [] and bank is not None
    assert bank.questions[0].text == "[bold red]Why[/] [link=x]us[/link]?"
