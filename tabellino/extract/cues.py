"""Find the phrases of the language data in a text: every phrase list of a language in one scan.

A phrase list is a ``section.key`` of a language file: a list of phrases, or a table whose keys are
phrases ("doppietta" = 2), optionally extended by regexes under ``section.<key>_patterns``.
Phrases match as whole words, case-insensitively, with one white space character (a line break
counts) between their words. All the
lists a language's extractors ask for share one Aho-Corasick automaton, so an article is scanned once
for all of them, and the hits of a long text are kept while the extractors put their many small range
queries to it.

Within one list the hits follow regex alternation: leftmost first, the longest phrase at a position,
never overlapping.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from tabellino.lang import LanguageData, anchors

__all__ = ["Cue", "ends_with_cue", "find_cues", "is_only_cue", "phrases", "starts_with_cue"]

_SCAN_ONCE = 400
"""Texts at least this long are scanned once and their hits kept (the article); shorter ones are
phrases and clauses, whose hits are remembered by their text (the same phrases recur in every article)."""

_SHORT_KEPT = 4096
"""How many short texts' hits are remembered before the memory is emptied and filled again."""


class Cue:
    """One phrase found in a text: match-like, with the ``start()``, ``end()`` and ``group()`` of re.Match."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        """Return the offset of the phrase's first character."""
        return self._start

    def end(self) -> int:
        """Return the offset just past the phrase."""
        return self._end

    def group(self) -> str:
        """Return the phrase as written in the text."""
        return self._text[self._start : self._end]

    def __repr__(self) -> str:
        return f"Cue({self.group()!r}, {self._start}, {self._end})"


def phrases(lang: LanguageData, section: str, key: str) -> list[str]:
    """Return the phrases of ``section.key``: its list, or the keys of its table."""
    return lang.words(section, key) or list(lang.mapping(section, key))


_ListHits = tuple[list[int], list[int], list[Cue]]
"""The hits of one list in one text: their starts, their ends and the cues, all in text order.

The hits of a list never overlap, so their ends are sorted like their starts."""


@dataclass(slots=True)
class _Hits:
    """The hits of one text, per phrase list: (starts, ends, cues), sorted."""

    text: str
    lists: dict[int, _ListHits] = field(default_factory=dict)


