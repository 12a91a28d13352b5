"""The CV check: what a recruiter notices in the first minute, each at its line and column.

Spelling and repeated words ("the the"), dates written in different
formats, bullets that say what you did but not what came of it, weak
openings ("Responsible for", "Helped with"), and, against a saved posting,
the must-haves the CV never mentions. The posting's must-haves are matched
with the rubric matcher, so "Postgres" counts for PostgreSQL and "led a team
of six" for leadership. Plain text and Markdown; the checks are deterministic.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mockview.prep.spelling import Speller

if TYPE_CHECKING:
    from mockview.prep.jobs import Job

KIND_NAMES = {
    "spelling": ("spelling mistake", "spelling mistakes"),
    "repeated-word": ("repeated word", "repeated words"),
    "date-format": ("inconsistent date", "inconsistent dates"),
    "no-outcome": ("bullet with no number or outcome", "bullets with no number or outcome"),
    "weak-opening": ("weak opening", "weak openings"),
    "missing-must-have": ("must-have never mentioned", "must-haves never mentioned"),
}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
BULLET = re.compile(r"^(\s*(?:[-*+•·▪◦‣●–—]|\d{1,2}[.)])\s+)(?=\S)")
URLISH = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|org|net|io|dev|co\.uk|uk|ai|app)\b\S*|`[^`]*`|"
                    r"\]\([^)]*\)", re.IGNORECASE)
REPEATED = re.compile(r"\b([^\W\d_]+)[ \t]+(\1)\b", re.IGNORECASE)
REPEAT_OK = frozenset({"had", "that"})
WEAK = re.compile(
    r"(?:responsible for|helped (?:with|to)|helped|assisted (?:with|in)|assisted|worked on|tasked with|involved in|"
    r"duties included|participated in|in charge of)\b",
    re.IGNORECASE,
)
NUMBER_WORDS = re.compile(
    r"\d|%|£|\$|€|\b(?:zero|no downtime|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|"
    r"hundred|hundreds|thousand|thousands|million|millions|billion|double|doubled|half|halved|twice|triple|tripled|"
    r"dozen|dozens)\b",
    re.IGNORECASE,
)
OUTCOME_WORDS = re.compile(
    r"\b(?:increas\w*|reduc\w*|improv\w*|grew|grow\w*|sav(?:ed|ing)|cut|rais\w*|won|win|achiev\w*|award\w*|"
    r"boost\w*|lower\w*|shortened|faster|fewer|more than|less than|exceed\w*|record|top|first|promoted|"
    r"result\w*|led to|so that|which meant|leading to|resolv\w*|launched|prevent\w*|eliminat\w*)\b",
    re.IGNORECASE,
)
NO_OUTCOME_SECTIONS = re.compile(
    r"skill|education|qualification|certif|language|interest|hobbi|reference|contact|training|personal|"
    r"profile|summary|about|tools|technolog|courses|publications|details",
    re.IGNORECASE,
)
MIN_BULLET_WORDS = 4
CV_HEADING = re.compile(
    r"(?:(?:key|technical|core|work|professional|relevant|employment|career|other|additional)\s+)?"
    r"(?:skills|experience|employment|history|education|qualifications|certifications|training|languages|"
    r"interests|hobbies|references|profile|summary|projects|achievements|volunteering|awards|contact|"
    r"skills and experience|career history|work history|personal statement|about me|publications|courses)",
    re.IGNORECASE,
)

MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
FULL_MONTHS = frozenset("january february march april june july august september october november december".split())
DATE_PATTERNS = (
    ("DD/MM/YYYY", re.compile(r"\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b")),
    ("month", re.compile(rf"\b{MONTH}\.?,?\s+(?:19|20)\d\d\b", re.IGNORECASE)),
    ("MM/YYYY", re.compile(r"\b(?:0?[1-9]|1[0-2])\s?/\s?(?:19|20)\d\d\b")),
    ("MM.YYYY", re.compile(r"\b(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d\b")),
    ("YYYY-MM", re.compile(r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])\b")),
    ("YYYY", re.compile(r"\b(?:19|20)\d\d(?=\s*(?:-|–|—|to)\s*(?:(?:19|20)\d\d|present|current|now|today|date)\b)",
                        re.IGNORECASE)),
)
FORMAT_NAMES = {
    "Month YYYY": "the month in full (March 2021)",
    "Mon YYYY": "a short month (Mar 2021)",
    "MM/YYYY": "numbers (03/2021)",
    "MM.YYYY": "numbers with a dot (03.2021)",
    "YYYY-MM": "year first (2021-03)",
    "DD/MM/YYYY": "a full date (14/03/2021)",
    "YYYY": "the year alone (2021)",
}


@dataclass(frozen=True, slots=True)
class CvProblem:
    line: int
    column: int
    kind: str
    message: str

    def located(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "kind": self.kind, "message": self.message}


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str
    section: str
    bullet_at: int | None
    """Where a bullet's text starts (0-based), or None for a line that is not a bullet."""
    heading: bool


def check_cv(text: str, speller: Speller, job: Job | None = None) -> list[CvProblem]:
    """Every problem found in the CV's text, in reading order (missing must-haves last)."""
    lines = _lines(text)
    problems = _spelling(lines, speller) + _repeats(lines) + _dates(lines) + _bullets(lines)
    problems.sort(key=lambda p: (p.line, p.column, p.kind))
    if job is not None:
        from mockview.prep.cv_job import missing_must_haves

        problems += missing_must_haves(text, job)
    return problems


