"""The report gives per-field numbers by language and folder, an aligned table, misses and JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tabellino.evaluate import FIELDS, EvalReport, fold_team, score_predictions

GOLD: list[dict[str, Any]] = [
    {
        "id": "x-1",
        "language": "en",
        "matches": [
            {
                "primary": True,
                "home": "Leeds United",
                "away": "Wolverhampton Wanderers",
                "home_away_certain": True,
                "home_goals": 3,
                "away_goals": 1,
                "goals": [],
                "red_cards": [],
                "coaches": {},
            },
        ],
        "quotes": [],
    },
    {"id": "x-2", "language": "it", "matches": [], "quotes": []},
]
PREDICTED: dict[str, dict[str, Any]] = {
    "x-1": {
        "matches": [
            {
                "primary": True,
                "home": "Leeds United",
                "away": "Wolverhampton Wanderers",
                "home_goals": 1,
                "away_goals": 3,
                "goals": [],
                "red_cards": [],
                "coaches": {},
            }
        ]
    },
}


def _report() -> EvalReport:
    return score_predictions(GOLD, PREDICTED, team_key=fold_team, directory="dev")


def test_evaluate_report_field_by_language() -> None:
    report = _report()
    assert report.field("teams").f1 == 1.0
    assert report.field("results", language="en").precision == 0.0
    assert report.field("primary").support == 2
    assert report.field("primary", language="it").f1 == 1.0


def test_evaluate_report_empty_field_scores_one() -> None:
    score = _report().field("red_cards")
    assert (score.precision, score.recall, score.f1, score.support) == (1.0, 1.0, 1.0, 0)


def test_evaluate_report_unknown_field_is_an_error() -> None:
    with pytest.raises(KeyError, match="known"):
        _report().field("weather")


def test_evaluate_report_text_has_table_and_misses() -> None:
    text = _report().to_text(show_misses=True)
    header = next(line for line in text.splitlines() if line.startswith("field"))
    assert header.split() == ["field", "P", "R", "F1", "support", "predicted"]
    for name in FIELDS:
        assert any(line.startswith(name + " ") for line in text.splitlines()), name
    assert "Leeds United 3-1 Wolverhampton Wanderers" in text
    assert "got: Leeds United 1-3 Wolverhampton Wanderers" in text


def test_evaluate_report_text_filters_misses_by_field() -> None:
    text = _report().to_text(show_misses=True, fields=["primary"])
    assert "misses: none" in text
    assert "expected:" not in _report().to_text(show_misses=False)


def test_evaluate_report_json_has_everything() -> None:
    data = json.loads(json.dumps(_report().to_json()))
    assert data["fields"]["results"]["support"] == 1
    assert set(data["by_language"]) == {"en", "it"}
    assert set(data["by_directory"]) == {"dev"}
    assert data["misses"][0]["article"] == "x-1"
