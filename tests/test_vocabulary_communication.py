"""The manner, care and method points of front-line rubrics (vocabulary/communication.py).

A review tried sentences that share these points' words without making them; each was credited
before its phrasing was narrowed, and stays here so none comes back.
"""

from __future__ import annotations

import pytest

from mockview.analysis.keywords import match_keywords
from mockview.analysis.sentences import split_sentences
from mockview.banks.model import Keyword


def made(point: str, text: str) -> list[str]:
    report = match_keywords(text, (Keyword(point),), sentences=split_sentences(text))
    return [match.found for match in report.matched]


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        ("broke bad news gently", "I took the daughter to the relatives room to tell her, and let the news sink in before I said more."),
        ("language barrier", "He spoke very little English, so I booked an interpreter for the next visit."),
        ("read the room", "I could tell they were losing interest, so I skipped the slides and asked what worried them."),
        ("put them at ease", "She was terrified of needles, so I chatted to distract her and told her there was no rush."),
        ("phased rollout", "We rolled it out to two stores first, then expanded to the rest of the region."),
        ("minimised disruption", "I did the upgrade out of hours so customers barely noticed."),
        ("confidentiality", "I kept the details confidential and only shared them with the ward manager."),
        ("signposting", "I gave her the helpline number and made a referral to the falls team."),
    ],
)
def test_the_point_said_in_a_front_line_voice_is_made(point: str, sentence: str) -> None:
    assert made(point, sentence)


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        ("broke bad news gently", "I had to tell the client that the order was cancelled."),
        ("broke bad news gently", "We gave the pipeline time to process the backlog."),
        ("broke bad news gently", "I sat the team down before I explained the new rota."),
        ("language barrier", "Python was my first language."),
        ("language barrier", "She was a native speaker."),
        ("language barrier", "I gestured to the diagram."),
        ("dignity", "She managed the whole migration herself."),
        ("dignity", "We maintained our independence from the vendor."),
        ("read the room", "I changed tack."),
        ("read the room", "I adjusted the schedule on the fly."),
        ('read the room', "I spent the morning reading people's CVs."),
        ("put them at ease", "The developers were nervous about the deadline so I added two contractors."),
        ("cultural awareness", "Their culture of blame made it hard."),
        ("cultural awareness", "I worked in their country office."),
        ("reasonable adjustments", "I changed the report to meet their needs for quarterly figures."),
        ("clean as you go", "That is how I found it: the fuse had blown."),
        ("clean as you go", "I removed waste from the approval process."),
        ("iterated", "There were several rounds of interviews."),
        ("iterated", "We went from v1 to v2 of the API."),
        ("phased rollout", "We expanded the team to the rest of the floor."),
        ("minimised disruption", "I kept the business running."),
        ("minimised disruption", "I scheduled the meeting for a quiet afternoon."),
        ("tactful", "That is how I put it together."),
        ("positive language", "The problem was reframed."),
        ("safeguarding", "The company had a duty of care to its investors."),
        ("signposting", "I filled in the referral form on the website."),
        ("confidentiality", "We held the personal data of 40,000 customers."),
        ("tracked progress", "I checked the progress of the order."),
        ("professional curiosity", "There was a red flag in the audit."),
        ("professional boundaries", "I declined the invitation to the conference."),
    ],
)
def test_the_same_words_in_another_sense_do_not_make_the_point(point: str, sentence: str) -> None:
    assert made(point, sentence) == []
