"""The real `mockview` command in a real terminal (tmux): type, submit, read the feedback."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.helpers import wait_until

pytestmark = pytest.mark.tmux

ANSWER = ("At my last job our release kept slipping, so I split the work into weekly milestones "
          "and I paired with the newest developer. As a result we shipped two days early.")


def mockview_command() -> str:
    script = Path(sys.executable).with_name("mockview")
    return str(script) if script.exists() else f"{shlex.quote(sys.executable)} -m mockview"


class Terminal:
    """A tmux session on its own server socket, so tests never touch a user's tmux."""

    def __init__(self, command: str, env: dict[str, str]) -> None:
        self.socket = f"mockview-test-{uuid.uuid4().hex[:8]}"
        self.session = "mv"
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        self.tmux("new-session", "-d", "-s", self.session, "-x", "100", "-y", "32",
                  f"env {exports} TERM=xterm-256color {command}; sleep 30")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, *texts: str, timeout: float = 20) -> str:
        """The screen, once every one of ``texts`` is on it (it redraws in pieces)."""
        def showing() -> str | None:
            shown = self.screen()
            return shown if all(text in shown for text in texts) else None

        try:
            return wait_until(showing, timeout=timeout, what=f"{texts!r} on the screen", interval=0.1)
        except AssertionError:
            raise AssertionError(f"{texts!r} never all appeared; the screen shows:\n{self.screen()}") from None

    def running(self) -> str:
        """The command in the foreground of the pane (``sleep`` once mockview has ended)."""
        return self.tmux("display-message", "-p", "-t", self.session, "#{pane_current_command}").strip()

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")
def test_practice_in_a_real_terminal(mockview_home: Path, run_cli) -> None:
    env = {"MOCKVIEW_HOME": str(mockview_home), "PATH": os.environ.get("PATH", "")}
    terminal = Terminal(f"{mockview_command()} practice --bank star --count 1 --seed 1", env)
    try:
        terminal.wait_for("Question 1 of 1")
        terminal.type(ANSWER)
        terminal.wait_for("31 words (target 150-350)")
        terminal.keys("C-s")
        feedback = terminal.wait_for("Rate yourself", "Score ", "Colours:", "Rubric:")
        assert "two days early" in feedback
        terminal.keys("n")
        terminal.wait_for("Session done: 1 answer")
        terminal.keys("Escape")
        terminal.wait_for("Re-drills due")
        terminal.keys("C-q")
        # mockview ends by itself; only then is the terminal closed (closing it first would hang
        # up on a mockview still running, which is not what this test is about).
        wait_until(lambda: terminal.running() == "sleep", what="mockview to quit", interval=0.1)
    finally:
        terminal.close()
    history = json.loads(run_cli("history", "--json").stdout)
    assert len(history) == 1
    assert history[0]["answer"] == ANSWER
    assert history[0]["question_id"].startswith("star/")
