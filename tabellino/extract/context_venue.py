"""Component ``venue``: the stadium of each match, and the home side when the text makes it certain.

A stadium mention (``doc.venues``) after a venue cue ("at the", "played at", "a", "al": ``[venues]
venue_cue_patterns``) is the match's venue when it lies in the match's result sentence (bound to the
nearest result), in a sentence about the match, or in the match's section when the stadium is the
ground of one of its teams. A stadium known to be another club's ground never is. Datelines
("Köln -", "Liverpool, Inglaterra. -") are not venues. The name is kept as written.

Home and away are settled only when the matches component left ``home_away_certain`` False: the
venue's club, a home city after a city cue ("in Bergamo", "a Ferrara") or a home / away phrase next
to a team ("hosts", "padroni di casa", "away at", "in trasferta") vote for a home side; the votes from
the closest place (result sentence, then sentences about the match, then its section) decide, and
disagreeing votes decide nothing (and drop a venue they contradict).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from tabellino.extract import component
from tabellino.extract.context_regex import Alternation
from tabellino.extract.context_scope import (
    WINDOW,
    Context,
    Hit,
    Layout,
    Scope,
    by_sentence,
    club_name,
    preceded_by,
)
from tabellino.extract.doc import Doc
from tabellino.kb import ClubMention
from tabellino.lang import LanguageData
from tabellino.models import Match, Span

__all__ = ["Ground", "venue", "venue_hits"]

_QUOTES = " \t\"'“”«»‘’„"
_SCORE = re.compile(r"^\s*(\d+)\s*([-–:])\s*(\d+)\s*$")
RESULT, ABOUT, SECTION = 0, 1, 2
_CUE_KINDS = ("home_before", "home_after", "away_before", "away_after")
H = TypeVar("H", Hit[str], Hit[frozenset[str]])


@dataclass(frozen=True, slots=True)
class Ground:
    """A stadium as written, with the canonical names of the clubs that play there."""

    name: str
    clubs: frozenset[str]


@dataclass(frozen=True, slots=True)
class Vote:
    """A cue saying which team was at home, how close it is to the result, and where it is."""

    rank: int
    home: str
    span: Span


@cache
def _side_alternation(lang: LanguageData) -> Alternation[str]:
    """Compile the home / away phrase cues of a language into one scanner."""
    items = [(kind, p) for kind in _CUE_KINDS for p in lang.words("venues", f"{kind}_patterns")]
    return Alternation.build(items, f"{lang.code} [venues] home/away cues")


def venue_hits(doc: Doc, layout: Layout) -> list[Hit[Ground]]:
    """Return the stadium mentions introduced by a venue cue, datelines excluded."""
    cues = doc.lang.patterns("venues", "venue_cue_patterns")
    skip = doc.lang.patterns("venues", "venue_skip_before_patterns")
    hits: list[Hit[Ground]] = []
    for v in sorted(doc.venues, key=lambda v: v.start):
        sentence = layout.sentences[layout.sentence_at(v.start)]
        if _dateline(doc, layout, v.start, v.end) or not _cued(doc.text, v.start, sentence.start, cues):
            continue
        if preceded_by(doc.text, v.start, sentence.start, skip):
            continue
        clubs = frozenset(n for cid in v.clubs if (n := club_name(doc, cid)))
        name = v.text.strip(_QUOTES) or v.name
        hits.append(Hit(v.start, v.end, Ground(name, clubs)))
    return hits


def _cued(text: str, start: int, floor: int, cues: list[re.Pattern[str]]) -> bool:
    """Return whether a venue cue ends right before ``start``."""
    before = text[max(floor, start - WINDOW) : start]
    return any(p.search(before) for p in cues)


def _dateline(doc: Doc, layout: Layout, start: int, end: int) -> bool:
    """Return whether a place name opens its line as a dateline ("Köln -", "Rome, Italy. -")."""
    line = layout.line_at(start)
    if doc.text[line.start : start].strip(_QUOTES):
        return False
    after = doc.text[end : min(line.end, end + WINDOW)]
    return any(p.match(after) for p in doc.lang.patterns("venues", "dateline_after_patterns"))


@component("venue")
def venue(doc: Doc) -> None:
    """Set each match's venue, and its home side when a venue, city or phrase makes it certain."""
    if not doc.matches:
        return
    ctx = Context.build(doc)
    grounds = by_sentence(venue_hits(doc, ctx.layout), ctx.layout)
    cities = _placed(ctx.layout, _city_hits(doc, ctx.layout))
    sides = _placed(ctx.layout, _side_hits(doc, ctx.layout))
    clubs = _ClubIndex(ctx)
    for sc in ctx.scopes:
        chosen = _ground_for(ctx, sc, grounds)
        votes = _votes(ctx, sc, cities, sides, clubs)
        ground_vote = _ground_vote(sc, chosen)
        if ground_vote is not None:
            if any(v.rank <= ground_vote.rank and v.home != ground_vote.home for v in votes):
                chosen, votes = None, []  # the stadium and a closer cue disagree: trust neither
            else:
                votes.append(ground_vote)
        if chosen is not None and sc.match.venue is None:
            sc.match.venue = chosen[0].value.name
            sc.match.cite("venue", chosen[0].span)
        _settle_home(sc.match, votes)


