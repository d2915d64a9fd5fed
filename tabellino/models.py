"""The data model: documents in, articles, facts with evidence out.

Every fact carries :class:`Evidence`: the character spans of the article text that state it, and
whether the value was *derived* (computed from other facts, e.g. a score counted from the goals)
rather than read directly.

Offsets always point into :attr:`Article.text`, the text exactly as received (for HTML: the clean
text extracted from the page). Boilerplate is never cut out of that text; it is listed in
:attr:`Article.dropped` and blanked in :meth:`Article.content`, so offsets stay valid everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "Article",
    "Document",
    "Evidence",
    "Extraction",
    "Goal",
    "Match",
    "Person",
    "Quote",
    "RedCard",
    "Span",
    "Tie",
]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of an article's text."""

    start: int
    end: int

    def as_list(self) -> list[int]:
        """Return the span as ``[start, end]`` for JSON output."""
        return [self.start, self.end]


@dataclass(slots=True)
class Evidence:
    """The spans that state a value, and whether the value was derived from other facts."""

    spans: list[Span] = field(default_factory=list)
    derived: bool = False

    def to_json(self) -> dict[str, Any]:
        """Return the evidence as a JSON-ready dict."""
        return {"spans": [s.as_list() for s in self.spans], "derived": self.derived}


@dataclass(slots=True)
class Document:
    """A raw input record before cleaning: text or markup plus whatever metadata came with it."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    content_type: str = "text/plain"
    outlet: str | None = None
    author: str | None = None
    raw: bytes | None = None
    html_path: str | None = None
    """For a page read from HTML: the XPath of the element holding the article in the original markup."""


@dataclass(slots=True)
class Article:
    """A cleaned article: the text as received, its metadata and the boilerplate spans dropped."""

    id: str
    text: str
    language: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    dropped: list[Span] = field(default_factory=list)
    html_path: str | None = None
    """For a page read from HTML: the XPath of the element holding the article in the original markup."""

    def content(self) -> str:
        """Return the text with every dropped span blanked to spaces (newlines kept), same length."""
        text = self.text
        for span in self.dropped:
            start, end = span.start, min(span.end, len(text))
            if start < 0:
                return _blank_by_character(text, self.dropped)
            if start < end:
                text = text[:start] + _NOT_NEWLINE.sub(" ", text[start:end]) + text[end:]
        return text


_NOT_NEWLINE = re.compile(r"[^\n]")


def _blank_by_character(text: str, spans: list[Span]) -> str:
    """Return ``text`` with the characters of ``spans`` blanked one by one (any offsets, even negative)."""
    chars = list(text)
    for span in spans:
        for i in range(span.start, min(span.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


@dataclass(slots=True)
class Person:
    """A person named in an article, with the role and club the text gives."""

    name: str
    role: str | None = None
    club: str | None = None
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Goal:
    """One goal described in the text. ``team`` is the club credited (beneficiary of an own goal)."""

    team: str | None = None
    scorer: str | None = None
    minute: int | None = None
    added: int | None = None
    penalty: bool = False
    own_goal: bool = False
    evidence: Evidence = field(default_factory=Evidence)

    def to_json(self) -> dict[str, Any]:
        """Return the goal in the gold schema's shape plus its evidence."""
        return {
            "team": self.team,
            "scorer": self.scorer,
            "minute": self.minute,
            "added": self.added,
            "penalty": self.penalty,
            "own_goal": self.own_goal,
            "evidence": self.evidence.to_json(),
        }


@dataclass(slots=True)
class RedCard:
    """A player sent off (second yellows included; coaches never)."""

    team: str | None = None
    player: str | None = None
    minute: int | None = None
    evidence: Evidence = field(default_factory=Evidence)

    def to_json(self) -> dict[str, Any]:
        """Return the red card in the gold schema's shape plus its evidence."""
        return {
            "team": self.team,
            "player": self.player,
            "minute": self.minute,
            "evidence": self.evidence.to_json(),
        }


MATCH_FIELDS = (
    "home",
    "away",
    "home_away_certain",
    "home_goals",
    "away_goals",
    "half_time",
    "extra_time",
    "penalties",
    "aggregate",
    "competition",
    "stage",
    "leg",
    "date",
    "venue",
    "referee",
    "winner",
    "advanced",
)


