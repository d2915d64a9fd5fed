"""Language data: everything that differs between languages, one TOML file per language.

``base.toml`` holds what every language shares; ``<code>.toml`` holds one language. The set of
supported languages is the set of ``<code>.toml`` files present (``base.toml`` excluded), so adding
a file adds a language.

A file is a set of TOML tables (sections). Values are strings, lists of strings, or tables mapping
a phrase to a number or string. Keys ending in ``_patterns`` hold regular expressions; they are
compiled (case-insensitive) when the file is loaded, so a broken pattern fails at load time.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from tabellino.errors import DataFileError, UnsupportedLanguageError
from tabellino.lang.prefilter import compile_scanning

__all__ = ["NEUTRAL", "LanguageData", "load_language", "neutral_language", "supported_languages"]

NEUTRAL = "und"
"""The code of the neutral language: the shared data alone, for text in a language with no file."""

_PATTERN_SUFFIX = "_patterns"


class LanguageData:
    """The data of one language merged over the shared base data, with compiled patterns."""

    def __init__(self, code: str, data: dict[str, Any]) -> None:
        self.code = code
        self.data = data
        self._compiled: dict[tuple[str, str], list[re.Pattern[str]]] = {}
        _validate(code, data)
        for section, table in data.items():
            for key, value in table.items():
                if key.endswith(_PATTERN_SUFFIX):
                    self._compiled[(section, key)] = _compile(code, section, key, value)

    def section(self, name: str) -> dict[str, Any]:
        """Return a section as a dict (empty when the language does not define it)."""
        table = self.data.get(name, {})
        return table if isinstance(table, dict) else {}

    def words(self, section: str, key: str) -> list[str]:
        """Return the list of phrases ``section.key`` (empty when absent)."""
        value = self.section(section).get(key, [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def mapping(self, section: str, key: str) -> dict[str, Any]:
        """Return the table ``section.key`` (phrase -> value), empty when absent."""
        value = self.section(section).get(key, {})
        return dict(value) if isinstance(value, dict) else {}

    def patterns(self, section: str, key: str) -> list[re.Pattern[str]]:
        """Return the compiled regular expressions of ``section.key`` (a ``*_patterns`` key)."""
        return self._compiled.get((section, key), [])


def supported_languages() -> list[str]:
    """Return the codes of every language with a data file, sorted."""
    root = resources.files("tabellino.lang")
    codes = [
        p.name[: -len(".toml")] for p in root.iterdir() if p.name.endswith(".toml") and p.name != "base.toml"
    ]
    return sorted(codes)


@cache
def load_language(code: str) -> LanguageData:
    """Load and validate the data of language ``code`` merged over ``base.toml``.

    Raises :class:`UnsupportedLanguageError` naming the supported languages when there is no file.
    """
    supported = supported_languages()
    if code not in supported:
        raise UnsupportedLanguageError(
            f"unsupported language {code!r}; supported languages: {', '.join(supported)}"
        )
    base = _read_toml("base.toml")
    own = _read_toml(f"{code}.toml")
    return LanguageData(code, _merge(base, own))


@cache
def neutral_language() -> LanguageData:
    """Load the shared data alone (``base.toml``): what can be read in a text of any language.

    It has no words of any language (no result verbs, no goal words), only the shapes every press
    shares: scores, minute marks, quotation marks, photo credits.
    """
    return LanguageData(NEUTRAL, _read_toml("base.toml"))


def _read_toml(name: str) -> dict[str, Any]:
    """Read one TOML file of this package, raising DataFileError when it does not parse."""
    try:
        text = resources.files("tabellino.lang").joinpath(name).read_text(encoding="utf-8")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"language data file {name} cannot be read: {exc}") from exc


def _merge(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """Merge two section dicts: lists are concatenated, tables merged, scalars overridden."""
    out: dict[str, Any] = {k: dict(v) if isinstance(v, dict) else v for k, v in base.items()}
    for section, table in own.items():
        if not isinstance(table, dict):
            out[section] = table
            continue
        merged = dict(out.get(section, {}))
        for key, value in table.items():
            old = merged.get(key)
            if isinstance(old, list) and isinstance(value, list):
                merged[key] = old + value
            elif isinstance(old, dict) and isinstance(value, dict):
                merged[key] = {**old, **value}
            else:
                merged[key] = value
        out[section] = merged
    return out


def _validate(code: str, data: dict[str, Any]) -> None:
    """Check that every section is a table of strings, string lists or phrase tables."""
    for section, table in data.items():
        if not isinstance(table, dict):
            raise DataFileError(f"{code}: top-level key {section!r} must be a table")
        for key, value in table.items():
            if not _valid_value(value):
                raise DataFileError(f"{code}: {section}.{key} must be a string, list or table")


def _valid_value(value: Any) -> bool:
    """Return whether a data value has one of the allowed shapes."""
    if isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list):
        return all(isinstance(v, str | int | float) for v in value)
    if isinstance(value, dict):
        return all(isinstance(v, str | int | float | bool | list) for v in value.values())
    return False


def _compile(code: str, section: str, key: str, value: Any) -> list[re.Pattern[str]]:
    """Compile a ``*_patterns`` value, raising DataFileError on a bad expression."""
    items = [value] if isinstance(value, str) else list(value)
    compiled = []
    for item in items:
        try:
            compiled.append(compile_scanning(str(item)))
        except re.error as exc:
            raise DataFileError(f"{code}: bad pattern in {section}.{key}: {item!r}: {exc}") from exc
    return compiled
