"""The people scan's shortcuts (token regex, role-ending check) give what the plain regexes give."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tabellino.extract.people import _NAME_WORD, _token_pattern
from tabellino.extract.people_roles import _role_before, _role_ending, _role_pattern
from tabellino.lang import load_language

CASES = json.loads((Path(__file__).parent / "data" / "people_shortcut_cases.json").read_text("utf-8"))


def _plain(particles: list[str]) -> re.Pattern[str]:
    """Return the reference regex: a capitalised name word, else a particle (group 1) before one."""
    alternatives = "|".join(re.escape(p) for p in particles)
    return re.compile(rf"{_NAME_WORD}|\b((?:{alternatives}))(?=\s+[A-ZÀ-ÖØ-ÞĀ-Ž])")


def _tokens(pattern: re.Pattern[str], text: str, pos: int, end: int) -> list[tuple[int, int, bool]]:
    """Return each token's span and whether it is a particle."""
    return [(m.start(), m.end(), bool(m.lastindex)) for m in pattern.finditer(text, pos, end)]


@pytest.mark.parametrize("case", CASES)
def test_extract_people_shortcuts_tokens_match_plain_alternation(case: dict[str, str]) -> None:
    """Every slice of the text (as a sentence scan sees it) gives the reference regex's tokens."""
    lang = load_language(case["lang"])
    fast, plain = _token_pattern(lang), _plain(lang.words("people", "particles"))
    text = case["text"]
    for pos in range(len(text) + 1):
        for end in range(pos, len(text) + 1):
            assert _tokens(fast, text, pos, end) == _tokens(plain, text, pos, end)


def test_extract_people_shortcuts_tokens_mark_particles() -> None:
    """A particle before a capitalised word is a token of its own, marked as a particle."""
    text = "Marten de Roon and van Dijk; de gli"
    found = _tokens(_token_pattern(load_language("en")), text, 0, len(text))
    words = [(text[a:b], particle) for a, b, particle in found]
    assert words == [("Marten", False), ("de", True), ("Roon", False), ("van", True), ("Dijk", False)]


@pytest.mark.parametrize("code", ["en", "it", "de", "fr", "es", "pt", "nl"])
@pytest.mark.parametrize("case", CASES)
def test_extract_people_shortcuts_role_ending_keeps_roles(case: dict[str, str], code: str) -> None:
    """Checking how the text ends first finds the role word the role regex alone finds, anywhere."""
    lang = load_language(code)
    pattern, ending = _role_pattern(lang), _role_ending(lang)
    assert pattern is not None and ending is not None
    longest = max(map(len, lang.mapping("people", "roles")))
    text = case["text"]
    for start in range(len(text) + 1):
        want = _role_before(pattern, longest, text, start)
        assert _role_before(pattern, longest, text, start, ending) == want
