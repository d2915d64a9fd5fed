"""Assemble the knowledge base from the built facts (``kb/data``) and the curated alias layer."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from tabellino.errors import DataFileError
from tabellino.kb.base import Club, Competition
from tabellino.kb.fold import key
from tabellino.kb.layer import AliasData, load_aliases
from tabellino.kb.naming import canonical_name

__all__ = ["MAIN_COUNTRIES", "Alias", "Facts", "Venue", "assemble", "load_facts"]

# Competition id prefixes of international bodies (no country).
INTERNATIONAL = {"uefa", "fifa", "conmebol", "world", "euro", "concacaf", "caf", "afc"}
# Countries whose clubs' home towns are in the city gazetteer (plus every top-flight club's town).
MAIN_COUNTRIES = {"eng", "it", "es", "de", "fr", "pt", "nl", "sco", "wal", "at", "ch", "be", "mc", "br", "ar"}
# Qualifiers after a city name that the press drops: "Frankfurt am Main" is "Frankfurt".
_CITY_QUALIFIER = re.compile(r"\s+(?:am|an der|upon|on|im|in der|sur|de la)\s+.*$")


@dataclass(frozen=True, slots=True)
class Alias:
    """One name of a club, competition, venue or city; ``lang`` None means every language."""

    text: str
    target: str
    kind: str = "name"
    lang: str | None = None


@dataclass
class Venue:
    """A stadium: canonical name, city, the clubs that play there."""

    id: str
    name: str
    city: str | None
    country: str | None
    clubs: tuple[str, ...] = ()


@dataclass
class Facts:
    """Everything the knowledge base knows, ready for indexing."""

    clubs: dict[str, Club] = field(default_factory=dict)
    competitions: dict[str, Competition] = field(default_factory=dict)
    venues: dict[str, Venue] = field(default_factory=dict)
    cities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    club_aliases: list[Alias] = field(default_factory=list)
    competition_aliases: list[Alias] = field(default_factory=list)
    venue_aliases: list[Alias] = field(default_factory=list)
    city_aliases: list[Alias] = field(default_factory=list)
    squads: dict[str, list[str]] = field(default_factory=dict)
    layer: AliasData | None = None


def load_facts() -> dict[str, Any]:
    """Read the built facts file (``kb.json`` or ``kb.json.gz``) shipped in the package."""
    root = resources.files("tabellino.kb").joinpath("data")
    try:
        plain = root.joinpath("kb.json")
        if plain.is_file():
            data: dict[str, Any] = json.loads(plain.read_text(encoding="utf-8"))
        else:
            data = json.loads(gzip.decompress(root.joinpath("kb.json.gz").read_bytes()).decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(
            f"kb/data/kb.json: cannot read ({exc}); run python -m tabellino.kb.build"
        ) from exc
    if not isinstance(data, dict) or data.get("format") != 1:
        raise DataFileError("kb/data/kb.json: unknown format; run python -m tabellino.kb.build")
    return data


def _club(rec: dict[str, Any], layer: AliasData, top: set[str]) -> Club:
    """Return a club from its facts record, named by the override table or the general rule."""
    names = [(str(n), lang) for n, lang in rec["names"]]
    name = layer.names.get(rec["id"]) or canonical_name(rec["name"], names)
    aliases = _unique([name, rec["name"], *(n for n, _ in names)])
    return Club(
        id=rec["id"],
        name=name,
        country=rec["country"],
        city=rec.get("city"),
        stadium=rec.get("stadium"),
        aliases=tuple(aliases),
        top=bool(rec.get("top_seasons")) or rec["id"] in top,
    )


def _unique(items: list[str]) -> list[str]:
    """Return items without repeats, first occurrence kept."""
    return list(dict.fromkeys(i for i in items if i))


def _extra_club(rec: dict[str, Any]) -> Club:
    """Return a club of ``clubs.toml``."""
    names = _unique([rec["name"], *rec.get("names", [])])
    return Club(
        id=rec["id"],
        name=rec["name"],
        country=rec["country"],
        city=rec.get("city"),
        stadium=rec.get("stadium"),
        aliases=tuple(names),
        top=bool(rec.get("top", False)),
    )


class _Builder:
    """Fills :class:`Facts` step by step."""

    def __init__(self, data: dict[str, Any], layer: AliasData) -> None:
        self.data = data
        self.layer = layer
        self.facts = Facts(layer=layer, squads=dict(data.get("squads", {})))
        self.by_name: dict[str, list[str]] = {}

    def clubs(self) -> None:
        """Create the clubs and their universal names."""
        top = set(self.layer.top_flight)
        known = {r["id"] for r in self.data["clubs"]}
        unknown = [cid for cid in [*self.layer.names, *top] if cid not in known]
        if unknown:
            raise DataFileError(f"kb/aliases/canonical.toml: unknown club ids {unknown[:5]}")
        clubs = [_club(r, self.layer, top) for r in self.data["clubs"]]
        clubs += [_extra_club(r) for r in self.layer.clubs]
        for club in clubs:
            if club.id in self.facts.clubs:
                raise DataFileError(f"kb/aliases/clubs.toml: duplicate club id {club.id}")
            self.facts.clubs[club.id] = club
            self.by_name.setdefault(key(club.name), []).append(club.id)
            self.facts.club_aliases.extend(Alias(a, club.id) for a in club.aliases)

    def resolve_club(self, ref: str, where: str) -> str:
        """Return the id of a club named in an alias file by id or canonical name."""
        if ref in self.facts.clubs:
            return ref
        found = self.by_name.get(key(ref), [])
        if len(found) != 1:
            what = "unknown" if not found else f"ambiguous ({', '.join(found)}); use the id"
            raise DataFileError(f"{where}: club {ref!r} is {what}")
        return found[0]

    def language_clubs(self) -> None:
        """Add every language file's club names, nicknames and demonyms."""
        extra: dict[str, list[str]] = {}
        for code, lang in self.layer.languages.items():
            for ref, aliases in lang.clubs.items():
                cid = self.resolve_club(ref, f"kb/aliases/{code}.toml")
                for text, kind in aliases:
                    scope = None if kind == "name" else code
                    self.facts.club_aliases.append(Alias(text, cid, kind, scope))
                    extra.setdefault(cid, []).append(text)
        for cid, texts in extra.items():
            club = self.facts.clubs[cid]
            merged = tuple(_unique([*club.aliases, *texts]))
            self.facts.clubs[cid] = Club(
                club.id, club.name, club.country, club.city, club.stadium, merged, club.top
            )

    def competitions(self) -> None:
        """Create the curated competitions with openfootball's and every language's names."""
        raw = {r["id"]: r for r in self.data["competitions"]}
        for rec in self.layer.competitions:
            cid = rec["id"]
            prefix = cid.split(".")[0]
            country = rec.get("country", None if prefix in INTERNATIONAL else prefix)
            comp = Competition(cid, rec["name"], country or None, rec.get("kind", "league"))
            self.facts.competitions[cid] = comp
            names = [rec["name"], *rec.get("names", [])]
            if rec.get("openfootball", True) and cid in raw:
                names += [raw[cid]["name"], *(n for n, _ in raw[cid]["names"])]
            self.facts.competition_aliases.extend(Alias(n, cid) for n in _unique(names))
        for code, lang in self.layer.languages.items():
            for cid, names in lang.competitions.items():
                if cid not in self.facts.competitions:
                    raise DataFileError(f"kb/aliases/{code}.toml: unknown competition {cid!r}")
                self.facts.competition_aliases.extend(Alias(n, cid, "name", code) for n in names)

    def venues(self) -> None:
        """Create stadiums from openfootball, merged with the curated venues (current names win)."""
        index: dict[str, list[str]] = {}
        for rec in self.data["stadiums"]:
            venue = Venue(rec["id"], rec["name"], rec.get("city"), rec.get("country"), tuple(rec["clubs"]))
            self._add_venue(venue, [rec["name"], *rec["names"]], index)
        home_set: set[str] = set()
        for rec in self.layer.venues:
            self._curated_venue(rec, index, home_set)
        for code, lang in self.layer.languages.items():
            for ref, names in lang.venues.items():
                vids = index.get(key(ref))
                if not vids:
                    raise DataFileError(f"kb/aliases/{code}.toml: unknown venue {ref!r}")
                self.facts.venue_aliases.extend(Alias(n, vids[0], "name", code) for n in names)

    def _add_venue(self, venue: Venue, names: list[str], index: dict[str, list[str]]) -> None:
        """Register a venue and its names."""
        self.facts.venues[venue.id] = venue
        for name in _unique(names):
            ids = index.setdefault(key(name), [])
            if venue.id not in ids:
                ids.append(venue.id)
            self.facts.venue_aliases.append(Alias(name, venue.id))

    def _curated_venue(self, rec: dict[str, Any], index: dict[str, list[str]], home_set: set[str]) -> None:
        """Merge a ``venues.toml`` record into the openfootball stadium it names, or add it.

        The first venue listed for a club is its home ground (``Club.stadium``); later ones
        (a former ground, a training centre) only list the club as a tenant.
        """
        names = _unique([rec["name"], *rec.get("names", [])])
        clubs = tuple(self.resolve_club(c, "kb/aliases/venues.toml") for c in rec.get("clubs", []))
        city = rec.get("city")
        same = [v for n in names for v in index.get(key(n), []) if city in (None, self.facts.venues[v].city)]
        old = self.facts.venues[same[0]] if same else None
        vid = old.id if old else "x." + key(rec["name"]).replace(" ", "-")
        merged = tuple(_unique([*clubs, *(old.clubs if old else ())]))
        city = city or (old.city if old else None)
        country = rec.get("country") or (old.country if old else None)
        self._add_venue(Venue(vid, rec["name"], city, country, merged), names, index)
        for cid in clubs:
            if cid in home_set:
                continue
            home_set.add(cid)
            club = self.facts.clubs[cid]
            self.facts.clubs[cid] = Club(
                club.id, club.name, club.country, club.city, rec["name"], club.aliases, club.top
            )

    def cities(self) -> None:
        """Index the home towns of top-flight and curated clubs (and named cities) with exonyms.

        Towns of small clubs stay out: their names are too often people's names ("Leon").
        """
        named = {city for lang in self.layer.languages.values() for city in lang.cities}
        homes: dict[str, list[str]] = {}
        for club in self.facts.clubs.values():
            if club.city:
                homes.setdefault(club.city, []).append(club.id)
        curated = set(self.layer.names) | {r["id"] for r in self.layer.clubs}
        homes = {
            city: ids
            for city, ids in homes.items()
            if city in named or any(self.facts.clubs[c].top or c in curated for c in ids)
        }
        short_taken: set[str] = set(homes)
        for city, ids in sorted(
            homes.items(), key=lambda kv: (-sum(self.facts.clubs[c].top for c in kv[1]), kv[0])
        ):
            ids.sort(key=lambda cid: (not self.facts.clubs[cid].top, cid))
            self.facts.cities[city] = tuple(ids)
            self.facts.city_aliases.append(Alias(city, city))
            short = _CITY_QUALIFIER.sub("", city)
            if short != city and short not in short_taken:
                short_taken.add(short)
                self.facts.city_aliases.append(Alias(short, city))
        for code, lang in self.layer.languages.items():
            for city, names in lang.cities.items():
                if city not in self.facts.cities:
                    raise DataFileError(f"kb/aliases/{code}.toml: {city!r} is no club home city")
                self.facts.city_aliases.extend(Alias(n, city, "name", code) for n in names)


def assemble(data: dict[str, Any] | None = None, layer: AliasData | None = None) -> Facts:
    """Return the knowledge base facts with the alias layer applied."""
    builder = _Builder(data if data is not None else load_facts(), layer or load_aliases())
    builder.clubs()
    builder.language_clubs()
    builder.competitions()
    builder.venues()
    builder.cities()
    return builder.facts
