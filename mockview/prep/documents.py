"""Reading a posting or a CV that a person hands over: a file, or standard input.

People reach for whatever file they have: the PDF the recruiter sent, a
Word document, a screenshot, the wrong file entirely. Each of those gets
one line saying what it is and what to do instead (``pdftotext``,
``pandoc``), before anything is parsed or saved. Size is checked before
reading, so a 50 MB file or ``/dev/zero`` costs nothing.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import BinaryIO

from mockview.errors import MockviewError

MAX_DOCUMENT_BYTES = 1024 * 1024
"""A posting or a CV is a few pages of text, well under this."""
CONVERT_HINT = "save it as plain text first (see 'Tailor to the job' in the README)"


def read_document(path: str | Path, what: str) -> str:
    """The text of the file at ``path`` (``what`` is "posting" or "CV"), or one clear line saying why not."""
    path = Path(path)
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            # a fifo or a device: opening a fifo would wait for a writer that never comes
            raise MockviewError(f"{path} is not a regular file; give the {what} as a text file")
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise MockviewError(f"{path} is not a regular file; give the {what} as a text file")
            if info.st_size > MAX_DOCUMENT_BYTES:
                raise MockviewError(f"{path} is {_size(info.st_size)}; a {what} is a few pages of text "
                                    f"(at most {_size(MAX_DOCUMENT_BYTES)}): is it the right file?")
            raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        raise MockviewError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise MockviewError(f"{path} is a folder, not a file") from None
    except PermissionError:
        raise MockviewError(f"cannot read {path}: permission denied") from None
    except OSError as error:
        raise MockviewError(f"cannot read {path}: {error.strerror or error}") from None
    return decode_document(raw, str(path), what)


def read_document_stream(stream: BinaryIO, where: str, what: str) -> str:
    """Like :func:`read_document`, from a pipe: at most the limit is read, so an endless one cannot hang us."""
    raw = stream.read(MAX_DOCUMENT_BYTES + 1)
    return decode_document(raw, where, what)


def decode_document(raw: bytes, where: str, what: str) -> str:
    """UTF-8 text from ``raw``, refusing what is not a text document."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise MockviewError(f"{where} is over {_size(MAX_DOCUMENT_BYTES)}; a {what} is a few pages of text")
    text = plain_text(raw, where, convert=CONVERT_HINT,
                      save_as=f"save the {what} as UTF-8 (most editors offer it under 'Save as')")
    if not text.strip():
        raise MockviewError(f"{where} is empty: there is no {what} in it")
    return text


_MARKED_ENCODINGS = (
    # UTF-32 first: its little-endian mark begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def plain_text(raw: bytes, where: str, *, convert: str, save_as: str) -> str:
    """The text of ``raw``, or one line saying what it is instead or where it stops being text.

    UTF-8, with or without a byte-order mark, and UTF-16 or UTF-32 that
    start with theirs (Notepad's "Unicode", PowerShell's ``>``) are text;
    ``convert`` is the advice for a PDF or an image, ``save_as`` for bytes
    that are not UTF-8, placed by line and column (in characters, as an
    editor counts them).
    """
    for mark, encoding in _MARKED_ENCODINGS:
        if raw.startswith(mark):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise MockviewError(f"{where} is not valid {encoding.upper()} text; {save_as}") from None
    kind = binary_kind(raw)
    if kind:
        raise MockviewError(f"{where} is {kind}, not text; {convert}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start:error.start].decode("utf-8", errors="replace")) + 1
        raise MockviewError(
            f"{where}:{line}:{column}: not UTF-8 text (byte 0x{raw[error.start]:02x}); {save_as}"
        ) from None


def binary_kind(raw: bytes) -> str:
    """What a file that is not text is ("a PDF", "an image"), from its first bytes; "" for text."""
    head = raw[:8]
    if head.startswith(b"%PDF"):
        return "a PDF"
    if head.startswith(b"PK\x03\x04"):
        return "a zipped document (a Word .docx or similar)"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old Word .doc document"
    if head.startswith(b"{\\rtf"):
        return "a rich-text (.rtf) document"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "an image"
    if b"\x00" in raw[:65536] or b"\x00" in raw[-4096:]:
        return "a binary file"
    return ""


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / 1024 / 1024:.0f} MiB"
    return f"{count // 1024} KiB"
