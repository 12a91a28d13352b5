"""The classic questions, their rewordings linked by ``variant_of``, and drilling chosen questions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mockview.banks.library import load_library
from mockview.cli import main
from mockview.paths import shipped_banks_dir
from mockview.practice.driver import SessionDriver, start_practice
from mockview.practice.plain import PlainFrontEnd
from mockview.practice.selection import Filters
from tests.conftest import FakeClock

CLASSICS = shipped_banks_dir() / "classics.yaml"
ASKED_IN_THESE_WORDS = (
    "Tell me about a time you failed.",
    "What is your greatest weakness?",
    "What are your strengths?",
    "Why should we hire you?",
    "Where do you see yourself in five years?",
    "Why are you leaving your current job?",
    "What are your salary expectations?",
    "Tell me about a time you made a mistake.",
    "Describe a conflict with a coworker.",
    "What do you know about our company?",
)
STORY = ("Last spring I led the launch of our new billing page and it went badly wrong: payments failed for a "
         "day. It was my fault, because I skipped the load test to hit the date. I told my manager at once, "
         "rolled back, and we had it working again the next morning. I learned that a deadline is never a "
         "reason to skip testing, and since then I always put the load test in the plan first.")


@pytest.fixture(scope="module")
def library():
    return load_library(None)


def test_the_classics_are_asked_in_the_words_interviewers_use(library) -> None:
    bank = library.banks["classics"]
    texts = {question.text for question in bank.questions}
    assert set(ASKED_IN_THESE_WORDS) <= texts
    assert len(bank.questions) >= 25
    kinds = {question.kind for question in bank.questions}
    assert {"star", "open"} <= kinds
    for question in bank.questions:
        assert question.keywords and question.tips and question.follow_ups, question.full_id
        for keyword in question.keywords:
            # A point made in the person's own words must count: a concept or synonyms for every one.
            assert keyword.concept or keyword.synonyms, (question.full_id, keyword.term)


def test_the_classics_validate_without_a_warning(capsys) -> None:
    assert main(["banks", "validate", str(CLASSICS)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.strip().splitlines() == [f"{CLASSICS}: ok, bank 'classics' with 31 questions in 16 categories"]


def test_an_answer_in_its_own_words_makes_the_points(library) -> None:
    from mockview.analysis import analyse_answer

    analysis = analyse_answer(library.question("classics/time-you-failed"), STORY).to_dict()
    found = {match["term"] for match in analysis["keywords"]["matched"]}
    # "my fault", "learned", "since then", "rolled back": none of them the rubric's own words.
    assert {"my part in it", "what I learned", "what I do differently now", "what I did about it"} <= found


def test_rewordings_in_other_banks_are_the_same_question_asked_another_way(library) -> None:
    failed = library.question("classics/time-you-failed")
    family = {question.full_id for question in library.variants(failed)}
    assert {"behavioral/project-fell-short", "behavioral/missed-target", "star/risk-that-didnt-pay-off"} <= family
    # From a rewording, the family is the classic and its other rewordings.
    from_variant = {q.full_id for q in library.variants(library.question("behavioral/missed-target"))}
    assert "classics/time-you-failed" in from_variant and "behavioral/project-fell-short" in from_variant
    assert "behavioral/missed-target" not in from_variant
    assert library.variants(library.question("behavioral/joined-mid-project")) == []


def test_a_link_to_a_missing_question_of_another_bank_is_a_warning_at_its_place(tmp_path: Path, capsys) -> None:
    """The loader ignores such a link and `banks list` says "ok, 1 warning", so validate says the same: a
    warning (the bank works), with where it is and the question probably meant."""
    bank = tmp_path / "mine.yaml"
    bank.write_text("bank: mine\nquestions:\n  - id: flop\n    text: Tell me about your biggest flop.\n"
                    "    variant_of: classics/time-you-faled\n")
    assert main(["banks", "validate", str(bank)]) == 0
    out = capsys.readouterr().out
    assert (f"{bank}:5:17: warning: 'variant_of' names no question of bank 'classics': 'time-you-faled'; "
            "did you mean 'classics/time-you-failed'?; the link is ignored") in out
    assert f"{bank}: ok, bank 'mine' with 1 question" in out
    bank.write_text(bank.read_text().replace("classics/time-you-faled", "nowhere/time-you-failed"))
    assert main(["banks", "validate", str(bank)]) == 0
    assert ("5:17: warning: 'variant_of' names the bank 'nowhere', which is not installed or checked here"
            in capsys.readouterr().out)
    bank.write_text(bank.read_text().replace("nowhere/time-you-failed", "classics/time-you-failed"))
    assert main(["banks", "validate", str(bank)]) == 0
    assert "warning" not in capsys.readouterr().out


def test_a_dangling_link_is_reported_in_the_same_round_as_the_files_errors(tmp_path: Path, capsys) -> None:
    """It used to show up only once every error was fixed: one more round for the author."""
    bank = tmp_path / "mine.yaml"
    bank.write_text("bank: mine\nquestions:\n  - id: flop\n    text: Tell me about your biggest flop.\n"
                    "    variant_of: classics/no-such-question\n  - id: empty\n    text: ''\n")
    assert main(["banks", "validate", str(bank)]) == 1
    err = capsys.readouterr().err
    assert f"{bank}:5:17: warning: 'variant_of' names no question of bank 'classics'" in err
    assert f"{bank}:7:11: 'text' must not be empty" in err
    assert err.rstrip().endswith(f"{bank}: 1 problem")


def test_a_loaded_bank_with_a_dangling_link_still_loads_with_a_warning(mockview_home: Path) -> None:
    folder = mockview_home / "banks"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text("bank: mine\nquestions:\n  - id: flop\n    text: Your biggest flop?\n"
                                      "    variant_of: gone/flop\n")
    library = load_library(mockview_home)
    assert library.question("mine/flop") is not None
    (warning,) = [p for p in library.problems if "variant_of" in p.message]
    assert (warning.line, warning.column, warning.severity) == (5, 17, "warning")
    assert library.variants(library.question("mine/flop")) == []


def test_links_survive_the_bank_cache(mockview_home: Path) -> None:
    first = load_library(mockview_home).question("behavioral/missed-target")
    assert (mockview_home / "cache" / "banks.json").exists()
    cached = load_library(mockview_home).question("behavioral/missed-target")
    assert cached == first and cached.variant_of == "classics/time-you-failed"
    assert cached.variant_at == first.variant_at != (0, 0)


# --- tips an answer already follows ---------------------------------------------------------

NURSE = ("On a night shift last winter I gave a patient his evening dose an hour after the day nurse had already "
         "given it, because I hadn't checked the chart properly at handover. I realised when I went to chart it. "
         "I told the charge nurse and the on-call doctor straight away that it was my error, and we monitored him "
         "every fifteen minutes for four hours. He was fine. Since then I check the chart against the handover "
         "sheet for every patient before I give anything.")
FOLLOWED = "Say how you found the mistake and how quickly you told the people it affected."


def test_a_tip_the_answer_already_follows_is_not_given_again(library) -> None:
    """The nurse found the mistake and told the charge nurse at once: the bank's tip asking for exactly
    that read as not having been listened to (new-user run). Someone who told nobody still gets it."""
    from mockview.analysis import analyse_answer

    question = library.question("classics/made-a-mistake")
    assert question.tip_points(0) == ("told my manager",)
    told = analyse_answer(question, NURSE)
    assert "told my manager" in {match.term for match in told.keywords.matched}
    assert not any(FOLLOWED in tip for tip in told.tips)
    silent = analyse_answer(question, NURSE.replace(
        "I told the charge nurse and the on-call doctor straight away that it was my error, and we", "I"))
    assert any(FOLLOWED in tip for tip in silent.tips)


def test_tip_points_survive_the_bank_cache(mockview_home: Path) -> None:
    first = load_library(mockview_home).question("classics/difficult-customer")
    cached = load_library(mockview_home).question("classics/difficult-customer")
    assert cached == first and cached.tip_points(1) == ("made it right", "kept them as a customer")


def test_a_tip_about_a_point_the_rubric_lacks_is_a_warning_at_its_place(tmp_path: Path, capsys) -> None:
    bank = tmp_path / "mine.yaml"
    bank.write_text("bank: mine\nquestions:\n  - id: slip\n    text: Tell me about a mistake.\n"
                    "    keywords: [told my manager]\n    tips:\n      - text: Say who you told.\n"
                    "        about: [told my manger]\n")
    assert main(["banks", "validate", str(bank)]) == 0
    out = capsys.readouterr()
    assert (f"{bank}:8:17: warning: 'about' names no rubric point of this question: 'told my manger'; "
            "did you mean 'told my manager'?; the tip's points are read from its words instead") in out.out


def test_a_misspelt_about_term_is_warned_where_it_stands_and_the_tip_is_not_held_back(tmp_path: Path) -> None:
    """"told my manager" and a misspelt "fixd it": an answer that only told the manager must still be told
    the tip, since it also asks how it was fixed; the warning points at the misspelt term, not at the
    broken item before it (a review found both)."""
    from mockview.analysis import analyse_answer
    from mockview.banks.loading import load_bank_file

    path = tmp_path / "mine.yaml"
    path.write_text("bank: mine\nquestions:\n  - id: slip\n    text: Tell me about a time you made a mistake.\n"
                    "    keywords: [told my manager, fixed it]\n    tips:\n"
                    "      - text: Say who you told and how you fixed it.\n"
                    "        about: [5, told my manager, fixd it]\n")
    _, problems = load_bank_file(path)
    assert [(p.line, p.column, p.severity) for p in problems if "names no rubric point" in p.message] == [
        (8, 37, "warning")]
    path.write_text(path.read_text().replace("[5, ", "["))
    bank, problems = load_bank_file(path)
    assert bank is not None and [p.severity for p in problems] == ["warning"]
    question = bank.questions[0]
    assert question.tip_points(0) == ()
    told = analyse_answer(question, "I sent the wrong invoice. I told my manager straight away.")
    assert any("Say who you told and how you fixed it." in tip for tip in told.tips)


def test_tip_points_survive_a_stored_question(library) -> None:
    from mockview.store.snapshots import question_from_snapshot, snapshot

    question = library.question("classics/made-a-mistake")
    assert question_from_snapshot(snapshot(question)).tip_about == question.tip_about != ()
    assert question_from_snapshot({**snapshot(question), "tip_about": "junk"}).tip_about == ()


# --- drilling chosen questions --------------------------------------------------------------


def test_practice_question_drills_exactly_the_chosen_questions(mockview_home: Path, history, clock: FakeClock) -> None:
    library = load_library(mockview_home)
    chosen = Filters(questions=("classics/greatest-weakness", "star/more-work-than-time"))
    driver = start_practice(library, history, chosen, clock, mockview_home)
    assert [p.question.full_id for p in driver.session.plan] == ["classics/greatest-weakness",
                                                                 "star/more-work-than-time"]


@pytest.mark.parametrize(("given", "message"), [
    ("classics/greatest-weaknes", "no question 'classics/greatest-weaknes' in the loaded banks; "
                                  "did you mean 'classics/greatest-weakness'?"),
    ("nobank/x", "unknown bank 'nobank'"),
])
def test_an_unknown_question_is_one_clear_line(given: str, message: str, capsys) -> None:
    assert main(["practice", "--plain", "--question", given]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"mockview: {message}") and err.count("\n") == 1


def test_question_and_category_together_are_refused(capsys) -> None:
    assert main(["practice", "--plain", "--question", "classics/greatest-weakness", "--category", "failure"]) == 1
    assert "--question chooses the questions itself" in capsys.readouterr().err


def plain_run(home: Path, history, clock: FakeClock, typed: str, question: str, interactive: bool = True) -> str:
    library = load_library(home)
    driver = start_practice(library, history, Filters(questions=(question,)), clock, home)
    out = io.StringIO()
    PlainFrontEnd(driver, stdin=io.StringIO(typed), stdout=out, interactive=interactive).run()
    return out.getvalue()


def test_plain_feedback_offers_the_same_question_asked_another_way(mockview_home: Path, history,
                                                                   clock: FakeClock) -> None:
    text = plain_run(mockview_home, history, clock, STORY + "\n.\n", "behavioral/missed-target", interactive=False)
    assert ("The same question, asked another way: \"Tell me about a time you failed.\" "
            "(drill it with: mockview practice --question classics/time-you-failed)") in text


def test_plain_mode_asks_no_rating_after_a_skip(mockview_home: Path, history, clock: FakeClock) -> None:
    text = plain_run(mockview_home, history, clock, "\n.\n\n\n", "classics/greatest-weakness")
    assert "Skipped: it counts as fumbled." in text
    assert "Rate yourself" not in text
    assert "What went right?" in text  # the end of the session is still asked for
    (attempt,) = history.attempts()
    assert attempt.skipped and attempt.self_rating is None


def test_the_summary_says_where_each_fumble_stands_at_the_end(mockview_home: Path, history,
                                                              clock: FakeClock) -> None:
    library = load_library(mockview_home)
    driver = start_practice(library, history, Filters(questions=("classics/greatest-weakness",)), clock,
                            mockview_home)
    driver.begin()
    fumble = driver.submit("")
    assert fumble.change.describe(clock.now()) == "added to the re-drill queue, due now"
    driver.again()
    driver.begin()
    clock.advance(60)
    driver.submit("My greatest weakness is that I take on too much myself.")
    now = clock.now()
    later = history.schedule_entry("classics/greatest-weakness").due
    assert later > now
    (line,) = driver.summary().fumbled
    assert line == ("What is your greatest weakness?", f"in the re-drill queue, due {describe(later, now)}")


def describe(due, now) -> str:
    from mockview.store.redrill import describe_due

    return describe_due(due, now)


def test_driver_asks_the_variant_next_and_then_offers_the_rest(mockview_home: Path, history,
                                                               clock: FakeClock) -> None:
    library = load_library(mockview_home)
    driver: SessionDriver = start_practice(library, history, Filters(questions=("behavioral/missed-target",)),
                                           clock, mockview_home)
    driver.begin()
    result = driver.submit(STORY)
    variant = driver.ask_another_way(result)
    assert variant is not None and variant.question.full_id == "classics/time-you-failed"
    assert driver.current is not None and driver.current.question.full_id == "classics/time-you-failed"
    driver.begin()
    second = driver.submit(STORY)
    offered = driver.another_way(second)
    # Neither question of this sitting is offered again; another rewording of the classic is.
    assert offered is not None
    assert offered.question.full_id not in {"behavioral/missed-target", "classics/time-you-failed"}
    assert offered.question.variant_of == "classics/time-you-failed"


def test_banks_show_says_which_classic_a_question_rewords(capsys) -> None:
    assert main(["banks", "show", "behavioral"]) == 0
    shown = capsys.readouterr().out
    entry = shown.split("[behavioral/missed-target]")[1].split("\n\n")[0]
    assert "   rewords: classics/time-you-failed" in entry


def test_a_tip_may_name_its_point_by_a_synonym(tmp_path: Path) -> None:
    """"about: [told my boss]" where the rubric point is "told my manager (told my boss)": the author named
    the point by another of its wordings, so it is no warning and the tip is held to the point (a lead
    left open by the session that added ``about``: it was warned as naming no point)."""
    from mockview.analysis import analyse_answer
    from mockview.banks.loading import load_bank_file

    path = tmp_path / "mine.yaml"
    path.write_text("bank: mine\nquestions:\n  - id: slip\n    text: Tell me about a time you made a mistake.\n"
                    "    keywords:\n      - {term: told my manager, synonyms: [told my boss]}\n    tips:\n"
                    "      - text: Say who you told.\n        about: [Told my boss]\n")
    bank, problems = load_bank_file(path)
    assert bank is not None and problems == []
    question = bank.questions[0]
    assert question.tip_points(0) == ("told my manager",)
    told = analyse_answer(question, "I sent the wrong invoice. I told my manager straight away.")
    assert not any("Say who you told." in tip for tip in told.tips)


def test_a_salary_answer_that_names_no_figure_misses_the_range(library) -> None:
    """A new-user run: "I'd prefer not to name a number ... open to discussion" was credited with the
    required "salary range" (any talk of pay made it), and told "You said 'Salary': that reads as the
    opposite of 'the whole package'". A range needs a figure; the package is the offer beyond the pay."""
    from mockview.analysis import analyse_answer

    question = library.question("classics/salary-expectations")
    refused = analyse_answer(question, (
        "I'd prefer not to name a number at this stage. Salary isn't the most important thing for me; I'm "
        "more interested in the role and the team, and I'm sure you'll make a fair offer. I'm flexible and "
        "open to discussion once we get to that point."))
    assert refused.verdict.fumbled_reasons == ("missing a required point: salary range",)
    assert not any("the opposite of" in tip for tip in refused.tips)
    ranged = analyse_answer(question, (
        "Based on what similar roles in Manchester are advertised at, and the Hays salary guide for this "
        "year, I'm looking for something between 38 and 42 thousand. That said, I'd look at the whole offer, "
        "including the pension contribution and the training budget, so I'm happy to talk about it once we "
        "both know it's the right fit."))
    found = {match.term: match.found for match in ranged.keywords.matched}
    assert found["salary range"] == "between 38 and"
    assert set(found) == {"salary range", "researched the market rate", "the whole package", "open to discussion"}
    assert ranged.verdict.verdict == "strong"


