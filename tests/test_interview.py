"""Mock interviews: the plan, follow-ups, the closing check, the report card, line mode."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from mockview.analysis import analyse_answer
from mockview.banks.library import load_library
from mockview.banks.model import Question
from mockview.errors import MockviewError
from mockview.practice.engine import PlannedQuestion
from mockview.practice.interview import (
    ASK_MEASURE,
    ASK_OUTCOME,
    ASK_OWN_PART,
    Interview,
    InterviewOptions,
    choose_follow_up,
    follow_up_question,
    interleave,
    plan_interview,
)
from mockview.practice.report_card import ReportCard, format_report_card
from mockview.store import open_store

NO_RESULT = ("At my last job our release kept slipping. My job was to get it back on track. "
             "I split the work into weekly milestones and I paired with the newest developer.")
NO_NUMBER = NO_RESULT + " In the end we shipped and the client was happy."
WE_STORY = ("Last year our team at a bank had an outage and I was on call. We jumped on a call and we split the work. "
            "We rolled back the deploy and we fixed the flag. As a result errors dropped to zero in 40 minutes.")
GOOD_CLOSING = "What would success look like in the first six months? How does the team decide what to build next?"


@pytest.fixture
def library(mockview_home: Path):
    return load_library(mockview_home)


@pytest.mark.parametrize(("length", "count"), [("short", 4), ("standard", 7), ("long", 10)])
def test_the_plan_opens_with_a_warm_up_and_ends_with_the_closing(library, history, length, count) -> None:
    plan = plan_interview(library, history, InterviewOptions(length=length, seed=5))
    assert len(plan) == count
    assert plan[0].note == "warm-up" and plan[0].question.category == "warm-up"
    assert plan[-1].note == "closing" and plan[-1].question.kind == "closing"
    middle = plan[1:-1]
    assert all(p.question.bank in ("behavioral", "star") for p in middle)
    assert len({p.question.full_id for p in plan}) == count


def test_categories_do_not_repeat_back_to_back_when_others_are_left(library, history) -> None:
    for seed in range(8):
        middle = plan_interview(library, history, InterviewOptions(length="long", seed=seed))[1:-1]
        categories = [p.question.category for p in middle]
        assert all(a != b for a, b in zip(categories, categories[1:])), categories


def test_interleave_keeps_everything_and_only_repeats_when_it_must() -> None:
    questions = [Question(bank="b", id=f"q{i}", text="?", category=c) for i, c in enumerate("aaab")]
    ordered = interleave(questions)
    assert sorted(q.id for q in ordered) == ["q0", "q1", "q2", "q3"]
    assert [q.category for q in ordered] == ["a", "b", "a", "a"]


def test_a_company_adds_research_questions_about_it(library, history) -> None:
    plan = plan_interview(library, history, InterviewOptions(length="standard", seed=1, company="Acme", role="analyst"))
    research = [p for p in plan if p.question.bank == "company-research"]
    assert len(research) == 2
    assert all("{company}" not in p.text and "{role}" not in p.text for p in plan)
    assert plan[1].question.bank == "company-research"  # right after the warm-up


def test_the_same_seed_plans_the_same_interview(library, history) -> None:
    first = [p.question.full_id for p in plan_interview(library, history, InterviewOptions(seed=9))]
    again = [p.question.full_id for p in plan_interview(library, history, InterviewOptions(seed=9))]
    assert first == again


def test_bad_options_are_clear_errors(library, history) -> None:
    with pytest.raises(MockviewError, match="unknown length 'huge'"):
        plan_interview(library, history, InterviewOptions(length="huge"))
    with pytest.raises(MockviewError, match="no category 'nope'"):
        plan_interview(library, history, InterviewOptions(categories=("nope",)))


def story_question(follow_ups=("What would you do differently?",)) -> PlannedQuestion:
    question = Question(bank="star", id="late", text="Tell me about a late project.", kind="star",
                        follow_ups=follow_ups)
    return PlannedQuestion(question=question, text=question.text, time_limit=150)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(NO_RESULT, ASK_OUTCOME), (NO_NUMBER, ASK_MEASURE), (WE_STORY, ASK_OWN_PART)],
    ids=["no result", "no number", "all we"],
)
def test_follow_ups_probe_what_the_answer_lacked(answer: str, expected: str) -> None:
    planned = story_question()
    analysis = analyse_answer(planned.question, answer).to_dict()
    assert choose_follow_up(planned, analysis, random.Random(1)) == expected


def test_otherwise_a_bank_follow_up_and_never_one_for_a_skip_or_a_follow_up() -> None:
    planned = story_question()
    complete = NO_RESULT + " As a result we shipped two weeks early and saved 20% of the budget."
    analysis = analyse_answer(planned.question, complete).to_dict()
    assert choose_follow_up(planned, analysis, random.Random(1)) == "What would you do differently?"
    assert choose_follow_up(story_question(()), analysis, random.Random(1)) is None
    skipped = analyse_answer(planned.question, "").to_dict()
    assert choose_follow_up(planned, skipped, random.Random(1)) is None


@pytest.mark.parametrize("follow_up", [ASK_OUTCOME, ASK_MEASURE])
def test_a_follow_up_answered_with_how_it_ended_speaks_to_it_in_any_words(follow_up: str) -> None:
    """"What was the outcome?" answered "waiting times fell from forty minutes to fifteen" is on the point,
    though it never says "outcome"; a shrug or a change of subject is not."""
    parent = PlannedQuestion(question=story_question().question, text="Tell me about a late project.",
                             time_limit=150)
    planned = follow_up_question(parent, follow_up, attempt_id=1)
    direct = analyse_answer(planned.question, "Waiting times fell from forty minutes to fifteen, and complaints "
                                              "dropped by half over the next quarter.")
    fragment = analyse_answer(planned.question, "We shipped two weeks late, but the client stayed and renewed.")
    shrug = analyse_answer(planned.question, "I don't really remember, it was a long time ago, to be honest.")
    assert direct.relevance is not None and direct.relevance.score == 1.0
    if follow_up == ASK_OUTCOME:  # a fragment that tells how it ended, in words the STAR reading can miss
        assert fragment.relevance is not None and fragment.relevance.score == 1.0
    assert shrug.relevance is not None and shrug.relevance.score == 0.0
    assert direct.score >= shrug.score + 30


def test_a_result_is_no_answer_to_a_question_about_something_else() -> None:
    """Every story has a Result; one is credited only when the question asks for nothing but how it ended."""
    parent = PlannedQuestion(question=story_question().question, text="Tell me about a late project.",
                             time_limit=150)
    final_say = follow_up_question(parent, "Who had the final say?", attempt_id=1)
    answer = "We launched two weeks later and sales went up by twelve percent in the first month."
    relevance = analyse_answer(final_say.question, answer).relevance
    assert relevance is not None and relevance.score == 0.0
    listening = Question(bank="t", id="listen", kind="star",
                         text="Describe a situation where listening carefully, rather than talking, changed the outcome.")
    board = ("Last spring I had to present our budget to the board. I walked them through each line and the risks."
             " They approved it the same afternoon.")
    analysis = analyse_answer(listening, board)
    assert analysis.star.parts["result"].present
    assert analysis.relevance is not None and "outcome" not in analysis.relevance.found


def test_the_closing_answer_needs_two_real_questions(library) -> None:
    closing = library.question("interview/any-questions-for-us")
    nothing = analyse_answer(closing, "No, I think you covered everything. Thanks!").to_dict()
    assert nothing["verdict"] == "fumbled"
    assert nothing["fumbled_reasons"][0].startswith("only 0 real questions")
    salary = analyse_answer(closing, "What is the salary range? And what does a typical day look like for the team?").to_dict()
    assert salary["verdict"] == "ok"
    assert "the first question is about pay or perks" in salary["holding_back"]
    perks = analyse_answer(closing, "What is the salary range, and how many days of holiday do you offer? Also, is "
                                    "there a bonus scheme for this position?").to_dict()
    assert perks["verdict"] == "fumbled"  # new-user run: 49, ok
    assert perks["fumbled_reasons"][0].startswith("no question about the job itself: 2 questions only about pay")
    plural = analyse_answer(closing, "What's the salary? And how many holidays do I get?").to_dict()
    assert plural["verdict"] == "fumbled"  # new-user run: "holidays" was a real question, 40 of 40
    assert plural["closing"]["questions"] and not any(
        "holidays" in question for question in analyse_answer(closing, "How many holidays do I get?").closing.about_the_job)
    parking = analyse_answer(closing, "What's the salary band? Also, is there free parking?").to_dict()
    assert parking["verdict"] == "fumbled"  # new-user run: "free parking" was the one question about the work
    indirect = analyse_answer(closing, "I'd like to know what the first six months would look like for me. I'm "
                                       "also curious how the team decides what to build each quarter.").to_dict()
    assert indirect["verdict"] != "fumbled" and len(indirect["closing"]["questions"]) == 2  # a new-user run: 0
    enforcement = analyse_answer(closing, "What are the biggest challenges for the parking enforcement team this "
                                          "year? And how does the dental ward measure success?").to_dict()
    assert enforcement["verdict"] != "fumbled" and not enforcement["closing"]["salary_first"]  # a review
    worded = analyse_answer(closing, "What salary can I expect in this role? And is there a bonus the team "
                                     "gets every year?").to_dict()
    assert worded["verdict"] == "fumbled"  # "role" and "team" said in a pay question are no job question
    good = analyse_answer(closing, GOOD_CLOSING + " And what is the biggest challenge for the product this year?").to_dict()
    assert good["closing"]["enough"] and {"success", "team"} <= set(good["closing"]["topics"])
    assert good["verdict"] != "fumbled" and not good["fumbled_reasons"]


def test_a_perks_question_after_the_job_questions_costs_a_little_and_gets_a_tip(library) -> None:
    """Good questions about the work, then "what's the holiday allowance and is there a bonus?": not the
    salary-first slip, but a coach would still say to leave it for the offer stage (a new-user run: 93, no tip)."""
    closing = library.question("interview/any-questions-for-us")
    work = ("What would the first three months look like for someone in this job? And who would I be working with "
            "day to day, is it a small team?")
    clean = analyse_answer(closing, work)
    perks = analyse_answer(closing, work + " Oh and also, what's the holiday allowance and is there a bonus?")
    assert perks.closing is not None and perks.closing.perks_later and not perks.closing.salary_first
    assert perks.verdict.score < clean.verdict.score
    assert any("Leave the question about pay or perks" in tip for tip in perks.tips)
    assert not any("pay or perks" in tip for tip in clean.tips)
    for about_work in ("Who would I raise problems with when my manager is away?",
                       "What are the benefits of the new booking system for your customers?"):
        asked = analyse_answer(closing, f"{work} {about_work}")
        assert asked.closing is not None and not asked.closing.perks_later, about_work


def run_interview(library, history, clock, answers: list[str]) -> Interview:
    interview = Interview.build(library, history, InterviewOptions(length="short", seed=4), clock)
    for answer in answers:
        if interview.finished:
            break
        interview.begin_question()
        clock.advance(60)
        interview.answer(answer)
    return interview


def test_an_interview_records_follow_ups_with_their_parent(library, history, clock) -> None:
    interview = run_interview(library, history, clock, [NO_RESULT] * 12)
    assert interview.finished
    follow_ups = [r for r in interview.session.results if r.planned.parent_attempt is not None]
    assert follow_ups
    stored = history.attempt(follow_ups[0].attempt_id)
    assert stored.parent_id == follow_ups[0].planned.parent_attempt
    assert history.schedule_entry(stored.question_id) is None  # follow-ups are not re-drilled on their own
    assert interview.elapsed == 60 * len(interview.session.results)


def test_an_outcome_told_only_when_asked_is_named_on_the_card_and_still_re_drilled(library, history, clock) -> None:
    interview = Interview.build(library, history, InterviewOptions(length="short", seed=4), clock)
    told = None
    while not interview.finished:
        planned = interview.begin_question()
        clock.advance(60)
        if planned.text == ASK_OUTCOME:
            interview.answer("We shipped a week late, and the client renewed for two more years.")
            told = planned.parent_attempt
        else:
            interview.answer(NO_RESULT if told is None else "")
    assert told is not None, "the story with no Result was asked for its outcome"
    card = interview.finish({})
    parent = next(r for r in interview.session.results if r.attempt_id == told)
    wrong = next(line for line in card.went_wrong if line.startswith(parent.planned.text[:40]))
    assert "no Result" in wrong and "you told the outcome only when asked: end the story with it" in wrong
    assert history.schedule_entry(parent.change.question_id) is not None  # still practised, ending unprompted
    assert sum("only when asked" in line for line in card.went_wrong) == 1  # not said of the skipped ones


def test_the_report_card_is_saved_with_the_session(library, history, clock) -> None:
    interview = run_interview(library, history, clock, [NO_RESULT, "", "", "", "", "", "", ""])
    card = interview.finish({"went_wrong": [{"text": "Froze", "starred": True}], "factors": ["nervous"]})
    stored = history.session(interview.session.session_id)
    assert ReportCard.from_json(stored.report) == card
    assert stored.reflection["factors"] == ["nervous"]
    listed = {session.id: score for session, _, score in history.recent_sessions(5)}
    assert listed[stored.id] == card.score  # Home and History show the card's score, skips and all
    assert card.verdict == "fumbled"
    assert card.lines[0].role == "warm-up" and card.lines[-1].role == "closing"
    text = format_report_card(card)
    for heading in ("Interview report card:", "Questions", "What went right", "What went wrong",
                    "Delivery across the interview", "Now due for re-drill"):
        assert heading in text


def test_a_card_of_skips_says_nothing_was_answered(library, history, clock) -> None:
    interview = run_interview(library, history, clock, [""] * 12)
    text = format_report_card(interview.finish({}))
    asked = len(interview.session.results)
    assert f"{asked} questions asked" in text
    assert f"No answers given: {asked} questions skipped." in text
    assert "0 answers" not in text and "on average" not in text


def test_plain_interview_prints_the_stored_report_card_and_queues_the_fumbled(run_cli, mockview_home: Path) -> None:
    answers = "\n.\n".join([NO_RESULT, "The move into analytics, because I learned SQL.", "", "", GOOD_CLOSING, ""]) + "\n.\n"
    result = run_cli("interview", "--plain", "--length", "short", "--seed", "4", input=answers)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Score " not in out.split("Interview report card:")[0]  # no feedback before the end
    history = open_store(mockview_home)
    (session,) = history.sessions(mode="interview")
    card = ReportCard.from_json(session.report)
    assert format_report_card(card) in out
    fumbled = {a.question_id for a in history.attempts() if a.verdict == "fumbled" and a.parent_id is None}
    history.close()
    queue = json.loads(run_cli("retry", "--list", "--json").stdout)
    assert fumbled and fumbled <= {item["question_id"] for item in queue["due"]}


def test_the_report_card_is_in_the_markdown_export(run_cli) -> None:
    run_cli("interview", "--plain", "--length", "short", "--seed", "4", input=NO_RESULT + "\n.\n")
    markdown = run_cli("export", "--format", "md").stdout
    assert "**Report card**" in markdown and "Interview report card:" in markdown
