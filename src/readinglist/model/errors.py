"""One exception tree, so callers can catch ``ReadingListError`` and show ``str(exc)``.

Every class carries a default message: a user sees a sentence, never a bare class name.
"""

from __future__ import annotations


class ReadingListError(Exception):
    """Base of every error readinglist raises on purpose."""

    default_message = "readinglist failed"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        return str(self)


# --- feeds ---------------------------------------------------------------


class FeedError(ReadingListError):
    """A single feed could not be fetched or parsed; other feeds carry on."""

    default_message = "the feed could not be read"


class FetchError(FeedError):
    default_message = "the feed could not be fetched"


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, status: int, message: str | None = None) -> None:
        self.status = status
        super().__init__(message or f"HTTP {status}")


class RetryLaterError(FetchError):
    """429/503: the server asked us to come back later."""

    def __init__(self, status: int, retry_after_seconds: float, message: str | None = None) -> None:
        self.status = status
        self.retry_after_seconds = retry_after_seconds
        super().__init__(
            message or f"HTTP {status}: server busy, retrying after {int(retry_after_seconds)} s"
        )


class TooLargeError(FetchError):
    default_message = "the feed is larger than the size limit"


class FetchTimeoutError(FetchError):
    default_message = "the feed took too long to download"


class RedirectError(FetchError):
    default_message = "the feed redirected too often or to a forbidden address"


class UnsupportedURLError(FetchError):
    default_message = "only http and https addresses can be fetched"


class ParseError(FeedError):
    default_message = "the document is not a feed"


class DiscoveryError(FeedError):
    default_message = "no feed was found on that page"


# --- storage -------------------------------------------------------------


class StorageError(ReadingListError):
    default_message = "the library could not be opened"


class DatabaseNotOursError(StorageError):
    default_message = "the file is not a readinglist library"


class DatabaseTooNewError(StorageError):
    default_message = "the library was written by a newer readinglist"


class DatabaseCorruptError(StorageError):
    default_message = "the library file is damaged"


class DatabaseLockedError(StorageError):
    default_message = "the library is in use by another program"


class DatabaseReadOnlyError(StorageError):
    default_message = "the library file cannot be written"


class QueryAbandoned(StorageError):
    """A read stopped because its answer was no longer wanted (a newer one was asked)."""

    default_message = "the read was abandoned: its answer was no longer wanted"


class NotFoundError(ReadingListError):
    """An id that names nothing (CLI exit code 2)."""

    default_message = "no such item"


class FeedNotFoundError(NotFoundError):
    default_message = "no such feed"


class ArticleNotFoundError(NotFoundError):
    default_message = "no such article"


class SeriesNotFoundError(NotFoundError):
    default_message = "no such series"


class HighlightNotFoundError(NotFoundError):
    default_message = "no such highlight"


class QuoteNotFoundError(ReadingListError):
    """A highlight asked for a passage the article's text does not contain (exit 2)."""

    default_message = "that passage is not in the article's text"


class FeedExistsError(ReadingListError):
    default_message = "already subscribed to that feed"


# --- import / export -----------------------------------------------------


class ImportExportError(ReadingListError):
    default_message = "the file could not be imported"


class OPMLError(ImportExportError):
    default_message = "the file is not a valid OPML document"


# --- appended by feeds/fetch ---------------------------------------------


class FetchCancelledError(FetchError):
    """The caller's cancel event was set while the feed was being fetched."""

    default_message = "cancelled"


# --- appended for "Fetch full length" (feeds/pagetext, Library.fetch_page_length) ---


class PageTextError(FeedError):
    """The article's page was fetched, but holds no article text to count."""

    default_message = "no article text was found on the page"


# --- the sync account (a Google Reader API server) -------------------------------


class SyncServerError(FeedError):
    """The sync server failed (an error status, no answer, a refusal): the sync is retried
    next time and nothing waiting to be sent is lost. Exit 1, like a failed feed."""

    default_message = "the sync server failed"


class SyncTimeoutError(SyncServerError):
    default_message = "the sync server timed out"


class SyncProtocolError(SyncServerError):
    """The server answered, but not in the Google Reader API (a web page, broken JSON)."""

    default_message = "the sync server's answer is not the Google Reader API"


class SyncRetryLaterError(SyncServerError):
    """429/503 with Retry-After: the next sync waits that long."""

    def __init__(self, retry_after_seconds: float, message: str | None = None) -> None:
        self.retry_after_seconds = retry_after_seconds
        super().__init__(
            message or f"the sync server is busy; it asked to wait {int(retry_after_seconds)} s"
        )


class LoginRefusedError(ReadingListError):
    """The server refused the user name or API password. ``account set`` refuses the
    account (exit 2, nothing saved: asking again the same way fails again); a sync that
    meets it fails like any server error, with this sentence."""

    default_message = "the sync server refused the user name or password"


class AccountError(ReadingListError):
    """An account request that cannot be done as asked (no account, unknown kind)."""

    default_message = "no sync account is set"


class SecretStoreError(ReadingListError):
    default_message = "the password could not be stored"


class SeriesEditError(ReadingListError):
    """A series correction that cannot be made as asked."""

    default_message = "the series cannot be changed that way"
