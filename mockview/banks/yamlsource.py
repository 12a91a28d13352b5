"""Read YAML safely while remembering where every value came from.

PyYAML's safe loader builds plain Python values and forgets their positions,
silently keeps the last of two duplicate keys, and will happily expand an
alias bomb. Banks, debriefs and profiles are written by hand, so every
message must point at ``file:line:column``. This module therefore composes
the node graph (with the C parser when available) and builds the values
itself:

* mappings become :class:`LocatedMap` (a ``dict`` that knows where each key
  and value starts), sequences become :class:`LocatedList`;
* duplicate keys, non-standard tags (``!!python/object`` and friends) and
  non-string keys are reported instead of being accepted;
* aliases are allowed, but the nodes they expand to are counted so that a
  "billion laughs" file is rejected after a few thousand nodes;
* tagged values the tag cannot hold (``!!bool maybe``, ``!!int ''``) are
  reported at their position instead of crashing PyYAML's constructors;
* text holding control characters, bidirectional overrides or odd line
  breaks is refused at the character's own ``file:line:column`` (see
  :func:`mockview.text.shown` for why they are never shown raw);
* oversized, binary and undecodable files are rejected before parsing.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from mockview.banks.reading import MAX_FILE_BYTES, read_limited_bytes
from mockview.banks.problems import START, Position, Problem
from mockview.text import describe_character, unsafe_character

MAX_ALIAS_NODES = 10_000
MAX_NESTING = 1_000
"""Levels of nesting refused: libyaml 0.2.5 and later refuse deeper ones themselves;
with an older libyaml, which recurses in C and crashes (a segfault) far deeper, an
estimate refuses them before parsing."""

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader with plain-scalar tag resolution memoised.

    Resolving a plain scalar's type runs a chain of regular expressions in
    Python for every key and value; banks repeat the same keys thousands of
    times, so remembering the answer for short values halves compose time.
    """

    _resolved: dict[str, str] = {}

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0] and len(value) < 40:
            tag = self._resolved.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(self._resolved) < 50_000:
                    self._resolved[value] = tag
            return tag
        return super().resolve(kind, value, implicit)

_TAG_PREFIX = "tag:yaml.org,2002:"
_SCALAR_TAGS = {
    f"{_TAG_PREFIX}{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp")
}
_MAP_TAG = f"{_TAG_PREFIX}map"
_SEQ_TAG = f"{_TAG_PREFIX}seq"
_STR_TAG = f"{_TAG_PREFIX}str"
_MERGE_TAG = f"{_TAG_PREFIX}merge"
_constructor = yaml.constructor.SafeConstructor()
_resolver = yaml.resolver.Resolver()


def _quoted(value: str, limit: int = 40) -> str:
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return f"'{shown}'"


class _Reported:
    """A value whose problem has already been reported (a forbidden tag)."""

    def __repr__(self) -> str:
        return "REPORTED"


REPORTED: Any = _Reported()
"""Stands in for a value that was refused while reading, so that checks of
the content do not report the same spot a second time."""


class LocatedMap(dict[str, Any]):
    """A mapping read from YAML that remembers where its keys and values are.

    Positions are computed on demand from the YAML nodes, because a large
    file has hundreds of thousands of them and only a few are ever shown.
    """

    _mark: Any
    _nodes: dict[str, tuple[yaml.Node, yaml.Node]]

    @property
    def position(self) -> Position:
        return _mark_position(self._mark)

    def key_at(self, key: str) -> Position:
        pair = self._nodes.get(key)
        return _mark_position(pair[0].start_mark) if pair else self.position

    def value_at(self, key: str) -> Position:
        pair = self._nodes.get(key)
        return _mark_position(pair[1].start_mark) if pair else self.position


class LocatedList(list[Any]):
    """A sequence read from YAML that remembers where each item is."""

    _mark: Any
    _nodes: list[yaml.Node]

    @property
    def position(self) -> Position:
        return _mark_position(self._mark)

    def item_at(self, index: int) -> Position:
        if 0 <= index < len(self._nodes):
            return _mark_position(self._nodes[index].start_mark)
        return self.position

    def item_end(self, index: int) -> Position:
        """Where the item's text ends (just after it), or the list's start for an index it lacks."""
        if 0 <= index < len(self._nodes):
            return _mark_position(self._nodes[index].end_mark)
        return self.position


