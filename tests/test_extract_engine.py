"""Extraction engine behaviour on short texts written by the team: results, orientation, goals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from goal_rows import goal_rows, sorted_rows

from tabellino.models import Document
from tabellino.pipeline import Pipeline

DATA = Path(__file__).parent / "data"


def _cases(name: str) -> list[dict[str, Any]]:
    return list(json.loads((DATA / name).read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _extract(pipeline: Pipeline, case: dict[str, Any]) -> dict[str, Any]:
    doc = Document(id=case["name"], text=case["text"], language=case["lang"])
    return pipeline.process(doc).to_json()


@pytest.mark.parametrize("case", _cases("extract_results_cases.json"), ids=lambda c: c["name"])
def test_extract_results(pipeline: Pipeline, case: dict[str, Any]) -> None:
    got = _extract(pipeline, case)["matches"]
    assert len(got) == len(case["matches"]), [(m["home"], m["away"]) for m in got]
    for want, match in zip(case["matches"], got, strict=True):
        for key, value in want.items():
            assert match[key] == value, (key, match)


@pytest.mark.parametrize("case", _cases("extract_goals_cases.json"), ids=lambda c: c["name"])
def test_extract_goals(pipeline: Pipeline, case: dict[str, Any]) -> None:
    matches = _extract(pipeline, case)["matches"]
    assert matches, "no match found"
    assert goal_rows(matches) == sorted_rows(case["goals"])


def test_extract_evidence_points_at_the_words(pipeline: Pipeline) -> None:
    text = "Roma beat Lazio 2-0 in the derby."
    out = pipeline.process(Document(id="e", text=text, language="en")).to_json()
    evidence = out["matches"][0]["evidence"]
    spans = evidence["score"]["spans"]
    assert [text[s:e] for s, e in spans] == ["2-0"]
    assert [text[s:e] for s, e in evidence["home"]["spans"]] == ["Roma"]
