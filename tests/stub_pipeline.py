"""A stand-in pipeline for command-line tests: one fixed match per article (test helper, not a test)."""

from __future__ import annotations

from tabellino.models import Article, Document, Evidence, Extraction, Goal, Match, Span


class StubPipeline:
    """Cleans nothing and 'extracts' one match citing the article's first word."""

    def article(self, doc: Document) -> Article:
        return Article(id=doc.id, text=doc.text, language=doc.language or "en", published=doc.published)

    def extract(self, article: Article) -> Extraction:
        first = Span(0, len(article.text.split()[0]))
        match = Match(home="Atalanta", away="Juventus", home_goals=3, away_goals=0)
        match.cite("home", first)
        match.goals.append(Goal(team="Atalanta", scorer="Scamacca", minute=12, evidence=Evidence([first])))
        return Extraction(article=article, matches=[match])

    def process(self, doc: Document) -> Extraction:
        return self.extract(self.article(doc))
