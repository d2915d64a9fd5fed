"""Feeds in the database: the registered feeds, the items seen, and the HTTP validators of fetches.

Three tables on the shared :data:`~tabellino.store.schema.metadata` (importing this module is what
registers them, so :func:`open_feeds_db` imports it before creating the schema):

``feeds``       one row per registered feed URL, with the outcome of its last check
``feed_items``  one row per item seen in a feed (keyed by a hash of the item's id or link), with
                what became of it and how many times it was tried
``http_cache``  the ETag / Last-Modified of the last complete fetch of a URL, sent back next time

:class:`StoredValidators` is the fetcher's cache for pages given to ``ingest``: it sends validators
only for a page whose article is stored, so a page that failed to ingest is fetched whole again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from tabellino.errors import StoreError
from tabellino.ingest.fetch import FetchResult, Validators
from tabellino.store.db import open_db
from tabellino.store.schema import metadata
from tabellino.store.write import has_url

__all__ = [
    "FeedRow",
    "SeenItem",
    "StoredValidators",
    "add_feed",
    "feed_items",
    "feeds",
    "get_validators",
    "http_cache",
    "list_feeds",
    "mark_item",
    "open_feeds_db",
    "record_check",
    "remove_feed",
    "save_validators",
    "seen_items",
]

feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("added_at", DateTime, nullable=False),
    Column("checked_at", DateTime),
    Column("status", String(16)),
    Column("error", Text),
)

feed_items = Table(
    "feed_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", ForeignKey("feeds.id"), nullable=False, index=True),
    Column("key_hash", String(64), nullable=False),
    Column("url", Text),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=1),
    Column("error", Text),
    Column("seen_at", DateTime, nullable=False),
    UniqueConstraint("feed_id", "key_hash"),
)

http_cache = Table(
    "http_cache",
    metadata,
    Column("url", Text, primary_key=True),
    Column("final_url", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("fetched_at", DateTime, nullable=False),
)


@dataclass(frozen=True, slots=True)
class FeedRow:
    """A registered feed and the outcome of its last check."""

    id: int
    url: str
    title: str | None
    added_at: datetime
    checked_at: datetime | None
    status: str | None
    error: str | None
    items: int

    def to_json(self) -> dict[str, object]:
        """Return the feed as a JSON-ready dict."""
        return {
            "url": self.url,
            "title": self.title,
            "added": self.added_at.isoformat(timespec="seconds"),
            "checked": self.checked_at.isoformat(timespec="seconds") if self.checked_at else None,
            "status": self.status,
            "error": self.error,
            "items": self.items,
        }


@dataclass(frozen=True, slots=True)
class SeenItem:
    """What became of an item seen before, and how many times it was tried."""

    status: str
    attempts: int


def open_feeds_db(url: str) -> Engine:
    """Open (and create) the database at ``url`` with the feed tables."""
    return open_db(url)  # this module's tables are on the shared metadata, so they are created too


@contextmanager
def _writing(engine: Engine) -> Iterator[Connection]:
    """Open a transaction, turning database errors into StoreError."""
    try:
        with engine.begin() as conn:
            yield conn
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot write feed data: {exc.__class__.__name__}: {exc}") from None


def _now() -> datetime:
    """Return the current UTC time without tzinfo (what SQLite stores)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


# -- feeds -------------------------------------------------------------------------------------------


def add_feed(engine: Engine, url: str) -> bool:
    """Register a feed; return False when it was already registered."""
    with _writing(engine) as conn:
        if conn.scalar(select(feeds.c.id).where(feeds.c.url == url)) is not None:
            return False
        conn.execute(insert(feeds).values(url=url, added_at=_now()))
    return True


def remove_feed(engine: Engine, url: str) -> bool:
    """Forget a feed and the items seen in it; return False when it was not registered."""
    with _writing(engine) as conn:
        feed_id = conn.scalar(select(feeds.c.id).where(feeds.c.url == url))
        if feed_id is None:
            return False
        conn.execute(delete(feed_items).where(feed_items.c.feed_id == feed_id))
        conn.execute(delete(feeds).where(feeds.c.id == feed_id))
    return True


