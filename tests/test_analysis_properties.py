"""Any text at all analyses without an exception, and the same way twice."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mockview.analysis import analyse_answer
from mockview.banks.model import Keyword, Question

QUESTIONS = [
    Question(bank="p", id="s", text="Tell me about a time.", kind="star",
             keywords=(Keyword("team"), Keyword("compromise", ("middle ground",), 2, True))),
    Question(bank="p", id="r", text="Why {company}?", kind="research", keywords=(Keyword("mission"),)),
    Question(bank="p", id="o", text="Anything else?", kind="open"),
]

texts = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000),
    st.text(alphabet="aI we.,!?-*:\n\t 0123456789%$SsTtAaRr", max_size=500),
    st.lists(st.sampled_from(["Situation:", "I", "we", "decided", "um,", "like,", "40%", "\n- ", "e.g.", "🚀", "進んだ。", "\x00", "\x1b[31m", "..."]), max_size=200).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=texts, which=st.integers(0, 2), seconds=st.one_of(st.none(), st.floats(0, 10_000)))
@example(answer="SITUATION", which=0, seconds=None)  # a label alone: no sentences, but words (found by CI)
@example(answer="Result: ", which=0, seconds=1.0)
def test_any_text_analyses_and_is_deterministic(answer: str, which: int, seconds: float | None) -> None:
    question = QUESTIONS[which]
    first = analyse_answer(question, answer, seconds).to_dict()
    second = analyse_answer(question, answer, seconds).to_dict()
    assert first == second
    assert 0 <= first["score"] <= 100
    assert first["verdict"] in ("strong", "ok", "fumbled")
    assert len(first["tips"]) <= 5


def test_a_megabyte_of_text_is_fine() -> None:
    answer = ("I decided to fix the build and we shipped it 20% faster. " * 20_000)[:1_000_000]
    analysis = analyse_answer(QUESTIONS[0], answer)
    assert analysis.delivery.words > 0
    assert analysis.verdict.verdict in ("ok", "fumbled")
