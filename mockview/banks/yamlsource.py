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
* oversized, binary and undecodable files are rejected before parsing.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mockview.banks.problems import START, Position, Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ALIAS_NODES = 10_000
_SAFE_C_NESTING = 4_000

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


def read_limited_bytes(path: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, unless it is too big or unreadable (then a problem)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, [Problem.at(shown, START, "is a directory, not a YAML file")]
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device would block or never end
            return None, [Problem.at(shown, START, "is not a regular file")]
        size = info.st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Problem.at(
                    shown,
                    START,
                    f"file is {size / 1024 / 1024:.1f} MiB; the limit is "
                    f"{MAX_FILE_BYTES // 1024 // 1024} MiB",
                )
            ]
        return path.read_bytes(), []
    except OSError as error:
        return None, [Problem.at(shown, START, f"cannot read file: {error.strerror or error}")]


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
    try:
        node = yaml.compose(text, Loader=_loader_for(text))
    except yaml.MarkedYAMLError as error:
        document.problems.append(_syntax_problem(path, text, error))
        return document
    except yaml.YAMLError as error:
        document.problems.append(Problem.at(path, START, f"YAML error: {error}"))
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
    builder = _Builder(path)
    try:
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


def _loader_for(text: str) -> type:
    """The C loader, unless the text could nest deeply enough to crash it.

    libyaml's composer recurses in C and overflows the stack (a segfault, not
    an exception) somewhere past ten thousand levels. Nesting needs either a
    bracket per level or a column per level, so text with few brackets and
    no very long line is safe; anything else goes to the pure-Python loader,
    which fails with a catchable RecursionError instead.
    """
    if _BaseLoader is yaml.SafeLoader:
        return yaml.SafeLoader
    brackets = text.count("[") + text.count("{")
    if brackets > _SAFE_C_NESTING or _longest_line(text) > _SAFE_C_NESTING:
        return yaml.SafeLoader
    return _Loader


def _longest_line(text: str) -> int:
    longest = 0
    start = 0
    while True:
        end = text.find("\n", start)
        if end == -1:
            return max(longest, len(text) - start)
        longest = max(longest, end - start)
        start = end + 1


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
    context = f" ({error.context})" if error.context else ""
    return Problem.at(path, position, f"YAML syntax error: {problem}{context}")


class _TooManyAliases(Exception):
    pass


class _Builder:
    """Turn a composed node graph into located Python values."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._open: set[int] = set()
        self._alias_nodes = 0
        self.alias_position = START

    def build(self, node: yaml.Node, in_alias: bool = False) -> Any:
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
            return self._scalar(node)
        self._open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, in_alias)
            assert isinstance(node, yaml.SequenceNode)  # the composer makes no other kind of node
            return self._sequence(node, in_alias)
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

    def _scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag == _STR_TAG:
            return node.value
        if tag not in _SCALAR_TAGS:
            self._bad_tag(node)
            return REPORTED
        try:
            return _constructor.yaml_constructors[tag](_constructor, node)
        except (yaml.YAMLError, ValueError, OverflowError):
            return node.value

    def _sequence(self, node: yaml.SequenceNode, in_alias: bool) -> LocatedList:
        if node.tag != _SEQ_TAG:
            self._bad_tag(node)
            return REPORTED
        result = LocatedList(self.build(item, in_alias) for item in node.value)
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
            result[key] = self.build(value_node, in_alias)
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
