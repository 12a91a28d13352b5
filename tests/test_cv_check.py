"""``mockview cv check``: every planted mistake at its line and column, and nothing else."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from mockview.cli import main
from mockview.prep.cv_check import check_cv
from mockview.prep.spelling import Speller

CV = Path(__file__).parent / "data" / "cv"
JOBS = Path(__file__).parent / "data" / "jobs"
PLANTED = CV / "planted.md"
NAMES = "# people and places\nPriya Raman\nHarbourline   # my old employer\n"

PLANTED_PROBLEMS = [
    (14, 3, "no-outcome"),        # "Responsible for the on-call rota..."
    (14, 3, "weak-opening"),      # "Responsible for"
    (16, 13, "repeated-word"),    # "the the"
    (17, 3, "no-outcome"),        # "Worked closely with the finance team..."
    (19, 47, "date-format"),      # "January 2018" among "Mar 2021", "Feb 2021"
    (21, 3, "no-outcome"),        # "Helped with the migration..."
    (21, 3, "weak-opening"),      # "Helped with"
    (22, 72, "spelling"),         # "mesages"
    (23, 3, "no-outcome"),        # "Built internal dashboards..."
    (24, 3, "weak-opening"),      # "Assisted with" (it has a number: no outcome problem)
    (28, 44, "date-format"),      # "2014 - 2017": the year alone
    (33, 25, "spelling"),         # "managment"
]


def write_names(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "words.txt").write_text(NAMES, encoding="utf-8")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["cv", "check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_planted_mistake_at_its_line_and_column_and_nothing_else(capsys, mockview_home: Path) -> None:
    write_names(mockview_home)
    code, out, _ = run(capsys, str(PLANTED), "--json")
    assert code == 1
    data = json.loads(out)
    assert [(p["line"], p["column"], p["kind"]) for p in data["problems"]] == PLANTED_PROBLEMS
    lines = PLANTED.read_text().split("\n")
    for problem in data["problems"]:
        if problem["kind"] == "spelling":
            word = problem["message"].split("'")[1]
            assert lines[problem["line"] - 1][problem["column"] - 1:].startswith(word)
    assert data["counts"] == {"spelling": 2, "repeated-word": 1, "date-format": 2, "no-outcome": 4,
                              "weak-opening": 3, "missing-must-have": 0}
    assert data["ok"] is False and data["job"] is None


def test_text_output_is_file_line_column_and_a_summary(capsys, mockview_home: Path) -> None:
    write_names(mockview_home)
    code, out, _ = run(capsys, str(PLANTED))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{PLANTED}:14:3: no number or outcome: say what changed, and by how much"
    assert f"{PLANTED}:16:13: 'the' twice in a row" in lines
    assert f"{PLANTED}:22:72: unknown word 'mesages' (did you mean 'messages'?)" in lines
    assert (f"{PLANTED}:19:47: date 'January 2018' is written as the month in full (March 2021); most dates here "
            "use a short month (Mar 2021), like 'Mar 2021' on line 11") in lines
    assert f"{PLANTED}:21:3: weak opening 'Helped with': start with what you did ('Led', 'Built', 'Cut', 'Trained')" \
        in lines
    assert lines[len(PLANTED_PROBLEMS)] == (
        f"{PLANTED}: 2 spelling mistakes, 1 repeated word, 2 inconsistent dates, 4 bullets with no number or "
        "outcome, 3 weak openings")
    assert lines[-1] == f"Names and words you use on purpose: add them to {mockview_home / 'words.txt'}, one a line."


def test_names_are_flagged_until_they_are_in_the_personal_word_list(capsys) -> None:
    _, out, _ = run(capsys, str(PLANTED), "--json")
    flagged = {p["message"].split("'")[1] for p in json.loads(out)["problems"] if p["kind"] == "spelling"}
    assert flagged == {"Priya", "Raman", "Harbourline", "mesages", "managment"}


def test_against_a_posting_synonyms_count(capsys, mockview_home: Path) -> None:
    write_names(mockview_home)
    assert main(["job", "add", str(JOBS / "backend-engineer.txt")]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, str(PLANTED), "--job", "tidewater", "--json")
    assert code == 1
    data = json.loads(out)
    missing = [p for p in data["problems"] if p["kind"] == "missing-must-have"]
    assert [(p["line"], p["column"]) for p in missing] == [(1, 1), (1, 1)]
    assert [p["message"].split(" (")[0] for p in missing] == ["the posting asks for compliance",
                                                              "the posting asks for AWS"]
    # "Postgres" is PostgreSQL, "trained 6 engineers" is mentoring, "written communication" is communication
    assert not any(word in p["message"] for p in missing for word in ("PostgreSQL", "mentoring", "communication",
                                                                       "Go or Python", "Kubernetes", "Docker"))
    assert data["counts"]["missing-must-have"] == 2 and data["job"] == "tidewater-payments-senior-backend-engineer"


def test_a_clean_cv_exits_zero(capsys) -> None:
    code, out, _ = run(capsys, str(CV / "clean.txt"))
    assert (code, out) == (0, f"{CV / 'clean.txt'}: no problems found\n")


def test_a_clean_cv_against_its_posting(capsys) -> None:
    assert main(["job", "add", str(JOBS / "retail-assistant.txt")]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, str(CV / "clean.txt"), "--job", "larkspur")
    assert code == 0, out


def speller() -> Speller:
    return Speller(frozenset())


def kinds(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.kind) for p in check_cv(text, speller())]


def test_skill_vocabulary_and_british_spelling_are_never_flagged() -> None:
    text = ("Skills\n- Kubernetes, Terraform, PostgreSQL, Figma, Tableau, pandas, NumPy, Snowflake, Airflow\n"
            "Organised the centre's colour-coded stock programme and analysed the behaviour of 40 travellers\n")
    assert kinds(text) == []


def test_acronyms_links_and_codes_are_not_words() -> None:
    text = "Contact: jo.bloggs@example.org, https://github.com/jobloggs, AWS, Q3, 5k, `kubectl`\n"
    assert kinds(text) == []


def test_repeated_words_and_exceptions() -> None:
    assert kinds("Managed a a team of four.\n") == [(1, 11, "repeated-word")]
    assert kinds("What it had had was a budget of 5k.\n") == []


@pytest.mark.parametrize(("dates", "expected"), [
    ("Jan 2020 - Mar 2021\nSept 2018 - Dec 2019\n", []),
    ("March 2020 - May 2021\nJune 2019 - January 2020\n", []),
    ("03/2020 - 05/2021\nJan 2019 - Feb 2020\nFeb 2018 - Jan 2019\n", [(1, 1), (1, 11)]),
    ("2020-03 - 2021-05\n2019-01 - 2020-02\n2016 - 2019\n", [(3, 1)]),
])
def test_date_formats(dates: str, expected: list[tuple[int, int]]) -> None:
    assert [(p.line, p.column) for p in check_cv(dates, speller()) if p.kind == "date-format"] == expected


def test_bullets_in_a_skills_section_need_no_outcome() -> None:
    text = "## Skills\n- Friendly with customers of every age\n## Experience\n- Friendly with customers of every age\n"
    assert kinds(text) == [(4, 3, "no-outcome")]


def test_spelling_loads_offline_from_its_own_package_data(monkeypatch) -> None:
    from spellchecker import SpellChecker

    def no_network(*args, **kwargs):
        raise AssertionError("the spelling check tried to use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    checker = SpellChecker(language="en", distance=1)
    assert "management" in checker and "managment" not in checker


def bad(capsys, path: Path) -> str:
    code, out, err = run(capsys, str(path))
    assert code == 1 and out == "" and len(err.splitlines()) == 1
    return err.strip()


def test_bad_input_is_one_line(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")
    assert bad(capsys, empty) == f"mockview: {empty} is empty: there is no CV in it"
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(b"%PDF-1.4\n...")
    assert bad(capsys, pdf).startswith(f"mockview: {pdf} is a PDF, not text; save it as plain text first")
    binary = tmp_path / "cv.bin"
    binary.write_bytes(b"\x00\x01\x02 hello")
    assert "is a binary file, not text" in bad(capsys, binary)
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert bad(capsys, huge) == (f"mockview: {huge} is 50 MiB; a CV is a few pages of text (at most 1 MiB): "
                                 "is it the right file?")
    latin = tmp_path / "latin.md"
    latin.write_bytes(b"Jos\xe9 Garc\xeda\n")
    assert bad(capsys, latin).startswith(f"mockview: {latin}:1:4: not UTF-8 text (byte 0xe9)")


def test_unknown_job_is_one_line(capsys) -> None:
    code, out, err = run(capsys, str(CV / "clean.txt"), "--job", "nope")
    assert code == 1 and err.startswith("mockview: no saved posting 'nope'")


def test_exit_codes_of_the_real_command(run_cli) -> None:
    assert run_cli("cv", "check", str(CV / "clean.txt")).returncode == 0
    planted = run_cli("cv", "check", str(PLANTED))
    assert planted.returncode == 1 and planted.stderr == ""
