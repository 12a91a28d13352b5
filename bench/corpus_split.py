"""The fixed rule that puts each evaluation item in tuning, dev or blind.

The rule is decided before any tuning and never changes: an item's *group*
(a weak/strong pair shares one, so both answers land in the same set) is
hashed, and the hash alone picks the set. Nobody chooses where an answer
goes, so nobody can move a hard one out of the blind set.

    python bench/corpus_split.py GROUP ...     # prints the set of each group

Judge corpus (tests/data/judge/): half tuning, a quarter dev, a quarter blind.
Paraphrase corpus (tests/data/paraphrase/): grouped by rubric point; half
tuning, half blind (no dev set: it is small enough to read as totals only).
"""

from __future__ import annotations

import hashlib
import sys

JUDGE_SETS = ("tuning", "tuning", "dev", "blind")
PARAPHRASE_SETS = ("tuning", "blind")


def _bucket(group: str, buckets: int) -> int:
    digest = hashlib.sha256(group.strip().lower().encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % buckets


def judge_set(group: str) -> str:
    """"tuning", "dev" or "blind" for an answer (or pair) id."""
    return JUDGE_SETS[_bucket(group, len(JUDGE_SETS))]


def paraphrase_set(point: str) -> str:
    """"tuning" or "blind" for a rubric point."""
    return PARAPHRASE_SETS[_bucket(point, len(PARAPHRASE_SETS))]


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}\tjudge:{judge_set(name)}\tparaphrase:{paraphrase_set(name)}")
