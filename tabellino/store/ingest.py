"""Ingesting documents: clean, skip what is stored, extract, store; count what happened.

Every input ends in exactly one of these counts of :class:`IngestReport`:

``ingested``      stored with its facts;
``duplicates``    already stored: by URL (the same page again; the first version is kept) or by
                  content (the same or nearly the same text from another URL or file, e.g. a wire
                  story republished by several sites: one article, its new URL linked to it). A
                  duplicate costs no extraction;
``not football``  not stored: no match or tie was found and no quote of a person the article ties
                  to a club or role, or the language is not identified (or has no data file);
``failed``        unreadable input, a bad record, a store error: kept with its reason.

Archive records passed over on purpose (WARC requests, non-HTML responses) are counted apart, by
reason, in ``skipped``. Per-document failures never stop the run, and each article is stored in its
own transaction, so nothing already ingested is lost; the caller decides the exit code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol, runtime_checkable

from sqlalchemy import Engine

from tabellino.errors import DataFileError, TabellinoError
from tabellino.ingest.langid import UNKNOWN
from tabellino.models import Article, Document, Extraction
from tabellino.store.write import BY_URL, StoreResult, find_duplicate, has_url, store_extraction

__all__ = ["Failure", "IngestReport", "Processor", "Skip", "ingest", "not_football"]

NO_FACTS = "no match or tie found"
NO_LANGUAGE = "language not identified or not supported"


class Failure(Protocol):
    """An input that could not be read (``tabellino.ingest.sources.SourceFailure``)."""

    @property
    def source(self) -> str:
        """The file, URL or record that failed."""

    @property
    def error(self) -> TabellinoError:
        """Why it failed."""


@runtime_checkable
class Skip(Protocol):
    """Archive records passed over on purpose (``tabellino.ingest.sources.SourceSkip``)."""

    @property
    def source(self) -> str:
        """The archive."""

    @property
    def reason(self) -> str:
        """What kind of records, e.g. ``request records``."""

    @property
    def count(self) -> int:
        """How many."""


class Processor(Protocol):
    """The two pipeline steps ingestion needs (``tabellino.pipeline.Pipeline``)."""

    def article(self, doc: Document) -> Article:
        """Clean a document into an article."""

    def extract(self, article: Article) -> Extraction:
        """Extract the facts of an article."""


@dataclass(slots=True)
class IngestReport:
    """What an ingestion run did (every input lands in exactly one count; see the module docstring)."""

    ingested: int = 0
    duplicate_urls: int = 0
    duplicate_texts: int = 0
    not_football: Counter[str] = field(default_factory=Counter)  # by reason (counts only: runs are long)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    new_matches: int = 0
    merged_matches: int = 0
    conflicts: int = 0

    @property
    def duplicates(self) -> int:
        """Return how many inputs were already stored (by URL or by content)."""
        return self.duplicate_urls + self.duplicate_texts

    @property
    def matches_found(self) -> int:
        """Return how many match reports the ingested articles held (new plus merged)."""
        return self.new_matches + self.merged_matches

    @property
    def seen(self) -> int:
        """Return how many inputs were handled (documents and failures)."""
        return self.ingested + self.duplicates + self.not_football.total() + len(self.failed)

    def add(self, result: StoreResult) -> None:
        """Count one stored article or duplicate."""
        if result.duplicate:
            self.add_duplicate(result)
            return
        self.ingested += 1
        self.new_matches += len(result.new_matches)
        self.merged_matches += len(result.merged_matches)
        self.conflicts += result.conflicts

    def add_duplicate(self, result: StoreResult) -> None:
        """Count a duplicate by what it duplicates (URL or content)."""
        if result.duplicate_by == BY_URL:
            self.duplicate_urls += 1
        else:
            self.duplicate_texts += 1

    def to_text(self, where: str) -> str:
        """Return the end-of-run summary: one line of counts, then a line per non-empty count."""
        first = (
            f"ingested {self.ingested:,}, duplicates {self.duplicates:,}, failed {len(self.failed):,}, "
            f"not football {self.not_football.total():,}, matches found {self.matches_found:,} "
            f"({self.new_matches:,} new, {self.merged_matches:,} merged into stored matches, "
            f"{self.conflicts:,} conflict values) -> {where}"
        )
        return "\n".join([first, *self._details()])

    def _details(self) -> list[str]:
        """Return the breakdown lines of the summary (only for counts that are not zero)."""
        lines = []
        if self.duplicates:
            lines.append(
                f"duplicates: {self.duplicate_urls:,} by URL (already stored), {self.duplicate_texts:,} "
                "by content (the same or nearly the same text from another URL or file)"
            )
        if self.not_football:
            lines.append(f"not football: {_tally(self.not_football)}")
        if self.skipped:
            lines.append(f"skipped archive records: {_tally(self.skipped)}")
        if self.failed:
            lines.append(f"failed: {_tally(Counter(failure_group(m) for _, m in self.failed))}")
        return lines

    def failures_by_group(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Return the failures grouped by kind (error code), largest group first."""
        groups: dict[str, list[tuple[str, str]]] = {}
        for source, message in self.failed:
            groups.setdefault(failure_group(message), []).append((source, message))
        return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _tally(counts: Counter[str]) -> str:
    """Return ``N (a reason-one; b reason-two)``, most frequent first."""
    parts = "; ".join(f"{n:,} {reason}" for reason, n in counts.most_common())
    return f"{sum(counts.values()):,} ({parts})"


