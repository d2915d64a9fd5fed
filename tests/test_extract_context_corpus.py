"""Quality floors for the match-context fields and ties on the English and Italian gold articles.

Context fields are scored on the matches the pipeline found and the gold has, so these floors
measure the context components, not match recall. Reads the corpus from $TABELLINO_CORPUS (or the
configured corpus folder) and skips when it is absent.
"""

from __future__ import annotations

import pytest

from tabellino.evaluate import EvalReport, corpus_dir, evaluate_dirs

LANGUAGES = ["en", "it"]
FLOORS = [
    ("competition", 0.9),
    ("stage", 0.85),
    ("leg", 0.85),
    ("date", 0.8),
    ("venue", 0.8),
    ("ties", 0.8),
]


@pytest.fixture(scope="module")
def report() -> EvalReport:
    """Evaluate the real pipeline once on the seed and dev articles of the floor languages."""
    dirs = [corpus_dir() / "seeds", corpus_dir() / "dev"]
    if not all(d.is_dir() for d in dirs):
        pytest.skip(f"corpus not found at {corpus_dir()}; set TABELLINO_CORPUS to the corpus folder")
    from tabellino.pipeline import Pipeline

    return evaluate_dirs(dirs, languages=LANGUAGES, pipeline=Pipeline())


@pytest.mark.parametrize(("field", "floor"), FLOORS, ids=[f for f, _ in FLOORS])
def test_extract_context_corpus_floor(report: EvalReport, field: str, floor: float) -> None:
    score = report.field(field)
    if score.f1 < floor:
        pytest.fail(
            f"{field} F1 {score.f1:.3f} < floor {floor} on {'+'.join(LANGUAGES)} seeds+dev\n\n"
            + report.to_text(show_misses=True, fields=[field]),
            pytrace=False,
        )
