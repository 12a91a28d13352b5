"""Fluke or pattern: counting what recurs across real and mock interviews and practice."""

from __future__ import annotations

import datetime as dt
import json

from mockview.banks.library import load_library
from mockview.prep.debrief.model import AskedQuestion, Debrief
from mockview.prep.debrief.storage import save_debrief
from mockview.prep.pattern_rows import CategoryFumbles, FactorCount, FocusCount, QuestionFumbles
from mockview.prep.patterns import find_patterns, trend
from mockview.prep.reflection import Item


def debrief(company: str, day: str, factors: tuple[str, ...], *, wrong: tuple[Item, ...] = (),
            fumbled: tuple[str, ...] = ()) -> Debrief:
    return Debrief(company=company, date=dt.date.fromisoformat(day), factors=factors, went_wrong=wrong,
                   questions=tuple(AskedQuestion(text, True) for text in fumbled))


def mock_interview(history, day: str, reflection: dict) -> None:
    started = dt.datetime.fromisoformat(f"{day}T10:00:00+00:00")
    session_id = history.start_session("interview", [], {}, started_at=started)
    history.save_reflection(session_id, reflection)


def practise(history, clock, category: str, scores: list[int]) -> None:
    """Answers in ``category`` with these scores, oldest first."""
    for score in scores:
        verdict = "fumbled" if score < 50 else "ok" if score < 75 else "strong"
        question = {"id": f"star/{category}", "bank": "star", "text": f"A {category} question?", "category": category}
        history.add_attempt(session_id=None, question=question, answer="…", started_at=clock.now(), seconds=60,
                            time_limit=150, analysis={"score": score, "verdict": verdict})
        clock.advance(60)


def test_factors_are_counted_across_real_and_mock_interviews(history) -> None:
    save_debrief(history, debrief("Acme", "2026-10-01", ("nervous", "rambled")))
    save_debrief(history, debrief("Globex", "2026-10-15", ("nervous",)))
    save_debrief(history, debrief("Initech", "2026-11-01", ("tired",)))
    mock_interview(history, "2026-11-10", {"factors": ["nervous", "rambled"], "went_wrong": []})
    mock_interview(history, "2026-11-12", {})  # no reflection: not looked back on

    patterns = find_patterns(history)
    assert patterns.interviews == 4 and patterns.real == 3
    factors = {f.factor: f for f in patterns.factors}
    assert factors["nervous"] == FactorCount("nervous", interviews=3, of=4, real=2, mock=1, pattern=True)
    assert factors["rambled"].interviews == 2 and factors["rambled"].pattern is True  # half of them
    assert factors["tired"].interviews == 1 and factors["tired"].pattern is False
    assert patterns.factors[0].factor == "nervous"  # the most frequent first
    summary = "\n".join(patterns.summary)
    assert "Pattern: nervous in 3 of 4 interviews (2 real, 1 mock)" in summary
    assert "Probably flukes so far: tired (each in 1 of 4 interviews)" in summary


def test_a_factor_named_twice_in_one_interview_counts_once(history) -> None:
    save_debrief(history, debrief("Acme", "2026-10-01", ("nervous",)))
    mock_interview(history, "2026-10-02", {"factors": ["nervous", "nervous"]})
    (factor,) = find_patterns(history).factors
    assert (factor.interviews, factor.of) == (2, 2)


def test_one_interview_is_not_yet_a_pattern(history) -> None:
    save_debrief(history, debrief("Acme", "2026-10-01", ("nervous",)))
    patterns = find_patterns(history)
    assert patterns.factors[0].pattern is False
    assert any("One interview is not enough" in line for line in patterns.summary)


