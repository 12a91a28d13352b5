"""Measure the answer analysis against hand-labelled answers.

    python bench/eval_analysis.py                  # all three sets, then the judge corpus (eval_judge.py)
    python bench/eval_analysis.py tuning dev       # some of them
    python bench/eval_analysis.py --show-errors    # list every disagreement

Each file in ``tests/data/answers*/`` holds a question, a typed answer and
what a coach would say: which STAR parts are present and the verdict. This
prints precision, recall and F1 per STAR part, and verdict accuracy with a
confusion table.

The three sets were written separately, by different authors:

* ``tuning`` (``answers/``): the cues and weights were tuned on it;
* ``dev`` (``answers-dev/``): written blind, then used for a second round
  of tuning once its first figures were read;
* ``blind`` (``answers-blind/``): never used for tuning and never read
  answer by answer; only its totals are looked at. Its figures are the
  honest estimate for answers the analysis has not seen. Do not use
  ``--show-errors`` on it when changing the lexicon.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mockview.analysis import analyse_answer
from mockview.analysis.lexicon import PARTS
from mockview.banks.model import DEFAULT_WORDS, Keyword, Question

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "tuning": ROOT / "tests" / "data" / "answers",
    "dev": ROOT / "tests" / "data" / "answers-dev",
    "blind": ROOT / "tests" / "data" / "answers-blind",
}
VERDICTS = ("strong", "ok", "fumbled")


@dataclass
class Scores:
    true_positive: Counter[str] = field(default_factory=Counter)
    false_positive: Counter[str] = field(default_factory=Counter)
    false_negative: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list, repr=False)
    """Per answer, what went wrong: out of the repr, so a failing floor test on the blind set prints
    counts, never an answer's name (as in eval_judge.Figures)."""
    star_answers: int = 0
    answers: int = 0

    def part(self, name: str) -> tuple[float, float, float]:
        tp, fp, fn = self.true_positive[name], self.false_positive[name], self.false_negative[name]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def micro_f1(self) -> float:
        tp = sum(self.true_positive.values())
        fp = sum(self.false_positive.values())
        fn = sum(self.false_negative.values())
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    @property
    def verdict_accuracy(self) -> float:
        right = sum(count for (expected, got), count in self.confusion.items() if expected == got)
        return right / self.answers if self.answers else 0.0

    @property
    def fumbled_recall(self) -> float:
        fumbled = sum(count for (expected, _), count in self.confusion.items() if expected == "fumbled")
        caught = self.confusion[("fumbled", "fumbled")]
        return caught / fumbled if fumbled else 1.0


def load_case(path: Path) -> tuple[Question, str, dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec = data["question"]
    keywords = []
    for item in spec.get("keywords") or []:
        if isinstance(item, str):
            keywords.append(Keyword(item))
        else:
            keywords.append(
                Keyword(
                    item["term"],
                    tuple(item.get("synonyms") or ()),
                    float(item.get("weight", 1)),
                    bool(item.get("required", False)),
                )
            )
    kind = spec.get("kind", "star")
    words = tuple(spec["words"]) if spec.get("words") else DEFAULT_WORDS[kind]
    question = Question(
        bank="eval", id=path.stem, text=spec["text"], kind=kind, keywords=tuple(keywords), words=words
    )
    return question, data.get("answer") or "", data["expected"]


def evaluate(folder: Path) -> Scores:
    scores = Scores()
    for path in sorted(folder.glob("*.yaml")):
        question, answer, expected = load_case(path)
        analysis = analyse_answer(question, answer)
        scores.answers += 1
        got_verdict = analysis.verdict.verdict
        scores.confusion[(expected["verdict"], got_verdict)] += 1
        problems = []
        if expected["verdict"] != got_verdict:
            problems.append(f"verdict {got_verdict} (expected {expected['verdict']}, score {analysis.score})")
        if question.kind == "star":
            scores.star_answers += 1
            for part in PARTS:
                want, got = bool(expected[part]), analysis.star.parts[part].present
                if want and got:
                    scores.true_positive[part] += 1
                elif got:
                    scores.false_positive[part] += 1
                    problems.append(f"+{part}")
                elif want:
                    scores.false_negative[part] += 1
                    problems.append(f"-{part}")
        if problems:
            scores.errors.append(f"{path.name}: {', '.join(problems)}")
    return scores


def report(name: str, scores: Scores, show_errors: bool) -> None:
    print(f"answers/{name} (our own writing): {scores.answers} answers, {scores.star_answers} of them STAR")
    print(f"  {'part':<10} {'precision':>9} {'recall':>7} {'F1':>6}")
    for part in PARTS:
        precision, recall, f1 = scores.part(part)
        print(f"  {part:<10} {precision:9.2f} {recall:7.2f} {f1:6.3f}")
    print(f"  STAR part presence, micro F1: {scores.micro_f1:.3f}")
    print(f"  verdict accuracy: {scores.verdict_accuracy:.3f}   fumbled recall: {scores.fumbled_recall:.3f}")
    print("  confusion (rows expected, columns got):")
    print("  " + " " * 9 + "".join(f"{v:>9}" for v in VERDICTS))
    for expected in VERDICTS:
        print(f"  {expected:<9}" + "".join(f"{scores.confusion[(expected, got)]:9d}" for got in VERDICTS))
    if show_errors and scores.errors:
        print("  disagreements:")
        for line in scores.errors:
            print(f"    {line}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", choices=[*SETS, []], help="which sets (default: all)")
    parser.add_argument("--show-errors", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    for name in args.sets or list(SETS):
        if not SETS[name].is_dir():
            print(f"{name}: no answers in {SETS[name]}", file=sys.stderr)
            continue
        report(name, evaluate(SETS[name]), args.show_errors)
    if not args.sets:
        # The figures the issues quote: the judge corpus in voices nobody here tunes on (tuning, dev,
        # sealed blind) and the paraphrase pairs, each beside the position-only floor.
        from eval_judge import main as judge_main

        print()
        judge_main([])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
