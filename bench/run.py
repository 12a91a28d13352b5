"""Run mockview's benchmarks and print a table of figures.

    python bench/run.py            # every benchmark
    python bench/run.py banks      # only those whose name contains "banks"

Each ``bench/bench_*.py`` module exposes ``BENCHMARKS``: a list of
:class:`Benchmark`. Figures are medians of several runs; they are printed,
never asserted (machines are noisy).
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Benchmark:
    """One measured figure.

    ``run`` returns seconds for one repetition (or ``None`` to time the call
    itself); ``setup`` runs once before the repetitions and ``teardown``
    after them. ``unit`` is "ms" or "s" for times, anything else for a
    figure ``run`` measures itself (e.g. "MiB").
    """

    name: str
    run: Callable[[], float | None]
    target: float | None = None
    unit: str = "ms"
    repeat: int = 7
    setup: Callable[[], None] = lambda: None
    teardown: Callable[[], None] = lambda: None
    note: str = ""
    results: list[float] = field(default_factory=list)

    def measure(self) -> float:
        self.setup()
        try:
            for _ in range(self.repeat):
                start = time.perf_counter()
                measured = self.run()
                elapsed = time.perf_counter() - start if measured is None else measured
                self.results.append(elapsed)
        finally:
            self.teardown()
        value = statistics.median(self.results)
        if self.unit == "ms":
            return value * 1000
        return value


def load_benchmarks() -> list[Benchmark]:
    benchmarks: list[Benchmark] = []
    for file in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(file.stem, file)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[file.stem] = module
        spec.loader.exec_module(module)
        benchmarks.extend(module.BENCHMARKS)
    return benchmarks


def main(argv: list[str]) -> int:
    wanted = [arg.lower() for arg in argv]
    benchmarks = [
        b for b in load_benchmarks() if not wanted or any(w in b.name.lower() for w in wanted)
    ]
    rows = []
    for benchmark in benchmarks:
        print(f"running: {benchmark.name} ...", file=sys.stderr, flush=True)
        value = benchmark.measure()
        target = "" if benchmark.target is None else f"< {benchmark.target:g} {benchmark.unit}"
        verdict = "" if benchmark.target is None else ("ok" if value < benchmark.target else "SLOW")
        rows.append(
            [benchmark.name, f"{value:.3f} {benchmark.unit}", target, verdict,
             f"median of {len(benchmark.results)}" + (f"; {benchmark.note}" if benchmark.note else "")]
        )
    headers = ["benchmark", "median", "target", "", "how"]
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
