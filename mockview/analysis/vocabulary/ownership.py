"""Ownership and accountability: owning a mistake, taking charge, following through."""

from __future__ import annotations

from mockview.analysis.vocabulary.model import Concept

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "owned-up",
        "Admitting that a mistake or a miss was yours, without blaming others.",
        names=("owned up", "own up", "took responsibility", "admitted", "admitted mistake", "owned the mistake",
               "accountability", "held myself accountable", "my fault", "owned it"),
        phrasings=(
            "my mistake", "my fault", "my error", "my responsibility", "i was wrong", "i got it wrong",
            "i own it", "i owned it", "i owned that", "i own that", "i owned ... mistake", "owned up",
            "held my hand up", "put my hand up", "admitted|admit ... mistake", "admitted|admit i", "it was on me",
            "take|took responsibility", "take|took the blame", "take|took full responsibility",
            "told|tell {person} ... my mistake", "told|tell {person} i had|made", "i had messed up",
            "i messed up", "i screwed up", "i dropped the ball", "should have caught", "should have checked",
            "was my call", "apologised|apologized|apologise|apologize to", "said sorry", "came clean",
            "didn't blame", "did not blame", "didn't make excuses", "without excuses", "wasn't anyone else's fault",
        ),
    ),
    Concept(
        "took-ownership",
        "Taking charge of a problem or piece of work that was nobody's job, and seeing it through.",
        names=("took ownership", "ownership", "took charge", "stepped up", "took the lead"),
        phrasings=(
            "take|took ownership", "take|took charge", "stepped up", "step up", "took the lead", "take the lead",
            "took it on", "take it on", "took it upon myself", "made it my job", "made it my responsibility",
            "volunteered to", "i offered to", "i said i would", "nobody owned", "no one owned", "wasn't my job",
            "wasn't technically my", "not my job", "picked it up", "pick it up", "i owned the", "owner of the",
            "i was accountable for", "saw it through", "see it through", "followed it through",
        ),
    ),
    Concept(
        "followed-up",
        "Coming back afterwards to check that the fix held or the person was looked after.",
        names=("followed up", "follow up", "follow-up", "followed through", "checked back", "checked in"),
        phrasings=(
            "followed|follow up", "followed|follow through", "checked|check back", "checked|check in with",
            "called|rang|phoned|emailed {person} back", "went|go back to {person}", "a week later i",
            "the next day i", "the following week i", "kept|keep {person} posted", "kept|keep {person} updated",
            "circled back", "touched base", "looped back",
        ),
    ),
)
