"""Component ``match_date``: the day each match was played, when the text states it.

Dates come from :func:`tabellino.ingest.dates.find_dates`, which also resolves relative words
("last night", "sabato") against the article's published date. A match takes a date written in its
result sentence (one date in a sentence applies to every result in it), else, for the article's
main match, in a sentence about it ("The match, played ... on February 5, 2026"). Never the
published date by default.
A date after publication cannot be a result's date, and dates after cue words of other events
("since", "next", ``[stages] date_skip_before_patterns``) are dropped. Relative dates are cited as
derived.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from typing import Protocol

from tabellino.extract import component
from tabellino.extract.context_scope import (
    Context,
    Hit,
    Layout,
    by_sentence,
    in_about,
    in_result,
    preceded_by,
)
from tabellino.extract.doc import Doc
from tabellino.lang import LanguageData

__all__ = ["DateLike", "date_hits", "match_date"]


class DateLike(Protocol):
    """What the date finder returns for each date it finds in a text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def value(self) -> date: ...

    @property
    def relative(self) -> bool: ...


DateFinder = Callable[[str, LanguageData, date | None], Sequence[DateLike]]


@cache
def _finder() -> DateFinder | None:
    """Return the ingest date finder, or None while it is not available."""
    try:
        module = importlib.import_module("tabellino.ingest.dates")
    except ImportError:
        return None
    found = getattr(module, "find_dates", None)
    return found if callable(found) else None


def _find_dates(text: str, lang: LanguageData, anchor: date | None) -> Sequence[DateLike]:
    """Return the dates in ``text`` (relative ones resolved against ``anchor``)."""
    finder = _finder()
    return finder(text, lang, anchor) if finder is not None else []


def date_hits(doc: Doc, layout: Layout) -> list[Hit[date]]:
    """Return the dates that can be a match's date: not after publication, not another event's."""
    published = doc.article.published
    skip = doc.lang.patterns("stages", "date_skip_before_patterns")
    hits: list[Hit[date]] = []
    for d in sorted(_find_dates(doc.text, doc.lang, published), key=lambda d: d.start):
        floor = layout.sentences[layout.sentence_at(d.start)].start
        if published is not None and d.value > published:
            continue
        if not preceded_by(doc.text, d.start, floor, skip):
            hits.append(Hit(d.start, d.end, d.value, derived=d.relative))
    return hits


@component("match_date")
def match_date(doc: Doc) -> None:
    """Set each match's date from its result sentence or a sentence about it."""
    if not doc.matches:
        return
    ctx = Context.build(doc)
    hits = date_hits(doc, ctx.layout)
    if not hits:
        return
    sentences = by_sentence(hits, ctx.layout)
    for sc in ctx.scopes:
        # A match mentioned in passing shares its teams with other legs and meetings, so only
        # the article's own match takes a date from a sentence that merely names both teams.
        about = sc.match.primary or len(ctx.scopes) == 1
        hit = in_result(ctx, sc, sentences, spread=True) or (in_about(sc, sentences) if about else None)
        if hit is not None and sc.match.date is None:
            sc.match.date = hit.value
            sc.match.cite("date", hit.span, derived=hit.derived)
