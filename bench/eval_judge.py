"""Measure the judge on the judge and paraphrase corpora, beside the trivial floors.

    python bench/eval_judge.py                   # every set
    python bench/eval_judge.py tuning dev        # some sets
    python bench/eval_judge.py dev --show-errors # every disagreement (never on blind)
    python bench/eval_judge.py paraphrase        # the paraphrase pairs only
    python bench/eval_judge.py paraphrase/dev    # one paraphrase set, leaving the sealed blind one unread
    python bench/eval_judge.py train             # the STAR model's training answers (tests/data/judge-train)
    python bench/eval_judge.py short/dev         # short answers, two to six sentences (tests/data/judge-short)
    python bench/eval_judge.py short/dev-extra   # 100 more, written to the training brief (they flatter)
    python bench/eval_judge.py fresh/dev         # a fresh batch (tests/data/judge-fresh); fresh/blind is sealed
    python bench/eval_judge.py required          # shipped questions' required points in other people's words

For each judge set (tests/data/judge/{tuning,dev,blind}, the short answers of
tests/data/judge-short/{dev,dev-extra,blind}, the fresh batch of
tests/data/judge-fresh/{dev,blind}, the training answers) it prints the
figures the issues quote, for mockview and for the position-only splitter
(first 20% of the words Situation, 10% Task, 50% Action, 20% Result):

* STAR presence: agreement on whether each part is present, and per-part F1;
* placement: labelled sentences given their labelled part;
* a removed Result (Action) noticed: with that part's sentences taken out,
  the part is reported missing;
* verdicts: accuracy; model answers not fumbled; criticised answers not
  strong; the strong half of a pair not fumbled; the strong half scoring
  above the weak one;
* rubric: bare points made found, points not made matched, and an answer
  covering its own rubric better than another question's.

The blind sets are sealed: read their totals, never their answers, and never
change the analysis because of one of them. ``train`` is not in the default
run: the STAR model was fitted on those answers, so its STAR figures are
in-sample; its verdicts, which nothing is fitted on, are a second tuning set.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import (  # noqa: E402
    FRESH_SET_NAMES, PARAPHRASE_SET_NAMES, SHORT_SET_NAMES, TRAIN_SET, JudgeCase, judge_cases, paraphrase_files,
)

from mockview.analysis import analyse_answer  # noqa: E402
from mockview.analysis.lexicon import PARTS  # noqa: E402
from mockview.banks.model import DEFAULT_WORDS, Keyword, Question  # noqa: E402

JUDGE_SETS = ("tuning", "dev", "blind")
POSITION_SPLIT = (("situation", 0.2), ("task", 0.3), ("action", 0.8), ("result", 1.0))


def question_for(case: JudgeCase, *, with_rubric: bool = False) -> Question:
    keywords = tuple(Keyword(point.point) for point in case.rubric) if with_rubric else ()
    return Question(bank="eval", id=case.id, text=case.question_text, kind=case.kind,  # type: ignore[arg-type]
                    keywords=keywords, words=DEFAULT_WORDS[case.kind])


def position_parts(word_counts: list[int]) -> list[str]:
    """The position-only splitter: each sentence by where its middle word falls."""
    total = sum(word_counts) or 1
    parts = []
    seen = 0
    for count in word_counts:
        middle = (seen + count / 2) / total
        seen += count
        parts.append(next(part for part, edge in POSITION_SPLIT if middle <= edge))
    return parts


@dataclass
class Judge:
    """What one judge said about one answer."""

    sentence_parts: list[str | None]
    spans: list[tuple[int, int]]
    present: dict[str, bool]
    verdict: str | None = None
    score: int | None = None


def mockview_judge(case: JudgeCase, answer: str | None = None) -> Judge:
    analysis = analyse_answer(question_for(case), case.answer if answer is None else answer)
    return Judge(
        sentence_parts=list(analysis.star.assignments),
        spans=[(s.start, s.end) for s in analysis.sentences],
        present={part: analysis.star.parts[part].present for part in PARTS},
        verdict=analysis.verdict.verdict,
        score=analysis.score,
    )


def position_judge(case: JudgeCase, answer: str | None = None) -> Judge:
    from mockview.analysis.sentences import split_sentences

    sentences = split_sentences(case.answer if answer is None else answer)
    parts: list[str | None] = list(position_parts([max(1, s.word_count) for s in sentences]))
    return Judge(parts, [(s.start, s.end) for s in sentences], {p: p in parts for p in PARTS})


def placed(case: JudgeCase, judge: Judge) -> list[tuple[str | None, str | None]]:
    """(labelled part, judged part) for each labelled segment, by the sentence that covers most of it."""
    pairs = []
    for segment in case.segments:
        best, overlap = None, 0
        for (start, end), part in zip(judge.spans, judge.sentence_parts):
            shared = min(end, segment.end) - max(start, segment.start)
            if shared > overlap:
                best, overlap = part, shared
        pairs.append((segment.part, best))
    return pairs


@dataclass
class Figures:
    name: str
    presence_agree: int = 0
    presence_total: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    placed_right: int = 0
    placed_total: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    removed_noticed: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list, repr=False)
    """Per answer, what went wrong: kept out of the repr, so a failing floor test on a blind set prints
    counts, never an answer's name (pytest shows the repr of what an assert reads)."""

    def f1(self, part: str) -> float:
        tp, fp, fn = self.tp[part], self.fp[part], self.fn[part]
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _ratio(good: int, total: int) -> str:
    return f"{good / total:.2f}" if total else "  - "


