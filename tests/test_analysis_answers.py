"""Whole-answer analysis: STAR notes, verdict rules, tips, and the JSON form."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from mockview.analysis import analyse_answer
from mockview.banks.model import Keyword, Question
from tests.helpers import FOLDED_ENDING

STORY = Question(
    bank="t", id="conflict", text="Tell me about a time you disagreed with a coworker.",
    kind="star",
    keywords=(Keyword("listened"), Keyword("compromise", ("middle ground",), required=True)),
    tips=("Name the disagreement in one sentence.",),
)

STRONG = """Last spring I was one of four engineers on the payments team at a travel startup, and the
lead wanted to migrate our bookings database in a single weekend. I thought that was too risky, and it
was my job to make sure the risk was on the table before we committed. I asked her for half an hour and
listened to her plan first; her real worry was a dual-write period that never ends. So I wrote a
one-page proposal that met her in the middle: two weeks of dual writes with a hard end date, a nightly
script I built to compare row counts, and a rollback switch. I ran the comparison myself every morning
and posted the numbers in the team channel. She agreed to the middle ground. We cut over on day twelve
with zero mismatched rows and no downtime, and the checksum script is now part of our migration
checklist."""


def test_a_strong_story() -> None:
    analysis = analyse_answer(STORY, STRONG, seconds=150)
    assert analysis.verdict.verdict == "strong", analysis.verdict
    assert all(analysis.star.parts[p].present for p in ("situation", "task", "action", "result"))
    assert analysis.star.measurable_result
    assert analysis.keywords.missing_required == ()
    assert analysis.score >= 80


def test_empty_answer_is_fumbled_with_a_reason_and_a_tip() -> None:
    analysis = analyse_answer(STORY, "   \n ")
    assert analysis.verdict.verdict == "fumbled"
    assert analysis.verdict.fumbled_reasons == ("no answer",)
    assert analysis.score == 0
    assert analysis.tips[0].startswith("You didn't answer.")
    assert "the situation, your task" in analysis.tips[0]


def test_a_skipped_question_is_told_how_to_start_in_its_own_shape() -> None:
    first_tips = {
        kind: analyse_answer(replace(STORY, kind=kind), "").tips[0]
        for kind in ("open", "research", "closing")
    }
    assert not any("situation" in tip for tip in first_tips.values())
    assert "main point" in first_tips["open"]
    assert "the company does" in first_tips["research"]
    assert "ask two questions" in first_tips["closing"]


def test_missing_required_keyword_is_fumbled() -> None:
    without_compromise = STRONG.replace(
        "So I wrote a\none-page proposal that met her in the middle: two weeks of dual writes with a hard end date, a nightly\n"
        "script I built to compare row counts, and a rollback switch.", "So I wrote a nightly script to compare row counts.",
    ).replace(" She agreed to the middle ground.", "")
    assert "middle" not in without_compromise
    analysis = analyse_answer(STORY, without_compromise)
    assert analysis.verdict.verdict == "fumbled"
    assert "missing a required point: compromise" in analysis.verdict.fumbled_reasons
    assert any("'compromise'" in tip for tip in analysis.tips)


def test_story_without_a_result_is_fumbled_and_told_to_add_one() -> None:
    no_result = STRONG.split("She agreed")[0]
    analysis = analyse_answer(STORY, no_result)
    assert not analysis.star.parts["result"].present
    assert analysis.verdict.verdict == "fumbled"
    assert "no Result: the answer never says how it ended" in analysis.verdict.fumbled_reasons
    assert any("what happened in the end" in tip for tip in analysis.tips)


CLOSE_STORY = (
    "My manager asked me to get the month-end close under five days before the October audit. "
    "I mapped every step of the close in a spreadsheet with who owned it and how long it took. "
    "I interviewed the three accountants about where they waited on someone else, and found that "
    "reconciliations sat for two days waiting on bank statements. I wrote a small script that pulled the "
    "statements every night and matched the easy items, and I moved the accruals review to the second day. "
    "I also set up a shared checklist with a deadline for every step, so nobody had to ask what was next. "
    "When the controller pushed back on the new order, I ran one close both ways and showed her the "
    "difference in hours. I walked the team through the new order over two short afternoons. "
    "The close dropped from nine days to four, and the next audit had no late filings."
)


def test_a_story_that_never_sets_its_scene_is_not_strong_and_is_told_to() -> None:
    # Every strong answer in the judge corpus says where the speaker was; a fifth leave the Task unsaid.
    process = replace(STORY, text="Tell me about a time you improved a process.", keywords=())
    analysis = analyse_answer(process, CLOSE_STORY)
    assert analysis.star.parts["task"].present and not analysis.star.parts["situation"].present
    assert analysis.verdict.verdict == "ok"
    assert analysis.verdict.holding_back == ("no context: it never says where you were or what was going on",)
    assert analysis.tips[0].startswith("Open with one or two sentences of context")
    scene = "Last spring I was the analyst on a four-person finance team at a regional logistics firm. "
    set_scene = analyse_answer(process, scene + CLOSE_STORY)
    assert set_scene.verdict.verdict == "strong"
    assert not any(tip.startswith("Open with one or two sentences of context") for tip in set_scene.tips)


def test_an_outcome_told_inside_the_last_action_is_heard_and_asked_for_on_its_own() -> None:
    """"..., which cut failed invoices from 40 a month to 2": the story ends, so it is no fumble, but the
    ending needs its own sentence before the answer is strong (found by a new-user run)."""
    led = replace(STORY, text="Walk me through a project you led from the first idea to the finish.", keywords=())
    analysis = analyse_answer(led, FOLDED_ENDING)
    assert not analysis.star.parts["result"].present
    assert analysis.verdict.verdict == "ok" and not analysis.verdict.fumbled_reasons
    assert "the outcome is only a clause of an Action sentence, not a Result of its own" in analysis.verdict.holding_back
    assert analysis.tips[0].startswith("Your outcome is tucked into an Action sentence ('I rewrote the retry logic")
    assert analysis.tip_details[0].sentence == len(analysis.sentences) - 1
    told = FOLDED_ENDING.replace(", which cut", ". Within six weeks that cut")
    assert analyse_answer(led, told).star.parts["result"].present


@pytest.mark.parametrize("joined", [
    " - which cut", " — which cut", ", and as a result, it cut", "; that cut",
])
def test_an_outcome_joined_by_a_dash_or_a_connective_with_a_comma_is_heard_too(joined: str) -> None:
    led = replace(STORY, text="Walk me through a project you led from the first idea to the finish.", keywords=())
    analysis = analyse_answer(led, FOLDED_ENDING.replace(", which cut", joined))
    assert analysis.verdict.verdict == "ok" and not analysis.verdict.fumbled_reasons, joined


def test_a_spoken_run_on_whose_ending_follows_a_bare_and_is_no_fumble() -> None:
    """Said in one breath, with no comma: "...and the saturday losses now run at ten loaves instead of
    sixty" is the ending, joined by "and" and a new subject (found by a new-user run)."""
    solved = Question(bank="t", id="solved", text="Tell me about a problem you solved.", kind="star")
    spoken = ("so at the bakery the ovens kept failing on saturdays and i was the shift lead so it fell to me to sort "
              "it out and i called the engineer in and logged every fault for a month and showed the owner the "
              "pattern and she agreed to replace the old oven and the saturday losses now run at about ten loaves "
              "instead of sixty")
    analysis = analyse_answer(solved, spoken)
    assert analysis.verdict.verdict == "ok" and not analysis.verdict.fumbled_reasons, analysis.verdict
    assert analysis.star.folded_result is not None
    plain = spoken.replace(" and the saturday losses now run at about ten loaves instead of sixty", "")
    assert "no Result: the answer never says how it ended" in analyse_answer(solved, plain).verdict.fumbled_reasons