def list_feeds(engine: Engine) -> list[FeedRow]:
    """Return the registered feeds in the order they were added, with the number of items seen."""
    counts = select(feed_items.c.feed_id, func.count().label("n")).group_by(feed_items.c.feed_id).subquery()
    query = (
        select(feeds, func.coalesce(counts.c.n, 0).label("items"))
        .outerjoin(counts, counts.c.feed_id == feeds.c.id)
        .order_by(feeds.c.id)
    )
    with _writing(engine) as conn:
        return [FeedRow(**row._mapping) for row in conn.execute(query)]


def record_check(
    engine: Engine, feed_id: int, status: str, error: str | None = None, title: str | None = None
) -> None:
    """Record the outcome of checking a feed (and its title, when the feed gave one)."""
    values: dict[str, object] = {"checked_at": _now(), "status": status, "error": error}
    if title:
        values["title"] = title
    with _writing(engine) as conn:
        conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))


# -- items -------------------------------------------------------------------------------------------


def _key_hash(key: str) -> str:
    """Return the stored form of an item key (bounded length, any characters)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def seen_items(engine: Engine, feed_id: int, keys: Iterable[str]) -> dict[str, SeenItem]:
    """Return the items among ``keys`` seen before in this feed, by key."""
    by_hash = {_key_hash(key): key for key in keys}
    if not by_hash:
        return {}
    query = select(feed_items.c.key_hash, feed_items.c.status, feed_items.c.attempts).where(
        feed_items.c.feed_id == feed_id, feed_items.c.key_hash.in_(list(by_hash))
    )
    with _writing(engine) as conn:
        return {by_hash[h]: SeenItem(status, attempts) for h, status, attempts in conn.execute(query)}


def mark_item(
    engine: Engine, feed_id: int, key: str, url: str | None, status: str, error: str | None = None
) -> None:
    """Record what became of an item, counting one more attempt when it was seen before."""
    where = (feed_items.c.feed_id == feed_id, feed_items.c.key_hash == _key_hash(key))
    values = {"url": url, "status": status, "error": error, "seen_at": _now()}
    with _writing(engine) as conn:
        known = conn.scalar(select(feed_items.c.id).where(*where))
        if known is None:
            conn.execute(insert(feed_items).values(feed_id=feed_id, key_hash=_key_hash(key), **values))
        else:
            attempts = feed_items.c.attempts + 1
            conn.execute(
                update(feed_items).where(feed_items.c.id == known).values(attempts=attempts, **values)
            )


# -- HTTP validators ---------------------------------------------------------------------------------


def get_validators(engine: Engine, url: str) -> Validators | None:
    """Return the validators of the last complete fetch of ``url``, or None."""
    query = select(http_cache.c.etag, http_cache.c.last_modified).where(http_cache.c.url == url)
    with _writing(engine) as conn:
        row = conn.execute(query).first()
    return Validators(etag=row.etag, last_modified=row.last_modified) if row is not None else None


def save_validators(engine: Engine, url: str, validators: Validators, final_url: str | None = None) -> None:
    """Remember the validators of a complete fetch of ``url`` (forget them when there are none)."""
    with _writing(engine) as conn:
        conn.execute(delete(http_cache).where(http_cache.c.url == url))
        if validators:
            conn.execute(
                insert(http_cache).values(
                    url=url,
                    final_url=final_url,
                    etag=validators.etag,
                    last_modified=validators.last_modified,
                    fetched_at=_now(),
                )
            )


class StoredValidators:
    """A fetcher's validator cache in the database, for pages that are ingested as articles."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, url: str) -> Validators | None:
        """Return the validators of ``url`` when its article is stored (under it or its final URL)."""
        query = select(http_cache).where(http_cache.c.url == url)
        with _writing(self.engine) as conn:
            row = conn.execute(query).first()
        if row is None or not any(has_url(self.engine, u) for u in (url, row.final_url) if u):
            return None
        return Validators(etag=row.etag, last_modified=row.last_modified)

    def put(self, url: str, result: FetchResult) -> None:
        """Remember the validators of a complete fetch."""
        save_validators(self.engine, url, result.validators, result.final_url)
