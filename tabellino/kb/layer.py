"""Load and validate the curated alias layer, ``kb/aliases/*.toml``.

Files:

- ``canonical.toml`` — ``[names]`` club id -> canonical English common name; ``[top_flight] ids``.
- ``clubs.toml`` — ``[[club]]`` clubs missing from openfootball (facts only).
- ``competitions.toml`` — ``[[competition]]`` the competitions the gazetteer knows, canonical names.
- ``venues.toml`` — ``[[venue]]`` stadium names, current sponsor names and usual short forms.
- ``<lang>.toml`` — one per language: ``[meta]`` (articles, lower-case words, locatives, suffixes,
  the countries whose press writes the language), ``[stopwords]`` (``words``: ordinary words that
  are also names; ``blocked``: names that in this language never denote a club or its city alone,
  such as country names), ``[clubs.<club>]`` names / nicknames / demonyms, ``[competitions]``, ``[venues]``,
  ``[cities]``.

Every file is checked when loaded: a wrong type or unknown key raises :class:`DataFileError`
naming the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from tabellino.errors import DataFileError

__all__ = ["KINDS", "LANGUAGES", "AliasData", "LangAliases", "load_aliases"]

LANGUAGES = ("en", "it", "es", "de", "fr", "pt", "nl")
KINDS = ("name", "nickname", "demonym")
_CLUB_KEYS = {"names": "name", "nicknames": "nickname", "demonyms": "demonym"}
_META_KEYS = {"language", "articles", "lower_words", "locatives", "suffixes", "countries"}
_LANG_SECTIONS = {"meta", "stopwords", "clubs", "competitions", "venues", "cities"}


@dataclass
class LangAliases:
    """The alias data of one language."""

    code: str
    articles: list[str] = field(default_factory=list)
    lower_words: list[str] = field(default_factory=list)
    locatives: list[str] = field(default_factory=list)
    suffixes: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    stopwords: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    clubs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    competitions: dict[str, list[str]] = field(default_factory=dict)
    venues: dict[str, list[str]] = field(default_factory=dict)
    cities: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class AliasData:
    """The whole curated layer."""

    names: dict[str, str]
    top_flight: list[str]
    clubs: list[dict[str, Any]]
    competitions: list[dict[str, Any]]
    venues: list[dict[str, Any]]
    languages: dict[str, LangAliases]


def _read(name: str) -> dict[str, Any]:
    """Parse one alias file."""
    try:
        text = resources.files("tabellino.kb").joinpath("aliases", name).read_text(encoding="utf-8")
        return tomllib.loads(text)
    except FileNotFoundError as exc:
        raise DataFileError(f"kb/aliases/{name}: file missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"kb/aliases/{name}: {exc}") from exc


def _strings(value: Any, where: str) -> list[str]:
    """Return ``value`` as a list of non-empty strings or raise naming ``where``."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"{where}: expected a list of non-empty strings")
    return [v.strip() for v in value]


def _str_map(table: Any, where: str) -> dict[str, list[str]]:
    """Return a table of string -> list of strings."""
    if not isinstance(table, dict):
        raise DataFileError(f"{where}: expected a table")
    return {str(k): _strings(v, f"{where}.{k}") for k, v in table.items()}


def _records(
    data: dict[str, Any], section: str, required: dict[str, type], where: str
) -> list[dict[str, Any]]:
    """Return the ``[[section]]`` records of a file, checking the required keys and their types."""
    records = data.get(section, [])
    if not isinstance(records, list):
        raise DataFileError(f"{where}: [[{section}]] expected")
    for i, rec in enumerate(records):
        for name, typ in required.items():
            if not isinstance(rec.get(name), typ):
                raise DataFileError(f"{where}: [[{section}]] #{i + 1} needs '{name}' ({typ.__name__})")
        if "names" in rec:
            rec["names"] = _strings(rec["names"], f"{where}: {rec.get('name')}.names")
    return records


def _lang_clubs(table: Any, where: str) -> dict[str, list[tuple[str, str]]]:
    """Return ``[clubs.<club>]`` tables as club -> [(alias, kind)]."""
    if not isinstance(table, dict):
        raise DataFileError(f"{where}: [clubs] expected a table of tables")
    out: dict[str, list[tuple[str, str]]] = {}
    for club, kinds in table.items():
        if not isinstance(kinds, dict):
            raise DataFileError(f"{where}: [clubs.{club!r}] expected a table")
        for k, values in kinds.items():
            if k not in _CLUB_KEYS:
                raise DataFileError(f"{where}: [clubs.{club!r}] unknown key {k!r} (use {sorted(_CLUB_KEYS)})")
            aliases = _strings(values, f"{where}: clubs.{club}.{k}")
            out.setdefault(club, []).extend((a, _CLUB_KEYS[k]) for a in aliases)
    return out


def _language(code: str) -> LangAliases:
    """Load and check ``<code>.toml``."""
    where = f"kb/aliases/{code}.toml"
    data = _read(f"{code}.toml")
    unknown = set(data) - _LANG_SECTIONS
    if unknown:
        raise DataFileError(f"{where}: unknown sections {sorted(unknown)}")
    meta = data.get("meta", {})
    if meta.get("language") != code or set(meta) - _META_KEYS:
        raise DataFileError(f"{where}: [meta] needs language = {code!r} and only {sorted(_META_KEYS)}")
    lang = LangAliases(code=code)
    for k in ("articles", "lower_words", "locatives", "suffixes", "countries"):
        setattr(lang, k, _strings(meta.get(k, []), f"{where}: meta.{k}"))
    stop = data.get("stopwords", {})
    if set(stop) - {"words", "blocked"}:
        raise DataFileError(f"{where}: [stopwords] takes only 'words' and 'blocked'")
    lang.stopwords = _strings(stop.get("words", []), f"{where}: stopwords.words")
    lang.blocked = _strings(stop.get("blocked", []), f"{where}: stopwords.blocked")
    lang.clubs = _lang_clubs(data.get("clubs", {}), where)
    lang.competitions = _str_map(data.get("competitions", {}), f"{where}: competitions")
    lang.venues = _str_map(data.get("venues", {}), f"{where}: venues")
    lang.cities = _str_map(data.get("cities", {}), f"{where}: cities")
    return lang


def load_aliases() -> AliasData:
    """Load and validate every alias file."""
    canonical = _read("canonical.toml")
    names = canonical.get("names", {})
    if not isinstance(names, dict) or not all(isinstance(v, str) and v for v in names.values()):
        raise DataFileError("kb/aliases/canonical.toml: [names] must map club ids to names")
    top = _strings(
        canonical.get("top_flight", {}).get("ids", []), "kb/aliases/canonical.toml: top_flight.ids"
    )
    clubs = _records(_read("clubs.toml"), "club", {"id": str, "name": str, "country": str}, "clubs.toml")
    comps = _records(_read("competitions.toml"), "competition", {"id": str, "name": str}, "competitions.toml")
    venues = _records(_read("venues.toml"), "venue", {"name": str}, "venues.toml")
    languages = {code: _language(code) for code in LANGUAGES}
    return AliasData(dict(names), top, clubs, comps, venues, languages)
