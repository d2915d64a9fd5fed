"""Fetch URLs politely and safely: the only code in tabellino that reads the network.

A :class:`Fetcher` GETs one URL at a time. For every URL and every redirect hop it:

1. checks the URL (``http`` / ``https`` with a host) and the addresses the host resolves to against
   the :class:`~tabellino.ingest.addresses.AddressPolicy` (private, loopback, link-local ...
   refused unless allowed); the connection itself is checked again where it is made;
2. checks the host's robots.txt (read once per host and kept for an hour);
3. sends a clear ``User-Agent`` and, when :class:`Validators` are given, ``If-None-Match`` /
   ``If-Modified-Since``, so an unchanged page answers 304 and costs nothing;
4. streams the body, stopping at the size limit and at the deadline (a server that trickles bytes
   defeats a read timeout, not a deadline);
5. retries 429 and 5xx answers and broken connections with exponential backoff, honouring
   ``Retry-After`` when it is within a cap (beyond it the fetch fails: the server asked us to go away).

Errors, all :class:`~tabellino.errors.FetchError` (``T400``)::

    FetchError                  network failure, timeout, HTTP error status, size, redirects
    ├── BlockedAddressError     T401: the host is or resolves to a refused address
    └── RobotsDisallowedError   T402: robots.txt disallows the URL for tabellino
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Protocol
from urllib.robotparser import RobotFileParser

import httpx

from tabellino import __version__
from tabellino.config import settings
from tabellino.errors import FetchError, InputError
from tabellino.ingest.addresses import AddressPolicy, BlockedAddressError, GuardedTransport, checked_addresses
from tabellino.ingest.sources import check_bytes, decode_bytes
from tabellino.models import Document

__all__ = [
    "ACCEPT_FEED",
    "ACCEPT_PAGE",
    "BlockedAddressError",
    "FetchPolicy",
    "FetchResult",
    "Fetcher",
    "RobotsDisallowedError",
    "ValidatorCache",
    "Validators",
    "page_document",
    "user_agent",
]

ACCEPT_PAGE = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
ACCEPT_FEED = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
ROBOT_NAME = "tabellino"  # the product token robots.txt rules name

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
_ROBOTS_TTL = 3600.0  # RFC 9309: a cached robots.txt should not be used for more than a day
_ROBOTS_FAILURE_TTL = 300.0  # an unreachable robots.txt is asked again sooner


class RobotsDisallowedError(FetchError):
    """The site's robots.txt disallows the URL for tabellino's user agent."""

    code = "T402"


def user_agent(contact: str | None = None) -> str:
    """Return the User-Agent: ``tabellino/<version>`` and whom to contact (``TABELLINO_FETCH_CONTACT``)."""
    who = settings().fetch_contact if contact is None else contact
    about = f"+{who}" if who else "football news to match data; no contact configured"
    return f"{ROBOT_NAME}/{__version__} ({about})"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How a fetcher behaves: addresses it may reach, timeouts (s), limits, retries and politeness."""

    addresses: AddressPolicy = field(default_factory=AddressPolicy)
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    deadline: float = 120.0  # the whole of one attempt, headers and body
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 1.0  # the first retry waits this long, each next one twice as long
    max_retry_after: float = 60.0
    robots: bool = True
    agent: str = field(default_factory=user_agent)

    @classmethod
    def from_settings(cls, addresses: AddressPolicy | None = None) -> FetchPolicy:
        """Return the policy the ``TABELLINO_FETCH_*`` settings give, with the given address policy."""
        conf = settings()
        return cls(
            addresses=addresses or AddressPolicy(),
            connect_timeout=conf.fetch_connect_timeout,
            read_timeout=conf.fetch_read_timeout,
            deadline=max(4 * conf.fetch_read_timeout, conf.fetch_connect_timeout + conf.fetch_read_timeout),
            max_bytes=conf.fetch_max_bytes,
            retries=max(0, conf.fetch_retries),
        )


