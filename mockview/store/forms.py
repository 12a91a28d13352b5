"""Drafts of forms (a debrief, a profile, a story), kept until they are saved.

A debrief is written right after a hard interview and can take a while; a
closed terminal must not throw it away. The form's fields are written to
``<data dir>/forms/<name>.json`` atomically as they change, offered back
the next time that form opens, and removed once it is saved.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mockview.files import os_error_text, write_atomically
from mockview.paths import forms_dir


class FormDraft:
    """The unsaved fields of one form."""

    def __init__(self, data_dir: Path, name: str) -> None:
        self.path = forms_dir(data_dir) / f"{name}.json"

    def save(self, fields: dict[str, Any]) -> str | None:
        """Keep ``fields``; returns why they could not be written (a full disk), or ``None``.

        The form still holds them, so a failed save loses nothing yet; the
        caller says so and saves again later.
        """
        if not any(_filled(value) for value in fields.values()):
            self.clear()
            return None
        try:
            write_atomically(self.path, json.dumps(fields, ensure_ascii=False))
        except OSError as error:
            return f"cannot keep the form's draft in {self.path.parent}: {os_error_text(error)}"
        return None

    def load(self) -> dict[str, Any] | None:
        """The fields last saved, or ``None`` (also for a file that cannot be read)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def clear(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass


def _filled(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)
