"""Turn a plain list of questions into a bank file: ``mockview banks import FILE.csv|FILE.md``.

Coaches keep questions in spreadsheets and notes, not YAML. Two shapes are read:

* CSV (a spreadsheet export) with a header row: ``question`` (required),
  and any of ``category``, ``keywords``, ``tags``, ``tips``, ``follow_ups``,
  ``kind`` and ``id``. Keywords are written as on ``mockview score
  --keywords``: ``listened, !compromise=middle ground|trade-off`` (``!``
  makes a point required, ``=`` adds synonyms split by ``|``). Tags are
  comma-separated; tips and follow-ups are split by ``|`` or new lines.
* Markdown: a ``# Title``, ``## Category`` headings, and one list item
  (``-``, ``*`` or ``1.``) per question; indented items under a question add
  ``keywords:``, ``tags:``, ``tip:``, ``follow-up:``, ``kind:`` or ``id:``.

Every bad row is a :class:`Problem` at its file:line; nothing is written
until the whole file is right. The bank written is commented YAML that
passes validation.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from mockview.banks.suggest import suggest
from mockview.banks.model import KINDS, ID_PATTERN, guess_asked_kind
from mockview.banks.problems import Problem

CSV_COLUMNS = ("question", "category", "keywords", "tags", "tips", "follow_ups", "kind", "id")
COLUMN_ALIASES = {"text": "question", "questions": "question", "rubric": "keywords", "tip": "tips",
                  "follow_up": "follow_ups", "followups": "follow_ups", "follow-ups": "follow_ups",
                  "tag": "tags", "keyword": "keywords"}
MARKDOWN_KEYS = {"keywords": "keywords", "keyword": "keywords", "rubric": "keywords", "tags": "tags",
                 "tag": "tags", "tip": "tips", "tips": "tips", "follow-up": "follow_ups", "follow up": "follow_ups",
                 "follow-ups": "follow_ups", "follow_up": "follow_ups", "kind": "kind", "id": "id",
                 "category": "category"}
ID_LENGTH = 40


@dataclass
class Row:
    """One question as read, before it becomes YAML."""

    line: int
    text: str
    category: str = ""
    keywords: list[tuple[str, tuple[str, ...], bool]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    follow_ups: list[str] = field(default_factory=list)
    kind: str = ""
    id: str = ""


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import produced: the bank's text, or the problems that stopped it."""

    text: str
    questions: int
    problems: list[Problem]


