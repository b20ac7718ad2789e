"""Disk benchmark: how many bytes a library takes, and that search stays as fast.

Builds a library of ``--feeds`` x ``--entries`` articles (default 200 x 500 = 100,000)
through the real sync path: the feeds are served on loopback by a child process (half
RSS with a description, half Atom with content, 1-3 KB of varied HTML each, from
``ui_bench_library``'s word model, so compression meets text as varied as a blog's and
not one paragraph repeated), and ``sync_feeds`` fetches, parses, sanitizes and stores
them. Then it reports:

* file size (MB, after a WAL checkpoint) and bytes per article;
* the same after keeping the full text of ``--fulltext-share`` of the articles (the
  ``fulltext`` table, 4-12 KB of HTML each), and bytes per article with it;
* search: median of ``--repeat`` runs of what the filter box does (the newest 500
  matches, their count, the excerpts of the first 50), for specific words and for a
  word in every article.

With ``--baseline REV`` the same library is also built, in the same run, by the code
of git revision ``REV`` (its ``src/`` unpacked into a temporary folder; say the last
commit before the compact storage), measured the same way, then migrated by this code:
the migration's time (backup copy, migration and VACUUM included) and the size after.

Usage: python bench/disk_bench.py [--feeds 200] [--entries 500] [--fulltext-share 0.1]
                                  [--repeat 7] [--baseline REV] [--breakdown]
Each library is built and measured in a child process, so each side imports only its
own code and starts with a cold Python.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from ui_bench_library import TOPICS, _Text  # noqa: E402

from feedgen import Item, atom, rss  # noqa: E402

SPECIFIC_WORDS = ("tokio", "eigenvalue", "watermark")  # a series' keywords: ~1 feed in 6
EVERY_WORD = ("the",)  # in every article
EXCERPTS = 50  # the rows a result list shows first
SEARCH_LIMIT = 500  # gui/navigation.py


def make_feeds(n_feeds: int, n_entries: int) -> dict[str, bytes]:
    """Series posts and notes, as in ``sync_bench``, with bodies of varied words."""
    rng = random.Random(42)
    text = _Text(rng)
    topics = list(TOPICS)
    docs = {}
    for f in range(n_feeds):
        mine = rng.sample(topics, 5)
        items = []
        for e in range(n_entries):
            topic = mine[e % 5]
            part = e // 5 + 1
            if e % 10 == 9:
                title = f"Notes from week {f}-{e}"
                link = f"https://blog{f}.example/posts/notes-{e}/"
                html, _plain = text.body(())
            else:
                title = f"{topic} ({part}): Chapter {e} of blog {f}"
                slug = topic.lower().replace(" ", "-")
                link = f"https://blog{f}.example/{slug}/{part:02d}-chapter-{e}/"
                html, _plain = text.body(TOPICS[topic])
            items.append(Item(f"blog{f}-{e}", title, link, html, day=e % 3000))
        make = rss if f % 2 == 0 else atom
        docs[f"/feed{f}.xml"] = make(items, title=f"Blog {f}", site=f"https://blog{f}.example/")
    return docs


def serve(docs: dict[str, bytes], ready: Any, stop: Any) -> None:  # the child
    from loopback import LoopbackServer

    servers = [LoopbackServer() for _ in range(20)]
    urls = {}
    for i, (path, body) in enumerate(docs.items()):
        server = servers[i % len(servers)]
        server.route(path, body=body, content_type="application/xml")
        urls[path] = server.url(path)
    ready.put(urls)
    stop.wait()
    for server in servers:
        server.close()


# --- the child: build one library with whichever readinglist is on the path -----------


def _file_bytes(path: Path) -> int:
    return sum(
        Path(f"{path}{suffix}").stat().st_size
        for suffix in ("", "-wal")
        if Path(f"{path}{suffix}").exists()
    )


def _breakdown(path: Path) -> dict[str, int]:
    """Bytes per table and index (dbstat), FTS5 shadow tables named as they are."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            name: int(size)
            for name, size in con.execute(
                "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
            )
        }
    finally:
        con.close()


