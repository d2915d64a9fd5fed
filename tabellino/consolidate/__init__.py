"""Consolidation: many articles (in any language) about one match become one match with many sources.

Pure decisions, no SQL: :mod:`tabellino.store` loads candidate matches and goals, asks these
functions what is the same match, which fields to fill, which goals are the same goal and where
sources disagree, then writes the answer.
"""

from __future__ import annotations

from tabellino.consolidate.goals import GoalPlan, StoredGoal, merge_goals, same_person
from tabellino.consolidate.matching import (
    WINDOW_DAYS,
    MergePlan,
    StoredMatch,
    flip_pair,
    pick_match,
    plan_merge,
    same_match,
    season_of,
)

__all__ = [
    "WINDOW_DAYS",
    "GoalPlan",
    "MergePlan",
    "StoredGoal",
    "StoredMatch",
    "flip_pair",
    "merge_goals",
    "pick_match",
    "plan_merge",
    "same_match",
    "same_person",
    "season_of",
]
