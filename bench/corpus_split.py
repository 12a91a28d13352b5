"""The fixed rule that puts each evaluation item in tuning, dev or blind.

The rule is decided before any tuning and never changes: an item's *group*
(a weak/strong pair shares one, so both answers land in the same set) is
hashed, and the hash alone picks the set. Nobody chooses where an answer
goes, so nobody can move a hard one out of the blind set.

    python bench/corpus_split.py GROUP ...     # prints the set of each group

Judge corpus (tests/data/judge/): half tuning, a quarter dev, a quarter blind.
Short answers (tests/data/judge-short/): dev or blind, even odds each (32 and 48 of the first 80).
Fresh answers (tests/data/judge-fresh/): a third dev, two thirds blind. The judge's blind totals had
been read to choose between variants of the model, so by 2026-12-08 they flattered it; this batch,
written that day by a writer who never saw the analysis or the other corpora, is a sealed set nothing
has been chosen by.
Paraphrase corpus (tests/data/paraphrase/): grouped by rubric point. The first
batch (no ``batch:`` key) is half tuning, half blind, with no dev set. The
tuning figures of that batch (recall 0.96) told nothing about its blind ones
(0.48), so the second batch (``batch: 2``, written 2026-12-04 in voices
unlike the first, before anything was tuned on it) is split in thirds,
tuning / dev / blind, to give a set that can be read to see what generalises.
"""

from __future__ import annotations

import hashlib
import sys

JUDGE_SETS = ("tuning", "tuning", "dev", "blind")
SHORT_SETS = ("dev", "blind")
FRESH_SETS = ("dev", "blind", "blind")
PARAPHRASE_SETS = ("tuning", "blind")
PARAPHRASE_SETS_SECOND_BATCH = ("tuning", "dev", "blind")


def _bucket(group: str, buckets: int) -> int:
    digest = hashlib.sha256(group.strip().lower().encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % buckets


def judge_set(group: str) -> str:
    """"tuning", "dev" or "blind" for an answer (or pair) id."""
    return JUDGE_SETS[_bucket(group, len(JUDGE_SETS))]


def short_set(group: str) -> str:
    """"dev" or "blind" for a short answer (tests/data/judge-short/), even odds, no tuning half, since the
    model's short training answers (tests/data/judge-train/gen6-*) were written apart from these."""
    return SHORT_SETS[_bucket(group, len(SHORT_SETS))]


def fresh_set(group: str) -> str:
    """"dev" or "blind" for a fresh answer (tests/data/judge-fresh/): one in three dev, no tuning part;
    the model trains on none of them."""
    return FRESH_SETS[_bucket(group, len(FRESH_SETS))]


def paraphrase_set(point: str, batch: int = 1) -> str:
    """"tuning", "dev" or "blind" for a rubric point of the given batch (the first has no dev set)."""
    sets = PARAPHRASE_SETS if batch == 1 else PARAPHRASE_SETS_SECOND_BATCH
    return sets[_bucket(point, len(sets))]


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}\tjudge:{judge_set(name)}\tshort:{short_set(name)}\tfresh:{fresh_set(name)}"
              f"\tparaphrase:{paraphrase_set(name)}"
              f"\tparaphrase batch 2:{paraphrase_set(name, 2)}")
