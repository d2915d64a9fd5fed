"""A club's other teams (reserves, under-23s, women, "Jong" sides) never give the first team's results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tabellino.models import Document
from tabellino.pipeline import Pipeline

CASES = json.loads((Path(__file__).parent / "data" / "extract_other_team_cases.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """Return one pipeline for all cases (loading the knowledge base once)."""
    return Pipeline()


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_other_team_of_a_club_gives_no_first_team_result(pipeline: Pipeline, case: dict[str, Any]) -> None:
    """A result of "Barcelona B" or "Jong Ajax" is not Barcelona's or Ajax's; the first team's still is."""
    doc = Document(id="case", text=case["text"], language=case["lang"])
    matches = pipeline.process(doc).matches
    got = [[m.home, m.away, m.home_goals, m.away_goals] for m in matches]
    assert got == case["results"]
