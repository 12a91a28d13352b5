"""The history at scale: 100,000 attempts, then `mockview stats --json` and the due queue."""

from __future__ import annotations

import atexit
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from mockview.analysis import analyse_answer
from mockview.banks.model import Keyword, Question
from mockview.store import open_store
from mockview.store.redrill import due_items
from run import Benchmark

ATTEMPTS = 100_000
QUESTIONS = 150
SCHEDULED = 3_000
CATEGORIES = ["teamwork", "conflict", "leadership", "failure", "pressure",
              "ambiguity", "initiative", "communication", "customer-focus", "learning"]
_folder: Path | None = None
_history = None
_now = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)

_ANSWER = (
    "Last spring I was one of four engineers on the payments team, and our lead wanted to migrate the "
    "bookings database in one weekend. It was my job to make sure the risk was understood. I asked her "
    "for half an hour and listened to her plan. So I wrote a proposal for two weeks of dual writes, I built "
    "a nightly script to compare row counts, and I added a rollback switch. As a result we cut over on day "
    "twelve with zero mismatched rows and no downtime. "
) * 2


def _fill(folder: Path) -> None:
    """A realistic history: real analysis JSON, snapshots and answers."""
    history = open_store(folder)
    rng = random.Random(1)
    questions = [
        Question(bank="bench", id=f"q{n}", text=f"Tell me about situation {n} and what you did about it.",
                 category=CATEGORIES[n % len(CATEGORIES)], keywords=(Keyword("listened"), Keyword("result")))
        for n in range(QUESTIONS)
    ]
    analysis = analyse_answer(questions[0], _ANSWER, 120).to_dict()
    snapshots = {q.full_id: json.dumps({"id": q.full_id, "bank": "bench", "text": q.text, "category": q.category})
                 for q in questions}
    start = _now - timedelta(days=400)
    db = history.connection
    db.execute("BEGIN")
    sessions = ATTEMPTS // 5
    db.executemany(
        "INSERT INTO sessions (id, started_at, ended_at, mode, banks, filters) VALUES (?, ?, ?, 'practice', '[\"bench\"]', '{}')",
        [(n + 1, (start + timedelta(minutes=28 * n)).isoformat(timespec="seconds"),
          (start + timedelta(minutes=28 * n + 20)).isoformat(timespec="seconds")) for n in range(sessions)],
    )
    rows = []
    for n in range(ATTEMPTS):
        question = questions[rng.randrange(QUESTIONS)]
        when = (start + timedelta(minutes=28 * (n // 5) + 4 * (n % 5))).isoformat(timespec="seconds")
        score = rng.randint(0, 100)
        verdict = "fumbled" if score < 55 else "strong" if score >= 80 else "ok"
        analysis["score"], analysis["verdict"] = score, verdict
        rows.append((n // 5 + 1, question.full_id, "bench", question.category, snapshots[question.full_id],
                     _ANSWER, when, when, 120.0, 150.0, json.dumps(analysis), score, verdict))
    db.executemany(
        "INSERT INTO attempts (session_id, question_id, bank, category, question, answer, started_at, "
        "submitted_at, seconds, time_limit, analysis, score, verdict) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    db.executemany(
        "INSERT INTO schedule (question_id, card, due, status, question, added_at, updated_at, fumbles) "
        "VALUES (?, '{}', ?, 'active', ?, ?, ?, ?)",
        [(f"bench/s{n}", (_now + timedelta(hours=rng.randint(-200, 2000))).isoformat(timespec="seconds"),
          json.dumps({"id": f"bench/s{n}", "text": "A question?"}), start.isoformat(timespec="seconds"),
          start.isoformat(timespec="seconds"), rng.randint(1, 6)) for n in range(SCHEDULED)],
    )
    db.execute("COMMIT")
    history.close()


def _setup() -> None:
    global _folder, _history
    if _history is not None:
        return  # both benchmarks share one generated history
    _folder = Path(tempfile.mkdtemp(prefix="mockview-bench-store-"))
    atexit.register(_teardown)
    _fill(_folder)
    _history = open_store(_folder)
    _stats_process()  # warm the page cache once, as any second run would be


def _teardown() -> None:
    if _history is not None:
        _history.close()
    if _folder is not None:
        shutil.rmtree(_folder, ignore_errors=True)


def _stats_process() -> float:
    assert _folder is not None
    env = {**os.environ, "MOCKVIEW_HOME": str(_folder)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mockview", "stats", "--json"],
                            capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["attempts"] == ATTEMPTS
    return elapsed


def _due_query() -> None:
    assert _history is not None
    items = due_items(_history, _now)
    assert 0 < len(items) < SCHEDULED


BENCHMARKS = [
    Benchmark(
        "`mockview stats --json`, 100,000 attempts",
        _stats_process,
        target=0.5,
        unit="s",
        repeat=7,
        setup=_setup,
        note="whole process, warm page cache",
    ),
    Benchmark(
        "due re-drill queue, 3,000 scheduled",
        _due_query,
        target=20,
        unit="ms",
        repeat=51,
        setup=_setup,
        note="in-process query on the same 100,000-attempt history",
    ),
]
