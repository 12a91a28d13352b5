"""Fluke or pattern? What keeps happening across interviews and practice.

Looks at the debriefs of real interviews and the reflections after mock
interviews (factors, starred went-wrong items), and at practice (what gets
fumbled, which categories are trending up or down), and says in plain words
which problems recur and which look like one-offs. The practice queries are
here, next to the rules that read them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from mockview.banks.library import Library
from mockview.prep.matching import alike, category_of
from mockview.prep.pattern_rows import (
    CategoryFumbles,
    Direction,
    FactorCount,
    FocusCount,
    Patterns,
    QuestionFumbles,
    RealFumble,
    RepeatedProblem,
    Trend,
)
from mockview.store.repository import History
from mockview.store.stats import question_text
from mockview.store.words import SessionMode
from mockview.text import plural

PATTERN_SHARE = 0.5
"""A factor in at least half the interviews (and at least twice) is a pattern."""
TREND_POINTS = 5
MIN_TREND_ANSWERS = 4


@dataclass(frozen=True, slots=True)
class Interview:
    """One interview looked back on: a real one (debrief) or a mock one (reflection)."""

    key: str
    """"debrief 3" or "session 12": two interviews on one day are still two."""
    label: str
    kind: str
    """"real" or "mock"."""
    day: str
    factors: tuple[str, ...]
    wrong_starred: tuple[str, ...]
    fumbled: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()
    """The areas the interviewer's feedback was about."""


def _starred(items: Any) -> tuple[str, ...]:
    if not isinstance(items, list):
        return ()
    return tuple(item["text"] for item in items if isinstance(item, dict) and item.get("starred") and item.get("text"))


def looked_back(history: History) -> list[Interview]:
    """Every interview with a debrief or a reflection, oldest first."""
    found = []
    for debrief in history.debriefs():
        data = debrief.data
        found.append(Interview(
            key=f"debrief {debrief.id}",
            label=f"{debrief.company} ({debrief.day})",
            kind="real",
            day=debrief.day,
            factors=tuple(data.get("factors") or ()),
            wrong_starred=_starred(data.get("went_wrong")),
            fumbled=tuple(q["text"] for q in data.get("questions") or () if q.get("fumbled")),
            focus=tuple(dict.fromkeys(area for feedback in debrief.feedback for area in feedback.focus)),
        ))
    for session in history.sessions(mode=SessionMode.INTERVIEW):
        reflection = session.reflection or {}
        if not reflection:
            continue
        found.append(Interview(
            key=f"session {session.id}",
            label=f"mock interview ({session.started_at.date().isoformat()})",
            kind="mock",
            day=session.started_at.date().isoformat(),
            factors=tuple(reflection.get("factors") or ()),
            wrong_starred=_starred(reflection.get("went_wrong")),
        ))
    return sorted(found, key=lambda interview: interview.day)


def group_alike(items: list[tuple[str, Interview]]) -> list[list[tuple[str, Interview]]]:
    """(text, interview) pairs grouped by meaning: the same problem or question said differently."""
    groups: list[list[tuple[str, Interview]]] = []
    for text, interview in items:
        for group in groups:
            if alike(text, group[0][0]):
                group.append((text, interview))
                break
        else:
            groups.append([(text, interview)])
    return groups


def _where(group: list[tuple[str, Interview]]) -> tuple[int, list[str]]:
    """In how many interviews a group came up, and their labels in the order they happened."""
    seen: dict[str, str] = {}
    for _, interview in group:
        seen.setdefault(interview.key, interview.label)
    return len(seen), list(seen.values())


def trend(scores: list[int]) -> int | None:
    """Points gained (or lost) from the first half of the answers to the second."""
    if len(scores) < MIN_TREND_ANSWERS:
        return None
    half = len(scores) // 2
    first, last = scores[:half], scores[-half:]
    return round(sum(last) / len(last) - sum(first) / len(first))


def _trend_words(item: Trend) -> str:
    """"failure, down 17 points (average score of your last 5 answers against your first 5)": a
    bare "-17" says neither what the number is nor over what span."""
    half = item.answers // 2
    direction = "up" if item.change > 0 else "down"
    return (f"{item.category}, {direction} {plural(abs(item.change), 'point')} "
            f"(average score of your last {half} answers against your first {half})")


def fumbles_by_category(history: History, limit: int) -> list[CategoryFumbles]:
    """Fumbles in practice by category, most fumbled first; uncategorised left out."""
    return [CategoryFumbles(row[0], row[1], row[2], row[3]) for row in history.read(
        "SELECT category, sum(verdict = 'fumbled') AS fumbled, count(*), sum(skipped) FROM attempts "
        "WHERE parent_id IS NULL AND category != '' GROUP BY category HAVING fumbled > 0 "
        "ORDER BY fumbled DESC, category LIMIT ?",
        (limit,),
    )]


def fumbled_questions(history: History, limit: int) -> list[QuestionFumbles]:
    """Fumbles in practice by question (with its latest text), most fumbled first."""
    rows = history.read(
        "SELECT question_id, sum(verdict = 'fumbled') AS fumbled, count(*), sum(skipped), max(id) FROM attempts "
        "WHERE parent_id IS NULL GROUP BY question_id HAVING fumbled > 0 "
        "ORDER BY fumbled DESC, question_id LIMIT ?",
        (limit,),
    )
    found = []
    for question_id, fumbled, answers, skipped, latest in rows:
        ((snapshot,),) = history.read("SELECT question FROM attempts WHERE id = ?", (latest,))
        found.append(QuestionFumbles(question_id, question_text(snapshot, question_id), fumbled, answers, skipped))
    return found


