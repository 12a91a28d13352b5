"""Check a parsed bank file and build the :class:`Bank` it describes.

Every problem in the file is collected (not just the first), each with the
line and column of the offending key or value. A bank with any error is not
built; warnings do not stop it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mockview.banks.checks import RecordChecker, describe
from mockview.banks.suggest import suggest
from mockview.banks.model import (
    DEFAULT_TIME_LIMIT,
    ID_PATTERN,
    KINDS,
    Bank,
    BankSource,
    Defaults,
    Keyword,
    Kind,
    Question,
)
from mockview.banks.problems import START, Position, Problem
from mockview.banks.yamlsource import (
    REPORTED,
    LocatedList,
    LocatedMap,
    parse_yaml_bytes,
)

TOP_KEYS = ("bank", "title", "description", "defaults", "questions")
DEFAULT_KEYS = ("kind", "time_limit", "words")
QUESTION_KEYS = (
    "id",
    "text",
    "kind",
    "category",
    "tags",
    "keywords",
    "tips",
    "follow_ups",
    "time_limit",
    "words",
    "variant_of",
)
KEYWORD_KEYS = ("term", "synonyms", "weight", "required", "concept")
TIP_KEYS = ("text", "about")


def bank_from_bytes(raw: bytes, path: str, source: BankSource = BankSource.PATH) -> tuple[Bank | None, list[Problem]]:
    """Parse and check a bank's bytes; the bank is ``None`` if any error."""
    document = parse_yaml_bytes(raw, path)
    if document.data is None:
        return None, document.problems
    # Check the content even after YAML-level problems (a duplicate key, a
    # bad tag), so that every problem of the file is reported at once.
    bank, problems = check_bank(document.data, path, source=source)
    problems = document.problems + problems
    if any(problem.severity == "error" for problem in problems):
        return None, problems
    return bank, problems


def draft_bank(raw: bytes, path: str, problems: list[Problem]) -> Bank | None:
    """A bank with errors, cut to its questions that have none of their own, or ``None``.

    ``banks validate`` checks their rubric too, so an author sees every
    warning while fixing the errors rather than a new round after. A
    question owns the text of its own list item, wherever the next one is
    or whether it was built; two questions on one line (flow style) that
    cannot be told apart are both left out if either has an error.
    """
    document = parse_yaml_bytes(raw, path)
    if document.data is None:
        return None
    bank, _ = check_bank(document.data, path)
    listed = document.data.get("questions") if isinstance(document.data, dict) else None
    if bank is None or not isinstance(listed, LocatedList):
        return None
    wrong = [(problem.line, problem.column) for problem in problems if problem.severity == "error"]
    clean_lines: set[int] = set()
    broken_lines: set[int] = set()
    for index in range(len(listed)):
        start, end = listed.item_at(index), listed.item_end(index)
        span = ((start.line, start.column), (end.line, end.column))
        hit = any(span[0] <= where < span[1] for where in wrong)
        (broken_lines if hit else clean_lines).add(start.line)
    clean = tuple(question for question in bank.questions
                  if question.line in clean_lines and question.line not in broken_lines)
    return replace(bank, questions=clean) if clean else None


def check_bank(data: Any, path: str, source: BankSource = BankSource.PATH) -> tuple[Bank | None, list[Problem]]:
    """Validate parsed YAML data as a bank; return the bank and all problems."""
    checker = _BankChecker(path)
    bank = checker.bank(data, source)
    return bank, checker.problems


def valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))


def suggest_id(value: str) -> str:
    """An id in the allowed form made from arbitrary text."""
    cleaned = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in value.lower())
    return "-".join(part for part in cleaned.split("-") if part) or "my-bank"