def test_starred_problems_said_differently_are_grouped(history) -> None:
    save_debrief(history, debrief("Acme", "2026-10-01", (), wrong=(Item("Froze on the failure question", True),
                                                                   Item("Was late", False))))
    save_debrief(history, debrief("Globex", "2026-10-20", (), wrong=(Item("froze on the failure question again", True),)))
    mock_interview(history, "2026-11-01", {"went_wrong": [{"text": "Was late", "starred": False}]})
    (problem,) = find_patterns(history).repeated_problems
    assert problem.times == 2
    assert problem.where == ("Acme (2026-10-01)", "Globex (2026-10-20)")


def test_different_problems_and_questions_stay_apart(history) -> None:
    save_debrief(history, debrief("Acme", "2026-10-01", (), wrong=(Item("Rambled on the system design question", True),),
                                  fumbled=("Tell me about a time you failed",)))
    save_debrief(history, debrief("Globex", "2026-10-20", (), wrong=(Item("Froze on the system design question", True),),
                                  fumbled=("Tell me about a time you led a team",)))
    patterns = find_patterns(history)
    assert patterns.repeated_problems == []
    assert [f.times for f in patterns.real_fumbles] == [1, 1]
    assert not any(line.startswith("Pattern: you fumbled") for line in patterns.summary)


def test_counts_are_per_interview_and_two_on_one_day_are_two(history) -> None:
    save_debrief(history, debrief("Acme", "2026-10-01", (), fumbled=("Tell me about a time you failed.",
                                                                   "Describe a time when you failed")))
    patterns = find_patterns(history)
    assert patterns.real_fumbles[0].times == 1  # two fumbles, one interview
    assert not any("real interviews" in line for line in patterns.summary)

    mock_interview(history, "2026-11-01", {"went_wrong": [{"text": "Rambled on every answer", "starred": True}]})
    mock_interview(history, "2026-11-01", {"went_wrong": [{"text": "rambled on every answer", "starred": True}]})
    (problem,) = find_patterns(history).repeated_problems
    assert problem.times == 2
    assert problem.where == ("mock interview (2026-11-01)", "mock interview (2026-11-01)")


def test_real_interview_fumbles_are_grouped_and_given_a_category(history, mockview_home) -> None:
    save_debrief(history, debrief("Acme", "2026-10-01", (), fumbled=("Tell me about a time you failed.",)))
    save_debrief(history, debrief("Globex", "2026-10-20", (), fumbled=("Tell me about a time you failed",
                                                                      "Why do you want to work here?")))
    patterns = find_patterns(history, load_library(mockview_home))
    first = patterns.real_fumbles[0]
    assert first.times == 2 and first.category == "failure"
    assert any('you fumbled "Tell me about a time you failed." in 2 real interviews' in line
               for line in patterns.summary)


def test_practice_fumbles_and_trends_per_category(history, clock) -> None:
    practise(history, clock, "conflict", [30, 40, 45, 80, 85, 90])
    practise(history, clock, "failure", [80, 85, 40, 30])
    practise(history, clock, "teamwork", [70, 71])  # too few answers for a trend

    practise(history, clock, "", [10])  # no category: not a category of its own
    patterns = find_patterns(history)
    assert patterns.fumbled_categories[0] == CategoryFumbles("conflict", fumbled=3, answers=6)
    assert "" not in {c.category for c in patterns.fumbled_categories}
    assert patterns.fumbled_questions[0] == QuestionFumbles("star/conflict", "A conflict question?", fumbled=3,
                                                            answers=6)
    assert CategoryFumbles("failure", fumbled=2, answers=4) in patterns.fumbled_categories
    trends = {t.category: t for t in patterns.trends}
    assert trends["conflict"].direction == "up" and trends["conflict"].change == 47
    assert trends["failure"].direction == "down" and trends["failure"].change == -48
    assert "teamwork" not in trends
    # The figure says what it is and over which answers.
    assert ("Improving in practice: conflict, up 47 points (average score of your last 3 answers against "
            "your first 3).") in patterns.summary
    assert ("Slipping in practice: failure, down 48 points (average score of your last 2 answers against "
            "your first 2).") in patterns.summary


