"""What a posting's heading announces: requirements, nice-to-haves, duties, values, or the rest.

Postings name the same sections a hundred ways ("What you'll need",
"About you", "Person specification", "Bonus points", "A day in the
life"...). Headings are matched by the phrases below, searched inside the
heading, first match wins in the order of :data:`SECTION_PATTERNS`, so
"Desirable skills" is nice-to-have although "skills" alone means must.
"""

from __future__ import annotations

import re
from typing import Literal

Section = Literal["must", "nice", "duty", "values", "other", "unknown"]

SECTION_PATTERNS: tuple[tuple[Section, str], ...] = (
    ("nice", r"nice[ -]to[ -]haves?|bonus|brownie points|desirable|desired|preferred|pluses|\bplus\b|"
             r"would be (?:great|nice|good|a plus)|even better|it'?s a bonus|ideally|extra credit|"
             r"we'?d love (?:it )?if|not required|optional|additional skills|great to have|good to have"),
    ("values", r"\bvalues\b|our culture|\bculture\b|how we work|our principles|what we value|our behaviou?rs|"
               r"what we believe|our ways of working|life at\b|\bethos\b"),
    ("other", r"about us|about the company|about the business|who we are|benefits|perks|what we offer|"
              r"in it for you|why join|why work|salary|compensation|\bpay\b|package|location|hours|"
              r"how to apply|to apply|application|interview process|hiring process|our process|next steps|"
              r"equal opportunit|diversity|contract|closing date|start date|reward"),
    ("duty", r"what you'?ll do|what you will do|what you'?ll be doing|what you will be doing|the role|"
             r"about the (?:role|job|position)|role overview|job description|job summary|responsibilit|"
             r"duties|day[ -]to[ -]day|day in the life|your day|your role|in this role|"
             r"what the job involves|what'?s involved|your impact|the job|job purpose|accountabilit|"
             r"the opportunity|working on|you'?ll be responsible|main tasks|key tasks|your mission|"
             r"the position|position summary|overview|the programme|the program|the scheme|the placement"),
    ("must", r"requirement|qualification|must[ -]haves?|essential|what you'?ll need|what you need|"
             r"what you will need|what we need|what you'?ll bring|what you bring|what you will bring|"
             r"looking for|who you are|about you|you have|you are\b|you'?ll have|you will have|skills|"
             r"experience|ideal candidate|your profile|person spec|candidate profile|what it takes|"
             r"is this you|are you\b|to be successful|to succeed|you should have|criteria|competenc|"
             r"knowledge|what we expect|expectations|you'?ll need|you will need|you need|you must|"
             r"what you should|your background"),
)
_COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in SECTION_PATTERNS)
ABOUT_COMPANY = re.compile(r"^about\s+(?!us\b|you\b|the\b|this\b|our\b|the role\b|your\b)(.+)$", re.IGNORECASE)


def normalise_heading(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("&", " and ")
    return " ".join(re.sub(r"[^\w' -]", " ", text).split()).lower()


def classify(heading: str) -> Section:
    """The section a heading announces ("unknown" for one mockview has no phrase for)."""
    plain = normalise_heading(heading)
    if ABOUT_COMPANY.match(plain):
        return "other"
    for kind, pattern in _COMPILED:
        if pattern.search(plain):
            return kind
    return "unknown"


_STANDALONE = re.compile(
    r"(?:(?:the|your|our|key|main|essential|desirable|core|technical|minimum|basic|preferred|required|"
    r"additional|general|specific|job|role)\s+)*"
    r"(?:requirements?|responsibilities|qualifications|criteria|duties|skills|experience|competencies|"
    r"skills and (?:experience|qualifications|knowledge)|experience and (?:skills|qualifications)|"
    r"knowledge skills and experience|duties and responsibilities|roles? and responsibilities|"
    r"nice[ -]to[ -]haves?|must[ -]haves?|bonus(?: points)?|desirables?|essentials?|"
    r"what you'?ll (?:do|need|bring|be doing|have)|what you will (?:do|need|bring|be doing|have)|"
    r"what you need|what you bring|what we need|what we'?re looking for|what we are looking for|"
    r"who we'?re looking for|who we are looking for|who you are|about you|about the (?:role|job|position)|"
    r"the role|your role|the job|the opportunity|the ideal candidate|ideal candidate|person specification|"
    r"day[ -]to[ -]day|a day in the life|your day|in this role|your impact|is this you|are you|"
    r"to be successful|what it takes|values|our values|our culture|culture|how we work|what we value|"
    r"about us|who we are|benefits|perks|what we offer|what'?s in it for you|why join us|why work with us|"
    r"salary|compensation|package|location|hours|working hours|how to apply|the process|interview process|"
    r"next steps|equal opportunities|overview|role overview|job description|job summary|"
    r"you have|you are|you'?ll have|you will have|you should have|ideally you'?ll have|ideally you have|"
    r"it would be great if you|it would be great if you have|even better if you have|"
    r"responsibilities include|requirements include|what would be great|what would be (?:nice|good) to have|"
    r"(?:it )?would be (?:great|nice) if you(?: have| had)?|great to have|good to have|even better|"
    r"the programme|the scheme|the placement|the program)"
    r"(?:\s+(?:of|for|in)\s+the\s+(?:role|job|position)|\s+required|\s+include|\s+\(?(?:essential|desirable)\)?)?"
)


def is_known_heading(line: str) -> bool:
    """Whether a plain line, alone, is a section heading ("Requirements", "About you", "Key duties").

    Stricter than :func:`classify`: a line of a list without bullets
    ("Retail experience") must not be taken for a heading, so only lines
    that are wholly a heading phrase, or "About <company>", qualify.
    """
    plain = line.strip().rstrip(":").strip()
    if not plain or len(plain.split()) > 8 or not plain[0].isupper():
        return False
    normal = normalise_heading(plain)
    return bool(_STANDALONE.fullmatch(normal)) or bool(company_from_heading(plain)) and len(plain.split()) <= 5


def company_from_heading(heading: str) -> str:
    """"About Acme Corp" -> "Acme Corp"; "" for any other heading."""
    match = re.match(r"^\s*about\s+(.+?)\s*$", heading, re.IGNORECASE)
    if not match:
        return ""
    name = match.group(1).strip(" :")
    if not name[:1].isupper():
        return ""
    if normalise_heading(name).split()[:1] in (["us"], ["you"], ["the"], ["this"], ["our"], ["your"]):
        return ""
    return name
