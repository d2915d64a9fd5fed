"""Coaches are found from role words, idioms and coach-only acts, with their team, never guessed."""

from __future__ import annotations

from typing import Any

import pytest
from test_extract_quotes_harness import build_doc, load_cases

from tabellino.extract.staff import find_coaches


@pytest.mark.parametrize("case", load_cases("staff_coaches"))
def test_staff_coaches(case: dict[str, Any]) -> None:
    """Each team of a match gets the coach the text names for it, and only that."""
    doc = build_doc(case)
    find_coaches(doc)
    got = {team: name for m in doc.matches for team, name in m.coaches.items()}
    assert got == case["expect"]


@pytest.mark.parametrize("case", load_cases("staff_coaches"))
def test_staff_coaches_cite_the_words(case: dict[str, Any]) -> None:
    """Each coach cites a span of the text that contains part of the coach's name."""
    doc = build_doc(case)
    find_coaches(doc)
    for match in doc.matches:
        for team, name in match.coaches.items():
            spans = match.evidence[f"coach:{team}"].spans
            assert spans
            assert any(name.split()[-1] in doc.text[s.start : s.end] for s in spans)


def test_staff_coaches_without_matches_do_nothing() -> None:
    """An article with no match gets no coach and no error."""
    doc = build_doc({"id": "x", "lang": "en", "text": "Manager Carlo Ancelotti smiled."})
    find_coaches(doc)
    assert doc.matches == []
