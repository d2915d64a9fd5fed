"""The context components fill competition, stage, leg, date, venue and the home side of matches.

Cases (texts written for these tests) are in tests/data/context_cases.toml.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_extract_context_support import build_doc, date_finder, load_cases

from tabellino.extract import context_dates
from tabellino.extract.context import context_competition, context_stage, context_venue
from tabellino.models import Match

CASES = load_cases("context_cases.toml")
COMPONENTS = (
    context_competition.competition,
    context_stage.stage,
    context_dates.match_date,
    context_venue.venue,
)


def _value(match: Match, key: str) -> Any:
    """Return a match field the cases check, dates as ISO strings."""
    if key == "certain":
        return match.home_away_certain
    if key == "goals":
        return [match.home_goals, match.away_goals]
    value = getattr(match, key)
    return value.isoformat() if hasattr(value, "isoformat") else value


@pytest.mark.parametrize("case", CASES)
def test_context_fields(case: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context_dates, "_find_dates", date_finder(case))
    doc = build_doc(case)
    for run in COMPONENTS:
        run(doc)
    for spec, match in zip(case["matches"], doc.matches, strict=True):
        expect = dict(spec.get("expect", {}))
        derived = expect.pop("derived", [])
        for key, want in expect.items():
            assert _value(match, key) == (None if want == "" else want), f"{spec['home']}: {key}"
        for name in derived:
            assert match.evidence[name].derived, f"{spec['home']}: {name} should be derived"


@pytest.mark.parametrize("case", CASES)
def test_context_every_value_cites_the_text(case: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context_dates, "_find_dates", date_finder(case))
    doc = build_doc(case)
    for run in COMPONENTS:
        run(doc)
    for spec, match in zip(case["matches"], doc.matches, strict=True):
        for name in ("competition", "stage", "leg", "date", "venue"):
            if getattr(match, name) is not None and name not in spec.get("preset", {}):
                spans = match.evidence[name].spans
                assert spans and all(0 <= s.start < s.end <= len(doc.text) for s in spans)