def _fits(ground: Ground, match: Match, rank: int) -> bool:
    """Return whether a stadium can be the match's: not another club's ground, not the away side's."""
    if not ground.clubs:
        return rank < SECTION
    if not ground.clubs & set(match.teams()):
        return False
    return not match.home_away_certain or match.home in ground.clubs


def _ground_for(
    ctx: Context, sc: Scope, by_sent: dict[int, list[Hit[Ground]]]
) -> tuple[Hit[Ground], int] | None:
    """Return the stadium of the match with the rank of the place it was found in."""
    for s in sc.result:
        fitting = [g for g in by_sent.get(s, []) if _fits(g.value, sc.match, RESULT)]
        mine = [g for g in fitting if ctx.owner_in(ctx.layout.sentences[s], g) == sc.index]
        if mine:
            return mine[0], RESULT
    for rank, sentences in ((ABOUT, sc.about), (SECTION, sc.section)):
        for s in sentences:
            fitting = [g for g in by_sent.get(s, []) if _fits(g.value, sc.match, rank)]
            if fitting:
                return fitting[0], rank
    return None


def _ground_vote(sc: Scope, chosen: tuple[Hit[Ground], int] | None) -> Vote | None:
    """Return the home side the chosen stadium points to (one of the two teams plays there)."""
    if chosen is None:
        return None
    teams = chosen[0].value.clubs & set(sc.match.teams())
    return Vote(chosen[1], next(iter(teams)), chosen[0].span) if len(teams) == 1 else None


def _city_hits(doc: Doc, layout: Layout) -> list[Hit[frozenset[str]]]:
    """Return the club home cities written after a city cue ("in Bergamo"), datelines excluded."""
    cues = doc.lang.patterns("venues", "city_cue_patterns")
    hits: list[Hit[frozenset[str]]] = []
    for c in sorted(doc.cities, key=lambda c: c.start):
        sentence = layout.sentences[layout.sentence_at(c.start)]
        if _dateline(doc, layout, c.start, c.end) or not _cued(doc.text, c.start, sentence.start, cues):
            continue
        clubs = frozenset(n for cid in c.clubs if (n := club_name(doc, cid)))
        if clubs:
            hits.append(Hit(c.start, c.end, clubs))
    return hits


def _side_hits(doc: Doc, layout: Layout) -> list[Hit[str]]:
    """Return home / away phrases, each labelled with the side of its team and what it says."""
    return [
        Hit(m.match.start(), m.match.end(), m.label) for m in _side_alternation(doc.lang).finditer(doc.text)
    ]


def _placed(layout: Layout, hits: list[H]) -> list[tuple[int, H]]:
    """Return each hit with the index of the sentence it starts in (looked up once per doc)."""
    return [(layout.sentence_at(h.start), h) for h in hits]


