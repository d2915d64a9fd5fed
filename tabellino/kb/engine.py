"""The loaded knowledge base behind :class:`~tabellino.kb.base.KnowledgeBase`: data, indexes, scans."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from tabellino.kb.assemble import MAIN_COUNTRIES, Facts, assemble
from tabellino.kb.base import (
    CityMention,
    Club,
    ClubMention,
    Competition,
    CompetitionMention,
    VenueMention,
)
from tabellino.kb.fold import key
from tabellino.kb.gazetteer import Gazetteer
from tabellino.kb.mentions import split_hits
from tabellino.kb.people import player_index

__all__ = ["Engine", "Scan"]

_CACHE_SIZE = 8


@dataclass(frozen=True, slots=True)
class Scan:
    """The mentions of every kind in one text."""

    clubs: tuple[ClubMention, ...]
    competitions: tuple[CompetitionMention, ...]
    venues: tuple[VenueMention, ...]
    cities: tuple[CityMention, ...]


_EMPTY = Scan((), (), (), ())


class Engine:
    """Facts, the compiled gazetteer, the name index and a small cache of recent scans."""

    def __init__(self, facts: Facts | None = None) -> None:
        self.facts = facts if facts is not None else assemble()
        languages = self.facts.layer.languages if self.facts.layer else {}
        self.gazetteer = Gazetteer(self.facts, languages)
        self.lookup = _lookup_index(self.facts)
        self._players: dict[str, tuple[str, ...]] | None = None
        # find_clubs, find_competitions, ... are called one after the other on the same text:
        # the scan of the last few texts is kept so each text is scanned once.
        self._scans: OrderedDict[tuple[str, str], Scan] = OrderedDict()

    def club(self, club_id: str) -> Club:
        """Return a club by id (KeyError naming the id when unknown)."""
        try:
            return self.facts.clubs[club_id]
        except KeyError:
            raise KeyError(f"unknown club id {club_id!r}") from None

    def competition(self, competition_id: str) -> Competition:
        """Return a competition by id (KeyError naming the id when unknown)."""
        try:
            return self.facts.competitions[competition_id]
        except KeyError:
            raise KeyError(f"unknown competition id {competition_id!r}") from None

    def lookup_club(self, name: str) -> Club | None:
        """Return the best club for a name, or None."""
        if not isinstance(name, str):
            return None
        ids = self.lookup.get(key(name))
        return self.facts.clubs[ids[0]] if ids else None

    def player_clubs(self, name: str) -> tuple[str, ...]:
        """Return the clubs whose squad has a player of this full name or surname."""
        if not isinstance(name, str):
            return ()
        if self._players is None:
            self._players = player_index(self.facts.squads)
        return self._players.get(key(name), ())

    def scan(self, text: str, language: str) -> Scan:
        """Return the mentions in ``text`` (cached for the last few texts)."""
        if not isinstance(text, str) or not text.strip() or not isinstance(language, str):
            return _EMPTY
        cache_key = (language, text)
        found = self._scans.get(cache_key)
        if found is None:
            hits = self.gazetteer.scan(text, language)
            clubs, comps, venues, cities = split_hits(self.facts, self.gazetteer, hits, text, language)
            found = Scan(tuple(clubs), tuple(comps), tuple(venues), tuple(cities))
            self._scans[cache_key] = found
            if len(self._scans) > _CACHE_SIZE:
                self._scans.popitem(last=False)
        return found


def _lookup_index(facts: Facts) -> dict[str, list[str]]:
    """Return name key -> club ids, best first (canonical name, a name not a nickname, top flight).

    A name that fits several clubs equally well maps to no club.
    """
    ranks: dict[str, dict[str, tuple[int, int, int, int]]] = {}
    for alias in facts.club_aliases:
        club = facts.clubs[alias.target]
        k = key(alias.text)
        rank = (
            0 if k == key(club.name) else 1,
            0 if alias.kind == "name" else 1,
            0 if club.top else 1,
            0 if club.country in MAIN_COUNTRIES else 1,
        )
        table = ranks.setdefault(k, {})
        table[club.id] = min(rank, table.get(club.id, rank))
    index: dict[str, list[str]] = {}
    for k, table in ranks.items():
        ordered = sorted(table, key=lambda cid: (table[cid], cid))
        # Two clubs equally good for a name (a nickname of several clubs): no answer, not a guess.
        tie = len(ordered) > 1 and table[ordered[0]] == table[ordered[1]]
        index[k] = [] if tie else ordered
    return index
