"""Decide whether a newly extracted match is one the database already holds, and how to merge it.

Pure functions: the store loads the candidate matches, these functions decide, the store writes.

Two reports are of the same match when they name the same two clubs and their match dates are at
most :data:`WINDOW_DAYS` apart; when either date is unknown, the articles' publication dates (or a
known match date against the other article's publication date) must be that close instead. With no
date at all on one side nothing is merged: the same two clubs meet several times a season.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tabellino.models import Match

__all__ = [
    "FILLABLE",
    "WINDOW_DAYS",
    "MergePlan",
    "StoredMatch",
    "flip_pair",
    "pick_match",
    "plan_merge",
    "same_match",
    "season_of",
]

WINDOW_DAYS = 3

# Match fields a later source may fill when the stored match lacks them (home/away handled apart).
FILLABLE = (
    "home_goals",
    "away_goals",
    "half_time",
    "penalties",
    "aggregate",
    "competition",
    "stage",
    "leg",
    "date",
    "venue",
    "referee",
    "winner",
    "advanced",
)

# Fields whose values are "home-away" pairs and so must be reversed when home and away swap.
_PAIRS = ("half_time", "penalties", "aggregate")
_ORIENTED = ("home", "away", "home_goals", "away_goals", *_PAIRS)
_PAIR = re.compile(r"^\s*(\d+)\s*([-–:])\s*(\d+)\s*$")


@dataclass(slots=True)
class StoredMatch:
    """A match as the database holds it: its values (Match field names) and its sources."""

    id: int
    home: str
    away: str
    values: dict[str, Any] = field(default_factory=dict)
    home_away_certain: bool = False
    extra_time: bool = False
    stats: dict[str, dict[str, float]] = field(default_factory=dict)
    published: tuple[date, ...] = ()
    articles: tuple[int, ...] = ()

    @property
    def date(self) -> date | None:
        """Return the stored match date, if known."""
        value = self.values.get("date")
        return value if isinstance(value, date) else None


@dataclass(slots=True)
class MergePlan:
    """What merging one source into a stored match changes.

    ``match`` is the source's match in the stored match's final home/away order; ``updates`` holds
    the stored match's changed fields (Match field names, ``home``/``away`` as club names);
    ``conflicts`` names the fields (``score``, ``date``) on which the source disagrees.
    """

    match: Match
    updates: dict[str, Any] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)


def season_of(day: date) -> str:
    """Return the European season label of a date: July 2025 to June 2026 is ``2025-26``."""
    first = day.year if day.month >= 7 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def flip_pair(value: str | None) -> str | None:
    """Reverse a ``"a-b"`` pair (half-time, penalties, aggregate) to ``"b-a"``; other text unchanged."""
    if value is None:
        return None
    m = _PAIR.match(value)
    return f"{m.group(3)}{m.group(2)}{m.group(1)}" if m else value


def same_match(stored: StoredMatch, match: Match, published: date | None) -> bool:
    """Return whether ``match`` (from an article published on ``published``) is ``stored``."""
    return _same_clubs(stored, match) and _distance(stored, match, published) is not None


def _same_clubs(stored: StoredMatch, match: Match) -> bool:
    """Return whether both matches are between the same two (different) clubs."""
    return {stored.home, stored.away} == {match.home, match.away} and match.home != match.away


def pick_match(
    candidates: Sequence[StoredMatch], match: Match, published: date | None, article_id: int
) -> StoredMatch | None:
    """Return the stored match ``match`` reports (the closest in time), or None for a new match.

    A stored match that already has this article as a source is never picked: one article reporting
    two matches of the same clubs (two legs) must give two matches.
    """
    best: tuple[int, StoredMatch] | None = None
    for stored in candidates:
        if article_id in stored.articles or not _same_clubs(stored, match):
            continue
        days = _distance(stored, match, published)
        if days is not None and (best is None or days < best[0]):
            best = (days, stored)
    return best[1] if best else None


def _distance(stored: StoredMatch, match: Match, published: date | None) -> int | None:
    """Return the days between the two reports' dates, or None when over the window or unknown."""
    if stored.date is not None and match.date is not None:
        days = abs((stored.date - match.date).days)
        return days if days <= WINDOW_DAYS else None
    ours = [d for d in (*stored.published, stored.date) if d is not None]
    theirs = [d for d in (published, match.date) if d is not None]
    gaps = [abs((a - b).days) for a in ours for b in theirs]
    close = [g for g in gaps if g <= WINDOW_DAYS]
    return min(close) if close else None


