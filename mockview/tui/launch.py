"""What the command line hands the app, and what the app hands back (no Textual here).

``mockview``, ``practice``, ``retry``, ``interview`` and ``debrief`` open the
app on different screens; :data:`StartScreen` names them. The app ends with
an :class:`ExitReport` returned by ``App.run()``, so the command line reads
the outcome from the return value instead of from the app's attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

StartScreen = Literal["home", "practice", "retry", "interview", "debrief"]
"""Where the app opens: home, the first question of a practice, re-drill or
interview planned from the command line, or the debrief form."""


@dataclass(frozen=True, slots=True)
class ExitReport:
    """How the app ended: the process's exit code, and the one line to print for an error."""

    return_code: int = 0
    error: str | None = None
    unsaved: str | None = None
    """An answer that could be kept neither in the history nor as a draft (a full disk): the
    command line prints it, the last place it can go."""
