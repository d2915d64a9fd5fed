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
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from tabellino.errors import DataFileError

__all__ = ["AltMatch", "Alternation", "first_characters", "required_literals"]

T = TypeVar("T")

_GROUP_NAME = re.compile(r"\(\?P<(\w+)>")
_WORD = re.compile(r"\w")
_MAX_RANGE = 256  # a wider character range at the start disables the look-ahead
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
    gate: tuple[frozenset[str], ...]

    def may_match(self, folded: str) -> bool:
        """Return whether the case-folded text holds, for every required part, one of its literals."""
        return all(any(word in folded for word in words) for words in self.gate)


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
        for m in pattern.finditer(text):
            index = int((m.lastgroup or "a0")[1:])
            yield AltMatch(self.labels[index], m, index)

    def _pattern_for(self, text: str) -> re.Pattern[str] | None:
        """Return the regex of the alternatives ``text`` may match (None when there are none)."""
        if self.pattern is None or not self.alternatives:
            return self.pattern
        folded = text.casefold()
        active = tuple(i for i, a in enumerate(self.alternatives) if a.may_match(folded))
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
    return _Alternative(source, frozenset(first) if first else None, required_literals(source))


def _compile(alternatives: Sequence[_Alternative]) -> re.Pattern[str]:
    """Compile alternatives into one case-insensitive regex behind a first-character look-ahead."""
    body = "|".join(a.source for a in alternatives)
    chars: set[str] = set()
    for a in alternatives:
        if a.first is None:
            return re.compile(body, re.IGNORECASE)
        chars |= a.first
    boundary = r"\b" if all(_WORD.match(c) for c in chars) else ""
    prefilter = boundary + "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"
    return re.compile(prefilter + "(?:" + body + ")", re.IGNORECASE)


def _rename_groups(source: str, index: int) -> str:
    """Suffix every named group of a regex with ``_<index>`` so alternatives can share names."""
    return _GROUP_NAME.sub(lambda m: f"(?P<{m.group(1)}_{index}>", source)


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


def required_literals(source: str) -> tuple[frozenset[str], ...]:
    """Return the literal parts every match of ``source`` contains, case-folded: each a set of choices.

    ``round\\s+of\\s+(?:16|sixteen)`` gives ({"round"}, {"of"}, {"16", "sixteen"}). Parts that are
    not plain literals (classes, optional groups, look-arounds) add nothing: the gate may let a
    text through that cannot match, never the other way round. Empty when unknown.
    """
    try:
        c = importlib.import_module("re._constants")
        tree = importlib.import_module("re._parser").parse(source, re.IGNORECASE)
        return tuple(_required(list(tree), c))
    except Exception:  # the private parser changed: no gate, same matches
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
