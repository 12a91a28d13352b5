"""The concept vocabulary is well formed, and its stored index matches it.

A broken phrasing would silently never match, a concept defined twice would
shadow another, and a stale index would slow every `mockview score`.
"""

from __future__ import annotations

import json
from pathlib import Path

from mockview.analysis.phrases import compile_phrase
from mockview.analysis.vocabulary import all_concepts, compute_index

ROOT = Path(__file__).resolve().parent.parent


def test_every_phrasing_compiles_and_can_match() -> None:
    concepts = all_concepts()
    assert len(concepts) >= 150
    for item in concepts.values():
        assert item.names and (item.phrasings or item.structural), item.id
        for source in (*item.names, *item.phrasings):
            assert compile_phrase(source).content, (item.id, source)


def test_the_stored_index_is_fresh() -> None:
    stored = json.loads((ROOT / "mockview" / "analysis" / "vocabulary" / "index.json").read_text("utf-8"))
    fresh = compute_index()
    assert stored["digest"] == fresh["digest"], "run: python tools/build_vocabulary_index.py"
    assert stored["names"] == fresh["names"] and stored["topics"] == fresh["topics"]
