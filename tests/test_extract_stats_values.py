"""Team statistics (xG, shots, shots on target) go to the team the text gives them to."""

from __future__ import annotations

from typing import Any

import pytest
from test_extract_quotes_harness import build_doc, load_cases

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
