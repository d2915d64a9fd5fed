"""RSS / Atom feeds: read a feed's items and turn each into a document.

:func:`parse_feed` reads feed bytes with feedparser (RSS 0.9x-2.0, RSS 1.0, Atom; lenient with
small faults) and refuses what is not a feed at all (an HTML page, text, broken XML with no item)
with a clear :class:`~tabellino.errors.InputError`. At most :data:`MAX_ITEMS` items are read.

:func:`item_document` gives an item's document: the item's own text when the feed carries the
article (at least :data:`FULL_TEXT_CHARS` characters), else the linked page, fetched and read as
HTML, with the item's title, date and author filling what the page lacks.

Polling the registered feeds (what ``tabellino watch`` does) is :mod:`tabellino.ingest.watch`.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from typing import Any

import feedparser

from tabellino.errors import InputError
from tabellino.ingest.fetch import ACCEPT_PAGE, Fetcher, page_document
from tabellino.models import Document

__all__ = [
    "FULL_TEXT_CHARS",
    "MAX_ITEMS",
    "FeedItem",
    "ParsedFeed",
    "fragment_text",
    "item_document",
    "parse_feed",
]

MAX_ITEMS = 200
"""Items read from one feed (the newest first, as feeds list them); a bigger feed is cut."""

FULL_TEXT_CHARS = 800
"""An item whose own text is at least this long carries the article; a shorter one is a summary."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: a stable key, its link, metadata and its own HTML (content or summary)."""

    key: str
    link: str | None
    title: str | None
    published: date | None
    author: str | None
    body_html: str


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and items."""

    title: str | None
    items: list[FeedItem]


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Read RSS / Atom bytes into items; raise InputError when the bytes are not a usable feed."""
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    try:
        parsed = feedparser.parse(data, response_headers=headers)
    except Exception as exc:  # feedparser is lenient, but a parser bug must fail one feed only
        raise InputError(f"{url}: cannot read the feed: {type(exc).__name__}: {exc}") from None
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        raise InputError(f"{url}: not an RSS or Atom feed{_fault(parsed)}")
    if parsed.get("bozo") and not entries and _is_xml_fault(parsed):
        raise InputError(f"{url}: malformed feed{_fault(parsed)}")
    title = _clean(parsed.get("feed", {}).get("title"))
    return ParsedFeed(title, [_item(entry) for entry in entries[:MAX_ITEMS]])


def _fault(parsed: Any) -> str:
    """Return ``: <parser message>`` when feedparser reported one."""
    exc = parsed.get("bozo_exception")
    return f": {exc}" if exc else ""


def _is_xml_fault(parsed: Any) -> bool:
    """Return whether feedparser's complaint is broken XML (not a mere charset or type remark)."""
    exc = parsed.get("bozo_exception")
    return exc is not None and "SAX" in type(exc).__name__


def _item(entry: Any) -> FeedItem:
    """Turn one feedparser entry into a feed item."""
    link = _http_link(entry)
    body = _body_html(entry)
    key = _clean(entry.get("id")) or link or _digest(f"{entry.get('title')}\n{body}")
    return FeedItem(
        key=key,
        link=link,
        title=_clean(entry.get("title")),
        published=_entry_date(entry),
        author=_clean(entry.get("author")),
        body_html=body,
    )


def _http_link(entry: Any) -> str | None:
    """Return the entry's link when it is an http(s) URL (Atom entries without one get their id)."""
    link = _clean(entry.get("link"))
    return link if link and link.lower().startswith(("http://", "https://")) else None


def _body_html(entry: Any) -> str:
    """Return the longest of the entry's content blocks and summary (HTML or text)."""
    blocks = [c.get("value") or "" for c in entry.get("content") or []]
    blocks.append(entry.get("summary") or "")
    return max(blocks, key=len)


def _entry_date(entry: Any) -> date | None:
    """Return the entry's publication (else update) date, in UTC as feedparser gives it."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date()
    except (OverflowError, ValueError, OSError):
        return None


def _clean(value: Any) -> str | None:
    """Return a stripped non-empty string, else None."""
    return value.strip() or None if isinstance(value, str) else None


def _digest(text: str) -> str:
    """Return a short stable key for an item that has neither id nor link."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


# -- item -> document ----------------------------------------------------------------------------


def item_document(item: FeedItem, fetcher: Fetcher) -> tuple[Document, bool]:
    """Return the item's document, and whether its page was fetched for it.

    The item's own text is used when it carries the article (or when there is no page to fetch);
    otherwise the linked page is fetched (FetchError and InputError propagate).
    """
    text = fragment_text(item.body_html)
    if item.link is None or len(text) >= FULL_TEXT_CHARS:
        if not text.strip():
            raise InputError(f"{item.link or item.key}: the feed item has neither text nor a link")
        return _own_document(item, text), False
    doc = page_document(fetcher.fetch(item.link, accept=ACCEPT_PAGE))
    doc.title = doc.title or item.title
    doc.published = doc.published or item.published
    doc.author = doc.author or item.author
    return doc, True


def _own_document(item: FeedItem, text: str) -> Document:
    """Return the document of an item that carries its article's text."""
    body = f"{item.title}\n\n{text}" if item.title and not text.startswith(item.title) else text
    return Document(
        id=item.link or item.key,
        text=body,
        url=item.link,
        title=item.title,
        published=item.published,
        author=item.author,
    )


_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
    | {"table", "tr", "section", "article", "header", "footer", "figure"}
)
_SKIP = frozenset({"script", "style", "figcaption", "noscript"})


class _TextParser(HTMLParser):
    """Collect the text of an HTML fragment, a paragraph per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def fragment_text(markup: str) -> str:
    """Return the text of a feed item's HTML: one paragraph per block, spaces collapsed, captions dropped."""
    if "<" not in markup:
        return "\n\n".join(" ".join(p.split()) for p in html.unescape(markup).split("\n\n") if p.strip())
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
