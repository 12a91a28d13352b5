"""Answer one question against the clock."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static, TextArea

from mockview.analysis.delivery import SPEAKING_WPM
from mockview.analysis.sentences import WORD
from mockview.practice.engine import PracticeSession
from mockview.practice.interview import Interview
from mockview.text import clock, plural
from mockview.tui.widgets.countdown import Countdown

TICK_SECONDS = 0.25


class QuestionScreen(Screen[None]):
    """The question (shown literally), the clock, and the answer area.

    The answer is saved as a draft while typing (at most every two seconds)
    and at once on pause, quit and signals; the clock keeps running into
    overtime rather than cutting the answer off.
    """

    BINDINGS = [
        Binding("ctrl+s", "submit", "Submit", id="question-submit", priority=True,
                tooltip="Submit the answer and see the feedback"),
        Binding("ctrl+t", "hint", "Hint", id="question-hint", tooltip="Show the next tip for this question (recorded)"),
        Binding("ctrl+o", "peek_story", "Story", id="question-story",
                tooltip="Peek at a story of yours that fits this question (recorded)"),
        Binding("escape", "pause", "Pause", id="question-pause", tooltip="Stop the clock; press again to go on"),
        Binding("escape", "resume", "Resume", id="question-resume", tooltip="Start the clock again"),
        Binding("ctrl+n", "skip", "Skip", id="question-skip", tooltip="Skip this question (counts as fumbled)"),
    ]

    def __init__(
        self,
        session: PracticeSession,
        *,
        prefill: str = "",
        spent: float = 0.0,
        interview: Interview | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.interview = interview
        self.prefill = prefill
        self.spent = spent
        self.planned = session.current
        assert self.planned is not None
        self.paused = False

    def meta_line(self) -> str:
        question = self.planned.question
        if self.interview is not None:
            plan = self.session.plan
            main = sum(1 for p in plan if p.parent_attempt is None)
            number = sum(1 for p in plan[: self.session.index + 1] if p.parent_attempt is None)
            role = {"warm-up": "warm-up", "closing": "closing"}.get(self.planned.note, "")
            meta = [f"Interview question {number} of {main}"] + ([role] if role else [])
            return "  ·  ".join(meta)
        meta = [f"Question {self.session.index + 1} of {len(self.session.plan)}", question.full_id]
        if question.category:
            meta.append(question.category)
        if question.tags:
            meta.append(", ".join(question.tags))
        return "  ·  ".join(meta)

    def compose(self) -> ComposeResult:
        planned = self.planned
        yield Header()
        with Vertical(id="question-body"):
            yield Static(Content(self.meta_line()), id="question-meta")
            if planned.parent_attempt is not None:
                yield Static(Content("The interviewer follows up:"), id="question-note")
            elif planned.note and self.interview is None:
                yield Static(Content(planned.note), id="question-note")
            yield Static(Content(planned.text), id="question-text")
            with Horizontal(id="clocks"):
                yield Countdown(planned.time_limit, id="countdown")
                if self.interview is not None:
                    yield Static(id="interview-clock")
            yield Static(id="hint-text")
            yield TextArea(self.prefill, soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                           id="answer", placeholder="Type your answer. Ctrl+S submits.")
            if self.interview is None:
                yield Static(id="answer-stats")  # a live word target is feedback, held back in an interview
            with Horizontal(classes="buttons"):
                yield Button("Submit (^s)", id="submit", variant="primary", compact=True)
                if self.interview is None:
                    yield Button("Hint (^t)", id="hint", compact=True)
                    yield Button("Story (^o)", id="story", compact=True)
                yield Button("Pause (esc)", id="pause", compact=True)
                yield Button("Skip (^n)", id="skip", variant="warning", compact=True)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("hint", "peek_story") and self.interview is not None:
            return False  # no help in a mock interview: shown neither in the footer nor by the key
        if action == "pause" and self.paused or action == "resume" and not self.paused:
            return False  # escape does one or the other; the footer names the one it does now
        return True

    def on_mount(self) -> None:
        if self.interview is not None:
            self.interview.begin_question(already_spent=self.spent)
        else:
            self.session.begin_question(already_spent=self.spent)
        area = self.query_one("#answer", TextArea)
        area.cursor_blink = self.app.cursor_blink
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
        self.query_one(Countdown).elapsed = self.session.stopwatch.elapsed
        if self.interview is not None:
            self.query_one("#interview-clock", Static).update(Content(f"Interview {clock(self.interview.elapsed)}"))
        if self.app.keeper is not None:
            self.app.keeper.flush_if_due(now=self.app.clock.now())

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.show_answer_stats()
        if self.app.keeper is not None:
            self.app.keeper.update(self.planned.snapshot, event.text_area.text, self.session.stopwatch.elapsed,
                                   now=self.app.clock.now())

    def show_answer_stats(self) -> None:
        if self.interview is not None:
            return
        words = len(WORD.findall(self.answer_text))
        low, high = self.planned.question.words
        speaking = clock(words / SPEAKING_WPM * 60)
        hints = len(self.session.hints_used)
        text = f"{plural(words, 'word')} (target {low}-{high}), about {speaking} to say"
        if hints:
            text += f"  ·  {plural(hints, 'hint')} used"
        if self.session.stories_peeked:
            text += f"  ·  {plural(len(self.session.stories_peeked), 'story', 'stories')} peeked at"
        self.query_one("#answer-stats", Static).update(Content(text))

    def keep_draft(self) -> None:
        if self.app.keeper is not None:
            self.app.keeper.update(self.planned.snapshot, self.answer_text, self.session.stopwatch.elapsed,
                                   now=self.app.clock.now())
            self.app.keeper.flush(now=self.app.clock.now())

    # --- actions -------------------------------------------------------------

    def action_submit(self) -> None:
        if self.paused:
            self.action_toggle_pause()
        if self.interview is not None:
            self.interview.answer(self.answer_text)
            if self.app.keeper is not None:
                self.app.keeper.clear()
            self.app.after_interview_answer()
            return
        result = self.session.submit(self.answer_text)
        if self.app.keeper is not None:
            self.app.keeper.clear()
        self.app.show_feedback(result)

    def action_hint(self) -> None:
        tip = self.session.hint()
        hint = self.query_one("#hint-text", Static)
        hint.display = True
        if tip is None:
            hint.update(Content("No hints for this question."))
        else:
            shown = len(self.session.hints_used)
            total = len(self.planned.question.tips)
            hint.update(Content(f"Hint {shown} of {total}: {tip}"))
        self.show_answer_stats()

    def action_peek_story(self) -> None:
        from mockview.tui.screens.stories import StoryPeekScreen

        self.keep_draft()
        self.app.push_screen(StoryPeekScreen(self.session), lambda _: self.after_peek())

    def after_peek(self) -> None:
        self.show_answer_stats()
        self.query_one("#answer", TextArea).focus()

    def action_pause(self) -> None:
        self.action_toggle_pause()

    def action_resume(self) -> None:
        self.action_toggle_pause()

    def action_toggle_pause(self) -> None:
        area = self.query_one("#answer", TextArea)
        countdown = self.query_one(Countdown)
        self.paused = not self.paused
        timer = self.interview if self.interview is not None else self.session
        if self.paused:
            timer.pause()
            self.keep_draft()
            area.disabled = True
        else:
            timer.resume()
            area.disabled = False
            area.focus()
        countdown.paused = self.paused
        self.query_one("#pause", Button).label = "Resume (esc)" if self.paused else "Pause (esc)"
        self.refresh_bindings()
        self.tick()

    def action_skip(self) -> None:
        from mockview.tui.screens.confirm import ConfirmScreen

        if not self.answer_text.strip():
            self._skip(True)
            return
        self.app.push_screen(
            ConfirmScreen("Skip this question?", "The skip counts as fumbled, and what you typed here is discarded.",
                          yes="Skip", no="Keep answering"),
            self._skip,
        )

    def _skip(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        if self.interview is not None:
            self.interview.skip()
            if self.app.keeper is not None:
                self.app.keeper.clear()
            self.app.after_interview_answer()
            return
        result = self.session.skip()
        if self.app.keeper is not None:
            self.app.keeper.clear()
        self.app.show_feedback(result)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {
            "submit": self.action_submit,
            "hint": self.action_hint,
            "story": self.action_peek_story,
            "pause": self.action_toggle_pause,
            "skip": self.action_skip,
        }[event.button.id or ""]()
