"""Writing one article's extraction: the article, its facts, their evidence, in one transaction.

Ingestion is idempotent: an article whose text hash is already stored changes nothing. An article
already stored under its URL, or whose text is the same or nearly the same as a stored one's (a wire
story republished elsewhere), is a duplicate too: nothing is extracted or stored again, only its URL
or path is linked to the stored article (:mod:`tabellino.store.dedup`). Matches go through
:mod:`tabellino.store.matches`, which merges them into stored matches when they are the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from tabellino.errors import StoreError
from tabellino.models import Article, Evidence, Extraction, Person, Quote, Span, Tie
from tabellino.store.db import content_hash
from tabellino.store.dedup import Known, TextKeys, find_known, link_copy, record_keys, text_keys, url_known
from tabellino.store.matches import MatchWriter
from tabellino.store.schema import NAME, articles, clip, clubs, evidence, people, quotes, ties

__all__ = [
    "BY_CONTENT",
    "BY_URL",
    "StoreResult",
    "Writer",
    "find_duplicate",
    "has_article",
    "has_url",
    "store_extraction",
]

BY_URL = "url"
"""A duplicate of an article stored under the same URL."""

BY_CONTENT = "content"
"""A duplicate of an article with the same (or nearly the same) text, from another URL or file."""


@dataclass(slots=True)
class StoreResult:
    """What storing one article did: its id, whether it was a duplicate (and by what), the matches."""

    article_id: int
    duplicate: bool = False
    duplicate_by: str | None = None  # BY_URL or BY_CONTENT
    new_matches: list[int] = field(default_factory=list)
    merged_matches: list[int] = field(default_factory=list)
    conflicts: int = 0


def has_article(engine: Engine, text: str) -> int | None:
    """Return the id of the stored article with this exact text, or None."""
    try:
        with engine.connect() as conn:
            return conn.scalar(select(articles.c.id).where(articles.c.content_hash == content_hash(text)))
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the database: {exc.__class__.__name__}: {exc}") from None


def has_url(engine: Engine, url: str | None) -> int | None:
    """Return the id of the article stored under ``url`` (normalised), or None."""
    try:
        with engine.connect() as conn:
            return url_known(conn, url)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the database: {exc.__class__.__name__}: {exc}") from None


def find_duplicate(engine: Engine, article: Article) -> StoreResult | None:
    """Return the stored article ``article`` duplicates, linking its URL or path to it; else None.

    Used before extraction, so a copy costs no extraction at all.
    """
    try:
        with engine.begin() as conn:
            known = find_known(conn, article, content_hash(article.text), text_keys(article))
            return None if known is None else _duplicate(conn, article, known)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the database: {exc.__class__.__name__}: {exc}") from None


def _duplicate(conn: Connection, article: Article, known: Known) -> StoreResult:
    """Link a copy to the stored article and return the duplicate's result."""
    if known.by != BY_URL:
        link_copy(conn, article, known.article_id, known.by)
    return StoreResult(known.article_id, True, BY_URL if known.by == BY_URL else BY_CONTENT)


def store_extraction(engine: Engine, extraction: Extraction) -> StoreResult:
    """Store an article and its facts in one transaction; a stored duplicate changes nothing."""
    article = extraction.article
    digest, keys = content_hash(article.text), text_keys(article)
    try:
        with engine.begin() as conn:
            known = find_known(conn, article, digest, keys)
            if known is not None:
                return _duplicate(conn, article, known)
            return Writer(conn).write(extraction, digest, keys)
    except IntegrityError:
        # Another writer stored the same text or URL between our check and our insert.
        with engine.begin() as conn:
            known = find_known(conn, article, digest, keys)
            if known is None:
                raise StoreError(f"cannot store article {article.id}: integrity error") from None
            return _duplicate(conn, article, known)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot store article {article.id}: {exc.__class__.__name__}") from None


