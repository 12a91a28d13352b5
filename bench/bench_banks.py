"""Loading and validating many banks: 100 generated banks, 10,000 questions."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mockview.banks.library import load_library
from mockview.banks.loading import forget_checked_banks
from run import Benchmark

BANKS = 100
QUESTIONS_PER_BANK = 100
_folder: Path | None = None
_data_dir: Path | None = None


def _question(bank: int, number: int) -> str:
    return f"""\
  - id: q-{number}
    text: Tell me about situation number {number} in bank {bank} and what you did.
    category: category-{number % 10}
    tags: [tag-{number % 7}, tag-{number % 3}]
    keywords:
      - listened
      - term: compromise
        synonyms: [middle ground, trade-off]
        weight: 2
        required: {"true" if number % 5 == 0 else "false"}
      - term: result
        synonyms: [outcome, impact]
    tips:
      - Say what changed because of you.
    follow_ups:
      - What would you do differently?
"""


def _setup() -> None:
    global _folder, _data_dir
    _folder = Path(tempfile.mkdtemp(prefix="mockview-bench-banks-"))
    _data_dir = _folder / "data"
    for bank in range(BANKS):
        body = "".join(_question(bank, n) for n in range(QUESTIONS_PER_BANK))
        (_folder / "banks").mkdir(exist_ok=True)
        (_folder / "banks" / f"bank-{bank}.yaml").write_text(
            f"bank: bank-{bank}\ntitle: Generated bank {bank}\n"
            f"defaults:\n  kind: star\n  time_limit: 120\nquestions:\n{body}"
        )


def _teardown() -> None:
    if _folder is not None:
        shutil.rmtree(_folder, ignore_errors=True)


def _load(data_dir: Path | None) -> None:
    """One load as a new process makes it: nothing remembered from the load before."""
    assert _folder is not None
    forget_checked_banks()
    library = load_library(data_dir, [_folder / "banks"], include_shipped=False, include_user=False)
    count = sum(len(bank.questions) for bank in library.banks.values())
    assert count == BANKS * QUESTIONS_PER_BANK and not library.problems, library.problems[:3]


def _load_cold() -> None:
    _load(None)


def _setup_warm() -> None:
    _setup()
    _load(_data_dir)  # fills the cache, as the first start after an edit would


def _load_warm() -> None:
    _load(_data_dir)


BENCHMARKS = [
    Benchmark(
        "load+validate 100 banks, 10,000 q (unchanged files)",
        _load_warm,
        target=0.5,
        unit="s",
        repeat=7,
        setup=_setup_warm,
        teardown=_teardown,
        note="in-process; files read and hashed, checked banks from the content cache",
    ),
    Benchmark(
        "load+validate 100 banks, 10,000 q (first load)",
        _load_cold,
        unit="s",
        repeat=5,
        setup=_setup,
        teardown=_teardown,
        note="in-process; every file parsed and checked (PyYAML's C parser)",
    ),
]
