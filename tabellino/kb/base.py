"""Knowledge-base types and the :class:`KnowledgeBase`: clubs, competitions, venues, cities.

The data comes from ``kb/data/kb.json`` (built from openfootball by ``python -m tabellino.kb.build``)
and the curated alias layer ``kb/aliases/*.toml``; both are read once per process by
:meth:`KnowledgeBase.load`, which also compiles the one Aho-Corasick automaton all ``find_*``
methods share. A text is scanned once per language: the four ``find_*`` calls on the same text
reuse that scan.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from tabellino.kb.assemble import Facts
    from tabellino.kb.engine import Engine


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
    # The club id when the mention is resolved to exactly one club, else None. A slot filled once:
    # the extractors read it far more often than mentions are made.
    club: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Fill ``club`` from the candidates."""
        object.__setattr__(self, "club", self.candidates[0] if len(self.candidates) == 1 else None)


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

    def __init__(self, facts: Facts | None = None) -> None:
        """Prepare a knowledge base over ``facts`` (default: the packaged data and alias layer).

        Nothing is read until first use, so a subclass that overrides the methods it needs (a test
        double) costs nothing; :meth:`load` builds everything at once.
        """
        self._facts_given = facts
        self._built: Engine | None = None

    @classmethod
    def load(cls) -> KnowledgeBase:
        """Return the process-wide knowledge base (built on first call, then cached).

        Once built, the objects alive in the process (the knowledge base's hundred thousand and more)
        are moved out of the cyclic garbage collector's passes (``gc.freeze``): they stay for the
        life of the process, and every pass would walk them again for nothing.
        """
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    kb = cls()
                    kb._engine()
                    cls._instance = kb
                    gc.freeze()  # it lives as long as the process: keep it out of every collection
        return cls._instance

    def _engine(self) -> Engine:
        """Return the loaded data and compiled gazetteer, building them on first use."""
        built = getattr(self, "_built", None)
        if built is None:
            # Imported here: the engine's modules use the types above.
            from tabellino.kb.engine import Engine

            built = Engine(getattr(self, "_facts_given", None))
            self._built = built
        return built

    def club(self, club_id: str) -> Club:
        """Return the club with id ``club_id``."""
        # Engine.club's look-up, inlined: the extractors ask for clubs by id many times an article.
        try:
            return self._engine().facts.clubs[club_id]
        except KeyError:
            raise KeyError(f"unknown club id {club_id!r}") from None

    def competition(self, competition_id: str) -> Competition:
        """Return the competition with id ``competition_id``."""
        return self._engine().competition(competition_id)

    def clubs(self) -> list[Club]:
        """Return every club, sorted by id."""
        clubs = self._engine().facts.clubs
        return [clubs[k] for k in sorted(clubs)]

    def competitions(self) -> list[Competition]:
        """Return every competition the gazetteer knows, sorted by id."""
        comps = self._engine().facts.competitions
        return [comps[k] for k in sorted(comps)]

    def find_clubs(self, text: str, language: str) -> list[ClubMention]:
        """Return the club mentions in ``text``, sorted, non-overlapping, ambiguity resolved by context."""
        return list(self._engine().scan(text, language).clubs)

    def find_competitions(self, text: str, language: str) -> list[CompetitionMention]:
        """Return the competition mentions in ``text``, sorted and non-overlapping."""
        return list(self._engine().scan(text, language).competitions)

    def find_venues(self, text: str, language: str) -> list[VenueMention]:
        """Return the stadium mentions in ``text``, sorted and non-overlapping."""
        return list(self._engine().scan(text, language).venues)

    def find_cities(self, text: str, language: str) -> list[CityMention]:
        """Return the mentions of club home cities in ``text``."""
        return list(self._engine().scan(text, language).cities)

    def lookup_club(self, name: str) -> Club | None:
        """Return the club any of whose names equals ``name`` (case/accent-insensitive), or None."""
        return self._engine().lookup_club(name)

    def player_clubs(self, name: str) -> tuple[str, ...]:
        """Return ids of clubs whose openfootball squad lists a player with this (sur)name."""
        return self._engine().player_clubs(name)
