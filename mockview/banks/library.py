"""Find and load every bank a command can see.

Banks come from three places, most specific first: files or folders given on
the command line (``--bank PATH``), the user's own ``<data dir>/banks/``, and
the banks shipped with the package. When two files claim the same bank id the
more specific one wins and the other is reported as a warning. A broken file
is reported and skipped; it never stops the others from loading.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from mockview.banks.cache import BankCache
from mockview.banks.model import Bank, BankSource, Question
from mockview.banks.problems import Problem
from mockview.banks.loading import load_bank_file, resolved
from mockview.errors import MockviewError
from mockview.paths import bank_cache_path, shipped_banks_dir, user_banks_dir

BANK_SUFFIXES = (".yaml", ".yml")


@dataclass
class Library:
    """The loaded banks, by id, and every problem met while loading them."""

    banks: dict[str, Bank] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: list[tuple[str, BankSource]] = field(default_factory=list)
    cache: BankCache | None = None

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    def questions(self) -> Iterator[Question]:
        for bank in self.banks.values():
            yield from bank.questions

    def question(self, full_id: str) -> Question | None:
        bank_id, _, question_id = full_id.partition("/")
        bank = self.banks.get(bank_id)
        return bank.question(question_id) if bank else None

    def variants(self, question: Question) -> list[Question]:
        """The same question, asked another way: the others linked to it by ``variant_of``.

        A family is a classic and every question that rewords it (or rewords
        one of its rewordings): the classic first, then the banks' order.
        """
        root = self._family_root(question)
        family = [other for other in self.questions()
                  if other.full_id != question.full_id and self._family_root(other) == root]
        return sorted(family, key=lambda other: other.full_id != root)

    def _family_root(self, question: Question) -> str:
        """The classic at the end of the links (a link to a missing question ends there; a loop is
        named by its smallest id, so every question in it finds the same root)."""
        path = [question.full_id]
        current = question
        while current.variant_of:
            target = self.question(current.variant_of)
            if target is None:
                return current.variant_of
            if target.full_id in path:
                return min(path[path.index(target.full_id):])
            path.append(target.full_id)
            current = target
        return current.full_id

    def check_variants(self) -> None:
        """Warn about ``variant_of`` links to questions no loaded bank has (they are ignored)."""
        for bank in self.banks.values():
            for question in bank.questions:
                if question.variant_of and self.question(question.variant_of) is None:
                    line, column = question.variant_at
                    self.problems.append(Problem(
                        bank.path, line or question.line or 1, column or 1,
                        f"'variant_of' of question '{question.id}' names {question.variant_of}, "
                        "which no loaded bank has; the link is ignored", "warning"))

    def bank(self, name: str) -> Bank:
        """The bank called ``name``, or a clear error naming the known ones."""
        if name in self.banks:
            return self.banks[name]
        from mockview.banks.suggest import suggest

        guess = suggest(name, self.banks)
        hint = f"; did you mean '{guess}'?" if guess else ""
        known = ", ".join(sorted(self.banks)) or "none"
        raise MockviewError(f"unknown bank '{name}'{hint} (loaded banks: {known})")

    def add_file(self, path: Path, source: BankSource, display: str | None = None) -> Bank | None:
        shown = display or str(path)
        self.files.append((shown, source))
        bank, problems = load_bank_file(path, source, shown, self.cache)
        self.problems.extend(problems)
        if bank is None:
            return None
        existing = self.banks.get(bank.id)
        if existing is not None:
            self.problems.append(
                Problem(
                    shown,
                    bank.line,
                    1,
                    f"bank '{bank.id}' from {existing.path} ({existing.source}) replaces this "
                    f"{source} bank with the same id; rename one of them to use both",
                    "warning",
                )
            )
            return existing
        self.banks[bank.id] = bank
        return bank

    def add_path(self, path: Path, source: BankSource) -> list[Bank]:
        """Load one file, or every bank file under a folder; return the banks."""
        if not path.exists():
            raise MockviewError(f"{path}: {missing(path)}")
        files = [path] if path.is_file() else list(bank_files(path))
        if path.is_dir() and not files:
            raise MockviewError(f"no .yaml bank files in {path}")
        loaded = [self.add_file(file, source) for file in files]
        return [bank for bank in loaded if bank is not None]


def missing(path: Path) -> str:
    """Why a path given by the person cannot be read: not there, a link to nothing, or a link loop."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "is a symbolic link loop"
        if os.path.islink(path):
            return f"is a symbolic link to {os.readlink(path)}, which does not exist"
        if error.errno != errno.ENOENT:
            return f"cannot be read: {error.strerror or error}"
    return "no such file or folder"


def bank_files(folder: Path) -> Iterator[Path]:
    """Every ``.yaml``/``.yml`` file under ``folder``, sorted, hidden ones skipped."""
    if not folder.is_dir():
        return
    visited: set[str] = set()
    # Links are followed: `banks add PATH` links a folder of banks in; a link back up is walked once.
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(BANK_SUFFIXES) and not name.startswith("."):
                yield Path(root) / name


def load_library(
    data_dir: Path | None,
    paths: Iterable[str | Path] = (),
    *,
    include_shipped: bool = True,
    include_user: bool = True,
) -> Library:
    """Load banks from the given paths, the user's folder and the shipped set.

    With a data directory, checked banks are cached there by content (see
    :mod:`mockview.banks.cache`), so unchanged files are not parsed again.
    """
    library = Library(cache=BankCache(bank_cache_path(data_dir)) if data_dir else None)
    for path in paths:
        library.add_path(Path(path), BankSource.PATH)
    if include_user and data_dir is not None:
        for file in bank_files(user_banks_dir(data_dir)):
            library.add_file(file, BankSource.USER)
    if include_shipped:
        for file in bank_files(shipped_banks_dir()):
            library.add_file(file, BankSource.SHIPPED)
    library.check_variants()
    if library.cache is not None:
        library.cache.save()
    return library