def test_a_later_clause_that_is_no_ending_does_not_hide_the_one_that_is() -> None:
    led = replace(STORY, text="Walk me through a project you led from the first idea to the finish.", keywords=())
    analysis = analyse_answer(led, FOLDED_ENDING + " I also documented it, so the team was happy with it.")
    assert "no Result: the answer never says how it ended" not in analysis.verdict.fumbled_reasons
    assert analysis.star.folded_result == 4


def test_a_folded_outcome_is_not_praised_as_a_measurable_result() -> None:
    """Held back because the ending is not a Result of its own, it is not also praised as one."""
    led = replace(STORY, text="Walk me through a project you led from the first idea to the finish.", keywords=())
    details = analyse_answer(led, FOLDED_ENDING).to_dict()["star_details"]
    assert details["folded_result"] == 4 and not details["measurable_result"]


def test_a_detail_joined_to_the_last_action_is_no_ending() -> None:
    """A clause that only adds to what was done ("which took ten minutes") leaves the story without a Result."""
    led = replace(STORY, text="Walk me through a project you led from the first idea to the finish.", keywords=())
    detail = FOLDED_ENDING.replace("which cut failed invoices from 40 a month to 2 within six weeks",
                                   "which took me ten minutes a day")
    analysis = analyse_answer(led, detail)
    assert analysis.verdict.verdict == "fumbled"
    assert "no Result: the answer never says how it ended" in analysis.verdict.fumbled_reasons


