"""Messages the app posts to its screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from mockview.banks.library import Library


@dataclass
class LibraryLoaded(Message):
    """The banks have been read (or read again); screens showing them refresh."""

    library: Library