def import_questions(raw: str, path: str, bank_id: str) -> Imported:
    """The bank file for the questions in ``raw`` (CSV or Markdown, by ``path``'s suffix)."""
    reader = _Reader(path)
    rows = reader.csv(raw) if path.lower().endswith(".csv") else reader.markdown(raw)
    if not rows and not reader.problems:
        reader.error(1, "no questions found" + (": a header row with a 'question' column, then one row per question"
                                                if path.lower().endswith(".csv") else
                                                ": write one list item (- ...) per question"))
    reader.check(rows)
    if reader.problems:
        return Imported("", 0, reader.problems)
    return Imported(_bank_yaml(bank_id, reader.title or _title(bank_id), Path(path).name, rows), len(rows), [])


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.title = ""

    def error(self, line: int, message: str, column: int = 1) -> None:
        self.problems.append(Problem(self.path, line, column, message))

    # --- CSV --------------------------------------------------------------------------

    def csv(self, raw: str) -> list[Row]:
        try:
            dialect = csv.Sniffer().sniff(raw[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel  # type: ignore[assignment]
        reader = csv.reader(io.StringIO(raw), dialect)
        rows: list[Row] = []
        start = 1
        columns: list[str] | None = None
        try:
            for cells in reader:
                line, start = start, reader.line_num + 1
                if not any(cell.strip() for cell in cells):
                    continue
                if columns is None:
                    columns = self._header(cells, line)
                    if columns is None:
                        return []
                    continue
                if len(cells) > len(columns):
                    self.error(line, f"row has {len(cells)} cells but the header names {len(columns)} columns")
                    continue
                values = {name: cell.strip() for name, cell in zip(columns, cells) if name}
                rows.append(self._row(line, values))
        except csv.Error as problem:
            self.error(start, f"not readable as CSV: {problem}")
        return rows

    def _header(self, cells: list[str], line: int) -> list[str] | None:
        columns: list[str] = []
        for cell in cells:
            name = "_".join(cell.strip().lower().split())
            name = COLUMN_ALIASES.get(name, name)
            if name and name not in CSV_COLUMNS:
                guess = suggest(name, CSV_COLUMNS)
                hint = f"; did you mean '{guess}'?" if guess else f"; expected: {', '.join(CSV_COLUMNS)}"
                self.error(line, f"unknown column '{cell.strip()}'{hint}")
            columns.append(name if name in CSV_COLUMNS else "")
        if "question" not in columns:
            self.error(line, "the header row needs a 'question' column (the question as the interviewer asks it)")
            return None
        return columns

    def _row(self, line: int, values: dict[str, str]) -> Row:
        row = Row(line, " ".join(values.get("question", "").split()), category=values.get("category", ""),
                  kind=values.get("kind", "").lower(), id=values.get("id", ""))
        row.keywords = self._keywords(values.get("keywords", ""), line)
        row.tags = [tag.strip() for tag in values.get("tags", "").split(",") if tag.strip()]
        row.tips = _pieces(values.get("tips", ""))
        row.follow_ups = _pieces(values.get("follow_ups", ""))
        return row

    def _keywords(self, spec: str, line: int) -> list[tuple[str, tuple[str, ...], bool]]:
        keywords = []
        for item in spec.split(","):
            item = item.strip()
            if not item:
                continue
            required = item.startswith("!")
            term, _, synonyms = item.lstrip("!").partition("=")
            if not term.strip():
                self.error(line, f"a keyword with no term in {spec!r}")
                continue
            keywords.append((term.strip(), tuple(s.strip() for s in synonyms.split("|") if s.strip()), required))
        return keywords

    # --- Markdown ------------------------------------------------------------------------

    def markdown(self, raw: str) -> list[Row]:
        rows: list[Row] = []
        category = ""
        for number, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
            if heading:
                if len(heading.group(1)) == 1 and not self.title and not rows:
                    self.title = heading.group(2)
                else:
                    category = heading.group(2).lower()
                continue
            item = re.match(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$", line)
            if item is None:
                continue  # prose between the lists: notes for the reader
            indent, content = len(item.group(1).expandtabs(4)), item.group(2).strip()
            if indent == 0:
                rows.append(Row(number, " ".join(content.split()), category=category))
            elif not rows:
                self.error(number, "an indented item before any question; start with a question (- ...)")
            else:
                self._detail(rows[-1], content, number, len(item.group(1)) + 1)
        return rows

    def _detail(self, row: Row, content: str, line: int, column: int) -> None:
        key, colon, value = content.partition(":")
        name = MARKDOWN_KEYS.get(key.strip().lower())
        if not colon or name is None:
            guess = suggest(key.strip().lower(), sorted(set(MARKDOWN_KEYS)))
            hint = f"; did you mean '{guess}:'?" if guess and colon else ""
            self.error(line, f"under a question, write 'keywords:', 'tags:', 'tip:', 'follow-up:', 'kind:' or "
                             f"'id:', got {content!r}{hint}", column)
            return
        value = value.strip()
        if name == "keywords":
            row.keywords += self._keywords(value, line)
        elif name == "tags":
            row.tags += [tag.strip() for tag in value.split(",") if tag.strip()]
        elif name in ("tips", "follow_ups"):
            getattr(row, name).append(value)
        else:
            setattr(row, name, value.lower() if name in ("kind", "category") else value)

    # --- the whole file -------------------------------------------------------------------------

    def check(self, rows: list[Row]) -> None:
        """Per row: a question, a known kind, a valid id; no question twice."""
        texts: dict[str, int] = {}
        ids: dict[str, int] = {}
        for row in rows:
            if not row.text:
                self.error(row.line, "this row has no question")
                continue
            key = row.text.lower().rstrip("?.! ")
            if key in texts:
                self.error(row.line, f"the same question as line {texts[key]}")
                continue
            texts[key] = row.line
            if row.kind and row.kind not in KINDS:
                guess = suggest(row.kind, KINDS)
                hint = f"; did you mean '{guess}'?" if guess else ""
                self.error(row.line, f"unknown kind '{row.kind}': expected {', '.join(KINDS)}{hint}")
            if row.id and not ID_PATTERN.match(row.id):
                self.error(row.line, f"invalid id '{row.id}': use lowercase letters, digits and '-'")
            row.kind = row.kind or guess_asked_kind(row.text)
            row.id = row.id or _unique(_id_from(row.text), ids)
            if row.id in ids and ids[row.id] != row.line:
                self.error(row.line, f"the id '{row.id}' is used on line {ids[row.id]} too")
            ids.setdefault(row.id, row.line)


def _pieces(text: str) -> list[str]:
    return [piece.strip() for piece in re.split(r"\|\n?|\n", text) if piece.strip()]


def _id_from(text: str) -> str:
    """An id from a question's words: whole words, at most :data:`ID_LENGTH` characters."""
    words = [w for w in "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower()).split("-") if w]
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > ID_LENGTH:
            break
        kept.append(word[:ID_LENGTH])
    return "-".join(kept) or "question"


def _unique(base: str, taken: dict[str, int]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _title(bank_id: str) -> str:
    return bank_id.replace("-", " ").capitalize()


def _q(text: str) -> str:
    """A YAML scalar that reads back as exactly ``text`` (a JSON string is a YAML double-quoted one)."""
    return json.dumps(text, ensure_ascii=False)


def _bank_yaml(bank_id: str, title: str, source: str, rows: list[Row]) -> str:
    lines = [
        "# yaml-language-server: $schema=bank.schema.json",
        f"# Imported by mockview from {source}. Check it with: mockview banks validate {bank_id}.yaml",
        "# Give every rubric point synonyms (or a concept: python tools/vocab.py show TERM), so answers",
        "# that make the point in their own words count; add tips and follow-ups where they are missing.",
        "# Keep each question's id when you reword it: the id links it to your history.",
        "",
        f"bank: {bank_id}",
        f"title: {_q(title)}",
        f"description: {_q(f'Questions imported from {source}.')}",
        "",
        "questions:",
    ]
    for row in rows:
        lines += [f"  - id: {row.id}", f"    text: {_q(row.text)}", f"    kind: {row.kind}"]
        if row.category:
            lines.append(f"    category: {_q(row.category)}")
        if row.tags:
            lines.append(f"    tags: [{', '.join(_q(tag) for tag in row.tags)}]")
        if row.keywords:
            lines.append("    keywords:")
            for term, synonyms, required in row.keywords:
                if not synonyms and not required:
                    lines.append(f"      - {_q(term)}")
                    continue
                lines.append(f"      - term: {_q(term)}")
                if synonyms:
                    lines.append(f"        synonyms: [{', '.join(_q(s) for s in synonyms)}]")
                if required:
                    lines.append("        required: true")
        for name, items in (("tips", row.tips), ("follow_ups", row.follow_ups)):
            if items:
                lines.append(f"    {name}:")
                lines += [f"      - {_q(item)}" for item in items]
        lines.append("")
    return "\n".join(lines)
