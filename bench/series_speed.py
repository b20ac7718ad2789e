"""Series grouping speed: ``group()`` on each blog of a labelled corpus, against a floor
measured in the same run, reading every post alone (``reading.read_post``: its title's
marker, its slug's number), which any grouping must do once per post. The ratio says
what the cross-post passes and the evidence cost on top of that.

    .venv/bin/python bench/series_speed.py [--corpus PATH] [--posts N] [--rounds N]

Defaults: the shared corpus' first 2,000 posts, best of 15 rounds. Prints both times
(milliseconds, best round) and their ratio; run it before and after a change to the
rules, on the same machine, and compare the ratios.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from readinglist.feeds.series.detect import group  # noqa: E402
from readinglist.feeds.series.post import PostTuple  # noqa: E402
from readinglist.feeds.series.reading import read_post  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora" / "series-eval" / "corpus.jsonl"


def feeds(corpus: Path, limit: int) -> list[list[PostTuple]]:
    """The corpus' first ``limit`` posts, one list per blog (each blog is one feed)."""
    by_blog: dict[str, list[PostTuple]] = defaultdict(list)
    with corpus.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= limit:
                break
            r = json.loads(line)
            post = (r["title"], r.get("url"), r.get("categories") or [], r.get("published"))
            by_blog[r["blog"]].append(post)
    return list(by_blog.values())


def best_of(rounds: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED)
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    corpus = args.corpus / "corpus.jsonl" if args.corpus.is_dir() else args.corpus
    if not corpus.exists():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    blogs = feeds(corpus, args.posts)
    posts = sum(len(b) for b in blogs)

    def floor() -> None:
        for blog in blogs:
            for title, link, *_rest in blog:
                read_post(title, link)

    def grouping() -> None:
        for blog in blogs:
            group(blog)

    alone = best_of(args.rounds, floor)
    grouped = best_of(args.rounds, grouping)
    print(f"{posts} posts in {len(blogs)} feeds, best of {args.rounds} rounds")
    print(f"floor: every post read alone   {alone * 1000:8.1f} ms")
    print(
        f"group(): every feed grouped    {grouped * 1000:8.1f} ms  ({grouped / alone:.1f}x floor)"
    )
    declared_speed(args.rounds)
    return 0


def declared_speed(rounds: int) -> None:
    """What a site's list of series costs each sync of a feed (``apply_declared``): 1,000
    posts in five series of 200, every post's declaration carrying its series' whole
    list, against a floor of normalising each post's address once."""
    from readinglist.feeds.series.declared import apply_declared
    from readinglist.model.records import DeclaredSeries, SeriesGuess
    from readinglist.model.urls import normalize_url

    links = [f"https://pots.example/posts/p{n}/" for n in range(1000)]
    guesses = [SeriesGuess(None, None, None, f"t{n}") for n in range(1000)]
    declared = {}
    for s in range(5):
        members = tuple(links[s * 200 : (s + 1) * 200])
        for place, link in enumerate(members, 1):
            declared[link] = DeclaredSeries(f"S{s}", place, 200, tuple(members), "series index")
    floor = best_of(rounds, lambda: [normalize_url(link) for link in links])
    laid = best_of(rounds, lambda: apply_declared(links, guesses, declared))
    print(f"floor: 1,000 addresses normalised {floor * 1000:6.1f} ms")
    print(f"declared: a site's list laid over {laid * 1000:6.1f} ms  ({laid / floor:.1f}x floor)")


if __name__ == "__main__":
    raise SystemExit(main())
