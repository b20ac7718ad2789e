"""Sync benchmark: 200 feeds x 50 entries on loopback with 50 ms latency.

Prints, from one run on this machine:
  floor      plain ``feedparser.parse`` of the same 200 documents from memory
             (no network, no database): what a feed reader cannot avoid;
  first      our first sync into an empty library (fetch, parse, sanitize, series,
             store, search index);
  second     our second sync (every feed answers 304: zero parses);
  304 floor  200 conditional GETs answered 304, 8 at a time, with a bare httpx client;
  memory     peak memory of ``readinglist sync`` (the CLI) doing a first sync, across
             all its processes (the CLI and any parse workers it starts): the sum of
             every process's own high-water mark (VmHWM), an upper bound since their
             peaks need not coincide, and the largest sum of their resident sizes seen
             by sampling /proc every 20 ms.

Usage: python bench/sync_bench.py [--feeds 200] [--entries 50] [--latency 0.05]
                                  [--hosts 50] [--per-host N] [--quick]
                                  [--floor-sample N]
``--hosts 1`` puts every feed on one host (YouTube channels, GitHub releases,
Substack: dozens of a user's feeds share one); ``--per-host`` sets the fetcher's
connections per host (default: ``FetchLimits.per_host_connections``); ``--quick``
times only the first and second sync (no floors, no CLI memory run).
``--floor-sample N`` parses only every (feeds/N)th document for the floor and scales the
time up to all of them (the 100k case, ``--feeds 200 --entries 500``, would otherwise
spend five minutes on the floor); the line says so when it is an estimate.
The feed server runs in a child process so it does not share our GIL.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import feedparser  # noqa: E402
import feedparser.api  # noqa: E402
import httpx  # noqa: E402

from feedgen import Item, article_html, atom, rss  # noqa: E402
from readinglist.feeds.fetch import Fetcher, FetchLimits  # noqa: E402
from readinglist.services.sync import sync_feeds  # noqa: E402
from readinglist.storage.store import Store  # noqa: E402

TOPICS = [
    "Transfer Learning",
    "Time Series Forecasting",
    "Linear Algebra",
    "Compilers",
    "Rust Async",
]


def make_feeds(n_feeds: int, n_entries: int) -> dict[str, bytes]:
    rng = random.Random(42)
    docs = {}
    for f in range(n_feeds):
        items = []
        for e in range(n_entries):
            topic = rng.choice(TOPICS)
            part = e // 5 + 1
            if e % 5 == 4:
                title, link = (
                    f"Notes from week {f}-{e}",
                    f"https://blog{f}.example/posts/notes-{e}/",
                )
            else:
                title = f"{topic} ({part}): Chapter {e} of blog {f}"
                link = f"https://blog{f}.example/{topic.lower().replace(' ', '-')}/{part:02d}-chapter-{e}/"
            items.append(
                Item(f"blog{f}-{e}", title, link, article_html(e, rng.randint(1000, 3000)), day=e)
            )
        make = rss if f % 2 == 0 else atom
        docs[f"/feed{f}.xml"] = make(items, title=f"Blog {f}", site=f"https://blog{f}.example/")
    return docs


def serve(docs: dict[str, bytes], latency: float, hosts: int, ready, stop) -> None:  # child
    """Serve the feeds from ``hosts`` servers (distinct ports), as real feeds come from many sites."""
    from loopback import LoopbackServer

    servers = [LoopbackServer(latency=latency) for _ in range(hosts)]
    urls = {}
    for i, (path, body) in enumerate(docs.items()):
        server = servers[i % hosts]
        server.route(
            path, body=body, etag=f'"{hash(body) & 0xFFFFFFFF:x}"', content_type="application/xml"
        )
        urls[path] = server.url(path)
    ready.put(urls)
    stop.wait()
    for server in servers:
        server.close()


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def floor_parse(docs: dict[str, bytes], sample: int = 0) -> float:
    """Stock ``feedparser.parse``: its default options and its own SAX driver list, not
    the one ``readinglist.feeds.parse`` puts first (``feeds.sax_driver``, which makes
    feedparser faster and would move the floor)."""
    bodies = list(docs.values())
    drivers = feedparser.api.PREFERRED_XML_PARSERS
    saved = list(drivers)
    drivers[:] = [d for d in drivers if not d.startswith("readinglist.")]
    try:
        if not sample or sample >= len(bodies):
            return timed(lambda: [feedparser.parse(body) for body in bodies])
        step = len(bodies) / sample
        chosen = [bodies[int(i * step)] for i in range(sample)]
        scale = sum(map(len, bodies)) / sum(map(len, chosen))
        return timed(lambda: [feedparser.parse(body) for body in chosen]) * scale
    finally:
        drivers[:] = saved


def fetch_304s(urls: dict[str, str], etags: dict[str, str]) -> float:
    with httpx.Client(timeout=10, limits=httpx.Limits(max_connections=16)) as client:

        def get(url: str) -> int:
            return client.get(url, headers={"If-None-Match": etags[url]}).status_code

        with ThreadPoolExecutor(8) as pool:
            start = time.perf_counter()
            codes = list(pool.map(get, urls.values()))
            elapsed = time.perf_counter() - start
    assert set(codes) == {304}, set(codes)
    return elapsed


def _tree(root: int) -> list[int]:
    """``root`` and every process below it, from /proc (children of children too)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier]
        found += frontier
    return found


