"""A posting's requirements, extracted deterministically: what the job asks for, must or nice to have.

Every item under a requirement-like heading (see
:mod:`mockview.prep.sections`) is a requirement: a bullet, or a sentence of
a paragraph. Outside such headings, and in postings written as prose, a
sentence is a requirement when it says so ("you will", "experience with",
"must", "would be a bonus"...) or names a skill from the vocabulary.
Must-have and nice-to-have come from the heading, then from the item's own
words ("... is a plus", "(desirable)", "Nice to have: ..."). The same text
always gives the same requirements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mockview.prep.posting_text import Block, blocks, sentences
from mockview.prep.posting_title import KEEP_CAPITAL, guess_title
from mockview.prep.sections import Section, classify, company_from_heading, is_known_heading
from mockview.prep.skills import Mention, find_skills, skill

NICE_CUE = re.compile(
    r"nice[- ]to[- ]have|\ba plus\b|\bplus\b\s*$|\bbonus\b|\bpreferred\b|^\s*preferably\b|\bdesirable\b|^\s*ideally\b|"
    r"\ban advantage\b|\badvantageous\b|\bbeneficial\b|would be (?:great|nice|good|helpful|useful|welcome|a plus)|"
    r"not (?:essential|required|necessary|a must)|\bwelcomed?\b|great to have|good to have|even better",
    re.IGNORECASE,
)
MUST_CUE = re.compile(r"\((?:essential|required|must)\)|\bessential\b|\brequired\b|\bmust\b|\bminimum\b", re.I)
REQUIREMENT_CUE = re.compile(
    r"\byou(?:'ll| will| must| should| need| have| are| bring| can|’ll)\b|\bmust\b|\brequired\b|\brequirements?\b|"
    r"\bessential\b|\bexperience (?:in|with|of|as|working)\b|\bexperienced\b|\blooking for\b|\bideal candidate\b|"
    r"\bability to\b|\bable to\b|\bknowledge of\b|\bfamiliar(?:ity)? with\b|\bproficien|\bskills? (?:in|with)\b|"
    r"\bdegree\b|\bqualified\b|\bqualifications?\b|\bregistered\b|\bregistration\b|\blicen[cs]e\b|\bcertifi|"
    r"\bideally\b|\ba plus\b|\bbonus\b|\bpreferred\b|\bdesirable\b|\btrack record\b|\bbackground in\b|"
    r"\bunderstanding of\b|\bcomfortable (?:with|working)\b|\bconfident (?:with|using|in)\b|\bpassion(?:ate)? (?:for|about)\b|"
    r"\bcandidates?\b|\bapplicants?\b",
    re.IGNORECASE,
)
VALUES_SENTENCE = re.compile(
    r"^\W*(?:we (?:really |deeply )?value|we care (?:deeply )?about|we believe in|our values (?:are|include)|"
    r"our culture (?:is built on|values))\b", re.IGNORECASE)
"""A sentence that states the company's values: values, not requirements, wherever it stands (a new-user run's
"We value honesty, ownership and a sense of humour" after the nice-to-haves became one)."""


def _only_values(item: str, mentions: list[Mention]) -> bool:
    """Whether a "We value..." sentence states values and nothing else: "We value strong SQL and 2+ years in an
    analyst role" under the requirements asks for them (found by a review)."""
    return not re.search(r"\d|\bexperience\b|\byears?\b|\bskills?\b", item, re.IGNORECASE) and all(
        m.skill.kind in ("value", "soft") for m in mentions)


