"""Reading matches back: the match list with filters, and one match's tabellino with its evidence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import aliased

from tabellino.errors import StoreError
from tabellino.extract.doc import split_sentences
from tabellino.models import Span
from tabellino.store.schema import (
    articles,
    cards,
    clubs,
    coaches,
    conflicts,
    evidence,
    goals,
    match_sources,
    matches,
    people,
    quotes,
)

__all__ = [
    "Cite",
    "Fact",
    "MatchDetail",
    "MatchSummary",
    "Source",
    "club_names",
    "list_matches",
    "match_detail",
]

_ONE_LINE = re.compile(r"\s")  # each white-space character becomes one space: offsets stay valid
_home, _away = aliased(clubs, name="home"), aliased(clubs, name="away")


@dataclass(slots=True)
class MatchSummary:
    """One line of the match list."""

    id: int
    date: date | None
    competition: str | None
    stage: str | None
    home: str
    away: str
    home_goals: int | None
    away_goals: int | None
    sources: int = 0
    conflicts: int = 0

    @property
    def score(self) -> str:
        """Return the score as ``3-0``, or ``-`` when unknown."""
        if self.home_goals is None or self.away_goals is None:
            return "-"
        return f"{self.home_goals}-{self.away_goals}"

    def to_json(self) -> dict[str, Any]:
        """Return the summary as a JSON-ready dict."""
        return {
            "id": self.id,
            "date": self.date.isoformat() if self.date else None,
            "competition": self.competition,
            "stage": self.stage,
            "home": self.home,
            "away": self.away,
            "home_goals": self.home_goals,
            "away_goals": self.away_goals,
            "sources": self.sources,
            "conflicts": self.conflicts,
        }


@dataclass(slots=True)
class Cite:
    """Where a value is stated: the article, the span, and the sentence(s) around it.

    ``sentence`` starts at offset ``sentence_start`` of the article text and has the same length as
    that stretch of text (white space turned into plain spaces), so the span stays addressable in it.
    """

    article_id: int
    span: Span
    sentence: str
    sentence_start: int = 0
    derived: bool = False

    @property
    def within(self) -> Span:
        """Return the span relative to the start of ``sentence``."""
        return Span(self.span.start - self.sentence_start, self.span.end - self.sentence_start)


@dataclass(slots=True)
class Fact:
    """One value of the tabellino with the sentences that state it."""

    label: str
    value: str
    cites: list[Cite] = field(default_factory=list)


@dataclass(slots=True)
class Source:
    """An article reporting the match, with the score as that article gives it."""

    article_id: int
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    language: str
    says: str


@dataclass(slots=True)
class MatchDetail:
    """A match's tabellino: every value with its evidence, all sources and all conflicts."""

    summary: MatchSummary
    fields: list[Fact] = field(default_factory=list)
    goals: list[Fact] = field(default_factory=list)
    cards: list[Fact] = field(default_factory=list)
    coaches: list[Fact] = field(default_factory=list)
    stats: list[Fact] = field(default_factory=list)
    quotes: list[Fact] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    conflicts: list[tuple[str, str, int]] = field(default_factory=list)


def list_matches(
    engine: Engine, club: str | None = None, competition: str | None = None, since: date | None = None
) -> list[MatchSummary]:
    """Return the stored matches, newest first, filtered by club, competition and date."""
    query = _summary_query()
    if club:
        query = query.where(
            or_(func.lower(_home.c.name) == club.lower(), func.lower(_away.c.name) == club.lower())
        )
    if competition:
        query = query.where(matches.c.competition.ilike(f"%{competition}%"))
    if since:
        query = query.where(func.coalesce(matches.c.date, _first_published()) >= since)
    query = query.order_by(matches.c.date.desc().nulls_last(), matches.c.id)
    with _connect(engine) as conn:
        return [_summary(row) for row in conn.execute(query).mappings()]


def _first_published() -> Any:
    """Return a subquery: the earliest publication date of the match's sources."""
    return (
        select(func.min(articles.c.published))
        .join(match_sources, match_sources.c.article_id == articles.c.id)
        .where(match_sources.c.match_id == matches.c.id)
        .scalar_subquery()
    )


def _summary_query() -> Select[Any]:
    """Return the select of match summary columns with source and conflict counts."""
    n_sources = (
        select(func.count())
        .where(match_sources.c.match_id == matches.c.id)
        .scalar_subquery()
        .label("n_sources")
    )
    n_conflicts = (
        select(func.count(func.distinct(conflicts.c.field)))
        .where(conflicts.c.match_id == matches.c.id)
        .scalar_subquery()
        .label("n_conflicts")
    )
    return (
        select(matches, _home.c.name.label("home"), _away.c.name.label("away"), n_sources, n_conflicts)
        .join(_home, _home.c.id == matches.c.home_id)
        .join(_away, _away.c.id == matches.c.away_id)
    )