def position_of(value: Any, default: Position = START) -> Position:
    """The position of a located container, or ``default`` for a scalar."""
    return getattr(value, "position", default)


@dataclass
class YamlDocument:
    """The result of reading one file: its data (or ``None``) and problems."""

    path: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    empty: bool = False

    @property
    def ok(self) -> bool:
        return not any(problem.severity == "error" for problem in self.problems)


def read_yaml_file(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse one YAML file; never raises for bad content."""
    shown = display if display is not None else str(path)
    raw, problems = read_limited_bytes(path, shown)
    if raw is None:
        return YamlDocument(shown, problems=problems)
    return parse_yaml_bytes(raw, shown)


def parse_yaml_bytes(raw: bytes, path: str) -> YamlDocument:
    """Decode and parse YAML bytes that claim to come from ``path``."""
    if len(raw) > MAX_FILE_BYTES:
        return _fail(path, START, f"file is over {MAX_FILE_BYTES // 1024 // 1024} MiB")
    nul = raw.find(b"\x00")
    if nul != -1:
        return _fail(path, _byte_position(raw, nul), "binary file (NUL byte); expected YAML saved as UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _fail(
            path,
            _byte_position(raw, error.start),
            f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
        )
    return parse_yaml_text(text, path)


def parse_yaml_text(text: str, path: str) -> YamlDocument:
    """Parse YAML text into located values, collecting every problem found."""
    document = YamlDocument(path)
    if not text.strip():
        document.empty = True
        document.problems.append(Problem.at(path, START, "file is empty"))
        return document
    refused = _refused_character(text, path)
    if refused is not None:
        document.problems.append(refused)
        return document
    if not _libyaml_limits_nesting() and _nesting_estimate(text) > MAX_NESTING:
        document.problems.append(Problem.at(path, START, "YAML nesting is too deep"))
        return document
    try:
        with _no_garbage_collection():
            node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in str(error.problem):
            document.problems.append(Problem.at(path, START, "YAML nesting is too deep"))
        else:
            document.problems.append(_syntax_problem(path, text, error))
        return document
    except yaml.YAMLError as error:  # a reader error the check above missed: still one line
        document.problems.append(Problem.at(path, START, f"YAML error: {' '.join(str(error).split())}"))
        return document
    except RecursionError:
        document.problems.append(Problem.at(path, START, "YAML nesting is too deep"))
        return document
    if node is None or (
        isinstance(node, yaml.ScalarNode) and node.tag == f"{_TAG_PREFIX}null"
    ):
        document.empty = True
        document.problems.append(Problem.at(path, START, "file has no content (only comments?)"))
        return document
    builder = _Builder(path, text)
    try:
        with _no_garbage_collection():
            document.data = builder.build(node)
    except _TooManyAliases:
        document.data = None
        builder.problems.append(
            Problem.at(
                path,
                builder.alias_position,
                f"aliases of this anchor expand to more than {MAX_ALIAS_NODES} "
                "values; refusing to expand them (alias bomb?)",
            )
        )
    except RecursionError:
        document.data = None
        builder.problems.append(Problem.at(path, START, "YAML nesting is too deep"))
    document.problems.extend(builder.problems)
    return document


@contextmanager
def _no_garbage_collection() -> Iterator[None]:
    """Compose and build without the cycle collector.

    A big bank makes hundreds of thousands of nodes and values, none of
    them garbage yet; Python's collector would scan them all again and
    again as they are made, which makes reading grow with the square of the
    file (20,000 questions: 5.7 s with it, 1.6 s without).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@cache
def _libyaml_limits_nesting() -> bool:
    """Whether the installed libyaml refuses deep nesting itself (0.2.5 and later do, at 1,000 levels).

    Asked once, with text just past the limit: shallow enough for an older
    libyaml to read without harm.
    """
    if _BaseLoader is yaml.SafeLoader:
        return True  # no libyaml: the pure-Python parser fails with a RecursionError, which is caught
    depth = MAX_NESTING + 50
    try:
        yaml.compose("[" * depth + "]" * depth, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return "maximum nesting depth" in str(error.problem)
    return False


def _nesting_estimate(text: str) -> int:
    """At least as many levels as the text can nest: open brackets, plus the widest
    indentation (with ``- ``, ``? `` and ``: `` indicators) a line starts with.

    Only for an older libyaml, which does not limit nesting and would crash
    on it.

    Counting every bracket, quoted or not, over-estimates only text that no
    hand-written file holds (a thousand unclosed brackets), and it is cheap:
    a file with fewer brackets than the limit is not even walked.
    """
    brackets = 0
    if text.count("[") + text.count("{") > MAX_NESTING:
        depth = 0
        for found in _BRACKETS.finditer(text):
            depth = depth + 1 if found.group() in "[{" else max(0, depth - 1)
            brackets = max(brackets, depth)
    indent = max((len(found) for found in _LINE_PREFIX.findall(text)), default=0)
    return brackets + indent


_BRACKETS = re.compile(r"[\[\]{}]")
_LINE_PREFIX = re.compile(r"(?m)^[ ?:-]*")
_NOT_YAML_TEXT = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What YAML's reader refuses (control characters, and NEL), with U+2028 and U+2029,
which YAML reads as line breaks where editors do not, so every position after them
would be off by a line."""
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _text_position(text: str, index: int) -> Position:
    """Line and column of ``text[index]``, counting line breaks as YAML and editors both do."""
    breaks = list(_LINE_BREAK.finditer(text, 0, index))
    line_start = breaks[-1].end() if breaks else 0
    return Position(len(breaks) + 1, index - line_start + 1)


def _refused_character(text: str, path: str) -> Problem | None:
    found = _NOT_YAML_TEXT.search(text)
    if found is None:
        return None
    char = found.group()
    position = _text_position(text, found.start())
    if char in "\x85\u2028\u2029":
        return Problem.at(path, position, f"{describe_character(char)}: YAML reads it as a line break where "
                                          "editors do not; use an ordinary new line")
    return Problem.at(path, position, f"{describe_character(char)}: YAML files hold plain text; remove it")


def _fail(path: str, position: Position, message: str) -> YamlDocument:
    return YamlDocument(path, problems=[Problem.at(path, position, message)])


def _byte_position(raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Position(line, column)


def _mark_position(mark: yaml.Mark | None) -> Position:
    if mark is None:
        return START
    return Position(mark.line + 1, mark.column + 1)


def _syntax_problem(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    position = _mark_position(mark)
    lines = text.splitlines()
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        return Problem.at(
            path,
            position,
            "tab character: YAML indentation must use spaces",
        )
    problem = error.problem or "invalid YAML"
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        # PyYAML stops where the file or the document ends; the mistake is the quote that opened it.
        ended = f", and the text runs on to line {mark.line + 1}" if mark is not None else ""
        return Problem.at(path, _mark_position(error.context_mark),
                          f"YAML syntax error: this quote is never closed{ended}")
    context = f" ({error.context})" if error.context else ""
    return Problem.at(path, position, f"YAML syntax error: {problem}{context}")


class _TooManyAliases(Exception):
    pass


class _Builder:
    """Turn a composed node graph into located Python values."""

    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []
        self._check_text = not text or "\\" in text or unsafe_character(text) is not None
        """Whether a value can hold a character to refuse: only as itself, or written as an escape."""
        self._seen: set[int] = set()
        self._open: set[int] = set()
        self._alias_nodes = 0
        self.alias_position = START

    def build(self, node: yaml.Node, in_alias: bool = False, label: str = "the text") -> Any:
        if id(node) in self._open:
            self.problems.append(
                Problem.at(
                    self.path,
                    _mark_position(node.start_mark),
                    "alias refers to the collection that contains it",
                )
            )
            return None
        if id(node) in self._seen:
            if not in_alias:
                self.alias_position = _mark_position(node.start_mark)
            in_alias = True
        else:
            self._seen.add(id(node))
        if in_alias:
            self._alias_nodes += 1
            if self._alias_nodes > MAX_ALIAS_NODES:
                raise _TooManyAliases
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, label)
        self._open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, in_alias)
            assert isinstance(node, yaml.SequenceNode)  # the composer makes no other kind of node
            return self._sequence(node, in_alias, label)
        finally:
            self._open.discard(id(node))

    def _bad_tag(self, node: yaml.Node) -> None:
        tag = node.tag
        shown = "!!" + tag[len(_TAG_PREFIX):] if tag.startswith(_TAG_PREFIX) else tag
        self.problems.append(
            Problem.at(
                self.path,
                _mark_position(node.start_mark),
                f"YAML tag {shown} is not allowed: banks hold plain text, numbers and lists",
            )
        )

    def _scalar(self, node: yaml.ScalarNode, label: str) -> Any:
        tag = node.tag
        if tag == _STR_TAG:
            return node.value if self._plain_text(node, label) else REPORTED
        if tag not in _SCALAR_TAGS:
            self._bad_tag(node)
            return REPORTED
        try:
            return _constructor.yaml_constructors[tag](_constructor, node)
        except Exception:  # PyYAML's constructors fail with KeyError, IndexError, AttributeError...
            if _resolver.resolve(yaml.ScalarNode, node.value, (True, False)) == tag and not node.style:
                return node.value  # an untagged value that only looked like one (2026-13-45): text
            name = tag[len(_TAG_PREFIX):]
            self.problems.append(Problem.at(self.path, _mark_position(node.start_mark),
                                            f"{_quoted(node.value)} is not a valid !!{name}; remove the tag "
                                            "or write the value it names"))
            return REPORTED

    def _plain_text(self, node: yaml.Node, label: str) -> bool:
        """Whether a text value holds no character that must not reach a terminal; else reported.

        Such a character (an escape sequence, an RTL override) would drive the
        terminal or reorder the line wherever the text is shown.
        """
        index = unsafe_character(node.value) if self._check_text else None
        if index is None:
            return True
        char = node.value[index]
        self.problems.append(Problem.at(self.path, self._char_position(node, index),
                                        f"{label} contains {describe_character(char)}; files hold plain text"))
        return False

    def _char_position(self, node: yaml.Node, index: int) -> Position:
        """Where ``node.value[index]`` is in the file: exact when the source spells it as itself."""
        start = node.start_mark
        char = node.value[index]
        source = self.text[start.index : node.end_mark.index] if self.text else ""
        offset = source.find(char)
        if offset == -1:  # written as an escape ("\e"): point at the value
            return _mark_position(start)
        return _text_position(self.text, start.index + offset) if start.index + offset < len(self.text) else START

    def _sequence(self, node: yaml.SequenceNode, in_alias: bool, label: str) -> LocatedList:
        if node.tag != _SEQ_TAG:
            self._bad_tag(node)
            return REPORTED
        result = LocatedList(self.build(item, in_alias, f"{label} item {index + 1}")
                            for index, item in enumerate(node.value))
        result._mark = node.start_mark
        result._nodes = node.value
        return result

    def _mapping(self, node: yaml.MappingNode, in_alias: bool) -> LocatedMap:
        if node.tag != _MAP_TAG:
            self._bad_tag(node)
            return REPORTED
        result = LocatedMap()
        result._mark = node.start_mark
        nodes: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        result._nodes = nodes
        merged: list[LocatedMap] = []
        for key_node, value_node in node.value:
            key_tag = key_node.tag
            if key_tag == _MERGE_TAG:
                merged.extend(self._merge_sources(value_node, in_alias))
                continue
            if key_tag not in _SCALAR_TAGS or not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    Problem.at(
                        self.path,
                        _mark_position(key_node.start_mark),
                        "keys must be plain words, not lists or mappings",
                    )
                )
                continue
            key = key_node.value
            if not self._plain_text(key_node, "a key"):
                continue
            if key in nodes:
                if not in_alias:
                    first = _mark_position(nodes[key][0].start_mark)
                    self.problems.append(
                        Problem.at(
                            self.path,
                            _mark_position(key_node.start_mark),
                            f"duplicate key '{key}' (first at line {first.line}); "
                            "YAML would silently keep only the last one",
                        )
                    )
                continue
            result[key] = self.build(value_node, in_alias, f"'{key}'")
            nodes[key] = (key_node, value_node)
        for source in merged:
            for key, value in source.items():
                if key not in nodes:
                    result[key] = value
                    nodes[key] = source._nodes[key]
        return result

    def _merge_sources(self, node: yaml.Node, in_alias: bool) -> list[LocatedMap]:
        value = self.build(node, in_alias)
        sources = value if isinstance(value, list) else [value]
        maps = [source for source in sources if isinstance(source, LocatedMap)]
        if len(maps) != len(sources):
            self.problems.append(
                Problem.at(self.path, _mark_position(node.start_mark), "'<<' must merge a mapping")
            )
        return maps
