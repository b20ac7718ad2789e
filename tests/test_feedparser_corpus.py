"""Every file of feedparser's own test corpus goes through parse_feed safely.

The corpus (../shared/corpora/feedparser/, see its MANIFEST.txt) is feedparser 6.0.14's
tests/ directory: 2,248 files, plus 11 added on feedparser's main branch. Many are
deliberately hostile (wellformed/sanitize: 745 XSS vectors) or broken (illformed,
encoding, compressed bodies). parse_feed may refuse a file with ParseError, never with
anything else, and whatever it returns must be safe to show and must go through series
detection (``group``) without an exception.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from readinglist.feeds.parse import parse_feed
from readinglist.feeds.series.detect import group
from readinglist.model.errors import ParseError

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "feedparser"
NOT_FEEDS = {"MANIFEST.txt", "LICENSE.feedparser"}

_TAG = re.compile(r"<[^>]*>")
_URL_ATTR = re.compile(r"""\s(?:href|src)\s*=\s*"([^"]*)\"""", re.IGNORECASE)
_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def unsafe_parts(html: str) -> list[str]:
    """Tags in sanitized HTML that would be dangerous to render."""
    bad = []
    for tag in _TAG.findall(html):
        low = tag.lower()
        if (
            low.startswith(("<script", "<style", "<iframe", "<object", "<embed", "<form"))
            or "javascript:" in low
            or "style=" in low
            or _HANDLER.search(low)
            or any(
                not url.lower().startswith(("http://", "https://", "mailto:"))
                for url in _URL_ATTR.findall(tag)
            )
        ):
            bad.append(tag)
    return bad


def test_whole_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"feedparser corpus not present at {CORPUS}")
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name not in NOT_FEEDS)
    assert len(files) >= 2248

    parsed = refused = entries = 0
    reasons: Counter[str] = Counter()
    problems: list[str] = []
    for path in files:
        name = str(path.relative_to(CORPUS))
        try:
            feed = parse_feed(path.read_bytes(), url="http://example.com/feed.xml")
        except ParseError as exc:
            refused += 1
            reasons[str(exc).split(":")[0]] += 1
            continue
        except Exception as exc:  # the point of the test: nothing else escapes
            problems.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        parsed += 1
        entries += len(feed.entries)
        if feed.site_url is not None and not feed.site_url.startswith(("http://", "https://")):
            problems.append(f"{name}: site_url {feed.site_url!r}")
        try:  # what parsing gives goes on to series detection, which must never raise
            guesses = group([(e.title, e.link, e.categories, e.published) for e in feed.entries])
        except Exception as exc:
            problems.append(f"{name}: group(): {type(exc).__name__}: {exc}")
        else:
            if len(guesses) != len(feed.entries):
                problems.append(f"{name}: group() gave {len(guesses)} guesses")
        for entry in feed.entries:
            if entry.link is not None and not entry.link.startswith(("http://", "https://")):
                problems.append(f"{name}: link {entry.link!r}")
            for html in (entry.summary_html, entry.content_html):
                problems.extend(f"{name}: {tag}" for tag in unsafe_parts(html))

    print(
        f"\nfeedparser corpus: {len(files)} files, {parsed} parsed ({entries} entries), "
        f"{refused} refused with ParseError {dict(reasons)}"
    )
    assert problems == []
    # Regression guards: today's counts (a big change means parsing changed).
    assert parsed >= 1980
    assert refused <= 280
