"""Team statistics the gold articles annotate are extracted by the real pipeline.

The expected values are read from the gold files themselves (matches with a ``stats`` key; the
staff corpus test reuses these helpers for ``referee``), so no article's facts are written here.
Reads the corpus from $TABELLINO_CORPUS (or the configured corpus folder, ../shared/corpus) and
skips when it is absent.
"""

from __future__ import annotations

from typing import Any

import pytest

from tabellino.evaluate import corpus_dir, kb_team_key, load_gold
from tabellino.evaluate.gold import GoldArticle, to_document
from tabellino.evaluate.matching import pair_key

LANGUAGES = ["en", "it"]


def golds() -> list[GoldArticle]:
    """Return the en/it gold articles of the seeds and dev folders (none when the corpus is absent)."""
    root = corpus_dir()
    dirs = [d for d in (root / "seeds", root / "dev") if d.is_dir()]
    return load_gold(dirs, languages=LANGUAGES) if dirs else []


def cases(field: str) -> list[Any]:
    """Return (gold, match index) params for every gold match annotating ``field``."""
    found = [
        pytest.param(g, i, id=f"{g.id}-{i}")
        for g in golds()
        for i, m in enumerate(g.data.get("matches", []))
        if m.get(field)
    ]
    reason = f"no gold {field} under {corpus_dir()}; set TABELLINO_CORPUS to the corpus folder"
    return found or [pytest.param(None, 0, marks=pytest.mark.skip(reason=reason))]


def predicted_match(gold: GoldArticle, index: int) -> dict[str, Any]:
    """Run the pipeline on the gold article and return the predicted match of gold match ``index``."""
    from tabellino.pipeline import Pipeline

    key = kb_team_key()
    expected = gold.data["matches"][index]
    extraction = Pipeline().process(to_document(gold)).to_json()
    found = [m for m in extraction["matches"] if pair_key(m, key) == pair_key(expected, key)]
    if not found:
        pytest.fail(f"{gold.id}: no match {expected['home']} v {expected['away']}", pytrace=False)
    return dict(found[0])


@pytest.mark.parametrize(("gold", "index"), cases("stats"))
def test_stats_corpus_team_stats(gold: GoldArticle, index: int) -> None:
    """Every annotated team statistic is extracted with the annotated value."""
    key = kb_team_key()
    predicted = {key(team): values for team, values in predicted_match(gold, index)["stats"].items()}
    for team, values in gold.data["matches"][index]["stats"].items():
        assert predicted.get(key(team)) == values, (team, predicted)
