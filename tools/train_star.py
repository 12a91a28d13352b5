"""Fit the STAR sequence model and write mockview/analysis/star_weights.json.

    python tools/train_star.py            # train on judge/tuning and judge-train, write the weights
    python tools/train_star.py --check    # exit 1 if the written file is not what training gives
    python tools/train_star.py --cv       # 5-fold cross-validation on the training answers

The model is a linear chain over the answer's sentences (see
mockview/analysis/sequence.py), a conditional random field fitted by
AdaGrad on the log-likelihood with a little L2 (an averaged structured
perceptron is kept beside it for comparison: METHOD). Whether each part is
present is then decided by two numbers per part, chosen by 5-fold
cross-validation: the probability that no sentence tells it must be under
`absent_below`, or one sentence on the best path must read as it ahead of
every other part by `clear_lead`.

Only tests/data/judge/tuning and tests/data/judge-train are used; dev and blind stay unseen. Each complete
training answer is also shown with its Result, its Action and its Situation
taken out, because real answers miss parts and the model must not learn
that every answer ends in a Result. A feature must appear in at least two
different answers to get a weight, so no single answer's wording is learned
by heart. Everything is deterministic: the same data gives the same file.
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import TRAIN_SET, JudgeCase, judge_cases  # noqa: E402

from mockview.analysis.sentences import Sentence, split_sentences  # noqa: E402
from mockview.analysis.sequence import END, START, STATES, emission_scores, sentence_features, viterbi  # noqa: E402

TARGET = ROOT / "mockview" / "analysis" / "star_weights.json"
EPOCHS = 12
SEED = 20261201
MIN_ANSWERS = 2
DROPPED = ("result", "action", "situation")


def labelled_sentences(case: JudgeCase) -> tuple[list[Sentence], list[str]]:
    """The answer split as mockview splits it, each sentence with the label of the segment covering most of it."""
    sentences = split_sentences(case.answer)
    labels = []
    for sentence in sentences:
        best, overlap = "none", 0
        for segment in case.segments:
            shared = min(sentence.end, segment.end) - max(sentence.start, segment.start)
            if shared > overlap:
                best, overlap = segment.part or "none", shared
        labels.append(best)
    return sentences, labels


Example = tuple[list[list[str]], list[int], str]


def examples(cases: list[JudgeCase]) -> list[Example]:
    found: list[Example] = []
    for case in cases:
        if case.kind != "star":
            continue
        sentences, labels = labelled_sentences(case)
        if not sentences:
            continue
        variants = [(sentences, labels)]
        present = set(labels)
        if {"situation", "action", "result"} <= present:
            for part in DROPPED:
                kept = [(s, label) for s, label in zip(sentences, labels) if label != part]
                variants.append(([s for s, _ in kept], [label for _, label in kept]))
        for index, (kept_sentences, kept_labels) in enumerate(variants):
            features = sentence_features(
                [s.text for s in kept_sentences], [s.bullet for s in kept_sentences], [None] * len(kept_sentences)
            )
            found.append((features, [STATES.index(label) for label in kept_labels], f"{case.id}#{index}"))
    return found


class Perceptron:
    def __init__(self, allowed: set[str]) -> None:
        self.allowed = allowed
        size = len(STATES)
        self.weights: dict[str, list[float]] = {}
        self.totals: dict[str, list[float]] = {}
        self.stamps: dict[str, list[int]] = {}
        self.transitions = {name: [0.0] * size for name in (START, END, *STATES)}
        self.transition_totals = {name: [0.0] * size for name in self.transitions}
        self.transition_stamps = {name: [0] * size for name in self.transitions}
        self.step = 0

    def _bump(self, table, totals, stamps, name: str, state: int, amount: float) -> None:
        if name not in table:
            table[name] = [0.0] * len(STATES)
            totals[name] = [0.0] * len(STATES)
            stamps[name] = [0] * len(STATES)
        totals[name][state] += (self.step - stamps[name][state]) * table[name][state]
        stamps[name][state] = self.step
        table[name][state] += amount

    def train(self, features: list[list[str]], gold: list[int]) -> None:
        self.step += 1
        emissions = emission_scores(features, self.weights)
        guess = viterbi(emissions, self.transitions)
        if guess == gold:
            return
        for index, (right, wrong) in enumerate(zip(gold, guess)):
            if right != wrong:
                for name in features[index]:
                    if name in self.allowed:
                        self._bump(self.weights, self.totals, self.stamps, name, right, 1.0)
                        self._bump(self.weights, self.totals, self.stamps, name, wrong, -1.0)
        for path, amount in ((gold, 1.0), (guess, -1.0)):
            previous = START
            for state in path:
                self._bump(self.transitions, self.transition_totals, self.transition_stamps, previous, state, amount)
                previous = STATES[state]
            self._bump(self.transitions, self.transition_totals, self.transition_stamps, END, path[-1], amount)

    def averaged(self, table, totals, stamps) -> dict[str, list[float]]:
        result = {}
        for name, weights in table.items():
            averaged = [
                (totals[name][s] + (self.step - stamps[name][s]) * weights[s]) / self.step for s in range(len(STATES))
            ]
            if any(abs(value) >= 0.0005 for value in averaged):
                result[name] = [round(value, 3) for value in averaged]
        return result


class CRF:
    """A linear-chain conditional random field fitted by AdaGrad on the log-likelihood, with L2."""

    def __init__(self, allowed: set[str], examples: int) -> None:
        size = len(STATES)
        self.allowed = allowed
        self.weights: dict[str, list[float]] = {}
        self.squares: dict[str, list[float]] = {}
        self.transitions = {name: [0.0] * size for name in (START, END, *STATES)}
        self.transition_squares = {name: [0.0] * size for name in self.transitions}
        self.l2 = L2 / max(1, examples)

    def _update(self, table, squares, name: str, gradient: list[float]) -> None:
        if name not in table:
            table[name] = [0.0] * len(STATES)
            squares[name] = [0.0] * len(STATES)
        weights, sums = table[name], squares[name]
        for state, value in enumerate(gradient):
            value -= self.l2 * (LEXICAL_L2 if _lexical(name) else 1.0) * weights[state]
            if value:
                sums[state] += value * value
                weights[state] += RATE * value / math.sqrt(sums[state])

    def train(self, features: list[list[str]], gold: list[int]) -> None:
        from mockview.analysis.sequence import backward, forward

        size = len(STATES)
        emissions = emission_scores(features, self.weights)
        alpha, total = forward(emissions, self.transitions)
        beta = backward(emissions, self.transitions)
        count = len(features)
        nodes = [[math.exp(alpha[i][s] + beta[i][s] - total) for s in range(size)] for i in range(count)]
        for index in range(count):
            gradient = [(1.0 if gold[index] == s else 0.0) - nodes[index][s] for s in range(size)]
            for name in features[index]:
                if name in self.allowed:
                    self._update(self.weights, self.squares, name, gradient)
        rows = [self.transitions[state] for state in STATES]
        edges = {name: [0.0] * size for name in self.transitions}
        edges[START] = [(1.0 if gold[0] == s else 0.0) - nodes[0][s] for s in range(size)]
        edges[END] = [(1.0 if gold[-1] == s else 0.0) - nodes[-1][s] for s in range(size)]
        for index in range(1, count):
            for previous in range(size):
                row = edges[STATES[previous]]
                for state in range(size):
                    expected = math.exp(alpha[index - 1][previous] + rows[previous][state]
                                        + emissions[index][state] + beta[index][state] - total)
                    row[state] += (1.0 if (gold[index - 1], gold[index]) == (previous, state) else 0.0) - expected
        for name, gradient in edges.items():
            self._update(self.transitions, self.transition_squares, name, gradient)

    def result(self) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
        emissions = {name: [round(v, 3) for v in values] for name, values in self.weights.items()
                     if any(abs(v) >= 0.0005 for v in values)}
        transitions = {name: [round(v, 3) for v in values] for name, values in self.transitions.items()}
        return emissions, transitions


METHOD = "crf"
RATE = 0.05
L2 = 1.0
LEXICAL_L2 = 20.0
"""How much harder a single word's weight is pulled to zero than a class of words' ("c:result-word",
position, length). One word is evidence about its authors as much as about STAR: "three" and "agreed"
had learned to mean Result, so "The finance team had three different counts..." opened as one."""


def _lexical(name: str) -> bool:
    """A feature naming particular words: a word, the first one or two, a pronoun and the word after it."""
    return name.startswith(("w:", "f1:", "f2:", "i:", "we:", "my:", "our:"))


def fit(cases: list[JudgeCase]) -> dict:
    data = examples(cases)
    answers_with: dict[str, set[str]] = {}
    for features, _, example_id in data:
        answer = example_id.split("#")[0]
        for names in features:
            for name in names:
                answers_with.setdefault(name, set()).add(answer)
    allowed = {name for name, answers in answers_with.items() if len(answers) >= MIN_ANSWERS}
    order = list(range(len(data)))
    shuffle = random.Random(SEED)
    if METHOD == "crf":
        crf = CRF(allowed, len(data))
        for _ in range(EPOCHS):
            shuffle.shuffle(order)
            for index in order:
                features, gold, _ = data[index]
                crf.train(features, gold)
        emissions, transitions = crf.result()
    else:
        perceptron = Perceptron(allowed)
        for _ in range(EPOCHS):
            shuffle.shuffle(order)
            for index in order:
                features, gold, _ = data[index]
                perceptron.train(features, gold)
        emissions = perceptron.averaged(perceptron.weights, perceptron.totals, perceptron.stamps)
        transitions = perceptron.averaged(perceptron.transitions, perceptron.transition_totals,
                                          perceptron.transition_stamps)
    for name in (START, END, *STATES):
        transitions.setdefault(name, [0.0] * len(STATES))
    return {
        "about": "STAR sequence weights; written by tools/train_star.py from tests/data/judge/tuning and "
                 "tests/data/judge-train. Do not edit.",
        "states": list(STATES),
        "trained_on": len({example_id.split('#')[0] for _, _, example_id in data}),
        "emissions": dict(sorted(emissions.items())),
        "transitions": transitions,
    }


def render(weights: dict) -> str:
    lines = ["{"]
    lines.append(f'  "about": {json.dumps(weights["about"])},')
    lines.append(f'  "states": {json.dumps(weights["states"])},')
    lines.append(f'  "trained_on": {weights["trained_on"]},')
    lines.append(f'  "absent_below": {json.dumps(weights["absent_below"])},')
    lines.append(f'  "clear_lead": {json.dumps(weights["clear_lead"])},')
    lines.append('  "transitions": {')
    items = list(weights["transitions"].items())
    for index, (name, values) in enumerate(items):
        lines.append(f"    {json.dumps(name)}: {json.dumps(values)}" + ("," if index + 1 < len(items) else ""))
    lines.append("  },")
    lines.append('  "emissions": {')
    items = list(weights["emissions"].items())
    for index, (name, values) in enumerate(items):
        lines.append(f"    {json.dumps(name, ensure_ascii=False)}: {json.dumps(values)}" + ("," if index + 1 < len(items) else ""))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def training_cases() -> list[JudgeCase]:
    """The tuning set and the training-only answers (tests/data/judge-train)."""
    return judge_cases("tuning") + judge_cases(TRAIN_SET)


THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
PARTS = ("situation", "task", "action", "result")


CVRow = tuple[list[str], list[str], dict[str, float], str, dict[str, float]]


def cross_validated(cases: list[JudgeCase], folds: int = 5) -> list[CVRow]:
    """For every training answer, decoded by a model trained without its fold: labels, path, absence
    probabilities, which variant it is (the answer itself, or with its Result or Action taken out), and
    each part's clear lead on the path."""
    from mockview.analysis import sequence

    cases = [case for case in cases if case.kind == "star"]
    groups = sorted({case.group for case in cases})
    rows = []
    for fold in range(folds):
        held = {g for i, g in enumerate(groups) if i % folds == fold}
        weights = fit([c for c in cases if c.group not in held])
        learned = sequence.Model(weights["emissions"], weights["transitions"])
        for case in (c for c in cases if c.group in held):
            sentences, labels = labelled_sentences(case)
            variants = [(sentences, labels, "answer")]
            if {"action", "result"} <= set(labels):
                for part in ("result", "action"):
                    kept = [(s, label) for s, label in zip(sentences, labels) if label != part]
                    variants.append(([s for s, _ in kept], [label for _, label in kept], part))
            for kept_sentences, kept_labels, variant in variants:
                texts = [s.text for s in kept_sentences]
                features = sentence_features(texts, [s.bullet for s in kept_sentences], [None] * len(texts))
                emissions = emission_scores(features, learned.emissions)
                path = [STATES[state] for state in viterbi(emissions, learned.transitions)]
                absent = sequence.absent_probabilities(emissions, learned.transitions)
                leads = sequence.clear_leads(emissions, [STATES.index(state) for state in path])
                rows.append((kept_labels, path, absent, variant, leads))
    return rows


