"""Folders of banks shared through git: ``mockview banks add`` and ``banks update``.

A coach or a bootcamp keeps its banks in a git repository. ``banks add
URL`` clones it into ``<data dir>/banks/NAME/`` (found there like any of
the person's banks), ``banks add PATH`` links a folder that already lives
somewhere (a checkout of their own, a shared drive), and ``banks update``
pulls the clones. The real ``git`` command does the work; mockview only
says in one line what went wrong.

A clone is made in a hidden folder and renamed into place only when it has
succeeded, and a pull only fast-forwards, so a failed clone leaves nothing
behind and a failed pull leaves the copy as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from mockview.banks.library import bank_files
from mockview.banks.model import ID_PATTERN
from mockview.errors import MockviewError

GIT_TIMEOUT = 300
"""Seconds a clone or pull may take before it is given up (a stalled network, a huge repository)."""
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|[\w.-]+@[\w.-]+:)", re.IGNORECASE)

Kind = Literal["git", "link"]


@dataclass(frozen=True, slots=True)
class SharedFolder:
    """A folder of banks in the user's banks that came from elsewhere."""

    name: str
    path: Path
    kind: Kind
    origin: str
    """The repository's URL (``git``) or the folder linked (``link``)."""

    def describe(self) -> str:
        return f"git {self.origin}" if self.kind == "git" else f"link to {self.origin}"


def looks_like_url(source: str) -> bool:
    """``https://…``, ``ssh://…``, ``file://…`` or ``git@host:path``: something to clone, not a folder."""
    return bool(_URL.match(source))


def name_for(source: str) -> str:
    """The folder name a source gets by default: its last part, without ``.git``, as an id."""
    last = re.split(r"[/:\\]", source.rstrip("/\\"))[-1]
    if last.endswith(".git"):
        last = last[:-4]
    cleaned = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in last.lower())
    return "-".join(part for part in cleaned.split("-") if part) or "shared-banks"


def add_shared(banks_dir: Path, source: str, name: str | None = None) -> SharedFolder:
    """Clone ``source`` (a git URL) or link it (a folder) into ``banks_dir`` as ``name``."""
    name = name or name_for(source)
    if not ID_PATTERN.match(name):
        raise MockviewError(f"invalid name '{name}': use lowercase letters, digits and '-' (e.g. '{name_for(name)}')")
    target = banks_dir / name
    if target.exists() or target.is_symlink():
        raise MockviewError(f"{target} already exists; update it with: mockview banks update {name} "
                            "(or choose another --name)")
    if looks_like_url(source):
        return _clone(source, target, name)
    folder = Path(source).expanduser()
    if not folder.exists():
        raise MockviewError(f"no such folder: {source} (a git URL looks like https://host/owner/banks.git)")
    if not folder.is_dir():
        raise MockviewError(f"{source} is a file: give the folder it is in, or copy it into {banks_dir}")
    if not _has_banks(folder):
        raise MockviewError(f"no .yaml bank files in {folder}")
    banks_dir.mkdir(parents=True, exist_ok=True)
    try:
        target.symlink_to(folder.resolve(), target_is_directory=True)
    except OSError as error:
        raise MockviewError(f"cannot link {target} to {folder}: {error.strerror or error}") from None
    return SharedFolder(name, target, "link", str(folder.resolve()))


def _clone(url: str, target: Path, name: str) -> SharedFolder:
    target.parent.mkdir(parents=True, exist_ok=True)
    # Hidden, so a half-made clone is never read as banks; renamed into place only when complete.
    staging = Path(tempfile.mkdtemp(prefix=f".{name}-cloning-", dir=target.parent))
    try:
        _git(["clone", "--quiet", "--", url, str(staging / "repo")], f"cannot clone {url}")
        if not _has_banks(staging / "repo"):
            raise MockviewError(f"{url} has no .yaml bank files; nothing was added")
        os.replace(staging / "repo", target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return SharedFolder(name, target, "git", url)


@dataclass(frozen=True, slots=True)
class Updated:
    folder: SharedFolder
    message: str
    ok: bool = True


def update_shared(banks_dir: Path, name: str | None = None) -> list[Updated]:
    """Pull every clone (or the one named); links are left to whoever owns them."""
    folders = shared_folders(banks_dir)
    if name is not None:
        folders = [f for f in folders if f.name == name]
        if not folders:
            known = ", ".join(f.name for f in shared_folders(banks_dir)) or "none yet (add one with: mockview banks add)"
            raise MockviewError(f"no shared banks called '{name}' (shared: {known})")
    results = []
    for folder in folders:
        if folder.kind == "link":
            results.append(Updated(folder, f"a link to {folder.origin}; nothing to pull (update it where it lives)"))
            continue
        before = _head(folder.path)
        try:
            _git(["-C", str(folder.path), "pull", "--ff-only", "--quiet"], f"cannot update {folder.name}")
        except MockviewError as error:
            results.append(Updated(folder, f"{error}; your copy is unchanged", ok=False))
            continue
        after = _head(folder.path)
        results.append(Updated(folder, "already up to date" if before == after else f"updated {before[:7]}..{after[:7]}"))
    return results


def shared_folders(banks_dir: Path) -> list[SharedFolder]:
    """The clones and links at the top of ``banks_dir``, by name."""
    if not banks_dir.is_dir():
        return []
    found = []
    for entry in sorted(banks_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and entry.is_dir():
            found.append(SharedFolder(entry.name, entry, "link", os.readlink(entry)))
        elif (entry / ".git").exists():
            found.append(SharedFolder(entry.name, entry, "git", _remote(entry)))
    return found


def origin_of(bank_path: str, banks_dir: Path, folders: list[SharedFolder]) -> SharedFolder | None:
    """The shared folder a bank file of the user's banks came from, if any."""
    try:
        relative = Path(bank_path).relative_to(banks_dir)
    except ValueError:
        return None
    top = relative.parts[0] if len(relative.parts) > 1 else None
    return next((folder for folder in folders if folder.name == top), None)


def _has_banks(folder: Path) -> bool:
    return next(bank_files(folder), None) is not None


def _remote(repo: Path) -> str:
    try:
        return _git(["-C", str(repo), "remote", "get-url", "origin"], "no remote").strip()
    except MockviewError:
        return str(repo)


def _head(repo: Path) -> str:
    try:
        return _git(["-C", str(repo), "rev-parse", "HEAD"], "no commit").strip()
    except MockviewError:
        return ""


def _git(arguments: list[str], failure: str) -> str:
    """Run git, never asking for a password (it would hang the command); a failure is one line."""
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", *arguments], capture_output=True, text=True, timeout=GIT_TIMEOUT,
                              env=environment, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise MockviewError("git is not installed; install it to share banks through git") from None
    except subprocess.TimeoutExpired:
        raise MockviewError(f"{failure}: git took more than {GIT_TIMEOUT} seconds") from None
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        # The first fatal line says what; any after it ("Could not read from remote repository") only that it failed.
        reason = next((line.removeprefix("fatal: ").removeprefix("error: ") for line in lines
                       if line.startswith(("fatal:", "error:"))), lines[-1] if lines else f"git exited {done.returncode}")
        raise MockviewError(f"{failure}: {reason}")
    return done.stdout
