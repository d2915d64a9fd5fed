"""Text in a language with no data file: fixture lines and scorer lists are read, prose is not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from goal_rows import goal_rows, sorted_rows

from tabellino.models import Document
from tabellino.pipeline import Pipeline

CASES = json.loads(
    (Path(__file__).parent / "data" / "extract_neutral_cases.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_extract_neutral_language(pipeline: Pipeline, case: dict[str, Any]) -> None:
    got = pipeline.process(Document(id=case["name"], text=case["text"])).to_json()
    assert got["language"] == "unknown"
    matches = got["matches"]
    assert [(m["home"], m["away"]) for m in matches] == [(w["home"], w["away"]) for w in case["matches"]]
    for want, match in zip(case["matches"], matches, strict=True):
        assert (match["home_goals"], match["away_goals"]) == (want["home_goals"], want["away_goals"])
    if "goals" in case:
        assert goal_rows(matches) == sorted_rows(case["goals"])
