"""Company profiles: what you found out about a company, in ``<data dir>/profiles/``.

One YAML file per company. With ``--company NAME`` a profile fills
``{company}`` and ``{role}`` and adds its specifics (products, values,
recent news, competitors) to the rubric of the company-research questions,
so "What do you know about us?" is checked against what you researched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockview.banks.model import Keyword, Question
from mockview.banks.problems import START, Problem
from mockview.errors import MockviewError
from mockview.files import os_error_text, write_new
from mockview.paths import profiles_dir
from mockview.text import slug

if TYPE_CHECKING:
    from mockview.banks.checks import RecordChecker
    from mockview.prep.yamlfiles import Saved

RESEARCH_BANK = "company-research"
LIST_FIELDS = ("products", "values", "news", "competitors", "culture", "questions_to_ask")
TEXT_FIELDS = ("company", "role", "mission", "why_us")
PROFILE_KEYS = TEXT_FIELDS + LIST_FIELDS
CHECKLIST = {
    "mission": "what the company says it is for",
    "products": "the products or services, by name",
    "values": "the values it publishes",
    "news": "recent news: launches, results, hires",
    "competitors": "who it competes with",
    "culture": "what working there is like",
    "why_us": "why you want this company, in your own words",
    "questions_to_ask": "questions to ask them at the end",
}
"""The research a profile should hold, and what each field is for."""
FIELD_LABELS = {
    "company": "Company",
    "role": "Role",
    "mission": "Mission",
    "why_us": "Why this company",
    "products": "Products",
    "values": "Values",
    "news": "Recent news",
    "competitors": "Competitors",
    "culture": "Culture",
    "questions_to_ask": "Questions to ask them",
}
FIELD_TOPICS = {
    "products": ("product", "products", "services", "platform", "features"),
    "values": ("values", "culture", "mission"),
    "news": ("news", "recent news", "announced", "launched", "recently"),
    "competitors": ("competitors", "competition", "rivals", "market share"),
    "culture": ("culture", "ways of working", "work environment"),
}
"""The fields whose items become rubric points, and the rubric words of the questions they belong to:
a question about competitors is checked for the competitors you found, not for your product list."""


@dataclass(frozen=True, slots=True)
class Profile:
    company: str
    role: str = ""
    mission: str = ""
    why_us: str = ""
    products: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    news: tuple[str, ...] = ()
    competitors: tuple[str, ...] = ()
    culture: tuple[str, ...] = ()
    questions_to_ask: tuple[str, ...] = ()
    path: str = ""

    @property
    def slug(self) -> str:
        return slug(self.company)

    def missing(self) -> list[str]:
        """The checklist fields still empty."""
        return [name for name in CHECKLIST if not getattr(self, name)]

    def facts(self, fields: tuple[str, ...] = tuple(FIELD_TOPICS)) -> list[Keyword]:
        """The specifics a research answer should mention (from ``fields``), as rubric points."""
        seen: dict[str, Keyword] = {}
        for field_name in fields:
            for item in getattr(self, field_name):
                key = item.lower()
                if key not in seen:
                    seen[key] = Keyword(term=item, source=f"your {self.company} profile")
        return list(seen.values())

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: getattr(self, name) for name in TEXT_FIELDS}
        data.update({name: list(getattr(self, name)) for name in LIST_FIELDS})
        data["missing"] = self.missing()
        data["path"] = self.path
        return data


def _checked_profile(checker: RecordChecker, data: Any, path: str) -> Profile | None:
    top = checker.mapping(data, "the top level of a company profile", START)
    if top is None:
        return None
    checker.unknown_keys(top, PROFILE_KEYS, "profile")
    company = checker.text(top, "company", required=True)
    # Any: the fields are text and tuples of text by name, which a dict type cannot say.
    texts: dict[str, Any] = {name: checker.text(top, name) for name in TEXT_FIELDS if name != "company"}
    lists: dict[str, Any] = {}
    for name in LIST_FIELDS:
        value = top.get(name)
        lists[name] = (value.strip(),) if isinstance(value, str) and value.strip() else checker.text_list(top, name)
    return Profile(company=company, path=path, **texts, **lists) if company else None


def read_profile(path: Path) -> tuple[Profile | None, list[Problem]]:
    # The YAML reader is imported here, not at the top: a practice start with no profile
    # to read (most of them) then never loads the parser.
    from mockview.banks.checks import RecordChecker
    from mockview.banks.yamlsource import read_yaml_file

    document = read_yaml_file(path)
    if document.data is None:
        return None, document.problems
    checker = RecordChecker(document.path)
    profile = _checked_profile(checker, document.data, document.path)
    problems = document.problems + checker.problems
    if any(p.severity == "error" for p in problems):
        return None, problems
    return profile, problems


def profile_path(data_dir: Path, company: str) -> Path:
    return profiles_dir(data_dir) / f"{slug(company)}.yaml"


def list_profiles(data_dir: Path) -> tuple[list[Profile], list[Problem]]:
    """Every readable profile, and the problems of those that are not."""
    folder = profiles_dir(data_dir)
    profiles: list[Profile] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        profile, found = read_profile(path)
        problems.extend(found)
        if profile is not None:
            profiles.append(profile)
    return profiles, problems


def find_profile(data_dir: Path, company: str | None) -> Profile | None:
    """The profile of ``company`` (by name, in any case or spacing), if there is one.

    Looked for under its usual file name first, then in every profile (a
    hand-made ``acme.yaml`` may hold ``company: Acme Corp``). A profile that
    exists but cannot be read is an error: a silent fallback would check
    research answers against nothing.
    """
    if not company or not slug(company):
        return None
    path = profile_path(data_dir, company)
    if not path.exists():
        profiles = list_profiles(data_dir)[0]
        exact = next((p for p in profiles if slug(p.company) == slug(company)), None)
        return exact if exact is not None else _by_short_name(profiles, company)
    profile, problems = read_profile(path)
    if profile is None:
        first = next(p for p in problems if p.severity == "error")
        raise MockviewError(f"the profile of {company} has problems: {first}")
    return profile


LEGAL_SUFFIXES = frozenset({"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited",
                            "llc", "plc", "gmbh", "ag", "sa", "group", "holdings"})
"""Words a company's name often carries that people leave out when they say it."""