def _add_fulltext(store: Any, share: float) -> int:
    rng = random.Random(7)
    text = _Text(rng)
    ids = [a for (a,) in store.db.execute_sql("SELECT id FROM article ORDER BY id").fetchall()]
    chosen = [a for a in ids if rng.random() < share]
    with store.transaction():
        for aid in chosen:
            pages = [text.body(()) for _ in range(rng.randint(2, 6))]
            html = "\n".join(h for h, _p in pages)
            words = sum(len(p.split()) for _h, p in pages)
            store.set_fulltext(aid, html, words=words, source_url=f"https://page.example/{aid}")
    return len(chosen)


def measure_search(db_path: Path, repeat: int) -> dict[str, float]:
    """Median ms of the filter box's reads, per kind of word."""
    from readinglist.model.query import ArticleQuery
    from readinglist.storage.store import Store

    out: dict[str, float] = {}
    store = Store(db_path)
    try:
        for kind, words in (("specific", SPECIFIC_WORDS), ("every", EVERY_WORD)):
            for step in ("list", "count", "excerpts"):
                out[f"{kind}_{step}"] = 0.0
            counts: list[int] = []
            for word in words:
                query = ArticleQuery(search=word, limit=SEARCH_LIMIT)
                times: dict[str, list[float]] = {"list": [], "count": [], "excerpts": []}
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    found = store.list_articles(query)
                    t1 = time.perf_counter()
                    counts.append(store.count_articles(query))
                    t2 = time.perf_counter()
                    store.match_excerpts([a.id for a in found[:EXCERPTS]], word)
                    t3 = time.perf_counter()
                    times["list"].append((t1 - t0) * 1000)
                    times["count"].append((t2 - t1) * 1000)
                    times["excerpts"].append((t3 - t2) * 1000)
                for step, values in times.items():
                    out[f"{kind}_{step}"] += statistics.median(values) / len(words)
            out[f"{kind}_matches"] = statistics.median(counts)
        # the article pane: the HTML of one article, by id
        ids = [a for (a,) in store.db.execute_sql("SELECT id FROM article").fetchall()]
        sample = random.Random(3).sample(ids, min(200, len(ids)))
        t0 = time.perf_counter()
        for aid in sample:
            store.get_content(aid)
        out["content_ms"] = (time.perf_counter() - t0) * 1000 / len(sample)
    finally:
        store.close()
    return out


def child_build(db_path: Path, urls: list[str], share: float, repeat: int) -> dict[str, Any]:
    from readinglist.feeds.fetch import Fetcher
    from readinglist.services.sync import sync_feeds
    from readinglist.storage.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    store = Store(db_path)
    for url in urls:
        store.add_feed(url)
    t0 = time.perf_counter()
    with Fetcher() as fetcher:
        summary = sync_feeds(store, workers=8, fetcher=fetcher)
    sync_s = time.perf_counter() - t0
    assert not summary.failed, summary.failed[:3]
    articles = int(store.db.execute_sql("SELECT COUNT(*) FROM article").fetchone()[0])
    store.checkpoint()
    store.close()
    plain = _file_bytes(db_path)
    plain_breakdown = _breakdown(db_path)
    store = Store(db_path)
    kept = _add_fulltext(store, share)
    store.checkpoint()
    store.close()
    full = _file_bytes(db_path)
    import readinglist

    return {
        "code": str(Path(readinglist.__file__).parent),
        "articles": articles,
        "sync_s": sync_s,
        "plain_bytes": plain,
        "fulltext_bytes": full,
        "fulltexts": kept,
        "breakdown": plain_breakdown,
        "full_breakdown": _breakdown(db_path),
        "search": measure_search(db_path, repeat),
    }


def child_migrate(db_path: Path, repeat: int) -> dict[str, Any]:
    from readinglist.storage.store import Store

    t0 = time.perf_counter()
    store = Store(db_path)  # backup copy, migration, VACUUM
    took = time.perf_counter() - t0
    store.checkpoint()
    store.close()
    return {
        "migrate_s": took,
        "fulltext_bytes": _file_bytes(db_path),
        "full_breakdown": _breakdown(db_path),
        "search": measure_search(db_path, repeat),
    }


# --- the parent ------------------------------------------------------------------


def _run_child(src: Path, args: list[str]) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"{' '.join(args)} failed:\n{out.stderr}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _baseline_src(rev: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "src"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def _mb(n: float) -> str:
    return f"{n / 1e6:8.1f}"