def test_far_too_short_is_fumbled() -> None:
    analysis = analyse_answer(STORY, "I listened and we found a middle ground, which worked.")
    assert analysis.verdict.verdict == "fumbled"
    assert analysis.verdict.fumbled_reasons[0].startswith("far too short")


def test_action_told_as_we_is_flagged_with_the_counts() -> None:
    answer = (
        "Last year our team at a bank had a payments outage during the holiday rush, and I was on call. "
        "We jumped on a call and we split up the work. We looked at the dashboards and we rolled back the deploy. "
        "We found the bad feature flag and we turned it off, and we updated the status page every fifteen minutes. "
        "In the end errors dropped to zero within forty minutes and customers lost 2% of payments instead of 20%."
    )
    outage = replace(STORY, text="Tell me about a time you handled a crisis at work.", keywords=())
    analysis = analyse_answer(outage, answer)
    assert analysis.star.action_mostly_we
    assert any(note.startswith("Action says 'we'") for note in analysis.star.notes)
    assert any("They are hiring you, not your team" in tip for tip in analysis.tips)
    assert "the Action is told as 'we', not 'I'" in analysis.verdict.holding_back


def test_explicit_labels_are_honoured() -> None:
    answer = (
        "Situation: our release was slipping.\nTask: I had to ship by Friday.\n"
        "Action: I cut two features and paired with the newest developer on the rest.\n"
        "Result: we shipped on Friday with zero critical bugs."
    )
    analysis = analyse_answer(STORY, answer)
    assert analysis.star.labelled
    assert [analysis.star.parts[p].sentences for p in ("situation", "task", "action", "result")] == [(0,), (1,), (2,), (3,)]


def test_a_labelled_part_that_says_nothing_is_absent() -> None:
    answer = "Situation: we were late.\nAction: I re-planned the work.\nResult: not sure, I left soon after."
    analysis = analyse_answer(STORY, answer)
    assert not analysis.star.parts["result"].present


def test_open_questions_do_not_need_star() -> None:
    question = Question(bank="t", id="why", text="Why this job?", kind="open", keywords=(Keyword("growth"),), words=(20, 120))
    answer = ("I want to grow as an engineer, and your team ships to millions of users every week. "
              "The growth path from junior to senior is clear here, and I have used your product for two years.")
    analysis = analyse_answer(question, answer)
    assert analysis.verdict.verdict != "fumbled"
    assert analysis.verdict.fumbled_reasons == ()


