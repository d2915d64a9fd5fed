"""Competitions, venues and cities found in text."""

from __future__ import annotations

from typing import Any

import pytest
from kb_support import data, kb, names

CASES = data("kb_gazetteers.toml")


@pytest.mark.parametrize("case", CASES["competition"], ids=lambda c: c["text"][:30])
def test_kb_find_competitions(case: dict[str, Any]) -> None:
    found = kb().find_competitions(case["text"], case["language"])
    assert [[m.text, m.competition] for m in found] == case["expect"]


@pytest.mark.parametrize("case", CASES["venue"], ids=lambda c: c["text"][:30])
def test_kb_find_venues(case: dict[str, Any]) -> None:
    found = kb().find_venues(case["text"], case["language"])
    assert [m.name for m in found] == [e[0] for e in case["expect"]]
    for m, e in zip(found, case["expect"], strict=True):
        assert set(e[1:]) <= names(m.clubs)
        assert case["text"][m.start : m.end] == m.text


@pytest.mark.parametrize("case", CASES["city"], ids=lambda c: c["text"][:30])
def test_kb_find_cities(case: dict[str, Any]) -> None:
    found = kb().find_cities(case["text"], case["language"])
    assert [m.text for m in found] == [e[0] for e in case["expect"]]
    for m, e in zip(found, case["expect"], strict=True):
        assert set(e[1:]) <= names(m.clubs)


def test_kb_canonical_competition_names() -> None:
    want = {
        "uefa.cl": "UEFA Champions League",
        "uefa.el": "UEFA Europa League",
        "uefa.conf": "UEFA Conference League",
        "it.1": "Serie A",
        "es.1": "LaLiga",
        "de.2": "2. Bundesliga",
        "pt.1": "Primeira Liga",
        "eng.cup.l": "EFL Cup",
    }
    for cid, name in want.items():
        assert kb().competition(cid).name == name
    assert kb().competition("uefa.cl").country is None
    assert kb().competition("it.cup").kind == "cup"


def test_kb_city_or_club_by_locative() -> None:
    text = "Leipzig won 2-1 in Leipzig."
    clubs = kb().find_clubs(text, "en")
    cities = kb().find_cities(text, "en")
    assert [m.start for m in clubs] == [0]
    assert [m.start for m in cities] == [text.rindex("Leipzig")]
