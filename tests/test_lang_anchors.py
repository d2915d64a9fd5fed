"""A scan that tries a regex only where its leading literals are written finds every match, in order.

:func:`tabellino.lang.anchors.finditer` must give what ``pattern.finditer`` gives: checked over every
language pattern on long texts made of the team's test sentences, and on letters the regex engine
matches case-insensitively with others (dotless ı, İ, long ſ).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tabellino.lang import anchors, load_language, supported_languages
from tabellino.lang.anchors import leading_literals

ROWS = Path(__file__).parent / "data" / "lang_rows"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\b(?:quarti|semi)\s+finale", {"quarti", "semi"}),
        (r"(?:the\s+)?final", {"the", "final"}),
        (r"(?<!\w)(?:Derby|derbies)\b", {"derby", "derbies"}),
        (r"(?P<n>sette|otto)\s+gol", {"sette", "otto"}),
        (r"(?:won|beat)+ them", {"won", "beat"}),
        (r"m(?:arted|ercoled)(?:i|ì)\b", {"martedi", "martedì", "mercoledi", "mercoledì"}),
        (r"l['’]altro", {"l'altro", "l’altro"}),
    ],
)
def test_leading_literals_are_what_every_match_starts_with(source: str, expected: set[str]) -> None:
    """The literals are read through groups, alternatives, repeats and optional words, case-folded."""
    assert leading_literals(source) == expected


@pytest.mark.parametrize(
    "source",
    [r"\d{1,2}'", r"[A-Z]\w+", r"(?:final)?", r"(?:il|la)\s+finale", r"\w+ion", r"x*abc"],
)
def test_leading_literals_leave_unbounded_patterns_alone(source: str) -> None:
    """Wide classes, empty matches and short literals ("il", a digit) give None: the plain scan is used."""
    assert leading_literals(source) is None


def _article() -> str:
    """Return one long text made of every test sentence, as an article would hold them."""
    texts: list[str] = []
    for path in sorted(ROWS.glob("*.json")):
        texts += [row["text"] for row in json.loads(path.read_text(encoding="utf-8"))]
    return "\n\n".join(texts)


@pytest.mark.parametrize("code", sorted(supported_languages()))
def test_anchored_scan_finds_what_the_engine_finds(code: str) -> None:
    """Every ``*_patterns`` regex of a language gives the same matches through both scans."""
    lang = load_language(code)
    text = _article()
    checked = 0
    for section, table in lang.data.items():
        for key in table:
            for pattern in lang.patterns(section, key) if key.endswith("_patterns") else []:
                expected = [m.span() for m in pattern.finditer(text)]
                assert [m.span() for m in anchors.finditer(pattern, text)] == expected, (section, key)
                checked += leading_literals(pattern.pattern) is not None
    assert checked > 20  # the shortcut is taken for many of them


def test_anchored_scan_respects_the_range() -> None:
    """``pos`` and ``endpos`` bound the scan as they bound ``pattern.finditer``."""
    pattern = re.compile(r"\bsemi[\s-]?finals?\b", re.IGNORECASE)
    text = "Semi-final one. " * 30 + "The semi final two. " * 30
    for pos, end in [(0, len(text)), (5, 400), (17, 17), (480, 9999)]:
        expected = [m.span() for m in pattern.finditer(text, pos, min(end, len(text)))]
        assert [m.span() for m in anchors.finditer(pattern, text, pos, end)] == expected


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"\byildiz\b", "Gol di Kenan Yıldız al 10'. " + "Una partita lunga. " * 40),
        (r"\bistanbul\b", "Finale a İstanbul. " + "Una partita lunga. " * 40),
        (r"\bsconfitta\b", "La ſconfitta pesa. " + "Una partita lunga. " * 40),
    ],
)
def test_anchored_scan_folds_letters_as_the_engine_does(source: str, text: str) -> None:
    """Letters that match another case-insensitively (ı and i, İ and i, ſ and s) are found."""
    pattern = re.compile(source, re.IGNORECASE)
    expected = [m.span() for m in pattern.finditer(text)]
    assert expected
    assert [m.span() for m in anchors.finditer(pattern, text)] == expected


_PATTERNS = [
    re.compile(r"\b(?:goal|gol)s?\b", re.IGNORECASE),
    re.compile(r"(?:the\s+)?final(?:e|s)?", re.IGNORECASE),
    re.compile(r"(?<!\w)sis(?:sis)*", re.IGNORECASE),
]


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="goalsfinethSISıİſ ßGOL-\n", min_size=0, max_size=300),
    which=st.integers(min_value=0, max_value=len(_PATTERNS) - 1),
)
def test_anchored_scan_equals_the_engine_on_any_text(text: str, which: int) -> None:
    """On arbitrary texts (overlapping literals, special letters, ß) nothing differs."""
    pattern = _PATTERNS[which]
    long = text * 3
    assert [m.span() for m in anchors.finditer(pattern, long)] == [m.span() for m in pattern.finditer(long)]
