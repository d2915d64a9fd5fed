"""One Aho-Corasick automaton over every name the knowledge base knows, and the scan of a text.

The text is matched on a folded copy of the same length (accents and case removed, punctuation
turned into spaces) padded with a space at each end; every key is `` name `` with a space on both
sides, so a hit is always a whole-word match and "Atalanta's" or "dell'Inter" match like plain
words. Each hit is then checked against the original text: names must be capitalised, aliases that
are ordinary words of the text's language may not open a sentence, acronyms must match exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

import ahocorasick

from tabellino.kb.assemble import MAIN_COUNTRIES, Alias, Facts
from tabellino.kb.fold import fold, key
from tabellino.kb.layer import LangAliases

__all__ = ["CATEGORIES", "CITY", "CLUB", "COMPETITION", "VENUE", "Entry", "Gazetteer", "Hit", "match_fold"]

CLUB, COMPETITION, VENUE, CITY = 0, 1, 2, 3
CATEGORIES = (CLUB, COMPETITION, VENUE, CITY)
ANY, UPPER, EXACT, LOWER = 0, 1, 2, 3
_SENTENCE_OPENERS = "\"'“”‘’«»„‚‹›([{¿¡*•▪·-–—|"
_SENTENCE_ENDS = ".!?:;…"


def _match_char(ch: str) -> str:
    """Return the matching form of one character: folded, or a space when it is no letter/digit."""
    folded = fold(ch)
    return folded if (folded.isalnum() or folded == "&") else " "


@cache
def _match_table() -> dict[int, str]:
    """Return the translate table of the non-ASCII characters (Latin, Greek, Cyrillic, punctuation)."""
    return {
        code: _match_char(chr(code)) for code in range(0x80, 0x3000) if _match_char(chr(code)) != chr(code)
    }


# ASCII: lower-case letters and digits stay, everything else becomes a space.
_ASCII_TABLE = {c: " " for c in range(0x80) if not (chr(c).isalnum() or chr(c) == "&")}
# The same for bytes, lower-casing on the way; "?" (the encoder's mark of a non-ASCII character)
# is punctuation too.
_ASCII_BYTES = bytes(
    ord(chr(c).lower()) if c >= 0x80 or chr(c).isalnum() or chr(c) == "&" else 0x20 for c in range(256)
)
_QUESTION = ord("?")


def match_fold(text: str) -> str:
    """Return the matching copy of ``text``: folded, punctuation as spaces, same length.

    Long texts go through bytes: one encode marks each non-ASCII character with "?", one bytes
    translate lower-cases and blanks the ASCII, and only the few non-ASCII characters are folded
    one by one; a per-character table or regex over a whole article is several times slower.
    """
    if "İ" in text:
        text = text.replace("İ", "I")  # the one character whose lower case is two characters long
    if len(text) < 200:
        return text.lower().translate(_combined_table())  # names: one pass is fastest
    if "Σ" in text:
        text = text.lower()  # the lower case of a capital sigma depends on its place in the word
    marked = text.encode("ascii", "replace")
    ascii_form = marked.translate(_ASCII_BYTES).decode("ascii")
    return ascii_form if text.isascii() else _fold_non_ascii(text, marked, ascii_form)


def _fold_non_ascii(text: str, marked: bytes, ascii_form: str) -> str:
    """Return ``ascii_form`` with the non-ASCII characters of ``text`` (marked "?") folded back in."""
    pieces: list[str] = []
    last = 0
    i = marked.find(_QUESTION)
    while i >= 0:
        ch = text[i]
        if ch != "?":
            pieces.append(ascii_form[last:i])
            pieces.append(_match_lower(ch))
            last = i + 1
        i = marked.find(_QUESTION, i + 1)
    pieces.append(ascii_form[last:])
    return "".join(pieces)


@lru_cache(maxsize=4096)
def _match_lower(ch: str) -> str:
    """Return the matching form of one character: lower-cased, then as :func:`_match_char` gives it."""
    return ch.lower().translate(_combined_table())


@cache
def _combined_table() -> dict[int, str]:
    """Return the ASCII and non-ASCII tables in one (same result as the three-pass fold)."""
    return {**_ASCII_TABLE, **_match_table()}


@dataclass(frozen=True, slots=True)
class Entry:
    """What one key stands for: a target of one category, with the checks a hit must pass."""

    category: int
    target: str
    kind: str
    case: int
    lang: str | None
    caps: tuple[bool, ...] = ()
    skip: int = 0
    trim: int = 0
    stop_in: frozenset[str] = frozenset()
    blocked_in: frozenset[str] = frozenset()


class Hit(NamedTuple):
    """A checked match: span in the original text and the entries it stands for.

    A named tuple, not a frozen dataclass: dozens are made per text, and a tuple is made faster.
    """

    start: int
    end: int
    entries: tuple[Entry, ...]


def _caps(text: str) -> tuple[bool, ...]:
    """Return the upper-case pattern of the letters of ``text``."""
    return tuple(c.isupper() for c in text if c.isalpha())


def _norm(text: str) -> str:
    """Return the matching form of a name with single spaces (the key of the stop lists)."""
    return " ".join(match_fold(text).split())


class _Settings:
    """Per-language word lists the scan needs, folded once."""

    def __init__(self, languages: dict[str, LangAliases]) -> None:
        self.articles = {c: {fold(a) for a in lang.articles} for c, lang in languages.items()}
        self.lower = {_norm(w) for lang in languages.values() for w in lang.lower_words}
        self.venue_words = {
            fold(w) for lang in languages.values() for w in lang.lower_words if "stad" in fold(w)
        }
        self.locatives = {c: {fold(w) for w in lang.locatives} for c, lang in languages.items()}
        self.stop = _index({c: lang.stopwords for c, lang in languages.items()})
        self.blocked = _index({c: lang.blocked for c, lang in languages.items()})
        self.suffixes = {c: lang.suffixes for c, lang in languages.items()}


class Gazetteer:
    """The compiled automaton and the per-hit checks."""

    def __init__(self, facts: Facts, languages: dict[str, LangAliases]) -> None:
        self.settings = _Settings(languages)
        self._keys: dict[str, list[Entry]] = {}
        groups = (
            (CLUB, facts.club_aliases),
            (COMPETITION, facts.competition_aliases),
            (VENUE, facts.venue_aliases),
            (CITY, facts.city_aliases),
        )
        blocked = _foreign_city_names(facts)
        # Genitive forms ("Dortmunds") only for the clubs German-language press writes about.
        self._genitive = {c.id for c in facts.clubs.values() if c.top or c.country in ("de", "at", "ch")}
        for category, aliases in groups:
            for alias in aliases:
                if category == CLUB and (key(alias.text), alias.target) in blocked:
                    continue
                self._add(category, alias)
        self.automaton = ahocorasick.Automaton()
        for k, entries in self._keys.items():
            ordered = (
                tuple(entries) if len(entries) == 1 else tuple(sorted(entries, key=lambda e: e.category))
            )
            # A key with checks beyond a capital first letter gets a per-language plan, filled on use.
            plans: dict[str | None, _Plan] | None = None if all(map(_simple, ordered)) else {}
            self.automaton.add_word(k, (len(k), ordered, plans))
        self.automaton.make_automaton()
        self._scoped = {e.lang for bucket in self._keys.values() for e in bucket if e.lang}
        self._scoped.update(c for bucket in self._keys.values() for e in bucket for c in e.stop_in)
        self._scoped.update(c for bucket in self._keys.values() for e in bucket for c in e.blocked_in)

    def _add(self, category: int, alias: Alias) -> None:
        """Register an alias (and its spelling variants) under its matching key."""
        text = self._strip_article(alias)
        norm = _norm(text)
        if len(norm.replace(" ", "")) < 2:
            return
        entry = self._entry(category, alias, text, norm)
        for variant in _variants(text):
            self._put(variant, entry)
        if (
            category == CLUB
            and entry.kind == "name"
            and alias.target in self._genitive
            and text[-1:].isalpha()
            and not text.endswith(("s", "x", "z"))
        ):
            # German genitive: "Dortmunds Trainer" names Dortmund; the "s" stays out of the span.
            for code, suffixes in self.settings.suffixes.items():
                if alias.lang in (None, code):
                    for suffix in suffixes:
                        self._put(text + suffix, _with_trim(entry, len(suffix), code))

    def _strip_article(self, alias: Alias) -> str:
        """Drop a leading article from a nickname ("la Dea" -> "Dea", "the Gunners" -> "Gunners")."""
        text = alias.text
        if alias.kind == "name" or alias.lang is None:
            return text
        words = text.split(" ", 1)
        articles = self.settings.articles.get(alias.lang, set())
        if len(words) == 2 and fold(words[0]) in articles:
            return words[1]
        for art in articles:
            if art.endswith("'") and fold(text).startswith(art) and len(text) > len(art) + 2:
                return text[len(art) :]
        return text

    def _entry(self, category: int, alias: Alias, text: str, norm: str) -> Entry:
        """Return the entry of an alias with its case rule."""
        stop_in = self.settings.stop.get(norm, _NONE)
        if text.upper() == text or len(norm.replace(" ", "")) < 4:
            case = EXACT  # acronyms ("PSV", "OM") and very short names must match letter case
        elif alias.kind != "name" and text[:1].islower() and not stop_in:
            # A lower-case demonym must stay lower case: "baresi" the fans, not Baresi the player.
            case = LOWER if alias.kind == "demonym" else ANY
        else:
            case = UPPER
        words = norm.split()
        skip = 0
        while skip < len(words) - 1 and words[skip] in self.settings.lower:
            skip += 1
        blocked_in = _NONE if category in (COMPETITION, VENUE) else self.settings.blocked.get(norm, _NONE)
        caps = _caps(text) if case == EXACT else ()
        return Entry(category, alias.target, alias.kind, case, alias.lang, caps, skip, 0, stop_in, blocked_in)

    def _put(self, text: str, entry: Entry) -> None:
        """Store an entry under the matching key of ``text``."""
        folded = match_fold(text).strip()
        k = " " + folded + " "
        if folded:
            bucket = self._keys.setdefault(k, [])
            if entry not in bucket:
                bucket.append(entry)

    def scan(self, text: str, language: str) -> list[Hit]:
        """Return every checked hit in ``text`` (overlapping; selection is the caller's)."""
        padded = " " + match_fold(text) + " "
        hits: list[Hit] = []
        # Languages no entry names behave alike: they share one plan per key.
        scope = language if language in self._scoped else None
        for end, (length, entries, plans) in self.automaton.iter(padded):
            start = end - length + 1
            if plans is not None:
                plan = plans.get(scope)
                if plan is None:
                    plan = plans[scope] = _plan(entries, language)
                entries = plan.entries
                if not plan.simple:
                    if entries:
                        _add_checked(hits, plan, text, padded, start, end - 1, language)
                    continue
            # The common case: capitalised names valid in the language, no other check.
            first = text[start]
            if first.isupper() or first.isdigit():
                hits.append(Hit(start, end - 1, entries))
        return hits

    def locative_before(self, text: str, start: int, language: str) -> bool:
        """Return True when the word before ``start`` is a locative preposition ("in", "a", "à")."""
        words = fold(text[max(0, start - 12) : start]).split()
        return bool(words) and words[-1].strip("'’") in self.settings.locatives.get(language, set())

    def venue_prefix(self, text: str, start: int) -> int:
        """Return the start of a stadium word ("stade", "stadio") right before ``start``, else ``start``."""
        m = _LAST_WORD.search(text[max(0, start - 12) : start])
        if m and fold(m.group(1)) in self.settings.venue_words:
            return start - len(m.group(0))
        return start


_NONE: frozenset[str] = frozenset()
_LAST_WORD = re.compile(r"(\w+)\s+$")


def _simple(e: Entry) -> bool:
    """Return True for an entry whose only check is a capital first letter."""
    return (
        e.lang is None
        and e.case == UPPER
        and e.skip == 0
        and e.trim == 0
        and not e.stop_in
        and not e.blocked_in
    )


@dataclass(frozen=True, slots=True)
class _Plan:
    """The checks of one key in one language: the entries in scope and what else a hit needs."""

    entries: tuple[Entry, ...]
    simple: bool  # only a capital (or digit) first letter
    stop: bool  # some entry may not open a sentence
    trims: bool  # some entry leaves a suffix out of the span


def _plan(entries: tuple[Entry, ...], language: str) -> _Plan:
    """Return the plan of a key's entries in ``language`` (those of other languages dropped)."""
    kept = tuple(
        e for e in entries if (e.lang is None or e.lang == language) and language not in e.blocked_in
    )
    stop = any(language in e.stop_in for e in kept)
    trims = any(e.trim for e in kept)
    simple = bool(kept) and not stop and not trims and all(e.case == UPPER and e.skip == 0 for e in kept)
    return _Plan(kept, simple, stop, trims)


def _add_checked(
    hits: list[Hit], plan: _Plan, text: str, padded: str, start: int, end: int, language: str
) -> None:
    """Append the hits of one match whose entries pass their case rules (one per suffix length)."""
    ok = tuple(e for e in plan.entries if _passes(e, text, padded, start, end))
    if not ok:
        return
    if plan.stop and any(language in e.stop_in for e in ok) and _sentence_initial(text, start):
        return
    if not plan.trims:
        hits.append(Hit(start, end, ok))
        return
    for trim in sorted({e.trim for e in ok}):
        hits.append(Hit(start, end - trim, tuple(e for e in ok if e.trim == trim)))


def _passes(e: Entry, text: str, padded: str, start: int, end: int) -> bool:
    """Return True when a hit passes the entry's case rule."""
    if e.case == ANY:
        return True
    span = text[start : end - e.trim]
    if e.case == LOWER:
        return span[:1].islower()
    if e.case == EXACT:
        return _caps(span) == e.caps
    return _capitalised(span, padded, start, e.skip)


def _index(words: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Return matching form -> the languages whose list has it."""
    out: dict[str, set[str]] = {}
    for code, items in words.items():
        for w in items:
            out.setdefault(_norm(w), set()).add(code)
    return {k: frozenset(v) for k, v in out.items()}


def _with_trim(entry: Entry, trim: int, lang: str | None = None) -> Entry:
    """Return a copy of ``entry`` for a suffixed spelling whose suffix is not part of the span."""
    lang = lang or entry.lang
    return Entry(
        entry.category,
        entry.target,
        entry.kind,
        entry.case,
        lang,
        entry.caps,
        entry.skip,
        trim,
        entry.stop_in,
        entry.blocked_in,
    )


def _variants(text: str) -> Iterator[str]:
    """Yield a name and its usual spelling variants (no dots, ss for ß)."""
    yield text
    if "." in text:
        yield " ".join(text.replace(".", " ").split())
        yield " ".join(text.replace(". ", ".").split())
    if "ß" in text:
        yield text.replace("ß", "ss")


def _capitalised(span: str, padded: str, start: int, skip: int) -> bool:
    """Return True when one of the first ``skip + 1`` words of the span starts upper-case or a digit."""
    seen = 0
    for i, ch in enumerate(span):
        # padded[start + 1 + i] is the folded span[i]; a word starts after a space.
        if padded[start + i] == " " and padded[start + 1 + i] != " ":
            if ch.isupper() or ch.isdigit():
                return True
            seen += 1
            if seen > skip:
                return False
    return False


def _sentence_initial(text: str, start: int) -> bool:
    """Return True when ``start`` opens a sentence or a line."""
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in _SENTENCE_OPENERS):
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


def _foreign_city_names(facts: Facts) -> set[tuple[str, str]]:
    """Return (name key, club id) pairs where a minor club's name is another country's big city.

    "Milano" is also the name of a small Macedonian club; in text it is the city of Milan. A club
    alias equal to a club home city of a different country is dropped unless the club is top-flight
    or from one of the main football countries.
    """
    cities: dict[str, set[str]] = {}
    for city, ids in facts.cities.items():
        cities.setdefault(key(city), set()).update(facts.clubs[i].country for i in ids)
    blocked: set[tuple[str, str]] = set()
    for alias in facts.club_aliases:
        k = key(alias.text)
        club = facts.clubs[alias.target]
        minor = not club.top and club.country not in MAIN_COUNTRIES
        if k in cities and minor and club.country not in cities[k] and alias.lang is None:
            blocked.add((k, club.id))
    return blocked


def iter_selected(hits: Iterable[Hit], size: int) -> list[Hit]:
    """Return the longest non-overlapping hits, longest first then leftmost, sorted by start."""
    taken = bytearray(size + 1)
    chosen: list[Hit] = []
    for hit in sorted(hits, key=_longest_first):
        start, end = hit.start, hit.end
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(hit)
    chosen.sort(key=_start)
    return chosen


def _longest_first(hit: Hit) -> tuple[int, int]:
    """Return the selection order of a hit: longest first, then leftmost."""
    return (hit.start - hit.end, hit.start)


_start = attrgetter("start")
