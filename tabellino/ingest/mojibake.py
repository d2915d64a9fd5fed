"""Repair Latin text whose UTF-8 bytes were read as GBK (Chinese): 'Villamar铆n' -> 'Villamarín'.

A Latin letter with a diacritic takes two bytes in UTF-8; read as GBK, the two bytes make one
Chinese character, so the damage is one character for one character and the repair keeps every
offset into the text valid. The repair runs only on text that is mostly Latin and shows the
damage inside words more than once; Chinese written as Chinese (runs of characters, not single
ones between Latin letters) is left alone.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["repair_mojibake"]

_MIN_DAMAGED_WORDS = 2
_MAX_RUN = 3  # "ñó": a damaged word holds at most a few accented letters in a row
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@cache
def _table() -> dict[str, str]:
    """Return GBK misreading -> letter, for the two-byte UTF-8 letters and signs (U+00A0..U+024F)."""
    table: dict[str, str] = {}
    for code in range(0xA0, 0x250):
        letter = chr(code)
        try:
            misread = letter.encode("utf-8").decode("gbk")
        except UnicodeDecodeError:
            continue
        if len(misread) == 1 and _HAN.match(misread):
            table[misread] = letter
    return table


@cache
def _runs() -> re.Pattern[str]:
    """Return the pattern of a short run of misread letters not touching other Chinese characters."""
    chars = "".join(sorted(_table()))
    han = _HAN.pattern[1:-1]
    return re.compile(rf"(?<![{han}])[{chars}]{{1,{_MAX_RUN}}}(?![{han}])")


def repair_mojibake(text: str) -> str:
    """Return ``text`` with GBK-misread letters restored, or unchanged when it shows no such damage."""
    if text.isascii() or not _HAN.search(text):  # isascii reads a flag: no scan of plain ASCII text
        return text
    runs = list(_runs().finditer(text))
    in_words = sum(1 for m in runs if _touches_latin(text, m.start(), m.end()))
    han = len(_HAN.findall(text))
    if in_words < _MIN_DAMAGED_WORDS or han > sum(m.end() - m.start() for m in runs):
        return text  # Chinese characters outside damaged words: real Chinese, not damage
    table = _table()
    out = list(text)
    for m in runs:
        for i in range(m.start(), m.end()):
            out[i] = table[text[i]]
    return "".join(out)


def _touches_latin(text: str, start: int, end: int) -> bool:
    """Return whether the run ``[start, end)`` has an ASCII letter right before or right after it."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