def _status_kb(pid: int) -> dict[str, int]:
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmHWM", "VmRSS")):
                key, value = line.split(":", 1)
                out[key] = int(value.split()[0])
    except (OSError, ValueError):
        pass
    return out


def cli_peak_memory_mb(urls: dict[str, str]) -> tuple[float, float, float, int]:
    """The CLI's first sync into a fresh library: (sum of VmHWM, max sampled RSS sum,
    seconds, processes); see ``cli_first_sync``."""
    with tempfile.TemporaryDirectory() as tmp:
        return cli_first_sync(urls, Path(tmp))


def cli_first_sync(urls: dict[str, str], data_dir: Path) -> tuple[float, float, float, int]:
    """``readinglist import`` of ``urls`` then ``readinglist sync`` into ``data_dir``:
    (sum of every process's VmHWM in MiB, max sampled RSS sum in MiB, seconds, processes).

    The CLI runs a probe that, once the sync returns, reports its own VmHWM; workers
    are sampled every 20 ms while they live (the last VmHWM read of each is kept),
    so a worker's peak in its last 20 ms could be missed by a few pages.
    """
    opml = data_dir / "feeds.opml"
    outlines = "".join(f'<outline text="f" xmlUrl="{u}"/>' for u in urls.values())
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8")
    exe = [sys.executable, "-m", "readinglist"]
    subprocess.run(
        [*exe, "import", str(opml), "--data-dir", str(data_dir)], check=True, capture_output=True
    )
    # ru_maxrss survives fork+exec (it would count this big benchmark process), so
    # the child reports its own high-water mark from /proc at the end of the run.
    probe = (
        "import sys; from readinglist.cli.commands import run\n"
        f"code = run(['sync', '-q', '--data-dir', {str(data_dir)!r}])\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print(int(hwm.split()[1])); sys.exit(code)\n"
    )
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", probe], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    hwm: dict[int, int] = {}
    max_rss_sum = 0
    while proc.poll() is None:
        rss_sum = 0
        for pid in _tree(proc.pid):
            status = _status_kb(pid)
            if status:
                hwm[pid] = max(hwm.get(pid, 0), status.get("VmHWM", 0))
                rss_sum += status.get("VmRSS", 0)
        max_rss_sum = max(max_rss_sum, rss_sum)
        time.sleep(0.02)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"the CLI sync failed ({proc.returncode}): {err.decode()[-2000:]}")
    hwm[proc.pid] = max(hwm.get(proc.pid, 0), int(out.decode().split()[-1]))
    return sum(hwm.values()) / 1024, max_rss_sum / 1024, elapsed, len(hwm)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--hosts", type=int, default=50, help="servers the feeds are spread over")
    parser.add_argument(
        "--per-host", type=int, default=FetchLimits().per_host_connections, help="connections"
    )
    parser.add_argument("--quick", action="store_true", help="only the first and second sync")
    parser.add_argument(
        "--floor-sample", type=int, default=0, help="parse N documents for the floor, scaled"
    )
    args = parser.parse_args()
    limits = FetchLimits(per_host_connections=args.per_host)

    docs = make_feeds(args.feeds, args.entries)
    total_mb = sum(map(len, docs.values())) / 1e6
    print(
        f"{args.feeds} feeds x {args.entries} entries, {total_mb:.1f} MB, "
        f"{args.hosts} hosts, latency {args.latency * 1000:.0f} ms, {args.workers} workers, "
        f"{args.per_host} connections per host"
    )
    ctx = mp.get_context("spawn")
    ready, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(
        target=serve, args=(docs, args.latency, args.hosts, ready, stop), daemon=True
    )
    server.start()
    urls = ready.get(timeout=60)
    try:
        floor = float("nan") if args.quick else floor_parse(docs, args.floor_sample)
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "library.sqlite3")
            for url in urls.values():
                store.add_feed(url)
            first_summary = None

            def first_run() -> None:
                nonlocal first_summary
                with Fetcher(limits) as fetcher:
                    first_summary = sync_feeds(store, workers=args.workers, fetcher=fetcher)

            first = timed(first_run)
            assert first_summary is not None and not first_summary.failed, first_summary.failed[:3]
            etags = {feed.url: feed.etag or "" for feed in store.list_feeds()}
            second_summary = None

            def second_run() -> None:
                nonlocal second_summary
                with Fetcher(limits) as fetcher:
                    second_summary = sync_feeds(store, workers=args.workers, fetcher=fetcher)

            second = timed(second_run)
            assert second_summary is not None
            statuses = {r.status.value for r in second_summary.results}
            store.close()
        if args.quick:
            print(f"first sync: {first:7.2f} s   ({first_summary.new_count} articles)")
            print(f"second sync (all 304): {second:7.2f} s   statuses {sorted(statuses)}")
            print(
                f"QUICK hosts={args.hosts} per_host={args.per_host} "
                f"first={first:.2f} second={second:.2f}"
            )
            return
        floor_304 = fetch_304s(urls, etags)
        peak_mb, rss_sum_mb, cli_seconds, processes = cli_peak_memory_mb(urls)
    finally:
        stop.set()
        server.join(timeout=10)

    sampled = (
        f"   (estimated from {args.floor_sample} of {args.feeds} documents)"
        if 0 < args.floor_sample < args.feeds
        else ""
    )
    print(f"floor (feedparser.parse from memory): {floor:7.2f} s{sampled}")
    print(
        f"first sync:                           {first:7.2f} s   {first / floor:5.2f}x floor   ({first_summary.new_count} articles)"
    )
    print(f"second sync (all 304):                {second:7.2f} s   statuses {sorted(statuses)}")
    print(
        f"304 floor (8 parallel bare GETs):     {floor_304:7.2f} s   second/304-floor {second / floor_304:5.2f}x"
    )
    print(
        f"CLI first sync: {cli_seconds:.2f} s, {processes} process(es), peak memory: "
        f"sum of VmHWM {peak_mb:.0f} MB, largest sampled RSS sum {rss_sum_mb:.0f} MB"
    )
    print(
        f"RATIOS first/floor={first / floor:.2f} second/304floor={second / floor_304:.2f} "
        f"cli_peak_mb={peak_mb:.0f} first_s={first:.1f}"
    )


if __name__ == "__main__":
    main()
