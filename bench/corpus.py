"""Read the judge and paraphrase corpora (tests/data/judge, tests/data/paraphrase).

    python bench/corpus.py check            # every file well formed, in the set its group hashes to

The formats are described in each corpus folder's README.md. Loading checks
everything a typo could break: the markers, the labels, the verdicts, the
rubric, and that a file sits in the set the fixed rule gives its group.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_split import fresh_set, judge_set, paraphrase_set, short_set  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
JUDGE_DIR = ROOT / "tests" / "data" / "judge"
PARAPHRASE_DIR = ROOT / "tests" / "data" / "paraphrase"

MARKERS = {"S": "situation", "T": "task", "A": "action", "R": "result", "-": None}
_MARKER = re.compile(r"\[(S|T|A|R|-)\][ \t]?")
KINDS = ("star", "open", "research", "closing")
VERDICTS = ("strong", "ok", "fumbled")
QUALITIES = ("strong", "ok", "weak")


class CorpusError(ValueError):
    pass


@dataclass(frozen=True)
class Segment:
    part: str | None
    start: int
    end: int
    """Span in the answer text (markers removed), surrounding space trimmed."""


@dataclass(frozen=True)
class RubricPoint:
    point: str
    made: bool


@dataclass(frozen=True)
class JudgeCase:
    path: Path
    id: str
    group: str
    voice: str
    question_text: str
    kind: str
    quality: str
    verdict: str
    model: bool
    criticised: bool
    rubric: tuple[RubricPoint, ...]
    answer: str
    segments: tuple[Segment, ...]

    def text_of(self, segment: Segment) -> str:
        return self.answer[segment.start : segment.end]

    def without(self, part: str) -> str:
        """The answer with every sentence of ``part`` taken out (to test that its absence is noticed)."""
        pieces = []
        position = 0
        for segment in self.segments:
            if segment.part == part:
                pieces.append(self.answer[position : segment.start])
                position = segment.end
        pieces.append(self.answer[position:])
        text = re.sub(r"[ \t]{2,}", " ", "".join(pieces))
        # A bullet whose text was taken out leaves its marker behind.
        text = re.sub(r"(?m)^[ \t]*(?:[-*•]|\d+[.)])[ \t]*$\n?", "", text)
        return text.strip()


@dataclass(frozen=True)
class ParaphrasePair:
    point: str
    sentence: str
    made: bool


@dataclass
class ParaphraseFile:
    path: Path
    point: str
    source: str
    pairs: list[ParaphrasePair] = field(default_factory=list)
    batch: int = 1
    """Which batch of writing the file came in: the split rule differs (bench/corpus_split.py)."""


def strip_markers(marked: str) -> tuple[str, tuple[Segment, ...]]:
    """The answer text without markers, and the span of each marked segment."""
    text_parts: list[str] = []
    segments: list[tuple[str | None, int]] = []
    position = 0
    length = 0
    for match in _MARKER.finditer(marked):
        before = marked[position : match.start()]
        text_parts.append(before)
        length += len(before)
        segments.append((MARKERS[match.group(1)], length))
        position = match.end()
    text_parts.append(marked[position:])
    text = "".join(text_parts)
    if not segments:
        raise CorpusError("the answer has no [S]/[T]/[A]/[R]/[-] markers")
    if text[: segments[0][1]].strip(" \t\n-*•0123456789.)"):
        raise CorpusError(f"text before the first marker: {text[: segments[0][1]].strip()[:40]!r}")
    spans = []
    for index, (part, start) in enumerate(segments):
        end = segments[index + 1][1] if index + 1 < len(segments) else len(text)
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        trimmed = raw.strip()
        # A bullet or number that starts the next line belongs to no segment.
        trimmed = re.sub(r"(?:\n[ \t]*(?:[-*•]|\d+[.)])?[ \t]*)+$", "", trimmed)
        if not trimmed:
            raise CorpusError(f"marker number {index + 1} labels no text")
        spans.append(Segment(part, start + lead, start + lead + len(trimmed)))
    return text, tuple(spans)


def _require(data: dict, key: str, path: Path):
    if key not in data:
        raise CorpusError(f"{path.name}: missing '{key}'")
    return data[key]


def load_judge_case(path: Path) -> JudgeCase:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise CorpusError(f"{path.name}: not a mapping")
    known = {"id", "group", "voice", "question", "quality", "verdict", "model", "criticised", "rubric", "answer"}
    unknown = set(data) - known
    if unknown:
        raise CorpusError(f"{path.name}: unknown keys {sorted(unknown)}")
    case_id = str(_require(data, "id", path))
    if path.stem != case_id:
        raise CorpusError(f"{path.name}: id {case_id!r} is not the file name")
    question = _require(data, "question", path)
    kind = question.get("kind", "star")
    if kind not in KINDS:
        raise CorpusError(f"{path.name}: kind {kind!r}")
    quality = _require(data, "quality", path)
    verdict = _require(data, "verdict", path)
    if quality not in QUALITIES or verdict not in VERDICTS:
        raise CorpusError(f"{path.name}: quality {quality!r} / verdict {verdict!r}")
    rubric = []
    for item in data.get("rubric") or []:
        if not isinstance(item, dict) or set(item) != {"point", "made"} or not isinstance(item["made"], bool):
            raise CorpusError(f"{path.name}: rubric item {item!r}")
        words = str(item["point"]).split()
        if not 1 <= len(words) <= 4:
            raise CorpusError(f"{path.name}: rubric point {item['point']!r} is not 1-4 words")
        rubric.append(RubricPoint(str(item["point"]), item["made"]))
    try:
        answer, segments = strip_markers(str(_require(data, "answer", path)))
    except CorpusError as error:
        raise CorpusError(f"{path.name}: {error}") from None
    return JudgeCase(
        path=path,
        id=case_id,
        group=str(data.get("group") or case_id),
        voice=str(data.get("voice", "")),
        question_text=str(_require(question, "text", path)),
        kind=kind,
        quality=quality,
        verdict=verdict,
        model=bool(data.get("model", False)),
        criticised=bool(data.get("criticised", False)),
        rubric=tuple(rubric),
        answer=answer,
        segments=segments,
    )


TRAIN_SET = "train"
"""The STAR model's training-only answers, tests/data/judge-train, beside the judge sets."""
SHORT_SET_NAMES = ("short/dev", "short/dev-extra", "short/blind")
"""Short answers (two to six sentences) in other voices, tests/data/judge-short/{dev,dev-extra,blind}:
measured, never trained on; the blind half is read as totals only."""
SHORT_DIR = JUDGE_DIR.parent / "judge-short"
FRESH_SET_NAMES = ("fresh/dev", "fresh/blind")
"""A fresh batch in other voices, tests/data/judge-fresh/{dev,blind}, written on 2026-12-08 after the
judge's blind totals had been read to choose between model variants: its blind two thirds is the
sealed set nothing has been chosen by."""
FRESH_DIR = JUDGE_DIR.parent / "judge-fresh"


