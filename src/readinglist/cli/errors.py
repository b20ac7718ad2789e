"""How the CLI fails: one exit-code table for every command, and one stderr line per error.

Scripts branch on the exit code, so it has to mean the same thing whatever the command:

* 0 — done (also when there was nothing to do);
* 1 — something outside failed: a feed, a site or a page could not be fetched or read.
  The rest of the run was done, and the same command may well work later;
* 2 — the request itself was refused: bad usage or option value, an address that is not
  http or https, an unknown id, a feed already subscribed, a file that cannot be read,
  written or imported, a library that cannot be opened. Asking again the same way gives
  the same answer;
* 130 — interrupted (Ctrl+C).

A run that meets both a failure and a refusal (``add`` of several addresses) exits with
the higher code. The table is keyed by exception class, so a command never picks a code
itself: it raises, or reports a per-item error through :func:`exit_code_for`.

Every error is one line, ``readinglist: <what>: <why>``, and says each thing once: the
CLI adds the feed, article or address it was working on only when the message does not
already name it (``already subscribed to https://…`` needs no second copy of the URL).
"""

from __future__ import annotations

import re

from readinglist.model.errors import (
    FeedError,
    FeedExistsError,
    ImportExportError,
    NotFoundError,
    ReadingListError,
    StorageError,
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2
EXIT_INTERRUPTED = 130


class UsageError(ReadingListError):
    """The command line asks for something that cannot be done as written."""

    default_message = "bad usage"


class BadAddressError(UsageError):
    """An address typed on the command line is not an http or https URL."""

    default_message = "not an http or https address"


#: Exception class → exit code; the most specific class in an error's MRO wins.
EXIT_CODES: dict[type[ReadingListError], int] = {
    ReadingListError: EXIT_REFUSED,  # anything not listed below: the request was refused
    FeedError: EXIT_FAILED,  # a feed, site or page could not be fetched or read
    UsageError: EXIT_REFUSED,
    NotFoundError: EXIT_REFUSED,
    FeedExistsError: EXIT_REFUSED,
    ImportExportError: EXIT_REFUSED,
    StorageError: EXIT_REFUSED,
}


def exit_code_for(exc: ReadingListError) -> int:
    """The exit code for ``exc``, from :data:`EXIT_CODES`."""
    for cls in type(exc).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return EXIT_REFUSED


def mentions(message: str, name: str) -> bool:
    """True when ``message`` already names ``name`` ("feed 2" is not named by "feed 21")."""
    if not name:
        return True
    before = r"(?<!\w)" if name[0].isalnum() else ""
    after = r"(?!\w)" if name[-1].isalnum() else ""
    return re.search(before + re.escape(name) + after, message) is not None


def error_line(message: str, subject: str = "", address: str = "") -> str:
    """``readinglist: feed 2 (https://…): HTTP 410``, minus what ``message`` already says.

    ``subject`` is what the CLI was working on ("feed 2", "article 42", a URL);
    ``address`` is its URL, shown in brackets after the subject.
    """
    said: list[str] = []
    if subject and not mentions(message, subject):
        said.append(subject)
    if address and not mentions(message, address):
        said.append(f"({address})" if said else address)
    prefix = " ".join(said)
    return f"readinglist: {prefix}: {message}" if prefix else f"readinglist: {message}"