def star_figures(name: str, cases: list[JudgeCase], judge_of, show_errors: bool) -> Figures:
    figures = Figures(name)
    for case in cases:
        if case.kind != "star":
            continue
        judged = judge_of(case)
        labelled = {part: any(s.part == part for s in case.segments) for part in PARTS}
        wrong = []
        for part in PARTS:
            figures.presence_total += 1
            if labelled[part] == judged.present[part]:
                figures.presence_agree += 1
            if labelled[part] and judged.present[part]:
                figures.tp[part] += 1
            elif judged.present[part]:
                figures.fp[part] += 1
                wrong.append(f"+{part}")
            elif labelled[part]:
                figures.fn[part] += 1
                wrong.append(f"-{part}")
        for want, got in placed(case, judged):
            if want is None:
                continue
            figures.placed_total += 1
            if want == got:
                figures.placed_right += 1
            elif show_errors:
                wrong.append(f"{want[0]}->{got[0] if got else '-'}")
        for part in ("result", "action"):
            if labelled[part] and labelled["action" if part == "result" else "result"]:
                figures.removed[part] += 1
                if not judge_of(case, case.without(part)).present[part]:
                    figures.removed_noticed[part] += 1
                else:
                    wrong.append(f"removed {part} unnoticed")
        if wrong:
            figures.errors.append(f"{case.path.name}: {' '.join(wrong)}")
    return figures


@dataclass
class Verdicts:
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    model: int = 0
    model_not_fumbled: int = 0
    criticised: int = 0
    criticised_not_strong: int = 0
    pairs: int = 0
    pair_strong_not_fumbled: int = 0
    pair_strong_higher: int = 0
    passed: int = 0
    """Answers a coach passes (ok or strong): on the question's point by definition."""
    passed_spoken_to: int = 0
    passed_ignored: int = 0
    errors: list[str] = field(default_factory=list, repr=False)

    @property
    def accuracy(self) -> float:
        total = sum(self.confusion.values())
        return sum(n for (want, got), n in self.confusion.items() if want == got) / total if total else 0.0


