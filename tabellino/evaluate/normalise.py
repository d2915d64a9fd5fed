"""Normalising names and texts so that predictions and gold compare on what matters.

Team names go through the knowledge base when it resolves them (so "Man City" and "Manchester City"
are one team) and are folded otherwise; people compare by folded surname; quotes by their words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from tabellino.errors import DataFileError
from tabellino.kb import KnowledgeBase

__all__ = [
    "TeamKey",
    "fold",
    "fold_team",
    "kb_team_key",
    "quote_text",
    "surname",
    "venue_matches",
]

TeamKey = Callable[[str | None], str | None]

# Letters that Unicode does not decompose into a base letter plus accent.
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "đ": "d", "Đ": "d"}
    | {"ł": "l", "Ł": "l", "ı": "i", "þ": "th", "ð": "d"}
)
_NON_WORD = re.compile(r"[\W_]+")
_QUOTE_MARKS = re.compile(r"[\"'“”„‟«»‹›‘’‚‛`´]")
_SPACES = re.compile(r"\s+")
# Generational suffixes that one source writes and another drops ("Neymar Jr").
_SUFFIXES = frozenset({"jr", "junior", "sr", "senior", "ii", "iii"})


def fold(text: str) -> str:
    """Return ``text`` accent-folded, casefolded, with runs of punctuation and spaces as one space."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", bare.casefold()).strip()


def surname(name: str | None) -> str | None:
    """Return the folded last word of a person's name ("A. Mitrović" -> "mitrovic"), or None."""
    if name is None:
        return None
    words = fold(name).split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else None


def fold_team(name: str | None) -> str | None:
    """Return a team key from the folded name alone (no knowledge base)."""
    if name is None:
        return None
    return fold(name) or None


def kb_team_key(kb: KnowledgeBase | None = None) -> TeamKey:
    """Return a team-key function that uses the KB's club ids, falling back to folded names.

    Without a usable knowledge base (not built yet, or failing to load) names are only folded,
    which is stricter, never more lenient.
    """
    base = kb if kb is not None else _load_kb()
    cache: dict[str, str | None] = {}

    def key(name: str | None) -> str | None:
        if name is None:
            return None
        if name not in cache:
            cache[name] = _club_key(base, name)
        return cache[name]

    return key


def _load_kb() -> KnowledgeBase | None:
    """Return the process-wide knowledge base, or None when it cannot be loaded."""
    try:
        return KnowledgeBase.load()
    except (NotImplementedError, DataFileError, OSError, ValueError, LookupError):
        return None


def _club_key(kb: KnowledgeBase | None, name: str) -> str | None:
    """Return the folded canonical name of the club the KB resolves ``name`` to, else the folded name.

    The canonical name (not the club id) is the key so that a name the KB resolves on one side still
    meets the same name written out, unresolved, on the other.
    """
    club = None
    if kb is not None:
        try:
            club = kb.lookup_club(name)
        except NotImplementedError:
            club = None
    return fold_team(club.name if club is not None else name)


def quote_text(text: str) -> str:
    """Return a quote's words for prefix comparison: no quote marks, one space, casefolded."""
    return _SPACES.sub(" ", _QUOTE_MARKS.sub(" ", text)).strip().casefold()


def venue_matches(gold: str, predicted: str) -> bool:
    """Return whether two venue names agree: folded, either one containing the other."""
    a, b = fold(gold), fold(predicted)
    return bool(a and b) and (a in b or b in a)
