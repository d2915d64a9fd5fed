"""Polling feeds against a loopback server: new items ingested once, unchanged feeds cost a 304, bad feeds
and bad items reported while the pass goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from http_server import FEEDS, SHORT_TIMEOUTS, LoopbackServer, fast_policy
from sqlalchemy import Engine
from stub_pipeline import StubPipeline

from tabellino.ingest.fetch import Fetcher
from tabellino.ingest.watch import MAX_ATTEMPTS, WatchReport, poll_feeds
from tabellino.store.feeds import add_feed, list_feeds, open_feeds_db


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return open_feeds_db(f"sqlite:///{tmp_path / 'feeds.db'}")


def _poll(engine: Engine, fetcher: Fetcher | None = None, **policy: Any) -> WatchReport:
    """Run one pass, with a fresh fetcher unless one is given (a fresh one is a new process)."""
    if fetcher is not None:
        return poll_feeds(engine, fetcher, StubPipeline())
    with Fetcher(fast_policy(**policy)) as fresh:
        return poll_feeds(engine, fresh, StubPipeline())


def _page_hits(server: LoopbackServer) -> list[str]:
    return [hit.path for hit in server.hits if hit.path.startswith("/page/")]


def test_watch_twice_fetches_nothing_new_the_second_time(server: LoopbackServer, engine: Engine) -> None:
    for name in ("summary.xml", "full.atom"):
        add_feed(engine, server.url(f"/feed/{name}"))
    first = _poll(engine)
    assert first.articles.ingested == 3
    assert sorted(_page_hits(server)) == ["/page/report-1", "/page/report-2"]  # the Atom feed has full text
    assert first.skipped == [("urn:test:pitchside:empty", "item with neither text nor link")]
    assert first.failed == []

    server.hits.clear()
    second = _poll(engine)
    assert [hit.status for hit in server.hits if hit.path.startswith("/feed/")] == [304, 304]
    assert _page_hits(server) == []
    assert second.fetched == [] and second.failed == []
    assert second.articles.ingested == 0 and second.articles.duplicates == 0
    assert second.skip_reasons() == {"unchanged (304)": 2}


def test_watch_loop_reuses_robots_txt(server: LoopbackServer, engine: Engine) -> None:
    add_feed(engine, server.url("/feed/summary.xml"))
    with Fetcher(fast_policy()) as fetcher:
        _poll(engine, fetcher)
        _poll(engine, fetcher)
    assert server.count("/robots.txt") == 1


def test_watch_ingests_only_the_new_item_of_a_changed_feed(server: LoopbackServer, engine: Engine) -> None:
    body = (FEEDS / "summary.xml").read_text(encoding="utf-8").replace("{base}", server.base)
    one_item = body[: body.index("<item>", body.index("<item>") + 1)] + "</channel></rss>"
    server.serve("/feed/live.xml", one_item.encode(), "application/rss+xml")
    add_feed(engine, server.url("/feed/live.xml"))
    assert _poll(engine).articles.ingested == 1
    server.serve("/feed/live.xml", body.encode(), "application/rss+xml")
    server.hits.clear()
    report = _poll(engine)
    assert report.articles.ingested == 1 and report.seen == 1
    assert _page_hits(server) == ["/page/report-2"]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/error", "HTTP 500"),
        ("/slow", "timed out"),
        ("/huge", "over the limit"),
        ("/feed/malformed.xml", "malformed feed"),
        ("/feed/not-a-feed.xml", "not an RSS or Atom feed"),
        ("/pdf", "not an RSS or Atom feed"),
        ("/feed/missing.xml", "HTTP 404"),
    ],
)
def test_watch_survives_a_bad_feed(server: LoopbackServer, engine: Engine, path: str, reason: str) -> None:
    add_feed(engine, server.url(path))
    add_feed(engine, server.url("/feed/summary.xml"))
    report = _poll(engine, **SHORT_TIMEOUTS)
    assert [(url, reason in why) for url, why in report.failed] == [(server.url(path), True)]
    assert report.articles.ingested == 2
    rows = {row.url: row for row in list_feeds(engine)}
    assert rows[server.url(path)].status == "failed" and reason in (rows[server.url(path)].error or "")
    assert rows[server.url("/feed/summary.xml")].status == "ok"


def test_watch_feed_disallowed_by_robots_is_skipped(server: LoopbackServer, engine: Engine) -> None:
    server.serve("/private/feed.xml", (FEEDS / "summary.xml").read_bytes(), "application/rss+xml")
    add_feed(engine, server.url("/private/feed.xml"))
    report = _poll(engine)
    assert report.skipped == [(server.url("/private/feed.xml"), "disallowed by robots.txt")]
    assert server.count("/private/feed.xml") == 0


def test_watch_bad_items_are_reported_and_retried_a_few_times(server: LoopbackServer, engine: Engine) -> None:
    add_feed(engine, server.url("/feed/hostile.xml"))
    first = _poll(engine)
    failed = dict(first.failed)
    assert "link-local address 169.254.169.254" in failed["http://169.254.169.254/latest/meta-data/"]
    assert "HTTP 404" in failed[server.url("/page/missing")]
    assert first.skipped == [(server.url("/private/report-1"), "disallowed by robots.txt")]
    assert server.count("/private/report-1") == 0
    for _ in range(MAX_ATTEMPTS - 1):  # the feed is read again while an item waits for a retry
        again = _poll(engine)
        assert list(dict(again.failed)) == [server.url("/page/missing")]
        assert again.seen == 2
    assert server.count("/page/missing") == MAX_ATTEMPTS
    assert server.statuses("/feed/hostile.xml") == [200] * MAX_ATTEMPTS
    last = _poll(engine)  # given up: the feed's validators are kept, so it answers 304
    assert last.skip_reasons() == {"unchanged (304)": 1} and last.failed == []
