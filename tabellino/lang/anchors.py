"""Scan a text for a regex only where a match can start: at the literals every match begins with.

Python's regex engine tries a pattern at every position of the text. A pattern whose matches all
begin with one of a few literals ("quarti", "semi", "final" for a union of stage names) can only
match where one of them is written: :func:`finditer` finds those places in one pass of an
Aho-Corasick automaton over the case-folded text and tries the pattern there alone, with the same
matches, in the same order, as ``pattern.finditer``.

The leading literals are read from the parse tree of the standard library's regex parser (see
:mod:`tabellino.lang.prefilter`); a pattern this reader cannot bound, and a text whose case-folded
copy does not keep its offsets, are scanned the ordinary way.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

import ahocorasick

from tabellino.lang.prefilter import char_class, parse_tree, strip_lookahead

__all__ = ["finditer", "leading_literals", "search_fold"]

_MAX_CLASS = 16
"""A character class of more characters than this at the start leaves a pattern unbounded."""

_MIN_LENGTH = 3
"""A shorter leading literal ("la", a digit) is written so often that the ordinary scan is faster."""

_MAX_DENSITY = 0.05
"""When the leading literals start at more than this share of the text's positions, the ordinary scan
is faster than trying the pattern at each of them."""


def leading_literals(source: str) -> frozenset[str] | None:
    """Return the literals, case-folded, one of which every match of ``source`` starts with.

    ``\\b(?:quarti|semi)\\s+finale`` gives {"quarti", "semi"}; ``(?:the\\s+)?final`` gives {"the", "final"}.
    None when unknown (a match may start with a wide character class, or the pattern may match
    empty) and when a leading literal is shorter than ``_MIN_LENGTH``.
    """
    parsed = parse_tree(source)
    if parsed is None:
        return None
    try:
        found = _lead(*parsed)
    except Exception:  # a parse tree of a shape this reader does not know: unbounded
        return None
    if found is None or found[1] or not found[0] or min(map(len, found[0])) < _MIN_LENGTH:
        return None
    folded = {word: search_fold(word) for word in found[0]}
    return None if any(len(f) != len(w) for w, f in folded.items()) else frozenset(folded.values())


def _lead(items: Sequence[Any], c: Any) -> tuple[set[str], bool] | None:
    """Return the leading literals of a parsed sequence and whether it can match empty (None: unknown)."""
    out: set[str] = set()
    i = 0
    while i < len(items):
        op, av = items[i]
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            i += 1
            continue
        if op is c.LITERAL:
            run = []
            while i < len(items) and items[i][0] is c.LITERAL:
                run.append(chr(items[i][1]))
                i += 1
            out.add("".join(run))
            return out, False
        found = _lead_item(op, av, c)
        if found is None:
            return None
        out |= found[0]
        if not found[1]:
            return out, False
        i += 1
    return out, True


def _lead_item(op: Any, av: Any, c: Any) -> tuple[set[str], bool] | None:
    """Return the leading literals of one parsed item and whether it can match empty (None: unknown)."""
    if op is c.IN:
        chars = char_class(av, c)
        return (chars, False) if chars and len(chars) <= _MAX_CLASS else None
    if op is c.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            found = _lead(list(branch), c)
            if found is None:
                return None
            out |= found[0]
            nullable = nullable or found[1]
        return out, nullable
    if op is c.SUBPATTERN:
        return _lead(list(av[-1]), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        found = _lead(list(av[2]), c)
        return None if found is None else (found[0], found[1] or av[0] == 0)
    return None


def _fold_table() -> dict[int, str]:
    """Return the characters the regex engine matches case-insensitively with another, mapped to one.

    Besides upper and lower case, ``re.IGNORECASE`` matches a few more pairs ("i" and dotless "ı",
    "s" and long "ſ", "İ" and "i"): each such group is mapped to one of its members, so that a
    case-folded search finds every place the engine could match. Empty when the engine's private
    table is not where it was.
    """
    try:
        extra: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
    except Exception:
        return {}
    table: dict[int, str] = {0x130: "i"}
    for key, others in extra.items():
        group = [chr(key)] + [chr(o) for o in others]
        lowered = [ch.lower() if len(ch.lower()) == 1 else ch for ch in group]
        first = min(lowered)
        for ch in group:
            table[ord(ch)] = first
    return table


_TABLE = _fold_table()
_SPECIAL = re.compile(
    "[" + "".join(re.escape(chr(k)) for k in _TABLE if k > 127) + "]" if _TABLE else "(?!x)x"
)
_FOLDED: list[tuple[str, str | None]] = []
"""The last text folded, with its fold (None when folding moved its offsets)."""


def search_fold(text: str) -> str:
    """Return ``text`` with every character replaced by the one it stands for in a case-insensitive match."""
    if text.isascii() or _SPECIAL.search(text) is None:
        return text.lower()
    return text.translate(_TABLE).lower()


def _folded(text: str) -> str | None:
    """Return the search fold of ``text`` when it keeps every offset (the last text is remembered)."""
    if _FOLDED and _FOLDED[0][0] is text:
        return _FOLDED[0][1]
    folded: str | None = search_fold(text)
    if len(folded or "") != len(text):
        folded = None
    _FOLDED[:] = [(text, folded)]
    return folded


@lru_cache(maxsize=4096)
def _automaton(pattern: re.Pattern[str]) -> ahocorasick.Automaton | None:
    """Return the automaton of a compiled pattern's leading literals (None when it has none)."""
    if not _TABLE:
        return None
    words = leading_literals(strip_lookahead(pattern.pattern))
    if not words:
        return None
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for word in words:
        automaton.add_word(word)
    automaton.make_automaton()
    return automaton


def finditer(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """Yield the matches of ``pattern`` in ``text[pos:endpos]``: the same as ``pattern.finditer``."""
    end = len(text) if endpos is None else min(endpos, len(text))
    automaton = _automaton(pattern)
    folded = _folded(text) if automaton is not None else None
    if automaton is None or folded is None:
        yield from pattern.finditer(text, pos, end)
        return
    starts = sorted({last - length + 1 for last, length in automaton.iter(folded, pos, end)})
    if len(starts) > _MAX_DENSITY * (end - pos):
        yield from pattern.finditer(text, pos, end)
        return
    after = pos
    for start in starts:
        if start < after:
            continue
        m = pattern.match(text, start, end)
        if m is not None:
            yield m
            after = m.end() if m.end() > start else start + 1
