"""How the analysis grows with the answer: 200 KB must take at most 15 times as long as 20 KB.

    python bench/long_answers.py

A long paste of short sentences is the worst case (issue 14: 200 KB took
12.9 s, and the app froze on it). This prints the time for 20, 50, 100
and 200 KB, the 200/20 ratio against the limit, and how the two pieces that a profiler once found quadratic now grow (as a power of the size):

* ``analysis.sentences._ends_sentence`` ran ``line[end:].lstrip()`` for
  every full stop, copying the rest of the line each time: quadratic on one
  long line of short sentences. It now reads the next 40 characters.
* ``analysis.sequence.backward`` built its table with ``beta.insert(0,
  ...)``, shifting every row already made. It now appends and reverses once.

Figures only (machines are noisy): the script exits with status 1 when a
ratio is over the limit, so it can be run by hand as a check, never by the
test suite.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mockview.analysis import analyse_answer, sentences, sequence  # noqa: E402
from mockview.banks.model import Keyword, Question  # noqa: E402

LIMIT = 15.0
SIZES = (20_000, 50_000, 100_000, 200_000)
SHORT = ["I did it.", "We won.", "It broke.", "I fixed it.", "Sales rose 4%.", "They agreed.", "I asked why.",
         "It shipped."]
QUESTION = Question(bank="bench", id="long", text="Tell me about a time you handled a conflict.", kind="star",
                    keywords=(Keyword("listened"), Keyword("compromise", ("middle ground",))))


def answer(size: int) -> str:
    parts, length, index = [], 0, 0
    while length < size:
        sentence = SHORT[index % len(SHORT)]
        parts.append(sentence)
        length += len(sentence) + 1
        index += 1
    return " ".join(parts)[:size]


def seconds(work: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    analyse_answer(QUESTION, "I did it. We won.")  # load the vocabulary and the model first
    over = False
    whole = {size: seconds(lambda size=size: analyse_answer(QUESTION, answer(size)), repeat=1) for size in SIZES}
    for size in SIZES:
        print(f"analyse_answer, {size // 1000:>3} KB of short sentences: {whole[size]:7.2f} s")
    over |= report("analyse_answer", whole[SIZES[-1]] / whole[SIZES[0]])

    # The two pieces alone, over a wider range (20 KB to 800 KB) so that the shape of the growth
    # shows through the noise: an exponent of 1 is linear, 2 quadratic.
    small, large = answer(20_000), answer(800_000)
    over |= exponent("sentences.split_sentences", lambda: sentences.split_sentences(small),
                     lambda: sentences.split_sentences(large))
    transitions = sequence.model().transitions
    few = [[0.0] * len(sequence.STATES) for _ in range(2_000)]
    many = [[0.0] * len(sequence.STATES) for _ in range(80_000)]
    over |= exponent("sequence.backward", lambda: sequence.backward(few, transitions),
                     lambda: sequence.backward(many, transitions))
    return 1 if over else 0


def exponent(what: str, small: Callable[[], object], large: Callable[[], object], note: bool = False) -> bool:
    """How time grows with size, as the power of a 40-fold larger input: over 1.3 is not linear."""
    import math

    power = math.log(seconds(large, repeat=1) / seconds(small)) / math.log(40)
    verdict = "" if note else ("  NOT LINEAR" if power > 1.3 else "  linear")
    print(f"{what}: time grows as size^{power:.2f} (20 KB to 800 KB){verdict}")
    return not note and power > 1.3


def report(what: str, ratio: float, note: bool = False) -> bool:
    verdict = "" if note else ("  OVER" if ratio > LIMIT else "  ok")
    print(f"{what}: 200 KB / 20 KB = {ratio:5.1f}x (limit {LIMIT:g}x){verdict}")
    return not note and ratio > LIMIT


if __name__ == "__main__":
    raise SystemExit(main())
