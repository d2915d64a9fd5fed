"""The regular expressions and word lists of one language data section, compiled once per language.

Shared by the staff, stats and quotes components (with :mod:`tabellino.extract.nearby`): each reads
the section of the language data it owns.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator, Sequence

from tabellino.lang import LanguageData, anchors
from tabellino.lang.prefilter import compile_scanning, may_match

__all__ = ["LangPatterns", "role_is"]

_NEVER = re.compile(r"(?!x)x")
_CANONICAL_ROLES = {"coaches": {"coach", "manager", "head coach"}, "referee": {"referee"}}
_CACHE: weakref.WeakKeyDictionary[LanguageData, dict[str, LangPatterns]] = weakref.WeakKeyDictionary()


class LangPatterns:
    """The regular expressions and word lists of one language data section, compiled once."""

    def __init__(self, lang: LanguageData, section: str) -> None:
        self.lang = lang
        self.section = section
        self._unions: dict[str, re.Pattern[str]] = {}
        words = self.words("articles") + self.words("prepositions")
        self._link = re.compile(rf"(?:\s|[,:]|['’]s?(?!\w)|{_word_alt(words)})*")
        self._prep = re.compile(rf"\s*{_word_alt(self.words('prepositions'))}\s*")
        gap_words = self.words("act_gap_words")
        self._gap_words = re.compile(rf"\s+(?:{_word_alt(gap_words)}\s+)?" if gap_words else r"\s+")

    @classmethod
    def of(cls, lang: LanguageData, section: str) -> LangPatterns:
        """Return the compiled patterns of ``section`` for ``lang`` (built once per process)."""
        per_lang = _CACHE.get(lang)
        if per_lang is None:
            per_lang = _CACHE[lang] = {}
        found = per_lang.get(section)
        if found is None:
            found = per_lang[section] = cls(lang, section)
        return found

    def words(self, key: str) -> list[str]:
        """Return the word list ``key`` of this section."""
        return self.lang.words(self.section, key)

    def has(self, key: str) -> bool:
        """Return whether the section has any ``<key>_patterns`` (else ``get(key)`` never matches)."""
        return self.get(key) is not _NEVER

    def get(self, key: str) -> re.Pattern[str]:
        """Return one regex matching any of the ``<key>_patterns`` (never matching when none)."""
        if key not in self._unions:
            pats = self.lang.patterns(self.section, f"{key}_patterns")
            joined = "|".join(f"(?:{p.pattern})" for p in pats)
            self._unions[key] = compile_scanning(joined) if joined else _NEVER
        return self._unions[key]

    def scan(self, key: str, text: str) -> Iterator[re.Match[str]]:
        """Yield the matches of ``get(key)`` in ``text``; no scan when the text lacks their words."""
        return anchors.finditer(self.get(key), text) if self._may_match(key, text) else iter(())

    def scan_named(self, keys: Sequence[str], text: str) -> Iterator[re.Match[str]]:
        """Yield the matches of ``get_named(keys)`` in ``text``; no scan when the text lacks their words.

        Every pattern lists the literals its matches must contain (lang/prefilter.py); a text that
        holds those of none of them is not scanned at all.
        """
        if not any(self._may_match(key, text) for key in keys):
            return iter(())
        return anchors.finditer(self.get_named(keys), text)

    def _may_match(self, key: str, text: str) -> bool:
        """Return whether ``text`` holds the literals of at least one ``<key>_patterns`` regex."""
        return any(may_match(p, text) for p in self.lang.patterns(self.section, f"{key}_patterns"))

    def get_named(self, keys: Sequence[str]) -> re.Pattern[str]:
        """Return one regex with a named group per key; earlier keys win at the same position."""
        union_key = "|".join(keys)
        if union_key not in self._unions:
            parts = [f"(?P<{k}>{self.get(k).pattern})" for k in keys if self.get(k) is not _NEVER]
            self._unions[union_key] = re.compile("|".join(parts), re.IGNORECASE) if parts else _NEVER
        return self._unions[union_key]

    def get_tail(self, key: str) -> re.Pattern[str]:
        """Return ``get(key)`` anchored to the end of the searched range (use with ``endpos``)."""
        tail_key = f"{key}$"
        if tail_key not in self._unions:
            base = self.get(key)
            self._unions[tail_key] = (
                re.compile(rf"(?:{base.pattern})\s*$", re.IGNORECASE) if base is not _NEVER else _NEVER
            )
        return self._unions[tail_key]

    def ends_with_key(self, text: str, pos: int, key: str) -> bool:
        """Return whether the text before ``pos`` ends with a ``key`` pattern and maybe an article."""
        tail_key = f"{key}+article$"
        if tail_key not in self._unions:
            arts = _word_alt(self.words("articles"))
            pattern = rf"(?:{self.get(key).pattern})\s*(?:{arts}\s*)?$"
            self._unions[tail_key] = re.compile(pattern, re.IGNORECASE)
        return self._unions[tail_key].search(text, max(0, pos - 40), pos) is not None

    def excluded_before(self, text: str, pos: int) -> bool:
        """Return whether a role word at ``pos`` is somebody else's role ("assistant manager")."""
        return self.get("role_exclude").search(text, max(0, pos - 40), pos) is not None

    def link_gap(self, gap: str) -> bool:
        """Return whether ``gap`` holds only articles, prepositions, commas and possessive marks."""
        return self._link.fullmatch(gap) is not None

    def prep_gap(self, gap: str) -> bool:
        """Return whether ``gap`` is a preposition ("of", "della") linking a role to a club."""
        return self._prep.fullmatch(gap) is not None

    def ends_with_word(self, before: str, key: str) -> bool:
        """Return whether ``before`` ends with one of the words of list ``key``."""
        return self._word_regex(key, tail=True).search(before) is not None

    def word_start_before(self, text: str, pos: int, key: str) -> int:
        """Return where a word of list ``key`` ending just before ``pos`` starts (``pos`` if none)."""
        m = self._word_regex(key, tail=True).search(text, max(0, pos - 20), pos)
        return m.start() if m else pos

    def has_word(self, text: str, key: str) -> bool:
        """Return whether ``text`` contains one of the words of list ``key``."""
        return self._word_regex(key, tail=False).search(text) is not None

    def _word_regex(self, key: str, tail: bool) -> re.Pattern[str]:
        """Return the regex of any word of list ``key`` (at the end of the text when ``tail``)."""
        cache_key = f"words:{key}:{tail}"
        if cache_key not in self._unions:
            alt = _word_alt(self.words(key))
            self._unions[cache_key] = re.compile(alt + (r"\s*$" if tail else ""), re.IGNORECASE)
        return self._unions[cache_key]

    def after_gap_words(self, keys: tuple[str, ...]) -> re.Pattern[str]:
        """Return the regex of the gap :meth:`skip_gap_words` skips, then the first key that matches.

        Each key's patterns form a group named after the key; the gap is taken as
        :meth:`skip_gap_words` takes it (an atomic group: no shorter gap is tried).
        """
        union_key = "gap+" + "|".join(keys)
        if union_key not in self._unions:
            alts = "|".join(f"(?P<{k}>{self.get(k).pattern})" for k in keys)
            source = f"(?>(?:{self._gap_words.pattern})?)(?:{alts})"
            self._unions[union_key] = re.compile(source, re.IGNORECASE)
        return self._unions[union_key]

    def skip_gap_words(self, text: str, pos: int) -> int:
        """Return the position after the white space and optional adverb that follow ``pos``."""
        m = self._gap_words.match(text, pos)
        return m.end() if m else pos


def _word_alt(words: Sequence[str]) -> str:
    """Return a regex alternation of whole words (words ending in an apostrophe need no boundary)."""
    if not words:
        return "(?!x)x"
    parts = sorted((re.escape(w) + ("" if w[-1] in "'’" else r"(?!\w)") for w in words), key=len)
    return r"(?i:(?<!\w)(?:" + "|".join(reversed(parts)) + "))"


def role_is(pats: LangPatterns, role: str) -> bool:
    """Return whether a learned role string names this section's role (coach, referee)."""
    canonical = _CANONICAL_ROLES.get(pats.section, set())
    return role.lower() in canonical or pats.get("role").search(role) is not None