class _CueIndex:
    """One language's phrase lists in one automaton; lists are added the first time they are asked for."""

    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self.ids: dict[tuple[str, str], int] = {}
        self.automaton: ahocorasick.Automaton | None = None
        self.singles: _Singles = (None, {})
        self.companions: list[tuple[int, re.Pattern[str]]] | None = None
        self.last: _Hits | None = None
        self.short: dict[str, dict[int, _ListHits]] = {}

    def list_id(self, section: str, key: str) -> int:
        """Return the number of phrase list ``section.key``, adding it to the automaton when new."""
        found = self.ids.get((section, key))
        if found is None:
            found = self.ids[(section, key)] = len(self.ids)
            self.automaton = self.companions = None
            self.last = None
            self.short = {}
        return found

    def hits(self, text: str, list_id: int) -> _ListHits:
        """Return (starts, ends, cues) of one list in ``text``; a long text's hits are kept for later."""
        if len(text) < _SCAN_ONCE:
            return self._short_hits(text).get(list_id, _NO_HITS)
        if self.last is None or self.last.text is not text:
            self.last = _Hits(text, self._scan(text))
        return self.last.lists.get(list_id, _NO_HITS)

    def _short_hits(self, text: str) -> dict[int, _ListHits]:
        """Return the hits of every list in a short text, remembered by the text."""
        found = self.short.get(text)
        if found is None:
            if len(self.short) >= _SHORT_KEPT:
                self.short = {}
            found = self.short[text] = self._scan(text)
        return found

    def _scan(self, text: str) -> dict[int, _ListHits]:
        """Scan ``text`` once and return the hits of every list, resolved like regex alternation."""
        # A span is kept as (start, -end): sorted as they are, the longest of a start comes first.
        raw: dict[int, list[tuple[int, int]]] = {}
        automaton = self._automaton()
        folded = _fold(text)
        if automaton.kind == ahocorasick.AHOCORASICK:  # else no list asked for has a phrase
            size = len(text)
            for last, (length, ids) in automaton.iter(folded):
                start = last - length + 1
                # whole words only: no word character (letter, digit, underscore) on either side
                if start and ((c := text[start - 1]).isalnum() or c == "_"):
                    continue
                if last + 1 < size and ((c := text[last + 1]).isalnum() or c == "_"):
                    continue
                span = (start, -last - 1)
                for list_id in ids:
                    spans = raw.get(list_id)
                    if spans is None:
                        raw[list_id] = [span]
                    else:
                        spans.append(span)
        single, owners = self.singles
        if single is not None:
            for m in single.finditer(folded):
                span = (m.start(), -m.end())
                for list_id in owners[m.group()]:
                    raw.setdefault(list_id, []).append(span)
        for list_id, pattern in self._companions():
            found = [(m.start(), -m.end()) for m in anchors.finditer(pattern, text) if m.end() > m.start()]
            raw.setdefault(list_id, []).extend(found)
        return {list_id: _resolve(text, spans) for list_id, spans in raw.items() if spans}

    def _companions(self) -> list[tuple[int, re.Pattern[str]]]:
        """Return the regexes that extend phrase lists: ``<key>_patterns`` beside ``<key>``.

        They say what a list of fixed phrases cannot: a verb split from its particle ("opende ... de
        score", "glich ... aus"), a goal named by its score ("de 2-1"). Gathered once per set of lists.
        """
        if self.companions is None:
            self.companions = [
                (list_id, pattern)
                for (section, key), list_id in self.ids.items()
                for pattern in self.lang.patterns(section, f"{key}_patterns")
            ]
        return self.companions

    def _automaton(self) -> ahocorasick.Automaton:
        """Return the automaton over every phrase of every list asked for so far (one-character ones aside).

        A phrase of one character ("e", Italian "and") is written inside most words: the automaton
        would report it hundreds of times an article only for the whole-word test to drop them. Those are
        found by one regex instead (see :data:`_Singles`).
        """
        if self.automaton is None:
            owners: dict[str, set[int]] = {}
            for (section, key), list_id in self.ids.items():
                for phrase in phrases(self.lang, section, key):
                    folded = " ".join(_fold(phrase).split())
                    if folded:
                        owners.setdefault(folded, set()).add(list_id)
            automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
            singles: dict[str, tuple[int, ...]] = {}
            for phrase, ids in owners.items():
                if len(phrase) == 1:
                    singles[phrase] = tuple(sorted(ids))
                else:
                    automaton.add_word(phrase, (len(phrase), tuple(sorted(ids))))
            if len(automaton):
                automaton.make_automaton()
            self.automaton = automaton
            self.singles = (_single_pattern(singles), singles)
        return self.automaton


_Singles = tuple[re.Pattern[str] | None, dict[str, tuple[int, ...]]]
r"""The phrases of one character: a regex finding them as whole words in folded text, and their lists.

The folded text keeps every character's word-ness (lower-casing never turns a word character into
another kind), so ``\w`` around a match in it says what the whole-word test says in the text."""


def _single_pattern(singles: dict[str, tuple[int, ...]]) -> re.Pattern[str] | None:
    """Return a regex matching any of the one-character phrases as a whole word (None: there are none)."""
    if not singles:
        return None
    chars = "".join(re.escape(c) for c in sorted(singles))
    # the class first, so that the engine skips to its characters; then no word character on either side
    return re.compile(rf"[{chars}](?<!\w.)(?!\w)", re.DOTALL)