def test_tips_are_at_most_five_and_most_important_first() -> None:
    answer = "Um, basically, like, I think maybe we kind of, um, did stuff, I guess, and, like, it was fine I think."
    analysis = analyse_answer(STORY, answer)
    assert 1 <= len(analysis.tips) <= 5
    assert analysis.tips[0].startswith("At ")  # far too short comes first


def test_json_form_keeps_the_design_contract() -> None:
    data = analyse_answer(STORY, STRONG, seconds=120).to_dict()
    json.dumps(data)
    assert set(data) >= {"score", "verdict", "fumbled_reasons", "sentences", "star", "keywords", "delivery", "tips"}
    assert set(data["star"]) == {"situation", "task", "action", "result"}
    assert set(data["star_details"]) >= {"assignments", "action_i", "action_we", "measurable_result", "checkable_result", "notes"}
    assert data["star_details"]["checkable_result"] is True  # a figure is checkable too
    assert set(data["star"]["action"]) >= {"present", "share", "sentences"}
    assert set(data["keywords"]) >= {"matched", "missing", "coverage"}
    assert set(data["keywords"]["matched"][0]) >= {"term", "found"}
    assert set(data["delivery"]) >= {"words", "seconds", "wpm", "fillers", "hedges", "i_count", "we_count", "numbers", "top_words"}
    assert 0 <= data["score"] <= 100 and data["verdict"] in ("strong", "ok", "fumbled")
    assert all(0 <= i < len(data["sentences"]) for p in ("situation", "task", "action", "result") for i in data["star"][p]["sentences"])


def test_score_parts_add_up_to_the_score() -> None:
    analysis = analyse_answer(STORY, STRONG)
    assert round(sum(part.points for part in analysis.verdict.parts)) == analysis.score
    assert round(sum(part.out_of for part in analysis.verdict.parts)) == 100


def test_markup_in_answers_is_kept_as_typed() -> None:
    answer = "[bold]I[/bold] fixed the [link=x]bug[/link]. It worked."
    data = analyse_answer(STORY, answer).to_dict()
    assert data["sentences"][0] == "[bold]I[/bold] fixed the [link=x]bug[/link]."


def test_an_inherited_situation_or_task_label_gives_way_to_clear_actions() -> None:
    """People often label only "Situation:" and "Task:" and tell the rest unlabelled."""
    answer = ("Situation: our support queue was growing every week at my last job. Task: I needed to decide what "
              "to fix first. I made a list of every ticket type. I pushed back on two feature requests. As a result "
              "we shipped the fixes in May and cut tickets by 30%.")
    analysis = analyse_answer(replace(STORY, text="Tell me about a time you had to prioritise.", keywords=()), answer)
    assert analysis.star.assignments == ("situation", "task", "action", "action", "result")
    assert analysis.verdict.verdict != "fumbled"


def test_a_near_empty_answer_scores_near_zero() -> None:
    question = Question(bank="t", id="o", text="Why?", kind="open")
    assert analyse_answer(question, "x").score <= 5


SPOKEN = """so um last winter on the childrens ward we were two nurses down on a night shift
and i was the senior one on so it was on me to keep the ward safe
i rang the bank staff office and the site manager myself and said we needed one more nurse by ten
then i moved the two sickest kids into the bay nearest the station so one of us could see both
and i asked the healthcare assistant to do all the obs rounds so we could do meds
and a bank nurse came at half nine and nobody missed a single dose all night"""


def test_a_spoken_answer_with_no_full_stops_is_read_line_by_line() -> None:
    question = Question(bank="t", id="pressure", text="Tell me about a time you worked under pressure.", kind="star")
    analysis = analyse_answer(question, SPOKEN, seconds=120)
    assert len(analysis.sentences) == 6
    assert all(analysis.star.parts[part].present for part in ("situation", "action", "result")), analysis.star
    assert analysis.star.assignments[-1] == "result"
    assert analysis.verdict.verdict != "fumbled", analysis.verdict