@dataclass(frozen=True, slots=True)
class Validators:
    """The HTTP validators of a fetched response, sent back to ask "has it changed?"."""

    etag: str | None = None
    last_modified: str | None = None

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)

    def headers(self) -> dict[str, str]:
        """Return the conditional request headers for these validators."""
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched URL: the final URL after redirects, status, body and validators (304: empty body)."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str | None
    validators: Validators

    @property
    def not_modified(self) -> bool:
        """Return whether the server answered 304: unchanged since the validators sent."""
        return self.status == 304


class ValidatorCache(Protocol):
    """Where a fetcher keeps validators of past fetches (e.g. ``tabellino.store.feeds.StoredValidators``)."""

    def get(self, url: str) -> Validators | None:
        """Return the validators to send for ``url``, or None to fetch it whole."""

    def put(self, url: str, result: FetchResult) -> None:
        """Remember the validators of a complete fetch of ``url``."""


@dataclass(frozen=True, slots=True)
class _Answer:
    """One HTTP exchange, body read (or empty for redirects, 304 and errors)."""

    status: int
    headers: httpx.Headers
    body: bytes


class _Broken(Exception):
    """A transient transport failure (connection reset, truncated body): worth one more try."""


@dataclass(slots=True)
class _Robots:
    """A host's robots.txt rules, or the error that kept us from reading them, until ``expires``."""

    expires: float
    parser: RobotFileParser | None = None
    error: FetchError | None = None


