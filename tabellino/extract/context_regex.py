"""One scan for many labelled regexes: the scanner behind the context and ties cue words.

The language data gives many small patterns (stage names, leg words, home / away phrases, tie
phrases). :class:`Alternation` compiles them into one case-insensitive regex, keeps each
alternative's named groups apart, and tells which alternative matched. Python's regex engine tries
every alternative at every position, so the compiled regex starts with a look-ahead on the
characters any alternative can start with, worked out from the parsed patterns, and, when those
are all letters or digits, with a word boundary: most positions are skipped after one or two
character tests.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from tabellino.errors import DataFileError

__all__ = ["AltMatch", "Alternation", "first_characters"]

T = TypeVar("T")

_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")
_WORD = re.compile(r"\w")
_MAX_RANGE = 256  # a wider character range at the start disables the look-ahead


@dataclass(frozen=True, slots=True)
class AltMatch(Generic[T]):
    """One match of an :class:`Alternation`: the label of the alternative and the regex match."""

    label: T
    match: re.Match[str]
    index: int

    def group(self, name: str) -> str | None:
        """Return the named group ``name`` of the matching alternative, if it has one and it matched."""
        key = f"{name}_{self.index}"
        return self.match.group(key) if key in self.match.re.groupindex else None


@dataclass(frozen=True, slots=True)
class Alternation(Generic[T]):
    """Many labelled regexes compiled into one, so that a text is scanned once for all of them."""

    pattern: re.Pattern[str] | None
    labels: tuple[T, ...]

    @classmethod
    def build(cls, items: Iterable[tuple[T, str]], where: str) -> Alternation[T]:
        """Compile ``(label, regex)`` pairs (case-insensitive); named groups are kept per alternative."""
        labels: list[T] = []
        parts: list[str] = []
        for i, (label, source) in enumerate(items):
            parts.append(f"(?P<a{i}>{_rename_groups(source, i)})")
            labels.append(label)
        if not parts:
            return cls(None, ())
        body = "|".join(parts)
        try:
            re.compile(body, re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(f"bad pattern in {where}: {exc}") from exc
        return cls(re.compile(_prefilter(body) + "(?:" + body + ")", re.IGNORECASE), tuple(labels))

    def finditer(self, text: str) -> Iterator[AltMatch[T]]:
        """Yield the non-overlapping matches in ``text``, leftmost first."""
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            index = int((m.lastgroup or "a0")[1:])
            yield AltMatch(self.labels[index], m, index)


def _rename_groups(source: str, index: int) -> str:
    """Suffix every named group of a regex with ``_<index>`` so alternatives can share names."""
    return _GROUP_NAME.sub(lambda m: f"(?P<{m.group(1)}_{index}>", source)


def _prefilter(body: str) -> str:
    """Return a look-ahead on the possible first characters of ``body`` ('' when unknown).

    When every alternative starts with a letter or digit, matches are only tried where a word
    starts (cue words are whole words; this also makes the scan several times faster).
    """
    chars = first_characters(body)
    if not chars:
        return ""
    boundary = r"\b" if all(_WORD.match(c) for c in chars) else ""
    return boundary + "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def first_characters(source: str) -> set[str] | None:
    """Return the characters a match of ``source`` can start with, or None when that is unknown.

    Reads the parse tree of the standard library's regex parser, a private module; any change
    there makes this return None and the scan simply tries every position.
    """
    try:
        c = importlib.import_module("re._constants")
        tree = importlib.import_module("re._parser").parse(source, re.IGNORECASE)
        chars, nullable = _sequence(list(tree), c)
    except Exception:  # the private parser changed: no look-ahead, same matches
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
        return _charset(av, c), False
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


def _charset(items: Sequence[Any], c: Any) -> set[str] | None:
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
