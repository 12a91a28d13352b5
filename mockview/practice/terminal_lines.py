"""Reading lines at a terminal while the unfinished one stays in view.

A terminal in its usual (canonical) mode keeps the line being typed inside
the kernel until Enter, where no program can see it: someone typing an
answer as one long paragraph would lose all of it to a kill or a closed
terminal. At a terminal the plain front end therefore reads key by key and
does the small amount of line editing the terminal itself would do
(Backspace, Ctrl+U, Ctrl+W, Ctrl+D), so the unfinished line is always in
:attr:`TerminalLines.unread` for the draft keeper to save.

Only the echo and line-buffering flags change: Ctrl+C, Ctrl+Z and Ctrl+\\
still reach the program as signals, and the terminal's settings come back
as they were when reading stops.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

try:
    import termios
except ImportError:  # not on Windows
    termios = None  # type: ignore[assignment]

BACKSPACES = {"\x7f", "\x08"}
KILL_LINE = "\x15"  # Ctrl+U
KILL_WORD = "\x17"  # Ctrl+W
END_OF_INPUT = "\x04"  # Ctrl+D
ESCAPE = "\x1b"
READ_SIZE = 4096


def _width(char: str) -> int:
    """Columns a character takes on screen, so Backspace erases all of it."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


class TerminalLines:
    """Line input from a terminal, read key by key; see the module docstring."""

    def __init__(self, fd: int, echo_fd: int | None) -> None:
        self.fd = fd
        self.echo_fd = echo_fd
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._line: list[str] = []
        self._ready: deque[str] = deque()
        self._escape = ""  # the part of an escape sequence (arrow keys, paste markers) read so far
        self._after_cr = False
        self._ended = False

    @classmethod
    def for_stream(cls, stream: TextIO, echo: TextIO) -> TerminalLines | None:
        """A reader for ``stream`` if it is a terminal this platform can read key by key, else ``None``."""
        if termios is None:
            return None
        try:
            fd = stream.fileno()
            if not os.isatty(fd):
                return None
            termios.tcgetattr(fd)
        except (AttributeError, OSError, ValueError, termios.error):
            return None
        try:
            echo_fd = echo.fileno()
            if not os.isatty(echo_fd):
                echo_fd = fd
        except (AttributeError, OSError, ValueError):
            echo_fd = fd
        return cls(fd, echo_fd)

    @contextmanager
    def keystrokes(self) -> Iterator[None]:
        """Read key by key inside the block; the terminal's own settings come back after it."""
        try:
            saved = termios.tcgetattr(self.fd)
            attributes = termios.tcgetattr(self.fd)
            attributes[3] &= ~(termios.ICANON | termios.ECHO)
            attributes[6][termios.VMIN] = 1
            attributes[6][termios.VTIME] = 0
            # TCSANOW, not TCSAFLUSH: whatever was typed ahead must not be thrown away.
            termios.tcsetattr(self.fd, termios.TCSANOW, attributes)
        except (OSError, termios.error):
            saved = None
        try:
            yield
        finally:
            if saved is not None:
                try:
                    termios.tcsetattr(self.fd, termios.TCSANOW, saved)
                except (OSError, termios.error):
                    pass  # the terminal is gone (closed window): nothing to restore

    @property
    def unread(self) -> str:
        """Everything typed that :meth:`readline` has not returned yet, the unfinished line included."""
        return "".join(list(self._ready)) + "".join(list(self._line))

    def readline(self) -> str:
        """The next line with its newline; ``""`` at the end of input, like :meth:`io.TextIOBase.readline`."""
        while not self._ready:
            if self._ended:
                return ""
            try:
                chunk = os.read(self.fd, READ_SIZE)
            except OSError:  # the terminal hung up
                chunk = b""
            if not chunk:
                self._ended = True
                if self._line:
                    self._ready.append(self._take_line())
                continue
            self._feed(self._decoder.decode(chunk))
        return self._ready.popleft()

    # --- key handling ----------------------------------------------------------

    def _feed(self, text: str) -> None:
        for char in text:
            if self._escape:
                self._escape_continues(char)
            elif char == ESCAPE:
                self._escape = char
            elif char in "\r\n":
                if not (char == "\n" and self._after_cr):
                    self._ready.append(self._take_line() + "\n")
                    self._echo("\n")  # the terminal adds the carriage return, as for any output
            elif char in BACKSPACES:
                self._erase(1)
            elif char == KILL_LINE:
                self._erase(len(self._line))
            elif char == KILL_WORD:
                self._erase(self._last_word_length())
            elif char == END_OF_INPUT:
                # As a terminal does: on an empty line it ends the input, otherwise it hands the line over.
                self._ready.append(self._take_line())
            elif char == "\t" or char >= " ":
                self._line.append(char)
                self._echo(char)
            self._after_cr = char == "\r"

    def _escape_continues(self, char: str) -> None:
        """Swallow escape sequences (arrows, function keys, bracketed paste): they are not text."""
        self._escape += char
        if len(self._escape) == 2:
            if char not in "[O":
                self._escape = ""
        elif self._escape[1] == "O" or "\x40" <= char <= "\x7e":
            self._escape = ""

    def _take_line(self) -> str:
        line = "".join(self._line)
        self._line.clear()
        return line

    def _last_word_length(self) -> int:
        count = len(self._line)
        while count and self._line[count - 1].isspace():
            count -= 1
        while count and not self._line[count - 1].isspace():
            count -= 1
        return len(self._line) - count

    def _erase(self, count: int) -> None:
        for _ in range(min(count, len(self._line))):
            columns = _width(self._line.pop())
            self._echo("\b \b" * columns)

    def _echo(self, text: str) -> None:
        if self.echo_fd is None or not text:
            return
        try:
            os.write(self.echo_fd, text.encode("utf-8", "replace"))
        except OSError:
            self.echo_fd = None  # the terminal is gone; keep reading what is left
