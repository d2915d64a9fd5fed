"""Knowledge-base types and the :class:`KnowledgeBase`: clubs, competitions, venues, cities.

The data comes from ``kb/data/kb.json`` (built from openfootball by ``python -m tabellino.kb.build``)
and the curated alias layer ``kb/aliases/*.toml``; both are read once per process by
:meth:`KnowledgeBase.load`, which also compiles the one Aho-Corasick automaton all ``find_*``
methods share. A text is scanned once per language: the four ``find_*`` calls on the same text
reuse that scan.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from tabellino.kb.assemble import Facts
    from tabellino.kb.gazetteer import Gazetteer, Hit


@dataclass(frozen=True, slots=True)
class Club:
    """A club: stable id, canonical English common name, country, city, stadium, aliases."""

    id: str
    name: str
    country: str
    city: str | None = None
    stadium: str | None = None
    aliases: tuple[str, ...] = ()
    top: bool = False


@dataclass(frozen=True, slots=True)
class ClubMention:
    """A span of text naming a club; ``candidates`` holds one id when resolved, several when not."""

    start: int
    end: int
    text: str
    candidates: tuple[str, ...]
    kind: str = "name"

    @property
    def club(self) -> str | None:
        """Return the club id when the mention is resolved to exactly one club, else None."""
        return self.candidates[0] if len(self.candidates) == 1 else None


@dataclass(frozen=True, slots=True)
class Competition:
    """A competition: id, canonical name, country code (or None for international), kind."""

    id: str
    name: str
    country: str | None = None
    kind: str = "league"


@dataclass(frozen=True, slots=True)
class CompetitionMention:
    """A span of text naming a competition."""

    start: int
    end: int
    text: str
    competition: str


@dataclass(frozen=True, slots=True)
class VenueMention:
    """A span of text naming a stadium; ``clubs`` are the ids of the clubs that play there."""

    start: int
    end: int
    text: str
    name: str
    clubs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CityMention:
    """A span of text naming a city that is home to clubs (``clubs`` = their ids)."""

    start: int
    end: int
    text: str
    clubs: tuple[str, ...] = ()


class KnowledgeBase:
    """Clubs, competitions, venues and cities, with gazetteers compiled once per process."""

    _instance: ClassVar[KnowledgeBase | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()
    _CACHE_SIZE: ClassVar[int] = 8

    def __init__(self, facts: Facts | None = None) -> None:
        """Build a knowledge base from ``facts`` (default: the packaged data and alias layer)."""
        # Imported here: these modules use the types above, so they load after this module.
        from tabellino.kb.assemble import assemble
        from tabellino.kb.gazetteer import Gazetteer

        self._facts = facts if facts is not None else assemble()
        assert self._facts.layer is not None
        self._languages = self._facts.layer.languages
        self._gazetteer: Gazetteer = Gazetteer(self._facts, self._languages)
        self._lookup = _lookup_index(self._facts)
        self._players: dict[str, tuple[str, ...]] | None = None
        self._scans: OrderedDict[tuple[str, str], _Scan] = OrderedDict()

    @classmethod
    def load(cls) -> KnowledgeBase:
        """Return the process-wide knowledge base (built on first call, then cached)."""
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = cls()
        return cls._instance

    def club(self, club_id: str) -> Club:
        """Return the club with id ``club_id``."""
        try:
            return self._facts.clubs[club_id]
        except KeyError:
            raise KeyError(f"unknown club id {club_id!r}") from None

    def competition(self, competition_id: str) -> Competition:
        """Return the competition with id ``competition_id``."""
        try:
            return self._facts.competitions[competition_id]
        except KeyError:
            raise KeyError(f"unknown competition id {competition_id!r}") from None

    def clubs(self) -> list[Club]:
        """Return every club, sorted by id."""
        return [self._facts.clubs[k] for k in sorted(self._facts.clubs)]

    def competitions(self) -> list[Competition]:
        """Return every competition the gazetteer knows, sorted by id."""
        return [self._facts.competitions[k] for k in sorted(self._facts.competitions)]

    def find_clubs(self, text: str, language: str) -> list[ClubMention]:
        """Return the club mentions in ``text``, sorted, non-overlapping, ambiguity resolved by context."""
        return list(self._scan(text, language).clubs)

    def find_competitions(self, text: str, language: str) -> list[CompetitionMention]:
        """Return the competition mentions in ``text``, sorted and non-overlapping."""
        return list(self._scan(text, language).competitions)

    def find_venues(self, text: str, language: str) -> list[VenueMention]:
        """Return the stadium mentions in ``text``, sorted and non-overlapping."""
        return list(self._scan(text, language).venues)

    def find_cities(self, text: str, language: str) -> list[CityMention]:
        """Return the mentions of club home cities in ``text``."""
        return list(self._scan(text, language).cities)

    def lookup_club(self, name: str) -> Club | None:
        """Return the club any of whose names equals ``name`` (case/accent-insensitive), or None."""
        from tabellino.kb.fold import key

        if not isinstance(name, str):
            return None
        ids = self._lookup.get(key(name))
        return self._facts.clubs[ids[0]] if ids else None

    def player_clubs(self, name: str) -> tuple[str, ...]:
        """Return ids of clubs whose openfootball squad lists a player with this (sur)name."""
        from tabellino.kb.fold import key
        from tabellino.kb.people import player_index

        if self._players is None:
            self._players = player_index(self._facts.squads)
        return self._players.get(key(name), ()) if isinstance(name, str) else ()

    def _scan(self, text: str, language: str) -> _Scan:
        """Return the mentions of every kind in ``text`` (cached for the last few texts)."""
        if not isinstance(text, str) or not text:
            return _Scan((), (), (), ())
        cache_key = (language, text)
        found = self._scans.get(cache_key)
        if found is None:
            found = self._mentions(text, language)
            self._scans[cache_key] = found
            if len(self._scans) > self._CACHE_SIZE:
                self._scans.popitem(last=False)
        return found

    def _mentions(self, text: str, language: str) -> _Scan:
        """Scan ``text`` once and split the selected hits into the four kinds of mention."""
        from tabellino.kb.mentions import split_hits

        hits: list[Hit] = self._gazetteer.scan(text, language)
        return split_hits(self._facts, self._gazetteer, hits, text, language)


@dataclass(frozen=True, slots=True)
class _Scan:
    """The mentions of one text."""

    clubs: tuple[ClubMention, ...]
    competitions: tuple[CompetitionMention, ...]
    venues: tuple[VenueMention, ...]
    cities: tuple[CityMention, ...]


def _lookup_index(facts: Facts) -> dict[str, list[str]]:
    """Return name key -> club ids, best first (canonical name, a name not a nickname, top flight)."""
    from tabellino.kb.assemble import MAIN_COUNTRIES
    from tabellino.kb.fold import key

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
    return {k: sorted(t, key=lambda cid: (t[cid], cid)) for k, t in ranks.items()}
