"""Discovery of banks and the content cache that makes reloading cheap."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mockview.banks import validate
from mockview.banks.library import load_library, split_bank_args
from mockview.banks.loading import forget_checked_banks
from mockview.errors import MockviewError
from mockview.paths import bank_cache_path

BANKS = Path(__file__).parent / "data" / "banks"


def write_bank(folder: Path, bank_id: str, text: str = "A question?") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{bank_id}.yaml"
    path.write_text(f"bank: {bank_id}\nquestions:\n  - id: q\n    text: {text}\n")
    return path


def test_sources_are_shipped_user_and_path(mockview_home: Path, tmp_path: Path) -> None:
    write_bank(mockview_home / "banks", "mine")
    extra = write_bank(tmp_path / "extra", "extra")
    library = load_library(mockview_home, [extra])
    assert library.banks["mine"].source == "user"
    assert library.banks["extra"].source == "path"
    assert library.banks["star"].source == "shipped"
    assert library.question("mine/q").text == "A question?"
    assert library.question("mine/nope") is None
    assert library.question("nope/q") is None


def test_a_broken_bank_never_stops_the_others(mockview_home: Path) -> None:
    shutil.copy(BANKS / "invalid" / "python-tag.yaml", (mockview_home / "banks").mkdir(parents=True) or mockview_home / "banks" / "evil.yaml")
    write_bank(mockview_home / "banks", "good")
    library = load_library(mockview_home)
    assert "good" in library.banks and "star" in library.banks
    assert "evil" not in library.banks
    assert [p.message for p in library.errors] == [
        "YAML tag !!python/object/apply:os.system is not allowed: banks hold plain text, numbers and lists"
    ]


def test_the_more_specific_source_wins_a_bank_id_clash(mockview_home: Path, tmp_path: Path) -> None:
    mine = write_bank(mockview_home / "banks", "star", "My own star question?")
    library = load_library(mockview_home)
    assert library.banks["star"].path == str(mine)
    warnings = [p for p in library.problems if p.severity == "warning"]
    assert len(warnings) == 1 and "bank 'star' from" in warnings[0].message and "replaces this shipped bank" in warnings[0].message


def test_folders_are_searched_recursively_skipping_hidden(tmp_path: Path) -> None:
    write_bank(tmp_path / "banks" / "nested", "deep")
    write_bank(tmp_path / "banks" / ".hidden", "secret")
    (tmp_path / "banks" / "notes.txt").write_text("not a bank")
    library = load_library(None, [tmp_path / "banks"], include_shipped=False)
    assert set(library.banks) == {"deep"}


def test_missing_path_and_empty_folder_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(MockviewError, match="no such file or folder"):
        load_library(None, [tmp_path / "nope.yaml"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(MockviewError, match="no .yaml bank files in"):
        load_library(None, [tmp_path / "empty"])


def test_unknown_bank_name_suggests_the_closest(mockview_home: Path) -> None:
    library = load_library(mockview_home)
    with pytest.raises(MockviewError, match="unknown bank 'behavioural'; did you mean 'behavioral'?"):
        library.bank("behavioural")


def test_bank_arguments_split_into_names_and_paths() -> None:
    names, paths = split_bank_args(["star", "./mine.yaml", "team/banks", "extra.yml"])
    assert names == ["star"]
    assert paths == ["./mine.yaml", "team/banks", "extra.yml"]


def test_unchanged_files_come_from_the_cache(mockview_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_bank(mockview_home / "banks", "mine")
    first = load_library(mockview_home)
    assert bank_cache_path(mockview_home).is_file()

    def must_not_parse(*args, **kwargs):
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr(validate, "bank_from_bytes", must_not_parse)
    forget_checked_banks()  # the next start: a new process remembers nothing
    second = load_library(mockview_home)
    assert second.banks["mine"] == first.banks["mine"]
    assert second.banks["star"] == first.banks["star"]
    assert second.banks["star"].source == "shipped"


def test_a_reload_in_the_same_process_parses_nothing_unchanged_even_with_no_cache_on_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_bank(tmp_path / "mine", "mine", "First wording?")
    load_library(None, [path])

    def must_not_parse(*args, **kwargs):
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr(validate, "bank_from_bytes", must_not_parse)
    again = load_library(None, [path])
    assert again.question("mine/q").text == "First wording?"
    assert again.banks["star"].source == "shipped"
    monkeypatch.undo()
    path.write_text(path.read_text().replace("First wording?", "Second wording?"))
    assert load_library(None, [path]).question("mine/q").text == "Second wording?"


def test_editing_a_file_misses_the_cache(mockview_home: Path) -> None:
    path = write_bank(mockview_home / "banks", "mine", "First wording?")
    load_library(mockview_home)
    path.write_text(path.read_text().replace("First wording?", "Second wording?"))
    assert load_library(mockview_home).question("mine/q").text == "Second wording?"
    path.write_text("bank: mine\nquestions: []\n")
    library = load_library(mockview_home)
    assert "mine" not in library.banks
    assert [p.message for p in library.errors] == ["'questions' is empty: a bank needs at least one question"]


def test_cached_problems_are_reported_again(mockview_home: Path) -> None:
    shutil.copy(BANKS / "invalid" / "unknown-kind.yaml", (mockview_home / "banks").mkdir(parents=True) or mockview_home / "banks" / "bad.yaml")
    first = [str(p) for p in load_library(mockview_home).problems]
    forget_checked_banks()
    second = [str(p) for p in load_library(mockview_home).problems]
    assert first == second and len(first) == 1


@pytest.mark.parametrize("content", [b"", b"{not json", b"[1, 2]", b'{"validator": "old", "files": {}}', b"\xff\xfe"])
def test_a_corrupt_or_stale_cache_is_ignored(mockview_home: Path, content: bytes) -> None:
    cache = bank_cache_path(mockview_home)
    cache.parent.mkdir(parents=True)
    cache.write_bytes(content)
    library = load_library(mockview_home)
    assert {"behavioral", "star", "company-research"} <= set(library.banks)
    assert json.loads(cache.read_text())["files"]


def test_a_cache_entry_with_a_wrong_shape_is_ignored_and_repaired(mockview_home: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    load_library(mockview_home)
    cache = bank_cache_path(mockview_home)
    stored = json.loads(cache.read_text())
    for entry in stored["files"].values():
        entry[1] = ["broken"]
    cache.write_text(json.dumps(stored))
    forget_checked_banks()
    assert len(load_library(mockview_home).banks["star"].questions) >= 25

    def must_not_parse(*args, **kwargs):
        raise AssertionError("the broken entries were not written afresh")

    monkeypatch.setattr(validate, "bank_from_bytes", must_not_parse)
    forget_checked_banks()  # the start after: the cache was repaired
    assert len(load_library(mockview_home).banks["star"].questions) >= 25
