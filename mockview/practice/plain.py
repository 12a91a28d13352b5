"""The plain, line-mode front end: for screen readers, dumb terminals, pipes and scripts.

Each question is printed with its time limit; the answer is read from
standard input until a line holding only "." (or the end of input); the
analysis report follows, then the next question. A line holding only "?"
shows a hint, and "??" a story of your own that fits the question (both
recorded; neither in a mock interview). An empty answer is a skip. A self-rating is asked for only
when standard input is a terminal.

What is typed is kept as a draft (see :mod:`mockview.store.drafts`): after
every line once two seconds have passed, by a timer while waiting, and at
once on Ctrl+C, SIGTERM and SIGHUP (:mod:`mockview.practice.draft_saving`).
At a terminal, input is read key by key
(:mod:`mockview.practice.terminal_lines`) so the line still being typed is
part of the draft too.

Nothing typed is lost to a full disk or a closed pipe either: a draft that
cannot be written is said so on stderr (once) and tried again; an answer
the history cannot take stays in memory, with a choice at a terminal to
try again or write it to a file of the person's choosing, and is printed
when it cannot be kept any other way; when the output is closed mid-session
(``| head``) the answer being typed is saved as a draft and the run ends
with one line saying why.

Everything about the sitting itself (interview or practice, what comes
after an answer, which stories a peek shows) is the
:class:`~mockview.practice.driver.SessionDriver`'s; this module only prints
and reads.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from mockview.analysis.report import format_report
from mockview.errors import MockviewError
from mockview.files import os_error_text, write_atomically
from mockview.practice.draft_saving import saving_drafts
from mockview.practice.driver import AnswerNotStored, Progress, SessionDriver, Step
from mockview.practice.engine import AnswerResult, PlannedQuestion
from mockview.practice.report_card import format_report_card
from mockview.practice.terminal_lines import TerminalLines
from mockview.store.drafts import discard, recovered_drafts
from mockview.store.redrill import Rating
from mockview.text import ShownStream, clock

if TYPE_CHECKING:
    from mockview.prep.reflection import Reflection

END_OF_ANSWER = "."
HINT = "?"
STORY = "??"
RATING_WORDS = {"1": Rating.AGAIN, "2": Rating.HARD, "3": Rating.GOOD, "4": Rating.EASY,
                "again": Rating.AGAIN, "hard": Rating.HARD, "good": Rating.GOOD, "easy": Rating.EASY}


class PlainFrontEnd:
    """Drives a :class:`SessionDriver` (practice, re-drill or mock interview) over text streams."""

    def __init__(
        self,
        driver: SessionDriver,
        *,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        interactive: bool | None = None,
        stderr: TextIO | None = None,
    ) -> None:
        self.driver = driver
        # The streams of the moment it runs (default None, not sys.stdin): a
        # default argument would be bound once, at import, and miss any later
        # replacement of sys.stdin/sys.stdout (redirect_stdout, a test's capture).
        stdin = sys.stdin if stdin is None else stdin
        stdout = sys.stdout if stdout is None else stdout
        self.stdin = stdin
        self.stdout = cast(TextIO, ShownStream(stdout or sys.stdout))
        """Written through :func:`mockview.text.shown`: an escape sequence in an answer or a
        question is shown, never obeyed."""
        self.stderr = cast(TextIO, ShownStream(stderr or sys.stderr))
        self._draft_problem: str | None = None
        self._stopped: str | None = None
        """Why the sitting stopped early (the history cannot take answers): the run ends with 1."""
        self.interactive = stdin.isatty() if interactive is None else interactive
        _replace_undecodable_input(stdin)
        self.terminal = TerminalLines.for_stream(stdin, self.stdout) if self.interactive else None
        """Key-by-key input at a real terminal, so an unfinished line can be saved; else ``None``."""
        self._readline: Callable[[], str] = self.terminal.readline if self.terminal else stdin.readline
        self._typing: tuple[PlannedQuestion, list[str]] | None = None
        """The question being answered and its finished lines, for the draft saver."""
        self._noted = ""
        driver.timed = self.interactive
        self._input_ended = False

    def say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    # --- the whole run ------------------------------------------------------

    def run(self) -> int:
        try:
            return self._run()
        except BrokenPipeError:
            typing = self._output_closed()
            kept = ("the answer being typed is kept as a draft and offered back next time" if typing
                    else "every answer given is stored")
            raise MockviewError(f"stopped: the output was closed (a pipe into head?); {kept}") from None

    def _run(self) -> int:
        with self._keystrokes():
            if not self.opening():
                return 0
            with saving_drafts(_ReportingDrafts(self), self._note_typing):
                while not self.driver.finished and not self._input_ended and self._stopped is None:
                    self.ask()
            if self._stopped is not None:
                self.warn(self._stopped)
                self.driver.abandon()
                return 1
            left = self.driver.questions_left
            if left:
                self.say(f"Input ended; {left} question{'s' if left != 1 else ''} left unasked.")
            if self.driver.is_interview:
                self.close_interview()
            else:
                self.close_practice()
        return 0

    def warn(self, message: str) -> None:
        """One line on stderr, apart from the questions and feedback on stdout."""
        self.stderr.write(f"mockview: {message}\n")
        self.stderr.flush()

    def _output_closed(self) -> bool:
        """The reader of stdout has gone: keep what is typed, end the sitting, write nothing more there.

        Returns whether an answer was being typed (and is now a draft).
        """
        self._note_typing()
        self.driver.save_draft()
        typing = self._typing is not None or bool(self.driver.keeper.path.exists())
        self.driver.abandon()
        _silence(self.stdout)
        return typing

    def opening(self) -> bool:
        """What comes before the first question; False when there is nothing to ask."""
        if self.driver.is_interview:
            self.say("Mock interview: no feedback until the end. A line with just '.' ends each answer; "
                     "an empty answer skips.")
            return True
        self.offer_recovered_drafts()
        if self.driver.finished:
            self.say("No questions to ask.")
            return False
        return True

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
            self.driver.abandon()
            self.print_unsaved()
            raise

    def ask(self) -> None:
        prefill = self.driver.prefill
        planned = self.driver.begin()
        self.show_question(planned, self.driver.progress(), prefill)
        answer = self.read_answer(planned, prefill)
        if answer is None:
            self.driver.pause()
            return
        result = self.store(answer)
        if result is None:
            return
        if self.driver.after_answer() is Step.FEEDBACK:
            self.report(result)
            skipped = not result.analysis["delivery"]["words"]
            if self.interactive and not self._input_ended and not skipped:
                # A skip is an Again by definition: asking for a rating would only invite a wrong one.
                self.ask_rating(result)

    def show_question(self, planned: PlannedQuestion, progress: Progress, prefill: str) -> None:
        self.say("")
        if self.driver.is_interview:
            if planned.parent_attempt is not None:
                self.say(f"Interviewer: {planned.text}")
                return
            self.say(f"Question {progress.number} of {progress.total} | "
                     f"{clock(self.driver.interview_seconds)} into the interview | "
                     f"{clock(planned.time_limit)} on the clock")
            self.say(planned.text)
            return
        self.say(self.header(planned, progress))
        self.say(planned.text)
        if planned.note:
            self.say(f"({planned.note})")
        if progress.number == 1 or prefill:
            self.say(f"Type your answer. A line with just '{END_OF_ANSWER}' submits it, "
                     f"'{HINT}' shows a hint, '{STORY}' a story of yours that fits; an empty answer skips.")
        if prefill:
            self.say("Your answer so far:")
            for line in prefill.splitlines():
                self.say(f"  {line}")

    def header(self, planned: PlannedQuestion, progress: Progress) -> str:
        parts = [str(progress), planned.question.full_id]
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
                self.driver.save_draft()
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
            if self.driver.helps and text.strip() == HINT:
                tip = self.driver.hint()
                self.say(f"Hint: {tip}" if tip else "No hints for this question.")
                continue
            if self.driver.helps and text.strip() == STORY:
                self.peek_stories()
                continue
            lines.append(text)
            self.driver.note_answer("\n".join(lines), planned)
            self.report_draft_problem()
        return "\n".join(lines).strip("\n")

    def store(self, answer: str) -> AnswerResult | None:
        """Submit the answer; if the history cannot take it, keep it and say where it can still go.

        At a terminal the person can try again (once there is room, say) or
        write the answer to a file; otherwise, or when they stop, the sitting
        ends with exit code 1, the answer kept as a draft, or printed when
        even that failed.
        """
        while True:
            try:
                return self.driver.submit(answer)
            except AnswerNotStored as failure:
                self.warn(str(failure))
                if not self.interactive or self._input_ended:
                    if not failure.draft_kept:
                        self.print_answer(answer)
                    self._stopped = "stopped: the history cannot store answers now; see the line above"
                    return None
                if not self._offer_another_place(answer):
                    if not failure.draft_kept:
                        self.print_answer(answer)
                    self._stopped = "stopped before the answer could be stored"
                    return None

    def _offer_another_place(self, answer: str) -> bool:
        """True to try storing again; False to stop. A file name writes the answer there first."""
        while True:
            self.stdout.write("Enter tries again; a file name writes your answer there; q stops: ")
            self.stdout.flush()
            reply = self._readline()
            if reply == "":
                self._input_ended = True
                return False
            choice = reply.strip()
            if not choice:
                return True
            if choice.lower() == "q":
                return False
            target = Path(choice).expanduser()
            try:
                write_atomically(target, answer + "\n", shared=True)
            except OSError as error:
                self.say(f"Cannot write {target}: {os_error_text(error)}.")
                continue
            self.say(f"Wrote your answer to {target}.")

    def print_answer(self, answer: str) -> None:
        """The last place an answer can go when nothing can be written: the screen."""
        self.say("")
        self.say("Your answer, printed here because it could not be saved anywhere:")
        for line in answer.splitlines():
            self.say(f"  {line}")

    def print_unsaved(self) -> None:
        """On the way out: an answer only in memory (its draft failed) is printed, not lost."""
        try:
            unsaved = self.driver.unsaved_answer
            if unsaved:
                self.print_answer(unsaved)
        except (OSError, ValueError):
            pass  # the output is gone too

    def report_draft_problem(self) -> None:
        """Say once that the draft cannot be written (and once that it can again)."""
        problem = self.driver.draft_problem
        if problem == self._draft_problem:
            return
        self._draft_problem = problem
        if problem is not None:
            self.warn(f"{problem}; your answer is kept in memory, saved as soon as there is room, "
                      "and printed if it cannot be stored")
        else:
            self.warn("your draft is saved again")

    def peek_stories(self) -> None:
        """Show the person's own stories that fit the question (the driver records the peek)."""
        peek = self.driver.peek_stories()
        if peek.problem:
            self.say(f"Your story bank has problems: {peek.problem}")
            return
        if not peek.stories:
            self.say("No story in your story bank fits this question (see: mockview stories).")
            return
        for story in peek.stories:
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
        self.say("Re-drill: " + result.change.describe(self.driver.clock.now()) + ".")
        if result.change.leech:
            from mockview.store.redrill import LEECH_TIP

            self.say(LEECH_TIP.format(fumbles=result.change.fumbles))
        variant = self.driver.another_way(result)
        if variant is not None:
            self.say(f"The same question, asked another way: \"{variant.text}\" "
                     f"(drill it with: mockview practice --question {variant.question.full_id})")

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
        change = self.driver.rate(result.attempt_id, choice)
        if change is not None:
            self.say("Re-drill: " + change.describe(self.driver.clock.now()) + ".")

    # --- the end -----------------------------------------------------------------

    def close_practice(self) -> None:
        summary = self.driver.summary()
        reflection = None
        if summary.answered or summary.skipped:
            self.say("")
            average = f"{summary.average_score:.0f}" if summary.average_score is not None else "-"
            self.say(f"Session done: {summary.answered} answered, {summary.skipped} skipped, "
                     f"average score {average}, "
                     f"total time {clock(summary.total_seconds)}.")
            for text, where in summary.fumbled:
                self.say(f"  Fumbled: {text} (now {where})")
            if self.interactive and not self._input_ended:
                reflection = self.ask_reflection()
        self.driver.finish(reflection)

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

    def close_interview(self) -> None:
        card = self.driver.report_card()
        self.say("")
        self.stdout.write(format_report_card(card))
        self.stdout.flush()
        reflection = self.ask_interview_reflection() if self.interactive and not self._input_ended else None
        self.driver.finish(reflection.to_json() if reflection and not reflection.empty else None)

    def ask_interview_reflection(self) -> Reflection:
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

    # --- drafts -----------------------------------------------------------------

    def offer_recovered_drafts(self) -> None:
        for draft in recovered_drafts(self.driver.data_dir):
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
                self.driver.take_draft(draft)

    def _note_typing(self) -> None:
        """Hand the driver what is typed so far, the unfinished line at a terminal included."""
        typing = self._typing
        if typing is None or self.terminal is None:
            return
        planned, lines = typing
        text = "\n".join([*list(lines), self.terminal.unread])
        if text != self._noted:
            self._noted = text
            self.driver.note_answer(text, planned)


class _ReportingDrafts:
    """The driver's draft saving, for the background saver, reporting a full disk as it happens."""

    def __init__(self, front_end: PlainFrontEnd) -> None:
        self.front_end = front_end

    def save_draft(self) -> None:
        self.front_end.driver.save_draft()

    def save_draft_if_due(self) -> None:
        self.front_end.driver.save_draft_if_due()
        self.front_end.report_draft_problem()


def _silence(stream: TextIO) -> None:
    """Point the closed output at /dev/null, so the exit's own flush does not fail on it again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's stream): nothing to point
        pass


def _replace_undecodable_input(stream: TextIO) -> None:
    """Bytes that are not UTF-8 become U+FFFD instead of stopping the run (and losing the answer)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    try:
        reconfigure(errors="replace")
    except (ValueError, OSError):
        pass