QUALIFIER = re.compile(r",?\s*(?:\b(?:ideally|preferably|such as|for example|especially)\b|\be\.g\.)", re.IGNORECASE)
"""Where an item turns from what it asks to examples or preferences of it."""
YOU_CUE = re.compile(r"\byou(?:'ll|’ll| will| would| must)\b|\byour (?:role|job|day)\b|\bresponsible for\b", re.I)
INLINE_HEADING = re.compile(r"^\s*([A-Z][\w'’ /&-]{2,40}?)\s*:\s+(\S.*)$")
LEAD_INS = (
    r"^(?:and|also|plus)\s+",
    r"^(?:\S+\s+){0,12}?(?:we(?:'re|’re| are) |are )?looking for\s+(?:someone|somebody|a person|people|candidates?)?\s*(?:with|who (?:has|have|is|are|can))?\s*",
    r"^(?:\S+\s+){0,5}?you(?:'ll|’ll| will)\s+(?!have\b|be\b|bring\b|need\b)",
    r"^(?:at least|a minimum of|minimum of|minimum|over|more than)\s+",
    r"^(?:you(?:'ll|’ll| will| must| should)?|we(?:'d| would) (?:love|like) you to)\s+(?:have|be|bring|are|need|possess|hold|show|demonstrate|enjoy)\s+",
    r"^(?:we(?:'re|’re| are) looking for|looking for)\s+(?:someone|somebody|a person|people|candidates?)?\s*(?:with|who (?:has|have|is|are|can))?\s*",
    r"^(?:the )?ideal candidate (?:will )?(?:have|has|be|is|brings)\s+",
    r"^(?:must|should) (?:have|be)\s+",
    r"^ideally,?\s+(?:you(?:'ll| will)? (?:have|be)\s+)?",
    r"^(?:an?|the|some)\s+",
    r"^(?:(?:proven|demonstrable|demonstrated|solid|strong|excellent|good|great|previous|prior|relevant|hands-on|"
    r"extensive|significant|working|sound|basic|deep|practical|commercial|professional|clear|real)\s+)+"
    r"(?=(?:experience|knowledge|understanding|track record|background|expertise|proficiency|familiarity)\b|"
    r"(?:\S+\s+){0,2}skills?\b)",
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several)\s*\+?\s*(?:-|to)?\s*\d*\+?\s*"
    r"(?:years?|yrs|months?)['’]?\s*(?:(?:of|in|as)\s+)?",
    r"^(?:experience|knowledge|understanding|track record|background|expertise|proficiency|familiarity|skills?)\s+"
    r"(?:of|in|with|as|at|using|working with|working in|working)\s+",
    r"^experience\s+(?=\w+ing\b)",  # "Experience planning delivery routes" is planning delivery routes
    r"^(?:the )?(?:ability|able) to\s+",
    r"^(?:a )?passion (?:for|about)\s+|^passionate about\s+",
    r"^(?:comfortable|confident)\s+(?:with|using|in|working)?\s*",
)
TAIL = re.compile(
    r"\s*(?:\((?:essential|desirable|preferred|required|a plus|nice to have)\)|is (?:a plus|a bonus|essential|required|"
    r"preferred|desirable|an advantage)|would be (?:a )?(?:plus|bonus|great|nice|advantageous|beneficial|useful|helpful)|"
    r"(?:is )?(?:highly )?(?:desirable|preferred))\s*[.!;,]*\s*$",
    re.IGNORECASE,
)
NAME_WORDS = 10
NAME_SLACK = 3
"""A gist with no short first clause, this many words over NAME_WORDS, is kept whole: cutting "work with depot
managers to find the causes of missed delivery slots" at ten words ended it on "missed" (found by a new-user run)."""
LIST_LINE_WORDS = 8
"""A line this short with no full stop, under a requirement heading, is an item of a list without bullets."""
TRAILING_STOPWORDS = frozenset("a an the and or of in on at to for with from by our your their its as".split())


@dataclass(frozen=True, slots=True)
class Requirement:
    text: str
    """The item as the posting wrote it, with its line breaks joined."""
    name: str
    """A short name for messages: its skills ("Python or Go") or its gist ("working weekends")."""
    must: bool
    kind: str
    """"requirement" (what you need) or "duty" (what you will do)."""
    section: str
    """The heading it sits under, as written ("" before any heading)."""
    line: int
    skills: tuple[str, ...] = ()
    """Names of the vocabulary skills it mentions."""
    any_of: bool = False
    """Its skills are alternatives ("Python, Go or Rust"): one of them is enough."""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "text": self.text, "must": self.must, "kind": self.kind,
                "section": self.section, "line": self.line, "skills": list(self.skills), "any_of": self.any_of}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Requirement:
        return cls(text=str(data["text"]), name=str(data["name"]), must=bool(data["must"]), kind=str(data["kind"]),
                   section=str(data.get("section", "")), line=int(data.get("line", 0)),
                   skills=tuple(str(s) for s in data.get("skills", ())), any_of=bool(data.get("any_of", False)))


def asks_only_credentials(requirement: Requirement) -> bool:
    """Whether a requirement asks only for credentials ("A full UK driving licence"), which a CV shows and no
    story can: no story question is asked of it, and its coverage is "on your CV"."""
    kinds = [known.kind for known in map(skill, requirement.skills) if known is not None]
    return bool(kinds) and len(kinds) == len(requirement.skills) and all(kind == "credential" for kind in kinds)


@dataclass(frozen=True, slots=True)
class Extraction:
    requirements: tuple[Requirement, ...]
    values: tuple[str, ...]
    """The values and culture words the posting uses."""
    skills: tuple[str, ...]
    """Every vocabulary skill the posting names, values aside, in order."""
    role: str = ""
    company: str = ""
    """Guessed from the posting ("Backend Engineer at Acme", "About Acme"); "" when it does not say."""

    @property
    def empty(self) -> bool:
        return not self.requirements and not self.values

    @property
    def must(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.must)

    @property
    def nice(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if not r.must)


