"""Referees the gold articles annotate are extracted by the real pipeline for the right match.

Expected values come from the gold files (matches with a ``referee`` key). Reads the corpus from
$TABELLINO_CORPUS (or the configured corpus folder, ../shared/corpus) and skips when absent.
"""

from __future__ import annotations

import pytest
from test_extract_stats_corpus import cases, predicted_match

from tabellino.evaluate.gold import GoldArticle
from tabellino.evaluate.normalise import fold


@pytest.mark.parametrize(("gold", "index"), cases("referee"))
def test_staff_corpus_referee(gold: GoldArticle, index: int) -> None:
    """Every annotated referee is extracted for the right match."""
    predicted = predicted_match(gold, index).get("referee")
    assert predicted is not None and fold(predicted) == fold(gold.data["matches"][index]["referee"])