class Writer:
    """Writes the facts of one article inside an open transaction, caching club and person ids."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.article_id = 0
        self._clubs: dict[str, int] = {}
        self._people: dict[str, int] = {}
        self._evidence: list[dict[str, Any]] = []

    def write(self, extraction: Extraction, digest: str, keys: TextKeys | None = None) -> StoreResult:
        """Write the article, its source and content keys, people, matches, quotes, ties and evidence."""
        self.article_id = self._insert_article(extraction, digest)
        link_copy(self.conn, extraction.article, self.article_id, "first")
        record_keys(self.conn, self.article_id, keys or text_keys(extraction.article))
        result = StoreResult(article_id=self.article_id)
        for person in extraction.people:
            self._store_person(person)
        match_writer = MatchWriter(self, extraction.article.published)
        match_ids = [match_writer.store(m, result) for m in extraction.matches]
        for quote in extraction.quotes:
            self._store_quote(quote, match_ids)
        for tie in extraction.ties:
            self._store_tie(tie)
        if self._evidence:
            self.conn.execute(insert(evidence), self._evidence)
        return result

    def _insert_article(self, extraction: Extraction, digest: str) -> int:
        """Insert the article row and return its id."""
        art = extraction.article
        row = {
            "content_hash": digest,
            "source_id": art.id,
            "url": art.url,
            "outlet": art.outlet,
            "title": art.title,
            "author": art.author,
            "published": art.published,
            "language": art.language,
            "text": art.text,
            "dropped": [s.as_list() for s in art.dropped],
        }
        return self.insert_row(articles, row)

    def insert_row(self, table: Any, row: dict[str, Any]) -> int:
        """Insert one row and return its new id."""
        key = self.conn.execute(insert(table).values(**clip(table, row))).inserted_primary_key
        assert key is not None
        return int(key[0])

    def club_id(self, name: str) -> int:
        """Return the id of the club named ``name``, adding it when new."""
        name = name[:NAME]
        if name not in self._clubs:
            found = self.conn.scalar(select(clubs.c.id).where(clubs.c.name == name))
            self._clubs[name] = found if found is not None else self.insert_row(clubs, {"name": name})
        return self._clubs[name]

    def person_id(self, name: str, role: str | None = None, club: str | None = None) -> int:
        """Return the id of the person named ``name``, adding them or filling a missing role/club."""
        name = name[:NAME]
        if name in self._people:
            return self._people[name]
        row = self.conn.execute(select(people).where(people.c.name == name)).mappings().first()
        club_id = self.club_id(club) if club else None
        if row is None:
            pid = self.insert_row(people, {"name": name, "role": role, "club_id": club_id})
        else:
            pid = int(row["id"])
            fills: dict[str, Any] = {"role": role} if role and not row["role"] else {}
            fills |= {"club_id": club_id} if club_id and not row["club_id"] else {}
            if fills:
                self.conn.execute(update(people).where(people.c.id == pid).values(**fills))
        self._people[name] = pid
        return pid

    def cite(self, table: str, fact_id: int, name: str, ev: Evidence | Iterable[Span]) -> None:
        """Queue evidence rows: ``table``/``fact_id``'s field ``name`` is stated at these spans."""
        spans = ev.spans if isinstance(ev, Evidence) else list(ev)
        derived = ev.derived if isinstance(ev, Evidence) else False
        for span in spans:
            self._evidence.append(
                {
                    "article_id": self.article_id,
                    "fact_table": table,
                    "fact_id": fact_id,
                    "field": name,
                    "start": span.start,
                    "end": span.end,
                    "derived": derived,
                }
            )

    def _store_person(self, person: Person) -> None:
        """Store a person the article names, with the spans naming them."""
        pid = self.person_id(person.name, person.role, person.club)
        self.cite("people", pid, "name", person.spans)

    def _store_quote(self, quote: Quote, match_ids: list[int]) -> None:
        """Store a quotation, linked to its match when the extraction names one."""
        index = quote.match_index
        match_id = match_ids[index] if index is not None and 0 <= index < len(match_ids) else None
        row = {
            "article_id": self.article_id,
            "match_id": match_id,
            "person_id": self.person_id(quote.speaker),
            "text": quote.text,
            "start": quote.span.start,
            "end": quote.span.end,
        }
        qid = self.insert_row(quotes, row)
        self.cite("quotes", qid, "text", [quote.span])
        if quote.speaker_span is not None:
            self.cite("quotes", qid, "speaker", [quote.speaker_span])

    def _store_tie(self, tie: Tie) -> None:
        """Store a knockout tie stated without a score."""
        row = {
            "article_id": self.article_id,
            "winner_id": self.club_id(tie.winner),
            "loser_id": self.club_id(tie.loser),
            "competition": tie.competition,
            "stage": tie.stage,
        }
        self.cite("ties", self.insert_row(ties, row), "tie", tie.evidence)