def _summary(row: Any) -> MatchSummary:
    """Build a summary from a row of :func:`_summary_query`."""
    return MatchSummary(
        id=row["id"],
        date=row["date"],
        competition=row["competition"],
        stage=row["stage"],
        home=row["home"],
        away=row["away"],
        home_goals=row["home_goals"],
        away_goals=row["away_goals"],
        sources=row["n_sources"],
        conflicts=row["n_conflicts"],
    )


def club_names(engine: Engine) -> list[str]:
    """Return the names of every club in the database, sorted."""
    with _connect(engine) as conn:
        return sorted(conn.scalars(select(clubs.c.name)))


def match_detail(engine: Engine, match_id: int) -> MatchDetail | None:
    """Return the tabellino of match ``match_id``, or None when there is no such match."""
    with _connect(engine) as conn:
        row = conn.execute(_summary_query().where(matches.c.id == match_id)).mappings().first()
        if row is None:
            return None
        return _Detail(conn, row).build()


@contextmanager
def _connect(engine: Engine) -> Iterator[Connection]:
    """Open a connection, turning database errors into StoreError."""
    try:
        with engine.connect() as conn:
            yield conn
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the database: {exc.__class__.__name__}") from None


class _Detail:
    """Assembles a :class:`MatchDetail`, loading each source article's sentences once."""

    def __init__(self, conn: Connection, row: Any) -> None:
        self.conn = conn
        self.row = row
        self.id = int(row["id"])
        self._sentences: dict[int, tuple[str, list[Span]]] = {}

    def build(self) -> MatchDetail:
        """Return the full detail of the match."""
        detail = MatchDetail(summary=_summary(self.row))
        detail.fields = self._fields()
        detail.goals = self._goals()
        detail.cards = self._cards()
        detail.coaches = self._coaches()
        detail.stats = self._stats()
        detail.quotes = self._quotes()
        detail.sources = self._sources()
        detail.conflicts = self._conflicts()
        return detail

    def _cites(self, table: str, fact_id: int, name: str | None = None) -> list[Cite]:
        """Return the evidence of one fact (optionally one field) with its sentences."""
        query = select(evidence).where(evidence.c.fact_table == table, evidence.c.fact_id == fact_id)
        if name is not None:
            query = query.where(evidence.c.field == name)
        rows = self.conn.execute(query.order_by(evidence.c.article_id, evidence.c.start)).mappings()
        return [self._cite(r) for r in rows]

    def _cite(self, row: Any) -> Cite:
        """Return one evidence row as a cite with the sentence around its span."""
        span = Span(row["start"], row["end"])
        start, sentence = self._sentence(row["article_id"], span)
        return Cite(row["article_id"], span, sentence, start, row["derived"])

    def _sentence(self, article_id: int, span: Span) -> tuple[int, str]:
        """Return the start and text (one line) of the sentence(s) of an article holding ``span``."""
        if article_id not in self._sentences:
            text = self.conn.scalar(select(articles.c.text).where(articles.c.id == article_id)) or ""
            self._sentences[article_id] = (text, split_sentences(text))
        text, spans = self._sentences[article_id]
        starts = [s.start for s in spans]
        first = max(bisect.bisect_right(starts, span.start) - 1, 0)
        last = max(bisect.bisect_right(starts, max(span.end - 1, span.start)) - 1, first)
        lo = min(spans[first].start, span.start) if spans else span.start
        hi = max(spans[last].end, span.end) if spans else span.end
        return lo, _ONE_LINE.sub(" ", text[lo:hi])

    def _fields(self) -> list[Fact]:
        """Return the match-level values (score, date, venue, ...) that are known."""
        row, out = self.row, []
        out.append(Fact("home", row["home"], self._cites("matches", self.id, "home")))
        out.append(Fact("away", row["away"], self._cites("matches", self.id, "away")))
        score = _summary(row).score
        if score != "-":
            out.append(Fact("score", score, self._cites("matches", self.id, "score")))
        for name in ("half_time", "penalties", "aggregate", "competition", "season", "stage", "leg", "date"):
            out += self._field(name, row[name])
        for name in ("venue", "referee", "winner", "advanced"):
            out += self._field(name, row[name])
        if row["extra_time"]:
            out.append(Fact("extra_time", "yes", self._cites("matches", self.id, "extra_time")))
        certain = "stated" if row["home_away_certain"] else "not stated (order as reported)"
        out.append(Fact("home/away", certain, self._cites("matches", self.id, "home_away_certain")))
        return out

    def _field(self, name: str, value: Any) -> list[Fact]:
        """Return a one-element list with the field's fact, or nothing when the value is unknown."""
        if value is None:
            return []
        shown = value.isoformat() if isinstance(value, date) else str(value)
        return [Fact(name, shown, self._cites("matches", self.id, name))]

    def _goals(self) -> list[Fact]:
        """Return the goals in minute order."""
        query = (
            select(goals, clubs.c.name.label("team"))
            .outerjoin(clubs, clubs.c.id == goals.c.club_id)
            .where(goals.c.match_id == self.id)
            .order_by(goals.c.minute.nulls_last(), goals.c.id)
        )
        return [
            Fact(r["team"] or "?", _goal_text(r), self._cites("goals", r["id"])) for r in self._rows(query)
        ]

    def _cards(self) -> list[Fact]:
        """Return the red cards."""
        query = (
            select(cards, clubs.c.name.label("team"))
            .outerjoin(clubs, clubs.c.id == cards.c.club_id)
            .where(cards.c.match_id == self.id)
            .order_by(cards.c.minute.nulls_last(), cards.c.id)
        )
        return [
            Fact(
                r["team"] or "?",
                f"{r['player'] or '?'}{_minute(r['minute'], None)}",
                self._cites("cards", r["id"]),
            )
            for r in self._rows(query)
        ]

    def _coaches(self) -> list[Fact]:
        """Return the coaches named for the match."""
        query = (
            select(coaches.c.id, clubs.c.name.label("team"), people.c.name)
            .join(clubs, clubs.c.id == coaches.c.club_id)
            .join(people, people.c.id == coaches.c.person_id)
            .where(coaches.c.match_id == self.id)
            .order_by(coaches.c.id)
        )
        return [Fact(r["team"], r["name"], self._cites("coaches", r["id"])) for r in self._rows(query)]

    def _stats(self) -> list[Fact]:
        """Return one fact per team statistic."""
        out = []
        for team, values in (self.row["stats"] or {}).items():
            cites = self._cites("matches", self.id, f"stats:{team}")
            out += [Fact(team, f"{key} {value:g}", cites) for key, value in sorted(values.items())]
        return out

    def _quotes(self) -> list[Fact]:
        """Return the quotations linked to the match."""
        query = (
            select(quotes.c.id, quotes.c.text, people.c.name)
            .join(people, people.c.id == quotes.c.person_id)
            .where(quotes.c.match_id == self.id)
            .order_by(quotes.c.article_id, quotes.c.start)
        )
        return [Fact(r["name"], r["text"], self._cites("quotes", r["id"], "text")) for r in self._rows(query)]

    def _sources(self) -> list[Source]:
        """Return the articles reporting the match, with the score each one gives."""
        home, away = aliased(clubs), aliased(clubs)
        query = (
            select(articles, match_sources, home.c.name.label("h"), away.c.name.label("a"))
            .join(match_sources, match_sources.c.article_id == articles.c.id)
            .join(home, home.c.id == match_sources.c.home_id)
            .join(away, away.c.id == match_sources.c.away_id)
            .where(match_sources.c.match_id == self.id)
            .order_by(articles.c.id)
        )
        return [_source(r) for r in self._rows(query)]

    def _conflicts(self) -> list[tuple[str, str, int]]:
        """Return ``(field, value, article id)`` for every recorded disagreement."""
        query = (
            select(conflicts)
            .where(conflicts.c.match_id == self.id)
            .order_by(conflicts.c.field, conflicts.c.id)
        )
        return [(r["field"], r["value"], r["article_id"]) for r in self._rows(query)]

    def _rows(self, query: Select[Any]) -> list[Any]:
        """Run a query and return its rows as mappings."""
        return list(self.conn.execute(query).mappings())


def _source(r: Any) -> Source:
    """Build a source from a joined article/match_sources row."""
    score = (
        "-" if r["home_goals"] is None or r["away_goals"] is None else f"{r['home_goals']}-{r['away_goals']}"
    )
    return Source(
        article_id=r["article_id"],
        title=r["title"],
        outlet=r["outlet"],
        url=r["url"],
        published=r["published"],
        language=r["language"],
        says=f"{r['h']} {score} {r['a']}",
    )


def _minute(minute: int | None, added: int | None) -> str:
    """Return `` 45+2'`` style minute text, or nothing when unknown."""
    if minute is None:
        return ""
    return f" {minute}+{added}'" if added else f" {minute}'"


def _goal_text(r: Any) -> str:
    """Return a goal as ``Scorer 23' (pen)``."""
    marks = [m for m, on in (("pen", r["penalty"]), ("og", r["own_goal"])) if on]
    suffix = f" ({', '.join(marks)})" if marks else ""
    return f"{r['scorer'] or '?'}{_minute(r['minute'], r['added'])}{suffix}"
