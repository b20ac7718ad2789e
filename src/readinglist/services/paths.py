"""Where the library lives: the user data dir (appdirs), unless told otherwise.

Precedence: an explicit ``--data-dir`` wins, then ``READINGLIST_DATA_DIR``, then the
platform's user data dir. Nothing else decides where we write.
"""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

from readinglist import APP_NAME

DATA_DIR_ENV = "READINGLIST_DATA_DIR"
DB_FILENAME = "library.sqlite3"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The directory that holds the library; it is not created here."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(directory: Path) -> Path:
    return directory / DB_FILENAME
