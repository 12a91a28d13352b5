"""The re-drill schedule: FSRS reviews, graduation, leeches and self-ratings."""

from __future__ import annotations

from mockview.store.redrill import Rating, queue, record_answer, recompute_card, rerate, retire

QUESTION = {"id": "star/late-project", "bank": "star", "text": "Tell me about a late project.",
            "category": "pressure", "time_limit": 150}


def answer(history, clock, verdict: str, *, rating=None):
    """Record one attempt with ``verdict`` the way the engine does."""
    analysis = {"score": {"fumbled": 30, "ok": 65, "strong": 90}[verdict], "verdict": verdict}
    with history.atomic():
        attempt_id = history.add_attempt(
            session_id=None, question=QUESTION, answer="...", started_at=clock.now(), seconds=60,
            time_limit=150, analysis=analysis,
        )
        change = record_answer(history, question=QUESTION, attempt_id=attempt_id, verdict=verdict,
                               now=clock.now(), rating=rating)
    return attempt_id, change


def test_a_good_answer_to_a_new_question_is_not_scheduled(history, clock) -> None:
    _, change = answer(history, clock, "strong")
    assert change.outcome == "unscheduled"
    assert queue(history, clock.now()) == ([], [])


def test_fumbled_then_strong_then_strong_on_another_day_leaves_the_queue(history, clock, utc) -> None:
    _, change = answer(history, clock, "fumbled")
    assert change.outcome == "added" and change.due == clock.now()
    due, upcoming = queue(history, clock.now())
    assert [item.question_id for item in due] == ["star/late-project"] and upcoming == []

    clock.advance(600)
    _, change = answer(history, clock, "strong")
    assert change.outcome == "reviewed" and change.rating == Rating.GOOD
    assert change.due > clock.now()

    clock.advance(3600)  # strong again the same day: still one day
    _, change = answer(history, clock, "strong")
    assert change.outcome == "reviewed"
    assert history.schedule_entry("star/late-project").strong_streak == 1

    clock.advance(days=1)
    _, change = answer(history, clock, "strong")
    assert change.outcome == "graduated"
    assert queue(history, clock.now() + __import__("datetime").timedelta(days=365)) == ([], [])


def test_a_weaker_answer_breaks_the_strong_streak(history, clock, utc) -> None:
    answer(history, clock, "fumbled")
    clock.advance(days=1)
    answer(history, clock, "strong")
    clock.advance(days=1)
    _, change = answer(history, clock, "ok")
    assert change.outcome == "reviewed" and change.rating == Rating.HARD
    clock.advance(days=1)
    _, change = answer(history, clock, "strong")
    assert change.outcome == "reviewed"  # one strong day again, not two


def test_leech_after_four_fumbles(history, clock) -> None:
    for number in range(1, 5):
        _, change = answer(history, clock, "fumbled")
        assert change.fumbles == number
        assert change.leech == (number >= 4)
        clock.advance(120)
    due, _ = queue(history, clock.now() + __import__("datetime").timedelta(days=1))
    assert due[0].leech and due[0].to_json(clock.now())["leech"] is True
    assert "(a leech: fumbled 4 times)" in change.describe(clock.now())


def test_self_rating_overrides_the_verdict(history, clock) -> None:
    answer(history, clock, "fumbled")
    clock.advance(600)
    attempt_id, by_verdict = answer(history, clock, "ok")  # Hard, from the verdict
    change = rerate(history, attempt_id, Rating.EASY, clock.now())
    assert change.due > by_verdict.due
    reviews = history.reviews("star/late-project")
    assert [(r.rating, r.rated_by) for r in reviews] == [(Rating.EASY, "self")]
    assert history.attempt(attempt_id).self_rating == Rating.EASY


def test_rating_the_graduating_answer_again_keeps_the_question_in_the_queue(history, clock) -> None:
    answer(history, clock, "fumbled")
    clock.advance(days=1)
    answer(history, clock, "strong")
    clock.advance(days=1)
    attempt_id, change = answer(history, clock, "strong")
    assert change.outcome == "graduated"
    change = rerate(history, attempt_id, Rating.AGAIN, clock.now())
    assert change.outcome == "returned" and change.due is not None
    entry = history.schedule_entry("star/late-project")
    assert entry.status == "active" and entry.strong_streak == 0
    due, _ = queue(history, clock.now() + __import__("datetime").timedelta(days=1))
    assert [item.question_id for item in due] == ["star/late-project"]
    assert "back in the re-drill queue" in change.describe(clock.now())


def test_agreeing_with_a_graduation_says_so(history, clock) -> None:
    answer(history, clock, "fumbled")
    clock.advance(days=1)
    answer(history, clock, "strong")
    clock.advance(days=1)
    attempt_id, _ = answer(history, clock, "strong")
    change = rerate(history, attempt_id, Rating.EASY, clock.now())
    assert change.describe(clock.now()) == "left the re-drill queue: strong on two different days"
    assert history.schedule_entry("star/late-project").status == "graduated"


def test_rating_a_passing_new_answer_again_queues_it_as_a_fumble(history, clock) -> None:
    attempt_id, change = answer(history, clock, "ok")
    assert change.outcome == "unscheduled"
    change = rerate(history, attempt_id, Rating.AGAIN, clock.now())
    assert change.outcome == "added" and change.fumbles == 1
    due, upcoming = queue(history, clock.now() + __import__("datetime").timedelta(days=1))
    assert [item.question_id for item in due + upcoming] == ["star/late-project"]


def test_rating_a_passing_new_answer_good_changes_nothing(history, clock) -> None:
    attempt_id, _ = answer(history, clock, "ok")
    assert rerate(history, attempt_id, Rating.GOOD, clock.now()) is None
    assert history.schedule_entry("star/late-project") is None
    assert history.attempt(attempt_id).self_rating == Rating.GOOD


def test_a_rating_given_while_answering_is_used_instead_of_the_verdict(history, clock) -> None:
    answer(history, clock, "fumbled")
    clock.advance(600)
    _, change = answer(history, clock, "fumbled", rating=Rating.GOOD)
    assert change.rating == Rating.GOOD
    assert history.reviews("star/late-project")[-1].rated_by == "self"


def test_the_card_can_be_recomputed_from_its_review_logs(history, clock) -> None:
    answer(history, clock, "fumbled")
    for verdict in ("ok", "fumbled", "strong", "ok"):
        clock.advance(days=2)
        answer(history, clock, verdict)
    entry = history.schedule_entry("star/late-project")
    rebuilt = recompute_card(history, "star/late-project", entry.added_at)
    assert rebuilt["due"] == entry.card["due"]
    assert rebuilt["stability"] == entry.card["stability"]


def test_retired_questions_come_back_only_when_fumbled(history, clock) -> None:
    answer(history, clock, "fumbled")
    retire(history, "star/late-project")
    assert queue(history, clock.now()) == ([], [])
    clock.advance(days=1)
    _, change = answer(history, clock, "ok")
    assert change.outcome == "unscheduled"
    _, change = answer(history, clock, "fumbled")
    assert change.outcome == "returned"
    assert queue(history, clock.now())[0]
