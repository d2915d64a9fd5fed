"""Two reports are of one match when they name the same clubs and their dates are within three days."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tabellino.consolidate import StoredMatch, flip_pair, merge_goals, same_match, season_of
from tabellino.consolidate.goals import StoredGoal
from tabellino.models import Goal, Match

CASES = json.loads(
    (Path(__file__).parent / "data" / "consolidate_window_cases.json").read_text(encoding="utf-8")
)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_consolidate_same_match_window(case: dict[str, Any]) -> None:
    stored = StoredMatch(
        id=1,
        home="Atalanta",
        away="Juventus",
        values={"date": _day(case["stored_date"])},
        published=tuple(date.fromisoformat(p) for p in case["published"]),
    )
    match = Match(home=case.get("away", "Juventus"), away="Atalanta", date=_day(case["date"]))
    assert same_match(stored, match, _day(case["article_published"])) is case["same"]


def test_consolidate_goal_merge_keeps_a_brace_as_two_goals() -> None:
    stored = [StoredGoal(1, "Atalanta", "Koopmeiners", None), StoredGoal(2, "Atalanta", "Koopmeiners", None)]
    new = [
        Goal(team="Atalanta", scorer="Teun Koopmeiners", minute=50),
        Goal(team="Atalanta", scorer="Koopmeiners"),
    ]
    plan = merge_goals(stored, new)
    assert [goal_id for goal_id, _, _ in plan.matched] == [1, 2]
    assert plan.matched[0][2] == {"minute": 50, "added": None, "scorer": "Teun Koopmeiners"}
    assert not plan.added and not plan.conflicts


def test_consolidate_pairs_and_seasons() -> None:
    assert flip_pair("2-1") == "1-2"
    assert flip_pair("4:3") == "3:4"
    assert season_of(date(2026, 2, 5)) == "2025-26"
    assert season_of(date(2025, 8, 20)) == "2025-26"