_CODE = re.compile(r"\[(T\d+)\]")


def failure_group(message: str) -> str:
    """Return the kind of a failure message: its error code and what the code means."""
    found = _CODE.search(message)
    if found is None:
        return "internal error" if "internal error" in message else "other error"
    code = found.group(1)
    return f"{code} {_error_labels().get(code, 'error')}"


@cache
def _error_labels() -> dict[str, str]:
    """Return each error code's meaning: the first line of its class's docstring, lower case."""
    labels: dict[str, str] = {}
    pending: list[type[TabellinoError]] = [TabellinoError]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        doc = (cls.__doc__ or cls.__name__).strip().splitlines()[0].rstrip(".")
        labels.setdefault(cls.code, doc[:1].lower() + doc[1:])
    return labels


def not_football(extraction: Extraction) -> str | None:
    """Return why an extraction holds no football facts, or None when it does.

    Football facts: a match, a tie, or a quote of someone the article names with a club or role
    (quotation finding alone is not football-specific).
    """
    if extraction.matches or extraction.ties:
        return None
    known = {p.name for p in extraction.people if p.club or p.role}
    if any(q.speaker in known for q in extraction.quotes):
        return None
    return NO_LANGUAGE if extraction.article.language == UNKNOWN else NO_FACTS


def ingest(
    items: Iterable[Document | Failure | Skip],
    engine: Engine,
    pipeline: Processor,
    on_item: Callable[[str], None] | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Clean, extract and store every document; call ``on_item(source)`` after each one.

    ``report`` (default: a new one) is filled as the run goes, so a progress display can read it.
    """
    report = report if report is not None else IngestReport()
    for item in items:
        if isinstance(item, Document):
            _ingest_one(item, engine, pipeline, report)
            source = item.id
        elif isinstance(item, Skip):
            report.skipped[item.reason] += item.count
            continue
        else:
            report.failed.append((item.source, str(item.error)))
            source = item.source
        if on_item is not None:
            on_item(source)
    return report


def _ingest_one(doc: Document, engine: Engine, pipeline: Processor, report: IngestReport) -> None:
    """Ingest one document, recording a failure instead of raising."""
    try:
        _store_one(doc, engine, pipeline, report)
    except DataFileError:
        raise  # broken language or knowledge-base data fails every article: stop at once
    except TabellinoError as exc:
        report.failed.append((doc.id, str(exc)))
    except Exception as exc:  # a bug on one article must not lose the rest of a long run
        report.failed.append((doc.id, f"internal error: {type(exc).__name__}: {exc}"))


def _store_one(doc: Document, engine: Engine, pipeline: Processor, report: IngestReport) -> None:
    """Skip a duplicate (by URL before cleaning, by content before extraction); store the rest."""
    if doc.url and has_url(engine, doc.url) is not None:
        report.duplicate_urls += 1
        return
    article = pipeline.article(doc)
    copy = find_duplicate(engine, article)
    if copy is not None:
        report.add_duplicate(copy)
        return
    extraction = pipeline.extract(article)
    why = not_football(extraction)
    if why is not None:
        report.not_football[why] += 1
        return
    report.add(store_extraction(engine, extraction))
