"""Whole-line rules of page chrome: one case-insensitive regex, a smaller one per first character.

The rules regex (one named group per kind of line) is case-insensitive, so the engine enters every
alternative of it at the start of every line: no alternative is skipped by its first character.
A line's first character rules most of them out, so each line is matched with the regex holding
only the alternatives that can start with it, with the same match. Those regexes are built with the
rules for the characters the alternatives are known to start with (one per set of alternatives),
and on first use for any other character.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tabellino.lang.prefilter import first_characters

__all__ = ["LineKind", "LineRules"]

_NEVER = r"(?!x)x"
_MAX_CHARS = 4096
"""At most this many first characters get a regex of their own; a line starting otherwise uses the
whole regex (bounds the memory an unusual text can take)."""


@dataclass(frozen=True)
class LineKind:
    """One kind of chrome line: alternatives a match starts with, then what follows them."""

    name: str
    leads: tuple[str, ...]
    after: str = ""

    def regex(self, leads: Sequence[str]) -> str:
        """Return this kind's regex with only the given leading alternatives."""
        either = "|".join(f"(?:{p})" for p in leads) or _NEVER
        return f"(?:{either}){self.after}"


def _body(kinds: Sequence[tuple[LineKind, Sequence[str]]]) -> re.Pattern[str]:
    """Compile the whole-line regex of the kinds, each with the given leading alternatives."""
    body = "|".join(f"(?P<{kind.name}>{kind.regex(leads)})" for kind, leads in kinds) or _NEVER
    return re.compile(rf"\s*(?:{body})\s*", re.IGNORECASE)


def _first_class(source: str) -> re.Pattern[str] | None:
    """Return the class of the characters a match of ``source`` starts with (None: any may start one).

    It is compiled case-insensitive like the rules, so it holds every character the engine would
    match; an alternative that may start with white space may start in a line's indentation.
    """
    chars = first_characters(source)
    if chars is None or any(ch.isspace() for ch in chars):
        return None
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]", re.IGNORECASE)


class LineRules:
    """The whole-line regex of some kinds of chrome lines, matched by a line's first character."""

    def __init__(self, kinds: Sequence[LineKind]) -> None:
        self.kinds = tuple(kinds)
        self.whole = _body([(kind, kind.leads) for kind in self.kinds])
        # A group of a pattern's own would be renumbered (and its back-references broken) when
        # the alternatives before it are left out: such rules always use the whole regex.
        self._dispatch = self.whole.groups == len(self.kinds)
        self._classes = [[_first_class(p) for p in kind.leads] for kind in self.kinds]
        self._by_char: dict[str, re.Pattern[str] | None] = {}
        self._by_leads: dict[tuple[tuple[int, ...], ...], re.Pattern[str] | None] = {}
        if self._dispatch:
            # Built with the rules (once per language), not while the first articles are read.
            for first in sorted(self._listed_firsts()):
                self._for(first)

    def fullmatch(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """Return the match of the rules with the whole line ``text[start:end]`` (not blank), or None."""
        if not self._dispatch:
            return self.whole.fullmatch(text, start, end)
        first = text[start:end].lstrip()[:1]
        if first in self._by_char:
            regex = self._by_char[first]
        else:
            regex = self._for(first) if len(self._by_char) < _MAX_CHARS else self.whole
        return regex.fullmatch(text, start, end) if regex is not None else None

    def _listed_firsts(self) -> set[str]:
        """Return the characters the alternatives are known to start with, in either case."""
        out: set[str] = set()
        for kind in self.kinds:
            for lead in kind.leads:
                for ch in first_characters(lead) or ():
                    out |= {ch, *(c for c in (ch.lower(), ch.upper()) if len(c) == 1)}
        return out

    def _for(self, first: str) -> re.Pattern[str] | None:
        """Return (and remember) the regex of the alternatives that can start with ``first`` (None: none)."""
        key = tuple(
            tuple(i for i, c in enumerate(classes) if c is None or c.match(first))
            for classes in self._classes
        )
        if key not in self._by_leads:
            kept = [(kind, [kind.leads[i] for i in keep]) for kind, keep in zip(self.kinds, key, strict=True)]
            kept = [(kind, leads) for kind, leads in kept if leads]
            self._by_leads[key] = _body(kept) if kept else None
        regex = self._by_char[first] = self._by_leads[key]
        return regex
