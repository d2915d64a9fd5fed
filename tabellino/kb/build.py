"""Build ``kb/data/kb.json`` (facts only) from openfootball: ``python -m tabellino.kb.build``.

Reads clubs (names, language-tagged alternative names, city, stadium), stadiums, competitions,
the 2022-23..2025-26 result files (to mark national top-flight clubs and to learn the names the
result files use) and the 2023-24 squads. The output is deterministic: building twice from the same
source gives byte-identical files. Canonical English names and aliases are not decided here; they
are applied at load time from ``kb/aliases/`` so that curating them needs no rebuild.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tabellino.config import settings
from tabellino.errors import DataFileError
from tabellino.kb.fold import key
from tabellino.kb.naming import slug, strip_legal
from tabellino.kb.ofresults import parse_squad, result_teams, split_code
from tabellino.kb.openfootball import (
    RawClub,
    RawCompetition,
    parse_clubs,
    parse_leagues,
    parse_stadiums,
)

__all__ = ["build", "main"]

SEASONS = ("2022-23", "2023-24", "2024-25", "2025-26")
GZIP_OVER = 1024 * 1024

# Result files of each country's league tiers, as paths with a {s} season placeholder.
TOP_FLIGHT = {
    "eng": "england/{s}/1-premierleague.txt",
    "it": "italy/{s}/1-seriea.txt",
    "es": "espana/{s}/1-liga.txt",
    "de": "deutschland/{s}/1-bundesliga.txt",
    "fr": "europe/france/{s}_fr1.txt",
    "nl": "europe/netherlands/{s}_nl1.txt",
    "pt": "europe/portugal/{s}_pt1.txt",
    "sco": "europe/scotland/{s}_sco1.txt",
    "ch": "europe/switzerland/{s}_ch1.txt",
    "at": "austria/{s}/1-bundesliga.txt",
    "be": "belgium/{s}/be1.txt",
}
LOWER_TIERS = {
    "eng": ("england/{s}/2-championship.txt", "england/{s}/3-league1.txt", "england/{s}/4-league2.txt"),
    "it": ("italy/{s}/2-serieb.txt",),
    "es": ("espana/{s}/2-liga2.txt",),
    "de": ("deutschland/{s}/2-bundesliga2.txt", "deutschland/{s}/3-liga3.txt"),
    "fr": ("europe/france/{s}_fr2.txt",),
    "nl": ("europe/netherlands/{s}_nl2.txt",),
    "pt": ("europe/portugal/{s}_pt2.txt",),
    "ch": ("europe/switzerland/{s}_ch2.txt",),
}
UEFA_FILES = ("champions-league/{s}/cl.txt", "champions-league/{s}/el.txt", "champions-league/{s}/conf.txt")
SQUADS = (
    "italy/2023-24/squads",
    "england/2023-24/squads",
    "espana/2023-24/squads",
    "deutschland/2023-24/squads",
)

# UEFA three-letter codes (as used in the UEFA result files) -> openfootball country codes.
UEFA_CODES = {
    "ALB": "al", "AND": "ad", "ARM": "am", "AUT": "at", "AZE": "az", "BEL": "be", "BIH": "ba",
    "BLR": "by", "BUL": "bg", "CRO": "hr", "CYP": "cy", "CZE": "cz", "DEN": "dk", "ENG": "eng",
    "ESP": "es", "EST": "ee", "FIN": "fi", "FRA": "fr", "FRO": "fo", "GEO": "ge", "GER": "de",
    "GIB": "gi", "GRE": "gr", "HUN": "hu", "IRL": "ie", "ISL": "is", "ISR": "il", "ITA": "it",
    "KAZ": "kz", "KOS": "kos", "LIE": "li", "LTU": "lt", "LUX": "lu", "LVA": "lv", "MCO": "mc",
    "MDA": "md", "MKD": "mk", "MLT": "mt", "MNE": "me", "NED": "nl", "NIR": "nir", "NOR": "no",
    "POL": "pl", "POR": "pt", "ROU": "ro", "RUS": "ru", "SCO": "sco", "SMR": "sm", "SRB": "rs",
    "SUI": "ch", "SVK": "sk", "SVN": "si", "SWE": "se", "TUR": "tr", "UKR": "ua", "WAL": "wal",
}  # fmt: skip

# ``= Country =`` headings of leagues.txt whose clubs folder is spelled differently.
COUNTRY_HEADINGS = {"Bosnia and Herzegovina": "ba", "Latvia": "lv", "Croatia": "hr"}


# Reserve and youth sides in second-tier result files: not clubs of their own.
_RESERVE = re.compile(r"(?:\s(?:B|II|J|U\d\d)$)|^Jong\s")


class _Clubs:
    """The clubs being built, with a name index for resolving result-file and squad names."""

    def __init__(self, raw: list[RawClub]) -> None:
        self.raw = raw
        self.ids = _club_ids(raw)
        self.top: dict[int, set[str]] = {}
        self.created: list[int] = []
        self.used: set[int] = set()
        self.index: dict[str, list[int]] = {}
        self.loose: dict[str, list[int]] = {}
        for i, club in enumerate(raw):
            self._index(i, [club.name, *(n for n, _ in club.names)])

    def _index(self, i: int, names: Iterable[str]) -> None:
        """Add a club's names to the exact and the loose (legal words dropped) indexes."""
        for name in names:
            _add(self.index, key(name), i)
            _add(self.loose, key(strip_legal(name)), i)

    def resolve(self, name: str, country: str | None) -> int | None:
        """Return the club a result-file name denotes (same country first), or None.

        A name found in no club of the country may still be a club that plays in a neighbour's
        league (Monaco in France, Welsh clubs in England): accepted when exactly one club has it.
        """
        for table, k in ((self.index, key(name)), (self.loose, key(strip_legal(name)))):
            found = [i for i in table.get(k, []) if country is None or self.raw[i].country == country]
            if found:
                return found[0]
        anywhere = self.index.get(key(name), [])
        return anywhere[0] if len(anywhere) == 1 else None

    def learn(self, name: str, country: str, create: bool) -> int | None:
        """Resolve a result-file name, adding it as a name of the club (or a new club)."""
        if _RESERVE.search(name):
            return None
        i = self.resolve(name, country)
        if i is None and create:
            self.raw.append(RawClub(name=name, country=country, city=None, stadium=None))
            i = len(self.raw) - 1
            self.ids.append(_unique_id(self.ids, country, name))
            self._index(i, [name])
            self.created.append(i)
        if i is not None:
            self.used.add(i)
        if i is not None and key(name) not in _all_keys(self.raw[i]):
            self.raw[i].names.append((name, None))
            self._index(i, [name])
        return i


