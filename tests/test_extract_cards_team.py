"""Red cards on short texts written by the team: who was sent off, for which side, when."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tabellino.models import Document
from tabellino.pipeline import Pipeline

CASES = json.loads((Path(__file__).parent / "data" / "extract_cards_cases.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_extract_cards_gives_side_and_minute(pipeline: Pipeline, case: dict[str, Any]) -> None:
    doc = Document(id=case["name"], text=case["text"], language=case["lang"])
    matches = pipeline.process(doc).to_json()["matches"]
    cards = [[c["team"], c["player"], c["minute"]] for m in matches for c in m["red_cards"]]
    assert cards == case["red_cards"]
