"""The one rule for shown text (``mockview.text.shown``), at every boundary outside the app.

Answers piped into plain mode are stored as typed; what reaches a terminal
or a file for a person shows their escape sequences, never obeys them.
JSON stays exact, with the characters written as ``\\uXXXX``.
"""

from __future__ import annotations

import ast
import io
import json
import re
import sys
from pathlib import Path

from mockview.cli import main
from mockview.store import open_store
from mockview.store.drafts import DraftKeeper
from mockview.text import json_escaped, one_line, shown, unsafe_character
from tests.conftest import FakeClock

TITLE = "\x1b]2;pwned\x07"
RTL = "\u202e"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
ANSWER = f"At my last job {TITLE}the release slipped and I fixed it{RTL}. We shipped early.\n.\n"
PACKAGE = Path(__file__).resolve().parent.parent / "mockview"


def run(capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(args))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return code, out, err


def test_the_rule() -> None:
    assert shown("plain\ttext\nstays") == "plain\ttext\nstays"
    assert shown(f"a{TITLE}b") == "a^[]2;pwned^Gb"
    assert shown("\x00\x7f\x9b\r") == "^@^?<U+009B>^M"
    assert shown(f"{RTL}evil\u2066\u2028") == "<U+202E>evil<U+2066><U+2028>"
    assert shown("שלום\u200f") == "שלום\u200f"  # direction marks are right-to-left writing, not an attack
    assert shown(shown(TITLE)) == shown(TITLE)
    assert one_line("two\nlines\r") == "two^Jlines^M"
    assert unsafe_character("ok") is None and unsafe_character(f"ok{RTL}") == 2
    assert json.loads(json_escaped(json.dumps(f"x{TITLE}{RTL}", ensure_ascii=False))) == f"x{TITLE}{RTL}"
    assert RAW.search(json_escaped(json.dumps(f"x{TITLE}{RTL}", ensure_ascii=False))) is None


def test_plain_mode_shows_an_answers_escapes_and_stores_it_as_typed(mockview_home: Path, capsys) -> None:
    code, out, err = run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", "--seed", "1",
                         stdin=ANSWER)
    assert code == 0 and RAW.search(out + err) is None
    with open_store(mockview_home) as history:
        (attempt,) = history.attempts()
    assert attempt.answer == ANSWER.removesuffix("\n.\n")

    question = {"id": "star/old", "bank": "star", "text": f"Tell me {TITLE}about it.", "kind": "star",
                "time_limit": 150, "words": [150, 350]}
    keeper = DraftKeeper(mockview_home)
    keeper.update(question, f"It slipped{RTL}.", 3.0, now=FakeClock().now())
    data = json.loads(keeper.path.read_text())
    keeper.path.write_text(json.dumps({**data, "pid": 999_999_999}))
    code, out, err = run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", stdin="")
    assert code == 0 and RAW.search(out + err) is None
    assert "  Tell me ^[]2;pwned^Gabout it." in out and "  > It slipped<U+202E>." in out


def test_history_export_and_json_show_escapes_and_keep_the_data(mockview_home: Path, tmp_path: Path,
                                                                 capsys) -> None:
    run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", "--seed", "1", stdin=ANSWER)
    for args in (["history"], ["export", "--format", "md"], ["export", "--format", "csv"], ["stats"]):
        code, out, err = run(capsys, *args)
        assert code == 0 and RAW.search(out + err) is None, args
    code, out, _ = run(capsys, "export", "--format", "md")
    assert "^\\[\\]2;pwned^G" in out and "\\<U+202E\\>" in out  # shown, then escaped for Markdown
    code, out, _ = run(capsys, "history", "--json")
    assert RAW.search(out) is None and "\\u001b]2;pwned\\u0007" in out
    assert json.loads(out)[0]["answer"] == ANSWER.removesuffix("\n.\n")
    target = tmp_path / "out.md"
    run(capsys, "export", "--format", "md", "-o", str(target))
    assert RAW.search(target.read_text()) is None and "^\\[\\]2;pwned^G" in target.read_text()


