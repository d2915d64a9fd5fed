"""Scan a text for a regex only where a match can start: at the literals every match begins with.

Python's regex engine tries a pattern at every position of the text, and a union of many
alternatives tries each of them there. An alternative whose matches all begin with one of a few
literals ("quarti", "semi", "final") can only match where one of them is written: :func:`finditer`
finds those places in one pass of an Aho-Corasick automaton over the case-folded text, finds the
places of the other alternatives with a regex of those alone, and tries the whole pattern there
only: the same matches, in the same order, as ``pattern.finditer``.

The alternatives come from the pattern's source (:mod:`tabellino.lang.regex_source`), their leading
literals from the parse tree of the standard library's regex parser (see
:mod:`tabellino.lang.prefilter`). A pattern with no bounded alternative, a text whose case-folded
copy does not keep its offsets, and a text where the literals are everywhere are scanned the
ordinary way.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick

from tabellino.lang.prefilter import LITERALS, casefolded, char_class, literal_automaton, parse_tree
from tabellino.lang.regex_source import flat_pieces
from tabellino.lang.residual import NO_REST, residual_scan, skipper, unguarded

__all__ = ["finditer", "leading_literals", "search_fold"]

_MAX_CLASS = 16
"""A character class of more characters than this at the start leaves a pattern unbounded."""

_MAX_LEADS = 64
"""More leading literals than this (a long list of names) are cut to the prefixes read before."""

_MIN_LENGTH = 3
"""A shorter leading literal ("la", a digit) is written so often that the ordinary scan is faster."""

_MAX_DENSITY = 0.05
"""When the leading literals start at more than this share of the text's positions, the ordinary scan
is faster than trying the pattern at each of them."""


@lru_cache(maxsize=4096)
def leading_literals(source: str) -> frozenset[str] | None:
    r"""Return the literals, case-folded, one of which every match of ``source`` starts with.

    ``\b(?:quarti|semi)\s+finale`` gives {"quarti", "semi"}; ``(?:the\s+)?final`` gives {"the", "final"};
    ``m(?:arted|ercoled)ì`` gives {"martedì", "mercoledì"}. None when unknown (a match may start with a
    wide character class, or the pattern may match empty) and when a leading literal is shorter than
    ``_MIN_LENGTH``.
    """
    parsed = parse_tree(source)
    if parsed is None:
        return None
    try:
        found = _lead(*parsed)
    except Exception:  # a parse tree of a shape this reader does not know: unbounded
        return None
    if found is None or min(len(prefix) for prefix, _ in found) < _MIN_LENGTH:
        return None
    folded = {prefix: search_fold(prefix) for prefix, _ in found}
    return None if any(len(f) != len(w) for w, f in folded.items()) else frozenset(folded.values())


_Leads = list[tuple[str, bool]]
"""Literal prefixes, each with whether the whole parsed item was read (so a longer prefix may follow)."""


def _lead(items: Sequence[Any], c: Any) -> _Leads | None:
    """Return the literal prefixes every match of a parsed sequence starts with (None: unknown)."""
    acc: _Leads = [("", True)]
    for op, av in items:
        if not any(open_ for _, open_ in acc):
            break
        found = _lead_item(op, av, c)
        grown: dict[tuple[str, bool], None] = {}
        for prefix, open_ in acc:
            if open_ and found is not None:
                grown.update(dict.fromkeys((prefix + more, still) for more, still in found))
            elif open_ and not prefix:
                return None  # a match can start with what this reader does not know
            else:
                grown[(prefix, False)] = None
        if len(grown) > _MAX_LEADS:
            return [(prefix, False) for prefix, _ in acc] if all(p for p, _ in acc) else None
        acc = list(grown)
    return acc


def _lead_item(op: Any, av: Any, c: Any) -> _Leads | None:
    """Return the literal prefixes of one parsed item (None: unknown)."""
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return [("", True)]
    if op is c.LITERAL:
        return [(chr(av), True)]
    if op is c.IN:
        chars = char_class(av, c)
        return [(ch, True) for ch in sorted(chars)] if chars and len(chars) <= _MAX_CLASS else None
    if op is c.BRANCH:
        out: _Leads = []
        for branch in av[1]:
            found = _lead(list(branch), c)
            if found is None:
                return None
            out += found
        return out
    if op is c.SUBPATTERN:
        return _lead(list(av[-1]), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        found = _lead(list(av[2]), c)
        if found is None:
            return None
        once = [(prefix, False) for prefix, _ in found]  # a repeat may go on: the prefix ends here
        return once if av[0] >= 1 else [("", True), *once]
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


@dataclass(frozen=True, slots=True)
class _Plan:
    """How to scan for one pattern: where its bounded branches can start, and what finds the others.

    ``automaton`` holds the leading literals of the branches that have them (for short texts; a long
    text is searched once for those of every plan, see :class:`_LeadIndex`); ``residual`` is a regex
    of the other branches (None when every branch has leading literals). ``after_gap`` finds the
    residual's matches from the non-word character before them, when every such match starts a
    word: the engine then skips the letters inside words in its fast loop (None otherwise); ``skip``
    finds them from their first characters when those have no case (see :mod:`tabellino.lang.residual`).
    ``gate`` lists literals every residual match holds: a text lacking them is not searched for it.
    """

    automaton: ahocorasick.Automaton
    residual: re.Pattern[str] | None
    after_gap: re.Pattern[str] | None = None
    leads: tuple[int, ...] = ()  # the leading literals' ids in the shared index
    skip: re.Pattern[str] | None = None  # the residual as :func:`residual.skipper` writes it
    gate: tuple[tuple[str, ...], ...] = ()  # literals every residual match holds, one of each part

    def residual_may_match(self, folded: str) -> bool:
        """Return False when a search-folded text lacks a literal every residual match holds."""
        return self.residual is not None and all(any(w in folded for w in part) for part in self.gate)

    def next_other(self, text: str, after: int, end: int) -> int | None:
        """Return where the residual's leftmost match at or after ``after`` starts (None: nowhere)."""
        if self.residual is None:
            return None
        if self.skip is not None:
            found = self.skip.search(text, after, end)
            return found.start() if found is not None else None
        if self.after_gap is None:
            found = self.residual.search(text, after, end)
            return found.start() if found is not None else None
        if after == 0 and self.residual.match(text, 0, end) is not None:
            return 0  # no character before the text's start
        gap = self.after_gap.search(text, max(after - 1, 0), end)
        return gap.start() + 1 if gap is not None else None


