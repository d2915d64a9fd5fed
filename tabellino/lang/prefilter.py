"""What every match of a regex starts with and contains, read from its parse tree; scans that use it.

Python's regex engine tries a case-insensitive pattern at every position of the text, and a union of
many alternatives tries each of them there. A look-ahead on the characters any match can start with
rejects most positions after one character test (:func:`compile_scanning`); the literals every match
must contain tell, before scanning, which alternatives a text cannot match (:func:`required_literals`).

Both read the parse tree of the standard library's regex parser, a private module; any change there
makes them answer "unknown", and the scans simply run without the shortcut.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

import ahocorasick

__all__ = [
    "LITERALS",
    "WORD",
    "LiteralIndex",
    "Parts",
    "casefolded",
    "char_class",
    "compile_scanning",
    "first_characters",
    "holds",
    "literal_automaton",
    "lookahead",
    "may_match",
    "parse_tree",
    "required_literals",
    "strip_lookahead",
]

WORD = re.compile(r"\w")
_MAX_RANGE = 256  # a wider character range at the start disables the look-ahead


def compile_scanning(source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile ``source`` behind a look-ahead on its possible first characters, when that helps.

    Same matches as ``re.compile(source, flags)``. A pattern that starts with a plain character is
    left alone: the engine already skips to that character faster than a look-ahead would.
    """
    chars = first_characters(source)
    if not chars or _starts_with_literal(source):
        return re.compile(source, flags)
    return re.compile(lookahead(chars) + _OPEN + source + ")", flags)


def lookahead(chars: set[str] | frozenset[str]) -> str:
    """Return the regex look-ahead on a set of first characters (what :func:`strip_lookahead` removes)."""
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


_OPEN = "(?:"
_AHEAD_END = "])" + _OPEN


def strip_lookahead(source: str) -> str:
    """Return the source :func:`compile_scanning` was given for the pattern source it produced."""
    if source.startswith("(?=[") and _AHEAD_END in source:
        return source[source.index(_AHEAD_END) + len(_AHEAD_END) : -1]
    return source


def _starts_with_literal(source: str) -> bool:
    """Return whether the first item of ``source`` is a plain character (True when unknown)."""
    parsed = parse_tree(source)
    if parsed is None:
        return True
    tree, c = parsed
    return bool(tree) and tree[0][0] is c.LITERAL


@lru_cache(maxsize=1024)
def parse_tree(source: str) -> tuple[list[Any], Any] | None:
    """Return the parse tree of ``source`` and the parser's constants, or None when that fails.

    The standard library's regex parser is a private module: when it changes, every shortcut here
    answers "unknown" and the scans run without it, with the same matches.
    """
    try:
        c = importlib.import_module("re._constants")
        return list(importlib.import_module("re._parser").parse(source, re.IGNORECASE)), c
    except Exception:  # the private parser changed (or the source is not a regex)
        return None


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """Return False when ``text`` lacks a literal every match of ``pattern`` contains (no scan needed)."""
    gate = _gate(pattern)
    return not gate or LITERALS.holds(gate, casefolded(text))


def holds(gate: tuple[frozenset[str], ...], folded: str) -> bool:
    """Return whether a case-folded text holds, for every required part of ``gate``, one of its literals."""
    return all(any(word in folded for word in part) for part in gate)


Parts = tuple[tuple[frozenset[str], tuple[str, ...]], ...]
"""A gate's required parts, each split into its long literals (looked up) and its short ones."""

_LONG = 3
"""Literals at least this long are found by the automaton; shorter ones ("di", "a") are written
everywhere, so ``in`` finds them at once."""

_INDEXED_TEXT = 400
"""A shorter text is searched literal by literal: an automaton pass would cost more."""


class LiteralIndex:
    """Which of many literals a case-folded text holds, found in one automaton pass per text.

    Every gate checked here first registers its long literals (:meth:`split`); the automaton is
    built again when new ones come, which only happens while the patterns are first used. The
    literals of the last text are remembered, so the gates of every scanner of a doc text cost one
    pass together instead of one ``in`` search per literal.
    """

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None
        self._last: tuple[str, list[tuple[int, str]], frozenset[str]] | None = None

    def add(self, words: Iterable[str]) -> None:
        """Register more literals to find in the same pass (the leading literals of :mod:`anchors`)."""
        new = set(words) - self._words
        if new:
            self._words |= new
            self._automaton, self._last = None, None

    def split(self, gate: tuple[frozenset[str], ...]) -> Parts:
        """Register a gate's long literals and return its parts split into long and short literals."""
        parts = tuple(
            (frozenset(w for w in part if len(w) >= _LONG), tuple(w for w in part if len(w) < _LONG))
            for part in gate
        )
        self.add(set().union(*(longs for longs, _ in parts)))
        return parts

    def holds(self, parts: Parts, folded: str) -> bool:
        """Return whether a case-folded text holds, for every part, one of its literals (as :func:`holds`)."""
        if len(folded) < _INDEXED_TEXT:
            return all(
                any(w in folded for w in longs) or any(w in folded for w in shorts) for longs, shorts in parts
            )
        return _holds_found(parts, self._found(folded), folded)

    def holding(self, gates: Sequence[Parts], folded: str) -> tuple[int, ...]:
        """Return the indices of the gates a case-folded text holds (:meth:`holds` of each, one look-up)."""
        if len(folded) < _INDEXED_TEXT:
            return tuple(i for i, parts in enumerate(gates) if self.holds(parts, folded))
        found = self._found(folded)
        return tuple(i for i, parts in enumerate(gates) if _holds_found(parts, found, folded))

    def hits(self, folded: str) -> list[tuple[int, str]]:
        """Return where each registered literal ends in a case-folded text, with the literal, in order.

        One automaton pass per text: the last text's hits are remembered.
        """
        return self._scan(folded)[1]

    def _found(self, folded: str) -> frozenset[str]:
        """Return the registered long literals ``folded`` holds (one automaton pass, last text remembered)."""
        return self._scan(folded)[2]

    def _scan(self, folded: str) -> tuple[str, list[tuple[int, str]], frozenset[str]]:
        """Return ``folded`` with its hits and the literals found (the last text is remembered)."""
        last = self._last
        if last is not None and last[0] is folded:
            return last
        if self._automaton is None:
            self._automaton = literal_automaton(self._words)
        hits = list(self._automaton.iter(folded)) if self._words else []
        self._last = (folded, hits, frozenset(map(itemgetter(1), hits)))
        return self._last


