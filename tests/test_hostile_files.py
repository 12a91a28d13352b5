"""Hand-written YAML that once crashed a reader or read differently at different sizes.

Banks, debriefs, company profiles and the story bank all go through one
reader (``mockview.banks.yamlsource``); each hole is shown through the
command a person would run, in process, with the one line it prints.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from mockview.banks.yamlsource import MAX_NESTING, parse_yaml_text
from mockview.cli import main

BAD_TAGS = ["!!bool maybe", "!!bool ''", "!!int ''", "!!int '_'", "!!int '-'", "!!float ''", "!!float '_'",
            "!!timestamp abc", "!!timestamp ''"]

BANK = """\
bank: mine
questions:
  - id: q1
    text: Tell me about a time you changed a plan.
    tags: [{value}]
"""


def run(capsys, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(args))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return code, out, err


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


@pytest.mark.parametrize("value", BAD_TAGS)
def test_a_tag_its_value_cannot_hold_is_one_line_at_its_place(tmp_path: Path, capsys, value: str) -> None:
    bank = tmp_path / "mine.yaml"
    bank.write_text(BANK.format(value=value))
    code, out, err = run(capsys, "banks", "validate", str(bank))
    tag, written = value.split(" ", 1)
    assert code == 1
    assert lines(err) == [f"{bank}:5:12: '{written.strip(chr(39))}' is not a valid {tag}; remove the tag or write "
                          "the value it names", f"{bank}: 1 problem"]


def test_a_badly_tagged_user_bank_is_skipped_and_the_others_load(mockview_home: Path, capsys) -> None:
    banks = mockview_home / "banks"
    banks.mkdir(parents=True)
    (banks / "mine.yaml").write_text(BANK.format(value="!!bool maybe"))
    code, out, err = run(capsys, "banks", "list")
    assert code == 0 and "star" in out and "Traceback" not in err
    assert f"skipped {banks / 'mine.yaml'}: it has problems" in err
    code, out, err = run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", stdin="")
    assert code == 0 and "Question 1 of 1" in out


def test_tags_in_a_debrief_a_profile_and_the_story_bank(mockview_home: Path, tmp_path: Path, capsys) -> None:
    debrief = tmp_path / "acme.yaml"
    debrief.write_text("company: Acme\ndate: !!timestamp nope\nfactors: [nervous]\n")
    code, _, err = run(capsys, "debrief", "add", "--file", str(debrief))
    assert code == 1 and f"{debrief}:2:7: 'nope' is not a valid !!timestamp" in err and "Traceback" not in err

    profiles = mockview_home / "profiles"
    profiles.mkdir(parents=True)
    (profiles / "acme.yaml").write_text("company: Acme\nvalues: [!!int '_']\n")
    code, _, err = run(capsys, "company", "show", "Acme")
    assert "Traceback" not in err and f"{profiles / 'acme.yaml'}:2:10: '_' is not a valid !!int" in err

    (mockview_home / "stories.yaml").write_text("stories:\n  - title: !!timestamp nope\n    result: Shipped.\n")
    code, out, err = run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", stdin="I did it.\n??\n.\n")
    assert code == 0 and "Traceback" not in err
    assert f"Your story bank has problems: {mockview_home / 'stories.yaml'}:2:12: 'nope' is not a valid " \
           "!!timestamp" in out


def test_a_symlink_loop_is_named_as_one(tmp_path: Path, capsys) -> None:
    loop = tmp_path / "loop.yaml"
    os.symlink(loop, loop)
    folder = tmp_path / "folder"
    folder.mkdir()
    os.symlink(folder / "x.yaml", folder / "x.yaml")
    code, _, err = run(capsys, "banks", "validate", str(loop), str(folder))
    assert code == 1 and "Traceback" not in err
    assert f"{loop}:1:1: is a symbolic link loop" in err
    assert f"{folder / 'x.yaml'}:1:1: cannot read file: Too many levels of symbolic links" in err
    code, _, err = run(capsys, "practice", "--plain", "--bank", str(loop), stdin="")
    assert (code, lines(err)) == (1, [f"mockview: {loop}: is a symbolic link loop"])


@pytest.mark.parametrize("padding", ["", "x" * 5000, "[" * 0], ids=["short", "long-line", "plain"])
def test_valid_yaml_reads_the_same_at_every_size(padding: str) -> None:
    text = (f"company: Acme\nwhy_us: I like it {padding}\n"
            "questions_to_ask: [What does success look like in the first six months?]\n")
    document = parse_yaml_text(text, "acme.yaml")
    assert document.problems == []
    assert document.data["questions_to_ask"] == ["What does success look like in the first six months?"]


def test_many_brackets_read_as_few() -> None:
    few = "bank: b\nquestions: [" + ", ".join(f"{{id: q{i}, text: 'Why {i}?'}}" for i in range(3)) + "]\n"
    many = "bank: b\nquestions: [" + ", ".join(f"{{id: q{i}, text: 'Why {i}?'}}" for i in range(3000)) + "]\n"
    quirky = "bank: b\nnote: [a ? b]\n"  # a flow entry the pure-Python parser refuses and libyaml reads
    assert parse_yaml_text(few, "few.yaml").problems == parse_yaml_text(many, "many.yaml").problems == []
    padded = quirky + "pad: [" + ", ".join(["[x]"] * 2500) + "]\n" + "# " + "x" * 5000 + "\n"
    assert parse_yaml_text(quirky, "q.yaml").data["note"] == parse_yaml_text(padded, "q.yaml").data["note"]


def test_deep_nesting_is_still_refused() -> None:
    for text in ("[" * (MAX_NESTING + 1), "- " * (MAX_NESTING + 1) + "x"):
        assert [p.message for p in parse_yaml_text(text, "deep.yaml").problems] == ["YAML nesting is too deep"]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("bank: b\nquestions:\n  - id: q\n    text: Why\x1b[2J us?\n", "4:14",
         "the control character ^[ (U+001B): YAML files hold plain text; remove it"),
        ("bank: b\r\ntitle: Ring\x07\r\n", "2:12", "the control character ^G (U+0007): YAML files hold plain text; "
         "remove it"),
        ("bank: b\ntitle: one\u2028two\n", "2:11", "the line separator U+2028: YAML reads it as a line break where "
         "editors do not; use an ordinary new line"),
        ("bank: b\ntitle: é\x85x\n", "2:9", "the line separator U+0085: YAML reads it as a line break where editors "
         "do not; use an ordinary new line"),
        ("bank: b\ntitle: Fine\ntext: 'evil\u202eroot'\n", "3:12",
         "'text' contains the bidirectional control U+202E; files hold plain text"),
        ("bank: b\nquestions:\n  - id: q\n    text: \"Why \\e[2J us?\"\n", "4:11",
         "'text' contains the control character ^[ (U+001B); files hold plain text"),
        ("bank: b\nti\u202etle: x\n", "2:3", "a key contains the bidirectional control U+202E; files hold plain text"),
    ],
    ids=["escape", "bell-after-crlf", "u2028", "nel", "rtl-override", "written-as-escape", "in-a-key"],
)
def test_a_stray_control_character_is_one_line_at_its_real_place(tmp_path: Path, capsys, text: str, where: str,
                                                                  message: str) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_bytes(text.encode())
    code, _, err = run(capsys, "banks", "validate", str(bank))
    assert code == 1
    assert f"{bank}:{where}: {message}" in lines(err)
    assert all(line.startswith(str(bank)) for line in lines(err))
