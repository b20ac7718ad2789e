"""A threaded HTTP server on 127.0.0.1 for every test that needs "the network".

No test touches the internet: fetch, sync, CLI and GUI tests all serve their fixture
feeds from here. Loaded as a pytest plugin (``pytest_plugins = ("loopback",)`` in
``conftest.py``), so any test can take the function-scoped ``loopback`` fixture::

    def test_something(loopback):
        loopback.route("/feed.xml", body=RSS, etag='"v1"', content_type="application/rss+xml")
        url = loopback.url("/feed.xml")           # http://127.0.0.1:PORT/feed.xml
        ...
        assert loopback.count("/feed.xml") == 1    # how many requests hit that path
        method, path, headers = loopback.requests[-1]
        assert headers["If-None-Match"] == '"v1"'  # headers are case-insensitive

Routes (``route`` returns the :class:`Reply`, later calls for a path replace earlier ones):

* ``status``, ``body`` (bytes or str), ``headers`` (dict or list of pairs; a list may
  repeat a name), ``content_type``;
* ``etag`` / ``last_modified``: sent with the reply; a request whose ``If-None-Match``
  matches the ETag (or, without If-None-Match, whose ``If-Modified-Since`` equals or is
  later than ``last_modified``) gets ``304 Not Modified`` with no body;
* ``delay``: seconds to wait before the status line (slow server);
* ``drip``: seconds to wait between body pieces of ``drip_size`` bytes (slow body);
* ``content_length``: the Content-Length header to send instead of the real length (send
  more than the body to simulate a server that closes early; the connection is then
  closed after the body);
* ``chunked=True``: Transfer-Encoding: chunked, no Content-Length;
* ``gzip=True``: compress the body and send ``Content-Encoding: gzip``;
* ``redirect(path, to, status=301)``: a redirect (``to`` may be a path or a full URL);
* ``raw``: bytes written to the socket verbatim, then the connection is closed (broken
  or hand-made responses);
* ``replies=[Reply(...), ...]``: answer with each in turn; the last one repeats;
* ``handler=callable``: ``handler(request: Request) -> Reply`` decides per request.

Unrouted paths answer 404. ``server.latency`` (seconds) delays every reply, in addition
to each route's ``delay``. ``server.max_concurrent`` is the largest number of requests
that were being handled at the same moment. ``server.close()`` (done by the fixture)
stops dripping and sleeping handlers, closes the socket and joins the threads.
"""

from __future__ import annotations

import contextlib
import gzip as gzip_module
import http.server
import socket
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from email.message import Message
from email.utils import parsedate_to_datetime
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pytest

HeaderPairs = dict[str, str] | Sequence[tuple[str, str]]


class Request(NamedTuple):
    """One request as the server saw it. ``headers`` is case-insensitive."""

    method: str
    path: str  # as sent, query string included
    headers: Message


@dataclass
class Reply:
    """What a route answers. See the module docstring for each field."""

    status: int = 200
    body: bytes = b""
    headers: HeaderPairs = field(default_factory=dict)
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    drip: float | None = None
    drip_size: int = 1
    content_length: int | None = None
    chunked: bool = False
    gzip: bool = False
    raw: bytes | None = None

    def __post_init__(self) -> None:
        if isinstance(self.body, str):
            self.body = self.body.encode("utf-8")


Handler = Callable[[Request], Reply]


class _Route:
    def __init__(self, replies: Sequence[Reply] = (), handler: Handler | None = None) -> None:
        self.replies = list(replies)
        self.handler = handler
        self.lock = threading.Lock()

    def next_reply(self, request: Request) -> Reply:
        if self.handler is not None:
            return self.handler(request)
        with self.lock:
            if len(self.replies) > 1:
                return self.replies.pop(0)
            return self.replies[0]


class LoopbackServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 with an ephemeral port."""

    def __init__(self, latency: float = 0.0) -> None:
        self.latency = latency
        self.requests: list[Request] = []
        self.max_concurrent = 0
        self._in_flight = 0
        self._routes: dict[str, _Route] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sockets: set[socket.socket] = set()
        self._httpd = _Server(("127.0.0.1", 0), _make_handler(self))
        self.port: int = self._httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._serve_thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"loopback-{self.port}",
            daemon=True,
        )
        self._serve_thread.start()

    # -- configuration -----------------------------------------------------

    def url(self, path: str = "/") -> str:
        """The absolute URL of ``path`` on this server."""
        if not path.startswith("/"):
            path = "/" + path
        return self.base_url + path

    def route(
        self,
        path: str,
        status: int = 200,
        body: bytes | str = b"",
        headers: HeaderPairs | None = None,
        *,
        content_type: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        delay: float = 0.0,
        drip: float | None = None,
        drip_size: int = 1,
        content_length: int | None = None,
        chunked: bool = False,
        gzip: bool = False,
        raw: bytes | None = None,
        replies: Sequence[Reply] | None = None,
        handler: Handler | None = None,
    ) -> Reply | None:
        """Serve ``path`` (exact match; with a query string, the query must match too,
        else the route for the bare path answers). Returns the Reply (None for
        ``replies``/``handler`` routes)."""
        if handler is not None:
            self._set_route(path, _Route(handler=handler))
            return None
        if replies is not None:
            if not replies:
                raise ValueError("replies must not be empty")
            self._set_route(path, _Route(replies=[_prepare(r) for r in replies]))
            return None
        reply = _prepare(
            Reply(
                status=status,
                body=body if isinstance(body, bytes) else body.encode("utf-8"),
                headers=headers if headers is not None else {},
                content_type=content_type,
                etag=etag,
                last_modified=last_modified,
                delay=delay,
                drip=drip,
                drip_size=drip_size,
                content_length=content_length,
                chunked=chunked,
                gzip=gzip,
                raw=raw,
            )
        )
        self._set_route(path, _Route(replies=[reply]))
        return reply

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        """Answer ``path`` with a redirect to ``to`` (a path or an absolute URL)."""
        self.route(path, status=status, headers={"Location": to})

    def unroute(self, path: str) -> None:
        with self._lock:
            self._routes.pop(path, None)

    def _set_route(self, path: str, route: _Route) -> None:
        with self._lock:
            self._routes[path] = route

    # -- inspection --------------------------------------------------------

    def count(self, path: str | None = None) -> int:
        """Requests received so far, for one path (query ignored) or for all."""
        with self._lock:
            if path is None:
                return len(self.requests)
            return sum(1 for r in self.requests if urlsplit(r.path).path == path)

    def requests_for(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if urlsplit(r.path).path == path]

    def clear_log(self) -> None:
        with self._lock:
            self.requests.clear()
            self.max_concurrent = 0

    @property
    def in_flight(self) -> int:
        return self._in_flight

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        """Stop serving: wake sleeping/dripping handlers, close sockets, join threads."""
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._serve_thread.join(timeout=5)
        with self._lock:
            threads = list(self._threads)
            sockets = list(self._sockets)
        for conn in sockets:  # wake handlers idling on keep-alive connections
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for t in threads:
            t.join(timeout=5)

    def __enter__(self) -> LoopbackServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- used by the handler -----------------------------------------------

    def _register(self, conn: socket.socket) -> None:
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(threading.current_thread())
            self._sockets.add(conn)

    def _unregister(self, conn: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(conn)

    def _enter(self, request: Request) -> _Route | None:
        with self._lock:
            self.requests.append(request)
            self._in_flight += 1
            self.max_concurrent = max(self.max_concurrent, self._in_flight)
            route = self._routes.get(request.path)
            if route is None:
                route = self._routes.get(urlsplit(request.path).path)
            return route

    def _leave(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _sleep(self, seconds: float) -> bool:
        """Sleep unless the server is closing; False when it is."""
        if seconds <= 0:
            return not self._stopping.is_set()
        return not self._stopping.wait(seconds)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up mid-reply is normal in these tests


def _prepare(reply: Reply) -> Reply:
    """Turn ``gzip=True`` into a compressed body plus a Content-Encoding header (once)."""
    if not reply.gzip:
        return reply
    headers = [*_header_items(reply.headers), ("Content-Encoding", "gzip")]
    return replace(reply, body=gzip_module.compress(reply.body), gzip=False, headers=headers)


def _header_items(headers: HeaderPairs) -> list[tuple[str, str]]:
    return list(headers.items()) if isinstance(headers, dict) else list(headers)


def _not_modified(reply: Reply, headers: Message) -> bool:
    inm = headers.get("If-None-Match")
    if inm is not None:
        if reply.etag is None:
            return False
        tags = [t.strip() for t in inm.split(",")]
        return "*" in tags or reply.etag in tags or inm == reply.etag
    ims = headers.get("If-Modified-Since")
    if ims is not None and reply.last_modified is not None:
        if ims == reply.last_modified:
            return True
        try:
            return parsedate_to_datetime(ims) >= parsedate_to_datetime(reply.last_modified)
        except (TypeError, ValueError):
            return False
    return False


def _make_handler(server: LoopbackServer) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = 30  # an idle keep-alive connection is dropped after this
        server_version = "loopback/1.0"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def handle(self) -> None:
            server._register(self.connection)
            try:
                super().handle()
            except OSError:
                pass  # the client hung up
            finally:
                server._unregister(self.connection)

        def do_GET(self) -> None:
            self._serve(head=False)

        def do_HEAD(self) -> None:
            self._serve(head=True)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            self._serve(head=False)

        do_PUT = do_POST
        do_DELETE = do_GET

        def _serve(self, head: bool) -> None:
            request = Request(self.command, self.path, self.headers)
            route = server._enter(request)
            try:
                reply = (
                    route.next_reply(request)
                    if route is not None
                    else Reply(status=404, body=b"not found", content_type="text/plain")
                )
                reply = _prepare(reply)
                if not server._sleep(server.latency + reply.delay):
                    self.close_connection = True
                    return
                self._write(reply, head)
            finally:
                server._leave()

        def _write(self, reply: Reply, head: bool) -> None:
            if reply.raw is not None:
                self.wfile.write(reply.raw)
                self.wfile.flush()
                self.close_connection = True
                return
            if _not_modified(reply, self.headers):
                self.send_response(304)
                if reply.etag is not None:
                    self.send_header("ETag", reply.etag)
                if reply.last_modified is not None:
                    self.send_header("Last-Modified", reply.last_modified)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return

            body = b"" if reply.status in (204, 304) else reply.body
            self.send_response(reply.status)
            names = {k.lower() for k, _ in _header_items(reply.headers)}
            for name, value in _header_items(reply.headers):
                self.send_header(name, value)
            if reply.content_type is not None and "content-type" not in names:
                self.send_header("Content-Type", reply.content_type)
            if reply.etag is not None and "etag" not in names:
                self.send_header("ETag", reply.etag)
            if reply.last_modified is not None and "last-modified" not in names:
                self.send_header("Last-Modified", reply.last_modified)
            if reply.chunked:
                self.send_header("Transfer-Encoding", "chunked")
            elif "content-length" not in names:
                length = reply.content_length if reply.content_length is not None else len(body)
                self.send_header("Content-Length", str(length))
            if reply.content_length is not None and reply.content_length != len(body):
                self.close_connection = True
            self.end_headers()
            self.wfile.flush()
            if head:
                return
            for piece in self._pieces(reply, body):
                if reply.chunked:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                else:
                    self.wfile.write(piece)
                self.wfile.flush()
                if reply.drip and not server._sleep(reply.drip):
                    self.close_connection = True
                    return
            if reply.chunked:
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()

        def _pieces(self, reply: Reply, body: bytes) -> Iterator[bytes]:
            if not body:
                return
            if reply.drip:
                size = max(1, reply.drip_size)
                for i in range(0, len(body), size):
                    yield body[i : i + size]
            elif reply.chunked:
                for i in range(0, len(body), 64 * 1024):
                    yield body[i : i + 64 * 1024]
            else:
                yield body

    return Handler


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    """A fresh :class:`LoopbackServer` for one test, closed afterwards."""
    server = LoopbackServer()
    try:
        yield server
    finally:
        server.close()


__all__ = ["LoopbackServer", "Reply", "Request", "loopback"]
