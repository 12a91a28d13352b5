"""Asking for feedback a week after an interview: the drafted request, to copy, and the reminder to dismiss.

Opened from home's reminder (``a``) and from the debriefs (``a``). The
message is drafted from the debrief (see :mod:`mockview.prep.followup`);
the person copies it into an email, and dismisses the reminder once sent,
or attaches the reply when it comes, which clears the reminder too.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from mockview.tui.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from mockview.clock import local_day
from mockview.prep.followup import ANSWERED, DISMISSED, WAITING, FollowUp, Request, follow_up, request_message
from mockview.tui.clipboard import copy_text
from mockview.tui.services import Services
from mockview.tui.widgets.binding_button import button_for
from mockview.tui.workers import deliver


@dataclass(frozen=True)
class Drafted:
    state: FollowUp | None
    request: Request | None
    problem: str = ""


class FollowUpScreen(ModalScreen[bool]):
    """The request for one debrief; dismissed with True when the reminder was cleared."""

    BINDINGS = [
        Binding("c", "copy", "Copy", id="follow-up-copy", tooltip="Copy the message to the clipboard"),
        Binding("d", "dismiss_reminder", "Dismiss reminder", id="follow-up-dismiss",
                tooltip="You sent it, or will not ask: no more reminders"),
        Binding("f", "feedback", "They replied", id="follow-up-feedback",
                tooltip="Attach the feedback they sent; that clears the reminder too"),
        Binding("escape", "close", "Close", id="follow-up-close", tooltip="Close; the reminder stays"),
    ]

    def __init__(self, services: Services, debrief_id: int) -> None:
        super().__init__()
        self.services = services
        self.debrief_id = debrief_id
        self.drafted = Drafted(None, None)

    def compose(self) -> ComposeResult:
        with Vertical(id="follow-up-dialog"):
            yield Static(Content("Ask for feedback").stylize("bold"), id="follow-up-title")
            yield Static(id="follow-up-state")
            with VerticalScroll(id="follow-up-scroll"):
                yield Static(id="follow-up-message")
            with Horizontal(classes="buttons"):
                yield button_for(self, "follow-up-copy", id="copy", variant="primary")
                yield button_for(self, "follow-up-dismiss", id="dismiss-reminder")
                yield button_for(self, "follow-up-feedback", id="replied")
                yield button_for(self, "follow-up-close", id="close")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="follow-up")
    def load(self) -> None:
        services = self.services
        with services.reading() as history:
            row = history.debrief(self.debrief_id)
        if row is None:
            drafted = Drafted(None, None, f"There is no debrief {self.debrief_id}.")
        else:
            state = follow_up(row, local_day(services.clock.now()))
            drafted = Drafted(state, request_message(row) if state is not None else None,
                              "" if state is not None else
                              f"The interview at {row.company} ended with the outcome '{row.outcome}': "
                              "a feedback request is for a rejection, or no answer yet.")
        deliver(self, self.show, drafted)

    def show(self, drafted: Drafted) -> None:
        self.drafted = drafted
        state, request = drafted.state, drafted.request
        if state is None or request is None:
            self.query_one("#follow-up-state", Static).update(Content(drafted.problem))
            self.query_one("#follow-up-scroll").display = False
            return
        self.query_one("#follow-up-title", Static).update(Content(f"Ask {state.company} for feedback").stylize("bold"))
        when = f"{state.due:%a} {state.due.day} {state.due:%b}"
        line = {
            WAITING: f"Due on {when}, a week after the interview; sending it earlier is fine too.",
            ANSWERED: "Their feedback is attached already; this is the request as it would have been.",
            DISMISSED: "You dismissed this reminder; the draft is here all the same.",
        }.get(state.state, "It has been a week. Adjust this, send it to the recruiter or your interviewer, "
                           "then dismiss the reminder (d).")
        self.query_one("#follow-up-state", Static).update(Content.assemble(
            (state.headline(), "bold"), "\n", (line, "$text-muted")))
        self.query_one("#follow-up-message", Static).update(Content(request.text.rstrip()))

    def action_copy(self) -> None:
        if self.drafted.request is None:
            return
        copied = copy_text(self.app, self.drafted.request.text,
                           f"run: mockview debrief followup {self.debrief_id}")
        self.notify(copied.notice, title="Feedback request", timeout=10 if copied.by_tool else 15)

    def action_dismiss_reminder(self) -> None:
        state = self.drafted.state
        if state is None:
            return
        if self.services.dismiss_follow_up(self.debrief_id):
            self.notify(f"No more reminders to ask {state.company} for feedback.", title="Follow-up")
        self.dismiss(True)

    def action_feedback(self) -> None:
        from mockview.tui.screens.debriefs import FeedbackFormScreen

        def attach(feedback: tuple[str, list[str]] | None) -> None:
            if feedback is None:
                return
            text, focus = feedback
            self.services.add_feedback(self.debrief_id, text, focus)
            self.notify("Feedback attached to the debrief; the reminder is cleared.", title="Follow-up")
            self.dismiss(True)

        if self.drafted.state is not None:
            self.app.push_screen(FeedbackFormScreen(self.services), attach)

    def action_close(self) -> None:
        self.dismiss(False)