def verdict_figures(cases: list[JudgeCase], *, with_rubric: bool = False) -> Verdicts:
    """How the verdicts agree with a coach's; ``with_rubric`` asks each question with its rubric, as a bank would."""
    figures = Verdicts()
    scores: dict[str, dict[str, int]] = {}
    verdicts: dict[str, dict[str, str]] = {}
    for case in cases:
        analysis = analyse_answer(question_for(case, with_rubric=with_rubric), case.answer)
        got = analysis.verdict.verdict
        figures.confusion[(case.verdict, got)] += 1
        if got != case.verdict:
            figures.errors.append(f"{case.path.name}: {got} {analysis.score} (want {case.verdict}); "
                                  + "; ".join(analysis.verdict.fumbled_reasons or analysis.verdict.holding_back))
        if case.verdict != "fumbled" and analysis.relevance is not None:
            figures.passed += 1
            figures.passed_spoken_to += analysis.relevance.score >= 1.0
            figures.passed_ignored += analysis.relevance.score == 0.0
        if case.model:
            figures.model += 1
            figures.model_not_fumbled += got != "fumbled"
        if case.criticised:
            figures.criticised += 1
            figures.criticised_not_strong += got != "strong"
        if case.group != case.id:
            role = "strong" if case.quality == "strong" else "weak"
            scores.setdefault(case.group, {})[role] = analysis.score
            verdicts.setdefault(case.group, {})[role] = got
    for group, pair in scores.items():
        if set(pair) == {"strong", "weak"}:
            figures.pairs += 1
            figures.pair_strong_higher += pair["strong"] > pair["weak"]
            figures.pair_strong_not_fumbled += verdicts[group]["strong"] != "fumbled"
    return figures


@dataclass
class Rubric:
    made: int = 0
    made_found: int = 0
    not_made: int = 0
    not_made_matched: int = 0
    own_better: int = 0
    own_compared: int = 0
    errors: list[str] = field(default_factory=list, repr=False)


def relevance_discrimination(cases: list[JudgeCase]) -> tuple[float, float, float, int]:
    """Relevance of each answer to its own question and to another's (the case seven on, when its
    question differs): the mean of each and how often its own is the higher. A relevance that calls
    everything relevant scores the same on both."""
    from mockview.analysis.answer import analyse_answer

    own = other = 0.0
    higher = compared = 0
    for number, case in enumerate(cases):
        stranger = cases[(number + 7) % len(cases)]
        asked, elsewhere = question_for(case), question_for(stranger)
        if asked.text == elsewhere.text:
            continue
        mine = analyse_answer(asked, case.answer).relevance
        theirs = analyse_answer(elsewhere, case.answer).relevance
        if mine is None or theirs is None:
            continue
        own, other = own + mine.score, other + theirs.score
        higher += mine.score > theirs.score
        compared += 1
    return own / max(1, compared), other / max(1, compared), higher / max(1, compared), compared


def rubric_figures(cases: list[JudgeCase]) -> Rubric:
    figures = Rubric()
    with_rubric = [case for case in cases if case.rubric]
    coverage: dict[tuple[str, str], float] = {}
    for case in with_rubric:
        analysis = analyse_answer(question_for(case, with_rubric=True), case.answer)
        matched = {m.term: m for m in analysis.keywords.matched}
        for point in case.rubric:
            if point.made:
                figures.made += 1
                figures.made_found += point.point in matched
                if point.point not in matched:
                    figures.errors.append(f"{case.path.name}: missed {point.point!r}")
            else:
                figures.not_made += 1
                figures.not_made_matched += point.point in matched
                if point.point in matched:
                    figures.errors.append(f"{case.path.name}: false {point.point!r} <- {matched[point.point].found!r}")
    for index, case in enumerate(with_rubric):
        other = with_rubric[(index + 1) % len(with_rubric)]
        if other.question_text == case.question_text or len(with_rubric) < 2:
            other = with_rubric[(index + 2) % len(with_rubric)]
        for rubric_case in (case, other):
            key = (case.id, rubric_case.id)
            if key not in coverage:
                question = question_for(rubric_case, with_rubric=True)
                coverage[key] = analyse_answer(question, case.answer).keywords.coverage
        figures.own_compared += 1
        figures.own_better += coverage[(case.id, case.id)] > coverage[(case.id, other.id)]
    return figures


def paraphrase_figures(set_name: str, batch: int | None = None) -> tuple[int, int, int, int, list[str]]:
    """Made, found, not made, matched and the errors on a paraphrase set (of one batch, or both)."""
    from mockview.analysis.keywords import match_keywords
    from mockview.analysis.sentences import split_sentences

    made = found = not_made = matched = 0
    errors = []
    for item in paraphrase_files(set_name):
        if batch is not None and item.batch != batch:
            continue
        keyword = Keyword(item.point)
        for pair in item.pairs:
            report = match_keywords(pair.sentence, (keyword,), sentences=split_sentences(pair.sentence))
            hit = bool(report.matched)
            if pair.made:
                made += 1
                found += hit
                if not hit:
                    errors.append(f"{item.path.name}: missed: {pair.sentence}")
            else:
                not_made += 1
                matched += hit
                if hit:
                    errors.append(f"{item.path.name}: false ({report.matched[0].found!r}): {pair.sentence}")
    return made, found, not_made, matched, errors


