"""Sync benchmark with a real FreshRSS: a first sync of ~10k items and a sync with nothing
new, each against the same Google Reader API calls made bare from this script in the
same run (the floor: what any client of the API has to ask for and read).

Prints, for the first and the quiet sync: time, requests and, for ours, the peak memory
of the ``readinglist sync`` process (the CLI, its own high-water mark from /proc).

    bare first   login, subscription list, every item id, every item's contents in
                 batches of 250 (the bytes read and json-decoded, nothing else), the
                 unread and starred id lists
    ours first   ``readinglist sync`` into an empty library on the account: the same
                 calls, plus sanitizing, series detection, storing and the search index
    bare quiet   login, subscription list, ids since the last sync, unread and starred
    ours quiet   ``readinglist sync`` again with nothing new

Usage: python bench/greader_bench.py [--feeds 20] [--entries 500]
Needs PHP and ../shared/servers/freshrss (see tests/freshrss.py); exits 3 without them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import httpx  # noqa: E402

from feedgen import Item, article_html, rss  # noqa: E402
from loopback import LoopbackServer  # noqa: E402

SERVER = ROOT.parent / "shared" / "servers" / "freshrss" / "start.sh"
READING_LIST = "user/-/state/com.google/reading-list"
TOPICS = ["Transfer Learning", "Time Series Forecasting", "Linear Algebra", "Compilers"]


def feed_documents(n_feeds: int, n_entries: int, site: str) -> dict[str, bytes]:
    rng = random.Random(7)
    docs = {}
    for f in range(n_feeds):
        items = []
        for e in range(n_entries):
            topic = rng.choice(TOPICS)
            part = e // 4 + 1
            slug = topic.lower().replace(" ", "-")
            items.append(
                Item(
                    f"blog{f}-{e}",
                    f"{topic} ({part}): chapter {e} of blog {f}",
                    f"{site}/blog{f}/{slug}/{part:02d}-{e}/",
                    article_html(e, rng.randint(1000, 3000)),
                    day=e,
                )
            )
        docs[f"/feed{f}.xml"] = rss(items, title=f"Blog {f}", site=f"{site}/blog{f}/")
    return docs


class BareClient:
    """The API calls with nothing around them."""

    def __init__(self, base: str, user: str, password: str) -> None:
        self.base, self.requests = base, 0
        self.http = httpx.Client(timeout=120)
        body = self.post("/accounts/ClientLogin", {"Email": user, "Passwd": password}, auth=False)
        auth = next(x.split("=", 1)[1] for x in body.text.splitlines() if x.startswith("Auth="))
        self.http.headers["Authorization"] = f"GoogleLogin auth={auth}"

    def post(self, path: str, data: object, *, auth: bool = True) -> httpx.Response:
        self.requests += 1
        return self.http.post(self.base + path, data=data)  # type: ignore[arg-type]

    def get(self, path: str, **params: str) -> httpx.Response:
        self.requests += 1
        return self.http.get(self.base + path, params=params)

    def ids(self, **params: str) -> list[str]:
        out: list[str] = []
        cont = ""
        while True:
            extra = {"c": cont} if cont else {}
            page = self.get("/reader/api/0/stream/items/ids", n="10000", **params, **extra).json()
            out += [ref["id"] for ref in page.get("itemRefs", [])]
            cont = page.get("continuation", "")
            if not cont or not page.get("itemRefs"):
                return out

    def first(self) -> int:
        self.get("/reader/api/0/subscription/list", output="json").json()
        ids = self.ids(s=READING_LIST, r="o")
        for start in range(0, len(ids), 250):
            body = self.post("/reader/api/0/stream/items/contents", {"i": ids[start : start + 250]})
            json.loads(body.content)
        self.ids(s=READING_LIST, xt="user/-/state/com.google/read")
        self.ids(s="user/-/state/com.google/starred")
        return len(ids)

    def quiet(self, since: int) -> None:
        self.get("/reader/api/0/subscription/list", output="json").json()
        self.ids(s=READING_LIST, r="o", ot=str(since))
        self.ids(s=READING_LIST, xt="user/-/state/com.google/read")
        self.ids(s="user/-/state/com.google/starred")


def cli_sync(data_dir: str) -> tuple[float, int, int]:
    """``readinglist sync`` in a child: seconds, peak MiB, requests it made."""
    probe = (
        "import sys; from readinglist.services.library import Library\n"
        f"lib = Library.open({data_dir!r})\n"
        "summary = lib.sync()\n"
        "assert summary.account_error is None, summary.account_error\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print(int(hwm.split()[1]) // 1024, lib._client().requests, summary.new_count)\n"
        "lib.close()\n"
    )
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", probe],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    elapsed = time.perf_counter() - start
    peak, requests, _new = (int(v) for v in out.stdout.split())
    return elapsed, peak, requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=500)
    args = parser.parse_args()
    if shutil.which("php") is None or not SERVER.exists():
        print("needs PHP and ../shared/servers/freshrss", file=sys.stderr)
        return 3
    with tempfile.TemporaryDirectory() as tmp:
        started = subprocess.run(
            ["bash", str(SERVER), f"{tmp}/server"], check=True, capture_output=True, text=True
        )
        info = json.loads(started.stdout.strip().splitlines()[-1])
        feeds = LoopbackServer()
        try:
            docs = feed_documents(args.feeds, args.entries, feeds.base_url)
            for path, body in docs.items():
                feeds.route(path, body=body, content_type="application/rss+xml")
            setup = BareClient(info["greader"], info["user"], info["api_password"])
            token = setup.get("/reader/api/0/token").text.strip()
            for sub in setup.get("/reader/api/0/subscription/list", output="json").json()[
                "subscriptions"
            ]:
                setup.post(
                    "/reader/api/0/subscription/edit",
                    {"ac": "unsubscribe", "s": sub["id"], "T": token},
                )
            start = time.perf_counter()
            for path in docs:
                setup.post(
                    "/reader/api/0/subscription/quickadd", {"quickadd": feeds.url(path), "T": token}
                )
            print(f"FreshRSS took the {len(docs)} feeds in {time.perf_counter() - start:.1f} s")

            bare = BareClient(info["greader"], info["user"], info["api_password"])
            start = time.perf_counter()
            items = bare.first()
            bare_first, bare_first_requests = time.perf_counter() - start, bare.requests
            since = int(time.time()) - 1
            bare.requests = 0
            start = time.perf_counter()
            bare.quiet(since)
            bare_quiet, bare_quiet_requests = time.perf_counter() - start, bare.requests

            library = f"{tmp}/library"
            from readinglist.services.library import Library

            with Library.open(library) as lib:
                lib.set_account("greader", info["greader"], info["user"], info["api_password"])
            first, first_peak, first_requests = cli_sync(library)
            quiet, quiet_peak, quiet_requests = cli_sync(library)
        finally:
            feeds.close()
            os.killpg(int(info["pid"]), signal.SIGTERM)
    print(f"{items} items from {args.feeds} feeds on FreshRSS")
    print(f"{'':14}{'time':>9}{'requests':>10}{'× floor':>9}{'peak':>9}")
    print(f"{'bare first':14}{bare_first:8.2f}s{bare_first_requests:10}")
    print(
        f"{'ours first':14}{first:8.2f}s{first_requests:10}{first / bare_first:8.1f}×"
        f"{first_peak:6} MiB"
    )
    print(f"{'bare quiet':14}{bare_quiet:8.2f}s{bare_quiet_requests:10}")
    print(
        f"{'ours quiet':14}{quiet:8.2f}s{quiet_requests:10}{quiet / bare_quiet:8.1f}×"
        f"{quiet_peak:6} MiB"
    )
    print("(ours: the whole process, interpreter start and library open included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
