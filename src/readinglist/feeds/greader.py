"""What a Google Reader API server says, decoded into records (pure: bytes in, records out).

The same distrust as for a feed: the server relays other people's HTML, so every item's
content goes through ``sanitize_html`` and every title through ``text_value``, and a
field of the wrong type or shape is skipped, never trusted. An answer that is not JSON at
all (a login page, a proxy's error page) raises ``SyncProtocolError`` with one sentence.

Item ids: the API names an item by a 64-bit number, written either in decimal
(``stream/items/ids``) or as ``tag:google.com,2005:reader/item/<16 hex digits>``
(``stream/items/contents``). Both become one Python int, folded into SQLite's signed
64-bit range (``to_signed``) so the library can index it as an INTEGER.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from readinglist.feeds.sanitize import sanitize_html, text_value, word_count
from readinglist.feeds.site.declared import declared_in_content
from readinglist.model.errors import SyncProtocolError
from readinglist.model.records import ParsedEntry

READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
LABEL_PREFIX = "user/-/label/"
ITEM_TAG_PREFIX = "tag:google.com,2005:reader/item/"
_U64 = 1 << 64
_I64_MAX = (1 << 63) - 1


@dataclass(frozen=True, slots=True)
class Subscription:
    """One feed the account subscribes to, as the server lists it."""

    stream_id: str  # "feed/12" on FreshRSS; opaque
    title: str
    url: str
    site_url: str | None
    label: str | None  # the first folder it is filed under


@dataclass(frozen=True, slots=True)
class RemoteItem:
    """One item with the server's state for it."""

    remote_id: int
    stream_id: str
    entry: ParsedEntry
    read: bool
    starred: bool
    crawled_usec: int


@dataclass(frozen=True, slots=True)
class IdPage:
    """A page of ``stream/items/ids``: the ids and the continuation for the next page."""

    ids: tuple[int, ...]
    continuation: str | None


def to_signed(value: int) -> int:
    """An unsigned 64-bit id as SQLite's signed INTEGER (reversible: ``to_unsigned``)."""
    value %= _U64
    return value - _U64 if value > _I64_MAX else value


def to_unsigned(value: int) -> int:
    return value % _U64


def parse_item_id(value: object) -> int | None:
    """A decimal or ``tag:…/item/<hex>`` id as a signed int; None when it is neither."""
    if isinstance(value, int) and not isinstance(value, bool):
        return to_signed(value)
    if not isinstance(value, str) or not value:
        return None
    text = value.strip()
    try:
        if text.startswith(ITEM_TAG_PREFIX):
            return to_signed(int(text[len(ITEM_TAG_PREFIX) :], 16))
        if text.isdigit():
            return to_signed(int(text))
    except ValueError:
        return None
    return None


def item_id_param(remote_id: int) -> str:
    """How an id is sent back: the long form, which every server accepts."""
    return f"{ITEM_TAG_PREFIX}{to_unsigned(remote_id):016x}"


def _json(body: bytes, what: str) -> Any:
    try:
        return json.loads(body)
    except RecursionError:  # nested deeper than any answer of the API: not one
        raise SyncProtocolError(f"the server's answer to {what} is nested too deeply") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        start = body[:200].lstrip().lower()
        if start.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body")):
            raise SyncProtocolError(
                f"the server answered {what} with a web page, not the Google Reader API"
                " (is the address the API's, e.g. …/api/greader.php?)"
            ) from None
        raise SyncProtocolError(f"the server's answer to {what} is not JSON") from None


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def parse_login(body: bytes) -> str:
    """The ``Auth=`` token of a ClientLogin answer (``key=value`` lines)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "Auth" and value.strip():
            return value.strip()
    raise SyncProtocolError("the server's login answer carries no Auth token")


def parse_subscriptions(body: bytes) -> list[Subscription]:
    data = _json(body, "the subscription list")
    raw = data.get("subscriptions") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise SyncProtocolError("the server's subscription list has no 'subscriptions'")
    out: list[Subscription] = []
    for sub in raw:
        if not isinstance(sub, dict):
            continue
        stream_id, url = _str(sub.get("id")), _str(sub.get("url")).strip()
        if not stream_id or not url:
            continue
        label = None
        for category in sub.get("categories") or ():
            if isinstance(category, dict):
                name = _str(category.get("label")) or _str(category.get("id")).removeprefix(
                    LABEL_PREFIX
                )
                if name:
                    label = text_value(name)
                    break
        out.append(
            Subscription(
                stream_id=stream_id,
                title=text_value(_str(sub.get("title"))),
                url=url,
                site_url=_str(sub.get("htmlUrl")).strip() or None,
                label=label or None,
            )
        )
    return out


def parse_quickadd(body: bytes) -> str | None:
    """The new subscription's stream id, or None when the server added nothing."""
    data = _json(body, "the subscribe request")
    if isinstance(data, dict):
        stream = _str(data.get("streamId"))
        if stream and int(data.get("numResults") or 0) > 0:
            return stream
    return None