class _BankChecker(RecordChecker):
    def bank(self, data: Any, source: BankSource) -> Bank | None:
        top = self.mapping(data, "the top level of a bank", START)
        if top is None:
            return None
        self.unknown_keys(top, TOP_KEYS, "bank")
        bank_id = self._id(top, "bank", "bank id")
        title = self.text(top, "title", default=bank_id)
        description = self.text(top, "description")
        defaults = self._defaults(top)
        questions = self._questions(top, bank_id, defaults)
        if questions is None:
            return None
        return Bank(
            id=bank_id,
            title=title,
            description=description,
            questions=tuple(questions),
            path=self.path,
            source=source,
            line=top.key_at("bank").line,
        )

    def _id(self, record: LocatedMap, key: str, what: str) -> str:
        value = self.text(record, key, required=True)
        if value and not valid_id(value):
            self.error(
                record.value_at(key),
                f"invalid {what} '{value}': use lowercase letters, digits and '-' "
                f"(e.g. '{suggest_id(value)}')",
            )
        return value

    def _defaults(self, top: LocatedMap) -> Defaults:
        if "defaults" not in top or top["defaults"] is None:
            return Defaults()
        record = self.mapping(top["defaults"], "'defaults'", top.value_at("defaults"))
        if record is None:
            return Defaults()
        self.unknown_keys(record, DEFAULT_KEYS, "defaults")
        kind: Kind = self.choice(record, "kind", KINDS, "star")  # type: ignore[assignment]
        return Defaults(
            kind=kind,
            time_limit=self.positive_number(record, "time_limit", "seconds"),
            words=self._words(record),
        )

    def _words(self, record: LocatedMap) -> tuple[int, int] | None:
        if "words" not in record or record["words"] is REPORTED:
            return None
        value = record["words"]
        position = record.value_at("words")
        numbers_ok = (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value)
        )
        if not numbers_ok:
            self.error(
                position,
                f"'words' must be [min, max], two whole numbers, got {_short(value)}",
            )
            return None
        low, high = value
        if low > high or high == 0:
            self.error(position, f"'words' must be [min, max] with min <= max, got [{low}, {high}]")
            return None
        return (low, high)

    def _questions(
        self, top: LocatedMap, bank_id: str, defaults: Defaults
    ) -> list[Question] | None:
        if "questions" not in top:
            self.error(top.position, "missing required key 'questions'")
            return None
        value = top["questions"]
        if value is REPORTED:
            return None
        position = top.value_at("questions")
        if value is None or (isinstance(value, list) and not value):
            self.error(position, "'questions' is empty: a bank needs at least one question")
            return None
        if not isinstance(value, LocatedList):
            self.error(position, f"'questions' must be a list, got {describe(value)}")
            return None
        questions: list[Question] = []
        first_line: dict[str, int] = {}
        for index, record in enumerate(value):
            if record is REPORTED:
                continue
            if not isinstance(record, LocatedMap):
                self.mapping(record, f"question {index + 1}", value.item_at(index))
                continue
            question = self._question(record, bank_id, defaults)
            if question is None:
                continue
            if question.id in first_line:
                self.error(
                    record.value_at("id"),
                    f"duplicate question id '{question.id}' (first at line {first_line[question.id]})",
                )
                continue
            first_line[question.id] = question.line
            questions.append(question)
        self._check_variants(questions, bank_id)
        return questions

    def _check_variants(self, questions: list[Question], bank_id: str) -> None:
        """A ``variant_of`` inside this bank must name one of its questions; other banks are checked
        where they are all known (``banks validate`` and the library)."""
        ids = {question.id for question in questions}
        for question in questions:
            target_bank, _, target = question.variant_of.partition("/")
            if not question.variant_of or target_bank != bank_id:
                continue
            position = Position(*question.variant_at)
            if target == question.id:
                self.error(position, f"question '{question.id}' cannot be a variant of itself")
            elif target not in ids:
                guess = suggest(target, ids)
                hint = f"; did you mean '{guess}'?" if guess else ""
                self.error(position, f"'variant_of' names no question of this bank: '{target}'{hint}")

    def _question(self, record: LocatedMap, bank_id: str, defaults: Defaults) -> Question | None:
        self.unknown_keys(record, QUESTION_KEYS, "question")
        question_id = self._id(record, "id", "question id")
        text = self.text(record, "text", required=True)
        kind: Kind = self.choice(record, "kind", KINDS, defaults.kind)  # type: ignore[assignment]
        time_limit = self.positive_number(record, "time_limit", "seconds")
        words = self._words(record)
        keywords = self._keywords(record)
        tips = self._tips(record, keywords)
        question = Question(
            bank=bank_id,
            id=question_id,
            text=text,
            kind=kind,
            category=self.text(record, "category"),
            tags=self.text_list(record, "tags"),
            keywords=keywords,
            tips=tuple(tip for tip, _ in tips),
            follow_ups=self.text_list(record, "follow_ups"),
            time_limit=time_limit or defaults.time_limit or DEFAULT_TIME_LIMIT,
            words=words or defaults.words_for(kind),
            line=record.position.line,
            variant_of=self._variant_of(record, bank_id),
            variant_at=_at(record, "variant_of"),
            tip_about=tuple(about for _, about in tips) if any(about for _, about in tips) else (),
        )
        if not question_id or not text:
            return None
        return question

    def _variant_of(self, record: LocatedMap, bank_id: str) -> str:
        """The full id of the question this one rewords: ``bank/id``, or ``id`` within this bank."""
        value = self.text(record, "variant_of")
        if not value:
            return ""
        target_bank, slash, target = value.rpartition("/")
        if not slash:
            target_bank = bank_id
        if not (valid_id(target) and valid_id(target_bank)) or value.count("/") > 1:
            self.error(record.value_at("variant_of"),
                       f"'variant_of' must be a question id such as 'classics/greatest-weakness' "
                       f"(or just the id within this bank), got {value!r}")
            return ""
        return f"{target_bank}/{target}"

    def _tips(self, record: LocatedMap, keywords: tuple[Keyword, ...]) -> list[tuple[str, tuple[str, ...]]]:
        """Each tip with the rubric terms it asks for: a tip is text, or ``{text: ..., about: [terms]}``.

        ``about`` names points of this question's rubric, so an answer that makes them is not told the
        tip again (see :meth:`_tip_about` for a term that is no point here).
        """
        if "tips" not in record or record["tips"] in (None, REPORTED):
            return []
        value = record["tips"]
        if not isinstance(value, LocatedList):
            self.error(record.value_at("tips"),
                       f"'tips' must be a list of tips, each text or a mapping with 'text', got {describe(value)}")
            return []
        # A point may be named by its term or by one of its synonyms ("told my boss" for "told my
        # manager"): the author means the point either way, and the tip is held to the point's term.
        terms: dict[str, str] = {}
        for keyword in keywords:
            terms[keyword.term.casefold()] = keyword.term
        for keyword in keywords:
            for synonym in keyword.synonyms:
                terms.setdefault(synonym.casefold(), keyword.term)
        tips: list[tuple[str, tuple[str, ...]]] = []
        for index, item in enumerate(value):
            if item is REPORTED:
                continue
            if isinstance(item, str):
                if item.strip():
                    tips.append((item.strip(), ()))
                else:
                    self.error(value.item_at(index), f"'tips' item {index + 1} is empty")
                continue
            if not isinstance(item, LocatedMap):
                self.error(value.item_at(index),
                           f"'tips' item {index + 1} must be text or a mapping with 'text', got {describe(item)}")
                continue
            self.unknown_keys(item, TIP_KEYS, "tip")
            text = self.text(item, "text", required=True)
            about = self._tip_about(item, terms)
            if text:
                tips.append((text, about))
        return tips

    def _tip_about(self, tip: LocatedMap, terms: dict[str, str]) -> tuple[str, ...]:
        """The rubric terms a tip's ``about`` names, each said once. One that is no rubric point of the
        question is a warning, and then the whole list is set aside: a tip about "told my manager" and a
        misspelt "fixed it" must not be held back from an answer that only told the manager."""
        self.text_list(tip, "about")  # reports an ``about`` that is not a list of text
        named = tip.get("about")
        if not isinstance(named, LocatedList):
            return ()
        about: dict[str, None] = {}
        unknown = False
        for index, item in enumerate(named):
            if not isinstance(item, str) or not item.strip():
                continue  # reported by text_list
            term = item.strip()
            if term.casefold() in terms:
                about.setdefault(terms[term.casefold()], None)
                continue
            unknown = True
            guess = suggest(term, list(dict.fromkeys(terms.values())))
            hint = f"; did you mean '{guess}'?" if guess else ""
            self.warning(named.item_at(index), f"'about' names no rubric point of this question: {term!r}{hint}; "
                                               "the tip's points are read from its words instead")
        return () if unknown else tuple(about)

    def _keywords(self, record: LocatedMap) -> tuple[Keyword, ...]:
        if "keywords" not in record or record["keywords"] in (None, REPORTED):
            return ()
        value = record["keywords"]
        if not isinstance(value, LocatedList):
            self.error(record.value_at("keywords"), f"'keywords' must be a list, got {describe(value)}")
            return ()
        keywords: list[Keyword] = []
        for index, item in enumerate(value):
            if item is REPORTED:
                continue
            position = value.item_at(index)
            if isinstance(item, str):
                if item.strip():
                    keywords.append(Keyword(term=item.strip(), line=position.line, column=position.column))
                else:
                    self.error(value.item_at(index), f"keyword {index + 1} is empty")
                continue
            if not isinstance(item, LocatedMap):
                self.error(
                    value.item_at(index),
                    f"keyword {index + 1} must be a term or a mapping with 'term', got {describe(item)}",
                )
                continue
            self.unknown_keys(item, KEYWORD_KEYS, "keyword")
            term = self.text(item, "term", required=True)
            weight = self.positive_number(item, "weight")
            concept = self.text(item, "concept")
            if concept and not valid_id(concept):
                self.error(item.value_at("concept"),
                           f"'concept' must be a concept id such as 'took-ownership', got {concept!r}")
                concept = ""
            if term:
                keywords.append(
                    Keyword(
                        term=term,
                        synonyms=self.text_list(item, "synonyms"),
                        weight=weight if weight is not None else 1.0,
                        required=self.boolean(item, "required"),
                        concept=concept or "",
                        line=position.line,
                        column=position.column,
                    )
                )
        return tuple(keywords)


def _at(record: LocatedMap, key: str) -> tuple[int, int]:
    if key not in record:
        return (0, 0)
    position = record.value_at(key)
    return (position.line, position.column)


def _short(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(repr(v) if isinstance(v, str) else str(v) for v in value) + "]"
    return describe(value)
