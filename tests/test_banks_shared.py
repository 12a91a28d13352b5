"""Banks shared through git: ``banks add PATH|GIT-URL``, ``banks update``, and where ``banks list`` says
each came from. The real ``git`` runs on a repository made in the test."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from mockview.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs the git command")
BANK = "bank: {id}\nquestions:\n  - id: why-us\n    text: Why us?\n    kind: open\n    tags: [shared]\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.email=coach@example.invalid", "-c", "user.name=Coach",
                    *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A coach's repository of banks, with one commit."""
    folder = tmp_path / "coach-banks"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    (folder / "loop.yaml").write_text(BANK.format(id="coach-loop"))
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "first")
    return folder


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys) -> dict[str, dict]:
    code, out, _ = run(capsys, "banks", "list", "--json")
    assert code == 0
    return {str(entry["bank"]): entry for entry in json.loads(out)}


def test_a_git_repository_is_cloned_into_your_banks_and_listed_with_its_origin(repo: Path, mockview_home: Path,
                                                                              capsys) -> None:
    url = repo.as_uri()
    code, out, err = run(capsys, "banks", "add", url, "--name", "coach")
    clone = mockview_home / "banks" / "coach"
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"added coach (git {url}): 1 bank file in {clone}"
    entry = listed(capsys)["coach-loop"]
    assert entry["from"] == f"git {url}" and entry["check"] == "ok" and entry["source"] == "user"
    code, out, _ = run(capsys, "banks", "list")
    row = next(line for line in out.splitlines() if line.startswith("coach-loop "))
    assert row.split()[-2:] == ["git", url] and " ok " in row


def test_update_pulls_new_commits(repo: Path, mockview_home: Path, capsys) -> None:
    run(capsys, "banks", "add", repo.as_uri(), "--name", "coach")
    (repo / "more.yaml").write_text(BANK.format(id="coach-more"))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "more")
    code, out, err = run(capsys, "banks", "update", "coach")
    assert code == 0, err
    assert out.startswith("coach: updated ")
    assert "coach-more" in listed(capsys)
    assert run(capsys, "banks", "update")[1] == "coach: already up to date\n"


def test_a_failed_pull_is_one_line_and_leaves_the_copy_as_it_was(repo: Path, mockview_home: Path, capsys) -> None:
    run(capsys, "banks", "add", repo.as_uri(), "--name", "coach")
    clone = mockview_home / "banks" / "coach"
    before = (clone / "loop.yaml").read_text()
    shutil.rmtree(repo)  # the coach's repository is gone
    code, out, err = run(capsys, "banks", "update", "coach")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("mockview: cannot update coach: ")
    assert err.rstrip().endswith("; your copy is unchanged")
    assert (clone / "loop.yaml").read_text() == before
    assert listed(capsys)["coach-loop"]["check"] == "ok"


def test_a_failed_clone_is_one_line_and_leaves_nothing(tmp_path: Path, mockview_home: Path, capsys) -> None:
    missing = (tmp_path / "nowhere").as_uri()
    code, out, err = run(capsys, "banks", "add", missing, "--name", "coach")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"mockview: cannot clone {missing}: ")
    assert list((mockview_home / "banks").iterdir()) == []  # no half-made clone, hidden or not


def test_an_existing_copy_is_never_replaced(repo: Path, mockview_home: Path, capsys) -> None:
    run(capsys, "banks", "add", repo.as_uri(), "--name", "coach")
    code, _, err = run(capsys, "banks", "add", repo.as_uri(), "--name", "coach")
    assert code == 1 and "already exists; update it with: mockview banks update coach" in err


def test_a_folder_is_linked_and_its_invalid_banks_are_shown(tmp_path: Path, mockview_home: Path, capsys) -> None:
    folder = tmp_path / "shared drive"
    folder.mkdir()
    (folder / "good.yaml").write_text(BANK.format(id="drive-good"))
    (folder / "broken.yaml").write_text("bank: drive-broken\nquestions: []\n")
    code, out, err = run(capsys, "banks", "add", str(folder))
    assert code == 0, err
    assert out.startswith(f"added shared-drive (link to {folder.resolve()}): 2 bank files")
    entries = listed(capsys)
    assert entries["drive-good"]["from"] == f"link to {folder.resolve()}"
    broken = entries["None"]
    assert broken["valid"] is False and broken["check"].startswith("1 error (mockview banks validate ")
    code, out, _ = run(capsys, "banks", "update")
    assert out == f"shared-drive: a link to {folder.resolve()}; nothing to pull (update it where it lives)\n"


def test_bad_sources_are_one_clear_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    for source, message in ((str(tmp_path / "none"), "no such folder"),
                            (str(tmp_path / "empty"), "no .yaml bank files in"),
                            (str(tmp_path / "empty"), None)):
        if message is None:
            code, _, err = run(capsys, "banks", "add", source, "--name", "Bad Name")
            assert code == 1 and "invalid name 'Bad Name'" in err
            continue
        code, _, err = run(capsys, "banks", "add", source)
        assert code == 1 and message in err and err.count("\n") == 1
    code, _, err = run(capsys, "banks", "update", "nope")
    assert code == 1 and "no shared banks called 'nope'" in err
