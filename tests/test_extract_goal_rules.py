"""Goal rules of the engine on short texts written by the team, in languages other than the one a
rule was first written for: lists with the minute after the name, minutes before the goal verb,
sections started by clubs named in passing, unnamed goals the score has no room for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from goal_rows import goal_rows, sorted_rows

from tabellino.models import Document
from tabellino.pipeline import Pipeline

DATA = Path(__file__).parent / "data" / "extract_goal_rules_cases.json"
CASES = json.loads(DATA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_extract_goal_rules_give_the_goals(pipeline: Pipeline, case: dict[str, Any]) -> None:
    doc = Document(id=case["name"], text=case["text"], language=case["lang"])
    matches = pipeline.process(doc).to_json()["matches"]
    assert goal_rows(matches) == sorted_rows(case["goals"])
