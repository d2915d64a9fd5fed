"""Merge the results an article states into matches: one match per pair of clubs and leg."""

from __future__ import annotations

from tabellino.extract import component
from tabellino.extract.doc import Doc
from tabellino.extract.results import StatedResult, find_results
from tabellino.extract.results_base import club_label
from tabellino.models import Match

__all__ = ["build_matches"]


@component("matches")
def build_matches(doc: Doc) -> None:
    """Fill ``doc.matches`` from the stated results, merging repeated statements of one match."""
    groups: dict[frozenset[str], list[StatedResult]] = {}
    for result in find_results(doc):
        groups.setdefault(frozenset((result.home, result.away)), []).append(result)
    for results in groups.values():
        doc.matches.extend(_matches_of_pair(doc, results))
    doc.matches.sort(key=lambda m: m.first_offset())


def _matches_of_pair(doc: Doc, results: list[StatedResult]) -> list[Match]:
    """Return the matches one pair of clubs played according to its stated results."""
    scored = [r for r in results if r.home_goals is not None]
    outcome_only = [r for r in results if r.home_goals is None]
    clusters = _cluster_scored(scored)
    matches = [_match_from(doc, cluster) for cluster in clusters]
    for r in outcome_only:
        target = next((m for m in matches if _consistent(doc, m, r)), None)
        if target is not None:
            _cite_all(doc, target, r)
        elif not matches or all(m.leg for m in matches):
            matches.append(_match_from(doc, [r]))
    return matches


def _goals_by_team(r: StatedResult) -> dict[str, int | None]:
    """Return ``club id -> goals`` of a stated result."""
    return {r.home: r.home_goals, r.away: r.away_goals}


def _cluster_scored(results: list[StatedResult]) -> list[list[StatedResult]]:
    """Group scored statements of the same match; a different score is another leg or a conflict."""
    clusters: list[list[StatedResult]] = []
    for r in results:
        same = next((c for c in clusters if _goals_by_team(c[0]) == _goals_by_team(r)), None)
        if same is not None:
            same.append(r)
            continue
        rival = next((c for c in clusters if _same_leg(c, r)), None)
        if rival is None:
            clusters.append([r])
        elif r.certain and not any(x.certain for x in rival):
            clusters[clusters.index(rival)] = [r]
    return clusters


def _same_leg(cluster: list[StatedResult], r: StatedResult) -> bool:
    """Return whether ``r`` may describe the same leg as the cluster (legs equal or unknown)."""
    leg = _cluster_leg(cluster)
    return r.leg is None or leg is None or r.leg == leg


def _cluster_leg(cluster: list[StatedResult]) -> int | None:
    """Return the leg of a cluster: the certain statement's, else the first one stated."""
    certain = [x.leg for x in cluster if x.certain and x.leg]
    return certain[0] if certain else next((x.leg for x in cluster if x.leg), None)


def _match_from(doc: Doc, cluster: list[StatedResult]) -> Match:
    """Build one match from statements of it (the certain one fixes home and away)."""
    lead = next((r for r in cluster if r.certain), cluster[0])
    match = Match(
        home=club_label(doc, lead.home),
        away=club_label(doc, lead.away),
        home_away_certain=lead.certain,
        home_goals=lead.home_goals,
        away_goals=lead.away_goals,
        leg=_cluster_leg(cluster),
        half_time=next((r.half_time for r in cluster if r.half_time), None),
    )
    if lead.winner:
        match.winner = lead.winner if lead.winner == "draw" else club_label(doc, lead.winner)
    for r in cluster:
        _cite_all(doc, match, r)
    return match


def _cite_all(doc: Doc, match: Match, r: StatedResult) -> None:
    """Add a statement's spans as evidence of the match's fields."""
    for key, span in r.spans.items():
        if key in ("home", "away"):
            club = r.home if key == "home" else r.away
            field = "home" if club_label(doc, club) == match.home else "away"
            match.cite(field, span)
        else:
            match.cite(key, span)


def _consistent(doc: Doc, match: Match, r: StatedResult) -> bool:
    """Return whether an outcome-only statement agrees with a scored match."""
    if match.home_goals is None or match.away_goals is None or r.winner is None:
        return True
    if r.winner == "draw":
        return match.home_goals == match.away_goals
    winner = club_label(doc, r.winner)
    home_won = match.home_goals > match.away_goals
    away_won = match.away_goals > match.home_goals
    return (winner == match.home and home_won) or (winner == match.away and away_won)
