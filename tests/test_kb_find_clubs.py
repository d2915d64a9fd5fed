"""Club mentions: names, short forms, nicknames, case rule, possessives, context resolution."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from kb_support import data, kb, names

CASES: list[dict[str, Any]] = data("kb_find_clubs.toml")["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_kb_find_clubs_cases(case: dict[str, Any]) -> None:
    found = kb().find_clubs(case["text"], case["language"])
    got = [(m.text, names(m.candidates)) for m in found]
    want = [(e[0], set(e[1:])) for e in case["expect"]]
    assert got == want


def test_kb_find_clubs_spans_point_into_the_text() -> None:
    text = "Report: Juventus 0-3 Atalanta, and the Bianconeri were poor."
    for m in kb().find_clubs(text, "en"):
        assert text[m.start : m.end] == m.text


def test_kb_find_clubs_sorted_and_not_overlapping() -> None:
    text = "Borussia Dortmund, Borussia Mönchengladbach and Bayern München; Dortmund won."
    found = kb().find_clubs(text, "de")
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_kb_find_clubs_resolved_mention_has_club() -> None:
    (m,) = kb().find_clubs("Napoli won.", "en")
    assert m.club is not None and kb().club(m.club).name == "Napoli"
    (amb,) = kb().find_clubs("Una vittoria dei nerazzurri.", "it")
    assert amb.club is None and len(amb.candidates) > 1
    assert amb.kind == "nickname"


@pytest.mark.parametrize("text", ["", "   ", "1-0 2-2 3:1", "\x00\x01 ☃ ⚽"])
def test_kb_find_clubs_no_names_gives_nothing(text: str) -> None:
    assert kb().find_clubs(text, "en") == []


def test_kb_find_clubs_unknown_language_uses_universal_names() -> None:
    found = kb().find_clubs("Ajax won against Feyenoord.", "xx")
    assert [kb().club(m.club).name for m in found if m.club] == ["Ajax", "Feyenoord"]