def test_a_file_name_with_an_escape_is_shown_in_the_message(tmp_path: Path, capsys) -> None:
    odd = tmp_path / f"bank{TITLE}.yaml"
    odd.write_text("bank: b\nquestions: []\nnope: 1\n")
    code, out, err = run(capsys, "banks", "validate", str(odd))
    assert code == 1 and RAW.search(out + err) is None
    assert "bank^[]2;pwned^G.yaml:3:1: unknown key 'nope'" in err


def test_every_part_of_the_app_shows_text_through_the_rule() -> None:
    """Textual's own ``Content`` lets ESC through; the app's screens import the one that does not."""
    offenders = []
    for path in (PACKAGE / "tui").rglob("*.py"):
        if path.name == "content.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module == "textual.content":
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == [], "import Content from mockview.tui.content, which shows escapes visibly"


# --- hole 4: spreadsheets and Markdown readers ------------------------------------

FORMULA = '=HYPERLINK("http://evil.example","open me")'
UNESCAPED_TAG = re.compile(r"(?<!\\)<(img|script)")
MARKUP = "[click](http://evil.example) ![pixel](http://evil.example/p.png) <img src=x onerror=alert(1)> **loud**"


def test_csv_cells_that_start_like_formulas_are_prefixed(mockview_home: Path, capsys) -> None:
    import csv

    run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", "--seed", "1", stdin=f"{FORMULA}\n.\n")
    with open_store(mockview_home) as history:
        history.connection.execute("UPDATE attempts SET question = json_set(question, '$.text', '@SUM(A1:A9)')")
    code, out, _ = run(capsys, "export", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["answer"] == "'" + FORMULA and row["question"] == "'@SUM(A1:A9)"
    assert row["score"].isdigit() and not row["submitted_at"].startswith("'")
    for start in "=+-@":
        assert all(not cell.startswith(start) for cell in row.values())


def test_markdown_exports_show_links_and_markup_as_typed(mockview_home: Path, capsys) -> None:
    run(capsys, "practice", "--plain", "--bank", "star", "--count", "1", "--seed", "1",
        stdin=f"{MARKUP}\n- not a list\n.\n")
    with open_store(mockview_home) as history:
        history.connection.execute(
            "UPDATE attempts SET question = json_set(question, '$.text', '# [Why](http://evil.example)?')")
    code, out, _ = run(capsys, "export", "--format", "md")
    assert "> \\[click\\](http://evil.example) \\!\\[pixel\\](http://evil.example/p.png) \\<img src=x " \
           "onerror=alert(1)\\> \\*\\*loud\\*\\*" in out
    assert "> \\- not a list" in out
    assert "### 1. \\# \\[Why\\](http://evil.example)?" in out
    assert UNESCAPED_TAG.search(out) is None and re.search(r"(?<!\\)\]\(http", out) is None


def test_the_prep_sheet_escapes_what_was_typed_and_quotes_the_command(mockview_home: Path, capsys) -> None:
    import datetime as dt
    import shlex

    from mockview.prep.debrief.model import AskedQuestion, Debrief
    from mockview.prep.debrief.storage import save_debrief

    company = "Acme'; rm -rf ~ #"
    with open_store(mockview_home, clock=FakeClock()) as history:
        save_debrief(history, Debrief(company=company, date=dt.date(2026, 2, 20),
                                      questions=(AskedQuestion(f"Why us? {MARKUP}", fumbled=True),),
                                      next_time=("<script>alert(1)</script>",)))
    code, out, err = run(capsys, "prep", "--company", company)
    assert code == 0, err
    command = re.search(r"Start one with: (`+) (.*) \1", out) or re.search(r"Start one with: (`+)(.*)\1", out)
    assert shlex.split(command.group(2)) == ["mockview", "company", "new", company]
    assert UNESCAPED_TAG.search(out) is None and "\\<script\\>alert(1)\\</script\\>" in out
    assert "\\[click\\](http://evil.example)" in out
