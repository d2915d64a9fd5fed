"""Give a winner-only match the score the article writes without naming its clubs ("after the 3-0").

A reaction piece names its match's clubs in one sentence ("after the defeat against Getafe")
and the score in another ("the dressing room after the 3-0"). When the article tells exactly
one match, that match has only a winner, and exactly one result-like score stands in sentences
that name no club, the score is that match's, turned so that the winner has more goals.
"""

from __future__ import annotations

import re

from tabellino.extract.doc import Doc, ScoreMention
from tabellino.extract.results_base import StatedResult, clubs_between, leg_near
from tabellino.models import Span

__all__ = ["is_unnamed_score", "score_of_winner"]

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def is_unnamed_score(doc: Doc, score: ScoreMention) -> bool:
    """Return whether a result-like score stands in narrative that names no club, leg or year.

    A leg word or a year ("the 3-1 of 2015") puts the score on another match than the one told.
    """
    if score.first == score.second or doc.in_quote(score.start):
        return False
    sent = doc.sentence_of(score.start)
    if clubs_between(doc, sent.start, sent.end) or _YEAR.search(doc.text, sent.start, sent.end):
        return False
    return leg_near(doc, sent.start, sent.end) is None


def score_of_winner(results: list[StatedResult], unnamed: list[ScoreMention]) -> list[StatedResult]:
    """Return the one unnamed score as the result of the article's only, winner-only match."""
    if len(unnamed) != 1 or not results:
        return []
    pairs = {frozenset((r.home, r.away)) for r in results}
    winners = {r.winner for r in results}
    if len(pairs) != 1 or len(winners) != 1 or any(r.home_goals is not None for r in results):
        return []
    lead, score = results[0], unnamed[0]
    winner = lead.winner
    if winner not in (lead.home, lead.away):
        return []  # a draw (or no winner) cannot take a score with a winner
    high, low = max(score.first, score.second), min(score.first, score.second)
    home_goals, away_goals = (high, low) if winner == lead.home else (low, high)
    spans = {"score": Span(score.start, score.end)}
    return [StatedResult(lead.home, lead.away, home_goals, away_goals, False, spans)]
