"""The plain, line-mode front end: for screen readers, dumb terminals, pipes and scripts.

Each question is printed with its time limit; the answer is read from
standard input until a line holding only "." (or the end of input); the
analysis report follows, then the next question. A line holding only "?"
shows a hint, and "??" a story of your own that fits the question (both
recorded; neither in a mock interview). An empty answer is a skip. A self-rating is asked for only
when standard input is a terminal.

What is typed is kept as a draft (see :mod:`mockview.store.drafts`): after
every line once two seconds have passed, by a timer while waiting, and at
once on Ctrl+C, SIGTERM and SIGHUP. At a terminal, input is read key by key
(:mod:`mockview.practice.terminal_lines`) so the line still being typed is
part of the draft too.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from mockview.analysis.report import format_report
from mockview.practice.engine import AnswerResult, PlannedQuestion, PracticeSession
from mockview.practice.report_card import format_report_card
from mockview.practice.terminal_lines import TerminalLines
from mockview.store.drafts import SAVE_EVERY_SECONDS, Draft, DraftKeeper, discard, recovered_drafts
from mockview.store.redrill import Rating
from mockview.store.snapshots import question_from_snapshot
from mockview.text import clock

END_OF_ANSWER = "."
HINT = "?"
STORY = "??"
MAX_STORIES_SHOWN = 2
RATING_WORDS = {"1": Rating.AGAIN, "2": Rating.HARD, "3": Rating.GOOD, "4": Rating.EASY,
                "again": Rating.AGAIN, "hard": Rating.HARD, "good": Rating.GOOD, "easy": Rating.EASY}


class PlainFrontEnd:
    """Drives a :class:`PracticeSession` over text streams."""

    def __init__(
        self,
        session: PracticeSession,
        data_dir: Path,
        *,
        stdin: TextIO = sys.stdin,
        stdout: TextIO = sys.stdout,
        interactive: bool | None = None,
    ) -> None:
        self.session = session
        self.data_dir = data_dir
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = stdin.isatty() if interactive is None else interactive
        _replace_undecodable_input(stdin)
        self.terminal = TerminalLines.for_stream(stdin, stdout) if self.interactive else None
        """Key-by-key input at a real terminal, so an unfinished line can be saved; else ``None``."""
        self._readline = self.terminal.readline if self.terminal else stdin.readline
        self._typing: tuple[PlannedQuestion, list[str]] | None = None
        """The question being answered and its finished lines, for the draft saver."""
        self._noted = ""
        session.time_analysis = self.interactive
        self.keeper = DraftKeeper(data_dir, {"mode": session.mode, "filters": session.filters.to_json()})
        self._input_ended = False
        self.helps = True
        """Whether hints and stories can be asked for (not in a mock interview)."""
        self._prefill: dict[int, str] = {}
        self._prefill_time: dict[int, float] = {}
        self._resumed = 0
        """Drafts resumed before the first question: each goes after the one before."""

    def say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    # --- the whole run ------------------------------------------------------

    def run(self) -> int:
        with self._keystrokes():
            self.offer_recovered_drafts()
            if self.session.finished:
                self.say("No questions to ask.")
                return 0
            with self._saving_drafts():
                total = len(self.session.plan)
                while not self.session.finished and not self._input_ended:
                    self.ask(self.session.index + 1, total)
            left = len(self.session.plan) - self.session.index
            if left:
                self.say(f"Input ended; {left} question{'s' if left != 1 else ''} left unasked.")
            self.finish()
        return 0

    @contextmanager
    def _keystrokes(self) -> Iterator[None]:
        """The whole run: key by key at a terminal, and the session ended even when it is stopped.

        Ctrl+C, SIGTERM or SIGHUP still end the session in the history (the
        draft was saved before); see :mod:`mockview.practice.terminal_lines`.
        """
        try:
            if self.terminal is None:
                yield
            else:
                with self.terminal.keystrokes():
                    yield
        except (KeyboardInterrupt, SystemExit):
            self.session.finish()
            raise

    def ask(self, number: int, total: int) -> AnswerResult | None:
        spent = self._prefill_time.pop(self.session.index, 0.0)
        prefill = self._prefill.pop(self.session.index, "")
        planned = self.session.begin_question(already_spent=spent)
        self.say("")
        self.say(self.header(planned, number, total))
        self.say(planned.text)
        if planned.note:
            self.say(f"({planned.note})")
        if number == 1 or prefill:
            self.say(f"Type your answer. A line with just '{END_OF_ANSWER}' submits it, "
                     f"'{HINT}' shows a hint, '{STORY}' a story of yours that fits; an empty answer skips.")
        if prefill:
            self.say("Your answer so far:")
            for line in prefill.splitlines():
                self.say(f"  {line}")
        answer = self.read_answer(planned, prefill)
        if answer is None:
            self.session.pause()
            return None
        result = self.session.submit(answer)
        self.keeper.clear()
        self.report(result)
        if self.interactive and not self._input_ended:
            self.ask_rating(result)
        return result

    def header(self, planned: PlannedQuestion, number: int, total: int) -> str:
        parts = [f"Question {number} of {total}", planned.question.full_id]
        if planned.question.category:
            parts.append(planned.question.category)
        parts.append(f"{clock(planned.time_limit)} on the clock")
        return " | ".join(parts)

    def read_answer(self, planned: PlannedQuestion, prefill: str) -> str | None:
        """The answer typed, or ``None`` if input ended before anything was (nothing to record)."""
        lines = prefill.splitlines() if prefill else []
        read_anything = bool(prefill)
        self._typing = (planned, lines)
        try:
            return self._read_lines(planned, lines, read_anything)
        finally:
            self._typing = None

    def _read_lines(self, planned: PlannedQuestion, lines: list[str], read_anything: bool) -> str | None:
        while True:
            try:
                line = self._readline()
            except KeyboardInterrupt:
                self._note_typing()
                self.keeper.flush(now=self.session.clock.now())
                raise
            if line == "":
                self._input_ended = True
                if not read_anything:
                    return None
                break
            read_anything = True
            text = line.rstrip("\r\n")
            if text.strip() == END_OF_ANSWER:
                break
            if self.helps and text.strip() == HINT:
                tip = self.session.hint()
                self.say(f"Hint: {tip}" if tip else "No hints for this question.")
                continue
            if self.helps and text.strip() == STORY:
                self.peek_stories(planned)
                continue
            lines.append(text)
            self.keeper.update(planned.snapshot, "\n".join(lines), self.session.stopwatch.elapsed,
                               now=self.session.clock.now())
        return "\n".join(lines).strip("\n")

    def peek_stories(self, planned: PlannedQuestion) -> None:
        """Show the person's own stories that fit the question, and record the peek."""
        from mockview.prep.stories import matching_stories, read_stories

        stories, problems = read_stories(self.data_dir)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            self.say(f"Your story bank has problems: {errors[0]}")
            return
        fitting = matching_stories(stories, planned.question)
        if not fitting:
            self.say("No story in your story bank fits this question (see: mockview stories).")
            return
        for story in fitting[:MAX_STORIES_SHOWN]:
            self.session.peek_story(story.title)
            self.say(f"Your story \"{story.title}\":")
            for line in story.text.splitlines():
                self.say(f"  {line}")

    def report(self, result: AnswerResult) -> None:
        analysis = result.analysis
        self.say("")
        if not analysis["delivery"]["words"]:
            self.say("Skipped: it counts as fumbled.")
        else:
            self.say(format_report(analysis))
        overtime = analysis["delivery"].get("overtime") or 0
        if self.interactive and overtime:
            self.say(f"Over time by {clock(overtime)}; your answer was kept.")
        if result.previous is not None:
            before = result.previous
            self.say(f"Last time ({before.submitted_at.astimezone():%d %b}): {before.score}/100, "
                     f"{before.verdict}; now {analysis['score']}/100, {analysis['verdict']}.")
        self.say("Re-drill: " + result.change.describe(self.session.clock.now()) + ".")
        if result.change.leech:
            from mockview.store.redrill import LEECH_TIP

            self.say(LEECH_TIP.format(fumbles=result.change.fumbles))

    def ask_rating(self, result: AnswerResult) -> None:
        suggested = result.suggested_rating
        self.stdout.write(
            f"Rate yourself: 1 Again, 2 Hard, 3 Good, 4 Easy (Enter keeps {suggested.name.capitalize()}): "
        )
        self.stdout.flush()
        reply = self._readline()
        if reply == "":
            self._input_ended = True
            return
        if not reply.strip():
            return
        choice = RATING_WORDS.get(reply.strip().lower())
        if choice is None:
            self.say(f"Not a rating (1-4); keeping {suggested.name.capitalize()}.")
            return
        change = self.session.rate(result.attempt_id, choice)
        if change is not None:
            self.say("Re-drill: " + change.describe(self.session.clock.now()) + ".")

    def finish(self) -> None:
        summary = self.session.summary()
        reflection = None
        if summary.answered or summary.skipped:
            self.say("")
            average = f"{summary.average_score:.0f}" if summary.average_score is not None else "-"
            self.say(f"Session done: {summary.answered} answered, {summary.skipped} skipped, "
                     f"average score {average}, "
                     f"total time {clock(summary.total_seconds)}.")
            for text, when in summary.fumbled:
                self.say(f"  Fumbled: {text} ({when})")
            if self.interactive and not self._input_ended:
                reflection = self.ask_reflection()
        self.session.finish(reflection)

    def ask_reflection(self) -> dict[str, str]:
        answers = {}
        for key, prompt in (("went_right", "What went right? "), ("went_wrong", "What went wrong? ")):
            self.stdout.write(prompt)
            self.stdout.flush()
            reply = self._readline()
            if reply == "":
                break
            answers[key] = reply.strip()
        return answers

    # --- drafts -----------------------------------------------------------------

    def offer_recovered_drafts(self) -> None:
        for draft in recovered_drafts(self.data_dir):
            when = draft.saved_at.astimezone()
            self.say(f"You left an unfinished answer on {when:%d %b %H:%M} to:")
            self.say(f"  {draft.question.get('text', draft.question.get('id', ''))}")
            for line in draft.answer.splitlines():
                self.say(f"  > {line}")
            if not self.interactive:
                self.say("It is kept, and offered again when you practise at a terminal.")
                continue
            self.stdout.write("Answer it now (Enter), discard it (d), or keep it for later (k)? ")
            self.stdout.flush()
            choice = self._readline().strip().lower()
            if choice == "d":
                discard(draft)
                self.say("Discarded.")
            elif choice != "k":
                self.resume(draft)

    def resume(self, draft: Draft) -> None:
        question = question_from_snapshot(draft.question)
        planned = PlannedQuestion(question=question, text=draft.question.get("text") or question.text,
                                  time_limit=question.time_limit)
        index = self.session.index + self._resumed
        self._resumed += 1
        plan = self.session.plan
        # The question may also be planned later in this session: ask it once, now.
        plan[index:] = [planned] + [p for p in plan[index:] if p.question.full_id != question.full_id]
        self._prefill[index] = draft.answer
        self._prefill_time[index] = draft.elapsed
        discard(draft)  # the new keeper holds it from now on
        self.keeper.update(planned.snapshot, draft.answer, draft.elapsed, now=self.session.clock.now())
        self.keeper.flush(now=self.session.clock.now())

    def _note_typing(self) -> None:
        """Hand the keeper what is typed so far, the unfinished line at a terminal included."""
        typing = self._typing
        if typing is None or self.terminal is None:
            return
        planned, lines = typing
        text = "\n".join([*list(lines), self.terminal.unread])
        if text != self._noted:
            self._noted = text
            self.keeper.update(planned.snapshot, text, self.session.stopwatch.elapsed,
                               now=self.session.clock.now())

    @contextmanager
    def _saving_drafts(self) -> Iterator[None]:
        """Flush the draft every two seconds in the background, and on SIGTERM/SIGHUP."""
        stop = threading.Event()

        def keep_saving() -> None:
            while not stop.wait(SAVE_EVERY_SECONDS / 4):
                self._note_typing()
                self.keeper.flush_if_due(now=self.session.clock.now())

        def on_signal(signum: int, _frame: object) -> None:
            self._note_typing()
            self.keeper.flush(now=self.session.clock.now())
            raise SystemExit(128 + signum)

        previous = {}
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None:
                previous[number] = signal.signal(number, on_signal)
        saver = threading.Thread(target=keep_saving, name="draft-saver", daemon=True)
        saver.start()
        try:
            yield
        finally:
            stop.set()
            saver.join(timeout=1)
            for number, handler in previous.items():
                signal.signal(number, handler)