def extract(text: str) -> Extraction:
    """Read a posting's requirements, values and skills."""
    found = blocks(text, is_known_heading)
    structured = any(b.kind == "heading" and classify(b.text) in ("must", "nice", "duty") for b in found)
    requirements: list[Requirement] = []
    values: dict[str, None] = {}
    mentioned: dict[str, None] = {}
    """Values said in passing ("continuing professional development" among the requirements): the values,
    only when the posting states none of its own."""
    skills: dict[str, None] = {}
    section: Section | str = "none"
    heading = ""
    company = ""
    role, labelled, guessed, title_blocks = guess_title(found)
    for block in found:
        if block.kind == "heading":
            section, heading = classify(block.text), block.text
            company = company or company_from_heading(block.text)
            continue
        items = [block.text] if block.kind == "bullet" else sentences(block.text)
        for item in items:
            item_section, item_heading, item = _inline_heading(section, heading, item)
            mentions = find_skills(item)
            if VALUES_SENTENCE.match(item) and _only_values(item, mentions):
                item_section = "values"  # "We value honesty, teamwork and...", under any heading
            for mention in mentions:
                if mention.skill.kind != "value":
                    skills.setdefault(mention.skill.name, None)
                elif item_section != "values":  # a values item lists its own, in its order, just below
                    mentioned.setdefault(said(mention), None)
            if item_section == "values":
                for name in _value_names(item, mentions, bullet=block.kind == "bullet"):
                    values.setdefault(name, None)
                continue
            if block in title_blocks:
                continue
            requirement = _requirement(item, item_section, item_heading, block, mentions, structured)
            if requirement is not None and not any(_same(r, requirement) for r in requirements):
                requirements.append(requirement)
    return Extraction(tuple(requirements), tuple(values or mentioned), tuple(skills), role,
                      labelled or company or guessed)


def _same(first: Requirement, second: Requirement) -> bool:
    return (first.name.lower(), first.must, first.kind) == (second.name.lower(), second.must, second.kind)


def _inline_heading(section: str, heading: str, item: str) -> tuple[str, str, str]:
    """"Nice to have: Terraform" inside a list: the item belongs to the section its label names."""
    match = INLINE_HEADING.match(item)
    if match and is_known_heading(match.group(1)):
        label = match.group(1).strip()
        return classify(label), label, match.group(2).strip()
    return section, heading, item


def _requirement(item: str, section: str, heading: str, block: Block, mentions: list[Mention],
                 structured: bool) -> Requirement | None:
    if section == "other":
        return None
    named = [m for m in mentions if m.skill.kind != "value"] or mentions
    listed = block.kind == "bullet" or (len(block.text.split()) <= LIST_LINE_WORDS
                                        and not block.text.endswith((".", "!", "?")))
    if section == "duty":
        if not listed and not YOU_CUE.search(item):
            return None  # "We are a friendly team of six": about the job, not something you will do
    elif section in ("must", "nice"):
        if not listed and not named and not REQUIREMENT_CUE.search(item):
            return None  # a sentence of prose around the list, not an item of it
    elif not (REQUIREMENT_CUE.search(item) or (not structured and any(m.skill.kind != "value" for m in mentions))):
        # Outside the posting's own requirement sections only what says it is asked for counts;
        # in a posting written as prose, a skill it names counts too.
        return None
    if len(item.split()) < 2 and not named:
        return None
    qualifier = QUALIFIER.search(item)
    asked_end = qualifier.start() if qualifier is not None and qualifier.start() > 0 else len(item)
    # "2+ years in an analyst role, ideally in logistics or retail" asks for the analyst years; the skills
    # after "ideally" only colour it (a new-user run saw the requirement named "logistics"), and "Strong SQL,
    # ideally with Python" asks for SQL (found by a review).
    named = [m for m in named if m.start < asked_end]
    must = section != "nice" and not (NICE_CUE.search(item) and not re.search(r"\((?:essential|required)\)", item, re.I))
    kind = "duty" if section == "duty" else "requirement"
    skill_names = tuple(dict.fromkeys(m.skill.name for m in named))
    core = item if named else item[:asked_end]
    name = gist(core) if kind == "duty" or not skill_names else _name(item, named, skill_names)
    return Requirement(
        text=item, name=name, must=must, kind=kind, section=heading,
        line=block.line, skills=skill_names, any_of=_alternatives(item, named),
    )


