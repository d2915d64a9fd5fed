"""Build the archives the archive tests read, from team-written pages (test helper, not a test).

The pages are the short reports of ``tests/data/archives/pages.json`` wrapped in site chrome
(:func:`tabellino.bench_html.news_page`); WARC files are written with warcio at test time.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tabellino.bench_html import news_page
from tabellino.models import Document

DATA = Path(__file__).parent / "data" / "archives"
PAGES = json.loads((DATA / "pages.json").read_text(encoding="utf-8"))
SITE = "https://news.example.org/football/"


def page_doc(slug: str) -> Document:
    """Return the page ``slug`` of pages.json as a document."""
    page = next(p for p in PAGES if p["slug"] == slug)
    return Document(
        id=slug,
        text=page["text"],
        title=page["title"],
        language=page["language"],
        published=date.fromisoformat(page["published"]),
        url=SITE + slug,
    )


def page_html(slug: str, url: str | None = None, n: int = 0) -> bytes:
    """Return the page ``slug`` as a news page (UTF-8 bytes), at ``url`` (default: its own)."""
    doc = page_doc(slug)
    return news_page(doc, n, url or doc.url).encode("utf-8")


@dataclass
class Record:
    """One WARC record to write."""

    kind: str
    url: str
    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: str = "200 OK"
    headers: list[tuple[str, str]] = field(default_factory=list)


def response(slug: str, url: str | None = None) -> Record:
    """Return the HTML response record of page ``slug``."""
    return Record("response", url or SITE + slug, page_html(slug, url))


def crawl(slugs: list[str]) -> list[Record]:
    """Return a crawl of ``slugs``: per page a request and its response, plus an image, a 404 and metadata."""
    records = [Record("warcinfo", "", b"software: tabellino tests\r\n", "application/warc-fields")]
    for slug in slugs:
        records.append(Record("request", SITE + slug, b"GET / HTTP/1.1\r\nHost: news.example.org\r\n\r\n"))
        records.append(response(slug))
    records.append(Record("response", SITE + "logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"))
    records.append(
        Record("response", SITE + "gone", b"<html><body>Not found</body></html>", status="404 Not Found")
    )
    records.append(Record("metadata", SITE + slugs[0], b"outlinks: 3\r\n", "application/warc-fields"))
    return records


def warc_bytes(records: list[Record], compress: bool) -> bytes:
    """Return a WARC (gzip per record when ``compress``) holding ``records``."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for rec in records:
        writer.write_record(_record(writer, rec))
    return out.getvalue()


def _record(writer: WARCWriter, rec: Record) -> object:
    """Build one warcio record."""
    payload = io.BytesIO(rec.body)
    if rec.kind == "warcinfo":
        return writer.create_warc_record("", "warcinfo", payload=payload, warc_content_type=rec.content_type)
    if rec.kind == "response":
        head = [("Content-Type", rec.content_type)] if rec.content_type else []
        http = StatusAndHeaders(rec.status, head + rec.headers, protocol="HTTP/1.1")
        return writer.create_warc_record(rec.url, "response", payload=payload, http_headers=http)
    if rec.kind == "request":
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
        return writer.create_warc_record(rec.url, "request", payload=io.BytesIO(b""), http_headers=http)
    return writer.create_warc_record(rec.url, rec.kind, payload=payload, warc_content_type=rec.content_type)