LEADS = (0.0, 0.5, 1.0, 2.0, 4.0, None)
"""Candidate clear leads; ``None`` means a part is never judged present by its lead alone."""

Rule = tuple[float, float | None]


def judged_present(part: str, absent: dict[str, float], leads: dict[str, float], rule: Rule) -> bool:
    """Exactly as sequence.decode judges it, with ``rule`` as the model's threshold and lead."""
    from mockview.analysis import sequence

    threshold, lead = rule
    return sequence.judged_present(part, absent, leads, sequence.Model({}, {}, {part: threshold}, {part: lead}))


NOTICED_AT_LEAST = 0.90
"""A removed Result or Action must be noticed this often; within that, presence agreement decides.

Weighing the two equally bought a removed part noticed 0.98 of the time at
the price of complete answers called fumbled: a strong story read as having
no Result is the worse mistake for someone practising."""


def choose_rules(rows) -> dict[str, Rule]:
    """Per part, the absence threshold and clear lead that agree best with the labels while a removed
    part is still noticed at least NOTICED_AT_LEAST of the time."""
    chosen = {}
    answers = [r for r in rows if r[3] == "answer"]
    for part in PARTS:
        removed = [r for r in rows if r[3] == part]

        def quality(rule: Rule) -> tuple[bool, float, float]:
            agree = sum(1 for labels, _, absent, _, leads in answers
                        if (part in labels) == judged_present(part, absent, leads, rule))
            noticed = sum(1 for _, _, absent, _, leads in removed if not judged_present(part, absent, leads, rule))
            noticed_share = noticed / len(removed) if removed else 1.0
            return noticed_share >= NOTICED_AT_LEAST, agree / len(answers), noticed_share

        rules = [(threshold, lead) for threshold in THRESHOLDS for lead in LEADS]
        chosen[part] = max(rules, key=lambda r: (*quality(r), -abs(r[0] - 0.5), r[1] is None, r[1] or 0.0))
    return chosen


