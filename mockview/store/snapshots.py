"""Questions as stored with each attempt and re-drill.

History must survive edits, renames and deletions of bank files, so every
attempt keeps a snapshot of the question as it was asked (the text with
{company}/{role} filled in, and the rubric). A re-drill of a question that
no loaded bank has any more is asked from its snapshot.
"""

from __future__ import annotations

from typing import Any

from mockview.banks.model import Keyword, Question


def snapshot(question: Question, asked_text: str | None = None) -> dict[str, Any]:
    """A JSON-ready copy of ``question``; ``asked_text`` is the text shown."""
    return {
        "id": question.full_id,
        "bank": question.bank,
        "text": asked_text if asked_text is not None else question.text,
        "template": question.text,
        "kind": question.kind,
        "category": question.category,
        "tags": list(question.tags),
        "keywords": [[k.term, list(k.synonyms), k.weight, k.required, k.source, k.concept] for k in question.keywords],
        "tips": list(question.tips),
        "tip_about": [list(about) for about in question.tip_about],
        "follow_ups": list(question.follow_ups),
        "time_limit": question.time_limit,
        "words": list(question.words),
    }


def question_from_snapshot(data: dict[str, Any]) -> Question:
    """The question a snapshot describes (its text as it was asked)."""
    bank, _, question_id = str(data.get("id", "unknown/question")).partition("/")
    words = data.get("words") or [150, 350]
    return Question(
        bank=data.get("bank") or bank,
        id=question_id or "question",
        text=data.get("text") or "",
        kind=data.get("kind") or "open",
        category=data.get("category") or "",
        tags=tuple(data.get("tags") or ()),
        keywords=tuple(
            # Older snapshots stop at the source, or before it; the concept came later.
            Keyword(term, tuple(synonyms), float(weight), bool(required), str(rest[0]) if rest else "",
                    concept=str(rest[1]) if len(rest) > 1 else "")
            for term, synonyms, weight, required, *rest in data.get("keywords") or ()
        ),
        tips=tuple(data.get("tips") or ()),
        tip_about=_tip_about(data.get("tip_about")),
        follow_ups=tuple(data.get("follow_ups") or ()),
        time_limit=float(data.get("time_limit") or 150),
        words=(int(words[0]), int(words[1])),
    )


def _tip_about(stored: Any) -> tuple[tuple[str, ...], ...]:
    """The tips' rubric terms as stored, or none from a snapshot older than them or damaged: a resumed
    draft is then told every tip, as before, rather than failing to load."""
    if not isinstance(stored, list):
        return ()
    return tuple(tuple(str(term) for term in about) if isinstance(about, list) else () for about in stored)
