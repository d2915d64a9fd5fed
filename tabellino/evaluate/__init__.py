"""Scoring tabellino's extraction against gold folders: precision, recall and F1 per field.

- :func:`evaluate_dirs` runs the pipeline over every gold file in some folders and scores it.
- :func:`score_predictions` scores given predictions (``Extraction.to_json()`` dicts) against gold
  dicts, without running anything.
- :class:`EvalReport` holds the result: :meth:`EvalReport.field` gives one field's
  :class:`FieldScore` (overall, per language or per folder), :meth:`EvalReport.to_text` the table
  and every miss, :meth:`EvalReport.to_json` everything.

The fields and how they count are listed in :data:`FIELDS`; see ``fields.py`` for the rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tabellino.evaluate.fields import score_article
from tabellino.evaluate.gold import GoldArticle, corpus_dir, load_gold, to_document
from tabellino.evaluate.normalise import TeamKey, fold_team, kb_team_key
from tabellino.evaluate.report import FIELDS, ArticleScore, Counts, EvalReport, FieldScore, Miss

if TYPE_CHECKING:
    from tabellino.models import Document, Extraction

__all__ = [
    "FIELDS",
    "ArticleScore",
    "Counts",
    "EvalReport",
    "FieldScore",
    "GoldArticle",
    "Miss",
    "Processor",
    "corpus_dir",
    "evaluate_dirs",
    "fold_team",
    "kb_team_key",
    "load_gold",
    "score_article",
    "score_predictions",
]


class Processor(Protocol):
    """Anything that turns a document into an extraction (a :class:`~tabellino.pipeline.Pipeline`)."""

    def process(self, doc: Document) -> Extraction:
        """Clean a document and extract its facts."""
        ...


def evaluate_dirs(
    dirs: Sequence[Path],
    languages: Sequence[str] | None = None,
    pipeline: Processor | None = None,
) -> EvalReport:
    """Run the pipeline over every gold article in ``dirs`` and score it against the gold.

    The pipeline sees only each article's id, text and source URL: language, title and date are
    for it to find. An article the pipeline fails on is scored as an empty prediction and its
    error is listed in the report.
    """
    golds = load_gold(dirs, languages)
    runner = pipeline if pipeline is not None else _default_pipeline()
    key = kb_team_key()
    report = EvalReport()
    for gold in golds:
        predicted, error = _predict(runner, gold)
        art = score_article(gold.data, predicted, key, directory=gold.directory)
        art.error = error
        report.articles.append(art)
    return report


def score_predictions(
    gold: Sequence[Mapping[str, Any]],
    predicted: Mapping[str, Mapping[str, Any]],
    team_key: TeamKey | None = None,
    directory: str = "",
) -> EvalReport:
    """Score predictions (by article id) against gold article dicts; a missing id predicts nothing.

    ``team_key`` maps a team name to the key teams are compared on; by default the knowledge base
    resolves names and unresolved ones are folded.
    """
    key = team_key if team_key is not None else kb_team_key()
    report = EvalReport()
    for g in gold:
        pred = predicted.get(str(g.get("id", "")), {})
        report.articles.append(score_article(g, pred, key, directory=directory))
    return report


def _default_pipeline() -> Processor:
    """Return the default pipeline (imported late: scoring alone must not need the engine)."""
    from tabellino.pipeline import Pipeline

    return Pipeline()


def _predict(runner: Processor, gold: GoldArticle) -> tuple[dict[str, Any], str | None]:
    """Return the prediction for one gold article, or an empty one and the error it raised."""
    try:
        return runner.process(to_document(gold)).to_json(), None
    except Exception as exc:  # one failing article must not stop the evaluation
        return {}, f"{type(exc).__name__}: {exc}"
