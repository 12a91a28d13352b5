"""The commented starter bank written by ``mockview banks new``.

It is meant to be read: every key is shown once with a comment saying what
it does, and the file passes validation as written so an author can start
from something that works.
"""

from __future__ import annotations

from mockview.banks.model import ID_PATTERN
from mockview.errors import MockviewError

_TEMPLATE = """\
# yaml-language-server: $schema=bank.schema.json
# (Editors with a YAML language server check and complete this file against
#  the schema; write it beside this file: mockview banks schema > bank.schema.json)
#
# A mockview question bank. Check it with:  mockview banks validate {file_name}
# Practise it with:                         mockview practice --bank {bank_id}
#
# Ids use lowercase letters, digits and '-'. Keep a question's id when you
# edit its text: the id is what links it to your history and re-drills.

bank: {bank_id}
title: {title}
description: Questions I want to be ready for.

# Every question gets these unless it sets its own.
defaults:
  kind: star          # star (tell a story) | research (about the company) | open
  time_limit: 150     # seconds on the clock
  words: [120, 320]   # target answer length, [min, max]

questions:
  # The full form: a STAR question with a weighted rubric.
  - id: missed-deadline
    text: Tell me about a time you were about to miss a deadline. What did you do?
    category: pressure
    tags: [deadlines, prioritisation]
    keywords:                       # points a strong answer makes
      - prioritised                 # short form: one term
      - term: stakeholders
        synonyms: [manager, client, the team that depended on us]
      - term: renegotiated scope
        concept: cut-scope          # every way people say it counts (list them: mockview banks concepts scope)
        synonyms: [moved the date]  # and these, as written
        weight: 2                   # counts double (default 1)
        required: true              # leaving it out marks the answer fumbled
    tips:
      - Say early how late you were going to be, then spend most of the answer on what you did.
      - End with the date you actually delivered and what the slip cost or saved.
    follow_ups:
      - Who did you tell first, and how did they react?

  # A research question: {{company}} and {{role}} are filled from
  # --company/--role (or "the company"/"the role" when not given).
  - id: first-ninety-days
    kind: research
    text: What would you focus on in your first ninety days in {{role}} at {{company}}?
    category: motivation
    tags: [onboarding]
    keywords: [learn the product, meet the team, early win]
    tips:
      - Tie each step to something you learned about the company.
    time_limit: 120
    words: [80, 220]

  # The smallest question: an id and a text are all that is required.
  - id: proudest-work
    kind: open
    text: What piece of work are you proudest of, and why?
    category: motivation
    keywords: [impact]
    tips:
      - Pick one thing and explain why it mattered to someone other than you.
"""

def starter_bank(bank_id: str, file_name: str) -> str:
    """The text of a new, valid, commented bank called ``bank_id``."""
    if not ID_PATTERN.match(bank_id):
        raise MockviewError(
            f"invalid bank name '{bank_id}': use lowercase letters, digits and '-'"
        )
    title = bank_id.replace("-", " ").capitalize()
    return _TEMPLATE.format(
        bank_id=bank_id,
        title=title,
        file_name=file_name,
    )