def _core(name: str) -> str:
    words = slug(name).split("-")
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return "-".join(words)


def _by_short_name(profiles: list[Profile], company: str) -> Profile | None:
    """The one profile ``company`` is short for: "globex" for "Globex Corporation", "acme corp" for
    "Acme Inc"; more than one is an error naming them, so the wrong research is never used."""
    wanted = _core(company)
    found = [p for p in profiles if _core(p.company) == wanted]
    if not found:
        found = [p for p in profiles if slug(p.company).startswith(slug(company) + "-")]
    if len(found) > 1:
        names = " or ".join(repr(p.company) for p in found)
        raise MockviewError(f"{company!r} could be {names}; give more of the name")
    return found[0] if found else None


def fields_asked(question: Question) -> tuple[str, ...]:
    """The profile fields a research question asks about, read from its rubric."""
    words = {keyword.term.lower() for keyword in question.keywords}  # synonyms stray: "launched" is not news
    return tuple(name for name, topics in FIELD_TOPICS.items() if words & set(topics))


def with_profile(question: Question, profile: Profile | None) -> Question:
    """A company-research question checked against the specifics of the profile it asks about."""
    if profile is None or question.bank != RESEARCH_BANK or question.kind != "research":
        return question
    known = {k.term.lower() for k in question.keywords}
    extra = tuple(k for k in profile.facts(fields_asked(question)) if k.term.lower() not in known)
    return replace(question, keywords=question.keywords + extra)


STARTER = """\
# What you know about {company}, for mockview. Keep list items short: a name
# or a few words each, because they become points your research answers are
# checked for. Empty fields show up in the research checklist.
company: {company}
role: {role}
mission: ""
products: []        # e.g. [Acme Anvils, Roadrunner Tracker]
values: []          # e.g. [customer obsession, frugality]
news: []            # e.g. [opened a Berlin office, Series C in May]
competitors: []
culture: []         # what people say working there is like
why_us: ""          # why this company, in your own words
questions_to_ask: []
"""


