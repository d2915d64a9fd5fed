"""Build hand-made Extraction objects from tests/data/store_articles.json (test helper, not a test)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from tabellino.models import Article, Evidence, Extraction, Goal, Match, Quote, RedCard, Span

DATA = Path(__file__).parent / "data"


@cache
def articles() -> dict[str, Any]:
    """Return the article specs by name."""
    specs = json.loads((DATA / "store_articles.json").read_text(encoding="utf-8"))
    return {k: v for k, v in specs.items() if not k.startswith("_")}


def span_of(text: str, words: str) -> Span:
    """Return the span of the first occurrence of ``words`` in ``text``."""
    start = text.index(words)
    return Span(start, start + len(words))


def build(name: str) -> Extraction:
    """Return the extraction of the article spec ``name``."""
    spec = articles()[name]
    text = spec["text"]
    published = date.fromisoformat(spec["published"]) if spec.get("published") else None
    article = Article(
        id=name, text=text, language=spec["language"], published=published, title=spec.get("title")
    )
    matches = [_match(text, m) for m in spec.get("matches", [])]
    quotes = [
        Quote(speaker=q["speaker"], text=q["text"], span=span_of(text, q["text"]), match_index=q.get("match"))
        for q in spec.get("quotes", [])
    ]
    return Extraction(article=article, matches=matches, quotes=quotes)


def _match(text: str, spec: dict[str, Any]) -> Match:
    """Build one match, citing its evidence substrings."""
    fields = {k: v for k, v in spec.items() if k not in ("goals", "red_cards", "evidence")}
    if fields.get("date"):
        fields["date"] = date.fromisoformat(fields["date"])
    match = Match(**fields)
    for name, words in spec.get("evidence", {}).items():
        match.cite(name, span_of(text, words))
    match.goals = [_goal(text, g) for g in spec.get("goals", [])]
    match.red_cards = [
        RedCard(
            team=c.get("team"),
            player=c.get("player"),
            minute=c.get("minute"),
            evidence=Evidence([span_of(text, c["cite"])]),
        )
        for c in spec.get("red_cards", [])
    ]
    return match


def _goal(text: str, spec: dict[str, Any]) -> Goal:
    """Build one goal citing its words."""
    fields = {k: v for k, v in spec.items() if k != "cite"}
    return Goal(**fields, evidence=Evidence([span_of(text, spec["cite"])]))
