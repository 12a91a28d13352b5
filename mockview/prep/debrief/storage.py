"""Saving and deleting debriefs, with the re-drill items their fumbles make.

A question fumbled in a real interview joins the re-drill queue, due at
once, with what the person noted about it as its hints. Saving and
deleting each run in one atomic block: the debrief, its feedback and its
queue items change together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from mockview.banks.library import Library
from mockview.banks.model import DEFAULT_WORDS, Question, guess_asked_kind
from mockview.errors import MockviewError
from mockview.prep.debrief.model import AskedQuestion, Debrief, where
from mockview.prep.matching import alike, category_of, closest_question
from mockview.store.redrill import ScheduleChange, record_answer
from mockview.store.repository import History
from mockview.store.rows import DebriefRow
from mockview.store.snapshots import snapshot

REAL_INTERVIEW_BANK = "debrief"
ITEM_ID_LENGTH = 48


def new_item_id(history: History, text: str) -> str:
    """A readable id for a question from a real interview, never one already in the queue.

    Whole words only, as many as fit in :data:`ITEM_ID_LENGTH` characters:
    "tell-me-about-a-time-you-had-to-deliver-bad" reads as a cut, not a name.
    """
    words = [word for word in "".join(ch if ch.isascii() and ch.isalnum() else "-"
                                      for ch in text.lower()).split("-") if word]
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > ITEM_ID_LENGTH:
            break
        kept.append(word[:ITEM_ID_LENGTH])
    base = "-".join(kept) or "question"
    candidate, number = base, 2
    while history.schedule_entry(f"{REAL_INTERVIEW_BANK}/{candidate}") is not None:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def redrill_question(item_id: str, asked: AskedQuestion, debrief: Debrief, questions: list[Question]) -> Question:
    """A question from a real interview as a re-drill item of its own, its hints what you noted."""
    kind = guess_asked_kind(asked.text)
    return Question(bank=REAL_INTERVIEW_BANK, id=item_id, text=asked.text,
                    kind=kind, words=DEFAULT_WORDS[kind], category=category_of(asked.text, questions),
                    tags=tuple(t for t in ("real-interview", debrief.stage) if t), tips=interview_notes(asked, debrief))


def interview_notes(asked: AskedQuestion, debrief: Debrief) -> tuple[str, ...]:
    """What the person wrote about a fumbled question, offered back as hints when they re-drill it."""
    notes = [f"At {debrief.company} ({debrief.date.isoformat()}): {asked.notes}"] if asked.notes else []
    if debrief.strategy:
        notes.append(f"Your strategy: {debrief.strategy}")
    notes += [f"You meant to: {item}" for item in debrief.next_time]
    return tuple(notes)


def redrill_item(history: History, asked: AskedQuestion, debrief: Debrief,
                 questions: list[Question]) -> dict[str, Any] | None:
    """The question already known for one asked again: an earlier interview's item, else the bank's."""
    for entry in history.schedule(status=None):
        if entry.source == "debrief" and alike(asked.text, str(entry.question.get("text", ""))):
            return entry.question
    same = closest_question(asked.text, questions, debrief.company, debrief.role or None)
    return snapshot(same[0], same[1]) if same is not None else None


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    """A debrief's content without what saving added to it, or what may change later (the outcome)."""
    questions = [{k: v for k, v in q.items() if k != "redrill"} for q in data.get("questions") or []]
    return {**{k: v for k, v in data.items() if k != "outcome"}, "questions": questions}


def save_debrief(history: History, debrief: Debrief, library: Library | None = None) -> tuple[int, list[ScheduleChange]]:
    """Store the debrief, its feedback, and a re-drill item per fumbled question, all or nothing.

    A question fumbled before (in another interview, or a bank question
    worded the same) is the same re-drill item, fumbled once more, not a new
    one; it is due now either way. The same debrief added twice is refused.
    """
    now = history.clock.now()
    data = debrief.to_json()
    for earlier in history.debriefs():
        if earlier.company.lower() == debrief.company.lower() and _comparable(earlier.data) == _comparable(data):
            raise MockviewError(f"this debrief is already saved as debrief {earlier.id} (see: mockview debrief show "
                                f"{earlier.id})")
    questions = list(library.questions()) if library is not None else []
    changes = []
    with history.atomic():
        debrief_id = history.add_debrief(company=debrief.company, role=debrief.role, day=debrief.date.isoformat(),
                                         outcome=debrief.outcome, data=data)
        for item in debrief.feedback:
            history.add_feedback(debrief_id, item.text, list(item.focus))
        queued: set[str] = set()
        for number, asked in enumerate(debrief.questions, 1):
            if not asked.fumbled:
                continue
            question = redrill_item(history, asked, debrief, questions)
            if question is None:
                question = snapshot(redrill_question(new_item_id(history, asked.text), asked, debrief, questions))
            elif question.get("bank") == REAL_INTERVIEW_BANK:
                new_notes = [t for t in interview_notes(asked, debrief) if t not in question.get("tips", [])]
                question = {**question, "tips": list(question.get("tips", [])) + new_notes}
            data["questions"][number - 1]["redrill"] = question["id"]
            if question["id"] in queued:
                continue  # the same question twice in one interview is one fumble
            queued.add(question["id"])
            change = record_answer(history, question=question, attempt_id=None, verdict="fumbled", now=now,
                                   source="debrief", note=where(debrief))
            entry = history.schedule_entry(change.question_id)
            if entry is not None:  # asked in a real interview and fumbled: drill it now, whatever FSRS says
                history.save_schedule(replace(entry, due=now, source="debrief", note=where(debrief)))
                change = replace(change, due=now)
            changes.append(change)
        history.update_debrief_data(debrief_id, data)
    return debrief_id, changes


@dataclass(frozen=True, slots=True)
class Deleted:
    debrief: DebriefRow
    removed: tuple[str, ...]
    """Re-drill items only this debrief had put in the queue, never answered: gone with it."""
    kept: tuple[str, ...]
    """Re-drill items answered since or shared with other interviews: kept, one fumble fewer."""


def delete_debrief(history: History, debrief_id: int) -> Deleted | None:
    """Delete a debrief and undo what it did to the queue, so adding it again counts once."""
    row = history.debrief(debrief_id)
    if row is None:
        return None
    removed, kept = [], []
    with history.atomic():
        for item_id in dict.fromkeys(q["redrill"] for q in row.data.get("questions") or [] if q.get("redrill")):
            entry = history.schedule_entry(item_id)
            if entry is None:
                continue
            if entry.fumbles <= 1 and not history.answered(item_id):
                history.delete_schedule_entry(item_id)
                removed.append(item_id)
            else:
                history.save_schedule(replace(entry, fumbles=max(0, entry.fumbles - 1)))
                kept.append(item_id)
        history.delete_debrief(debrief_id)
    return Deleted(row, tuple(removed), tuple(kept))
