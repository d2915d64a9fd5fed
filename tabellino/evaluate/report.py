"""Counts, scores and the evaluation report (per field, per language, per folder, every miss)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FIELDS", "ArticleScore", "Counts", "EvalReport", "FieldScore", "Miss"]

FIELDS: tuple[str, ...] = (
    "teams",
    "results",
    "home_away",
    "scorers",
    "minutes",
    "penalties_own_goals",
    "red_cards",
    "coaches",
    "quotes",
    "competition",
    "stage",
    "date",
    "venue",
    "leg",
    "primary",
    "ties",
)


@dataclass(slots=True)
class Counts:
    """How many values were right, predicted and in the gold for one field."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        """Add another field's counts to these."""
        self.correct += other.correct
        self.predicted += other.predicted
        self.gold += other.gold

    def to_json(self) -> dict[str, int]:
        """Return the counts as a dict."""
        return {"correct": self.correct, "predicted": self.predicted, "gold": self.gold}


@dataclass(frozen=True, slots=True)
class FieldScore:
    """Precision, recall and F1 of one field; ``support`` is the number of gold values."""

    precision: float
    recall: float
    f1: float
    support: int
    correct: int = 0
    predicted: int = 0

    @classmethod
    def from_counts(cls, counts: Counts) -> FieldScore:
        """Score counts; a field with nothing predicted and nothing in the gold scores 1.0."""
        if counts.predicted == 0 and counts.gold == 0:
            return cls(1.0, 1.0, 1.0, 0, 0, 0)
        p = counts.correct / counts.predicted if counts.predicted else 0.0
        r = counts.correct / counts.gold if counts.gold else 0.0
        f1 = 2 * counts.correct / (counts.predicted + counts.gold)  # = 2pr / (p + r), without rounding error
        return cls(p, r, f1, counts.gold, counts.correct, counts.predicted)

    def to_json(self) -> dict[str, float | int]:
        """Return the score as a dict."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
            "correct": self.correct,
            "predicted": self.predicted,
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """One disagreement: what the gold expected and what the system gave (None = nothing)."""

    article: str
    field: str
    expected: str | None
    got: str | None
    match: str | None = None

    def to_json(self) -> dict[str, str | None]:
        """Return the miss as a dict."""
        return {
            "article": self.article,
            "field": self.field,
            "match": self.match,
            "expected": self.expected,
            "got": self.got,
        }


@dataclass(slots=True)
class ArticleScore:
    """The counts and misses of one article."""

    id: str
    language: str
    directory: str = ""
    counts: dict[str, Counts] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    error: str | None = None

    def count(self, name: str) -> Counts:
        """Return the counts of field ``name``, created empty on first use."""
        return self.counts.setdefault(name, Counts())

    def to_json(self) -> dict[str, Any]:
        """Return the article's counts, misses and error as a dict."""
        return {
            "id": self.id,
            "language": self.language,
            "directory": self.directory,
            "counts": {name: c.to_json() for name, c in self.counts.items()},
            "misses": [m.to_json() for m in self.misses],
            "error": self.error,
        }