def parse_id_page(body: bytes) -> IdPage:
    data = _json(body, "the item id list")
    if not isinstance(data, dict):
        raise SyncProtocolError("the server's item id list is not an object")
    ids: list[int] = []
    for ref in data.get("itemRefs") or ():
        if isinstance(ref, dict):
            parsed = parse_item_id(ref.get("id"))
            if parsed is not None:
                ids.append(parsed)
    continuation = data.get("continuation")
    return IdPage(tuple(ids), str(continuation) if continuation else None)


def parse_items(body: bytes) -> list[RemoteItem]:
    """The items of a ``stream/items/contents`` (or ``stream/contents``) answer."""
    data = _json(body, "the item contents")
    raw = data.get("items") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise SyncProtocolError("the server's item contents have no 'items'")
    out = []
    for item in raw:
        if isinstance(item, dict):
            parsed = _item(item)
            if parsed is not None:
                out.append(parsed)
    return out


def _href(value: object) -> str | None:
    if isinstance(value, list):
        for link in value:
            if isinstance(link, dict):
                href = _str(link.get("href")).strip()
                if href.startswith(("http://", "https://")):
                    return href
    return None


def _epoch(value: object) -> datetime | None:
    try:
        seconds = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return None
    if not 0 < seconds < 253402300800:  # up to year 9999
        return None
    return datetime.fromtimestamp(seconds, UTC)


def _item(item: dict[str, Any]) -> RemoteItem | None:
    remote_id = parse_item_id(item.get("id"))
    origin = item.get("origin")
    stream_id = _str(origin.get("streamId")) if isinstance(origin, dict) else ""
    if remote_id is None or not stream_id:
        return None
    link = _href(item.get("canonical")) or _href(item.get("alternate"))
    body = item.get("content") if isinstance(item.get("content"), dict) else item.get("summary")
    html = _str(body.get("content")) if isinstance(body, dict) else ""
    clean = sanitize_html(html, link) if html else ""
    categories = [c for c in item.get("categories") or () if isinstance(c, str)]
    labels = tuple(
        text_value(c.removeprefix(LABEL_PREFIX)) for c in categories if c.startswith(LABEL_PREFIX)
    )
    guid = _str(item.get("guid")).strip() or link or item_id_param(remote_id)
    try:
        crawled = int(_str(item.get("timestampUsec")) or 0)
    except ValueError:
        crawled = 0
    entry = ParsedEntry(
        guid=guid,
        title=text_value(_str(item.get("title")), html=True),
        link=link,
        author=text_value(_str(item.get("author"))) or None,
        summary_html=clean,
        content_html=clean,
        published=_epoch(item.get("published")),
        updated=_epoch(item.get("updated")),
        categories=labels,
        word_count=word_count(clean, sanitized=True),
        declared=declared_in_content(html, link),
    )
    return RemoteItem(
        remote_id=remote_id,
        stream_id=stream_id,
        entry=entry,
        read=READ in categories,
        starred=STARRED in categories,
        crawled_usec=crawled,
    )