def _votes(
    ctx: Context,
    sc: Scope,
    cities: list[tuple[int, Hit[frozenset[str]]]],
    sides: list[tuple[int, Hit[str]]],
    clubs: _ClubIndex,
) -> list[Vote]:
    """Return the home-side votes of the cities and phrases (each with its sentence) about the match."""
    ranks = _ranks(sc)
    teams = set(sc.match.teams())
    votes: list[Vote] = []
    for s, c in cities:
        place = ranks.get(s, SECTION)
        if place < SECTION and len(c.value & teams) == 1:
            votes.append(Vote(place, next(iter(c.value & teams)), c.span))
    for s, h in sides:
        where = ranks.get(s)
        home = _side_vote(ctx, clubs, h, sc.match) if where is not None else None
        if where is not None and home is not None:
            votes.append(Vote(where, home, h.span))
    return votes


def _ranks(sc: Scope) -> dict[int, int]:
    """Return the rank of each sentence of the match: result, about it, or its section."""
    ranks = dict.fromkeys(sc.result, RESULT)
    for rank, sentences in ((ABOUT, sc.about), (SECTION, sc.section)):
        for s in sentences:
            ranks.setdefault(s, rank)
    return ranks


def _side_vote(ctx: Context, clubs: _ClubIndex, cue: Hit[str], match: Match) -> str | None:
    """Return the home side a home / away phrase points to, given the team next to it."""
    kind, side = cue.value.split("_")
    sentence = ctx.layout.sentences[ctx.layout.sentence_at(cue.start)]
    team = clubs.before(cue.start, sentence.start) if side == "before" else clubs.after(cue.end, sentence.end)
    if team is None or not match.has_team(team):
        return None
    return team if kind == "home" else match.opponent(team)


class _ClubIndex:
    """Resolved club mentions in text order, for finding the team next to a phrase."""

    def __init__(self, ctx: Context) -> None:
        self.text = ctx.doc.text
        self.clubs: list[ClubMention] = sorted(ctx.doc.clubs, key=lambda c: c.start)
        self.starts = [c.start for c in self.clubs]
        self.names = {cid: club_name(ctx.doc, cid) for cid in {c.club for c in self.clubs} if cid}

    def _name(self, mention: ClubMention) -> str | None:
        return self.names.get(mention.club) if mention.club else None

    def before(self, pos: int, floor: int) -> str | None:
        """Return the club named last before ``pos`` (within WINDOW and the sentence)."""
        i = bisect.bisect_left(self.starts, pos) - 1
        if i < 0 or self.clubs[i].start < max(floor, pos - WINDOW) or self.clubs[i].end > pos:
            return None
        return self._name(self.clubs[i])

    def after(self, pos: int, ceiling: int) -> str | None:
        """Return the club named first after ``pos`` (within WINDOW and the sentence)."""
        i = bisect.bisect_left(self.starts, pos)
        if i >= len(self.clubs) or self.clubs[i].end > min(ceiling, pos + WINDOW):
            return None
        return self._name(self.clubs[i])


def _settle_home(match: Match, votes: list[Vote]) -> None:
    """Make the voted team the home side when the closest votes agree (only if not yet certain)."""
    if match.home_away_certain or not votes:
        return
    best = min(v.rank for v in votes)
    homes = {v.home for v in votes if v.rank == best}
    if len(homes) != 1:
        return
    home = homes.pop()
    if home == match.away:
        _swap(match)
    match.home_away_certain = True
    for v in votes:
        if v.rank == best:
            match.cite("home_away_certain", v.span, derived=True)


def _swap(match: Match) -> None:
    """Swap home and away with everything oriented home-first (goals, score strings, evidence)."""
    match.home, match.away = match.away, match.home
    match.home_goals, match.away_goals = match.away_goals, match.home_goals
    match.half_time = _flip(match.half_time)
    match.penalties = _flip(match.penalties)
    match.aggregate = _flip(match.aggregate)
    ev = match.evidence
    home, away = ev.pop("home", None), ev.pop("away", None)
    if away is not None:
        ev["home"] = away
    if home is not None:
        ev["away"] = home


def _flip(score: str | None) -> str | None:
    """Return an ``a-b`` score string as ``b-a`` (other strings unchanged)."""
    m = _SCORE.match(score) if score else None
    return f"{m.group(3)}{m.group(2)}{m.group(1)}" if m else score
