"""A real HTTP server on 127.0.0.1 for fetch and feed tests (test helper, not a test).

``with LoopbackServer() as server:`` starts ``http.server`` in a thread on a port the OS picks and
serves the fixtures of ``tests/data/feeds`` plus routes that misbehave on purpose. Every request is
recorded (path, status, headers) so tests can count what reached the server.

Routes::

    /robots.txt            server.robots (text), or 404 / 500 with server.robots_status
    /page/NAME             tests/data/feeds/pages/NAME.html, with ETag / Last-Modified and 304
    /private/NAME          the same page, disallowed by the default robots.txt
    /feed/FILE             tests/data/feeds/FILE ({base} replaced by the server's URL), with ETag and 304
    /redirect/N/REST       302 to /redirect/N-1/REST ... then to /REST
    /loop                  302 to itself          /bad-redirect, /to-script   302 to unusable URLs
    /to-private            302 to http://10.0.0.1/          /to-metadata   302 to http://169.254.169.254/
    /slow                  answers after 5 s (tests use a shorter read timeout)
    /trickle               sends its body one byte every 50 ms
    /truncated             declares 5,000 bytes, sends 100, closes
    /flaky                 429 with Retry-After: 1 on the first request, then a page
    /error                 always 500             /busy   503 with Retry-After: 3600
    /huge                  2 MiB with Content-Length       /huge-stream  2 MiB without it
    /gzip-bomb             100 KiB of gzip that inflates to 8 MiB
    /pdf                   a PDF
    anything added with server.serve(path, body, content_type)
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import socketserver
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from tabellino.ingest.addresses import AddressPolicy
from tabellino.ingest.fetch import FetchPolicy

FEEDS = Path(__file__).parent / "data" / "feeds"
LAST_MODIFIED = "Thu, 05 Feb 2026 10:00:00 GMT"
DEFAULT_ROBOTS = "User-agent: *\nDisallow: /private/\n"
HTML = "text/html; charset=utf-8"
_TYPES = {".xml": "application/rss+xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml"}
_MIB = 1024 * 1024


@dataclass(frozen=True)
class Hit:
    """One request the server answered."""

    path: str
    status: int
    headers: dict[str, str]


@dataclass
class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 serving the test routes; use it as a context manager."""

    robots: str = DEFAULT_ROBOTS
    robots_status: int = 200
    hits: list[Hit] = field(default_factory=list)
    extra: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)
    counts: dict[str, int] = field(default_factory=dict)

    def __enter__(self) -> LoopbackServer:
        self._httpd = _Server(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        # A short poll interval: shutdown() waits for the serving loop to look up.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.01,), daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop.set()  # wakes the slow routes
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def base(self) -> str:
        """Return ``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def url(self, path: str) -> str:
        """Return the full URL of a path on this server."""
        return self.base + path

    def serve(self, path: str, body: bytes, content_type: str = HTML) -> None:
        """Add (or replace) a static route with ETag / Last-Modified support."""
        self.extra[path] = (body, content_type)

    def count(self, path: str) -> int:
        """Return how many requests reached ``path``."""
        return sum(1 for hit in self.hits if hit.path == path)

    def statuses(self, path: str) -> list[int]:
        """Return the statuses the server answered for ``path``, in order."""
        return [hit.status for hit in self.hits if hit.path == path]


class _Server(ThreadingHTTPServer):
    """A threaded HTTP server that skips the reverse DNS lookup of its own address (slow, useless here)."""

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "127.0.0.1", self.server_address[1]


def _handler_for(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    """Return a request handler class bound to ``server``."""

    class Handler(_Handler):
        owner = server

    return Handler


class _Handler(BaseHTTPRequestHandler):
    """Dispatch a GET to the route its path names."""

    owner: LoopbackServer
    server_version = "LoopbackTest/1"

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Answer one GET."""
        path = urlsplit(self.path).path
        self.owner.counts[path] = self.owner.counts.get(path, 0) + 1
        # The client may give up first (timeouts, size limits): that is what such a test wants.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            _route(self.owner, path)(self, path)

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        """Send a whole answer with Content-Length, recording it."""
        self._record(status)
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _record(self, status: int) -> None:
        """Record the request and the status it got."""
        hit = Hit(urlsplit(self.path).path, status, {k.lower(): v for k, v in self.headers.items()})
        self.owner.hits.append(hit)

    def static(self, body: bytes, content_type: str) -> None:
        """Send a body with validators, or 304 when the request's validators still match."""
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        if self.headers.get("If-None-Match") == etag or (
            "If-None-Match" not in self.headers and self.headers.get("If-Modified-Since") == LAST_MODIFIED
        ):
            self.send(304, b"", validators)
            return
        self.send(200, body, {"Content-Type": content_type, **validators})


Route = Callable[[_Handler, str], None]


def _route(server: LoopbackServer, path: str) -> Route:
    """Return the route serving ``path``."""
    if path in server.extra:
        body, content_type = server.extra[path]
        return lambda h, _p: h.static(body, content_type)
    head = "/" + path.strip("/").split("/", 1)[0]
    return _ROUTES.get(path, _PREFIXES.get(head, _not_found))


def _not_found(h: _Handler, path: str) -> None:
    h.send(404, b"not found", {"Content-Type": "text/plain"})


def _robots(h: _Handler, path: str) -> None:
    status = h.owner.robots_status
    h.send(status, h.owner.robots.encode() if status == 200 else b"", {"Content-Type": "text/plain"})


def _page(h: _Handler, path: str) -> None:
    file = FEEDS / "pages" / (path.rsplit("/", 1)[-1] + ".html")
    if not file.is_file():
        _not_found(h, path)
        return
    h.static(file.read_bytes(), HTML)


def _feed(h: _Handler, path: str) -> None:
    file = FEEDS / path.rsplit("/", 1)[-1]
    if not file.is_file():
        _not_found(h, path)
        return
    body = file.read_text(encoding="utf-8").replace("{base}", h.owner.base).encode()
    h.static(body, _TYPES.get(file.suffix, HTML))


def _redirect(h: _Handler, path: str) -> None:
    _, _, n, rest = path.split("/", 3)
    target = f"/redirect/{int(n) - 1}/{rest}" if int(n) > 1 else f"/{rest}"
    h.send(302, b"", {"Location": target})


def _location(target: str) -> Route:
    return lambda h, _p: h.send(302, b"", {"Location": target})


def _slow(h: _Handler, path: str) -> None:
    h.owner.stop.wait(5.0)
    h.send(200, b"late", {"Content-Type": "text/plain"})


def _trickle(h: _Handler, path: str) -> None:
    h._record(200)
    h.send_response(200)
    h.send_header("Content-Length", "200")
    h.end_headers()
    for _ in range(200):
        if h.owner.stop.wait(0.05):
            return
        h.wfile.write(b"x")
        h.wfile.flush()


def _truncated(h: _Handler, path: str) -> None:
    h._record(200)
    h.send_response(200)
    h.send_header("Content-Length", "5000")
    h.end_headers()
    h.wfile.write(b"<html>" + b"a" * 94)
    h.wfile.flush()
    h.close_connection = True


def _flaky(h: _Handler, path: str) -> None:
    if h.owner.counts[path] == 1:
        h.send(429, b"slow down", {"Retry-After": "1"})
    else:
        _page(h, "/page/report-1")


def _huge_stream(h: _Handler, path: str) -> None:
    h._record(200)
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.end_headers()  # no Content-Length: the body ends when the connection closes
    chunk = b"y" * 65536
    for _ in range(32):
        h.wfile.write(chunk)
    h.close_connection = True


@functools.cache
def _bomb() -> bytes:
    return gzip.compress(b"z" * 8 * _MIB)


def _gzip_bomb(h: _Handler, path: str) -> None:
    h.send(200, _bomb(), {"Content-Type": "text/plain", "Content-Encoding": "gzip"})


_ROUTES: dict[str, Route] = {
    "/robots.txt": _robots,
    "/loop": _location("/loop"),
    "/bad-redirect": _location("http://[::1"),
    "/to-script": _location("javascript:alert(1)"),
    "/to-private": _location("http://10.0.0.1/secret"),
    "/to-metadata": _location("http://169.254.169.254/latest/meta-data/"),
    "/slow": _slow,
    "/trickle": _trickle,
    "/truncated": _truncated,
    "/flaky": _flaky,
    "/error": lambda h, _p: h.send(500, b"boom", {"Content-Type": "text/plain"}),
    "/busy": lambda h, _p: h.send(503, b"busy", {"Retry-After": "3600"}),
    "/huge": lambda h, _p: h.send(200, b"x" * 2 * _MIB, {"Content-Type": "text/plain"}),
    "/huge-stream": _huge_stream,
    "/gzip-bomb": _gzip_bomb,
    "/pdf": lambda h, _p: h.send(200, b"%PDF-1.7\n" + b"\x00" * 100, {"Content-Type": "application/pdf"}),
}
_PREFIXES: dict[str, Route] = {
    "/page": _page,
    "/private": _page,
    "/feed": _feed,
    "/redirect": _redirect,
}


SHORT_TIMEOUTS: dict[str, Any] = {"read_timeout": 0.5, "deadline": 0.6}
"""Overrides for the tests that wait for a timeout on purpose (/slow, /trickle)."""


def fast_policy(**overrides: Any) -> FetchPolicy:
    """Return a fetch policy for tests: loopback allowed (only), short timeouts, small limits."""
    values: dict[str, Any] = {
        "addresses": AddressPolicy.allowing(["127.0.0.0/8"]),
        "connect_timeout": 1.0,
        "read_timeout": 3.0,  # generous: a loaded machine must not fail tests that expect an answer
        "deadline": 6.0,
        "max_bytes": 256 * 1024,
        "backoff": 0.01,
        "max_retry_after": 5.0,
    }
    values.update(overrides)
    return FetchPolicy(**values)
