"""The role and company a posting names at its top: "Job title: ...", "# Backend Engineer at Acme".

Kept apart from the requirements: those lines are the posting's title,
read once, and never count as requirements themselves.
"""

from __future__ import annotations

import re

from mockview.prep.posting_text import Block
from mockview.prep.sections import classify

KEEP_CAPITAL = frozenset({"I", "English", "UK", "EU", "US", "NHS", "GCSE", "GCSEs"})
"""Words that keep their capitals when a title in capitals is tidied, or a gist starts with one."""

TITLE_LABEL = re.compile(r"^\s*(?:job title|title|role|position|vacancy)\s*:\s*(.+)$", re.IGNORECASE)
COMPANY_LABEL = re.compile(r"^\s*(?:company|employer|organisation|organization|hiring company)\s*:\s*(.+)$", re.IGNORECASE)
AT_COMPANY = re.compile(r"^(.+?)\s+(?:at|@)\s+([A-Z][\w&.'’ -]{1,40})$")
BAR_COMPANY = re.compile(r"^(.+?)\s+\|\s+([A-Z][\w&.'’ -]{1,40})$")
DASH_COMPANY = re.compile(r"^(.+?)\s+[-–—]\s+([A-Z][\w&.'’ ]{1,40}?)\s*(?:\([^)]*\))?$")
""""Data Analyst - Brightline Freight (Leeds, hybrid)": taken as the company only when the posting names it
again ("Brightline Freight moves..."); "Data Analyst - Leeds" is a place and "Engineer - Payments" a team."""
JOIN_COMPANY = re.compile(r"^(?:come and )?join\s+([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})", re.IGNORECASE)
TITLE_LINE_WORDS = 10


def guess_title(found: list[Block]) -> tuple[str, str, str, list[Block]]:
    """What the top of a posting says: (role, labelled company, guessed company, the blocks that said it).

    "Job title:" and "Company:" lines win; else the first line is the role
    ("Backend Engineer at Acme" gives the company too) and a short second
    line is the company. Those lines are the posting's title, never requirements.
    """
    role = labelled = guessed = ""
    used: list[Block] = []
    for block in found[:12]:
        plain = re.sub(r"(\*\*|__)", "", block.text)
        label = TITLE_LABEL.match(plain)
        if label and not role:
            role = label.group(1).strip(" .")
            used.append(block)
        label = COMPANY_LABEL.match(plain)
        if label and not labelled:
            labelled = label.group(1).strip(" .")
            used.append(block)
    first = found[0] if found else None
    if not role and first is not None and _title_like(first):
        role = first.text
        used.append(first)
        second = found[1] if len(found) > 1 else None
        if second is not None and _title_like(second) and second.kind == "text" and len(second.text.split()) <= 8:
            guessed = re.split(r"\s+[-–—|]\s+", second.text)[0].strip()
            used.append(second)
    for pattern in (AT_COMPANY, BAR_COMPANY):
        split = pattern.match(role) if role else None
        if split:
            role = split.group(1).strip()
            guessed = split.group(2).strip()
            break
    else:
        split = DASH_COMPANY.match(role) if role and not guessed else None
        if split and _named_again(split.group(2).strip(), [block for block in found if block not in used]):
            role, guessed = split.group(1).strip(), split.group(2).strip()
    if not guessed:
        for block in found[:6]:
            joined = JOIN_COMPANY.match(re.sub(r"(\*\*|__)", "", block.text))
            if joined:
                guessed = joined.group(1).strip(" .,")
                break
    return _tidy_role(role), labelled, guessed, used


def _named_again(name: str, body: list[Block]) -> bool:
    """Whether the posting's text names ``name`` as who is hiring: opening a sentence ("Brightline Freight
    moves...") or after "at", "join" or "about", and not as a team ("Payments team"); a place is named
    after "in" ("based in Leeds")."""
    pattern = re.compile(rf"(?:^|[.!?]\s+|\b(?:at|join|about)\s+){re.escape(name)}(?![\w-])"
                         r"(?!\s+(?:team|department|squad|function|office)\b)", re.IGNORECASE)
    return any(pattern.search(block.text) for block in body)


def _title_like(block: Block) -> bool:
    text = block.text
    if len(text.split()) > TITLE_LINE_WORDS or text.endswith((".", "!", "?", ":")):
        return False
    return block.kind == "text" or (block.kind == "heading" and classify(text) == "unknown")


def _tidy_role(role: str) -> str:
    """"SALES ASSISTANT (part time)" -> "Sales Assistant": the role as a name, not a banner."""
    role = re.sub(r"\s*\([^)]*\)\s*$", "", role).strip()
    role = re.sub(r"\s+(?:wanted|needed|required)\b.*$", "", role, flags=re.IGNORECASE).strip() or role
    letters = [ch for ch in role if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        role = " ".join(word if len(word) <= 3 and word.isalpha() and word in KEEP_CAPITAL else word.capitalize()
                        for word in role.split())
    return role
