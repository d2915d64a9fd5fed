"""The pure pipeline: Document -> Article -> Extraction, with language data and KB loaded once.

Nothing here does I/O beyond loading packaged data on first use; the CLI, the store, eval and the
benchmark all call :meth:`Pipeline.process`.
"""

from __future__ import annotations

from collections.abc import Sequence

from tabellino.extract import DEFAULT_PIPELINE, NEUTRAL_PIPELINE, run_components
from tabellino.ingest.clean import clean_document
from tabellino.kb import KnowledgeBase
from tabellino.lang import load_language, neutral_language, supported_languages
from tabellino.models import Article, Document, Extraction

__all__ = ["Pipeline"]


class Pipeline:
    """Clean and extract articles with a fixed list of named extraction components."""

    def __init__(self, components: Sequence[str] | None = None) -> None:
        self.components = list(components or DEFAULT_PIPELINE)
        self.kb = KnowledgeBase.load()
        self.languages = supported_languages()

    def article(self, doc: Document) -> Article:
        """Clean a document into an article (boilerplate spans, title, date, language)."""
        return clean_document(doc)

    def extract(self, article: Article) -> Extraction:
        """Run the extraction components over a clean article."""
        if article.language not in self.languages:
            neutral = [name for name in self.components if name in NEUTRAL_PIPELINE]
            return run_components(article, neutral_language(), self.kb, neutral)
        lang = load_language(article.language)
        return run_components(article, lang, self.kb, self.components)

    def process(self, doc: Document) -> Extraction:
        """Clean a document and extract its facts."""
        return self.extract(self.article(doc))
