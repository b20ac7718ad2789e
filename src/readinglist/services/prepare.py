"""One fetched document made ready for the writer: the CPU part of a sync.

``prepare`` parses and sanitizes the bytes (``feeds.parse``), hashes each entry's
feed-owned fields, extracts its search text, packs its HTML and search text the way
storage keeps them (``storage.codec``) and groups the entries into series as if the
feed had nothing stored. Everything it returns is a plain frozen record, so it runs as
well on a sync's fetch thread as in a worker process (``services.parse_pool``): this
module imports no database code and nothing that holds state between calls.

The writer uses the series guesses only when the feed has no stored article outside
the document (a first sync, or a feed that dropped nothing); otherwise it groups again
with the stored posts (``sync.group_with_stored``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import TypedDict

from readinglist.feeds.parse import parse_feed
from readinglist.feeds.sanitize import html_to_text
from readinglist.feeds.series import detect as series_detection
from readinglist.model.errors import FeedError
from readinglist.model.records import (
    Feed,
    FetchResult,
    ParsedEntry,
    ParsedFeed,
    SeriesGuess,
    SyncStatus,
)
from readinglist.storage.codec import Stored, pack, pack_summary

SEARCH_TEXT_CHARS = 4000


@dataclass(frozen=True, slots=True)
class Fetched:
    """What a fetch thread (or a parse worker) hands the writer for one feed."""

    feed: Feed
    status: SyncStatus
    # from a worker process the entries carry no HTML: ``stored_html`` has it (``for_writer``)
    parsed: ParsedFeed | None = None
    hashes: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    new_url: str | None = None
    error: str | None = None
    retry_after_seconds: float | None = None
    # one per entry: (summary, content) as storage keeps them, and pack(text)
    stored_html: tuple[tuple[Stored, Stored], ...] = ()
    packed_texts: tuple[Stored, ...] = ()
    # the entries grouped on their own (None: not grouped, the writer groups)
    guesses: tuple[SeriesGuess, ...] | None = None


class Validators(TypedDict):
    etag: str | None
    last_modified: str | None
    new_url: str | None


def validators(result: FetchResult | None) -> Validators:
    if result is None:
        return {"etag": None, "last_modified": None, "new_url": None}
    return {
        "etag": result.etag,
        "last_modified": result.last_modified,
        "new_url": result.permanent_url,
    }


def entry_hash(entry: ParsedEntry) -> str:
    """A digest of the feed-owned fields: equal hash means nothing to rewrite."""
    digest = hashlib.blake2b(digest_size=16)
    for value in (
        entry.title,
        entry.link or "",
        entry.author or "",
        entry.summary_html,
        entry.content_html,
        entry.published.isoformat() if entry.published else "",
        entry.updated.isoformat() if entry.updated else "",
        "\n".join(entry.categories),
    ):
        digest.update(value.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def for_writer(fetched: Fetched) -> Fetched:
    """``fetched`` as a worker process sends it back: without the entries' HTML.

    Once the HTML is packed (``stored_html``) the writer reads only the packed form,
    and the hashes and search text are made already; the HTML itself was over half of
    what a worker pickled and the sync's process unpickled and held."""
    parsed = fetched.parsed
    if parsed is None or len(fetched.stored_html) != len(parsed.entries):
        return fetched
    entries = tuple(replace(e, summary_html="", content_html="") for e in parsed.entries)
    return replace(fetched, parsed=replace(parsed, entries=entries))


def prepare(
    feed: Feed,
    content: bytes,
    url: str,
    content_type: str | None,
    checked: Validators | None = None,
) -> Fetched:
    """Parse fetched bytes and prepare everything the writer needs (runs off the writer).

    ``checked`` carries the response's validators, stored when the feed succeeds.
    """
    checked = checked or validators(None)
    content_hash = hashlib.sha256(content).hexdigest()
    if content_hash == feed.content_hash:
        return Fetched(feed, SyncStatus.UNCHANGED, content_hash=content_hash, **checked)
    try:
        parsed = parse_feed(content, url=url, content_type=content_type)
    except FeedError as exc:
        return Fetched(feed, SyncStatus.FAILED, error=str(exc))
    entries = parsed.entries
    texts = tuple(
        html_to_text(e.summary_html or e.content_html)[:SEARCH_TEXT_CHARS] for e in entries
    )
    posts = [(e.title, e.link, e.categories, e.published) for e in entries]
    ready = Fetched(
        feed,
        SyncStatus.UPDATED,
        parsed=parsed,
        hashes=tuple(entry_hash(e) for e in entries),
        texts=texts,
        content_hash=content_hash,
        stored_html=tuple(
            (pack_summary(e.summary_html, e.content_html), pack(e.content_html)) for e in entries
        ),
        packed_texts=tuple(pack(text) for text in texts),
        guesses=tuple(series_detection.group(posts)),
        **checked,
    )
    if parsed.fault is not None:
        # A broken document (cut off, mismatched tags): keep what was read, fail the feed.
        # No validators and no content hash are stored, so the next sync asks for the
        # whole document again and the error stays until the server sends a good one.
        return replace(
            ready,
            status=SyncStatus.FAILED,
            error=parsed.fault,
            content_hash=None,
            etag=None,
            last_modified=None,
            new_url=None,
        )
    return ready
