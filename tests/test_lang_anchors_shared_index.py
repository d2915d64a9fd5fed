"""Long texts are searched once for the leading literals of every pattern: the same matches as the engine.

:func:`tabellino.lang.anchors.finditer` finds where the leading literals of all patterns start in a
long text with one automaton pass and remembers it for the next pattern. Scans of the same text with
other patterns, scans of other texts in between, patterns first used after the pass, and any
``pos`` / ``endpos`` must all give what ``pattern.finditer`` gives.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tabellino.lang import anchors

_SENTENCES = [
    "La semifinale di andata finisce 2-1 e il ritorno si gioca mercoledì.",
    "The holders were knocked out in the quarter-finals after a goalless first leg.",
    "Nella finale di Coppa Italia decide un gol al 90' di testa.",
    "Semi-finals, finals and the final whistle: the hosts celebrated at home.",
]
_TEXT = " ".join(_SENTENCES) * 8  # long enough for the shared pass


def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


_PATTERNS = [
    _pattern(r"\bsemi[\s-]?final[eis]*\b"),
    _pattern(r"\b(?:quarter[\s-]?finals?|finale?)\b"),
    _pattern(r"\b(?:andata|ritorno|(?:first|second)\s+leg)\b"),
    _pattern(r"\b(?:knocked\s+out|the\s+hosts|at\s+home)\b|\b\d+-\d+\b"),
]


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(
    order=st.permutations(range(len(_PATTERNS))),
    pos=st.integers(min_value=0, max_value=len(_TEXT)),
    length=st.integers(min_value=0, max_value=len(_TEXT)),
)
def test_shared_pass_gives_each_pattern_its_matches(order: list[int], pos: int, length: int) -> None:
    """Patterns in any order over one text, with a short text scanned in between, in any range."""
    for k, which in enumerate(order):
        pattern = _PATTERNS[which]
        end = min(len(_TEXT), pos + length)
        assert _spans(anchors.finditer(pattern, _TEXT, pos, end)) == _spans(pattern.finditer(_TEXT, pos, end))
        if k == 1:
            short = _SENTENCES[which]
            assert _spans(anchors.finditer(pattern, short)) == _spans(pattern.finditer(short))


def test_pattern_first_used_after_the_pass_finds_its_matches() -> None:
    """A pattern with new leading literals, first used on a text already searched, misses nothing."""
    text = _TEXT + " Coppa Italia, mercoledì sera."
    for pattern in _PATTERNS:
        list(anchors.finditer(pattern, text))
    late = _pattern(r"\b(?:mercoled[iì]|coppa\s+italia)\b")
    expected = _spans(late.finditer(text))
    assert expected
    assert _spans(anchors.finditer(late, text)) == expected
