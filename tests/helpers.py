"""Small builders shared by tests: parsed entries, incoming articles, a fresh store."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from readinglist.model.records import IncomingArticle, ParsedEntry, SeriesGuess


def entry(
    guid: str,
    title: str = "",
    *,
    link: str | None = None,
    summary: str = "<p>summary</p>",
    day: int = 1,
    categories: tuple[str, ...] = (),
) -> ParsedEntry:
    return ParsedEntry(
        guid=guid,
        title=title or f"Post {guid}",
        link=link if link is not None else f"https://blog.example/{guid}/",
        author="Ada",
        summary_html=summary,
        content_html="",
        published=datetime(2024, 1, day, tzinfo=UTC),
        updated=None,
        categories=categories,
        word_count=460,
    )


def incoming(
    e: ParsedEntry, key: str | None = None, part: int | None = None, chash: str = "h1"
) -> IncomingArticle:
    guess = SeriesGuess(key, key.title() if key else None, part, e.title)
    return IncomingArticle(e, guess, chash, f"{e.title} searchable body text")


def cli_json(cli: Callable[..., tuple[int, str, str]], *args: str) -> Any:
    """A command's ``--json`` output, parsed; the command must succeed."""
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)
