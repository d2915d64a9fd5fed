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

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from tabellino.errors import DataFileError
from tabellino.lang import anchors
from tabellino.lang.prefilter import (
    LITERALS,
    WORD,
    Parts,
    casefolded,
    first_characters,
    lookahead,
    required_literals,
)

__all__ = ["AltMatch", "Alternation"]

T = TypeVar("T")

_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")
_MAX_SUBSETS = 512  # compiled subsets kept per scanner before the cache starts over


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
class _Alternative:
    """One alternative of an :class:`Alternation`: its regex, first characters and literal gate."""

    source: str
    first: frozenset[str] | None
    gate: Parts


@dataclass(frozen=True, slots=True)
class Alternation(Generic[T]):
    """Many labelled regexes compiled into one, so that a text is scanned once for all of them.

    Each alternative carries a gate: literals any of its matches must contain ("final" for
    ``semi[\\s-]?finals?``). A text is scanned only with the alternatives whose literals it holds,
    compiled together once per such subset; most texts hold the words of few alternatives.
    """

    pattern: re.Pattern[str] | None
    labels: tuple[T, ...]
    alternatives: tuple[_Alternative, ...] = ()
    subsets: dict[tuple[int, ...], re.Pattern[str]] = field(default_factory=dict, compare=False)

    @classmethod
    def build(cls, items: Iterable[tuple[T, str]], where: str) -> Alternation[T]:
        """Compile ``(label, regex)`` pairs (case-insensitive); named groups are kept per alternative."""
        labels: list[T] = []
        alternatives: list[_Alternative] = []
        for i, (label, source) in enumerate(items):
            alternatives.append(_alternative(f"(?P<a{i}>{_rename_groups(source, i)})"))
            labels.append(label)
        if not alternatives:
            return cls(None, ())
        body = "|".join(a.source for a in alternatives)
        try:
            re.compile(body, re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(f"bad pattern in {where}: {exc}") from exc
        return cls(_compile(alternatives), tuple(labels), tuple(alternatives))

    def finditer(self, text: str) -> Iterator[AltMatch[T]]:
        """Yield the non-overlapping matches in ``text``, leftmost first."""
        pattern = self._pattern_for(text)
        if pattern is None:
            return
        for m in anchors.finditer(pattern, text):
            index = int((m.lastgroup or "a0")[1:])
            yield AltMatch(self.labels[index], m, index)

    def _pattern_for(self, text: str) -> re.Pattern[str] | None:
        """Return the regex of the alternatives ``text`` may match (None when there are none)."""
        if self.pattern is None or not self.alternatives:
            return self.pattern
        folded = casefolded(text)
        active = LITERALS.holding([a.gate for a in self.alternatives], folded)
        if len(active) == len(self.alternatives):
            return self.pattern
        if not active:
            return None
        found = self.subsets.get(active)
        if found is None:
            if len(self.subsets) >= _MAX_SUBSETS:
                self.subsets.clear()
            found = self.subsets[active] = _compile([self.alternatives[i] for i in active])
        return found


def _alternative(source: str) -> _Alternative:
    """Describe one alternative: its first characters and the literals its matches must contain."""
    first = first_characters(source)
    return _Alternative(
        source, frozenset(first) if first else None, LITERALS.split(required_literals(source))
    )


def _compile(alternatives: Sequence[_Alternative]) -> re.Pattern[str]:
    """Compile alternatives into one case-insensitive regex behind a first-character look-ahead."""
    body = "|".join(a.source for a in alternatives)
    chars: set[str] = set()
    for a in alternatives:
        if a.first is None:
            return re.compile(body, re.IGNORECASE)
        chars |= a.first
    boundary = r"\b" if all(WORD.match(c) for c in chars) else ""
    return re.compile(boundary + lookahead(chars) + "(?:" + body + ")", re.IGNORECASE)


def _rename_groups(source: str, index: int) -> str:
    """Suffix every named group of a regex with ``_<index>`` so alternatives can share names."""
    return _GROUP_NAME.sub(lambda m: f"(?P<{m.group(1)}_{index}>", source)
