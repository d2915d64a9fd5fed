"""The scorer counts each field as documented, from hand-written gold and prediction dicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tabellino.evaluate import Counts, fold_team, score_predictions

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "evaluate_scorer_cases.json").read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_evaluate_scoring_counts(case: dict[str, Any]) -> None:
    gold = case["gold"]
    report = score_predictions([gold], {gold["id"]: case["predicted"]}, team_key=fold_team)
    counts = report.articles[0].counts
    for name, (correct, predicted, expected) in case["counts"].items():
        got = counts.get(name, Counts())
        assert (got.correct, got.predicted, got.gold) == (correct, predicted, expected), name


@pytest.mark.parametrize("case", [c for c in CASES if "misses" in c], ids=lambda c: c["name"])
def test_evaluate_scoring_lists_misses(case: dict[str, Any]) -> None:
    gold = case["gold"]
    report = score_predictions([gold], {gold["id"]: case["predicted"]}, team_key=fold_team)
    misses = {(m.field, m.expected, m.got) for m in report.misses()}
    for name, expected, got in case["misses"]:
        assert (name, expected, got) in misses


def test_evaluate_scoring_missing_prediction_scores_as_empty() -> None:
    gold = next(c["gold"] for c in CASES if c["name"] == "empty_prediction")
    report = score_predictions([gold], {}, team_key=fold_team)
    assert report.field("teams").recall == 0.0
    assert report.field("teams").support == 1


def test_evaluate_scoring_perfect_prediction_scores_one() -> None:
    golds = [c["gold"] for c in CASES]
    predicted = {g["id"]: _as_prediction(g) for g in golds}
    report = score_predictions(golds, predicted, team_key=fold_team)
    assert report.misses() == []
    for name, score in report.scores().items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), name


def _as_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """Return the gold rewritten in the prediction's shape (quotes carry full text)."""
    out: dict[str, Any] = json.loads(json.dumps(gold))
    out["quotes"] = [{"speaker": q["speaker"], "text": q["starts_with"] + " ..."} for q in gold["quotes"]]
    return out