def judge_cases(set_name: str) -> list[JudgeCase]:
    """A judge set's answers by file name: tuning, dev, blind, :data:`TRAIN_SET`, or one of
    :data:`SHORT_SET_NAMES` and :data:`FRESH_SET_NAMES`."""
    if set_name == TRAIN_SET:
        folder = JUDGE_DIR.parent / "judge-train"
    elif set_name in SHORT_SET_NAMES:
        folder = SHORT_DIR / set_name.split("/", 1)[1]
    elif set_name in FRESH_SET_NAMES:
        folder = FRESH_DIR / set_name.split("/", 1)[1]
    else:
        folder = JUDGE_DIR / set_name
    return [load_judge_case(path) for path in sorted(folder.glob("*.yaml"))]


def load_paraphrase_file(path: Path) -> ParaphraseFile:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) - {"point", "source", "pairs", "batch"}:
        raise CorpusError(f"{path.name}: expected point, source, pairs and perhaps batch")
    point = str(_require(data, "point", path))
    if not 1 <= len(point.split()) <= 4:
        raise CorpusError(f"{path.name}: point {point!r} is not 1-4 words")
    batch = data.get("batch", 1)
    if batch not in (1, 2):
        raise CorpusError(f"{path.name}: batch {batch!r} is not 1 or 2")
    result = ParaphraseFile(path, point, str(data.get("source", "general")), batch=batch)
    for item in _require(data, "pairs", path) or []:
        if not isinstance(item, dict) or not isinstance(item.get("made"), bool) or not item.get("sentence"):
            raise CorpusError(f"{path.name}: pair {item!r}")
        if set(item) - {"made", "sentence", "why"}:
            raise CorpusError(f"{path.name}: pair keys {sorted(item)}")
        result.pairs.append(ParaphrasePair(point, str(item["sentence"]), item["made"]))
    return result