def _alternatives(item: str, mentions: list[Mention]) -> bool:
    """Whether the skills are offered as choices: "Go or Python", "HTML, CSS or React", "Power BI/Tableau"."""
    distinct: list[Mention] = []
    for mention in mentions:
        if not distinct or distinct[-1].skill.name != mention.skill.name:
            distinct.append(mention)
    if len(distinct) < 2:
        return False
    gaps = [item[a.end:b.start] for a, b in zip(distinct, distinct[1:])]
    return all(re.fullmatch(r"\s*(?:,|/|,?\s*or|\(|\)\s*or)\s*", gap) for gap in gaps) and any(
        re.search(r"\bor\b|/", gap) for gap in gaps)


def _name(item: str, mentions: list[Mention], names: tuple[str, ...]) -> str:
    """The skills an item names, joined as the item joins them, clause by clause: "Strong SQL and Excel;
    experience with Power BI or Tableau" is "SQL and Excel, plus Power BI or Tableau", never "SQL, Excel, Power BI
    and Tableau", which asks for both tools where the posting asks for either (found by a new-user run)."""
    if not names:
        return gist(item)
    clauses: list[list[Mention]] = [[]]
    last_end = 0
    for mention in mentions:
        if clauses[-1] and _CLAUSE_BREAK.search(item[last_end:mention.start]):
            clauses.append([])
        clauses[-1].append(mention)
        last_end = mention.end
    named = []
    for clause in clauses:
        clause_names = tuple(dict.fromkeys(said(m) if m.skill.kind == "value" else m.skill.name
                                           for m in clause if m.skill.name in names))
        if not clause_names:
            continue
        joiner = " or " if _alternatives(item, clause) else " and "
        named.append(clause_names[0] if len(clause_names) == 1
                     else ", ".join(clause_names[:-1]) + joiner + clause_names[-1])
    return ", plus ".join(dict.fromkeys(named)) or gist(item)


_CLAUSE_BREAK = re.compile(r"[;.]|\bexperience (?:with|in|of)\b")


def gist(item: str) -> str:
    """A requirement's point without the posting's boilerplate: "Proven experience working weekends" -> "working weekends"."""
    text = " ".join(item.split()).strip(" .;,:!")
    text = TAIL.sub("", text).strip(" .;,:")
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text).strip(" .;,:") or text  # "(you don't need to be an expert!)"
    for _ in range(3):
        before = text
        for pattern in LEAD_INS:
            text = re.sub(pattern, "", text, flags=re.IGNORECASE).strip()
        if text == before:
            break
    text = text or " ".join(item.split())
    words = text.split()
    if len(words) > NAME_WORDS:
        clause = _first_clause(text)
        words = clause if clause else words if len(words) <= NAME_WORDS + NAME_SLACK else _cut(words)
    while len(words) > 1 and words[-1].lower() in TRAILING_STOPWORDS:
        words.pop()
    text = " ".join(words).strip(" .;,:")
    if text[:1].isupper() and not text[:2].isupper() and not text.split()[0] in KEEP_CAPITAL:
        text = text[0].lower() + text[1:]
    return text


_JOINS = frozenset("to and so because why which who that where when while".split())


def _cut(words: list[str]) -> list[str]:
    """A long gist with no short first clause, cut before the first word that joins a new part of it ("sit
    with the transport planners | to understand why..."), never in the middle of a phrase."""
    for position in range(4, NAME_WORDS + 1):
        if words[position].lower() in _JOINS:
            return words[:position]
    return words[:NAME_WORDS]


def _first_clause(text: str) -> list[str]:
    """The first clause of a long requirement, if it says enough; else nothing."""
    for match in re.finditer(r"[,;(:]|\s[-–—]\s", text):
        words = text[:match.start()].split()
        if 3 <= len(words) <= NAME_WORDS:
            return words
        if len(words) > NAME_WORDS:
            break
    return []


def said(mention: Mention) -> str:
    """A value as the posting says it: "honesty", not the vocabulary's "integrity", which a prep sheet then
    quoted as what the company "says it values" (found by a new-user run)."""
    return " ".join(mention.text.lower().split())


def _value_names(item: str, mentions: list[Mention], *, bullet: bool) -> list[str]:
    """The values an item of a values section names, in the posting's own words ("honesty, kindness and
    teamwork"), or a short bullet's head ("Be curious: ...")."""
    values = [said(m) for m in mentions]
    if values:
        return list(dict.fromkeys(values))
    head = re.split(r"\s*[:—–]\s*|\s+-\s+|[.!]", item, maxsplit=1)[0].strip(" *_")
    return [head] if bullet and 0 < len(head.split()) <= 4 else []
