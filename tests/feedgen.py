"""Generate RSS 2.0 and Atom documents for tests and benchmarks (no network, no files)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

BASE_DATE = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Item:
    guid: str | None
    title: str
    link: str | None
    html: str = "<p>Body text about the topic.</p>"
    day: int = 0
    categories: tuple[str, ...] = ()


def rss(
    items: Sequence[Item], *, title: str = "Test Blog", site: str = "https://blog.example/"
) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>{escape(site)}</link>",
        "<description>fixture</description>",
    ]
    for item in items:
        parts.append("<item>")
        parts.append(f"<title>{escape(item.title)}</title>")
        if item.link:
            parts.append(f"<link>{escape(item.link)}</link>")
        if item.guid:
            parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        parts.append(f"<pubDate>{format_datetime(BASE_DATE + timedelta(days=item.day))}</pubDate>")
        for category in item.categories:
            parts.append(f"<category>{escape(category)}</category>")
        parts.append(f"<description>{escape(item.html)}</description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


def atom(
    items: Sequence[Item], *, title: str = "Test Blog", site: str = "https://blog.example/"
) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f'<title>{escape(title)}</title><link href="{escape(site)}"/>',
        f"<id>{escape(site)}</id><updated>{BASE_DATE.isoformat()}</updated>",
    ]
    for item in items:
        when = (BASE_DATE + timedelta(days=item.day)).isoformat()
        parts.append("<entry>")
        parts.append(f"<title>{escape(item.title)}</title>")
        if item.link:
            parts.append(f'<link rel="alternate" href="{escape(item.link)}"/>')
        if item.guid:
            parts.append(f"<id>{escape(item.guid)}</id>")
        parts.append(f"<updated>{when}</updated><published>{when}</published>")
        for category in item.categories:
            parts.append(f'<category term="{escape(category)}"/>')
        parts.append(f'<content type="html">{escape(item.html)}</content>')
        parts.append("</entry>")
    parts.append("</feed>")
    return "\n".join(parts).encode("utf-8")


def series_items(
    name: str, parts: Sequence[int], *, site: str = "https://blog.example"
) -> list[Item]:
    slug = name.lower().replace(" ", "-")
    return [
        Item(
            guid=f"{slug}-{n}",
            title=f"{name} ({n}): Chapter {n}",
            link=f"{site}/{slug}/{n:02d}-chapter-{n}/",
            day=n,
        )
        for n in parts
    ]


def article_html(index: int, size: int = 1500) -> str:
    """A plausible article body of roughly ``size`` bytes."""
    para = (
        f"<p>Paragraph {index}: gradient descent updates the weights of a network "
        f'with <a href="/post/{index}">a link</a> and <code>x = {index}</code>.</p>'
    )
    body = ["<h2>Section</h2>"]
    while sum(len(p) for p in body) < size:
        body.append(para)
    return "".join(body)