@dataclass(slots=True)
class EvalReport:
    """Scores of a set of articles, per field, overall and by language or folder."""

    articles: list[ArticleScore] = field(default_factory=list)

    def field(self, name: str, language: str | None = None, directory: str | None = None) -> FieldScore:
        """Return the score of field ``name``, over all articles or one language / folder."""
        if name not in FIELDS:
            raise KeyError(f"unknown field {name!r}; known: {', '.join(FIELDS)}")
        total = Counts()
        for art in self._select(language, directory):
            if name in art.counts:
                total.add(art.counts[name])
        return FieldScore.from_counts(total)

    def languages(self) -> list[str]:
        """Return the languages of the scored articles, sorted."""
        return sorted({a.language for a in self.articles})

    def directories(self) -> list[str]:
        """Return the folders of the scored articles, in first-seen order."""
        return list(dict.fromkeys(a.directory for a in self.articles))

    def misses(self, fields: Iterable[str] | None = None) -> list[Miss]:
        """Return every miss, optionally only those of some fields."""
        wanted = set(fields) if fields is not None else None
        return [m for a in self.articles for m in a.misses if wanted is None or m.field in wanted]

    def errors(self) -> list[tuple[str, str]]:
        """Return ``(article id, error)`` for articles the system failed on."""
        return [(a.id, a.error) for a in self.articles if a.error]

    def _select(self, language: str | None, directory: str | None) -> list[ArticleScore]:
        """Return the articles of one language and/or folder (all when None)."""
        return [
            a for a in self.articles if language in (None, a.language) and directory in (None, a.directory)
        ]

    def scores(self, language: str | None = None, directory: str | None = None) -> dict[str, FieldScore]:
        """Return every field's score for one selection of articles."""
        return {name: self.field(name, language, directory) for name in FIELDS}

    def to_json(self) -> dict[str, Any]:
        """Return scores overall, by language and by folder, plus every article's counts and misses."""
        return {
            "articles": len(self.articles),
            "fields": _scores_json(self.scores()),
            "by_language": {lang: _scores_json(self.scores(language=lang)) for lang in self.languages()},
            "by_directory": {d: _scores_json(self.scores(directory=d)) for d in self.directories()},
            "misses": [m.to_json() for m in self.misses()],
            "errors": [{"article": a, "error": e} for a, e in self.errors()],
            "per_article": [a.to_json() for a in self.articles],
        }

    def to_text(self, show_misses: bool = True, fields: Iterable[str] | None = None) -> str:
        """Render the score table, F1 by language and by folder, then the misses (of ``fields``)."""
        parts = [f"{len(self.articles)} articles", _main_table(self.scores())]
        if len(self.languages()) > 1:
            parts.append(_f1_table("F1 by language", self.languages(), lambda c: self.scores(language=c)))
        if len(self.directories()) > 1:
            parts.append(_f1_table("F1 by folder", self.directories(), lambda c: self.scores(directory=c)))
        if self.errors():
            parts.append("errors\n" + "\n".join(f"  {a}: {e}" for a, e in self.errors()))
        if show_misses:
            parts.append(_misses_text(self.misses(fields)))
        return "\n\n".join(parts) + "\n"


def _scores_json(scores: dict[str, FieldScore]) -> dict[str, dict[str, float | int]]:
    """Return field scores as JSON-ready dicts."""
    return {name: s.to_json() for name, s in scores.items()}


def _main_table(scores: dict[str, FieldScore]) -> str:
    """Render field, P, R, F1, support (and predicted count) as aligned columns."""
    width = max(len(n) for n in FIELDS)
    lines = [f"{'field':<{width}}  {'P':>6}  {'R':>6}  {'F1':>6}  {'support':>7}  {'predicted':>9}"]
    for name, s in scores.items():
        lines.append(
            f"{name:<{width}}  {s.precision:>6.3f}  {s.recall:>6.3f}  {s.f1:>6.3f}  "
            f"{s.support:>7}  {s.predicted:>9}"
        )
    return "\n".join(lines)


def _f1_table(title: str, columns: Sequence[str], score: Callable[[str], dict[str, FieldScore]]) -> str:
    """Render F1 per field (rows) for each language or folder (columns)."""
    width = max(len(n) for n in (*FIELDS, title))
    col = max(6, *(len(c) for c in columns))
    per_col = {c: score(c) for c in columns}
    lines = [f"{title:<{width}}  " + "  ".join(f"{c:>{col}}" for c in columns)]
    for name in FIELDS:
        cells = "  ".join(f"{per_col[c][name].f1:>{col}.3f}" for c in columns)
        lines.append(f"{name:<{width}}  {cells}")
    return "\n".join(lines)


def _misses_text(misses: list[Miss]) -> str:
    """Render the misses as aligned lines: article, field, match, expected, got."""
    if not misses:
        return "misses: none"
    rows = [(m.article, m.field, m.match or "", _show(m.expected), _show(m.got)) for m in misses]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"misses ({len(misses)})"]
    for art, name, match, expected, got in rows:
        lines.append(
            f"  {art:<{widths[0]}}  {name:<{widths[1]}}  {match:<{widths[2]}}  "
            f"expected: {expected}  got: {got}"
        )
    return "\n".join(lines)


def _show(value: str | None) -> str:
    """Render a missing value as a dash."""
    return "-" if value is None else value