def test_a_disagreement_told_in_non_native_english_makes_its_points(library) -> None:
    """A new-user run's story was fumbled as "may not answer the question: it never tells of a
    disagreement" with 0 of 4 points, though it says each: "I was thinking this is wrong", "only us two",
    "I showed him my calculation", "I supported this plan in the team meeting also"."""
    from mockview.analysis import analyse_answer

    question = library.question("classics/disagreed-with-manager")
    analysis = analyse_answer(question, (
        "In my last company in Poland I was working as junior developer in team of six. My manager decided "
        "that we will move all our tests to new framework in one sprint, before the release. I was thinking "
        "this is wrong, because release was in two weeks and we had more than 800 tests. I did not say it in "
        "the daily meeting, I asked him for short talk after, only us two. I showed him my calculation: one "
        "test take around 20 minutes to rewrite, so 800 tests is more than 260 hours, this is more than whole "
        "team have in sprint. He listened and he explained me his reason, the old framework will not be "
        "supported from next year. So we agreed to move only the new tests first and the rest after release. "
        "I supported this plan in the team meeting also. We finished migration two months later without "
        "problem and release was on time."))
    assert {match.term for match in analysis.keywords.matched} == {
        "disagreed", "raised it in private", "backed it with evidence", "committed to the decision"}
    assert analysis.verdict.verdict == "strong", analysis.verdict.fumbled_reasons


