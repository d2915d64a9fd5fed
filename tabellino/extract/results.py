"""Find the results an article states: fixture lines, wire blocks, prose scores, winner-only lines.

Each finder returns :class:`StatedResult` records (club ids, goals in home/away order, spans);
:mod:`tabellino.extract.matches` merges them into matches. The finders live in
:mod:`results_lines` (fixture lines, wire blocks, lone scores, other legs), :mod:`results_prose`
(scores in sentences), :mod:`results_winner` (outcomes without a score), :mod:`results_local`
(clubs the knowledge base does not know) and :mod:`results_unnamed` (a score written without its
clubs); :mod:`results_base` holds what they share.
"""

from __future__ import annotations

from tabellino.extract.doc import Doc, ScoreMention
from tabellino.extract.results_base import StatedResult
from tabellino.extract.results_lines import (
    fixture_result,
    lone_score_result,
    other_leg_result,
    respective_results,
    team_number_pairs,
)
from tabellino.extract.results_local import local_results
from tabellino.extract.results_prose import is_result_score, prose_result
from tabellino.extract.results_unnamed import is_unnamed_score, score_of_winner
from tabellino.extract.results_winner import winner_statements

__all__ = ["StatedResult", "find_results"]


def find_results(doc: Doc) -> list[StatedResult]:
    """Return every stated result of the article, in text order."""
    used: set[int] = set()
    results = team_number_pairs(doc, used)
    results += respective_results(doc, used)
    # Prose is read only with the words of its language: without them who won is a guess.
    prose = bool(doc.lang.words("results", "win_words"))
    unnamed: list[ScoreMention] = []
    for score in doc.scores:
        if score.start in used or not is_result_score(doc, score):
            continue
        found = (
            fixture_result(doc, score)
            or (prose_result(doc, score) if prose else None)
            or lone_score_result(doc, score)
            or other_leg_result(doc, score, results)
        )
        if found:
            results.extend(found)
        elif prose and is_unnamed_score(doc, score):
            unnamed.append(score)
    results.extend(winner_statements(doc))
    results.extend(local_results(doc, results))
    results.extend(score_of_winner(results, unnamed))
    return results
