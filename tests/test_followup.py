"""The feedback follow-up: due a week after a rejected or unanswered interview, drafted, cleared.

The command line runs in-process (``mockview.cli.main``) with the system
clock frozen, so "a week later" is a date, not a wait.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mockview.cli import main
from mockview.prep.debrief.model import AskedQuestion, Debrief
from mockview.prep.debrief.storage import save_debrief
from mockview.prep.followup import DUE, WAITING, follow_up, request_message
from mockview.prep.reflection import Item
from mockview.store import open_store
from mockview.store.words import Outcome
from tests.conftest import FakeClock

INTERVIEW = dt.date(2026, 3, 2)


def add_debrief(home: Path, **fields) -> int:
    """Save a debrief of an interview on Monday 2 March 2026 (stored as the app or `debrief add` would)."""
    values = {"company": "Acme Corp", "date": INTERVIEW, "role": "Backend engineer", "stage": "onsite",
              "interviewers": ("Priya", "Tom (hiring manager)"), "outcome": Outcome.REJECTED,
              "questions": (AskedQuestion("Why Acme?"), AskedQuestion("Tell me about a time you failed.", True)),
              "went_wrong": (Item("Talked too fast"), Item("Froze on the failure question", True)), **fields}
    history = open_store(home, clock=FakeClock("2026-03-02T18:00:00+00:00"))
    try:
        debrief_id, _ = save_debrief(history, Debrief(**values))
    finally:
        history.close()
    return debrief_id


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch, utc):
    """Set the system clock of in-process commands: ``today("2026-03-09T00:00:00")``."""

    def set_now(moment: str) -> None:
        frozen = dt.datetime.fromisoformat(moment).replace(tzinfo=dt.timezone.utc)
        monkeypatch.setattr("mockview.clock.SystemClock.now", lambda self: frozen)

    return set_now


def listed(capsys) -> tuple[str, list[dict]]:
    assert main(["debrief", "list"]) == 0
    text = capsys.readouterr().out
    assert main(["debrief", "list", "--json"]) == 0
    return text, json.loads(capsys.readouterr().out)


def test_the_reminder_appears_on_the_seventh_day_and_not_before(capsys, mockview_home: Path, today) -> None:
    debrief_id = add_debrief(mockview_home)

    today("2026-03-08T23:59:59")  # six days on, the last second of them
    text, (entry,) = listed(capsys)
    assert entry["follow_up"] == {"due": "2026-03-09", "state": WAITING,
                                  "ask_about": 'your answer to "Tell me about a time you failed"'}
    assert "ask for feedback" not in text

    today("2026-03-09T00:00:00")  # the day itself
    text, (entry,) = listed(capsys)
    assert entry["follow_up"]["state"] == DUE
    assert "A week on: time to ask for feedback" in text
    assert (f"  {debrief_id}  Acme Corp, Backend engineer (interview Mon 2 Mar 2026, rejected): "
            'ask about your answer to "Tell me about a time you failed"') in text
    assert f"mockview debrief followup {debrief_id}" in text

    today("2026-04-20T12:00:00")  # and it stays until it is dealt with
    assert listed(capsys)[1][0]["follow_up"]["state"] == DUE


def test_a_pending_interview_reminds_and_an_offer_or_withdrawal_does_not(capsys, mockview_home: Path,
                                                                         today) -> None:
    pending = add_debrief(mockview_home, company="Pending Ltd", outcome=Outcome.PENDING)
    offer = add_debrief(mockview_home, company="Offer plc", outcome=Outcome.OFFER)
    withdrew = add_debrief(mockview_home, company="Withdrew Inc", outcome=Outcome.WITHDREW)
    today("2026-03-10T09:00:00")
    text, entries = listed(capsys)
    states = {entry["id"]: entry["follow_up"] for entry in entries}
    assert states[pending]["state"] == DUE and states[offer] is None and states[withdrew] is None
    assert "Pending Ltd" in text.split("A week on")[1] and "Offer plc" not in text.split("A week on")[1]

    assert main(["debrief", "followup", str(offer)]) == 1
    assert capsys.readouterr().err == (
        f"mockview: debrief {offer} (Offer plc) ended with the outcome 'offer': a feedback request is for a "
        f"rejection or no answer yet (change it with: mockview debrief outcome {offer} rejected)\n")


def test_the_request_names_the_role_the_date_and_one_thing_to_ask_about(capsys, mockview_home: Path,
                                                                        today) -> None:
    debrief_id = add_debrief(mockview_home)
    today("2026-03-09T10:00:00")
    assert main(["debrief", "followup", str(debrief_id)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == (
        "Subject: Feedback on my Backend engineer interview on 2 March\n"
        "\n"
        "Hi Priya and Tom,\n"
        "\n"
        "Thank you again for your time at the onsite interview on Monday 2 March for the Backend engineer role "
        "at Acme Corp, and for letting me know your decision.\n"
        "\n"
        "I am working on my interviewing, and any feedback you could share would help me a great deal. In "
        "particular, I would value your view on my answer to \"Tell me about a time you failed\": what would "
        "have made it stronger?\n"
        "\n"
        "A few lines by email, or ten minutes on a call, would be more than enough.\n"
        "\n"
        "Best regards,\n"
    )
    assert main(["debrief", "followup", str(debrief_id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["state"] == DUE and data["message"] == out
    assert data["subject"] == "Feedback on my Backend engineer interview on 2 March"


def test_before_the_day_the_draft_is_there_with_a_note(capsys, mockview_home: Path, today) -> None:
    debrief_id = add_debrief(mockview_home)
    today("2026-03-04T10:00:00")
    assert main(["debrief", "followup", str(debrief_id)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Subject: Feedback on my Backend engineer interview on 2 March\n")
    assert err == ("mockview: the reminder is due on 2026-03-09, a week after the interview; sending it earlier "
                   "is fine too\n")


def test_attaching_feedback_clears_the_reminder(capsys, mockview_home: Path, today) -> None:
    debrief_id = add_debrief(mockview_home)
    today("2026-03-12T10:00:00")
    assert listed(capsys)[1][0]["follow_up"]["state"] == DUE
    assert main(["debrief", "feedback", str(debrief_id), "--text", "Needed more specifics"]) == 0
    capsys.readouterr()
    text, (entry,) = listed(capsys)
    assert entry["follow_up"]["state"] == "answered" and "ask for feedback" not in text


def test_an_offer_after_all_clears_the_reminder(capsys, mockview_home: Path, today) -> None:
    debrief_id = add_debrief(mockview_home, outcome=Outcome.PENDING)
    today("2026-03-12T10:00:00")
    assert main(["debrief", "outcome", str(debrief_id), "offer"]) == 0
    capsys.readouterr()
    text, (entry,) = listed(capsys)
    assert entry["follow_up"] is None and "ask for feedback" not in text


def test_dismissing_clears_the_reminder_once_and_for_all(capsys, mockview_home: Path, today) -> None:
    debrief_id = add_debrief(mockview_home)
    other = add_debrief(mockview_home, company="Beta Labs")
    today("2026-03-09T08:00:00")
    assert main(["debrief", "followup", str(debrief_id), "--dismiss"]) == 0
    assert capsys.readouterr().out == f"dismissed the follow-up of debrief {debrief_id} (Acme Corp): no more reminders\n"
    text, entries = listed(capsys)
    states = {entry["id"]: entry["follow_up"]["state"] for entry in entries}
    assert states == {debrief_id: "dismissed", other: DUE}
    reminders = text.split("A week on")[1]
    assert "Beta Labs" in reminders and "Acme Corp" not in reminders

    assert main(["debrief", "followup", str(debrief_id), "--dismiss"]) == 0
    assert "already dismissed" in capsys.readouterr().out
    assert main(["debrief", "followup", str(debrief_id)]) == 0  # the draft can still be had
    out, err = capsys.readouterr()
    assert out.startswith("Subject: ") and "you dismissed this reminder" in err


def test_an_unknown_debrief_is_one_line(capsys, today) -> None:
    today("2026-03-09T08:00:00")
    assert main(["debrief", "followup", "7"]) == 1
    assert capsys.readouterr().err == "mockview: no debrief 7 (see: mockview debrief list)\n"
    assert main(["debrief", "followup", "7", "--dismiss"]) == 1
    assert capsys.readouterr().err == "mockview: no debrief 7 (see: mockview debrief list)\n"


def test_what_to_ask_about_when_nothing_was_fumbled(mockview_home: Path) -> None:
    history = open_store(mockview_home, clock=FakeClock())
    try:
        starred, _ = save_debrief(history, Debrief(
            company="Acme", date=INTERVIEW, outcome=Outcome.REJECTED, questions=(AskedQuestion("Why Acme?"),),
            went_wrong=(Item("Talked too fast"), Item("Froze when asked about API design", True))))
        plain, _ = save_debrief(history, Debrief(company="Beta", date=INTERVIEW, factors=("nervous",),
                                                 outcome=Outcome.REJECTED))
        rows = {row.id: row for row in history.debriefs()}
    finally:
        history.close()

    request = request_message(rows[starred])
    assert request.subject == "Feedback on my interview on 2 March"
    assert ('one thing I noted myself was "froze when asked about API design": did it stand out to you'
            in request.body)
    assert follow_up(rows[starred], INTERVIEW).ask_about == '"Froze when asked about API design"'

    assert "In particular, what held my application back at the interview" in request_message(rows[plain]).body
    assert follow_up(rows[plain], INTERVIEW).ask_about == "what held the application back"


def test_a_pending_interview_asks_about_next_steps_not_the_worst_answer(mockview_home: Path) -> None:
    """Before the decision, the email must not point the interviewer at the answer that went worst
    (found by a new-user run): it asks about the next steps, and for feedback whatever the decision."""
    debrief_id = add_debrief(mockview_home, outcome=Outcome.PENDING)
    history = open_store(mockview_home, clock=FakeClock())
    try:
        (row,) = [row for row in history.debriefs() if row.id == debrief_id]
    finally:
        history.close()
    request = request_message(row)
    assert request.subject == "Following up on my Backend engineer interview on 2 March"
    assert "I wanted to follow up on the next steps, as I have not heard back yet." in request.body
    assert "Whatever the decision, I would be grateful for any feedback on how I did." in request.body
    assert "failed" not in request.body and "Froze" not in request.body and "froze" not in request.body
    assert follow_up(row, INTERVIEW).ask_about == "the next steps"


def test_an_older_history_gains_the_dismissal_column(mockview_home: Path) -> None:
    import sqlite3

    from mockview.store.schema import MIGRATIONS, SCHEMA_VERSION

    mockview_home.mkdir(parents=True)
    db = sqlite3.connect(mockview_home / "history.db")
    for migration in MIGRATIONS[:4]:
        db.executescript(migration)
    db.execute("INSERT INTO debriefs (company, day, outcome, data, added_at) VALUES "
               "('Acme', '2026-03-02', 'rejected', '{}', '2026-03-02T10:00:00+00:00')")
    db.execute("PRAGMA user_version = 4")
    db.commit()
    db.close()
    history = open_store(mockview_home, clock=FakeClock("2026-03-09T10:00:00+00:00"))
    try:
        assert history.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (row,) = history.debriefs()
        assert row.follow_up_dismissed is None and follow_up(row, dt.date(2026, 3, 9)).is_due
        assert history.dismiss_follow_up(row.id) and not history.dismiss_follow_up(row.id + 1)
        assert history.debrief(row.id).follow_up_dismissed == dt.datetime(2026, 3, 9, 10, tzinfo=dt.timezone.utc)
    finally:
        history.close()


@pytest.mark.parametrize(("interviewers", "greeting"), [
    (("Sam Okafor (hiring manager)",), "Hi Sam,"),
    (("Dr. Ada Okafor", "Priya Nair"), "Hi Dr. Okafor and Priya,"),
    (("Ms Lee", "Tom", "  "), "Hi Ms Lee and Tom,"),
    (("(panel)",), "Hello,"),
    (("Dr Ada Okafor - CTO", "Prof. Ada Okafor PhD"), "Hi Dr Okafor and Prof. Okafor,"),
    (("Mr Martin Luther King Jr.", "Ms van der Berg"), "Hi Mr King and Ms van der Berg,"),
    (("Dr.", "Sam Okafor, hiring manager"), "Hi Sam,"),
])
def test_the_request_greets_interviewers_by_first_name_or_title_and_surname(mockview_home: Path, interviewers,
                                                                           greeting) -> None:
    history = open_store(mockview_home, clock=FakeClock())
    try:
        saved, _ = save_debrief(history, Debrief(company="Acme", date=INTERVIEW, outcome=Outcome.PENDING,
                                                 interviewers=interviewers))
        row = next(row for row in history.debriefs() if row.id == saved)
    finally:
        history.close()
    assert request_message(row).body.splitlines()[0] == greeting
