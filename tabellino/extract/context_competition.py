"""Component ``competition``: the competition each match was played in.

For each match, in order: a competition named in its result sentence, in its (short) result line,
in the nearest heading above it ("Premier League results" over a list), in a sentence about the
match; else the competition of the other leg of the same tie; else the article's dominant
competition (named most often in the title and first paragraph). Mentions that are about something
else ("ten points adrift of Serie A leaders", "facing a Champions League playoff") are dropped by
the cue patterns of ``[stages]``.
"""

from __future__ import annotations

from functools import cache

from tabellino.extract import component
from tabellino.extract.context_scope import (
    Context,
    Hit,
    Layout,
    Memo,
    Scope,
    by_heading,
    by_sentence,
    dominant,
    followed_by,
    in_about,
    in_heading,
    in_line,
    in_result,
    preceded_by,
    preset,
)
from tabellino.extract.doc import Doc
from tabellino.kb import Competition, KnowledgeBase
from tabellino.models import Match

__all__ = ["article_competition", "competition", "competition_hits"]


_HITS: Memo[list[Hit[str]]] = Memo()


def competition_hits(doc: Doc, layout: Layout) -> list[Hit[str]]:
    """Return the competition mentions that can name a match's competition, with canonical names.

    Competition, stage and ties all ask for them: they are read once per doc (the list is shared,
    not to be changed).
    """
    key = (doc, doc.text, doc.lang, doc.kb, layout, *doc.competitions)
    return _HITS.get(key, lambda: _competition_hits(doc, layout))


def _competition_hits(doc: Doc, layout: Layout) -> list[Hit[str]]:
    """Read the competition mentions that can name a match's competition."""
    before = doc.lang.patterns("stages", "competition_skip_before_patterns")
    after = doc.lang.patterns("stages", "competition_skip_after_patterns")
    hits: list[Hit[str]] = []
    for c in sorted(doc.competitions, key=lambda c: c.start):
        name = _competition_name(doc, c.competition)
        sentence = layout.sentences[layout.sentence_at(c.start)]
        if name is None or preceded_by(doc.text, c.start, sentence.start, before):
            continue
        if not followed_by(doc.text, c.end, sentence.end, after):
            hits.append(Hit(c.start, c.end, name))
    return hits


def article_competition(layout: Layout, hits: list[Hit[str]], offset: int) -> Hit[str] | None:
    """Return the competition that governs ``offset``: the nearest heading above, else the lead's."""
    return in_heading(layout, offset, by_heading(hits, layout)) or dominant(hits, layout.lead_end)


@component("competition")
def competition(doc: Doc) -> None:
    """Set each match's competition from its own sentences, headings, the other leg or the lead."""
    if not doc.matches:
        return
    ctx = Context.build(doc)
    hits = competition_hits(doc, ctx.layout)
    chosen = _stated(ctx, hits)
    partners = ctx.partners()
    lead = dominant(hits, ctx.layout.lead_end)
    for sc in ctx.scopes:
        other = partners.get(sc.index)
        if sc.index in chosen:
            _apply(doc, sc, chosen[sc.index], derived=False)
        elif other is not None and other.index in chosen:
            _apply(doc, sc, chosen[other.index], derived=True)
        elif lead is not None:
            _apply(doc, sc, lead, derived=True)


def _stated(ctx: Context, hits: list[Hit[str]]) -> dict[int, Hit[str]]:
    """Return, per scope index, the competition stated near the match (sentence, line, heading)."""
    sentences, headings = by_sentence(hits, ctx.layout), by_heading(hits, ctx.layout)
    chosen: dict[int, Hit[str]] = {}
    for sc in ctx.scopes:
        hit = (
            preset(sc, "competition")
            or in_result(ctx, sc, sentences, spread=True)
            or in_line(ctx, sc, hits, spread=True)
            or in_heading(ctx.layout, sc.first, headings)
            or in_about(sc, sentences)
        )
        if hit is not None:
            chosen[sc.index] = hit
    return chosen


def _apply(doc: Doc, scope: Scope, hit: Hit[str], derived: bool) -> None:
    """Set the match's competition (unless already set and unless it cannot be it) and cite the mention."""
    if scope.match.competition is None and _fits(doc, scope.match, hit.value):
        scope.match.competition = hit.value
        scope.match.cite("competition", hit.span, derived=derived or hit.derived)


def _fits(doc: Doc, match: Match, name: str) -> bool:
    """Return False for a national league given to a match with a club the knowledge base lacks.

    The knowledge base holds every club of the national leagues it knows, so a club it lacks plays
    in a lower or regional league: a bare "la Liga" in its report is not LaLiga.
    """
    league = _competitions_by_name(doc.kb).get(name)
    if league is None or league.kind != "league" or league.country is None:
        return True
    return all(doc.kb.lookup_club(team) is not None for team in match.teams())


@cache
def _competitions_by_name(kb: KnowledgeBase) -> dict[str, Competition]:
    """Return the knowledge base's competitions by canonical name."""
    return {c.name: c for c in kb.competitions()}


def _competition_name(doc: Doc, competition_id: str) -> str | None:
    """Return the canonical name of a competition id, or None when the KB does not know it."""
    try:
        return doc.kb.competition(competition_id).name
    except (KeyError, LookupError):
        return None