class Fetcher:
    """Fetch URLs under a :class:`FetchPolicy`; reuse one fetcher for many URLs (connections, robots)."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        cache: ValidatorCache | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy.from_settings()
        self.cache = cache
        self._sleep = sleep
        self._clock = clock
        self._robots: dict[str, _Robots] = {}
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        self._client = httpx.Client(
            transport=GuardedTransport(self.policy.addresses),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": self.policy.agent},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the open connections."""
        self._client.close()

    def fetch(
        self, url: str, *, validators: Validators | None = None, accept: str = ACCEPT_PAGE
    ) -> FetchResult:
        """Fetch ``url``; return a 2xx or 304 result, raise FetchError (or a subclass) otherwise.

        Without ``validators``, the fetcher's cache (if any) gives them, and a 2xx result is put in it.
        """
        if validators is None and self.cache is not None:
            validators = self.cache.get(url)
        result = self._fetch(
            url, validators or Validators(), accept, robots=self.policy.robots, limit=self.policy.max_bytes
        )
        if result.status >= 300 and not result.not_modified:
            raise FetchError(f"{url}: HTTP {result.status}{_via(result)}")
        if self.cache is not None and not result.not_modified:
            self.cache.put(url, result)
        return result

    # -- one URL, hop by hop -------------------------------------------------------------------

    def _fetch(
        self, url: str, validators: Validators, accept: str, *, robots: bool, limit: int
    ) -> FetchResult:
        """Fetch ``url`` following redirects, checking every hop; return the last answer, whatever it is."""
        headers = {"Accept": accept, **validators.headers()}
        current = _check_url(url)
        for _hop in range(self.policy.max_redirects + 1):
            self._admit(current, robots=robots)
            answer = self._with_retries(current, headers, limit)
            location = answer.headers.get("location")
            if answer.status not in _REDIRECTS or not location:
                return _result(url, current, answer)
            current = _next_hop(current, location)
        raise FetchError(f"{url}: more than {self.policy.max_redirects} redirects")

    def _admit(self, url: httpx.URL, *, robots: bool) -> None:
        """Refuse a URL whose host resolves only to refused addresses, or that robots.txt disallows."""
        checked_addresses(url.raw_host.decode("ascii"), _port(url), self.policy.addresses)
        if robots and not self._robots_allow(url):
            raise RobotsDisallowedError(f"{url}: disallowed by the site's robots.txt")

    def _with_retries(self, url: httpx.URL, headers: dict[str, str], limit: int) -> _Answer:
        """Send one GET, again after a wait while the answer is 429 / 5xx or the connection broke."""
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            try:
                answer = self._send(url, headers, limit)
            except _Broken as exc:
                if last:
                    raise FetchError(f"{url}: {exc}") from None
                self._sleep(self._backoff(attempt))
                continue
            if answer.status not in _RETRY_STATUSES or last:
                return answer
            self._sleep(self._retry_delay(url, answer, attempt))
        raise AssertionError("the loop returns or raises")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        """Return the wait before retry ``attempt + 1``: exponential, capped."""
        return float(min(self.policy.backoff * 2**attempt, self.policy.max_retry_after))

    def _retry_delay(self, url: httpx.URL, answer: _Answer, attempt: int) -> float:
        """Return how long to wait before retrying: Retry-After when given (within the cap), else backoff."""
        asked = _retry_after(answer.headers.get("retry-after"))
        if asked is None:
            return self._backoff(attempt)
        if asked > self.policy.max_retry_after:
            raise FetchError(
                f"{url}: HTTP {answer.status}; the server asks to retry after {asked:.0f} s, "
                f"over the {self.policy.max_retry_after:.0f} s cap"
            )
        return asked

    def _send(self, url: httpx.URL, headers: dict[str, str], limit: int) -> _Answer:
        """Send one GET and read the body of a 2xx answer within the size limit and deadline."""
        started = self._clock()
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                body = b""
                if 200 <= response.status_code < 300:
                    body = self._read_body(url, response, started, limit)
                return _Answer(response.status_code, response.headers, body)
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: timed out ({self._timeout_kind(exc)})") from None
        except httpx.InvalidURL as exc:
            # httpx reads a redirect's Location itself: an unusable one fails here, not in _next_hop.
            raise FetchError(f"{url}: redirect to an unusable URL: {_describe(exc)}") from None
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(f"{url}: {_describe(exc)}") from None
        except httpx.TransportError as exc:  # refused, reset, truncated: may work on another try
            raise _Broken(f"connection failed: {_describe(exc)}") from None
        except (httpx.HTTPError, httpx.StreamError) as exc:  # undecodable body, anything else httpx raises
            raise FetchError(f"{url}: {_describe(exc)}") from None

    def _timeout_kind(self, exc: httpx.TimeoutException) -> str:
        """Return which timeout expired, in words."""
        if isinstance(exc, httpx.ConnectTimeout):
            return f"no connection within {self.policy.connect_timeout:g} s"
        if isinstance(exc, httpx.ReadTimeout):
            return f"no data for {self.policy.read_timeout:g} s"
        return _describe(exc)

    def _read_body(self, url: httpx.URL, response: httpx.Response, started: float, limit: int) -> bytes:
        """Read the (decompressed) body, refusing it past ``limit`` bytes or past the deadline."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(
                f"{url}: the body ({int(declared):,} bytes) is over the limit of {limit:,} bytes"
            )
        chunks, total = [], 0
        for chunk in response.iter_bytes():  # as the bytes arrive, so the deadline is checked often
            total += len(chunk)
            if total > limit:
                raise FetchError(f"{url}: the body is over the limit of {limit:,} bytes")
            if self._clock() - started > self.policy.deadline:
                raise FetchError(f"{url}: timed out (no complete answer in {self.policy.deadline:g} s)")
            chunks.append(chunk)
        return b"".join(chunks)

    # -- robots.txt ----------------------------------------------------------------------------

    def _robots_allow(self, url: httpx.URL) -> bool:
        """Return whether the host's robots.txt lets tabellino fetch ``url`` (read once per host)."""
        origin = f"{url.scheme}://{url.netloc.decode('ascii')}"
        entry = self._robots.get(origin)
        if entry is None or entry.expires < self._clock():
            entry = self._read_robots(origin)
            self._robots[origin] = entry
        if entry.error is not None:
            raise entry.error
        assert entry.parser is not None
        return entry.parser.can_fetch(ROBOT_NAME, str(url))

    def _read_robots(self, origin: str) -> _Robots:
        """Fetch and parse ``origin``/robots.txt (RFC 9309: 4xx allows all; 5xx or no answer, nothing).

        A robots.txt that cannot be read is an error for the URL (tried again a few minutes later),
        not a disallow: the site may be back on the next pass.
        """
        robots_url = f"{origin}/robots.txt"
        try:
            result = self._fetch(
                robots_url, Validators(), "text/plain", robots=False, limit=_ROBOTS_MAX_BYTES
            )
        except BlockedAddressError:
            raise
        except FetchError as exc:
            return self._robots_failure(robots_url, str(exc))
        if 200 <= result.status < 300:
            parser = RobotFileParser()
            parser.parse(result.content.decode("utf-8", "replace").splitlines())
        elif 400 <= result.status < 500 and result.status != 429:
            parser = RobotFileParser()
            parser.parse([])  # no robots.txt: everything is allowed
        else:
            return self._robots_failure(robots_url, f"HTTP {result.status}")
        return _Robots(self._clock() + _ROBOTS_TTL, parser=parser)

    def _robots_failure(self, robots_url: str, why: str) -> _Robots:
        """Return the cache entry of a robots.txt that could not be read."""
        error = FetchError(
            f"{robots_url} could not be read ({why}), so nothing is fetched from this site yet"
        )
        return _Robots(self._clock() + _ROBOTS_FAILURE_TTL, error=error)


