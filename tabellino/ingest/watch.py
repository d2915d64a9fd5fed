"""Poll the registered feeds once: fetch what changed, ingest the new items, remember what was seen.

One pass (:func:`poll_feeds`) checks every feed in ``feeds``:

* the feed is fetched with the validators of its last complete fetch, so an unchanged feed answers
  304 and nothing else happens (*skipped: unchanged*);
* a feed that is down, slow, huge, not a feed or refused (robots.txt, address policy) is one line
  in the report and the pass goes on with the next feed;
* each item not seen before becomes a document (:func:`~tabellino.ingest.feeds.item_document`)
  and goes through :func:`tabellino.store.ingest` (the same pipeline and store as ``ingest``);
* an item is remembered once handled. An item whose page could not be fetched is tried again on
  the next passes, :data:`MAX_ATTEMPTS` times in all; until then the feed's validators are not
  saved, so the feed is read again (not answered 304) and the item comes back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Engine

from tabellino.errors import DataFileError, FetchError, TabellinoError
from tabellino.ingest.feeds import FeedItem, ParsedFeed, fragment_text, item_document, parse_feed
from tabellino.ingest.fetch import ACCEPT_FEED, BlockedAddressError, Fetcher, RobotsDisallowedError
from tabellino.models import Document
from tabellino.store.feeds import (
    FeedRow,
    get_validators,
    list_feeds,
    mark_item,
    record_check,
    save_validators,
    seen_items,
)
from tabellino.store.ingest import IngestReport, Processor, ingest

__all__ = ["MAX_ATTEMPTS", "WatchReport", "poll_feeds"]

MAX_ATTEMPTS = 3
"""Passes in which an item whose page cannot be fetched is tried."""

RETRY = "retry"  # the status of an item to try again
UNCHANGED = "unchanged (304)"
ROBOTS = "disallowed by robots.txt"
EMPTY = "item with neither text nor link"


@dataclass(slots=True)
class WatchReport:
    """What a pass over the feeds did: URLs fetched, skipped, failed (with reasons), and what it ingested."""

    feeds: int = 0
    fetched: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    seen: int = 0
    articles: IngestReport = field(default_factory=IngestReport)

    def skip_reasons(self) -> Counter[str]:
        """Return how many URLs were skipped, per reason."""
        return Counter(reason for _, reason in self.skipped)


def poll_feeds(engine: Engine, fetcher: Fetcher, pipeline: Processor) -> WatchReport:
    """Check every registered feed once and ingest its new items; return what happened."""
    report = WatchReport()
    for feed in list_feeds(engine):
        report.feeds += 1
        _Poll(engine, fetcher, pipeline, report).feed(feed)
    return report


@dataclass(slots=True)
class _Poll:
    """Checking one feed: its fetch, its items, and the records that remember them."""

    engine: Engine
    fetcher: Fetcher
    pipeline: Processor
    report: WatchReport

    def feed(self, feed: FeedRow) -> None:
        """Fetch the feed unless unchanged, then take its new items."""
        try:
            result = self.fetcher.fetch(
                feed.url, validators=get_validators(self.engine, feed.url), accept=ACCEPT_FEED
            )
            if result.not_modified:
                self._skip(feed, UNCHANGED)
                return
            self.report.fetched.append(feed.url)
            parsed = parse_feed(result.content, result.final_url, result.content_type)
        except RobotsDisallowedError:
            self._skip(feed, ROBOTS)
            return
        except TabellinoError as exc:
            self.report.failed.append((feed.url, str(exc)))
            record_check(self.engine, feed.id, "failed", str(exc))
            return
        pending = self.items(feed, parsed)
        if not pending:  # every item handled for good: next time, "unchanged" is enough
            save_validators(self.engine, feed.url, result.validators)
        record_check(self.engine, feed.id, "ok", title=parsed.title)

    def _skip(self, feed: FeedRow, reason: str) -> None:
        """Report and record a feed skipped for ``reason``."""
        self.report.skipped.append((feed.url, reason))
        record_check(self.engine, feed.id, "skipped", reason)

    def items(self, feed: FeedRow, parsed: ParsedFeed) -> int:
        """Take the feed's items not handled before; return how many are left to try again."""
        seen = seen_items(self.engine, feed.id, [item.key for item in parsed.items])
        pending, taken = 0, set()
        for item in parsed.items:
            before = seen.get(item.key)
            done = before is not None and (before.status != RETRY or before.attempts >= MAX_ATTEMPTS)
            if done or item.key in taken:  # feeds do list an item twice
                self.report.seen += 1
                continue
            taken.add(item.key)
            attempts = before.attempts + 1 if before else 1
            pending += self.item(feed, item) == RETRY and attempts < MAX_ATTEMPTS
        return pending

    def item(self, feed: FeedRow, item: FeedItem) -> str:
        """Turn one new item into a document and ingest it; record and return its status."""
        source = item.link or item.key
        if item.link is None and not fragment_text(item.body_html):
            self.report.skipped.append((source, EMPTY))
            return self._mark(feed, item, "empty")
        try:
            doc, fetched = item_document(item, self.fetcher)
        except RobotsDisallowedError:
            self.report.skipped.append((source, ROBOTS))
            return self._mark(feed, item, "robots")
        except TabellinoError as exc:
            self.report.failed.append((source, str(exc)))
            retry = isinstance(exc, FetchError) and not isinstance(exc, BlockedAddressError)
            return self._mark(feed, item, RETRY if retry else "failed", str(exc))
        except Exception as exc:  # a bug on one item must not stop the pass over every feed
            reason = f"internal error: {type(exc).__name__}: {exc}"
            self.report.failed.append((source, reason))
            return self._mark(feed, item, "failed", reason)
        if fetched:
            self.report.fetched.append(source)
        return self._mark(feed, item, self.ingest(doc))

    def ingest(self, doc: Document) -> str:
        """Ingest one document through the store's pipeline; return what became of it."""
        try:
            part = ingest([doc], self.engine, self.pipeline)
        except DataFileError:
            raise  # broken language or knowledge-base data: stop the whole pass
        _merge(self.report.articles, part)
        self.report.failed.extend(part.failed)
        if part.failed:
            return "failed"
        if part.duplicates:
            return "duplicate"
        return "ingested" if part.ingested else "not football"

    def _mark(self, feed: FeedRow, item: FeedItem, status: str, error: str | None = None) -> str:
        """Remember what became of an item; return its status."""
        mark_item(self.engine, feed.id, item.key, item.link, status, error)
        return status


def _merge(total: IngestReport, part: IngestReport) -> None:
    """Add the counts of one ingestion report to another (numbers add up, lists and counters extend)."""
    for f in fields(total):
        mine: Any = getattr(total, f.name)
        theirs: Any = getattr(part, f.name)
        if isinstance(mine, Counter):
            mine.update(theirs)
        elif isinstance(mine, list):
            mine.extend(theirs)
        elif isinstance(mine, int):
            setattr(total, f.name, mine + theirs)
