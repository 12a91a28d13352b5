"""Open a file in the person's own editor, with the app suspended meanwhile."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import Any

from textual.app import App, SuspendNotSupported


def editor_command() -> list[str]:
    """$VISUAL, else $EDITOR, else vi: the person's own editor."""
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    return shlex.split(chosen)


def edit_file(app: App[Any], path: str | Path) -> bool:
    """Edit ``path`` and come back; False (with a notice) when the editor could not run."""
    command = editor_command() + [str(path)]
    try:
        with app.suspend():
            completed = subprocess.run(command)
    except SuspendNotSupported:  # under test, or a terminal that cannot hand over
        completed = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True)
    except OSError as error:
        app.notify(f"Could not start the editor {command[0]!r}: {error.strerror or error}", severity="error")
        return False
    if completed.returncode != 0:
        app.notify(f"The editor exited with status {completed.returncode}.", severity="warning")
    return True
