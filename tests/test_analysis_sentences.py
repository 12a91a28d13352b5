"""Sentence splitting on the messy text people really type."""

from __future__ import annotations

import pytest

from mockview.analysis.sentences import split_sentences


def texts(answer: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(answer)]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("I called her. She agreed! Did it work? Yes.", ["I called her.", "She agreed!", "Did it work?", "Yes."]),
        ("We used e.g. Jira, i.e. the old one. Then we moved.", ["We used e.g. Jira, i.e. the old one.", "Then we moved."]),
        ("Dr. Smith and Mr. J. Jones met at 5 p.m. in the U.S. office.", ["Dr. Smith and Mr. J. Jones met at 5 p.m. in the U.S. office."]),
        ("Latency fell from 3.5 s to 0.8 s in v2.1. Great.", ["Latency fell from 3.5 s to 0.8 s in v2.1.", "Great."]),
        ('He said "no." Then I left.', ['He said "no."', "Then I left."]),
        ("It was us vs. them. Costs fell approx. 20%.", ["It was us vs. them.", "Costs fell approx. 20%."]),
        ("- made a list\n- called each client\n* booked calls", ["made a list", "called each client", "booked calls"]),
        ("1. First step.\n2) Second step\n3. Third", ["First step.", "Second step", "Third"]),
        ("Line one without a stop\nLine two", ["Line one without a stop", "Line two"]),
        ("I asked her for an hour and\nlistened to her plan. Then\nI wrote it up.", ["I asked her for an hour and\nlistened to her plan.", "Then\nI wrote it up."]),
        # A pasted email wraps wherever the width runs out: before a name, or just after "I".
        ("It was carnage on the line that night. I remember one\nSaturday the fryer went.",
         ["It was carnage on the line that night.", "I remember one\nSaturday the fryer went."]),
        ("I was a backend engineer where our services logged to a system retiring in\nMarch.",
         ["I was a backend engineer where our services logged to a system retiring in\nMarch."]),
        # A wrapped word that is also a label ("problem", "result") is still part of its sentence.
        ("We had to get to the root of the\nproblem. Then I called the vendor.", ["We had to get to the root of the\nproblem.", "Then I called the vendor."]),
        ("I was proud of the\nresult. The team celebrated.", ["I was proud of the\nresult.", "The team celebrated."]),
        ("Patients were unhappy. I\napproached it in stages.", ["Patients were unhappy.", "I\napproached it in stages."]),
        ("I ran the accruals for a chain of\nDental clinics in Leeds.", ["I ran the accruals for a chain of\nDental clinics in Leeds."]),
        # A title's full stop ends no sentence, at the end of a line either ("Dr.\nSmith").
        ("The next morning I rang Dr.\nOkafor and asked for a review. She agreed.",
         ["The next morning I rang Dr.\nOkafor and asked for a review.", "She agreed."]),
        ("I thanked Mrs.\n\nThen I left.", ["I thanked Mrs.", "Then I left."]),
        # Notes with no full stops are one note a line, whatever the case.
        ("fixed the build\nRan the tests\nShipped it", ["fixed the build", "Ran the tests", "Shipped it"]),
        ("Sales were down. Budget was cut\nTeam of five", ["Sales were down.", "Budget was cut", "Team of five"]),
        ("Found the bug we had been stuck on\nRolled back the release", ["Found the bug we had been stuck on", "Rolled back the release"]),
        ("We shipped. Then came\nSituation: late again.", ["We shipped.", "Then came", "late again."]),
        # A spoken answer transcribed has no full stop: each line is what was said in one breath.
        ("so the night shift was two nurses down\nand i rang the bank staff office myself\nand by ten we had cover",
         ["so the night shift was two nurses down", "and i rang the bank staff office myself",
          "and by ten we had cover"]),
        ("so i asked the\nward manager first\nand she said yes", ["so i asked the\nward manager first", "and she said yes"]),
        # One question mark does not make a transcript prose; a line wrapped by the window's width
        # does not open as speech does.
        ("so was it my fault?\nand i rang the office\nand by ten we had cover\nthen i moved the kids\nso yeah",
         ["so was it my fault?", "and i rang the office", "and by ten we had cover", "then i moved the kids", "so yeah"]),
        ("Thanks for the chat yesterday, I really enjoyed hearing\nabout the platform team and the migration\nfor the spring",
         ["Thanks for the chat yesterday, I really enjoyed hearing\nabout the platform team and the migration\nfor the spring"]),
        ("- I did the vendor course\nin my first two weeks\n- Made a checklist", ["I did the vendor course\nin my first two weeks", "Made a checklist"]),
        ("- I did the vendor course\n  in my first two weeks\n- Made a checklist", ["I did the vendor course\n  in my first two weeks", "Made a checklist"]),
        ("我在公司工作。我们完成了项目！", ["我在公司工作。", "我们完成了项目！"]),
        ("¿Qué hice? Hablé con el equipo.", ["¿Qué hice?", "Hablé con el equipo."]),
        ("Shipped it 🚀. Everyone cheered 🎉", ["Shipped it 🚀.", "Everyone cheered 🎉"]),
        ("", []),
        ("   \n\n  ", []),
        ("...", []),
    ],
)
def test_split(answer: str, expected: list[str]) -> None:
    assert texts(answer) == expected


def test_spans_point_back_into_the_answer() -> None:
    answer = "Situation: we were late.\n\n- I made a plan.  Then I called Dr. Lee.\n"
    for sentence in split_sentences(answer):
        assert answer[sentence.start:sentence.end] == sentence.text


def test_run_on_text_is_broken_at_natural_joints() -> None:
    answer = (
        "so i was working at this shop and the manager told me to fix the stock system and i didnt "
        "know how so i asked around and then i found a guy who knew excel and we built a sheet and then "
        "it worked and we saved like 10 hours a week and everyone was happy about it and then i got promoted"
    )
    pieces = texts(answer)
    assert len(pieces) >= 3
    assert " ".join(pieces).split() == answer.split()


@pytest.mark.parametrize(
    ("answer", "labels"),
    [
        ("Situation: A.\nTask: B.\nAction: C.\nResult: D.", ["situation", "task", "action", "result"]),
        ("S: we were late. T: fix it.\nA: I called. R: it worked.", ["situation", "task", "action", "result"]),
        ("**Situation** - A.\n**Task** - B.", ["situation", "task"]),
        ("Action — I did it.\nResult – it worked.", ["action", "result"]),
        ("## Situation\nWe were late.\nIt was bad.\n## Result\nWe shipped.", ["situation", "situation", "result"]),
        ("Situation\nWe were late.\n\nAction\nI fixed it.", ["situation", "action"]),
        ("Actions speak louder than words. A team of five.", [None, None]),
        ("A. Smith helped. S. Jones too.", [None, None]),
        ("1. Context: we were late.\n2. I fixed it.", ["situation", None]),
        # A label word wrapped onto its own line's start is no label ("the\nproblem", "take\naction").
        ("We had to get to the root of the\nproblem. Then I called the vendor.", [None, None]),
        ("My manager asked me to take\naction - so I rang the supplier.", [None]),
    ],
)
def test_explicit_labels(answer: str, labels: list[str | None]) -> None:
    assert [sentence.label for sentence in split_sentences(answer)] == labels


def test_label_text_is_not_part_of_the_sentence() -> None:
    assert texts("**Task** - I needed to fix it.") == ["I needed to fix it."]