@lru_cache(maxsize=4096)
def _plan(pattern: re.Pattern[str]) -> _Plan | None:
    """Return the scan plan of a compiled pattern (None when it would not beat the engine's own scan).

    A pattern with no bounded branch gets a plan too when its residual is searched faster than the
    engine would (from the character before each word) or can be skipped in texts lacking its literals.
    """
    if not _TABLE:
        return None
    pieces = flat_pieces(pattern.pattern)
    # A piece's zero-width prefix adds no leading literal: the rest alone is read (and remembered).
    found = [leading_literals(piece) for _, piece in pieces]
    words = set().union(*(lead for lead in found if lead))
    others = [
        unguarded(above + piece) for (above, piece), lead in zip(pieces, found, strict=True) if not lead
    ]
    rest = residual_scan("|".join(f"(?:{branch})" for branch in others), pattern.flags) if others else NO_REST
    if rest is None:
        return None
    residual, skip, after_gap, gate = rest
    if not words and (skip is not None or (after_gap is None and not gate)):
        return None  # the engine's own scan (or the skipper's) is as fast
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for word in words:
        automaton.add_word(word)
    if words:
        automaton.make_automaton()
    return _Plan(automaton, residual, after_gap, _LEAD_INDEX.register(words) if words else (), skip, gate)


