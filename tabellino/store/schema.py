"""The database schema: SQLAlchemy Core tables that run unchanged on SQLite and PostgreSQL.

Offsets (``start``, ``end``) always point into ``articles.text``. ``match_sources`` keeps each
article's own values (in the article's own home/away order), so a later disagreement can be shown
per source; ``conflicts`` lists the fields on which sources disagree, one row per source value.

``article_sources`` lists every place an article was read from: its first source and each copy
(the same wire story at another URL, the same text in another file), with the page's location of
the article in the HTML; ``article_keys`` holds the content keys that recognise such copies (see
:mod:`tabellino.store.dedup`). Both are new tables, so a database made before them still opens.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = [
    "NAME",
    "article_keys",
    "article_sources",
    "articles",
    "cards",
    "clip",
    "clubs",
    "coaches",
    "conflicts",
    "evidence",
    "goals",
    "match_sources",
    "matches",
    "metadata",
    "people",
    "quotes",
    "ties",
]

metadata = MetaData()

NAME = 200  # room for the longest club, person, venue or competition name

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source_id", Text),
    Column("url", Text),
    Column("outlet", String(NAME)),
    Column("title", Text),
    Column("author", String(NAME)),
    Column("published", Date),
    Column("language", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("dropped", JSON, nullable=False),
)

article_sources = Table(
    "article_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False, index=True),
    Column("url", Text),
    Column("url_key", String(64), unique=True),  # hash of the normalised URL; NULL for a file
    Column("source_id", Text, nullable=False),
    Column("html_path", Text),
    Column("how", String(8), nullable=False),  # first, text (same text), similar (nearly the same)
)

article_keys = Table(
    "article_keys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False, index=True),
    Column("key", BigInteger, nullable=False, index=True),
    Column("whole", Boolean, nullable=False),  # the whole normalised text, else one long sentence
)

clubs = Table(
    "clubs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(NAME), nullable=False, unique=True),
)

people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(NAME), nullable=False, unique=True),
    Column("role", String(50)),
    Column("club_id", ForeignKey("clubs.id")),
)

matches = Table(
    "matches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("competition", String(NAME)),
    Column("season", String(9)),
    Column("stage", String(NAME)),
    Column("leg", Integer),
    Column("date", Date),
    Column("venue", String(NAME)),
    Column("home_id", ForeignKey("clubs.id"), nullable=False),
    Column("away_id", ForeignKey("clubs.id"), nullable=False),
    Column("home_goals", Integer),
    Column("away_goals", Integer),
    Column("half_time", String(16)),
    Column("extra_time", Boolean, nullable=False, default=False),
    Column("penalties", String(16)),
    Column("aggregate", String(16)),
    Column("referee", String(NAME)),
    Column("winner", String(NAME)),
    Column("advanced", String(NAME)),
    Column("home_away_certain", Boolean, nullable=False, default=False),
    Column("stats", JSON, nullable=False),
    Index("ix_matches_teams", "home_id", "away_id"),
)

match_sources = Table(
    "match_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("match_id", ForeignKey("matches.id"), nullable=False),
    Column("article_id", ForeignKey("articles.id"), nullable=False),
    Column("is_primary", Boolean, nullable=False, default=False),
    Column("home_id", ForeignKey("clubs.id"), nullable=False),
    Column("away_id", ForeignKey("clubs.id"), nullable=False),
    Column("home_goals", Integer),
    Column("away_goals", Integer),
    Column("date", Date),
    Column("half_time", String(16)),
    Column("penalties", String(16)),
    Column("aggregate", String(16)),
    UniqueConstraint("match_id", "article_id"),
)

goals = Table(
    "goals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("match_id", ForeignKey("matches.id"), nullable=False, index=True),
    Column("club_id", ForeignKey("clubs.id")),
    Column("scorer", String(NAME)),
    Column("person_id", ForeignKey("people.id")),
    Column("minute", Integer),
    Column("added", Integer),
    Column("penalty", Boolean, nullable=False, default=False),
    Column("own_goal", Boolean, nullable=False, default=False),
)

cards = Table(
    "cards",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("match_id", ForeignKey("matches.id"), nullable=False, index=True),
    Column("club_id", ForeignKey("clubs.id")),
    Column("player", String(NAME)),
    Column("person_id", ForeignKey("people.id")),
    Column("minute", Integer),
    Column("kind", String(8), nullable=False, default="red"),
)

coaches = Table(
    "coaches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("match_id", ForeignKey("matches.id"), nullable=False, index=True),
    Column("club_id", ForeignKey("clubs.id"), nullable=False),
    Column("person_id", ForeignKey("people.id"), nullable=False),
    UniqueConstraint("match_id", "club_id", "person_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False, index=True),
    Column("match_id", ForeignKey("matches.id"), index=True),
    Column("person_id", ForeignKey("people.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

ties = Table(
    "ties",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False, index=True),
    Column("winner_id", ForeignKey("clubs.id"), nullable=False),
    Column("loser_id", ForeignKey("clubs.id"), nullable=False),
    Column("competition", String(NAME)),
    Column("stage", String(NAME)),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", ForeignKey("articles.id"), nullable=False),
    Column("fact_table", String(16), nullable=False),
    Column("fact_id", Integer, nullable=False),
    Column("field", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("derived", Boolean, nullable=False, default=False),
    Index("ix_evidence_fact", "fact_table", "fact_id"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("match_id", ForeignKey("matches.id"), nullable=False, index=True),
    Column("field", String(32), nullable=False),
    Column("article_id", ForeignKey("articles.id"), nullable=False),
    Column("value", String(NAME), nullable=False),
    UniqueConstraint("match_id", "field", "article_id", "value"),
)


def clip(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """Return ``row`` with every string cut to its column's length (PostgreSQL refuses longer ones)."""
    out = dict(row)
    for name, value in row.items():
        length = getattr(table.c[name].type, "length", None) if name in table.c else None
        if isinstance(value, str) and length is not None and len(value) > length:
            out[name] = value[:length]
    return out
