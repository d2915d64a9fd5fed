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
from functools import cache

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
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(m: re.Match[str]) -> str:
    """Return a run of non-ASCII characters in matching form."""
    return m.group().translate(_match_table())


def match_fold(text: str) -> str:
    """Return the matching copy of ``text``: folded, punctuation as spaces, same length.

    Done in three C-speed passes (lower-case, non-ASCII runs, ASCII punctuation) because a
    per-character table over a whole article is several times slower.
    """
    if "İ" in text:
        text = text.replace("İ", "I")  # the one character whose lower case is two characters long
    if len(text) < 200:
        return text.lower().translate(_combined_table())  # names: one pass is fastest
    low = _NON_ASCII.sub(_fold_run, text.lower())
    return low.translate(_ASCII_TABLE)


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


@dataclass(frozen=True, slots=True)
class Hit:
    """A checked match: span in the original text and the entries it stands for."""

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
            self.automaton.add_word(k, (len(k), ordered, all(map(_simple, ordered))))
        self.automaton.make_automaton()

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
        for end, (length, entries, simple) in self.automaton.iter(padded):
            start, stop_at = end - length + 1, end - 1
            if simple:
                # The common case: capitalised names valid in every language, no other check.
                first = text[start]
                if first.isupper() or first.isdigit():
                    hits.append(Hit(start, stop_at, entries))
                continue
            ok = tuple(e for e in entries if self._accept(e, text, padded, start, stop_at, language))
            if not ok:
                continue
            if any(language in e.stop_in for e in ok) and _sentence_initial(text, start):
                continue
            trimmed = {e.trim for e in ok}
            for trim in sorted(trimmed):
                hits.append(Hit(start, stop_at - trim, tuple(e for e in ok if e.trim == trim)))
        return hits

    def _accept(self, e: Entry, text: str, padded: str, start: int, end: int, language: str) -> bool:
        """Return True when a hit passes the entry's language scope and case rule."""
        if (e.lang is not None and e.lang != language) or language in e.blocked_in:
            return False
        if e.case == ANY:
            return True
        span = text[start : end - e.trim]
        if e.case == LOWER:
            return span[:1].islower()
        if e.case == EXACT:
            return _caps(span) == e.caps
        return _capitalised(span, padded, start, e.skip)

    def locative_before(self, text: str, start: int, language: str) -> bool:
        """Return True when the word before ``start`` is a locative preposition ("in", "a", "à")."""
        words = fold(text[max(0, start - 12) : start]).split()
        return bool(words) and words[-1].strip("'’") in self.settings.locatives.get(language, set())

    def venue_prefix(self, text: str, start: int) -> int:
        """Return the start of a stadium word ("stade", "stadio") right before ``start``, else ``start``."""
        m = re.search(r"(\w+)\s+$", text[max(0, start - 12) : start])
        if m and fold(m.group(1)) in self.settings.venue_words:
            return start - len(m.group(0))
        return start


_NONE: frozenset[str] = frozenset()


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
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if not any(taken[hit.start : hit.end]):
            taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)