def plan_merge(stored: StoredMatch, match: Match) -> MergePlan:
    """Return how ``match`` merges into ``stored``: orientation, fields to fill, conflicts."""
    values = dict(stored.values, home=stored.home, away=stored.away)
    reversed_order = (match.home, match.away) != (stored.home, stored.away)
    reorient = reversed_order and match.home_away_certain and not stored.home_away_certain
    if reorient:
        values = _flip_values(values)
    elif reversed_order:
        match = flipped(match)
    # Reorienting rewrites every home-away value of the stored match, so all of them are updates.
    updates = {k: values[k] for k in _ORIENTED if k in values} if reorient else {}
    plan = MergePlan(match=match, updates=updates, conflicts=_conflicts(values, match))
    _fill(plan, values, stored)
    return plan


def flipped(match: Match) -> Match:
    """Return a copy of ``match`` with home and away (and every home-away pair) swapped."""
    return dataclasses.replace(
        match,
        home=match.away,
        away=match.home,
        home_goals=match.away_goals,
        away_goals=match.home_goals,
        half_time=flip_pair(match.half_time),
        penalties=flip_pair(match.penalties),
        aggregate=flip_pair(match.aggregate),
    )


def _flip_values(values: dict[str, Any]) -> dict[str, Any]:
    """Return stored values with home and away swapped."""
    out = dict(values, home=values["away"], away=values["home"])
    out["home_goals"], out["away_goals"] = values.get("away_goals"), values.get("home_goals")
    for name in _PAIRS:
        out[name] = flip_pair(values.get(name))
    return out


def _conflicts(values: dict[str, Any], match: Match) -> list[str]:
    """Return the fields (``score``, ``date``) on which the source disagrees with the stored match."""
    out = []
    ours = (values.get("home_goals"), values.get("away_goals"))
    theirs = (match.home_goals, match.away_goals)
    if None not in ours and None not in theirs and ours != theirs:
        out.append("score")
    if values.get("date") is not None and match.date is not None and values["date"] != match.date:
        out.append("date")
    return out


def _fill(plan: MergePlan, values: dict[str, Any], stored: StoredMatch) -> None:
    """Add to ``plan.updates`` every field the stored match lacks and the source states."""
    match = plan.match
    score_missing = values.get("home_goals") is None or values.get("away_goals") is None
    for name in FILLABLE:
        if name in ("home_goals", "away_goals") and not score_missing:
            continue
        new = getattr(match, name)
        if values.get(name) is None and new is not None:
            plan.updates[name] = new
    if match.home_away_certain and not stored.home_away_certain:
        plan.updates["home_away_certain"] = True
    if match.extra_time and not stored.extra_time:
        plan.updates["extra_time"] = True
    stats = merged_stats(stored.stats, match.stats)
    if stats != stored.stats:
        plan.updates["stats"] = stats


def merged_stats(
    ours: dict[str, dict[str, float]], theirs: dict[str, dict[str, float]]
) -> dict[str, dict[str, float]]:
    """Return ``ours`` with every team statistic only ``theirs`` has added."""
    out = {team: dict(values) for team, values in ours.items()}
    for team, values in theirs.items():
        slot = out.setdefault(team, {})
        for key, value in values.items():
            slot.setdefault(key, value)
    return out