def _add(table: dict[str, list[int]], k: str, i: int) -> None:
    """Append ``i`` under ``k`` once."""
    if k and i not in table.setdefault(k, []):
        table[k].append(i)


def _all_keys(club: RawClub) -> set[str]:
    """Return the look-up keys of every name of a raw club."""
    return {key(club.name), *(key(n) for n, _ in club.names)}


def _unique_id(taken: list[str], country: str, name: str) -> str:
    """Return ``country.slug(name)``, numbered when already taken."""
    base = f"{country}.{slug(name)}"
    cid, n = base, 2
    while cid in taken:
        cid, n = f"{base}-{n}", n + 1
    return cid


def _club_ids(raw: list[RawClub]) -> list[str]:
    """Return a stable id for each raw club (country code + slug of the openfootball name)."""
    ids: list[str] = []
    for club in raw:
        ids.append(_unique_id(ids, club.country, club.name))
    return ids


def _read_clubs(source: Path) -> list[RawClub]:
    """Parse every clubs file (sorted paths, so the order is stable)."""
    clubs: list[RawClub] = []
    for path in sorted((source / "clubs").rglob("*.clubs.txt")):
        clubs.extend(parse_clubs(path))
    if not clubs:
        raise DataFileError(f"no clubs found under {source / 'clubs'}")
    return clubs


