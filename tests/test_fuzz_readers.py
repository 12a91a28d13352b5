"""Fuzzing the readers of hand-written YAML: banks, debriefs, profiles, the story bank.

Whatever the bytes, each reader returns problems (every one a single line
``file:line:column: message`` whose line exists in the file) and never
raises. The text is built from YAML's own pieces (keys the readers know,
tags, anchors, flow and block collections), control characters and odd
line breaks, so most examples reach deep into the checks.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockview.banks.validate import bank_from_bytes
from mockview.prep.debrief.file import check_debrief
from mockview.prep.profiles import read_profile
from mockview.prep.stories import read_stories
from mockview.banks.yamlsource import parse_yaml_bytes

KEYS = ["bank", "title", "questions", "id", "text", "kind", "tags", "keywords", "term", "synonyms", "weight",
        "required", "tips", "words", "time_limit", "defaults", "company", "date", "role", "fumbled", "notes",
        "went_right", "went_wrong", "starred", "factors", "culture_fit", "liked", "feedback", "focus", "outcome",
        "interviewers", "next_time", "stories", "situation", "result", "competencies", "values", "why_us",
        "questions_to_ask", "<<"]
TAGS = ["!!bool", "!!int", "!!float", "!!timestamp", "!!str", "!!null", "!!binary", "!!set", "!!omap",
        "!!python/object:os.system", "!custom", "!!map", "!!seq"]
SCALARS = ["maybe", "''", "'_'", "-", "_", "yes", "~", "2026-13-45", "2026-02-20", "0x_", "1e999", ".nan", "abc",
           "'a\u202eb'", '"\\e[2J"', '"\\x9b"', '"\\u0085"', "What [sic] is it?", "{a: 1}", "[a, b]", "*anchor",
           "&anchor x", "|", ">", '"\\ud800"', "true", "-1", "3.5", "[]", "{}", "\u2028", "\x85", "\x1b", "\x00"]
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\x85", "\t", "\v", "\f"]


def _line(draw) -> str:
    indent = " " * draw(st.sampled_from([0, 0, 2, 4, 6, 1]))
    prefix = draw(st.sampled_from(["", "- ", "? ", "- - "]))
    key = draw(st.sampled_from(KEYS))
    tag = draw(st.sampled_from(["", ""] + TAGS))
    value = draw(st.sampled_from(SCALARS))
    return f"{indent}{prefix}{key}: {tag} {value}".rstrip()


@st.composite
def yaml_texts(draw) -> bytes:
    lines = [_line(draw) for _ in range(draw(st.integers(1, 14)))]
    noise = draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=12))
    breaks = [draw(st.sampled_from(BREAKS)) for _ in lines]
    text = "".join(line + brk for line, brk in zip(lines, breaks))
    position = draw(st.integers(0, len(text)))
    return (text[:position] + noise + text[position:]).encode("utf-8", "surrogatepass")


ONE_PROBLEM = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<column>\d+): [^\n]+$")
FUZZ = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
"""A few seconds in CI: about 60 files per reader, no example database left in the checkout."""


def assert_one_line_each(problems, raw: bytes, path: str) -> None:
    lines = max(1, len(raw.decode("utf-8", "replace").splitlines()) + 1)
    for problem in problems:
        shown = str(problem)
        found = ONE_PROBLEM.match(shown)
        assert found is not None, shown
        assert found["path"] == path and 1 <= int(found["line"]) <= lines + 1, shown


@FUZZ
@given(yaml_texts())
def test_the_bank_reader_never_raises(raw: bytes) -> None:
    bank, problems = bank_from_bytes(raw, "fuzz.yaml")
    assert bank is not None or any(problem.severity == "error" for problem in problems)
    assert_one_line_each(problems, raw, "fuzz.yaml")


@FUZZ
@given(yaml_texts())
def test_the_debrief_reader_never_raises(raw: bytes) -> None:
    document = parse_yaml_bytes(raw, "debrief.yaml")
    problems = list(document.problems)
    if document.data is not None:
        _, checked = check_debrief(document.data, "debrief.yaml", dt.date(2026, 3, 1))
        problems += checked
    assert_one_line_each(problems, raw, "debrief.yaml")


@FUZZ
@given(yaml_texts())
def test_the_profile_and_story_readers_never_raise(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        profile = home / "acme.yaml"
        profile.write_bytes(raw)
        _, problems = read_profile(profile)
        assert_one_line_each(problems, raw, str(profile))
        (home / "stories.yaml").write_bytes(raw)
        _, problems = read_stories(home)
        assert_one_line_each(problems, raw, str(home / "stories.yaml"))