def report_judge(set_name: str, show_errors: bool) -> None:
    cases = judge_cases(set_name)
    star = [c for c in cases if c.kind == "star"]
    fitted = " (the STAR model was fitted on these: its STAR figures are in-sample)" if set_name == TRAIN_SET else ""
    print(f"judge/{set_name}: {len(cases)} answers, {len(star)} of them STAR{fitted}")
    ours = star_figures("mockview", cases, mockview_judge, show_errors)
    floor = star_figures("position-only", cases, position_judge, False)
    print(f"  {'':<34}{'mockview':>10}{'position':>10}")
    rows = [
        ("STAR presence (agreement)", ours.presence_agree, ours.presence_total, floor.presence_agree, floor.presence_total),
        ("sentences placed right", ours.placed_right, ours.placed_total, floor.placed_right, floor.placed_total),
        ("a removed Result noticed", ours.removed_noticed["result"], ours.removed["result"],
         floor.removed_noticed["result"], floor.removed["result"]),
        ("a removed Action noticed", ours.removed_noticed["action"], ours.removed["action"],
         floor.removed_noticed["action"], floor.removed["action"]),
    ]
    for label, good, total, floor_good, floor_total in rows:
        print(f"  {label:<34}{_ratio(good, total):>10}{_ratio(floor_good, floor_total):>10}")
    print("  part F1: " + ", ".join(f"{p} {ours.f1(p):.2f} ({floor.f1(p):.2f})" for p in PARTS))
    verdicts = verdict_figures(cases)
    print(f"  verdict accuracy {verdicts.accuracy:.2f} (always 'ok': "
          f"{sum(n for (want, _), n in verdicts.confusion.items() if want == 'ok') / max(1, len(cases)):.2f})")
    banked = verdict_figures(cases, with_rubric=True)
    print(f"  verdict accuracy with the rubric, as a bank asks it, {banked.accuracy:.2f}; "
          f"strong called ok {banked.confusion[('strong', 'ok')]} of "
          f"{sum(n for (want, _), n in banked.confusion.items() if want == 'strong')}")
    print(f"  model answers not fumbled {_ratio(verdicts.model_not_fumbled, verdicts.model)} of {verdicts.model}; "
          f"criticised not strong {_ratio(verdicts.criticised_not_strong, verdicts.criticised)} of {verdicts.criticised}")
    print(f"  pairs: strong not fumbled {_ratio(verdicts.pair_strong_not_fumbled, verdicts.pairs)}, "
          f"strong above weak {_ratio(verdicts.pair_strong_higher, verdicts.pairs)} of {verdicts.pairs}")
    print(f"  relevance of the {verdicts.passed} answers a coach passes: fully spoken to "
          f"{_ratio(verdicts.passed_spoken_to, verdicts.passed)}, not at all {_ratio(verdicts.passed_ignored, verdicts.passed)}"
          f" (floor, always spoken to: 1.00, 0.00)")
    own, other, higher, compared = relevance_discrimination(cases)
    print(f"  relevance to its own question {own:.2f}, to another's {other:.2f}; own higher {higher:.2f} "
          f"of {compared} (floor, always spoken to: equal, 0.00)")
    print("  confusion (rows expected, columns got): " + "; ".join(
        f"{want}: " + " ".join(f"{verdicts.confusion[(want, got)]}" for got in ("strong", "ok", "fumbled"))
        for want in ("strong", "ok", "fumbled")))
    rubric = rubric_figures(cases)
    print(f"  rubric: made found {_ratio(rubric.made_found, rubric.made)} of {rubric.made}; "
          f"not made matched {_ratio(rubric.not_made_matched, rubric.not_made)} of {rubric.not_made}; "
          f"own rubric covered better {_ratio(rubric.own_better, rubric.own_compared)} "
          f"(floors: 0.00, 0.00, 0.00)")
    if show_errors:
        for line in ours.errors + verdicts.errors + rubric.errors:
            print(f"    {line}")


