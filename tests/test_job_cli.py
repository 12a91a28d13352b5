"""``mockview job add|list|show|delete``, in-process, and every kind of bad input."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from mockview.cli import main

JOBS = Path(__file__).parent / "data" / "jobs"


def add(capsys, name: str, *extra: str) -> str:
    assert main(["job", "add", str(JOBS / name), *extra]) == 0
    out = capsys.readouterr().out
    return out.split()[2].rstrip(":")  # "saved posting ID: ..."


def saved_files(home: Path) -> list[str]:
    folder = home / "jobs"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_add_list_show_delete(capsys, mockview_home: Path) -> None:
    job_id = add(capsys, "backend-engineer.txt")
    assert job_id == "tidewater-payments-senior-backend-engineer"
    assert saved_files(mockview_home) == [f"{job_id}.json"]
    saved = json.loads((mockview_home / "jobs" / f"{job_id}.json").read_text())
    assert saved["text"] == (JOBS / "backend-engineer.txt").read_text()  # stored as typed

    assert main(["job", "list"]) == 0
    listing = capsys.readouterr().out
    assert job_id in listing and "Tidewater Payments" in listing
    assert main(["job", "list", "--json"]) == 0
    (summary,) = json.loads(capsys.readouterr().out)
    assert summary["must_haves"] == 9 and summary["nice_to_haves"] == 1

    assert main(["job", "show", "tidewater", "--json"]) == 0  # a unique start of the id is enough
    shown = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["must"]) for r in shown["requirements"] if r["kind"] == "requirement"] == [
        ("building backend services in production", True), ("Go or Python", True), ("PostgreSQL", True),
        ("Docker, Kubernetes and AWS", True), ("communication", True), ("Kafka", False)]

    assert main(["job", "delete", job_id]) == 0
    assert "deleted posting" in capsys.readouterr().out
    assert saved_files(mockview_home) == []
    assert main(["job", "list"]) == 0
    assert "No postings yet" in capsys.readouterr().out


def test_company_and_role_options_win(capsys) -> None:
    job_id = add(capsys, "barista-prose.txt", "--company", "Harbour & Bean", "--role", "Barista")
    assert job_id == "harbour-bean-barista"
    assert main(["job", "show", job_id]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Barista at Harbour & Bean\n")


def test_same_role_twice_gets_its_own_id(capsys, tmp_path: Path) -> None:
    first = add(capsys, "retail-assistant.txt")
    other = tmp_path / "second.txt"
    other.write_text((JOBS / "retail-assistant.txt").read_text().replace("Didsbury", "Chorlton"))
    assert main(["job", "add", str(other)]) == 0
    second = capsys.readouterr().out.split()[2].rstrip(":")
    assert (first, second) == ("larkspur-home-garden-sales-assistant", "larkspur-home-garden-sales-assistant-2")
    assert main(["job", "show", "larkspur"]) == 1
    assert "could be larkspur-home-garden-sales-assistant, larkspur-home-garden-sales-assistant-2" in \
        capsys.readouterr().err


def test_the_same_posting_twice_is_refused(capsys, mockview_home: Path) -> None:
    add(capsys, "staff-nurse.txt")
    assert main(["job", "add", str(JOBS / "staff-nurse.txt")]) == 1
    assert "already saved as" in capsys.readouterr().err
    assert len(saved_files(mockview_home)) == 1


def test_posting_from_standard_input(capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((JOBS / "product-designer.md").read_bytes())))
    assert main(["job", "add", "-"]) == 0
    out = capsys.readouterr().out
    assert "saved posting quillfeather-product-designer: Product Designer at Quillfeather" in out
    assert main(["job", "show", "quillfeather-product-designer", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == "standard input"


def test_unknown_id_names_the_known_ones(capsys) -> None:
    assert main(["job", "show", "acme"]) == 1
    assert capsys.readouterr().err == "mockview: no saved posting 'acme' (postings: none yet; add one with: " \
                                      "mockview job add FILE)\n"
    add(capsys, "graduate-scheme.txt")
    assert main(["job", "delete", "acme"]) == 1
    assert "(postings: ashgrove-building-society-finance-graduate)" in capsys.readouterr().err


def one_line_error(capsys, args: list[str]) -> str:
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err
    return lines[0]


def test_nothing_recognisable_is_one_line_and_nothing_saved(capsys, mockview_home: Path) -> None:
    line = one_line_error(capsys, ["job", "add", str(JOBS / "not-a-posting.txt")])
    assert "found no requirements, skills or values" in line
    assert not (mockview_home / "jobs").exists()


def test_empty_file(capsys, tmp_path: Path, mockview_home: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    assert one_line_error(capsys, ["job", "add", str(empty)]) == f"mockview: {empty} is empty: there is no posting in it"
    assert not (mockview_home / "jobs").exists()


def test_binary_and_documents(capsys, tmp_path: Path, mockview_home: Path) -> None:
    cases = {"posting.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "posting.docx": b"PK\x03\x04\x14\x00\x06\x00",
             "image.png": b"\x89PNG\r\n\x1a\n\x00\x00", "blob.bin": b"Requirements\n- SQL\x00\x00\x01"}
    expected = {"posting.pdf": "a PDF", "posting.docx": "a zipped document (a Word .docx or similar)",
                "image.png": "an image", "blob.bin": "a binary file"}
    for name, raw in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        line = one_line_error(capsys, ["job", "add", str(path)])
        assert line.startswith(f"mockview: {path} is {expected[name]}, not text; save it as plain text first")
    assert not (mockview_home / "jobs").exists()


def test_a_50_mb_file_is_refused_before_reading(capsys, tmp_path: Path, mockview_home: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to the disk
    line = one_line_error(capsys, ["job", "add", str(huge)])
    assert line == f"mockview: {huge} is 50 MiB; a posting is a few pages of text (at most 1 MiB): is it the right file?"
    assert not (mockview_home / "jobs").exists()


def test_an_endless_pipe_stops_at_the_limit(capsys, monkeypatch) -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    assert "is over 1 MiB" in one_line_error(capsys, ["job", "add", "-"])


def test_undecodable_bytes_say_where(capsys, tmp_path: Path, mockview_home: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Requirements\n- Exp\xe9rience with SQL\n".encode("latin-1"))
    line = one_line_error(capsys, ["job", "add", str(latin)])
    assert line == (f"mockview: {latin}:2:6: not UTF-8 text (byte 0xe9); save the posting as UTF-8 "
                    "(most editors offer it under 'Save as')")
    assert not (mockview_home / "jobs").exists()


def test_missing_file_folder_and_fifo(capsys, tmp_path: Path) -> None:
    assert one_line_error(capsys, ["job", "add", str(tmp_path / "nope.txt")]) == \
        f"mockview: no such file: {tmp_path / 'nope.txt'}"
    assert one_line_error(capsys, ["job", "add", str(tmp_path)]) == f"mockview: {tmp_path} is a folder, not a file"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert "is not a regular file" in one_line_error(capsys, ["job", "add", str(fifo)])


def test_a_failed_write_leaves_nothing(capsys, monkeypatch, mockview_home: Path) -> None:
    def broken(path, text, *, shared=False):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("mockview.store.drafts.write_atomically", broken)
    line = one_line_error(capsys, ["job", "add", str(JOBS / "backend-engineer.txt")])
    assert line.endswith("No space left on device")
    assert saved_files(mockview_home) == []


def test_a_damaged_saved_posting_is_reported_not_fatal(capsys, mockview_home: Path) -> None:
    add(capsys, "warehouse-caps.txt")
    (mockview_home / "jobs" / "broken.json").write_text("{not json")
    assert main(["job", "list"]) == 0
    captured = capsys.readouterr()
    assert "ridgeway-foods-warehouse-team-leader" in captured.out
    assert "broken.json: cannot read it" in captured.err
    line = one_line_error(capsys, ["job", "show", "broken"])
    assert "broken.json: cannot read it (not a saved posting)" in line


@pytest.mark.parametrize("args", [["job"], ["job", "add"], ["cv"], ["job", "show"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
