"""The regex of a union's branches that have no leading literal, and the fast ways to search it.

:func:`tabellino.lang.anchors.finditer` tries a pattern where its bounded branches' leading literals
are written and where the regex of its other branches (the residual) finds its next match. The
residual is searched from the character before each word when every match of it starts a word
(the engine's fast loop skips the letters inside words), from its first characters when those are
a few characters without case (digits: a character class first lets the engine skip to them), and
not at all in a text lacking a literal every match of it holds.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from tabellino.lang.prefilter import (
    WORD,
    compile_scanning,
    first_characters,
    parse_tree,
    required_literals,
    strip_lookahead,
)

__all__ = ["NO_REST", "Rest", "residual_scan", "skipper", "unguarded"]


Rest = tuple[
    re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None, tuple[tuple[str, ...], ...]
]
"""A plan's residual with its skipper, its after-gap regex and its gate."""

NO_REST: Rest = (None, None, None, ())


@lru_cache(maxsize=1024)
def residual_scan(source: str, flags: int) -> Rest | None:
    """Return the residual regex of ``source`` and what scans it (None: it can match empty, or is broken).

    Remembered by source: the unions of subsets of one scanner's alternatives often share it.
    """
    try:
        residual = compile_scanning(source, flags)
    except re.error:
        return None
    if _nullable(residual.pattern):
        return None  # a branch that matches empty can match anywhere: no shortcut
    skip = skipper(residual)
    return residual, skip, None if skip else _after_gap(residual), _residual_gate(residual)


def _residual_gate(residual: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Return the residual's required literal parts that its search fold finds as written (ASCII ones).

    ASCII literals fold the same way for :func:`search_fold` and ``str.casefold``, so a text whose
    search fold lacks every choice of a part holds no match of the residual.
    """
    if residual.flags & re.VERBOSE:
        return ()  # the parse tree read here takes the blanks of a verbose pattern for literals
    parts = required_literals(residual.pattern)
    return tuple(tuple(sorted(part)) for part in parts if all(w.isascii() for w in part))


_GUARD = re.compile(r"(\\b)?(\(\?=(\[(?:\\.|[^\]\\])*\])\))")
"""A first-character look-ahead at a branch's start, as :func:`prefilter.lookahead` writes it."""


def unguarded(branch: str) -> str:
    """Return ``branch`` without a leading first-character look-ahead its own first characters imply.

    The pieces of a union keep the look-ahead written for the whole union; in the residual each would
    test it again at every word: the same matches without it, found faster.
    """
    guard = _GUARD.match(branch)
    if guard is None:
        return branch
    rest = branch[guard.end() :]
    allowed, first = first_characters(guard.group(3)), first_characters(rest)
    if not allowed or not first or not first <= allowed:
        return branch
    boundary = guard.group(1) or ""
    return rest if boundary and rest.startswith(boundary) else boundary + rest


def _after_gap(residual: re.Pattern[str] | None) -> re.Pattern[str] | None:
    r"""Return a regex matching the non-word character before each match of ``residual`` (None: unsafe).

    Only when every match of the residual starts a word (after ``\b`` and a word character, or after
    ``(?<!\w)``): then it starts at the text's start or right after a non-word character. The
    character class first lets the engine's fast loop skip the inside of words.
    """
    if residual is None or residual.flags & re.VERBOSE or not _starts_word(residual.pattern):
        return None
    try:
        return re.compile(r"(?-i:\W)(?=(?:" + residual.pattern + "))", residual.flags)
    except re.error:
        return None


def _starts_word(source: str) -> bool:
    """Return whether every match of ``source`` starts where the character before is not a word character."""
    parsed = parse_tree(source)
    if parsed is None:
        return False
    try:
        kind = _start_assertion(*parsed)
    except Exception:  # a parse tree of a shape this reader does not know: not known to start a word
        return False
    if kind == _AFTER_NON_WORD:
        return True
    first = first_characters(source)
    return kind == _BOUNDARY and bool(first) and all(WORD.match(ch) for ch in first or ())


_AFTER_NON_WORD, _BOUNDARY = "after non-word", "boundary"


def _start_assertion(items: Sequence[Any], c: Any) -> str | None:
    r"""Return what every match of a parsed sequence asserts where it starts: ``(?<!\w)``, ``\b`` or nothing.

    ``_BOUNDARY`` when some path only has ``\b`` (the first character must then be a word character
    too); None when some path asserts neither.
    """
    for op, av in items:
        if op is c.AT and av is c.AT_BOUNDARY:
            return _BOUNDARY
        if op is c.ASSERT_NOT and av[0] == -1 and list(av[1]) == [(c.IN, [(c.CATEGORY, c.CATEGORY_WORD)])]:
            return _AFTER_NON_WORD
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # another zero-width item: the match still starts here
        if op is c.SUBPATTERN:
            scoped = (av[1] | av[2]) & (re.ASCII | re.LOCALE | re.UNICODE)
            return None if scoped else _start_assertion(list(av[-1]), c)  # scoped flags change \w
        if op is c.BRANCH:
            kinds = [_start_assertion(list(branch), c) for branch in av[1]]
            if None in kinds:
                return None
            return _AFTER_NON_WORD if all(k == _AFTER_NON_WORD for k in kinds) else _BOUNDARY
        return None
    return None


_SKIP_CHARS = frozenset(chr(code) for code in range(128) if not chr(code).isalpha())
"""Characters no other character matches case-insensitively: a class of them may open a pattern."""


def skipper(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """Return a regex matching the first character of each place ``pattern`` matches (None: no gain).

    Only for a pattern whose matches all start with one of a few characters that have no case
    ("0"-"9", "("): a look-ahead or look-behind opening a pattern makes the engine try it at every
    position, a character class first lets its fast loop skip to the next of those characters.
    The pattern itself is then tried there, inside a look-behind of one character.
    """
    first = first_characters(strip_lookahead(pattern.pattern))
    if pattern.flags & re.VERBOSE or not first or not first <= _SKIP_CHARS or _starts_with_literal(pattern):
        return None
    chars = "[" + "".join(re.escape(ch) for ch in sorted(first)) + "]"
    try:
        return re.compile(f"{chars}(?<=(?=(?:{pattern.pattern})){chars})", pattern.flags)
    except re.error:
        return None


def _starts_with_literal(pattern: re.Pattern[str]) -> bool:
    """Return whether the first item of a pattern is a plain character (the engine skips to it already)."""
    parsed = parse_tree(pattern.pattern)
    return parsed is None or (bool(parsed[0]) and parsed[0][0][0] is parsed[1].LITERAL)


def _nullable(source: str) -> bool:
    """Return whether ``source`` can match the empty string (True when unknown)."""
    try:
        return bool(importlib.import_module("re._parser").parse(source).getwidth()[0] == 0)
    except Exception:  # the private parser changed: assume the worst
        return True
