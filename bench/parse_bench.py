"""Parse speed: plain ``feedparser.parse(bytes)`` (its defaults: its own sanitizer and
relative-URI resolver) against ``readinglist.feeds.parse.parse_feed`` (feedparser with
both switched off, then nh3 sanitizing, text cleanup, dates, ids, word counts).

    .venv/bin/python bench/parse_bench.py [entries] [rounds]
"""

from __future__ import annotations

import io
import sys
import time

import feedparser

from readinglist.feeds.parse import parse_feed

ITEM = """<item>
<title>Transfer Learning ({i}): part {i} of the series</title>
<link>https://blog.example.com/transfer-learning/{i:02d}-part/</link>
<guid>https://blog.example.com/?p={i}</guid>
<pubDate>Tue, 02 Jan 2024 10:30:00 +0000</pubDate>
<category>Machine Learning</category><category>Tutorials</category>
<description>&lt;p&gt;A short summary of part {i} with a &lt;a href="/x/{i}"&gt;link&lt;/a&gt;.&lt;/p&gt;</description>
<content:encoded><![CDATA[{body}]]></content:encoded>
</item>"""

BODY = (
    "<h2>Section</h2>"
    + "<p>Lorem ipsum dolor sit amet, <em>consectetur</em> adipiscing elit, sed do eiusmod "
    'tempor <a href="/related/">incididunt</a> ut labore et dolore magna aliqua.</p>'
    * 8
    + '<figure><img src="/img/fig.png" alt="figure"><figcaption>Figure</figcaption></figure>'
    "<pre><code>model.fit(x, y)</code></pre><script>track()</script>"
)


def make_feed(entries: int) -> bytes:
    items = "".join(ITEM.format(i=i, body=BODY) for i in range(entries))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Bench</title><link>https://blog.example.com/</link>{items}</channel></rss>"
    ).encode()


def best_of(fn: object, rounds: int) -> float:
    assert callable(fn)
    start = time.perf_counter()
    for _ in range(rounds):
        fn()
    return time.perf_counter() - start


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    data = make_feed(entries)
    url = "https://blog.example.com/feed/"
    assert len(parse_feed(data, url=url).entries) == entries

    plain = best_of(lambda: feedparser.parse(io.BytesIO(data)), rounds)
    raw = best_of(
        lambda: feedparser.parse(
            io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False
        ),
        rounds,
    )
    ours = best_of(lambda: parse_feed(data, url=url), rounds)
    per = 1000 / rounds
    print(f"feed: {entries} entries, {len(data) / 1024:.0f} KiB, {rounds} rounds")
    print(f"feedparser.parse (defaults)        {plain:7.2f} s  {plain * per:7.2f} ms/feed")
    print(f"feedparser.parse (no sanitize/uri)  {raw:7.2f} s  {raw * per:7.2f} ms/feed")
    print(f"parse_feed (+ nh3 and cleanup)      {ours:7.2f} s  {ours * per:7.2f} ms/feed")
    print(f"ratio parse_feed / feedparser default: {ours / plain:.2f}")


if __name__ == "__main__":
    main()
