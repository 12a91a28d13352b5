"""Where mockview keeps its data: every place in the data directory, in one table.

The data directory is, in order of preference, the ``--data-dir`` option, the
``MOCKVIEW_HOME`` environment variable, or the platform's user data directory.
Nothing is created at import time: :func:`ensure_data_dir` creates the
directory when a command first needs to write.

What the data directory holds::

    history.db          the SQLite history (store/)
    banks/              the person's own question banks
    profiles/           company profiles, one YAML file per company
    stories.yaml        the story bank
    drafts/             the answer being typed, one file per running practice
    forms/              unsaved debrief, profile and story forms
    prep/               prep sheets saved from the app
    exports/            history exported from the app
    cache/banks.json    checked banks by content; safe to delete

A module that needs a file in one of these folders asks here for the folder
and names the file itself (a profile after its company, a draft after its
token).
"""

from __future__ import annotations

import os
from pathlib import Path

from mockview.errors import MockviewError

ENV_HOME = "MOCKVIEW_HOME"
APP_NAME = "mockview"


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The data directory chosen by option, environment or platform."""
    if option:
        return Path(option).expanduser()
    from_env = os.environ.get(ENV_HOME)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # deferred: only needed when no directory was given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def ensure_data_dir(data_dir: Path) -> Path:
    """Create ``data_dir`` if needed and check that it is writable."""
    if data_dir.exists() and not data_dir.is_dir():
        raise MockviewError(f"the data directory {data_dir} is a file, not a folder")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise MockviewError(f"cannot create the data directory {data_dir}: a part of its path is a file") from None
    except OSError as error:
        raise MockviewError(
            f"cannot create the data directory {data_dir}: {error.strerror or error}"
        ) from None
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise MockviewError(
            f"the data directory {data_dir} is read-only; "
            f"choose another with --data-dir or ${ENV_HOME}"
        )
    return data_dir


def user_banks_dir(data_dir: Path) -> Path:
    """Where the user's own banks live (may not exist yet)."""
    return data_dir / "banks"


def profiles_dir(data_dir: Path) -> Path:
    """Where company profiles live (may not exist yet)."""
    return data_dir / "profiles"


def jobs_dir(data_dir: Path) -> Path:
    """Where saved job postings live, one JSON file each (may not exist yet)."""
    return data_dir / "jobs"


def personal_words_path(data_dir: Path) -> Path:
    """The person's own words for the CV spelling check: names, tools, places (may not exist yet)."""
    return data_dir / "words.txt"


def bank_cache_path(data_dir: Path) -> Path:
    """Checked banks cached by content; safe to delete at any time."""
    return data_dir / "cache" / "banks.json"


def history_db_path(data_dir: Path) -> Path:
    return data_dir / "history.db"


def stories_path(data_dir: Path) -> Path:
    """The story bank (may not exist yet)."""
    return data_dir / "stories.yaml"


def drafts_dir(data_dir: Path) -> Path:
    """Answers being typed, kept so a crash never loses one."""
    return data_dir / "drafts"


def forms_dir(data_dir: Path) -> Path:
    """Forms filled in but not saved yet."""
    return data_dir / "forms"


def prep_sheets_dir(data_dir: Path) -> Path:
    """Prep sheets the app saves."""
    return data_dir / "prep"


def exports_dir(data_dir: Path) -> Path:
    """History exports the app writes (the command line writes where ``-o`` says)."""
    return data_dir / "exports"


def shipped_banks_dir() -> Path:
    """The banks installed with the package.

    A wheel installs them as ``mockview/question_banks``; in a source checkout
    (and an editable install) they sit beside the package at the top of the
    repository.
    """
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "question_banks"
    if installed.is_dir():
        return installed
    return package_dir.parent / "question_banks"