PARAPHRASE_SET_NAMES = ("tuning", "dev", "blind")
"""The paraphrase sets; only the second batch has a dev set."""


def paraphrase_files(set_name: str) -> list[ParaphraseFile]:
    return [load_paraphrase_file(path) for path in sorted((PARAPHRASE_DIR / set_name).glob("*.yaml"))]


def check() -> int:
    """Every file loads and sits where the rule puts it; prints counts, and the path of a file that fails
    (never its content, so a sealed blind file is named only when it cannot be read or is misplaced)."""
    problems = 0
    ids: dict[str, Path] = {}
    # Every labelled answer, measured or trained on, in one id space, so none is both; each folder with
    # the rule that places its answers (dev-extra and the training answers are placed by no rule).
    folders: list[tuple[Path, str, Callable[[str], str] | None]] = [
        *((JUDGE_DIR / name, name, judge_set) for name in ("tuning", "dev", "blind")),
        *((SHORT_DIR / name, name, short_set) for name in ("dev", "blind")),
        *((FRESH_DIR / name, name, fresh_set) for name in ("dev", "blind")),
        (SHORT_DIR / "dev-extra", "dev-extra", None),
        (JUDGE_DIR.parent / "judge-train", TRAIN_SET, None),
    ]
    for folder, set_name, rule in folders:
        for path in sorted(folder.glob("*.yaml")):
            try:
                case = load_judge_case(path)
            except (CorpusError, yaml.YAMLError) as error:
                print(f"{path.relative_to(ROOT)}: {error}")
                problems += 1
                continue
            if rule is not None and rule(case.group) != set_name:
                print(f"{path.relative_to(ROOT)}: group {case.group!r} belongs in {rule(case.group)}/")
                problems += 1
            if folder.parent == SHORT_DIR and not 2 <= len(case.segments) <= 6:
                print(f"{path.relative_to(ROOT)}: {len(case.segments)} sentences; a short answer has two to six")
                problems += 1
            if case.id in ids:
                print(f"{path.relative_to(ROOT)}: id also in {ids[case.id].relative_to(ROOT)}")
                problems += 1
            ids[case.id] = path
    points: dict[str, Path] = {}
    for set_name in PARAPHRASE_SET_NAMES:
        for path in sorted((PARAPHRASE_DIR / set_name).glob("*.yaml")):
            try:
                item = load_paraphrase_file(path)
            except (CorpusError, yaml.YAMLError) as error:
                print(f"{path.relative_to(ROOT)}: {error}")
                problems += 1
                continue
            if paraphrase_set(item.point, item.batch) != set_name:
                print(f"{path.relative_to(ROOT)}: point {item.point!r} belongs in "
                      f"{paraphrase_set(item.point, item.batch)}/")
                problems += 1
            key = item.point.strip().lower()
            if key in points:
                print(f"{path.relative_to(ROOT)}: point also in {points[key].relative_to(ROOT)}")
                problems += 1
            points[key] = path
    for set_name in ("tuning", "dev", "blind"):
        count = len(list((JUDGE_DIR / set_name).glob("*.yaml")))
        print(f"judge/{set_name}: {count} answers")
    for set_name in ("dev", "dev-extra", "blind"):
        print(f"judge-short/{set_name}: {len(list((SHORT_DIR / set_name).glob('*.yaml')))} answers")
    for set_name in ("dev", "blind"):
        print(f"judge-fresh/{set_name}: {len(list((FRESH_DIR / set_name).glob('*.yaml')))} answers")
    print(f"judge-train: {len(list((JUDGE_DIR.parent / 'judge-train').glob('*.yaml')))} answers")
    for set_name in PARAPHRASE_SET_NAMES:
        files = list((PARAPHRASE_DIR / set_name).glob("*.yaml"))
        pairs = 0
        for path in files:
            try:
                pairs += len(load_paraphrase_file(path).pairs)
            except (CorpusError, yaml.YAMLError):
                pass
        print(f"paraphrase/{set_name}: {len(files)} points, {pairs} pairs")
    print("ok" if not problems else f"{problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:] != ["check"]:
        print(__doc__)
        raise SystemExit(2)
    raise SystemExit(check())
