"""Copying text to the clipboard from a terminal app, as well as the terminal allows.

A terminal app has two ways to reach the clipboard, and neither always
works: the system's own tool (``pbcopy``, ``wl-copy``, ``xclip``, ``xsel``,
``clip.exe``), which needs a desktop session, and the OSC 52 escape sequence
Textual sends, which many terminals ignore (or refuse over SSH) without a
word. So the tool is tried first and its success is known; otherwise the
sequence is sent and the person is told how to get the text if nothing
arrives. The caller shows the returned notice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

from textual.app import App

TOOL_TIMEOUT_SECONDS = 3.0


@dataclass(frozen=True, slots=True)
class Copied:
    """How the text was copied, and what to tell the person."""

    by_tool: bool
    """True when a clipboard tool took the text: it is on the clipboard for certain."""
    notice: str


def clipboard_tools() -> list[list[str]]:
    """The clipboard commands that can work here, most likely first (found on ``PATH``)."""
    candidates: list[list[str]] = []
    if sys.platform == "darwin":
        candidates.append(["pbcopy"])
    if os.environ.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    candidates.append(["clip.exe"])  # Windows, and WSL
    return [command for command in candidates if shutil.which(command[0])]


def copy_text(app: App[Any], text: str, fallback_hint: str) -> Copied:
    """Put ``text`` on the clipboard; ``fallback_hint`` says how else to get it ("run: mockview ...")."""
    for command in clipboard_tools():
        try:
            # Not captured: xclip and wl-copy leave a child serving the clipboard, which would
            # hold a captured pipe open until the timeout.
            done = subprocess.run(command, input=text.encode("utf-8"), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, timeout=TOOL_TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return Copied(True, "Copied to the clipboard: paste it into your email.")
    app.copy_to_clipboard(text)
    return Copied(False, "Sent to your terminal's clipboard. Nothing to paste? Your terminal does not allow it: "
                         f"select the text with the mouse, or {fallback_hint}.")
