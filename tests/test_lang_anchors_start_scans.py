"""Unions and digit-led patterns are scanned only where their matches can start: the engine's matches.

:func:`tabellino.lang.anchors.finditer` searches a residual whose every match starts a word from the
non-word character before it (dropping the first-character look-ahead a union's pieces inherit where
their own first characters imply it), and a pattern whose matches start with a digit or a bracket
from a regex opened by a character class, which the engine skips to fast. The matches must stay
those of ``pattern.finditer``: at the text's start, after ``pos`` (with a word character or a digit
before it), up to ``endpos``, next to each other, with look-behinds reading the text before ``pos``
and with ``\\w`` scoped to ASCII.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tabellino.lang import anchors
from tabellino.lang.prefilter import compile_scanning

_WORD_SOURCES = [
    r"\b(?=[adfiloq])(?:\bquarti\b|\b(?:la|alla|i)\s+finale\b|\b(?:al|il)\s+ritorno\b)",
    r"\b(?:semifinale|(?:la|da)\s+finale|\d{1,2}\s*a\s+giornata)\b",
    r"(?<!\w)(?:(?P<d>\d{1,2})\s+maggio|finale\s+(?P<n>\d))",
    r"(?:quarti|(?a:\b)(?:la|i)\s+finale)",
    r"\b(?:quarti\s+di\s+finale|l['’]\s*andata|(?<=\()andata)\b",
]
_DIGIT_SOURCES = [
    r"(?<![\w.,:])(?P<min>\d{1,3})\s?(?:\+\s?(?P<add>\d{1,2}))?\s?['’]+(?:\s?(?P<half>st|pt)\b)?",
    r"(?<![\w.:/,+\-–])(?P<a>\d{1,2})\s?[-–:]\s?(?P<b>\d{1,2})(?!\w|\s?[-–:/]\s?\d|[.,]\d)",
    r"\b(?P<min>\d{1,3})(?:st|nd|rd|th)[- ]minute",
    r"(?<=[\w.]\s)\((?P<min>\d{1,3})['’]?\)",
    r"\d",
    r"\d+(?=\d)",
    r"\bquarti\s+di\s+finale\b|\b\d{1,2}[ªa°]\s+giornata\b|\bfinale\b",
]
_FAMILIES = {
    "word starts": (
        [re.compile(source, re.IGNORECASE) for source in _WORD_SOURCES],
        "la finale quarti 12 a giornata ritorno(andata)'’ éÀ\n.-_",
        "La finale. Quarti di finale (andata) 12 a giornata, finale 3 e 3 maggio: il ritorno",
    ),
    "digit starts": (
        [compile_scanning(source) for source in _DIGIT_SOURCES],
        "0123456789 +-–:'’().,st minute finale quarti di 2a giornata\n",
        "12' Rossi (45') 2-1, 90+3' st; the 3rd minute 10:2 la finale, 7a giornata (8) 2024-25 1",
    ),
}
_PATTERNS = _FAMILIES["digit starts"][0]


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("family", list(_FAMILIES))
@settings(max_examples=300, deadline=None)
@given(data=st.data(), pos=st.integers(min_value=0, max_value=60), cut=st.integers(min_value=0, max_value=60))
def test_start_scan_equals_the_engine(family: str, data: st.DataObject, pos: int, cut: int) -> None:
    """Any text, any range: the same matches and groups as the engine's scan."""
    patterns, alphabet, _ = _FAMILIES[family]
    pattern = data.draw(st.sampled_from(patterns))
    long = data.draw(st.text(alphabet=alphabet, max_size=200)) * 4
    end = max(pos, len(long) - cut)
    assert _spans(anchors.finditer(pattern, long, pos, end)) == _spans(pattern.finditer(long, pos, end))


@pytest.mark.parametrize(
    ("pattern", "text"), [(p, text) for patterns, _, text in _FAMILIES.values() for p in patterns]
)
def test_start_scan_finds_matches_at_the_edges(pattern: re.Pattern[str], text: str) -> None:
    """Matches at the text's start, right after ``pos`` and ending at ``endpos`` are found."""
    for pos in range(len(text) + 1):
        assert _spans(anchors.finditer(pattern, text, pos)) == _spans(pattern.finditer(text, pos))
        assert _spans(anchors.finditer(pattern, text, 0, pos)) == _spans(pattern.finditer(text, 0, pos))


def test_digit_start_scan_skips_to_the_first_characters() -> None:
    """A pattern opened by a look-behind on digits gets a skipper opened by a character class."""
    plan, skip = anchors._plans(_PATTERNS[0])
    assert plan is None and skip is not None
    assert skip.pattern.startswith("[0123456789]")


def test_letter_starts_get_no_skipper() -> None:
    """Cased first characters (matched case-insensitively by others) are left to the other scans."""
    pattern = compile_scanning(r"(?<!\w)(?:al|nel)\s\d+")
    assert anchors._plans(pattern)[1] is None


_GATED = compile_scanning(r"\bquarti\b|\bin\s+casa\b|\bxg\b|\b\d+\s+gol\b")


@pytest.mark.parametrize(
    "text",
    [
        "Ai quarti, vittoria in casa e 2 gol.",
        "Ai quarti, vittoria İN CAſA e 2 GOL, XG 1.2.",
        "Ai quarti, vittoria ın casa.",
        "Ai quarti senza altro.",
        "Quarti " * 200 + "e in casa",
        "Quarti " * 200 + "e İn Caſa",
        "Quarti " * 200 + "e in cas",
    ],
)
def test_union_rest_is_skipped_only_when_its_literals_are_absent(text: str) -> None:
    """The branches without a long leading literal are still found, whatever case folding they need."""
    assert _spans(anchors.finditer(_GATED, text)) == _spans(_GATED.finditer(text))
