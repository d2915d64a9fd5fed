"""Unions whose matches start words are scanned from the character before: still the engine's matches.

A residual of :func:`tabellino.lang.anchors.finditer` (the branches without a long leading literal)
whose every match starts a word is searched from the non-word character before it, and the
first-character look-ahead a union's pieces inherit is dropped where their own first characters
imply it. Both must leave the matches as ``pattern.finditer`` gives them: at the text's start, after
``pos`` (with a word character before it), up to ``endpos``, and with ``\\w`` scoped to ASCII.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tabellino.lang import anchors

_SOURCES = [
    r"\b(?=[adfiloq])(?:\bquarti\b|\b(?:la|alla|i)\s+finale\b|\b(?:al|il)\s+ritorno\b)",
    r"\b(?:semifinale|(?:la|da)\s+finale|\d{1,2}\s*a\s+giornata)\b",
    r"(?<!\w)(?:(?P<d>\d{1,2})\s+maggio|finale\s+(?P<n>\d))",
    r"(?:quarti|(?a:\b)(?:la|i)\s+finale)",
    r"\b(?:quarti\s+di\s+finale|l['’]\s*andata|(?<=\()andata)\b",
]
_PATTERNS = [re.compile(source, re.IGNORECASE) for source in _SOURCES]


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="la finale quarti 12 a giornata ritorno(andata)'’ éÀ\n.-_", max_size=200),
    which=st.integers(min_value=0, max_value=len(_PATTERNS) - 1),
    pos=st.integers(min_value=0, max_value=60),
    cut=st.integers(min_value=0, max_value=60),
)
def test_word_start_scan_equals_the_engine(text: str, which: int, pos: int, cut: int) -> None:
    """Any text, any range: the same matches and groups as the engine's scan."""
    pattern = _PATTERNS[which]
    long = text * 4
    end = max(pos, len(long) - cut)
    expected = _spans(pattern.finditer(long, pos, end))
    assert _spans(anchors.finditer(pattern, long, pos, end)) == expected


@pytest.mark.parametrize("pattern", _PATTERNS)
def test_word_start_scan_finds_matches_at_the_edges(pattern: re.Pattern[str]) -> None:
    """Matches at the text's start, right after ``pos`` and ending at the text's end are found."""
    text = "La finale. Quarti di finale (andata) 12 a giornata, finale 3 e 3 maggio: il ritorno"
    for pos in range(len(text) + 1):
        expected = _spans(pattern.finditer(text, pos))
        assert _spans(anchors.finditer(pattern, text, pos)) == expected
