"""Scanning shortcuts read from a regex's parse tree skip work, never a match.

The first-character look-ahead (every language pattern, the date scanner) and the literal gate of the
shared cue scanner are checked against plain compilation over every language's test sentences.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tabellino.extract.context_regex import Alternation
from tabellino.extract.context_stage import _cue_alternation
from tabellino.extract.context_venue import _side_alternation
from tabellino.extract.lang_patterns import LangPatterns
from tabellino.extract.ties import _tie_alternation
from tabellino.lang import load_language, supported_languages
from tabellino.lang.prefilter import compile_scanning, first_characters, required_literals, strip_lookahead

ROWS = Path(__file__).parent / "data" / "lang_rows"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\bsemi[\s-]?finals?\b", [{"semi"}, {"final"}]),
        (r"\bround\s+of\s+(?:16|sixteen)\b", [{"round"}, {"of"}, {"16", "sixteen"}]),
        (r"\b(?:first|1st|opening)[\s-]legs?\b", [{"first", "1st", "opening"}, {"leg"}]),
        (r"(?<![\w-])Finale\b(?=\s*di)", [{"finale"}]),
        (r"\b(?:in\s+casa|fuori)?\s*\d+", []),
    ],
)
def test_required_literals_lists_what_every_match_contains(source: str, expected: list[set[str]]) -> None:
    """Each required part is the set of literals one of which every match holds (case-folded)."""
    assert [set(part) for part in required_literals(source)] == expected


def test_alternation_skips_the_alternatives_whose_words_are_absent() -> None:
    """A text without an alternative's words is not matched by it, and one that has them still is."""
    alt = Alternation.build([("qf", r"\bquarter[\s-]?finals?\b"), ("sf", r"\bsemi[\s-]?finals?\b")], "test")
    assert [m.label for m in alt.finditer("They reach the Semi-Final.")] == ["sf"]
    assert [m.label for m in alt.finditer("Nothing about any round here.")] == []
    both = "Quarter-finals done, semi finals next."
    assert [m.label for m in alt.finditer(both)] == ["qf", "sf"]


def _texts() -> list[str]:
    """Return the team-written sentences of every language's test rows."""
    texts: list[str] = []
    for path in sorted(ROWS.glob("*.json")):
        texts += [row["text"] for row in json.loads(path.read_text(encoding="utf-8"))]
    return texts


@pytest.mark.parametrize("code", sorted(supported_languages()))
def test_gated_scans_find_what_the_whole_alternation_finds(code: str) -> None:
    """Over every test sentence, each language's stage, venue and tie scanners give the ungated matches."""
    lang = load_language(code)
    for alt in (_cue_alternation(lang), _side_alternation(lang), _tie_alternation(lang)):
        if alt.pattern is None:
            continue
        for text in _texts():
            gated = [(m.label, m.match.span()) for m in alt.finditer(text)]
            matches = alt.pattern.finditer(text)
            whole = [(alt.labels[int((m.lastgroup or "a0")[1:])], m.span()) for m in matches]
            assert gated == whole, text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\b(?:final|semi)", {"f", "s"}),
        (r"(?<!\w)(?P<d>\d)", set("0123456789")),
        (r"\w+", None),
        (r"(?:a)?", None),
    ],
)
def test_first_characters_reads_the_parse_tree(source: str, expected: set[str] | None) -> None:
    """The first characters of a match are listed; wide classes and empty matches give None."""
    assert first_characters(source) == expected


@pytest.mark.parametrize("code", sorted(supported_languages()))
def test_language_patterns_match_as_plainly_compiled(code: str) -> None:
    """Every ``*_patterns`` regex of a language finds, behind its look-ahead, what the plain regex finds."""
    lang = load_language(code)
    texts = _texts()
    for section, table in lang.data.items():
        for key in table:
            if not key.endswith("_patterns"):
                continue
            for fast in lang.patterns(section, key):
                plain = re.compile(strip_lookahead(fast.pattern), re.IGNORECASE)
                for text in texts:
                    got = [m.span() for m in fast.finditer(text)]
                    assert got == [m.span() for m in plain.finditer(text)], (section, key, text)


def test_compile_scanning_leaves_a_literal_start_alone() -> None:
    """A pattern starting with a plain character gets no look-ahead (the engine skips fast to it)."""
    assert compile_scanning("in the (?P<m>\\d+)th minute").pattern == "in the (?P<m>\\d+)th minute"
    assert compile_scanning(r"\bin\b").pattern.startswith("(?=[")


@pytest.mark.parametrize("code", sorted(supported_languages()))
def test_gated_section_scans_find_what_the_union_finds(code: str) -> None:
    """``LangPatterns.scan`` skips a text only when the union of a key's patterns finds nothing in it."""
    lang = load_language(code)
    texts = _texts()
    for section in ("coaches", "referee", "stats", "quotes"):  # the sections read through LangPatterns
        pats = LangPatterns.of(lang, section)
        table = lang.section(section)
        for key in (k.removesuffix("_patterns") for k in table if k.endswith("_patterns")):
            for text in texts:
                got = [m.span() for m in pats.scan(key, text)]
                assert got == [m.span() for m in pats.get(key).finditer(text)], (section, key, text)