def report(rows, rules: dict[str, Rule]) -> None:
    answers = [r for r in rows if r[3] == "answer"]
    agree = sum(1 for labels, _, absent, _, leads in answers for part in PARTS
                if (part in labels) == judged_present(part, absent, leads, rules[part]))
    right = sum(1 for labels, path, *_ in answers for want, got in zip(labels, path) if want == got != "none")
    total = sum(1 for labels, *_ in answers for want in labels if want != "none")
    noticed = {part: [not judged_present(part, absent, leads, rules[part])
                      for _, _, absent, variant, leads in rows if variant == part]
               for part in ("result", "action")}
    print(f"cross-validated on {len(answers)} answers: placement {right / total:.3f}, "
          f"presence {agree / (4 * len(answers)):.3f}, removed Result noticed "
          f"{sum(noticed['result']) / max(1, len(noticed['result'])):.3f}, removed Action noticed "
          f"{sum(noticed['action']) / max(1, len(noticed['action'])):.3f}; (absent below, clear lead) {rules}")


def main(argv: list[str]) -> int:
    cases = training_cases()
    rows = cross_validated(cases)
    rules = choose_rules(rows)
    if argv != ["--check"]:
        report(rows, rules)
    if argv == ["--cv"]:
        return 0
    weights = fit(cases)
    weights["absent_below"] = {part: threshold for part, (threshold, _) in rules.items()}
    weights["clear_lead"] = {part: lead for part, (_, lead) in rules.items()}
    text = render(weights)
    if argv == ["--check"]:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET.relative_to(ROOT)} is not what training gives; run: python tools/train_star.py")
            return 1
        print(f"{TARGET.relative_to(ROOT)} is up to date")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    count = len(json.loads(text)["emissions"])
    print(f"wrote {TARGET.relative_to(ROOT)}: {count} features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