SAVED_HEADER = "# What you know about {company}, for mockview.\n"


def new_profile(data_dir: Path, company: str, role: str = "") -> Path:
    """Write a starter profile for ``company``; refuses to overwrite one."""
    if not slug(company):
        raise MockviewError("the company name needs at least one letter or digit")
    path = profile_path(data_dir, company)
    existing = path if path.exists() else next(
        (Path(p.path) for p in list_profiles(data_dir)[0] if slug(p.company) == slug(company)), None)
    if existing is not None:
        raise MockviewError(f"{existing} already exists; edit it, or see it with: mockview company show {company!r}")
    # JSON strings are YAML double-quoted scalars: quotes and backslashes in a name stay as typed.
    text = STARTER.format(company=json.dumps(company.strip(), ensure_ascii=False),
                          role=json.dumps(role.strip(), ensure_ascii=False))
    try:
        write_new(path, text)
    except FileExistsError:
        raise MockviewError(f"{path} already exists; edit it, or see it with: mockview company show {company!r}") from None
    except OSError as error:
        raise MockviewError(f"cannot write {path}: {os_error_text(error)}") from None
    return path


def save_profile(data_dir: Path, profile: Profile, *, replacing: Path | None = None) -> Saved:
    """Write a profile filled in the app.

    ``replacing`` is the file the profile was opened from: renaming the
    company moves the profile to its new file rather than leaving two.
    """
    path = profile_path(data_dir, profile.company)
    same = replacing is not None and replacing.resolve() == path.resolve()
    if path.exists() and not same:
        raise MockviewError(f"a profile for {profile.company} exists already ({path}); open that one to edit it")
    data: dict[str, Any] = {name: getattr(profile, name) for name in TEXT_FIELDS}
    data.update({name: list(getattr(profile, name)) for name in LIST_FIELDS})
    header = SAVED_HEADER.format(company=profile.company)
    from mockview.prep.yamlfiles import write_yaml

    saved = write_yaml(path, data, header, templates=(STARTER, SAVED_HEADER), previous=replacing)
    if replacing is not None and not same:
        replacing.unlink(missing_ok=True)
    return saved


def format_profile(profile: Profile) -> str:
    """A profile as plain text, with its research checklist."""
    lines = [profile.company + (f" ({profile.role})" if profile.role else ""), profile.path, ""]
    if profile.mission:
        lines.append(f"Mission: {profile.mission}")
    for name in LIST_FIELDS:
        values = getattr(profile, name)
        if values:
            lines.append(f"{FIELD_LABELS[name]}: " + "; ".join(values))
    if profile.why_us:
        lines.append(f"Why us: {profile.why_us}")
    lines += ["", "Research checklist:"]
    for name, what in CHECKLIST.items():
        done = "x" if getattr(profile, name) else " "
        lines.append(f"  [{done}] {name}: {what}")
    return "\n".join(lines)


def profile_from_form(values: dict[str, str]) -> tuple[Profile | None, list[tuple[str, str]]]:
    """A profile from the app's form: text fields as typed, list fields one item per line."""
    company = (values.get("company") or "").strip()
    if not company:
        return None, [("company", "The company's name is needed.")]
    if not slug(company):
        return None, [("company", "The company's name needs at least one letter or digit.")]
    texts: dict[str, Any] = {name: " ".join((values.get(name) or "").split()) for name in TEXT_FIELDS if name != "company"}
    lists: dict[str, Any] = {
        name: tuple(line for line in (raw.strip().lstrip("-•").strip() for raw in (values.get(name) or "").splitlines())
                    if line)
        for name in LIST_FIELDS
    }
    return Profile(company=company, **texts, **lists), []


def profile_to_form(profile: Profile) -> dict[str, str]:
    """The inverse of :func:`profile_from_form`, to edit a profile in the app."""
    fields = {name: getattr(profile, name) for name in TEXT_FIELDS}
    fields.update({name: "\n".join(getattr(profile, name)) for name in LIST_FIELDS})
    return fields
