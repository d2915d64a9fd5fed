"""Ingesting documents: clean, skip what is stored, extract, store; count what happened.

Per-document failures (unreadable input, a bad record, a store error) are recorded in the report
and the run goes on; the caller decides the exit code from :attr:`IngestReport.failed`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import Engine

from tabellino.errors import DataFileError, TabellinoError
from tabellino.models import Article, Document, Extraction
from tabellino.store.write import StoreResult, has_article, store_extraction

__all__ = ["Failure", "IngestReport", "Processor", "ingest"]


class Failure(Protocol):
    """An input that could not be read (``tabellino.ingest.sources.SourceFailure``)."""

    @property
    def source(self) -> str:
        """The file, URL or record that failed."""

    @property
    def error(self) -> TabellinoError:
        """Why it failed."""


class Processor(Protocol):
    """The two pipeline steps ingestion needs (``tabellino.pipeline.Pipeline``)."""

    def article(self, doc: Document) -> Article:
        """Clean a document into an article."""

    def extract(self, article: Article) -> Extraction:
        """Extract the facts of an article."""


@dataclass(slots=True)
class IngestReport:
    """What an ingestion run did."""

    ingested: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    new_matches: int = 0
    merged_matches: int = 0
    conflicts: int = 0

    @property
    def matches_found(self) -> int:
        """Return how many match reports the ingested articles held (new plus merged)."""
        return self.new_matches + self.merged_matches

    def add(self, result: StoreResult) -> None:
        """Count one stored article."""
        if result.duplicate:
            self.duplicates += 1
            return
        self.ingested += 1
        self.new_matches += len(result.new_matches)
        self.merged_matches += len(result.merged_matches)
        self.conflicts += result.conflicts


def ingest(
    items: Iterable[Document | Failure],
    engine: Engine,
    pipeline: Processor,
    on_item: Callable[[str], None] | None = None,
) -> IngestReport:
    """Clean, extract and store every document; call ``on_item(source)`` after each one."""
    report = IngestReport()
    for item in items:
        source = item.id if isinstance(item, Document) else item.source
        if isinstance(item, Document):
            _ingest_one(item, engine, pipeline, report)
        else:
            report.failed.append((item.source, str(item.error)))
        if on_item is not None:
            on_item(source)
    return report


def _ingest_one(doc: Document, engine: Engine, pipeline: Processor, report: IngestReport) -> None:
    """Ingest one document, recording a failure instead of raising."""
    try:
        article = pipeline.article(doc)
        # Skip extraction altogether for text that is already stored.
        if has_article(engine, article.text) is not None:
            report.duplicates += 1
            return
        report.add(store_extraction(engine, pipeline.extract(article)))
    except DataFileError:
        raise  # broken language or knowledge-base data fails every article: stop at once
    except TabellinoError as exc:
        report.failed.append((doc.id, str(exc)))
    except Exception as exc:  # a bug on one article must not lose the rest of a long run
        report.failed.append((doc.id, f"internal error: {type(exc).__name__}: {exc}"))