def split_bank_args(args: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split ``--bank`` values into bank names and paths to load.

    A value that names an existing file or folder, or looks like a path
    (contains a slash or ends in .yaml), is a path; anything else is a name.
    """
    names: list[str] = []
    paths: list[str] = []
    for arg in args:
        looks_like_path = os.sep in arg or "/" in arg or arg.endswith(BANK_SUFFIXES)
        if looks_like_path or (Path(arg).exists() and not _is_plain_name(arg)):
            paths.append(arg)
        else:
            names.append(arg)
    return names, paths


def _is_plain_name(arg: str) -> bool:
    return all(ch.isalnum() or ch == "-" for ch in arg)


@dataclass
class FileCheck:
    """The outcome of validating one bank file."""

    path: str
    bank: Bank | None
    problems: list[Problem]
    sound: Bank | None = None
    """What can be checked further: the bank, or for a file with errors its questions that have none of
    their own, so an author sees every warning in the first round rather than after fixing the errors."""

    @property
    def ok(self) -> bool:
        return self.bank is not None and not any(p.severity == "error" for p in self.problems)


def validate_files(paths: Iterable[str | Path], data_dir: Path | None) -> list[FileCheck]:
    """Validate the given files and folders (or every discovered bank).

    Bank ids clashing between the checked files, or with a bank already
    installed, are reported as warnings on the file that would lose.
    """
    targets: list[Path] = []
    checks: list[FileCheck] = []
    given = [Path(p) for p in paths]
    if not given:
        given = [shipped_banks_dir()]
        if data_dir is not None and user_banks_dir(data_dir).is_dir():
            given.append(user_banks_dir(data_dir))
    for path in given:
        if path.is_dir():
            targets.extend(bank_files(path))
        elif path.exists():
            targets.append(path)
        else:
            checks.append(FileCheck(str(path), None, [Problem(str(path), 1, 1, missing(path))]))
    owners: dict[str, str] = {}
    for target in targets:
        bank, problems = load_bank_file(target)
        if bank is not None:
            if bank.id in owners:
                problems.append(
                    Problem(
                        str(target),
                        bank.line,
                        1,
                        f"bank id '{bank.id}' is also used by {owners[bank.id]}; "
                        "only one of them will load",
                        "warning",
                    )
                )
            else:
                owners[bank.id] = str(target)
        check = FileCheck(str(target), bank, problems)
        check.sound = bank if check.ok else _sound_questions(target, problems)
        checks.append(check)
    installed = _installed_banks(data_dir, {resolved(t) for t in targets})
    _warn_clashes_with_installed(checks, installed)
    _check_variant_links(checks, installed)
    return checks


def _installed_banks(data_dir: Path | None, checked: set[Path]) -> dict[str, tuple[Path, Bank]]:
    """The shipped and user banks other than the files being checked, by id (the first of each id)."""
    installed: dict[str, tuple[Path, Bank]] = {}
    folders = [shipped_banks_dir()] + ([user_banks_dir(data_dir)] if data_dir else [])
    for folder in folders:
        for file in bank_files(folder):
            if resolved(file) in checked:
                continue
            bank, _ = load_bank_file(file)
            if bank is not None:
                installed.setdefault(bank.id, (file, bank))
    return installed


def _sound_questions(path: Path, problems: list[Problem]) -> Bank | None:
    """The questions of a file with errors that have none of their own, as a bank (or ``None``)."""
    from mockview.banks.reading import read_limited_bytes
    from mockview.banks.validate import draft_bank

    raw, _ = read_limited_bytes(path, str(path))
    return draft_bank(raw, str(path), problems) if raw is not None else None


def _check_variant_links(checks: list[FileCheck], installed: dict[str, tuple[Path, Bank]]) -> None:
    """A ``variant_of`` naming another bank should name one of its questions: a warning at its
    file:line:column, as the loader gives when it ignores the link (the bank still loads and works)."""
    known: dict[str, Bank] = {bank_id: bank for bank_id, (_, bank) in installed.items()}
    known.update({check.bank.id: check.bank for check in checks if check.bank is not None})
    for check in checks:
        if check.sound is None:
            continue
        for question in check.sound.questions:
            target_bank, _, target = question.variant_of.partition("/")
            if not question.variant_of or target_bank == check.sound.id:
                continue  # none, or checked with the file itself
            line, column = question.variant_at
            bank = known.get(target_bank)
            if bank is None:
                message = f"'variant_of' names the bank '{target_bank}', which is not installed or checked here"
            elif bank.question(target) is None:
                from mockview.banks.suggest import suggest

                guess = suggest(target, [q.id for q in bank.questions])
                hint = f"; did you mean '{target_bank}/{guess}'?" if guess else ""
                message = f"'variant_of' names no question of bank '{target_bank}': '{target}'{hint}"
            else:
                continue
            check.problems.append(Problem(check.path, line or question.line, column or 1,
                                          f"{message}; the link is ignored", "warning"))


def _warn_clashes_with_installed(checks: list[FileCheck], installed: dict[str, tuple[Path, Bank]]) -> None:
    for check in checks:
        if check.bank is not None and check.bank.id in installed:
            check.problems.append(
                Problem(
                    check.path,
                    check.bank.line,
                    1,
                    f"bank id '{check.bank.id}' is also used by the installed bank "
                    f"{installed[check.bank.id][0]}; choose another id",
                    "warning",
                )
            )
