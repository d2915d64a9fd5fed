"""Coaches are found from role words, idioms and coach-only acts, with their team, never guessed."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_extract_quotes_harness import VOCABULARY, build_doc, load_cases, random_case

from tabellino.extract.staff import find_coaches, find_referee


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


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=60),
    st.lists(st.booleans(), min_size=60, max_size=60),
    st.sampled_from(["en", "it"]),
)
def test_staff_never_crash_and_only_fill_match_teams(
    tokens: list[str], joiners: list[bool], lang: str
) -> None:
    """Any mix of names and cue words gives coaches and referees only for the match's teams."""
    doc = build_doc(random_case(tokens, joiners, lang))
    find_coaches(doc)
    find_referee(doc)
    (match,) = doc.matches
    assert set(match.coaches) <= {"Atalanta", "Juventus"}
    assert all(f"coach:{team}" in match.evidence for team in match.coaches)
    assert match.referee is None or "referee" in match.evidence