REQUIRED_FILE = Path(__file__).resolve().parent.parent / "tests" / "data" / "required-points" / "answers.yaml"


def report_required(show_errors: bool) -> None:
    """Shipped questions' required points, in answers that make them and answers that miss them: how often
    the point is found, and how often an answer making it is fumbled for it alone (held-out: totals only)."""
    import yaml

    from mockview.analysis.answer import analyse_answer
    from mockview.banks.library import load_library

    questions = {f"{q.bank}/{q.id}": q for q in load_library(None, include_user=False).questions()}
    items = yaml.safe_load(REQUIRED_FILE.read_text("utf-8"))
    for set_name in ("tuning", "held-out"):
        made = found = not_made = matched = fumbled_for_it = fumbled_made = 0
        errors: list[str] = []
        for item in (i for i in items if i["set"] == set_name):
            question = questions[item["question"]]
            (point,) = [k for k in question.keywords if k.required and k.term == item["point"]]
            analysis = analyse_answer(question, item["answer"])
            hit = point.term in {m.term for m in analysis.keywords.matched}
            if item["made"]:
                made, found = made + 1, found + hit
                fumbled_for_it += analysis.verdict.fumbled_reasons == (f"missing a required point: {point.term}",)
                fumbled_made += analysis.verdict.verdict == "fumbled"
                if not hit:
                    errors.append(f"missed {point.term!r} ({item['voice']}): {item['answer'][:120]}")
            else:
                not_made, matched = not_made + 1, matched + hit
                if hit:
                    errors.append(f"false {point.term!r} ({item['voice']}): {item['answer'][:120]}")
        print(f"required/{set_name}: found {_ratio(found, made)} of {made} made; matched {_ratio(matched, not_made)} "
              f"of {not_made} not made; of those made, fumbled {_ratio(fumbled_made, made)}, for that alone "
              f"{_ratio(fumbled_for_it, made)} (floors: always found 1.00, 1.00, 0.00, 0.00)")
        if show_errors and set_name == "tuning":
            for line in errors:
                print(f"    {line}")


def report_paraphrase(show_errors: bool, set_names: Sequence[str] = PARAPHRASE_SET_NAMES) -> None:
    for set_name in set_names:
        made, found, not_made, matched, errors = paraphrase_figures(set_name)
        print(f"paraphrase/{set_name}: recall {_ratio(found, made)} of {made} made; "
              f"false matches {_ratio(matched, not_made)} of {not_made} not made (floor: never matching, 0.00 and 0.00)")
        if set_name != "dev":  # the dev set is all of the second batch
            for batch in (1, 2):
                made, found, not_made, matched, _ = paraphrase_figures(set_name, batch)
                print(f"  batch {batch}: recall {_ratio(found, made)} of {made}; "
                      f"false matches {_ratio(matched, not_made)} of {not_made}")
        if show_errors and set_name != "blind":
            for line in errors:
                print(f"    {line}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", choices=[*JUDGE_SETS, *SHORT_SET_NAMES, *FRESH_SET_NAMES, TRAIN_SET,
                                                    "paraphrase",
                                                    *(f"paraphrase/{name}" for name in PARAPHRASE_SET_NAMES),
                                                    "required", []],
                        help="'paraphrase' is its three sets; 'paraphrase/dev' one of them, so tuning can leave "
                             "the sealed blind set unread")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    if args.show_errors and any(name.endswith("blind") for name in args.sets):
        parser.error("the blind set is sealed: read its totals only")
    for name in args.sets or [*JUDGE_SETS, *SHORT_SET_NAMES, *FRESH_SET_NAMES, "paraphrase", "required"]:
        if name == "required":
            report_required(args.show_errors)
        elif name == "paraphrase":
            report_paraphrase(args.show_errors)
        elif name.startswith("paraphrase/"):
            report_paraphrase(args.show_errors, [name.split("/", 1)[1]])
        else:
            report_judge(name, args.show_errors and not name.endswith("blind"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
