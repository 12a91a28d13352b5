"""Work on the concept vocabulary (mockview/analysis/vocabulary/).

    python tools/vocab.py check                     # every phrasing compiles; names, ids and sizes
    python tools/vocab.py try "TERM" "SENTENCE" ... # does the term's point show in each sentence?
    python tools/vocab.py show TERM                 # which concepts a term names, and their phrasings
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mockview.analysis.keywords import keyword_concepts, match_keywords  # noqa: E402
from mockview.analysis.phrases import PhraseError, compile_phrase  # noqa: E402
from mockview.analysis.sentences import split_sentences  # noqa: E402
from mockview.analysis.vocabulary import MODULES, all_concepts, term_key  # noqa: E402
from mockview.banks.model import Keyword  # noqa: E402

MIN_PHRASINGS = 8


def check() -> int:
    problems = 0
    concepts = all_concepts()
    names: dict[tuple[str, ...], list[str]] = {}
    for item in concepts.values():
        if item.id != item.id.lower() or " " in item.id:
            print(f"{item.id}: ids are lowercase words joined by '-'")
            problems += 1
        if len(item.phrasings) < MIN_PHRASINGS and not item.structural:
            print(f"{item.id}: only {len(item.phrasings)} phrasings (want {MIN_PHRASINGS}+)")
            problems += 1
        for source in (*item.names, *item.phrasings):
            try:
                phrase = compile_phrase(source)
            except PhraseError as error:
                print(f"{item.id}: {error}")
                problems += 1
                continue
            if not phrase.content:
                print(f"{item.id}: {source!r} has only little words and can never match")
                problems += 1
        for name in item.names:
            names.setdefault(term_key(name), []).append(item.id)
        seen = Counter(item.phrasings)
        for source, count in seen.items():
            if count > 1:
                print(f"{item.id}: phrasing {source!r} listed {count} times")
                problems += 1
    for name_key, ids in names.items():
        if len(set(ids)) > 1:
            print(f"name {' '.join(name_key)!r} is shared by {', '.join(sorted(set(ids)))} (a term naming it matches both)")
    counts = Counter()
    for module in MODULES:
        from importlib import import_module

        counts[module] = len(import_module(f"mockview.analysis.vocabulary.{module}").CONCEPTS)
    print(", ".join(f"{m} {counts[m]}" for m in MODULES))
    print(f"{len(concepts)} concepts, {sum(len(c.phrasings) for c in concepts.values())} phrasings, "
          f"{sum(len(c.names) for c in concepts.values())} names")
    print("ok" if not problems else f"{problems} problems")
    return 1 if problems else 0


def try_term(term: str, sentences: list[str]) -> int:
    keyword = Keyword(term)
    for sentence in sentences:
        report = match_keywords(sentence, (keyword,), sentences=split_sentences(sentence))
        if report.matched:
            match = report.matched[0]
            print(f"MADE   ({match.how}{': ' + match.concept if match.concept else ''}, "
                  f"via {match.form!r}: {match.found!r})  {sentence}")
        elif report.near_misses:
            near = report.near_misses[0]
            print(f"near   ({near.why}: {near.found!r})  {sentence}")
        else:
            print(f"-      {sentence}")
    return 0


def show(term: str) -> int:
    concepts = keyword_concepts(Keyword(term))
    if not concepts:
        print(f"{term!r} names no concept; it matches its own words (and their families) only")
    for item in concepts:
        print(f"{item.id}: {item.gloss}")
        print("  names: " + "; ".join(item.names))
        print("  phrasings: " + "; ".join(item.phrasings))
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["check"]:
        raise SystemExit(check())
    if args[:1] == ["try"] and len(args) >= 3:
        raise SystemExit(try_term(args[1], args[2:]))
    if args[:1] == ["show"] and len(args) == 2:
        raise SystemExit(show(args[1]))
    print(__doc__)
    raise SystemExit(2)