def test_most_fumbled_needs_more_than_one_fumble_and_names_a_tie(history, clock) -> None:
    for category in ("initiative", "pressure", "teamwork"):
        practise(history, clock, category, [0])  # one skip each: three categories, no pattern
    assert not [line for line in find_patterns(history).summary if line.startswith("Most fumbled")]
    practise(history, clock, "initiative", [20])
    practise(history, clock, "pressure", [30, 90])
    summary = find_patterns(history).summary
    assert "Most fumbled in practice: initiative and pressure (2 fumbled answers each)." in summary
    practise(history, clock, "pressure", [10])
    assert "Most fumbled in practice: pressure (3 of 4 answers)." in find_patterns(history).summary


def test_skips_are_fumbles_that_say_they_were_skips(history, clock) -> None:
    """A skip is re-drilled as a fumble, but "3 of 3 answers" for two skips and one answer read as three bad
    answers (found by a new-user run)."""
    question = {"id": "star/pressure", "bank": "star", "text": "A pressure question?", "category": "pressure"}
    for skipped in (True, True, False):
        history.add_attempt(session_id=None, question=question, answer="" if skipped else "…", started_at=clock.now(),
                            seconds=5, time_limit=150, analysis={"score": 0, "verdict": "fumbled"}, skipped=skipped)
        clock.advance(60)
    patterns = find_patterns(history)
    assert patterns.fumbled_categories == [CategoryFumbles("pressure", fumbled=3, answers=3, skipped=2)]
    assert patterns.fumbled_categories[0].count == "3 of 3 (2 skipped)"
    assert patterns.fumbled_questions[0].to_json()["skipped"] == 2
    assert "Most fumbled in practice: pressure (3 of 3 answers, 2 of them skipped)." in patterns.summary


def test_trend_compares_the_first_half_with_the_last() -> None:
    assert trend([50, 60, 70]) is None
    assert trend([50, 50, 70, 70]) == 20
    assert trend([80, 10, 10, 60, 60]) == 15  # the middle answer belongs to neither half


def test_what_interviewers_keep_saying(history) -> None:
    first, _ = save_debrief(history, debrief("Acme", "2026-10-01", ("nervous",)))
    second, _ = save_debrief(history, debrief("Globex", "2026-10-20", ("late",)))
    history.add_feedback(first, "Answers lacked numbers.", ["specifics", "star"])
    history.add_feedback(first, "Again: more numbers.", ["specifics"])
    history.add_feedback(second, "Vague about your own part.", ["specifics"])
    patterns = find_patterns(history)
    assert patterns.feedback_focus == [FocusCount("specifics", interviews=2), FocusCount("star", interviews=1)]
    assert "Pattern: interviewers' feedback was about specifics (2 interviews)." in patterns.summary


def test_no_interviews_yet_says_how_to_start(history) -> None:
    patterns = find_patterns(history)
    assert patterns.interviews == 0
    assert patterns.summary[0].startswith("No interviews looked back on yet")


def test_patterns_command(run_cli, tmp_path) -> None:
    for number, factors in enumerate(["[nervous, rambled]", "[nervous]", "[late]"]):
        path = tmp_path / f"d{number}.yaml"
        path.write_text(f"company: C{number}\ndate: 2026-10-0{number + 1}\nfactors: {factors}\n"
                        "questions:\n  - text: Tell me about a time you failed.\n    fumbled: true\n")
        assert run_cli("debrief", "add", "--file", str(path)).returncode == 0
    data = json.loads(run_cli("patterns", "--json").stdout)
    assert data["interviews"] == 3 and data["real_interviews"] == 3
    assert data["factors"][0] == {"factor": "nervous", "interviews": 2, "of": 3, "real": 2, "mock": 0, "pattern": True}
    assert data["real_interview_fumbles"][0]["times"] == 3
    text = run_cli("patterns").stdout
    assert "- Pattern: nervous in 2 of 3 interviews (2 real, 0 mock)." in text
    assert "FUMBLED IN REAL INTERVIEWS" in text
