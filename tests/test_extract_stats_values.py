"""Team statistics (xG, shots, shots on target) go to the team the text gives them to."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_extract_quotes_harness import VOCABULARY, build_doc, load_cases, random_case

from tabellino.extract.stats import find_stats, parse_number


@pytest.mark.parametrize("case", load_cases("stats_values"))
def test_stats_values(case: dict[str, Any]) -> None:
    """Each team of a match gets the statistics stated for it, citing where they are stated."""
    doc = build_doc(case)
    find_stats(doc)
    got = {team: values for m in doc.matches for team, values in m.stats.items()}
    assert got == case["expect"]
    for match in doc.matches:
        for team in match.stats:
            assert match.evidence[f"stats:{team}"].spans


@pytest.mark.parametrize(
    ("token", "value"), [("1.9", 1.9), ("1,6", 1.6), ("13", 13.0), ("Four", 4.0), ("many", None)]
)
def test_stats_parse_number(token: str, value: float | None) -> None:
    """Numbers are read in digits with either decimal mark, or as number words."""
    assert parse_number(token, {"four": 4}) == value


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=60),
    st.lists(st.booleans(), min_size=60, max_size=60),
    st.sampled_from(["en", "it"]),
)
def test_stats_never_crash_and_stay_plausible(tokens: list[str], joiners: list[bool], lang: str) -> None:
    """Any mix of numbers and statistic words gives only known statistics with plausible values."""
    doc = build_doc(random_case(tokens, joiners, lang))
    find_stats(doc)
    for values in doc.matches[0].stats.values():
        assert set(values) <= {"xg", "shots", "shots_on_target"}
        assert all(0 <= v <= 60 for v in values.values())
