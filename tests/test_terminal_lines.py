"""Key-by-key line input at a terminal: the line being typed is never out of reach."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

termios = pytest.importorskip("termios")

from mockview.practice.terminal_lines import TerminalLines  # noqa: E402
from tests.helpers import mockview_argv, process_env, wait_for_draft, wait_until  # noqa: E402


@pytest.fixture
def terminal():
    """A pseudo-terminal: keys are written to ``keys``; the reader reads the terminal end."""
    keys, tty = os.openpty()
    reader = TerminalLines(tty, tty)
    try:
        yield reader, keys, tty
    finally:
        os.close(keys)
        os.close(tty)


def type_keys(keys: int, text: str) -> None:
    os.write(keys, text.encode("utf-8"))


def test_the_unfinished_line_is_visible_before_enter(terminal) -> None:
    reader, keys, _tty = terminal
    with reader.keystrokes():
        type_keys(keys, "first line\n")
        assert reader.readline() == "first line\n"
        lines: list[str] = []
        waiting = threading.Thread(target=lambda: lines.append(reader.readline()))
        waiting.start()  # blocked on the terminal, as the front end is while someone types
        type_keys(keys, "half a sen")
        wait_until(lambda: reader.unread == "half a sen", timeout=5, what="the keys to be read")
        assert reader.unread == "half a sen" and lines == []
        type_keys(keys, "tence\n")
        waiting.join(timeout=5)
        assert lines == ["half a sentence\n"]
        assert reader.unread == ""


def test_line_editing_works_as_a_terminal_does(terminal) -> None:
    reader, keys, _tty = terminal
    with reader.keystrokes():
        type_keys(keys, "helo\x7flo world\n")  # Backspace
        assert reader.readline() == "hello world\n"
        type_keys(keys, "wrong words\x17right\n")  # Ctrl+W erases the last word
        assert reader.readline() == "wrong right\n"
        type_keys(keys, "all of this\x15kept\n")  # Ctrl+U erases the line
        assert reader.readline() == "kept\n"
        type_keys(keys, "left\x1b[D\x1b[Cright \x1b[200~pasted\x1b[201~\n")  # arrows and paste markers
        assert reader.readline() == "leftright pasted\n"
        type_keys(keys, "日本語\x7f\n")
        assert reader.readline() == "日本\n"


def test_ctrl_d_ends_input_on_an_empty_line_and_hands_over_a_partial_one(terminal) -> None:
    reader, keys, _tty = terminal
    with reader.keystrokes():
        type_keys(keys, "no newline\x04")
        assert reader.readline() == "no newline"
        type_keys(keys, "\x04")
        assert reader.readline() == ""


def test_bytes_that_are_not_utf8_become_replacement_characters(terminal) -> None:
    reader, keys, _tty = terminal
    with reader.keystrokes():
        os.write(keys, b"caf\xe9 ok\n")
        assert reader.readline() == "caf\ufffd ok\n"


def test_the_terminal_settings_come_back_afterwards(terminal) -> None:
    reader, _keys, tty = terminal
    before = termios.tcgetattr(tty)
    with reader.keystrokes():
        during = termios.tcgetattr(tty)
        assert not during[3] & termios.ICANON and not during[3] & termios.ECHO
    assert termios.tcgetattr(tty) == before


def test_typing_echoes_and_backspace_rubs_out(terminal) -> None:
    reader, keys, _tty = terminal
    with reader.keystrokes():
        type_keys(keys, "ab\x7f\n")
        assert reader.readline() == "a\n"
    expected = b"ab\b \b\r\n"  # the terminal turns the echoed newline into CR LF
    shown = b""
    while len(shown) < len(expected) and select.select([keys], [], [], 5)[0]:
        shown += os.read(keys, 4096)  # a loaded machine may hand the echo over in pieces
    assert shown == expected


def test_an_unfinished_line_survives_kill_9_of_a_real_practice(mockview_home: Path) -> None:
    """Someone types a paragraph without pressing Enter; the process is killed; the text comes back."""
    keys, tty = os.openpty()
    process = subprocess.Popen(
        mockview_argv("practice", "--plain", "--bank", "star", "--count", "1", "--seed", "3"),
        stdin=tty, stdout=tty, stderr=tty, env=process_env(mockview_home), start_new_session=True,
    )
    os.close(tty)
    try:
        screen = b""
        deadline = time.monotonic() + 20
        while b"Type your answer" not in screen and time.monotonic() < deadline:
            screen += os.read(keys, 4096)  # blocks until the process writes: a wait on its output
        type_keys(keys, "At my last job the release kept slipping.\n")
        type_keys(keys, "So I split the work into weekly mile")  # no Enter
        found = wait_for_draft(mockview_home, "weekly mile")["answer"]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(keys)
    assert found == "At my last job the release kept slipping.\nSo I split the work into weekly mile"
