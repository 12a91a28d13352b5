"""Floors on the labelled answer sets (see bench/eval_analysis.py).

The floors sit just under the figures measured when they were set, so a
change that makes the analysis worse on real answers fails here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "eval_analysis.py"
_spec = importlib.util.spec_from_file_location("eval_analysis", BENCH)
assert _spec and _spec.loader
eval_analysis = importlib.util.module_from_spec(_spec)
sys.modules["eval_analysis"] = eval_analysis
_spec.loader.exec_module(eval_analysis)

# set: (answers at least, STAR presence micro F1, each part's F1, verdict accuracy)
# The tuning and dev sets are now training data of the STAR model too (see
# tests/data/judge-train), so only the blind set is an honest figure. Their
# verdicts were labelled when "fumbled" still meant a score under 55; it now
# means a coach's fumble, which is why verdict accuracy sits lower there.
# Training on 290 more answers in other voices (tests/data/judge-train/gen*)
# raised the judge corpus's sealed blind placement from 0.85 to 0.90 and cost
# this older blind set a Result (result F1 0.93 -> 0.915): a gap reported in
# the issue, not hidden.
FLOORS = {
    "tuning": (70, 0.96, 0.95, 0.83),
    "dev": (36, 0.97, 0.97, 0.83),
    "blind": (40, 0.94, 0.90, 0.70),
}


@pytest.fixture(scope="module", params=list(FLOORS))
def evaluated(request):
    return request.param, eval_analysis.evaluate(eval_analysis.SETS[request.param])


def test_star_presence_and_verdicts_meet_their_floors(evaluated) -> None:
    name, scores = evaluated
    answers, micro, per_part, verdicts = FLOORS[name]
    assert scores.answers >= answers
    assert scores.micro_f1 >= micro, f"{name}: STAR micro F1 {scores.micro_f1:.3f}"
    for part in ("situation", "task", "action", "result"):
        assert scores.part(part)[2] >= per_part, f"{name}: {part} F1 {scores.part(part)[2]:.3f}"
    assert scores.verdict_accuracy >= verdicts, f"{name}: verdict accuracy {scores.verdict_accuracy:.3f}"


def test_every_labelled_file_is_well_formed() -> None:
    files = sorted((BENCH.parent.parent / "tests" / "data").glob("answers*/*.yaml"))
    assert len(files) >= 140
    for path in files:
        question, _, expected = eval_analysis.load_case(path)
        assert expected["verdict"] in ("strong", "ok", "fumbled"), path
        if question.kind == "star":
            assert all(isinstance(expected[p], bool) for p in ("situation", "task", "action", "result")), path


def test_the_verdict_follows_the_score_and_the_points_add_up() -> None:
    """Strong is 80 or more without a fumbled reason; a held-back answer shows where its points went."""
    from mockview.analysis import analyse_answer
    from mockview.analysis.scoring import STRONG_FROM

    held = 0
    for path in sorted((BENCH.parent.parent / "tests" / "data").glob("answers*/*.yaml")):
        question, answer, _ = eval_analysis.load_case(path)
        result = analyse_answer(question, answer).to_dict()
        strong = result["score"] >= STRONG_FROM and not result["fumbled_reasons"]
        assert (result["verdict"] == "strong") == strong, path
        total = sum(part["points"] for part in result["score_parts"])
        assert abs(total - result["score"]) <= 1, path
        if any(part["name"] == "held back" for part in result["score_parts"]):
            held += 1
            # Held just under strong: for a reason it is not strong, or because it was fumbled.
            assert result["score"] == STRONG_FROM - 1, path
            assert result["holding_back"] or result["fumbled_reasons"], path
    assert held >= 3  # the rule is exercised, not only present


JUDGE = Path(__file__).resolve().parent.parent / "bench" / "eval_judge.py"
_judge_spec = importlib.util.spec_from_file_location("eval_judge", JUDGE)
assert _judge_spec and _judge_spec.loader
eval_judge = importlib.util.module_from_spec(_judge_spec)
sys.modules["eval_judge"] = eval_judge
_judge_spec.loader.exec_module(eval_judge)

# The judge corpus (tests/data/judge): written in voices nobody here tunes on. The floors sit
# under the figures measured on dev and the sealed blind set, read as totals only.
JUDGE_FLOORS = {
    # set: (placement, placement above the position-only floor, presence, removed Result, removed Action)
    # Dev's removed-part floors went down 2 answers in 54 each when hard-wrapped lines were joined
    # (2026-12-04): presence and placement went up 5 each there, and blind moved by 1 or 2 either way.
    # Training on short answers (judge-train/gen6, 2026-12-07) cost dev one removed Action (46 -> 45 of
    # 54) and blind two removed Results (47 -> 45 of 50), both still above the 0.85, for short
    # answers placed 0.79 -> 0.86 on the sealed short set and a third fewer short stories fumbled.
    "dev": (0.86, 0.12, 0.89, 0.90, 0.83),
    "blind": (0.87, 0.15, 0.88, 0.90, 0.94),
    # The fresh batch (tests/data/judge-fresh, 2026-12-08, added in 545ad52), first read just before:
    # dev 0.89 (position 0.70), 0.91, 0.92, 0.96; blind 0.94 (0.73), 0.96, 0.91, 0.94. The blind floors
    # are #16's targets, so presence sits one answer under its first reading.
    "fresh/dev": (0.86, 0.15, 0.88, 0.88, 0.92),
    "fresh/blind": (0.90, 0.15, 0.95, 0.85, 0.85),
}
# Short answers (tests/data/judge-short), two to six sentences, the same figures. On short/dev the
# position-only rule places sentences better than the model (0.89 against 0.83): a defect, pinned here so
# it gets no worse, which is why these are not in the test that says the model beats that rule.
SHORT_FLOORS = {
    "short/dev": (0.82, -0.07, 0.90, 0.90, 0.82),
    "short/blind": (0.85, 0.07, 0.90, 0.90, 0.95),
}


def _judged(name: str):
    cases = eval_judge.judge_cases(name)
    ours = eval_judge.star_figures("mockview", cases, eval_judge.mockview_judge, False)
    floor = eval_judge.star_figures("position-only", cases, eval_judge.position_judge, False)
    return name, cases, ours, floor


@pytest.fixture(scope="module", params=list(JUDGE_FLOORS))
def judged(request):
    return _judged(request.param)


def test_star_parts_on_unseen_voices_beat_the_position_only_floor(judged) -> None:
    _meets_its_floors(judged, JUDGE_FLOORS)


@pytest.mark.parametrize("name", list(SHORT_FLOORS))
def test_star_parts_of_short_answers_hold_their_floors(name: str) -> None:
    _meets_its_floors(_judged(name), SHORT_FLOORS)


def _meets_its_floors(judged, floors) -> None:
    name, _, ours, floor = judged
    placement, lead, presence, removed_result, removed_action = floors[name]
    ours_placed = ours.placed_right / ours.placed_total
    floor_placed = floor.placed_right / floor.placed_total
    assert ours_placed >= placement, f"{name}: placement {ours_placed:.3f}"
    assert ours_placed - floor_placed >= lead, f"{name}: {ours_placed:.3f} vs position-only {floor_placed:.3f}"
    assert ours.presence_agree / ours.presence_total >= presence, name
    assert ours.removed_noticed["result"] / ours.removed["result"] >= removed_result, name
    assert ours.removed_noticed["action"] / ours.removed["action"] >= removed_action, name


SHORT_STORIES_FUMBLED_AT_MOST = {"short/dev": 8, "short/blind": 10}
"""Complete short stories (a coach's ok or strong) that the judge fumbles: 9 and 15 before the model
was trained on short answers, mostly "no Action" for a story whose whole Action is one sentence."""


@pytest.mark.parametrize("name", list(SHORT_STORIES_FUMBLED_AT_MOST))
def test_a_complete_short_story_is_seldom_fumbled(name: str) -> None:
    verdicts = eval_judge.verdict_figures(eval_judge.judge_cases(name))
    fumbled = sum(n for (want, got), n in verdicts.confusion.items() if want != "fumbled" and got == "fumbled")
    assert fumbled <= SHORT_STORIES_FUMBLED_AT_MOST[name], name


VERDICT_ACCURACY_FLOORS = {"dev": 0.68, "blind": 0.68, "fresh/dev": 0.70, "fresh/blind": 0.57}
"""Under the accuracy measured (fresh: 0.74 dev, 0.60 blind at first reading). The fresh blind set's
0.14 below its dev set is a defect the figures report, not one this floor hides: strong answers held
at ok (13 of 28) and fumbles called ok (5 of 16) are most of it."""


@pytest.mark.parametrize("name", list(VERDICT_ACCURACY_FLOORS))
def test_verdicts_on_unseen_voices(name: str) -> None:
    verdicts = eval_judge.verdict_figures(eval_judge.judge_cases(name))
    assert verdicts.model_not_fumbled / verdicts.model >= 0.90, name
    assert verdicts.criticised_not_strong / verdicts.criticised >= 0.90, name
    assert verdicts.pair_strong_not_fumbled / verdicts.pairs >= 0.85, name
    assert verdicts.pair_strong_higher / verdicts.pairs >= 0.90, name
    assert verdicts.accuracy >= VERDICT_ACCURACY_FLOORS[name], name


def test_every_required_point_answer_names_a_shipped_question_and_its_required_point() -> None:
    """tests/data/required-points: each answer's question is shipped with that required point, and the
    split is the one its header states (even positions tuning, odd held-out)."""
    import yaml

    from mockview.banks.library import load_library

    questions = {f"{q.bank}/{q.id}": q for q in load_library(None, include_user=False).questions()}
    path = Path(__file__).parent / "data" / "required-points" / "answers.yaml"
    items = yaml.safe_load(path.read_text("utf-8"))
    assert len(items) >= 130
    for number, item in enumerate(items):
        question = questions[item["question"]]
        assert item["point"] in {k.term for k in question.keywords if k.required}, item["question"]
        assert item["set"] == ("tuning" if number % 2 == 0 else "held-out")
        assert isinstance(item["made"], bool) and item["answer"].strip()


def test_every_corpus_file_loads_and_sits_where_the_split_rule_puts_it(capsys) -> None:
    """bench/corpus.py check: a file in the wrong set, an id both trained on and measured, or a short
    answer that is not short would quietly skew the figures the issues quote. It prints counts only."""
    import corpus

    assert corpus.check() == 0, capsys.readouterr().out
