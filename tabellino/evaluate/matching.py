"""Pairing predicted matches with gold matches of one article, one to one, by their two teams."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tabellino.evaluate.normalise import TeamKey

__all__ = ["DRAW", "Alignment", "align", "label", "pair_key", "result_agrees", "team_goals", "winner_key"]

MatchDict = Mapping[str, Any]
DRAW = "draw"


@dataclass(slots=True)
class Alignment:
    """Index pairs ``(gold, predicted)`` of matched matches, and what stayed unmatched on each side."""

    pairs: list[tuple[int, int]]
    gold_only: list[int]
    predicted_only: list[int]


def pair_key(match: MatchDict, key: TeamKey) -> frozenset[str | None]:
    """Return the unordered pair of team keys of a match."""
    return frozenset((key(match.get("home")), key(match.get("away"))))


def team_goals(match: MatchDict, key: TeamKey) -> dict[str | None, int] | None:
    """Return goals per team key, or None when the match has no full score."""
    home, away = match.get("home_goals"), match.get("away_goals")
    if not isinstance(home, int) or not isinstance(away, int):
        return None
    return {key(match.get("home")): home, key(match.get("away")): away}


def winner_key(match: MatchDict, key: TeamKey) -> str | None:
    """Return the winner's team key (or ``"draw"``): stated, else read from the score."""
    stated = match.get("winner")
    if isinstance(stated, str) and stated:
        return DRAW if stated.casefold() == DRAW else key(stated)
    home, away = match.get("home_goals"), match.get("away_goals")
    if not isinstance(home, int) or not isinstance(away, int):
        return None
    if home == away:
        return DRAW
    return key(match.get("home") if home > away else match.get("away"))


def result_agrees(gold: MatchDict, predicted: MatchDict, key: TeamKey) -> bool | None:
    """Return whether the predicted result matches the gold; None when the gold states no result.

    A gold score is compared team by team (so a swapped home/away with the goals following the
    teams still agrees); a gold with only a winner is compared on the winner.
    """
    gold_goals = team_goals(gold, key)
    if gold_goals is not None:
        return team_goals(predicted, key) == gold_goals
    gold_winner = winner_key(gold, key)
    if gold_winner is None:
        return None
    return winner_key(predicted, key) == gold_winner


def label(match: MatchDict) -> str:
    """Return ``"Home v Away"`` for messages."""
    return f"{match.get('home')} v {match.get('away')}"


def align(gold: Sequence[MatchDict], predicted: Sequence[MatchDict], key: TeamKey) -> Alignment:
    """Pair gold and predicted matches with the same two teams, one to one.

    When a pair of teams occurs more than once (two legs), the pairing that agrees on result, leg,
    date and orientation wins; remaining ties go by order in the article.
    """
    gold_keys = [pair_key(m, key) for m in gold]
    pred_keys = [pair_key(m, key) for m in predicted]
    candidates = [
        (-_similarity(g, p, key), abs(gi - pi), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if gold_keys[gi] == pred_keys[pi]
    ]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    pairs.sort()
    gold_only = [i for i in range(len(gold)) if i not in used_gold]
    pred_only = [i for i in range(len(predicted)) if i not in used_pred]
    return Alignment(pairs, gold_only, pred_only)


def _similarity(gold: MatchDict, predicted: MatchDict, key: TeamKey) -> int:
    """Return how well two matches with the same teams agree (used only to break ties)."""
    score = 4 if result_agrees(gold, predicted, key) else 0
    if gold.get("leg") is not None and gold.get("leg") == predicted.get("leg"):
        score += 2
    if gold.get("date") and str(gold.get("date")) == str(predicted.get("date")):
        score += 2
    if key(gold.get("home")) == key(predicted.get("home")):
        score += 1
    return score
