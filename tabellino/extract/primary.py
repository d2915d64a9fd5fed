"""Choose the match the article is mainly about (at most one; none for round-ups of equals)."""

from __future__ import annotations

import itertools

from tabellino.extract import component
from tabellino.extract.doc import Doc
from tabellino.extract.results_local import name_offsets
from tabellino.models import Match

__all__ = ["choose_primary"]

_LEAD_CHARS = 600
_OPENING_SENTENCES = 3
_MARGIN = 1.5
_ROUND_UP_LINES = 2
_NONE = 10**9  # a match with no evidence sorts after every other


@component("primary")
def choose_primary(doc: Doc) -> None:
    """Mark the primary match: the one whose teams dominate the opening and the article."""
    if not doc.matches:
        return
    opening = _opening_clubs(doc)
    named = _named_clubs(doc)
    first = min(doc.matches, key=lambda m: m.first_offset(_NONE))
    scores = sorted(
        ((_weight(doc, named, m, opening, m is first), m) for m in doc.matches),
        key=lambda x: x[0],
        reverse=True,
    )
    best_score, best = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    led = opening == set(best.teams())
    if _is_round_up(doc) and not led:
        return
    if best_score > 0 and best_score >= _MARGIN * runner_up and set(best.teams()) & _most_named_clubs(named):
        best.primary = True


def _is_round_up(doc: Doc) -> bool:
    """Return whether the article lists several results as fixture lines (a round-up)."""
    listed = {frozenset(m.teams()) for m in doc.matches if m.home_away_certain}
    return len(listed) >= _ROUND_UP_LINES


def _named_clubs(doc: Doc) -> list[tuple[int, str]]:
    """Return (offset, canonical name) of every resolved club mention, in text order.

    A match team no KB mention names is a club the KB does not know: its name as written counts.
    """
    named = [(c.start, doc.club_name(c.club)) for c in doc.clubs if c.club]
    known = {name for _, name in named}
    local = {team for m in doc.matches for team in m.teams() if team not in known}
    named += [(offset, team) for team in sorted(local) for offset in name_offsets(doc.text, team)]
    return sorted(named)


def _weight(
    doc: Doc, named: list[tuple[int, str]], match: Match, opening: set[str], told_first: bool
) -> float:
    """Return how much the article is about a match: team mentions (early ones count more), goals."""
    teams = set(match.teams())
    lead_end = min(len(doc.text), _LEAD_CHARS)
    weight = sum(3.0 if start < lead_end else 1.0 for start, name in named if name in teams)
    weight += 1.0 * len(match.goals) + 1.0 * len(match.red_cards)
    weight *= _both_teams_factor(named, teams)
    if opening == teams:
        weight *= 2.0
    if told_first:
        weight *= 1.5
    return weight


def _opening_clubs(doc: Doc) -> set[str]:
    """Return the clubs named in prose in the first body sentence that names any (title skipped)."""
    title = (doc.article.title or "").strip()
    # read lazily: only the first few body sentences are looked at
    body = (s for s in doc.sentences if doc.text[s.start : s.end].strip() != title)
    listed = [
        s for m in doc.matches for s in (m.evidence["listing"].spans if "listing" in m.evidence else [])
    ]
    for sent in itertools.islice(body, _OPENING_SENTENCES):
        named = {
            doc.club_name(c.club)
            for c in doc.clubs_in(sent)
            if c.club and not any(s.start <= c.start < s.end for s in listed)
        }
        if named:
            return named
    return set()


def _both_teams_factor(named: list[tuple[int, str]], teams: set[str]) -> float:
    """Return a bonus when both teams are named often (a match report), not one in passing."""
    counts = dict.fromkeys(teams, 0)
    for _, name in named:
        if name in counts:
            counts[name] += 1
    return 1.0 if min(counts.values()) >= 2 else 0.5


def _most_named_clubs(named: list[tuple[int, str]]) -> set[str]:
    """Return the one or two clubs the article names most often."""
    counts: dict[str, int] = {}
    for _, name in named:
        counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda x: x[1], reverse=True)
    return {name for name, _ in ranked[:2]}
