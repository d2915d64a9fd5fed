"""Parse openfootball's Football.TXT reference files: clubs, stadiums and competitions.

Only facts are read (names, alternative names with language tags, city, stadium); the curated
layer on top of them lives in ``kb/aliases/``. Result and squad files are read by
:mod:`tabellino.kb.ofresults`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "RawClub",
    "RawCompetition",
    "RawStadium",
    "country_code",
    "parse_clubs",
    "parse_leagues",
    "parse_stadiums",
    "split_names",
]

_LANG_TAG = re.compile(r"\s*\[([a-z]{2})\]\s*$")
_YEAR = re.compile(r"^\d{4}$")
_DEFUNCT = re.compile(r"\((?:\d{4})?-\d{4}\)")
_PAREN = re.compile(r"\s*\([^)]*\)")
_RESERVE = re.compile(r"^i{2,3}\)")
_ADDRESS_MARK = "//"


@dataclass
class RawClub:
    """A club line of a ``xx.clubs.txt`` file with its alternative names."""

    name: str
    country: str
    city: str | None
    stadium: str | None
    names: list[tuple[str, str | None]] = field(default_factory=list)
    defunct: bool = False


@dataclass
class RawStadium:
    """A stadium of a ``xx.stadiums.txt`` file with its alternative names and tenant clubs."""

    name: str
    country: str
    city: str | None
    names: list[str] = field(default_factory=list)
    tenants: list[str] = field(default_factory=list)


@dataclass
class RawCompetition:
    """A competition line of a ``leagues.txt`` file with its alternative names."""

    code: str
    name: str
    country: str | None
    names: list[tuple[str, str | None]] = field(default_factory=list)
    historical: bool = False


def strip_comment(line: str) -> tuple[str, str]:
    """Return ``(content, comment)`` of a line; ``#`` starts a comment."""
    i = line.find("#")
    return (line, "") if i < 0 else (line[:i], line[i:].lstrip("#").strip())


def split_names(text: str) -> list[tuple[str, str | None]]:
    """Return the ``|``-separated names of an alternative-names line with their language tags."""
    out: list[tuple[str, str | None]] = []
    for part in text.split("|"):
        part = part.strip()
        tag = _LANG_TAG.search(part)
        lang = tag.group(1) if tag else None
        name = _clean_name(_LANG_TAG.sub("", part))
        if name and not _looks_like_code(name):
            out.append((name, lang))
    return out


def _clean_name(name: str) -> str:
    """Return a name with sponsor markers and extra spaces removed."""
    return " ".join(name.replace("$", "").split()).strip(" ,")


def _looks_like_code(name: str) -> bool:
    """Return True for data codes such as ``ita.a`` or ``uefa.cl`` (not names)."""
    if not name.islower():
        return False
    return len(name) <= 2 or bool(re.fullmatch(r"[^\W_]+(\.[^\W_]+)+", name))


def country_code(path: Path) -> str:
    """Return the country code of a ``xx.clubs.txt`` / ``xx.stadiums.txt`` file (its prefix)."""
    code = path.name.split(".")[0]
    # norway's stadium file is misnamed ``ro.stadiums.txt`` upstream; the folder tells the truth.
    if path.parent.name == "norway":
        return "no"
    return code


def _club_line(content: str, country: str) -> RawClub | None:
    """Parse ``Name, [year,] [@ Stadium,] City`` into a club (None when it is no club line)."""
    parts = [p.strip() for p in content.split(",")]
    if not parts[0]:
        return None
    name = parts[0]
    defunct = bool(_DEFUNCT.search(name))
    name = _clean_name(_PAREN.sub("", name))
    stadium: str | None = None
    city: str | None = None
    for part in parts[1:]:
        if not part or _YEAR.match(part) or re.fullmatch(r"[\d_]+", part):
            continue
        if part.startswith("@"):
            stadium = _clean_name(part[1:])
        else:
            city = _clean_name(_PAREN.sub("", part.split("›")[0])) or None
    return RawClub(name=name, country=country, city=city, stadium=stadium, defunct=defunct)


def parse_clubs(path: Path) -> list[RawClub]:
    """Parse one ``xx.clubs.txt`` file (reserve teams and addresses skipped)."""
    country = country_code(path)
    clubs: list[RawClub] = []
    current: RawClub | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        content, _ = strip_comment(raw)
        stripped = content.strip()
        if not stripped or stripped.startswith("="):
            continue
        if stripped.startswith("|"):
            if current is not None:
                current.names.extend(split_names(stripped))
            continue
        if _ADDRESS_MARK in stripped or _RESERVE.match(stripped):
            # A reserve team's own alternative names follow it: drop them with it.
            current = None if _RESERVE.match(stripped) else current
            continue
        current = _club_line(stripped, country)
        if current is not None:
            clubs.append(current)
    return [c for c in clubs if c.name]


def _stadium_line(content: str, comment: str, country: str) -> RawStadium:
    """Parse ``Name, capacity, opened, City  # tenant`` into a stadium."""
    parts = [p.strip().split("›")[0].strip() for p in content.split(",")]
    name = _clean_name(re.sub(r"\s+[\d_]+$", "", _PAREN.sub("", parts[0])))
    city = next(
        (_clean_name(_PAREN.sub("", p)) for p in reversed(parts[1:]) if p and not re.fullmatch(r"[\d_]+", p)),
        None,
    )
    tenants = [t.strip() for t in comment.split(",") if t.strip()] if comment else []
    return RawStadium(name=name, country=country, city=city or None, tenants=tenants)


def parse_stadiums(path: Path) -> list[RawStadium]:
    """Parse one ``xx.stadiums.txt`` file (addresses skipped; demolished grounds kept)."""
    country = country_code(path)
    stadiums: list[RawStadium] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        content, comment = strip_comment(raw)
        stripped = content.strip()
        if not stripped or stripped.startswith("=") or _ADDRESS_MARK in stripped:
            continue
        if stripped.startswith("|"):
            if stadiums:
                stadiums[-1].names.extend(n for n, _ in split_names(stripped))
            continue
        if raw.startswith((" ", "\t")):
            continue
        stadiums.append(_stadium_line(stripped, comment, country))
    return stadiums


_LEAGUE_LINE = re.compile(r"^(\S+)\s+(?:([\d/]*-[\d/]*)\s+)?(.+)$")


def parse_leagues(path: Path, countries: dict[str, str]) -> list[RawCompetition]:
    """Parse a ``leagues.txt`` file; ``countries`` maps a ``= Country =`` heading to its code."""
    comps: list[RawCompetition] = []
    country: str | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        content, _ = strip_comment(raw)
        stripped = content.strip()
        if not stripped:
            continue
        if stripped.startswith("="):
            country = countries.get(stripped.strip("= ").strip())
            continue
        if stripped.startswith("|"):
            if comps:
                comps[-1].names.extend(split_names(stripped))
            continue
        comp = _league_line(stripped, country)
        if comp is not None:
            comps.append(comp)
    return comps


def _league_line(content: str, country: str | None) -> RawCompetition | None:
    """Parse ``code [years] Name [=> New name]`` into a competition."""
    m = _LEAGUE_LINE.match(content)
    if m is None:
        return None
    code, years, rest = m.group(1), m.group(2) or "", m.group(3)
    names = [n.strip() for n in rest.split("=>")]
    name = _clean_name(names[-1])
    first = split_names(name)
    if not first:
        return None
    historical = bool(re.search(r"-\d", years))
    comp = RawCompetition(code=code, name=first[0][0], country=country, historical=historical)
    comp.names.extend(first[1:])
    comp.names.extend((n, None) for n in names[:-1] if n)
    return comp