def _report(name: str, r: dict[str, Any], n: int) -> list[str]:
    s = r["search"]
    plain = (
        f"{_mb(r['plain_bytes'])} MB {r['plain_bytes'] / n:7.0f} B"
        if "plain_bytes" in r
        else f"{'-':>11}{'-':>10}"
    )
    return [
        f"{name:<22}{plain}"
        f"{_mb(r['fulltext_bytes'])} MB {r['fulltext_bytes'] / n:7.0f} B"
        f"{s['specific_list']:8.1f}{s['specific_count']:7.1f}{s['specific_excerpts']:7.1f}"
        f"{s['every_list']:8.1f}{s['every_count']:7.1f}{s['every_excerpts']:7.1f}"
        f"{s['content_ms']:8.2f}"
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--fulltext-share", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--baseline", metavar="REV", help="also build with this git revision")
    parser.add_argument("--breakdown", action="store_true", help="bytes per table and index")
    parser.add_argument("--keep", type=Path, help="leave the libraries in this folder")
    parser.add_argument("--child", choices=("build", "migrate"), help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--urls", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "build":
        urls = json.loads(args.urls.read_text(encoding="utf-8"))
        print(json.dumps(child_build(args.db, urls, args.fulltext_share, args.repeat)))
        return
    if args.child == "migrate":
        print(json.dumps(child_migrate(args.db, args.repeat)))
        return

    docs = make_feeds(args.feeds, args.entries)
    print(
        f"{args.feeds} feeds x {args.entries} entries, {sum(map(len, docs.values())) / 1e6:.0f} MB"
        f" of feeds; full text kept for {args.fulltext_share:.0%} of the articles"
    )
    ctx = mp.get_context("spawn")
    ready, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(target=serve, args=(docs, ready, stop), daemon=True)
    server.start()
    results: dict[str, dict[str, Any]] = {}
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="disk-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        urls = list(ready.get(timeout=120).values())
        urls_file = tmp / "urls.json"
        urls_file.write_text(json.dumps(urls), encoding="utf-8")
        common = ["--urls", str(urls_file), "--fulltext-share", str(args.fulltext_share)]
        common += ["--repeat", str(args.repeat)]
        if args.baseline:
            src = _baseline_src(args.baseline, Path(tempfile.mkdtemp(dir=tmp)))
            old = tmp / "baseline.sqlite3"
            results[f"before ({args.baseline[:10]})"] = _run_child(
                src, ["--child", "build", "--db", str(old), *common]
            )
            migrated = tmp / "migrated.sqlite3"
            shutil.copy(old, migrated)
            results["before, migrated"] = _run_child(
                ROOT / "src", ["--child", "migrate", "--db", str(migrated), *common]
            )
        new = tmp / "new.sqlite3"
        results["this code"] = _run_child(
            ROOT / "src", ["--child", "build", "--db", str(new), *common]
        )
    finally:
        stop.set()
        server.join(timeout=10)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    n = next(iter(results.values())).get("articles") or args.feeds * args.entries
    print(f"{n} articles; search medians of {args.repeat} runs in ms (newest {SEARCH_LIMIT},")
    print(f"count, excerpts of {EXCERPTS}); content: one article's HTML by id, ms")
    print(
        f"{'library':<22}{'size':>11}{'per art':>10}{'+fulltext':>11}{'per art':>10}"
        f"{'spec.list':>10}{'count':>7}{'excpt':>7}{'ev.list':>8}{'count':>7}{'excpt':>7}"
        f"{'content':>8}"
    )
    for name, r in results.items():
        for line in _report(name, r, n):
            print(line)
        if "sync_s" in r:
            print(f"{'':<22}sync {r['sync_s']:.1f} s, {r['fulltexts']} full texts")
        if "migrate_s" in r:
            print(f"{'':<22}migration (backup + migrate + VACUUM) {r['migrate_s']:.1f} s")
    if args.breakdown:
        for name, r in results.items():
            print(f"\n{name}: bytes per table/index (with full text)")
            for table, size in r["full_breakdown"].items():
                print(f"  {table:<32}{_mb(size)} MB")


if __name__ == "__main__":
    main()
