"""Reading RSS / Atom feeds into items, and items into documents (own text, or the linked page)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from http_server import FEEDS, LoopbackServer, fast_policy

from tabellino.errors import InputError
from tabellino.ingest.feeds import MAX_ITEMS, FeedItem, fragment_text, item_document, parse_feed
from tabellino.ingest.fetch import BlockedAddressError, Fetcher

BASE = "http://news.example"
CASES = json.loads((FEEDS / "parse_cases.json").read_text(encoding="utf-8"))


def _feed_bytes(name: str, base: str = BASE) -> bytes:
    return (FEEDS / name).read_text(encoding="utf-8").replace("{base}", base).encode()


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_feeds_parse_fixture(case: dict[str, Any]) -> None:
    data = _feed_bytes(case["file"])
    if "error" in case:
        with pytest.raises(InputError, match=case["error"]):
            parse_feed(data, f"{BASE}/feed")
        return
    feed = parse_feed(data, f"{BASE}/feed", "application/rss+xml")
    assert feed.title == case["title"]
    assert [item.key for item in feed.items] == case["keys"]
    assert [item.link for item in feed.items] == [
        link.replace("{base}", BASE) if link else None for link in case["links"]
    ]
    assert [str(item.published) for item in feed.items] == case["published"]


@pytest.mark.parametrize(
    "data", [b"", b"\x00\x01\x02binary", b"just a line of text", b'{"json": true}', b"<rss><channel>"]
)
def test_feeds_parse_refuses_what_is_not_a_feed(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^\[T100\] http://news\.example/feed: "):
        parse_feed(data, f"{BASE}/feed")


def test_feeds_parse_cuts_a_huge_feed() -> None:
    items = "".join(
        f"<item><guid isPermaLink='false'>n{i}</guid><title>Item {i}</title></item>"
        for i in range(MAX_ITEMS + 50)
    )
    feed = parse_feed(f"<rss version='2.0'><channel><title>Big</title>{items}</channel></rss>".encode(), BASE)
    assert len(feed.items) == MAX_ITEMS
    assert feed.items[0].key == "n0"


def test_feeds_item_without_id_or_link_gets_a_stable_key() -> None:
    item = b"<item><title>No id</title><description>Text</description></item>"
    data = b"<rss version='2.0'><channel>" + item + b"</channel></rss>"
    first, again = parse_feed(data, BASE).items[0], parse_feed(data, BASE).items[0]
    assert first.key == again.key and first.key.startswith("sha1:")


def test_feeds_fragment_text_keeps_paragraphs_and_drops_captions() -> None:
    caption = "<figure><img src='x'><figcaption>Photo: someone</figcaption></figure>"
    markup = f"<p>Roma won 2-0.</p>{caption}<p>Dybala &amp; co.</p>"
    assert fragment_text(markup) == "Roma won 2-0.\n\nDybala & co."
    assert fragment_text("Plain &amp; simple") == "Plain & simple"


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def test_feeds_item_with_full_text_is_not_fetched(server: LoopbackServer) -> None:
    item = parse_feed(_feed_bytes("full.atom", server.base), server.url("/feed/full.atom")).items[0]
    with Fetcher(fast_policy()) as fetcher:
        doc, fetched = item_document(item, fetcher)
    assert not fetched and server.hits == []
    assert doc.text.startswith("Inter beat Milan 2-1 in the derby\n\nInter beat Milan 2-1")
    assert "Marcus Thuram scored the winner in the 84th minute" in doc.text
    assert (doc.url, doc.author, str(doc.published)) == (
        server.url("/page/derby"),
        "Test Author",
        "2026-02-09",
    )


def test_feeds_item_with_only_a_summary_fetches_its_page(server: LoopbackServer) -> None:
    item = parse_feed(_feed_bytes("summary.xml", server.base), server.url("/feed/summary.xml")).items[0]
    with Fetcher(fast_policy()) as fetcher:
        doc, fetched = item_document(item, fetcher)
    assert fetched and server.count("/page/report-1") == 1
    assert "Gianluca Scamacca opened the scoring" in doc.text
    assert "cookies" not in doc.text  # the page went through the HTML reader
    assert doc.url == server.url("/page/report-1") and doc.title


def test_feeds_item_page_is_refused_like_any_fetch(server: LoopbackServer) -> None:
    item = FeedItem("k", "http://169.254.169.254/latest/", "Metadata", None, None, "short")
    with Fetcher(fast_policy()) as fetcher, pytest.raises(BlockedAddressError):
        item_document(item, fetcher)
