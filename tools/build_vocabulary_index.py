"""Write mockview/analysis/vocabulary/index.json: the keys of every concept name and topic word.

    python tools/build_vocabulary_index.py           # after changing the vocabulary or the word rules
    python tools/build_vocabulary_index.py --check   # exit 1 if the stored index is stale

The index only saves time: a stale one is ignored at run time and the keys
are worked out again, so forgetting to rebuild costs speed, not
correctness. The test suite checks it is fresh.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mockview.analysis.vocabulary import compute_index  # noqa: E402

TARGET = ROOT / "mockview" / "analysis" / "vocabulary" / "index.json"


def render() -> str:
    return json.dumps(compute_index(), indent=0, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if argv == ["--check"]:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET.relative_to(ROOT)} is stale; run: python tools/build_vocabulary_index.py")
            return 1
        print(f"{TARGET.relative_to(ROOT)} is up to date")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
