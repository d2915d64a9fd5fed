"""Compile the phrase lists of the language data into regexes, once per language."""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Any

from tabellino.lang import LanguageData

__all__ = ["cue_pattern", "ends_with_cue", "find_cues", "starts_with_cue"]

_SCAN_ONCE = 400
_CACHE: dict[Any, Any] = {}


@cache
def cue_pattern(lang: LanguageData, section: str, key: str) -> re.Pattern[str] | None:
    """Return a case-insensitive regex matching any phrase of ``section.key`` as whole words."""
    words = sorted(set(lang.words(section, key)), key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(_phrase(w) for w in words)
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


@cache
def _edge_pattern(lang: LanguageData, section: str, key: str, at_end: bool) -> re.Pattern[str] | None:
    """Return a regex matching a phrase of ``section.key`` at the end (or start) of a string."""
    words = sorted(set(lang.words(section, key)), key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(_phrase(w) for w in words)
    if at_end:
        return re.compile(rf"(?<![\w])(?:{alternatives})[\s'’]*$", re.IGNORECASE)
    return re.compile(rf"^[\s(]*(?:{alternatives})(?![\w])", re.IGNORECASE)


def _phrase(word: str) -> str:
    """Return the regex of one phrase: escaped, with flexible white space."""
    return r"\s+".join(re.escape(part) for part in word.split())


def find_cues(
    lang: LanguageData, section: str, key: str, text: str, start: int, end: int
) -> list[re.Match[str]]:
    """Return the matches of phrases ``section.key`` in ``text[start:end]`` (absolute offsets).

    Long texts are scanned once per phrase list and the matches kept for the last text seen, so
    the many small range queries of one article cost a bisection each.
    """
    pattern = cue_pattern(lang, section, key)
    if pattern is None:
        return []
    if len(text) < _SCAN_ONCE:
        return list(pattern.finditer(text, start, end))
    starts, matches = _all_matches(pattern, text)
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return [m for m in matches[lo:hi] if m.end() <= end]


def _all_matches(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[re.Match[str]]]:
    """Return (starts, matches) of ``pattern`` over the whole text, cached for the current text."""
    if _CACHE.get("text") is not text:
        _CACHE.clear()
        _CACHE["text"] = text
    found = _CACHE.get(pattern)
    if found is None:
        matches = list(pattern.finditer(text))
        found = ([m.start() for m in matches], matches)
        _CACHE[pattern] = found
    return found


def ends_with_cue(lang: LanguageData, section: str, key: str, text: str) -> bool:
    """Return whether ``text`` ends with one of the phrases ``section.key``."""
    pattern = _edge_pattern(lang, section, key, at_end=True)
    return bool(pattern and pattern.search(text))


def starts_with_cue(lang: LanguageData, section: str, key: str, text: str) -> bool:
    """Return whether ``text`` starts with one of the phrases ``section.key``."""
    pattern = _edge_pattern(lang, section, key, at_end=False)
    return bool(pattern and pattern.search(text))
