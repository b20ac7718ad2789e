"""A real FreshRSS for sync tests, and "another device" that talks to it.

``freshrss`` (function scope: a fresh server per test costs about 0.6 s) starts the
server in ``../shared/servers/freshrss/`` on loopback with PHP's built-in web server. It
skips when PHP or the server is absent, except under CI (``.ci/run`` sets
``READINGLIST_REQUIRE_FRESHRSS``; ``CI`` counts too), where a skip would hide that the
sync was never tested: there it fails.

``OtherDevice`` is a phone or a second desk: it speaks the Google Reader API with bare
httpx calls, written from the protocol and not from our client, so a test that passes
shows two independent clients agree on what the server holds.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

SERVER_DIR = Path(__file__).resolve().parents[2] / "shared" / "servers" / "freshrss"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
READING_LIST = "user/-/state/com.google/reading-list"


def _unavailable(reason: str) -> None:
    if os.environ.get("READINGLIST_REQUIRE_FRESHRSS") or os.environ.get("CI"):
        pytest.fail(f"the FreshRSS sync tests must run under CI: {reason}")
    pytest.skip(reason)


@dataclass
class FreshRSS:
    greader: str
    user: str
    api_password: str
    pid: int
    dir: Path
    port: int

    def stop(self) -> None:
        """Stop the web server (its process group); the data stays for ``start``."""
        try:
            os.killpg(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        for _ in range(100):
            try:
                os.killpg(self.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)

    def start(self) -> None:
        """Start the web server again on the same port, over the same data."""
        proc = subprocess.Popen(
            ["php", "-S", f"127.0.0.1:{self.port}", "-t", "p/"],
            cwd=self.dir,
            env={**os.environ, "PHP_CLI_SERVER_WORKERS": "4"},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.pid = proc.pid
        for _ in range(100):
            try:
                httpx.get(self.greader, timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("FreshRSS did not start again")

    def actualize(self) -> None:
        """Make the server fetch every feed now, as its cron job would once each feed's
        refresh interval has passed (the interval is why the feeds are first made due)."""
        database = self.dir / "data" / "users" / self.user / "db.sqlite"
        with contextlib.closing(sqlite3.connect(database)) as con, con:
            con.execute("UPDATE feed SET lastUpdate = 0")
        for cached in (self.dir / "data" / "cache").glob("*.spc"):  # SimplePie's copies
            cached.unlink()
        done = subprocess.run(
            ["php", "cli/actualize-user.php", "--user", self.user],
            cwd=self.dir,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if "actualized 0 feeds" in done.stdout or done.returncode not in (0, 1):
            raise RuntimeError(f"FreshRSS fetched nothing: {done.stdout} {done.stderr}")


class OtherDevice:
    """Another client of the same account, speaking the API with bare requests."""

    def __init__(self, server: FreshRSS) -> None:
        self.base = server.greader
        login = httpx.post(
            f"{self.base}/accounts/ClientLogin",
            data={"Email": server.user, "Passwd": server.api_password},
        )
        login.raise_for_status()
        auth = next(
            line.split("=", 1)[1] for line in login.text.splitlines() if line.startswith("Auth=")
        )
        self.http = httpx.Client(headers={"Authorization": f"GoogleLogin auth={auth}"})
        self.token = self.http.get(f"{self.base}/reader/api/0/token").text.strip()

    def close(self) -> None:
        self.http.close()

    def _post(self, path: str, data: list[tuple[str, str]]) -> httpx.Response:
        body = "&".join(f"{httpx.QueryParams({k: v})}" for k, v in [*data, ("T", self.token)])
        response = self.http.post(
            f"{self.base}/reader/api/0/{path}",
            content=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        response.raise_for_status()
        return response

    def subscriptions(self) -> list[dict[str, object]]:
        response = self.http.get(
            f"{self.base}/reader/api/0/subscription/list", params={"output": "json"}
        )
        response.raise_for_status()
        return list(response.json()["subscriptions"])

    def subscribe(self, url: str) -> str:
        return str(self._post("subscription/quickadd", [("quickadd", url)]).json()["streamId"])

    def unsubscribe(self, stream_id: str) -> None:
        self._post("subscription/edit", [("ac", "unsubscribe"), ("s", stream_id)])

    def ids(self, stream: str = READING_LIST, **params: str) -> list[str]:
        response = self.http.get(
            f"{self.base}/reader/api/0/stream/items/ids",
            params={"s": stream, "n": "10000", **params},
        )
        response.raise_for_status()
        return [ref["id"] for ref in response.json().get("itemRefs", [])]

    def items(self) -> list[dict[str, object]]:
        response = self.http.get(
            f"{self.base}/reader/api/0/stream/contents/{READING_LIST}", params={"n": "1000"}
        )
        response.raise_for_status()
        return list(response.json()["items"])

    def item_id(self, title: str) -> str:
        """The decimal id of the item with this title."""
        for item in self.items():
            if item["title"] == title:
                return str(int(str(item["id"]).rsplit("/", 1)[1], 16))
        raise KeyError(title)

    def tag(self, item_ids: list[str], *, add: str = "", remove: str = "") -> None:
        data = [("i", i) for i in item_ids]
        if add:
            data.append(("a", add))
        if remove:
            data.append(("r", remove))
        self._post("edit-tag", data)

    def read_ids(self) -> set[str]:
        return set(self.ids(it=READ))

    def starred_ids(self) -> set[str]:
        return set(self.ids(STARRED))


@pytest.fixture
def freshrss(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FreshRSS]:
    """A fresh FreshRSS with no subscriptions, stopped after the test."""
    if not (SERVER_DIR / "start.sh").exists():
        _unavailable(f"the FreshRSS server is not at {SERVER_DIR}")
    if shutil.which("php") is None:
        _unavailable("PHP is not installed (see .ci/run for the packages)")
    work = tmp_path_factory.mktemp("freshrss")
    started = subprocess.run(
        ["bash", str(SERVER_DIR / "start.sh"), str(work)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if started.returncode == 3:
        _unavailable(started.stderr.strip())
    if started.returncode != 0:
        raise RuntimeError(f"FreshRSS did not start: {started.stderr.strip()}")
    info = json.loads(started.stdout.strip().splitlines()[-1])
    server = FreshRSS(
        greader=info["greader"],
        user=info["user"],
        api_password=info["api_password"],
        pid=int(info["pid"]),
        dir=Path(info["dir"]),
        port=int(info["url"].rsplit(":", 1)[1].strip("/")),
    )
    device = OtherDevice(server)
    try:  # FreshRSS subscribes a new user to its own releases feed: a test starts empty
        for sub in device.subscriptions():
            device.unsubscribe(str(sub["id"]))
    finally:
        device.close()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def device(freshrss: FreshRSS) -> Iterator[OtherDevice]:
    """Another device on the same account."""
    other = OtherDevice(freshrss)
    yield other
    other.close()