def _holds_found(parts: Parts, found: frozenset[str], folded: str) -> bool:
    """Return whether every part has a long literal among ``found`` or a short one in ``folded``."""
    return all(not longs.isdisjoint(found) or any(w in folded for w in shorts) for longs, shorts in parts)


def literal_automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    """Return an Aho-Corasick automaton reporting each of ``words`` (its value) wherever it ends."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    if len(automaton):
        automaton.make_automaton()
    return automaton


LITERALS = LiteralIndex()
"""The index every gate of the process is checked with (one automaton pass per doc text)."""


def _gate(pattern: re.Pattern[str]) -> Parts:
    """Return the required literals of a compiled pattern, registered with :data:`LITERALS` (once each)."""
    entry = _GATES.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        if len(_GATES) >= _MAX_GATES:
            _GATES.clear()
        entry = _GATES[id(pattern)] = (
            pattern,
            LITERALS.split(required_literals(strip_lookahead(pattern.pattern))),
        )
    return entry[1]


_GATES: dict[int, tuple[re.Pattern[str], Parts]] = {}
"""The gate of each pattern checked, by its id (hashing a compiled pattern hashes its code); the
pattern is kept with it, so its id is not reused while the entry lives."""

_MAX_GATES = 4096
"""More patterns than this (built at run time) and the remembered gates are forgotten."""


_FOLDED: list[tuple[str, str]] = []


def casefolded(text: str) -> str:
    """Return ``text`` case-folded, remembering the last text (the components scan the same doc text)."""
    if _FOLDED and _FOLDED[0][0] is text:
        return _FOLDED[0][1]
    folded = text.casefold()
    _FOLDED[:] = [(text, folded)]
    return folded


def first_characters(source: str) -> set[str] | None:
    """Return the characters a match of ``source`` can start with, or None when that is unknown."""
    parsed = parse_tree(source)
    if parsed is None:
        return None
    try:
        chars, nullable = _sequence(*parsed)
    except Exception:  # a parse tree of a shape this reader does not know: no look-ahead
        return None
    return None if nullable or not chars else chars


def _sequence(items: Sequence[Any], c: Any) -> tuple[set[str] | None, bool]:
    """Return the first characters of a sequence of parsed items, and whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av, c)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any, c: Any) -> tuple[set[str] | None, bool]:
    """Return the first characters of one parsed item, and whether it can match empty."""
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        return char_class(av, c), False
    if op is c.BRANCH:
        found = [_sequence(list(branch), c) for branch in av[1]]
        if any(chars is None for chars, _ in found):
            return None, False
        return set().union(*(chars for chars, _ in found if chars)), any(n for _, n in found)
    if op is c.SUBPATTERN:
        return _sequence(list(av[-1]), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        chars, nullable = _sequence(list(av[2]), c)
        return chars, nullable or av[0] == 0
    return None, False


def char_class(items: Sequence[Any], c: Any) -> set[str] | None:
    """Return the characters of a parsed character class (None for classes too wide to list)."""
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            out.update(chr(x) for x in range(av[0], av[1] + 1))
        elif op is c.CATEGORY and av in (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT):
            out.update("0123456789")
        else:
            return None
    return out


def required_literals(source: str) -> tuple[frozenset[str], ...]:
    """Return the literal parts every match of ``source`` contains, case-folded: each a set of choices.

    ``round\\s+of\\s+(?:16|sixteen)`` gives ({"round"}, {"of"}, {"16", "sixteen"}). Parts that are
    not plain literals (classes, optional groups, look-arounds) add nothing: the gate may let a
    text through that cannot match, never the other way round. Empty when unknown.
    """
    parsed = parse_tree(source)
    if parsed is None:
        return ()
    try:
        return tuple(_required(*parsed))
    except Exception:  # a parse tree of a shape this reader does not know: no gate
        return ()


def _required(items: Sequence[Any], c: Any) -> list[frozenset[str]]:
    """Return the required literal choices of a parsed sequence, one set per required part."""
    parts: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            parts.append(frozenset({"".join(run).casefold()}))
            run = []
        parts.extend(_required_item(op, av, c))
    if run:
        parts.append(frozenset({"".join(run).casefold()}))
    return parts


def _required_item(op: Any, av: Any, c: Any) -> list[frozenset[str]]:
    """Return the required literal choices of one parsed item (none for what may match empty)."""
    if op is c.SUBPATTERN:
        return _required(list(av[-1]), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
        return _required(list(av[2]), c)
    if op is c.BRANCH:
        choices: set[str] = set()
        for branch in av[1]:
            parts = _required(list(branch), c)
            if not parts:
                return []
            choices |= max(parts, key=lambda words: min(len(w) for w in words))
        return [frozenset(choices)]
    return []