@dataclass(slots=True)
class Match:
    """One match the article reports a result (score or winner) for.

    ``evidence`` maps a field name (one of :data:`MATCH_FIELDS`, ``"score"``, ``"coach:<team>"`` or
    ``"stats:<team>"``) to the evidence for it.
    """

    home: str
    away: str
    home_away_certain: bool = False
    home_goals: int | None = None
    away_goals: int | None = None
    half_time: str | None = None
    extra_time: bool = False
    penalties: str | None = None
    aggregate: str | None = None
    competition: str | None = None
    stage: str | None = None
    leg: int | None = None
    date: date | None = None
    venue: str | None = None
    referee: str | None = None
    winner: str | None = None
    advanced: str | None = None
    primary: bool = False
    goals: list[Goal] = field(default_factory=list)
    red_cards: list[RedCard] = field(default_factory=list)
    coaches: dict[str, str] = field(default_factory=dict)
    stats: dict[str, dict[str, float]] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)

    def teams(self) -> tuple[str, str]:
        """Return ``(home, away)``."""
        return (self.home, self.away)

    def has_team(self, team: str | None) -> bool:
        """Return whether ``team`` plays in this match."""
        return team is not None and team in (self.home, self.away)

    def opponent(self, team: str) -> str | None:
        """Return the other team of the match, or None when ``team`` does not play in it."""
        if team == self.home:
            return self.away
        if team == self.away:
            return self.home
        return None

    def first_offset(self, default: int = 0) -> int:
        """Return the offset of the first words cited for the match (``default`` when none)."""
        starts = [span.start for ev in self.evidence.values() for span in ev.spans]
        return min(starts) if starts else default

    def last_offset_before(self, pos: int, default: int = -1) -> int:
        """Return the last cited offset at or before ``pos`` (``default`` when none)."""
        starts = [span.start for ev in self.evidence.values() for span in ev.spans if span.start <= pos]
        return max(starts) if starts else default

    def cite(self, name: str, span: Span, derived: bool = False) -> None:
        """Add ``span`` as evidence for field ``name`` (marking it derived if asked)."""
        ev = self.evidence.setdefault(name, Evidence())
        if span not in ev.spans:
            ev.spans.append(span)
        ev.derived = ev.derived or derived

    def to_json(self) -> dict[str, Any]:
        """Return the match in the gold schema's shape, with evidence per field."""
        out: dict[str, Any] = {"primary": self.primary}
        for name in MATCH_FIELDS:
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, date) else value
        out["goals"] = [g.to_json() for g in self.goals]
        out["red_cards"] = [r.to_json() for r in self.red_cards]
        out["coaches"] = dict(self.coaches)
        out["stats"] = {team: dict(values) for team, values in self.stats.items()}
        out["derived"] = sorted(k for k, ev in self.evidence.items() if ev.derived)
        out["evidence"] = {k: ev.to_json() for k, ev in self.evidence.items()}
        return out


@dataclass(slots=True)
class Quote:
    """A direct quotation with its speaker (the fullest name the article gives)."""

    speaker: str
    text: str
    span: Span
    speaker_span: Span | None = None
    match_index: int | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the quote as ``{speaker, text, match, evidence}``."""
        spans = [self.span] + ([self.speaker_span] if self.speaker_span else [])
        return {
            "speaker": self.speaker,
            "text": self.text,
            "match": self.match_index,
            "evidence": Evidence(spans=spans).to_json(),
        }


@dataclass(slots=True)
class Tie:
    """A knockout tie decided without a stated score ("X knocked out Y")."""

    winner: str
    loser: str
    competition: str | None = None
    stage: str | None = None
    evidence: Evidence = field(default_factory=Evidence)

    def to_json(self) -> dict[str, Any]:
        """Return the tie as ``{competition, stage, winner, loser, evidence}``."""
        return {
            "competition": self.competition,
            "stage": self.stage,
            "winner": self.winner,
            "loser": self.loser,
            "evidence": self.evidence.to_json(),
        }


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    matches: list[Match] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the output contract of ``tabellino extract --format jsonl`` for this article."""
        art = self.article
        return {
            "id": art.id,
            "language": art.language,
            "published": art.published.isoformat() if art.published else None,
            "title": art.title,
            "url": art.url,
            "matches": [m.to_json() for m in self.matches],
            "quotes": [q.to_json() for q in self.quotes],
            "ties": [t.to_json() for t in self.ties],
            "dropped": [s.as_list() for s in art.dropped],
        }