def finditer(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """Yield the matches of ``pattern`` in ``text[pos:endpos]``: the same as ``pattern.finditer``.

    The pattern is tried where a bounded branch's leading literal is written and where the regex of
    its other branches finds its next match, in order; the engine's scan when that would not help.
    """
    end = len(text) if endpos is None else min(endpos, len(text))
    plan, skip = _plans(pattern)
    if plan is None and skip is not None:
        yield from _skipping(pattern, skip, text, (pos, end))
        return
    starts = _starts(plan, text, pos, end) if plan is not None else None
    if plan is None or starts is None or len(starts) > _MAX_DENSITY * (end - pos):
        yield from pattern.finditer(text, pos, end)
        return
    yield from _matches_at(pattern, plan, starts, text, (pos, end))


_PLANS: dict[int, tuple[re.Pattern[str], _Plan | None, re.Pattern[str] | None]] = {}
"""The plan and skipper of each pattern scanned, by its id (hashing a compiled pattern hashes its code)."""


def _plans(pattern: re.Pattern[str]) -> tuple[_Plan | None, re.Pattern[str] | None]:
    """Return the scan plan of ``pattern`` and, without one, its skipper (computed once per pattern)."""
    entry = _PLANS.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        plan = _plan(pattern)
        entry = _PLANS[id(pattern)] = (pattern, plan, None if plan is not None else skipper(pattern))
    return entry[1], entry[2]


_MAX_PLANS = 4096
"""More patterns than this (built at run time) and the remembered plans are forgotten."""


def _skipping(
    pattern: re.Pattern[str], skip: re.Pattern[str], text: str, bounds: tuple[int, int]
) -> Iterator[re.Match[str]]:
    """Yield the pattern's matches, tried only where its skipper finds that one starts."""
    pos, end = bounds
    found = skip.search(text, pos, end)
    while found is not None:
        here = found.start()
        m = pattern.match(text, here, end)
        if m is not None:
            yield m
        after = m.end() if m is not None and m.end() > here else here + 1
        found = skip.search(text, after, end)


def _starts(plan: _Plan, text: str, pos: int, end: int) -> list[int] | None:
    """Return where the plan's leading literals start in ``text[pos:end]`` (None: the fold moves offsets)."""
    if not plan.leads:
        return []  # the residual alone: found by its own regex
    if len(text) >= _SHARED_TEXT:
        return _LEAD_INDEX.starts(plan.leads, text, pos, end)
    folded = _folded(text)
    if folded is None:
        return None
    return sorted({last - length + 1 for last, length in plan.automaton.iter(folded, pos, end)})


_SHARED_TEXT = 1000
"""A text at least this long is searched once for the leading literals of every plan together."""


class _LeadIndex:
    """Where the leading literals of every plan start in the last long text: one automaton pass for all.

    The components scan a doc's text with many patterns one after another; each finds the places of
    its own literals in this pass's results instead of passing over the text again.
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._lengths: list[int] = []
        self._automaton: ahocorasick.Automaton | None = None
        self._last: tuple[str, dict[int, list[int]] | None] | None = None

    def register(self, words: set[str]) -> tuple[int, ...]:
        """Return the ids of ``words``, numbering new ones (the automaton is then built again)."""
        for word in sorted(words - self._ids.keys()):
            self._ids[word] = len(self._lengths)
            self._lengths.append(len(word))
            self._automaton, self._last = None, None
        LITERALS.add(words)
        return tuple(sorted(self._ids[word] for word in words))

    def starts(self, ids: tuple[int, ...], text: str, pos: int, end: int) -> list[int] | None:
        """Return where the literals ``ids`` start within ``text[pos:end]``, sorted (None: no fold)."""
        by_id = self._positions(text)
        if by_id is None:
            return None
        whole = pos == 0 and end == len(text)
        found: set[int] = set()
        for i in ids:
            at = by_id.get(i)
            if at and whole:
                found.update(at)
            elif at:
                length = self._lengths[i]
                found.update(s for s in at if pos <= s and s + length <= end)
        return sorted(found)

    def _positions(self, text: str) -> dict[int, list[int]] | None:
        """Return the starts of every literal in ``text``, by id (the last text is remembered)."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        folded = _folded(text)
        by_id: dict[int, list[int]] | None = None
        if folded is not None:
            ids, lengths = self._ids, self._lengths
            by_id = {}
            for at, word in self._hits(text, folded):
                i = ids.get(word)
                if i is not None:
                    by_id.setdefault(i, []).append(at - lengths[i] + 1)
        self._last = (text, by_id)
        return by_id

    def _hits(self, text: str, folded: str) -> list[tuple[int, str]]:
        """Return where the literals end in the search fold of ``text``, each with the literal.

        When the case fold the gates read is the same text, the gates' pass found them already.
        """
        shared = casefolded(text)
        if shared == folded:
            return LITERALS.hits(shared)
        if self._automaton is None:
            self._automaton = literal_automaton(self._ids)
        return list(self._automaton.iter(folded))


_LEAD_INDEX = _LeadIndex()


def _matches_at(
    pattern: re.Pattern[str],
    plan: _Plan,
    starts: list[int],
    text: str,
    bounds: tuple[int, int],
) -> Iterator[re.Match[str]]:
    """Yield the pattern's non-overlapping matches, trying it at ``starts`` and where its residual matches."""
    pos, end = bounds
    folded = _folded(text)
    may_match = plan.residual is not None and (folded is None or plan.residual_may_match(folded))
    other = plan.next_other(text, pos, end) if may_match else None
    after, i = pos, 0
    while True:
        while i < len(starts) and starts[i] < after:
            i += 1
        if other is not None and other < after:
            other = plan.next_other(text, after, end)
        here = starts[i] if i < len(starts) else None
        if other is not None and (here is None or other < here):
            here = other
        if here is None:
            return
        m = pattern.match(text, here, end)
        if m is not None:
            yield m
        after = m.end() if m is not None and m.end() > here else here + 1