def _mark_leagues(clubs: _Clubs, source: Path) -> None:
    """Mark top-flight clubs per season and learn the names used by league and UEFA files."""
    for season in SEASONS:
        for country, pattern in TOP_FLIGHT.items():
            for name in _teams(source / pattern.format(s=season)):
                i = clubs.learn(name, country, create=True)
                if i is not None:
                    clubs.top.setdefault(i, set()).add(season)
        for country, patterns in LOWER_TIERS.items():
            for pattern in patterns:
                for name in _teams(source / pattern.format(s=season)):
                    clubs.learn(name, country, create=True)
        for pattern in UEFA_FILES:
            for raw in _teams(source / pattern.format(s=season)):
                name, code = split_code(raw)
                if code in UEFA_CODES:
                    clubs.learn(name, UEFA_CODES[code], create=False)


def _teams(path: Path) -> list[str]:
    """Return the team names of a result file, or nothing when the file is absent."""
    return result_teams(path) if path.is_file() else []


def _club_records(clubs: _Clubs) -> list[dict[str, Any]]:
    """Return the JSON records of the clubs."""
    out = []
    for i, club in enumerate(clubs.raw):
        if club.defunct and i not in clubs.used:
            # Dissolved clubs stay out unless a recent result file still names them.
            continue
        names = _dedupe([(club.name, None), *club.names])
        out.append(
            {
                "id": clubs.ids[i],
                "name": club.name,
                "country": club.country,
                "city": club.city,
                "stadium": club.stadium,
                "names": [[n, lang] for n, lang in names[1:]],
                "top_seasons": sorted(clubs.top.get(i, set())),
            }
        )
    return out


