"""The goals of extracted matches as comparable rows, shared by the tests whose cases list goals."""

from __future__ import annotations

from typing import Any

Row = list[Any]


def goal_rows(matches: list[dict[str, Any]]) -> list[Row]:
    """Return every goal of the matches (``to_json`` form) as [team, scorer, minute, added, penalty,
    own_goal], in a stable order, for comparing with a case's ``goals`` (which ``sorted_rows`` orders)."""
    rows = [
        [g["team"], g["scorer"], g["minute"], g["added"], g["penalty"], g["own_goal"]]
        for m in matches
        for g in m["goals"]
    ]
    return sorted_rows(rows)


def sorted_rows(rows: list[Row]) -> list[Row]:
    """Return goal rows in a stable order (goals of one match may be found in any order)."""
    return sorted(rows, key=str)
