"""Write mockview/analysis/lemma_table.py from simplemma's English dictionary.

    pip install simplemma==2.0.0 && python tools/build_lemmas.py

Why a table instead of simplemma at run time: importing simplemma and
decompressing its English dictionary costs about 0.45 s per process, three
times what ``mockview score`` may take in all. The rule-based stemmer in
``mockview.analysis.words`` already handles regular plurals and tenses, so
only the forms it gets wrong are kept: irregular verbs and nouns ("ran",
"taught", "children"), and suffixes it cannot undo. Re-running the script
with the same simplemma version writes the same file.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = ROOT / "mockview" / "analysis" / "lemma_table.py"

HEADER = '''"""Irregular English word forms and their lemmas (generated; do not edit).

Written by tools/build_lemmas.py from simplemma {version}'s English
dictionary (MIT licence): only the forms that the rule-based stemmer in
:mod:`mockview.analysis.words` would get wrong. Comparatives and
superlatives are left out on purpose: "better" is not "good" in a rubric.
"""

from functools import cache

_TABLE = """\
'''

FOOTER = '''"""


@cache
def irregular() -> dict[str, str]:
    """Form -> lemma; parsed on first use (a dict literal this size takes 50 ms to import).

    Every line is two words, so the words taken in pairs are the entries:
    half the time of splitting line by line.
    """
    words = iter(_TABLE.split())
    return dict(zip(words, words))
'''


def main() -> int:
    import simplemma
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    from mockview.analysis.words import rule_stem

    dictionary = DefaultDictionaryFactory().get_dictionary("en")
    rows: dict[str, str] = {}
    for form, lemma in dictionary.items():
        lemma = lemma.decode() if isinstance(lemma, bytes) else lemma
        if not (form.isascii() and form.isalpha() and form.islower() and lemma.isalpha()):
            continue
        lemma = lemma.lower()
        if len(form) < 2 or form == lemma or form.endswith(("er", "est")):
            continue
        if rule_stem(form) == rule_stem(lemma):
            continue
        rows[form] = lemma
    lines = [HEADER.format(version=simplemma.__version__)]
    for form in sorted(rows):
        lines.append(f"{form} {rows[form]}\n")
    lines.append(FOOTER)
    TARGET.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(rows)} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
