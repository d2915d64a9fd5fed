"""A score counted from the goal narrative is given only when the narrative can be complete."""

from __future__ import annotations

import pytest

from tabellino.models import Document
from tabellino.pipeline import Pipeline

_WIN = "Arsenal beat Chelsea at the Emirates on Saturday afternoon."
_FIRST = "Bukayo Saka scored in the 12th minute with a low shot."
_SECOND = "Declan Rice headed in from a corner in the 55th minute."


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """Return one pipeline for the cases (knowledge base loaded once)."""
    return Pipeline()


def _score(pipeline: Pipeline, text: str) -> tuple[int | None, int | None]:
    """Return the home and away goals of the one match found in ``text``."""
    (match,) = pipeline.process(Document(id="t", text=text, language="en")).matches
    return match.home_goals, match.away_goals


def test_goals_of_a_winner_only_match_give_a_derived_score(pipeline: Pipeline) -> None:
    """Two Arsenal goals and a stated Arsenal win: 2-0, counted from the narrative."""
    assert _score(pipeline, f"{_WIN}\n\n{_FIRST} {_SECOND}") == (2, 0)


def test_a_running_score_above_the_count_leaves_the_score_unknown(pipeline: Pipeline) -> None:
    """A "3-0" written among the goals means the narrative left goals out: no counted 2-0."""
    text = f"{_WIN}\n\n{_FIRST} A deflection made it 3-0 before the break. {_SECOND}"
    assert _score(pipeline, text) == (None, None)