def summary(path: str, problems: list[CvProblem]) -> str:
    """"cv.md: 2 spelling mistakes, 1 weak opening", or that it is clean."""
    if not problems:
        return f"{path}: no problems found"
    counts = Counter(problem.kind for problem in problems)
    parts = []
    for kind, (one, many) in KIND_NAMES.items():
        if counts.get(kind):
            parts.append(f"{counts[kind]} {one if counts[kind] == 1 else many}")
    return f"{path}: " + ", ".join(parts)


def counts(problems: list[CvProblem]) -> dict[str, int]:
    found = Counter(problem.kind for problem in problems)
    return {kind: found.get(kind, 0) for kind in KIND_NAMES}


def _lines(text: str) -> list[_Line]:
    result, section = [], ""
    raw_lines = [line.rstrip("\r") for line in text.split("\n")]
    for index, raw in enumerate(raw_lines):
        stripped = raw.strip()
        following = raw_lines[index + 1].strip() if index + 1 < len(raw_lines) else ""
        heading = _is_heading(stripped, following)
        if heading:
            section = stripped.lstrip("#").strip()
        bullet = BULLET.match(raw)
        result.append(_Line(index + 1, raw, section, bullet.end() if bullet else None, heading))
    return result


def _is_heading(stripped: str, following: str) -> bool:
    if not stripped:
        return False
    if stripped.startswith("#") or re.fullmatch(r"[=-]{3,}", following):
        return True
    words = stripped.rstrip(":").split()
    letters = [ch for ch in stripped if ch.isalpha()]
    if len(words) <= 4 and len(letters) >= 3 and all(ch.isupper() for ch in letters):
        return True
    return bool(CV_HEADING.fullmatch(stripped.strip("*_ ").rstrip(":").strip("*_ ")))


def _skipped_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in URLISH.finditer(text)]


def _spelling(lines: list[_Line], speller: Speller) -> list[CvProblem]:
    problems = []
    for line in lines:
        skipped = _skipped_spans(line.text)
        repeated_at = {m.start(2) for m in REPEATED.finditer(line.text)}
        for match in WORD.finditer(line.text):
            word = match.group(0).rstrip("'’")
            start, end = match.start(), match.start() + len(word)
            if start in repeated_at or _ignored(line.text, word, start, end, skipped):
                continue
            if not speller.known(word):
                guess = speller.suggestion(word)
                hint = f" (did you mean '{guess}'?)" if guess else ""
                problems.append(CvProblem(line.number, start + 1, "spelling", f"unknown word '{word}'{hint}"))
    return problems


def _ignored(text: str, word: str, start: int, end: int, skipped: list[tuple[int, int]]) -> bool:
    """Words a spelling check cannot judge: acronyms, camelCase names, codes next to digits, links."""
    if len(word) < 2 or any(a <= start < b for a, b in skipped):
        return True
    if word.isupper() or any(ch.isupper() for ch in word[1:]):
        return True
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isdigit() or after.isdigit() or before in "@#/\\_" or after in "@_/\\"


def _repeats(lines: list[_Line]) -> list[CvProblem]:
    problems = []
    for line in lines:
        for match in REPEATED.finditer(line.text):
            if match.group(1).lower() in REPEAT_OK:
                continue
            problems.append(CvProblem(line.number, match.start(2) + 1, "repeated-word",
                                      f"'{match.group(2)}' twice in a row"))
    return problems


def _dates(lines: list[_Line]) -> list[CvProblem]:
    found: list[tuple[int, int, str, str]] = []
    for line in lines:
        taken: list[tuple[int, int]] = []
        for name, pattern in DATE_PATTERNS:
            for match in pattern.finditer(line.text):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append(match.span())
                found.append((line.number, match.start() + 1, match.group(0), _date_format(name, match)))
    found.sort()
    usual = [fmt for *_, fmt in found if fmt != "May YYYY"]
    if len(set(usual)) < 2:
        return []
    tally = Counter(usual)
    first_seen = {fmt: index for index, fmt in reversed(list(enumerate(usual)))}
    dominant = max(tally, key=lambda fmt: (tally[fmt], -first_seen[fmt]))
    example = next((number, text) for number, _, text, fmt in found if fmt == dominant)
    problems = []
    for number, column, text, fmt in found:
        if fmt == dominant or (fmt == "May YYYY" and dominant in ("Month YYYY", "Mon YYYY")):
            continue
        shown = FORMAT_NAMES.get(fmt, fmt) if fmt != "May YYYY" else "with a month name (May 2021)"
        problems.append(CvProblem(number, column, "date-format",
                                  f"date '{text}' is written as {shown}; most dates here use "
                                  f"{FORMAT_NAMES[dominant]}, like '{example[1]}' on line {example[0]}"))
    return problems


def _date_format(name: str, match: re.Match[str]) -> str:
    if name != "month":
        return name
    month = match.group("month").lower()
    if month == "may":
        return "May YYYY"
    return "Month YYYY" if month in FULL_MONTHS else "Mon YYYY"


def _bullets(lines: list[_Line]) -> list[CvProblem]:
    problems = []
    for line in lines:
        if line.bullet_at is None:
            continue
        body = line.text[line.bullet_at:]
        column = line.bullet_at + 1
        weak = WEAK.match(body)
        if weak:
            problems.append(CvProblem(line.number, column, "weak-opening",
                                      f"weak opening '{weak.group(0)}': start with what you did "
                                      "('Led', 'Built', 'Cut', 'Trained')"))
        if NO_OUTCOME_SECTIONS.search(line.section) or len(WORD.findall(body)) < MIN_BULLET_WORDS:
            continue
        if not NUMBER_WORDS.search(body) and not OUTCOME_WORDS.search(body):
            problems.append(CvProblem(line.number, column, "no-outcome",
                                      "no number or outcome: say what changed, and by how much"))
    return problems
