"""Answer one question against the clock."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Static, TextArea

from mockview.analysis.delivery import SPEAKING_WPM
from mockview.analysis.sentences import WORD
from mockview.practice.driver import AnswerNotStored, SessionDriver
from mockview.practice.engine import AnswerResult
from mockview.text import clock, plural, shown
from mockview.tui.content import Content
from mockview.tui.messages import AnswerSubmitted
from mockview.tui.screens.form import clear_passing_notices
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import binding_label, button_for, find_binding
from mockview.tui.widgets.countdown import Countdown
from mockview.tui.widgets.footer import Footer

TICK_SECONDS = 0.25


class QuestionScreen(Screen[None]):
    """The question (shown literally), the clock, and the answer area.

    The answer is saved as a draft while typing (at most every two seconds)
    and at once on pause, quit and signals; the clock keeps running into
    overtime rather than cutting the answer off. When the draft cannot be
    written or the history cannot store the answer (a full disk, a
    read-only or locked history), the answer stays here, a notice says so
    once, Ctrl+S tries again and Ctrl+F writes it to a file.
    """

    BINDINGS = [
        # Not a priority binding: those run as the key arrives, before the answer box has taken in the
        # keys typed just before it, and a fast typist's last words were lost. This one reaches the
        # screen through the box, after them.
        Binding("ctrl+s", "submit", "Submit", id="question-submit",
                tooltip="Submit the answer and see the feedback"),
        Binding("ctrl+t", "hint", "Hint", id="question-hint", tooltip="Show the next tip for this question (recorded)"),
        Binding("ctrl+o", "peek_story", "Story", id="question-story",
                tooltip="Peek at a story of yours that fits this question (recorded)"),
        Binding("escape", "pause", "Pause", id="question-pause", tooltip="Stop the clock; press again to go on"),
        Binding("escape", "resume", "Resume", id="question-resume", tooltip="Start the clock again"),
        Binding("ctrl+n", "skip", "Skip", id="question-skip", tooltip="Skip this question (counts as fumbled)"),
        Binding("ctrl+f", "save_copy", "Copy to file", id="question-copy", show=False,
                tooltip="Write the answer to a file you choose (when the disk or the history cannot take it)"),
    ]

    def __init__(self, services: Services, driver: SessionDriver) -> None:
        super().__init__()
        self.services = services
        self.driver = driver
        planned = driver.current
        if planned is None:
            raise ValueError("the sitting has no question left to ask")
        self.planned = planned
        self.paused = False
        self._told_paused = False
        self.answered = False
        """Submitted or skipped: the app is moving on, and a second Ctrl+S must not answer the next question."""
        self._draft_problem: str | None = None

    def meta_line(self) -> str:
        question = self.planned.question
        progress = self.driver.progress()
        if self.driver.is_interview:
            role = {"warm-up": "warm-up", "closing": "closing"}.get(self.planned.note, "")
            meta = [f"Interview question {progress.number} of {progress.total}"] + ([role] if role else [])
            return "  ·  ".join(meta)
        meta = [str(progress), question.full_id]
        if question.category:
            meta.append(question.category)
        if question.tags:
            meta.append(", ".join(question.tags))
        return "  ·  ".join(meta)

    def compose(self) -> ComposeResult:
        planned = self.planned
        helps = self.driver.helps
        yield Header()
        with Vertical(id="question-body"):
            yield Static(Content(self.meta_line()), id="question-meta")
            if planned.parent_attempt is not None:
                yield Static(Content("The interviewer follows up:"), id="question-note")
            elif planned.note and helps:
                yield Static(Content(planned.note), id="question-note")
            yield Static(Content(planned.text), id="question-text")
            with Horizontal(id="clocks"):
                yield Countdown(planned.time_limit, id="countdown")
                if self.driver.is_interview:
                    yield Static(id="interview-clock")
            yield Static(id="hint-text")
            yield TextArea(shown(self.driver.prefill), soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                           id="answer", placeholder="Type your answer. Ctrl+S submits.")
            if helps:
                yield Static(id="answer-stats")  # a live word target is feedback, held back in an interview
            with Horizontal(classes="buttons"):
                yield button_for(self, "question-submit", id="submit", variant="primary")
                if helps:
                    yield button_for(self, "question-hint", id="hint")
                    yield button_for(self, "question-story", id="story")
                yield button_for(self, "question-pause", id="pause", action="toggle_pause")
                yield button_for(self, "question-skip", id="skip", variant="warning")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("hint", "peek_story") and not self.driver.helps:
            return False  # no help in a mock interview: shown neither in the footer nor by the key
        if action == "pause" and self.paused or action == "resume" and not self.paused:
            return False  # escape does one or the other; the footer names the one it does now
        return True

    def on_mount(self) -> None:
        clear_passing_notices(self)
        self.driver.begin()
        area = self.query_one("#answer", TextArea)
        area.cursor_blink = self.services.cursor_blink
        area.move_cursor(area.document.end)
        area.focus()
        self.query_one("#hint-text").display = False
        self.show_answer_stats()
        self.tick()
        self.set_interval(TICK_SECONDS, self.tick)

    @property
    def answer_text(self) -> str:
        return self.query_one("#answer", TextArea).text

    def tick(self) -> None:
        """Move the clock on, and save the draft if two seconds have passed."""
        self.query_one(Countdown).elapsed = self.driver.question_seconds
        if self.driver.is_interview:
            self.query_one("#interview-clock", Static).update(
                Content(f"Interview {clock(self.driver.interview_seconds)}"))
        self.driver.save_draft_if_due()
        self.report_draft_problem()

    def report_draft_problem(self) -> None:
        """Say once that the draft cannot be written, and once that it is written again."""
        problem = self.driver.draft_problem
        if problem == self._draft_problem:
            return
        self._draft_problem = problem
        if problem is not None:
            self.notify(f"{problem}. Your answer is kept here and saved as soon as there is room; "
                        "Ctrl+F writes it to a file of your choosing, and it is printed if you quit.",
                        title="Not saved", severity="error", timeout=30)
        else:
            self.notify("Your draft is saved again.", title="Saved")

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.show_answer_stats()
        if not self.answered:
            self.driver.note_answer(event.text_area.text, self.planned)

    def show_answer_stats(self) -> None:
        if not self.driver.helps:
            return
        words = len(WORD.findall(self.answer_text))
        low, high = self.planned.question.words
        speaking = clock(words / SPEAKING_WPM * 60)
        hints = self.driver.hints_used
        text = f"{plural(words, 'word')} (target {low}-{high}), about {speaking} to say"
        if hints:
            text += f"  ·  {plural(hints, 'hint')} used"
        if self.driver.stories_peeked:
            text += f"  ·  {plural(self.driver.stories_peeked, 'story', 'stories')} peeked at"
        self.query_one("#answer-stats", Static).update(Content(text))

    def keep_draft(self) -> None:
        if not self.answered:
            self.driver.keep_answer(self.answer_text)

    # --- actions -------------------------------------------------------------

    def action_submit(self) -> None:
        if self.answered:
            return
        if self.paused:
            self.action_toggle_pause()
        try:
            result = self.driver.submit(self.answer_text)
        except AnswerNotStored as failure:
            self.report_draft_problem()
            self.notify(f"{failure}. It stays here: Ctrl+S tries again, Ctrl+F writes it to a file.",
                        title="Answer not stored", severity="error", timeout=30)
            return
        self._answered(result)

    def action_save_copy(self) -> None:
        from mockview.tui.screens.save_copy import SaveCopyScreen, suggested_path

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Wrote your answer to {path}.", title="Copy saved")
            self.query_one("#answer", TextArea).focus()

        self.app.push_screen(SaveCopyScreen(self.answer_text, suggested_path(self.driver.clock.now())), written)

    def _answered(self, result: AnswerResult) -> None:
        self.answered = True
        self.post_message(AnswerSubmitted(result))

    def action_hint(self) -> None:
        tip = self.driver.hint()
        hint = self.query_one("#hint-text", Static)
        hint.display = True
        if tip is None:
            hint.update(Content("No hints for this question."))
        else:
            shown = self.driver.hints_used
            total = len(self.planned.question.tips)
            hint.update(Content(f"Hint {shown} of {total}: {tip}"))
        self.show_answer_stats()

    def action_peek_story(self) -> None:
        from mockview.tui.screens.stories import StoryPeekScreen

        self.keep_draft()
        self.app.push_screen(StoryPeekScreen(self.driver.peek_stories()), lambda _: self.after_peek())

    def after_peek(self) -> None:
        self.show_answer_stats()
        self.query_one("#answer", TextArea).focus()

    def action_pause(self) -> None:
        self.action_toggle_pause()

    def action_resume(self) -> None:
        self.action_toggle_pause()

    def on_key(self, event: events.Key) -> None:
        """Typing while paused goes nowhere, as the clock: say so once, rather than drop the keys in silence."""
        if self.paused and event.is_printable and not self._told_paused:
            self._told_paused = True
            self.notify("Paused: the answer waits with the clock. Press Esc to go on typing.", timeout=6)

    def action_toggle_pause(self) -> None:
        area = self.query_one("#answer", TextArea)
        countdown = self.query_one(Countdown)
        self.paused = not self.paused
        self._told_paused = False
        if self.paused:
            self.driver.pause()
            self.keep_draft()
            area.disabled = True
        else:
            self.driver.resume()
            area.disabled = False
            area.focus()
        countdown.paused = self.paused
        shown = "question-resume" if self.paused else "question-pause"
        self.query_one("#pause", Button).label = binding_label(self.app, find_binding(self.BINDINGS, shown))
        self.refresh_bindings()
        self.tick()

    def action_skip(self) -> None:
        from mockview.tui.screens.confirm import ConfirmScreen

        if self.answered:
            return
        if not self.answer_text.strip():
            self._skip(True)
            return
        self.app.push_screen(
            ConfirmScreen("Skip this question?", "The skip counts as fumbled, and what you typed here is discarded.",
                          yes="Skip", no="Keep answering"),
            self._skip,
        )

    def _skip(self, confirmed: bool | None) -> None:
        if confirmed and not self.answered:
            try:
                result = self.driver.skip()
            except AnswerNotStored as failure:
                self.notify(str(failure), title="Skip not stored", severity="error", timeout=30)
                return
            self._answered(result)