class PlainInterview(PlainFrontEnd):
    """A mock interview in line mode: no feedback until the report card."""

    def __init__(self, interview, data_dir: Path, **kwargs) -> None:
        super().__init__(interview.session, data_dir, **kwargs)
        self.interview = interview
        self.helps = False

    def run(self) -> int:
        with self._keystrokes():
            return self._run_interview()

    def _run_interview(self) -> int:
        self.say("Mock interview: no feedback until the end. A line with just '.' ends each answer; "
                 "an empty answer skips.")
        with self._saving_drafts():
            while not self.interview.finished and not self._input_ended:
                self.ask_next()
        left = len(self.session.plan) - self.session.index
        if left:
            self.say(f"Input ended; {left} question{'s' if left != 1 else ''} left unasked.")
        card = self.interview.report_card()
        self.say("")
        self.stdout.write(format_report_card(card))
        self.stdout.flush()
        reflection = self.ask_interview_reflection() if self.interactive and not self._input_ended else None
        self.interview.finish(reflection.to_json() if reflection and not reflection.empty else None)
        return 0

    def ask_next(self) -> None:
        planned = self.interview.begin_question()
        self.say("")
        if planned.parent_attempt is not None:
            self.say(f"Interviewer: {planned.text}")
        else:
            main = sum(1 for p in self.session.plan if p.parent_attempt is None)
            number = sum(1 for p in self.session.plan[: self.session.index + 1] if p.parent_attempt is None)
            self.say(f"Question {number} of {main} | {clock(self.interview.elapsed)} into the interview | "
                     f"{clock(planned.time_limit)} on the clock")
            self.say(planned.text)
        answer = self.read_answer(planned, "")
        if answer is None:
            self.interview.pause()
            return
        self.interview.answer(answer)
        self.keeper.clear()

    def ask_interview_reflection(self):
        from mockview.prep.reflection import FACTORS, Reflection, parse_factors, parse_items

        self.say("")
        self.say("Looking back (one item per line, '*' at the start stars what mattered most, empty line to end):")
        went_right = parse_items(self._read_block("What went right?"))
        went_wrong = parse_items(self._read_block("What went wrong?"))
        self.say("What got in the way? Some common ones: " + ", ".join(FACTORS) + ".")
        self.stdout.write("Factors, comma-separated: ")
        self.stdout.flush()
        factors = parse_factors(self._readline())
        return Reflection(went_right, went_wrong, factors)

    def _read_block(self, prompt: str) -> str:
        self.say(prompt)
        lines = []
        while True:
            line = self._readline()
            if not line.strip():
                break
            lines.append(line.rstrip("\n"))
        return "\n".join(lines)


def _replace_undecodable_input(stream: TextIO) -> None:
    """Bytes that are not UTF-8 become U+FFFD instead of stopping the run (and losing the answer)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    try:
        reconfigure(errors="replace")
    except (ValueError, OSError):
        pass