def test_a_weakness_worked_on_and_improved_makes_both_points(library) -> None:
    """A new-user run's textbook weakness answer (Toastmasters, volunteering to present, "I no longer
    wait to be asked") was told its two main points were missing, and tipped to make them."""
    from mockview.analysis import analyse_answer

    question = library.question("classics/greatest-weakness")
    analysis = analyse_answer(question, (
        "My weakness is public speaking. In team meetings I used to keep quiet even when I had a useful point, "
        "and in my last review my manager said the team was missing my ideas because I only shared them "
        "afterwards by email. Since January I have been going to a Toastmasters club every two weeks, and I "
        "volunteered to present the monthly stock report to the store managers. The first two times my hands "
        "were shaking, but last month I ran the whole forty-minute session and took questions at the end. I'm "
        "still not a natural, but I no longer wait to be asked before I speak up."))
    found = {match.term: match.found for match in analysis.keywords.matched}
    assert found["what I am doing about it"] == "Toastmasters"
    assert found["how it has improved"] == "no longer"
    assert not any("Points a strong answer makes that yours doesn't" in tip for tip in analysis.tips)


def test_closing_questions_about_the_first_months_and_the_hardest_part_make_their_points(library) -> None:
    """A new-user run: "what is the team finding hardest at the moment?" and "what would you want the person
    in this role to have achieved by the end of their first six months?" missed "the biggest challenge"
    and "what success looks like", and the tip asked for both."""
    from mockview.analysis import analyse_answer

    question = library.question("classics/questions-for-us")
    analysis = analyse_answer(question, (
        "Yes, a few. What would you want the person in this role to have achieved by the end of their first "
        "six months? Who would I be working with most closely day to day, and how does the team split up the "
        "work? And what is the team finding hardest at the moment? Finally, what are the next steps in your "
        "process?"))
    assert {match.term for match in analysis.keywords.matched} == {
        "the team", "what success looks like", "the biggest challenge"}


