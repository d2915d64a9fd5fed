"""Choose the match the article is mainly about (at most one; none for round-ups of equals)."""

from __future__ import annotations

from tabellino.extract import component
from tabellino.extract.doc import Doc
from tabellino.models import Match

__all__ = ["choose_primary"]

_LEAD_CHARS = 600
_MARGIN = 1.5
_ROUND_UP = 3


@component("primary")
def choose_primary(doc: Doc) -> None:
    """Mark the primary match: the one whose teams dominate the title and the opening."""
    if not doc.matches:
        return
    top = _most_named_clubs(doc)
    scores = [(_weight(doc, m), m) for m in doc.matches]
    scores.sort(key=lambda x: x[0], reverse=True)
    best_score, best = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    if len(doc.matches) >= _ROUND_UP and not _named_in_opening(doc, set(best.teams())):
        return
    if best_score > 0 and best_score >= _MARGIN * runner_up and set(best.teams()) & top:
        best.primary = True


def _most_named_clubs(doc: Doc) -> set[str]:
    """Return the one or two clubs the article names most often."""
    counts: dict[str, int] = {}
    for club in doc.clubs:
        if club.club:
            name = doc.club_name(club.club)
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda x: x[1], reverse=True)
    return {name for name, _ in ranked[:2]}


def _weight(doc: Doc, match: Match) -> float:
    """Return how much the article is about a match: team mentions (early ones count more), goals."""
    teams = set(match.teams())
    lead_end = _lead_end(doc)
    weight = 0.0
    for club in doc.clubs:
        if club.club and doc.club_name(club.club) in teams:
            weight += 3.0 if club.start < lead_end else 1.0
    weight += 2.0 * len(match.goals) + 2.0 * len(match.red_cards)
    weight *= _both_teams_factor(doc, teams)
    if _named_in_opening(doc, teams):
        weight *= 2.0
    return weight


def _named_in_opening(doc: Doc, teams: set[str]) -> bool:
    """Return whether both teams are named in the title or the first sentence."""
    first = doc.sentences[:2] if doc.article.title else doc.sentences[:1]
    if not first:
        return False
    end = first[-1].end
    named = {doc.club_name(c.club) for c in doc.clubs if c.club and c.start < end}
    return named == teams


def _lead_end(doc: Doc) -> int:
    """Return the end of the article's opening: the title and first sentences."""
    return min(len(doc.text), _LEAD_CHARS)


def _both_teams_factor(doc: Doc, teams: set[str]) -> float:
    """Return a bonus when both teams are named often (a match report), not one in passing."""
    counts = {t: 0 for t in teams}
    for club in doc.clubs:
        name = doc.club_name(club.club) if club.club else None
        if name in counts:
            counts[name] += 1
    return 1.0 if min(counts.values()) >= 2 else 0.5
