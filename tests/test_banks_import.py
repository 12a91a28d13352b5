"""``mockview banks import``: a spreadsheet export or a Markdown list becomes a valid, commented bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockview.banks.loading import load_bank_file
from mockview.cli import main

CSV = """\
Question,Category,Keywords,Tags,Tips,Follow-ups
Tell me about a time you missed a deadline.,pressure,"told my manager, !new date=agreed a new date|revised deadline",deadlines,Say when you saw it coming.|Say what you changed.,What would you do earlier?
"What is your greatest strength, really?",self-awareness,example,,,
Do you have any questions for us?,closing,,,,
"""
MARKDOWN = """\
# Team lead loop

Questions from my last three interviews (this paragraph is a note, not a question).

## Leadership
- Tell me about a time you led a team through a big change.
  - keywords: direction, !buy-in=on board|support
  - tip: Say what you did in the first week.
  - follow-up: Who resisted, and why?
- How do you handle an underperformer?
## Company
1. What do you know about our products?
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_spreadsheet_export_becomes_a_bank_in_your_banks_folder(tmp_path: Path, mockview_home: Path,
                                                                   capsys) -> None:
    source = tmp_path / "Coach Questions.csv"
    source.write_text(CSV)
    code, out, err = run(capsys, "banks", "import", str(source))
    target = mockview_home / "banks" / "coach-questions.yaml"
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"wrote {target}: bank 'coach-questions' with 3 questions"
    bank, problems = load_bank_file(target)
    assert bank is not None and [p for p in problems if p.severity == "error"] == []
    deadline, strength, closing = bank.questions
    assert deadline.id == "tell-me-about-a-time-you-missed-a"  # whole words, at most 40 characters
    assert (deadline.kind, deadline.category, deadline.tags) == ("star", "pressure", ("deadlines",))
    assert [(k.term, k.synonyms, k.required) for k in deadline.keywords] == [
        ("told my manager", (), False), ("new date", ("agreed a new date", "revised deadline"), True)]
    assert deadline.tips == ("Say when you saw it coming.", "Say what you changed.")
    assert deadline.follow_ups == ("What would you do earlier?",)
    assert strength.text == "What is your greatest strength, really?" and strength.kind == "open"
    assert closing.kind == "closing"
    assert target.read_text().startswith("# yaml-language-server: $schema=bank.schema.json\n# Imported by mockview")
    code, out, _ = run(capsys, "banks", "list", "--json")
    assert any(entry["bank"] == "coach-questions" for entry in __import__("json").loads(out))


def test_a_markdown_list_becomes_a_bank(tmp_path: Path, capsys) -> None:
    source = tmp_path / "loop.md"
    source.write_text(MARKDOWN)
    target = tmp_path / "out" / "team-lead.yaml"
    code, out, err = run(capsys, "banks", "import", str(source), "-o", str(target))
    assert code == 0, err
    bank, _ = load_bank_file(target)
    assert bank is not None and (bank.id, bank.title) == ("team-lead", "Team lead loop")
    change, underperformer, products = bank.questions
    assert change.category == "leadership" and change.keywords[1].required
    assert change.tips == ("Say what you did in the first week.",)
    assert change.follow_ups == ("Who resisted, and why?",)
    assert underperformer.kind == "open" and underperformer.category == "leadership"
    assert products.category == "company" and products.kind == "research"
    assert main(["banks", "validate", str(target)]) == 0


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("bad.csv", "Question,Catgory\nA?,x\n", ["bad.csv:1:1: unknown column 'Catgory'; did you mean 'category'?"]),
    ("rows.csv", "question,kind\nWhy us?,open\n,open\nWhy us?,open\nHow?,opn\n",
     ["rows.csv:3:1: this row has no question", "rows.csv:4:1: the same question as line 2",
      "rows.csv:5:1: unknown kind 'opn': expected star, research, open, closing; did you mean 'open'?"]),
    ("nohead.csv", "category\nx\n",
     ["nohead.csv:1:1: the header row needs a 'question' column (the question as the interviewer asks it)"]),
    ("bad.md", "# T\n- Q one?\n  - tipp: x\n",
     ["bad.md:3:3: under a question, write 'keywords:', 'tags:', 'tip:', 'follow-up:', 'kind:' or 'id:', "
      "got 'tipp: x'; did you mean 'tip:'?"]),
    ("empty.md", "# Just a title\n", ["empty.md:1:1: no questions found: write one list item (- ...) per question"]),
])
def test_bad_rows_are_reported_at_their_line_and_nothing_is_written(tmp_path: Path, mockview_home: Path, capsys,
                                                                    name: str, text: str,
                                                                    expected: list[str]) -> None:
    source = tmp_path / name
    source.write_text(text)
    code, out, err = run(capsys, "banks", "import", str(source))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert [line.removeprefix(f"{tmp_path}/") for line in lines[:-1]] == expected
    assert lines[-1].startswith(f"mockview: {source}: ") and lines[-1].endswith("; nothing was written")
    assert not (mockview_home / "banks").exists()


def test_an_existing_bank_is_never_overwritten(tmp_path: Path, capsys) -> None:
    source = tmp_path / "coach.csv"
    source.write_text(CSV)
    target = tmp_path / "coach.yaml"
    target.write_text("# mine\n")
    code, _, err = run(capsys, "banks", "import", str(source), "-o", str(target))
    assert code == 1 and f"{target} already exists" in err
    assert target.read_text() == "# mine\n"


def test_only_csv_and_markdown_are_imported(tmp_path: Path, capsys) -> None:
    source = tmp_path / "questions.xlsx"
    source.write_bytes(b"PK")
    code, _, err = run(capsys, "banks", "import", str(source))
    assert code == 1 and "give a .csv spreadsheet export or a .md list of questions" in err