def _resolve(text: str, spans: list[tuple[int, int]]) -> _ListHits:
    """Keep the leftmost, then longest, non-overlapping (start, -end) spans, as a regex alternation would."""
    spans.sort()
    starts: list[int] = []
    ends: list[int] = []
    cues: list[Cue] = []
    end = -1
    for s, minus_e in spans:
        if s >= end:
            end = -minus_e
            starts.append(s)
            ends.append(end)
            cues.append(Cue(text, s, end))
    return starts, ends, cues


_SPACES = "\t\n\r\f\v\u00a0\u2009\u202f\u2007\u200a\u3000\u2002\u2003"


def _fold(text: str) -> str:
    """Return ``text`` lower-cased with every white space character a space, character for character."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # str.replace per space character: far cheaper than translate, and most are absent
    for space in _SPACES:
        if space in low:
            low = low.replace(space, " ")
    return low


@cache
def _index(lang: LanguageData) -> _CueIndex:
    """Return the phrase index of a language (one per process)."""
    return _CueIndex(lang)


def find_cues(
    lang: LanguageData, section: str, key: str, text: str, start: int = 0, end: int = -1
) -> list[Cue]:
    """Return the phrases of ``section.key`` found in ``text[start:end]`` (offsets into ``text``).

    ``end`` defaults to the end of the text. A phrase must lie wholly inside the range.
    """
    index = _index(lang)
    list_id = index.ids.get((section, key))
    if list_id is None:
        list_id = index.list_id(section, key)
    last = index.last  # the common case, inlined: the long text scanned by the previous query
    found = last.lists.get(list_id, _NO_HITS) if last is not None and last.text is text else None
    starts, ends, cues = found if found is not None else index.hits(text, list_id)
    if not starts:
        return []
    lo = bisect.bisect_left(starts, start) if start > starts[0] else 0
    # hits never overlap, so those ending by the range's end are a prefix of the list
    hi = len(ends) if end < 0 or end >= ends[-1] else bisect.bisect_right(ends, end)
    return cues[lo:hi]


_NO_HITS: _ListHits = ([], [], [])


@cache
def _edge_pattern(lang: LanguageData, section: str, key: str, at_end: bool) -> re.Pattern[str] | None:
    """Return a regex matching a phrase of ``section.key`` at the start of a string, or reversed.

    A phrase at the end of a string is looked for at the start of the reversed string, with the
    phrases reversed: a match tried at one position instead of at every one.
    """
    words = sorted(set(phrases(lang, section, key)), key=len, reverse=True)
    if not words:
        return None
    if at_end:
        parts = [[re.escape(part[::-1]) for part in reversed(w.split())] for w in words]
        reversed_alternatives = "|".join(r"\s+".join(p) for p in parts)
        return re.compile(rf"[\s'’]*(?:{reversed_alternatives})(?![\w])", re.IGNORECASE)
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in words)
    return re.compile(rf"[\s(]*(?:{alternatives})(?![\w])", re.IGNORECASE)


def ends_with_cue(lang: LanguageData, section: str, key: str, text: str) -> bool:
    """Return whether ``text`` ends with one of the phrases ``section.key``."""
    pattern = _edge_pattern(lang, section, key, at_end=True)
    return bool(pattern and pattern.match(text[::-1]))


def starts_with_cue(lang: LanguageData, section: str, key: str, text: str) -> bool:
    """Return whether ``text`` starts with one of the phrases ``section.key``."""
    pattern = _edge_pattern(lang, section, key, at_end=False)
    return bool(pattern and pattern.match(text))


def is_only_cue(lang: LanguageData, section: str, key: str, text: str) -> bool:
    """Return whether ``text`` is, apart from white space, one of the phrases ``section.key`` ("and")."""
    return " ".join(text.split()).lower() in _phrase_set(lang, section, key)


@cache
def _phrase_set(lang: LanguageData, section: str, key: str) -> frozenset[str]:
    """Return the phrases of ``section.key`` lower-cased with single spaces."""
    return frozenset(" ".join(p.split()).lower() for p in phrases(lang, section, key))
