"""Writing files so that a crash never leaves half of one.

Drafts, form drafts, profiles, the story bank, prep sheets and ``-o FILE``
outputs are all written this way. It sits at the bottom of the layers,
beside ``paths.py``, because the store, prep, the commands and the app all
write files and none of them should reach into another for it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str, *, shared: bool = False) -> None:
    """Write ``text`` to ``path`` so that a crash leaves the old file or the new one.

    Drafts stay private to the person (mode 0600); ``shared`` files such as
    exports get the usual permissions the umask allows.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".mockview-", suffix=".tmp")
    try:
        if shared:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
