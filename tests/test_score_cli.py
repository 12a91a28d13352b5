"""`mockview score` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

ANSWER = (
    "Last year I was the only analyst on a small finance team, and my manager asked me to cut the "
    "month-end close from nine days to five. I mapped every step, then I wrote a script that pulled the "
    "bank statements overnight and I moved the accruals review earlier. As a result the close dropped "
    "to four days and the auditors found zero late filings."
)


def test_bank_question_text_report(run_cli, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER)
    result = run_cli("score", "--bank", "star", "--question", "more-work-than-time", "--answer-file", str(answer))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Walk me through a week")
    assert "Score " in result.stdout and "STAR: Situation" in result.stdout and "Tips:" in result.stdout


def test_json_from_stdin_with_full_id(run_cli) -> None:
    result = run_cli("score", "--question", "star/more-work-than-time", "--seconds", "95", "--json", input=ANSWER)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["question"]["id"] == "star/more-work-than-time"
    assert data["delivery"]["seconds"] == 95.0 and data["delivery"]["wpm"] > 0
    assert data["verdict"] in ("strong", "ok", "fumbled")


def test_a_full_id_beside_its_own_bank_is_the_same_question(run_cli) -> None:
    result = run_cli("score", "--bank", "star", "--question", "star/more-work-than-time", "--json", input=ANSWER)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["question"]["id"] == "star/more-work-than-time"
    other = run_cli("score", "--bank", "classics", "--question", "star/more-work-than-time", input=ANSWER)
    assert other.returncode == 1 and "no question 'star/more-work-than-time' in bank 'classics'" in other.stderr


def test_ad_hoc_question_with_keywords(run_cli) -> None:
    result = run_cli(
        "score", "--question-text", "Tell me about a time you improved a process.",
        "--keywords", "script, !audit=auditors|auditor, deadline", "--json", input=ANSWER,
    )
    data = json.loads(result.stdout)
    assert data["question"]["kind"] == "star"
    assert {m["term"]: m["found"] for m in data["keywords"]["matched"]} == {"script": "script", "audit": "auditors"}
    assert data["keywords"]["missing"] == ["deadline"]


def test_ad_hoc_open_question_is_inferred(run_cli) -> None:
    data = json.loads(run_cli("score", "--question-text", "Why this job?", "--json", input="Because I like it.").stdout)
    assert data["question"]["kind"] == "open"


def test_research_question_is_filled_with_company(run_cli) -> None:
    result = run_cli("score", "--bank", "company-research", "--question", "what-do-you-know",
                     "--company", "Acme", "--role", "data analyst", "--json", input="Acme makes anvils.")
    data = json.loads(result.stdout)
    assert "Acme" in data["question"]["text"] and "{company}" not in data["question"]["text"]


def test_errors_are_one_clear_line(run_cli, tmp_path: Path) -> None:
    cases = [
        (["score", "--bank", "nope", "--question", "x"], "unknown bank 'nope'"),
        (["score", "--bank", "star", "--question", "more-work-than-tim"], "did you mean 'more-work-than-time'?"),
        (["score", "--bank", "star", "--question", "x", "--answer-file", str(tmp_path / "missing.txt")], "no question 'x'"),
        (["score", "--question", "star/more-work-than-time", "--answer-file", str(tmp_path / "missing.txt")], "no such answer file"),
        (["score"], "say which question"),
        (["score", "--question-text", "  "], "--question-text is empty"),
    ]
    for args, message in cases:
        result = run_cli(*args, input="")
        assert result.returncode == 1, (args, result.stderr)
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


def test_undecodable_input_is_a_clear_error(run_cli) -> None:
    result = run_cli("score", "--question-text", "Why?", input=b"caf\xe9 \xff")
    assert result.returncode == 1
    assert b"standard input:1:4: not UTF-8 text (byte 0xe9); save the file as UTF-8" in result.stderr


def test_answer_file_that_is_binary_or_a_folder(run_cli, tmp_path: Path) -> None:
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\xff\xfe")
    assert f"{binary} is a binary file, not text" in run_cli(
        "score", "--question-text", "Why?", "--answer-file", str(binary)).stderr
    pdf = tmp_path / "answer.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert f"{pdf} is a PDF, not text; save it as plain text first" in run_cli(
        "score", "--question-text", "Why?", "--answer-file", str(pdf)).stderr
    assert "is a folder" in run_cli("score", "--question-text", "Why?", "--answer-file", str(tmp_path)).stderr


def test_an_answer_saved_as_utf16_or_with_accents_reads_or_says_where(run_cli, tmp_path: Path) -> None:
    """Notepad's "Unicode" and PowerShell's ``>`` write UTF-16 with a byte-order mark: that is text."""
    utf16 = tmp_path / "answer.txt"
    utf16.write_bytes("I led the café rota.".encode("utf-16"))
    result = run_cli("score", "--question-text", "Tell me about a time you led.", "--answer-file", str(utf16),
                     "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sentences"] == ["I led the café rota."]
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le café était fermé".encode("utf-8")[:12] + b"\xe9")
    line = run_cli("score", "--question-text", "Why?", "--answer-file", str(latin)).stderr
    assert f"{latin}:1:11: not UTF-8 text (byte 0xe9)" in line  # the 11th character; the 13th byte


def test_non_finite_seconds_are_refused(run_cli) -> None:
    for value in ("nan", "inf", "1e400", "-3"):
        result = run_cli("score", "--question-text", "Why?", "--seconds", value, input="Because.")
        assert result.returncode == 1 and "--seconds must be a number from 0 to 86400" in result.stderr


def test_a_bank_folder_is_searched_for_the_question(run_cli, tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(f"bank: {name}\nquestions:\n  - id: q-{name}\n    text: Why {name}?\n")
    result = run_cli("score", "--bank", str(tmp_path), "--question", "q-b", "--json", input="Because.")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["question"]["id"] == "b/q-b"


def test_endless_or_huge_input_is_refused_quickly(run_cli, tmp_path: Path) -> None:
    device = run_cli("score", "--question-text", "Why?", "--answer-file", "/dev/zero")
    assert device.returncode == 1 and "/dev/zero is not a regular file" in device.stderr
    huge = tmp_path / "huge.txt"
    huge.write_text("word " * 600_000)
    for result in (
        run_cli("score", "--question-text", "Why?", "--answer-file", str(huge)),
        run_cli("score", "--question-text", "Why?", input="word " * 600_000),
    ):
        assert result.returncode == 1 and "is over 2 MiB" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_stock_phrases_are_shown_on_the_delivery_line_and_make_no_point(run_cli) -> None:
    """What the user reads for an answer of stock phrases: the phrases, the tip first, and a required point
    said only as one ("adding value to every team I join" for "what I bring") not made but nearly, with a
    tip that says so instead of "your answer never gets to it"."""
    buzzwords = ("I am a hard-working team player who always goes above and beyond. I think outside the box and "
                 "I am a fast learner with a proven track record of adding value to every team I join.")
    result = run_cli("score", "--bank", "classics", "--question", "why-hire-you", input=buzzwords)
    assert result.returncode == 0, result.stderr
    assert "Fumbled because: missing a required point: what I bring." in result.stdout
    assert 'what I bring [required] (nearly: "adding value" is a stock phrase, with nothing behind it)' \
        in result.stdout
    assert "stock phrases 'hard-working', 'team player', 'above and beyond', 'outside the box'" in result.stdout
    assert "  1. Stock phrases such as 'hard-working' and 'team player' are what every candidate says" \
        in result.stdout
    assert ("  2. The question is really asking about 'what I bring', and your answer says it only as a stock "
            "phrase ('adding value')") in result.stdout
    assert "never gets to it" not in result.stdout
    backed = run_cli("score", "--bank", "classics", "--question", "why-hire-you", input=(
        "I am a team player. Last winter, when two of the six people on our till team were off sick for a "
        "fortnight, I covered their late shifts and showed the new starter how to cash up, so the shop never "
        "closed early. What I bring is that: I notice where the gap is and I fill it without being asked."))
    assert "stock phrase, with nothing behind it" not in backed.stdout  # backed, so a point it makes counts
