"""The database: the only code that writes SQL (SQLAlchemy Core; SQLite by default, PostgreSQL too).

- :func:`open_db` opens (and creates) the database at a URL.
- :func:`store_extraction` stores one article and its facts in one transaction, idempotently by
  content hash, merging its matches into stored ones (see :mod:`tabellino.consolidate`).
- :func:`ingest` runs documents through a pipeline into the database and reports what happened
  (ingested, duplicates by URL or content, not football, failed, skipped archive records).
- :func:`list_matches` and :func:`match_detail` read matches back, with evidence sentences.
"""

from __future__ import annotations

from tabellino.store.db import content_hash, describe, open_db
from tabellino.store.ingest import IngestReport, ingest
from tabellino.store.read import (
    Cite,
    Fact,
    MatchDetail,
    MatchSummary,
    Source,
    club_names,
    list_matches,
    match_detail,
)
from tabellino.store.write import StoreResult, find_duplicate, has_article, has_url, store_extraction

__all__ = [
    "Cite",
    "Fact",
    "IngestReport",
    "MatchDetail",
    "MatchSummary",
    "Source",
    "StoreResult",
    "club_names",
    "content_hash",
    "describe",
    "find_duplicate",
    "has_article",
    "has_url",
    "ingest",
    "list_matches",
    "match_detail",
    "open_db",
    "store_extraction",
]