@pytest.mark.parametrize("ranged", ["I'd expect 35-40k.", "Around 40k.", "I'm after £38,000.", "Somewhere around the 40 mark.",
                                    "In the low 40s.", "I'm looking for £35,000 to £40,000."])
def test_a_salary_range_is_heard_as_people_give_it(library, ranged: str) -> None:
    """A review: each of these missed the required "salary range", and a textbook answer was fumbled."""
    from mockview.analysis import analyse_answer

    question = library.question("classics/salary-expectations")
    assert "salary range" in {match.term for match in analyse_answer(question, ranged).keywords.matched}


@pytest.mark.parametrize("unranged", ["With 10 plus years in logistics I know my worth.",
                                      "I'm in my mid thirties with two children, so stability matters."])
def test_years_and_ages_are_no_salary_range(library, unranged: str) -> None:
    from mockview.analysis import analyse_answer

    question = library.question("classics/salary-expectations")
    assert "salary range" not in {match.term for match in analyse_answer(question, unranged).keywords.matched}


def test_a_point_named_with_nothing_said_of_it_is_a_near_miss_that_says_so(library) -> None:
    """A new-user run: "a great mission" and "the values" in a generic answer were shown as plain
    "- mission", "- values", as if the words were never said. They still make no point, but the
    feedback now says why, and the tip asks for what the word stands for."""
    from mockview.analysis import analyse_answer

    question = library.question("classics/why-work-here")
    analysis = analyse_answer(question, (
        "I want to work at your company because you are a leader in the industry with a great mission and a "
        "great product. I have read a lot about the company and I really like the culture and the values."))
    assert "mission" not in {match.term for match in analysis.keywords.matched}
    near = {item.term: (item.found, item.why) for item in analysis.keywords.near_misses}
    assert near["mission"] == ("great mission", "named")
    assert any(tip.startswith("You name 'mission' ('great mission') but say nothing of it.") for tip in analysis.tips)