# -- helpers -------------------------------------------------------------------------------------


def _check_url(url: str) -> httpx.URL:
    """Parse a URL to fetch, refusing what is not ``http(s)://host/...``."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError(f"not a valid URL: {url!r}: {exc}") from None
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http:// and https:// URLs can be fetched")
    if not parsed.raw_host:
        raise FetchError(f"{url}: the URL has no host")
    return parsed


def _next_hop(current: httpx.URL, location: str) -> httpx.URL:
    """Return the URL a redirect points to (relative to the current one), checked like any URL."""
    try:
        target = current.join(location.strip())
    except httpx.InvalidURL as exc:
        raise FetchError(f"{current}: redirect to an invalid URL {location!r}: {exc}") from None
    return _check_url(str(target))


def _port(url: httpx.URL) -> int:
    """Return the URL's port, or its scheme's default."""
    return url.port or (443 if url.scheme == "https" else 80)


def _result(requested: str, final: httpx.URL, answer: _Answer) -> FetchResult:
    """Build the result of the last hop."""
    headers = answer.headers
    return FetchResult(
        url=requested,
        final_url=str(final),
        status=answer.status,
        content=answer.body,
        content_type=headers.get("content-type"),
        validators=Validators(etag=headers.get("etag"), last_modified=headers.get("last-modified")),
    )


def _via(result: FetchResult) -> str:
    """Return `` (via FINAL)`` when the result came from another URL after redirects."""
    return f" (at {result.final_url})" if result.final_url != result.url else ""


def _retry_after(value: str | None) -> float | None:
    """Read a Retry-After header: seconds, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _describe(exc: Exception) -> str:
    """Return an httpx error as words: its message, else its class name."""
    return str(exc) or type(exc).__name__


# -- fetched page -> document --------------------------------------------------------------------


def page_document(result: FetchResult) -> Document:
    """Read a fetched page into a document: HTML through the HTML reader, text as it is.

    The document's id is the URL asked for, its ``url`` the one the page came from (after redirects).
    Binary bodies (PDF, images) and other content types raise :class:`~tabellino.errors.InputError`.
    """
    data, source = result.content, result.url
    check_bytes(data, source)
    kind = (result.content_type or "").split(";", 1)[0].strip().lower()
    if kind in _FEED_TYPES:
        raise InputError(f"{source}: this is a feed, not a page; register it with 'tabellino feeds add'")
    from tabellino.ingest.html import html_document, looks_like_html  # loads lxml and trafilatura

    if kind in _HTML_TYPES or (not kind.startswith("text/plain") and looks_like_html(data)):
        return html_document(data, source, url=result.final_url, content_type=result.content_type)
    if kind.startswith("text/") or not kind:
        return Document(id=source, text=decode_bytes(data, source), url=result.final_url)
    raise InputError(f"{source}: cannot read content type {kind!r} (expected an HTML page or text)")
