"""Opening the database: URL checks, schema creation, and errors turned into StoreError."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from tabellino.errors import StoreError
from tabellino.store.schema import metadata

__all__ = ["content_hash", "describe", "open_db", "parse_url"]


def parse_url(url: str) -> URL:
    """Parse a database URL, raising StoreError with the expected shape when it is not one."""
    try:
        return make_url(url)
    except ArgumentError:
        raise StoreError(
            f"not a database URL: {url!r} (expected e.g. sqlite:///tabellino.db or "
            "postgresql://user@host/dbname)"
        ) from None


def describe(url: str) -> str:
    """Return a URL fit for messages: the file for SQLite, the URL without password otherwise."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def open_db(url: str, create: bool = True) -> Engine:
    """Open the database at ``url``, creating the tables when ``create`` is set.

    With ``create`` false a missing SQLite file is an error (reading commands must not leave an
    empty database behind).
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_path(parsed, create)
    try:
        engine = create_engine(parsed)
        if parsed.get_backend_name() == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        if create:
            metadata.create_all(engine)
        else:
            engine.connect().close()
    except (SQLAlchemyError, ModuleNotFoundError) as exc:
        raise StoreError(f"cannot open database {describe(url)}: {_reason(exc)}") from None
    return engine


def _check_sqlite_path(parsed: URL, create: bool) -> None:
    """Fail early on a SQLite file that is missing (when reading) or in a missing folder."""
    name = parsed.database
    if not name or name == ":memory:":
        return
    path = Path(name)
    if not create and not path.exists():
        raise StoreError(f"database {name} does not exist; run 'tabellino ingest' or 'tabellino demo' first")
    if not path.parent.exists():
        raise StoreError(f"cannot create database {name}: folder {path.parent} does not exist")
    if path.exists() and path.is_dir():
        raise StoreError(f"cannot open database {name}: it is a folder")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Make SQLite enforce foreign keys as PostgreSQL does."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _reason(exc: BaseException) -> str:
    """Return the first line of a database error, without SQLAlchemy's background link."""
    inner = getattr(exc, "orig", None) or exc
    return str(inner).splitlines()[0] if str(inner) else type(inner).__name__


def content_hash(text: str) -> str:
    """Return the hex SHA-256 of an article text: the key that makes ingestion idempotent."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