def scores_by_category(history: History) -> dict[str, list[int]]:
    """Scores of the answers given in practice (follow-ups left out), oldest first, per category."""
    scores: dict[str, list[int]] = {}
    for category, score in history.read(
        "SELECT category, score FROM attempts WHERE skipped = 0 AND parent_id IS NULL ORDER BY submitted_at, id"
    ):
        scores.setdefault(category, []).append(score)
    return scores


def find_patterns(history: History, library: Library | None = None) -> Patterns:
    interviews = looked_back(history)
    patterns = Patterns(interviews=len(interviews), real=sum(1 for i in interviews if i.kind == "real"))
    total = len(interviews)

    counts = Counter(f for interview in interviews for f in set(interview.factors))
    for factor, count in counts.most_common():
        real = sum(1 for i in interviews if i.kind == "real" and factor in i.factors)
        patterns.factors.append(FactorCount(factor, count, total, real, count - real,
                                            pattern=count >= 2 and count >= PATTERN_SHARE * total))

    starred = [(text, i) for i in interviews for text in i.wrong_starred]
    for group in group_alike(starred):
        times, where = _where(group)
        if times >= 2:
            patterns.repeated_problems.append(RepeatedProblem(group[0][0], times, tuple(where)))

    patterns.fumbled_categories.extend(item for item in fumbles_by_category(history, 5) if item.category)
    patterns.fumbled_questions.extend(fumbled_questions(history, 5))

    questions = list(library.questions()) if library is not None else []
    real_fumbles = [(text, i) for i in interviews if i.kind == "real" for text in i.fumbled]
    grouped = [(_where(group), group) for group in group_alike(real_fumbles)]
    for (times, where), group in sorted(grouped, key=lambda item: -item[0][0])[:5]:
        patterns.real_fumbles.append(RealFumble(group[0][0], times, category_of(group[0][0], questions), tuple(where)))

    focus = Counter(area for interview in interviews for area in interview.focus)
    for area, count in focus.most_common():
        patterns.feedback_focus.append(FocusCount(area, count))

    for category, scores in sorted(scores_by_category(history).items()):
        change = trend(scores)
        if change is not None:
            direction: Direction = "up" if change >= TREND_POINTS else "down" if change <= -TREND_POINTS else "flat"
            patterns.trends.append(Trend(category or "(no category)", len(scores), change, direction))

    patterns.summary = summarise(patterns, interviews)
    return patterns


def summarise(patterns: Patterns, interviews: list[Interview]) -> list[str]:
    """A few plain sentences: what is a pattern, what looks like a fluke, and the evidence."""
    lines = []
    total = len(interviews)
    if not interviews:
        lines.append("No interviews looked back on yet: add a debrief after a real interview "
                     "(mockview debrief) or reflect after a mock one.")
    for factor in [f for f in patterns.factors if f.pattern][:3]:
        lines.append(f"Pattern: {factor.factor} in {factor.interviews} of {factor.of} interviews "
                     f"({factor.real} real, {factor.mock} mock). Plan for it; don't hope it passes.")
    watch = [f for f in patterns.factors if not f.pattern and f.interviews >= 2]
    if watch:
        lines.append("Worth watching: " + ", ".join(f"{f.factor} ({f.interviews} of {f.of})" for f in watch[:3])
                     + ".")
    one_offs = [f.factor for f in patterns.factors if f.interviews == 1]
    if total == 1 and one_offs:
        lines.append(f"One interview is not enough to tell a fluke from a pattern; next time, watch for these: "
                     f"{', '.join(one_offs)}.")
    elif one_offs:
        lines.append(f"Probably flukes so far: {', '.join(one_offs[:4])} (each in 1 of {total} interviews).")
    for problem in patterns.repeated_problems[:2]:
        lines.append(f"Pattern: \"{problem.problem}\" went wrong in {problem.times} interviews "
                     f"({', '.join(problem.where)}).")
    said_again = [f for f in patterns.feedback_focus if f.interviews >= 2]
    if said_again:
        lines.append("Pattern: interviewers' feedback was about " + ", ".join(
            f"{f.focus} ({f.interviews} interviews)" for f in said_again[:3]) + ".")
    for item in patterns.real_fumbles:
        if item.times >= 2:
            lines.append(f"Pattern: you fumbled \"{item.question}\" in {item.times} real interviews.")
    falling = [t for t in patterns.trends if t.direction == "down"]
    rising = [t for t in patterns.trends if t.direction == "up"]
    if rising:
        lines.append("Improving in practice: " + "; ".join(_trend_words(t) for t in rising[:3]) + ".")
    if falling:
        lines.append("Slipping in practice: " + "; ".join(_trend_words(t) for t in falling[:3]) + ".")
    worst = [c for c in patterns.fumbled_categories if c.fumbled == patterns.fumbled_categories[0].fumbled]
    if worst and worst[0].fumbled >= 2:  # one fumble (a skip, often) is no pattern, as one interview is none
        if len(worst) == 1:
            skipped = f", {worst[0].skipped} of them skipped" if worst[0].skipped else ""
            lines.append(f"Most fumbled in practice: {worst[0].category} ({worst[0].fumbled} of {worst[0].answers} "
                         f"answers{skipped}).")
        else:
            names = ", ".join(c.category for c in worst[:-1]) + " and " + worst[-1].category
            lines.append(f"Most fumbled in practice: {names} ({worst[0].fumbled} fumbled answers each).")
    if interviews and len(lines) == 0:
        lines.append(f"Nothing recurs across your {total} interviews yet.")
    return lines