def _dedupe(names: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Return names without repeats (first spelling kept)."""
    seen: set[str] = set()
    out = []
    for name, lang in names:
        if name not in seen:
            seen.add(name)
            out.append((name, lang))
    return out


def _stadium_records(source: Path, clubs: _Clubs) -> list[dict[str, Any]]:
    """Return the stadiums of the stadium files plus those named on club lines, with tenants."""
    records: dict[str, dict[str, Any]] = {}
    for path in sorted((source / "clubs").rglob("*.stadiums.txt")):
        for st in parse_stadiums(path):
            tenants = [clubs.resolve(t, st.country) for t in st.tenants]
            rec = _stadium(records, st.name, st.country, st.city)
            rec["names"].extend(n for n in st.names if n not in rec["names"] and n != rec["name"])
            _link(rec, [clubs.ids[t] for t in tenants if t is not None])
    for i, club in enumerate(clubs.raw):
        if club.stadium:
            found = _find_stadium(records, club.stadium, club.country)
            _link(found or _stadium(records, club.stadium, club.country, club.city), [clubs.ids[i]])
    return sorted(records.values(), key=lambda r: str(r["id"]))


def _stadium(records: dict[str, dict[str, Any]], name: str, country: str, city: str | None) -> dict[str, Any]:
    """Return the stadium record for ``name`` in ``country``, created when new."""
    sid = f"{country}.{slug(name)}"
    if sid not in records:
        records[sid] = {"id": sid, "name": name, "country": country, "city": city, "names": [], "clubs": []}
    return records[sid]


def _find_stadium(records: dict[str, dict[str, Any]], name: str, country: str) -> dict[str, Any] | None:
    """Return the stadium of ``country`` one of whose names equals ``name``."""
    k = key(name)
    for rec in records.values():
        if rec["country"] == country and k in {key(rec["name"]), *(key(n) for n in rec["names"])}:
            return rec
    return None


def _link(rec: dict[str, Any], club_ids: list[str]) -> None:
    """Add tenant clubs to a stadium record."""
    for cid in club_ids:
        if cid not in rec["clubs"]:
            rec["clubs"].append(cid)


def _competition_records(source: Path) -> list[dict[str, Any]]:
    """Return the current (not historical) competitions of the leagues files."""
    countries = _country_headings(source)
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((source / "leagues").rglob("*leagues.txt")):
        for comp in parse_leagues(path, countries):
            if comp.historical:
                continue
            cid = comp.code if comp.country is None else f"{comp.country}.{comp.code}"
            out.setdefault(cid, _competition(cid, comp))
    return [out[k] for k in sorted(out)]


def _competition(cid: str, comp: RawCompetition) -> dict[str, Any]:
    """Return the JSON record of a competition."""
    names = [[n, lang] for n, lang in _dedupe(comp.names) if n != comp.name]
    return {"id": cid, "name": comp.name, "country": comp.country, "names": names}


def _country_headings(source: Path) -> dict[str, str]:
    """Map ``= Country =`` headings to country codes via the clubs folder names."""
    table = dict(COUNTRY_HEADINGS)
    for path in (source / "clubs").rglob("*.clubs.txt"):
        heading = path.parent.name.replace("-", " ").title()
        table.setdefault(heading, path.name.split(".")[0])
    table.setdefault("England", "eng")
    return table


def _squads(source: Path, clubs: _Clubs) -> dict[str, list[str]]:
    """Return the 2023-24 squads as club id -> player names."""
    out: dict[str, list[str]] = {}
    for folder in SQUADS:
        country = {"italy": "it", "england": "eng", "espana": "es", "deutschland": "de"}[folder.split("/")[0]]
        for path in sorted((source / folder).glob("*.txt")):
            club, players = parse_squad(path)
            i = clubs.resolve(club, country)
            if i is not None and players:
                out.setdefault(clubs.ids[i], []).extend(players)
    return {k: out[k] for k in sorted(out)}


def build(source: Path) -> dict[str, Any]:
    """Return the knowledge-base facts read from the openfootball folder ``source``."""
    if not (source / "clubs").is_dir():
        raise DataFileError(f"openfootball data not found at {source} (expected a clubs/ folder)")
    clubs = _Clubs(_read_clubs(source))
    _mark_leagues(clubs, source)
    return {
        "format": 1,
        "source": "openfootball (CC0)",
        "seasons": list(SEASONS),
        "clubs": _club_records(clubs),
        "stadiums": _stadium_records(source, clubs),
        "competitions": _competition_records(source),
        "squads": _squads(source, clubs),
    }


def write(data: dict[str, Any], out: Path) -> Path:
    """Write the facts as deterministic JSON, gzipped (``.gz``) when larger than 1 MB."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0, separators=(",", ":"))
    raw = (text + "\n").encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    stale = out.with_name(out.name + ".gz") if out.suffix != ".gz" else out.with_suffix("")
    if len(raw) > GZIP_OVER:
        out = out if out.suffix == ".gz" else out.with_name(out.name + ".gz")
        stale = out.with_suffix("")
        # mtime=0 and no file name in the header keep the archive byte-identical across builds.
        with open(out, "wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
            gz.write(raw)
    else:
        out = out.with_suffix("") if out.suffix == ".gz" else out
        out.write_bytes(raw)
    if stale.exists() and stale != out:
        stale.unlink()
    return out


def default_out() -> Path:
    """Return the packaged data file path ``tabellino/kb/data/kb.json``."""
    return Path(__file__).resolve().parent / "data" / "kb.json"


def main(argv: list[str] | None = None) -> int:
    """Run the build from the command line."""
    parser = argparse.ArgumentParser(prog="python -m tabellino.kb.build", description=__doc__)
    parser.add_argument("--source", type=Path, default=None, help="openfootball folder")
    parser.add_argument("--out", type=Path, default=default_out(), help="output JSON file")
    args = parser.parse_args(argv)
    source = args.source or settings().openfootball_dir
    try:
        data = build(source)
    except DataFileError as exc:
        print(exc, file=sys.stderr)
        return 1
    path = write(data, args.out)
    n = sum(1 for c in data["clubs"] if c["top_seasons"])
    print(f"wrote {path}: {len(data['clubs'])} clubs ({n} top-flight), "
          f"{len(data['stadiums'])} stadiums, {len(data['competitions'])} competitions")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
