"""Accent- and case-folding that keeps offsets: every character folds to exactly one character.

``fold("Atlético's")`` is ``"atletico's"``: same length, so a match found in the folded copy has the
same offsets in the original text. ``key`` is the looser form used for dictionary look-ups (names as
typed by a user or written in a gold file): folded, punctuation dropped, spaces squeezed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

__all__ = ["fold", "key"]

# Characters whose decomposition does not reduce them to one base letter; folded by hand so that
# "Ørsted", "Łódź" or "Đorđević" still match their ASCII spellings letter for letter.
_SPECIAL = {
    "ß": "s",
    "ẞ": "s",
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "Ð": "d",
    "þ": "t",
    "Þ": "t",
    "æ": "a",
    "Æ": "a",
    "œ": "o",
    "Œ": "o",
    "ı": "i",
    "ħ": "h",
    "Ħ": "h",
    # Typographic punctuation folds to its ASCII twin, so "M’gladbach" matches "M'gladbach".
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "´": "'",
    "`": "'",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "\u00a0": " ",
}

# Unicode blocks folded through the table; everything else keeps its own character.
_RANGES = ((0x0041, 0x005A), (0x00A0, 0x02AF), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x1E00, 0x1EFF))


def _fold_char(ch: str) -> str:
    """Return the one-character folded form of ``ch`` (itself when it has none)."""
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    low = base.lower()
    return low if len(low) == 1 else ch.lower() if len(ch.lower()) == 1 else ch


@cache
def _table() -> dict[int, str]:
    """Return the ``str.translate`` table for folding (built once)."""
    table: dict[int, str] = {}
    for lo, hi in _RANGES:
        for code in range(lo, hi + 1):
            ch = chr(code)
            folded = _fold_char(ch)
            if folded != ch:
                table[code] = folded
    for ch, folded in _SPECIAL.items():
        table[ord(ch)] = folded
    return table


def fold(text: str) -> str:
    """Return ``text`` lower-cased with accents removed, character for character (same length)."""
    return text.translate(_table())


_NON_WORD = re.compile(r"[^\w+]+")


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """Return the look-up key of a name: folded, punctuation dropped, single spaces, ``&`` = and."""
    words = _NON_WORD.sub(" ", fold(name.replace("ß", "ss")).replace("&", " and ")).split()
    return " ".join(words)
