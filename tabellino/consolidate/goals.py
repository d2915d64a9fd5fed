"""Merge the goals a new source reports into the goals a stored match already has.

A goal is the same goal when the team and the scorer's surname agree and the minutes agree (or one
source gives no minute); two sources of one goal therefore never double it. Each stored goal is
matched at most once per source, so a brace stays two goals. Two goals of one team at the same
minute with different scorers are a scorer conflict: the stored goal stays, both values are kept.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tabellino.models import Goal

__all__ = ["GoalPlan", "StoredGoal", "merge_goals", "name_tokens", "same_person"]


@dataclass(frozen=True, slots=True)
class StoredGoal:
    """A goal as the database holds it."""

    id: int
    team: str | None
    scorer: str | None
    minute: int | None


@dataclass(slots=True)
class GoalPlan:
    """The outcome of merging a source's goals: matched (with fields to fill), new, conflicting."""

    matched: list[tuple[int, Goal, dict[str, Any]]] = field(default_factory=list)
    added: list[Goal] = field(default_factory=list)
    conflicts: list[tuple[StoredGoal, Goal]] = field(default_factory=list)


def name_tokens(name: str | None) -> tuple[str, ...]:
    """Return a person name as lower-case, accent-free word tokens."""
    if not name:
        return ()
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return tuple(t for t in "".join(c if c.isalnum() else " " for c in plain).split() if t)


def same_person(a: str | None, b: str | None) -> bool:
    """Return whether two names can name the same player (same surname, or one name within the other)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    return ta[-1] == tb[-1] or set(ta) <= set(tb) or set(tb) <= set(ta)


def merge_goals(stored: Sequence[StoredGoal], new: Sequence[Goal]) -> GoalPlan:
    """Return how a source's goals merge into a stored match's goals."""
    plan = GoalPlan()
    free = list(stored)
    for goal in new:
        hit = _find(free, goal)
        if hit is None:
            plan.added.append(goal)
            continue
        free.remove(hit)
        if goal.scorer and hit.scorer and not same_person(goal.scorer, hit.scorer):
            plan.conflicts.append((hit, goal))
        else:
            plan.matched.append((hit.id, goal, _fills(hit, goal)))
    return plan


def _find(free: Sequence[StoredGoal], goal: Goal) -> StoredGoal | None:
    """Return the stored goal that ``goal`` reports, preferring the closest agreement."""
    candidates = [s for s in free if _compatible(s.team, goal.team)]
    for test in (_exact, _same_scorer, _same_minute):
        hit = next((s for s in candidates if test(s, goal)), None)
        if hit is not None:
            return hit
    return None


def _compatible(a: str | None, b: str | None) -> bool:
    """Return whether two team values can be the same team (unknown matches anything)."""
    return a is None or b is None or a == b


def _exact(stored: StoredGoal, goal: Goal) -> bool:
    """Same scorer at the same stated minute."""
    return (
        goal.minute is not None and stored.minute == goal.minute and same_person(stored.scorer, goal.scorer)
    )


def _same_scorer(stored: StoredGoal, goal: Goal) -> bool:
    """Same scorer, and at least one source gives no minute."""
    unknown = stored.minute is None or goal.minute is None
    return unknown and same_person(stored.scorer, goal.scorer)


def _same_minute(stored: StoredGoal, goal: Goal) -> bool:
    """Same stated minute (the scorers then either agree, fill a gap, or conflict)."""
    return goal.minute is not None and stored.minute == goal.minute


def _fills(stored: StoredGoal, goal: Goal) -> dict[str, Any]:
    """Return the goal fields the stored goal lacks and the source states."""
    out: dict[str, Any] = {}
    if stored.minute is None and goal.minute is not None:
        out["minute"] = goal.minute
        out["added"] = goal.added
    # The fullest form of the name wins ("Koopmeiners" becomes "Teun Koopmeiners").
    if goal.scorer and len(name_tokens(goal.scorer)) > len(name_tokens(stored.scorer)):
        out["scorer"] = goal.scorer
    if stored.team is None and goal.team:
        out["team"] = goal.team
    return out
