"""Resolve ambiguous club mentions by the context of the same text, or leave them ambiguous.

A mention with several candidate clubs is narrowed, in this order, by:

1. a top-flight club whose established (canonical) name the mention is ("Rangers" is Rangers,
   not Queens Park Rangers; "Inter" is Inter, not Inter Turku);
2. the clubs named unambiguously elsewhere in the text ("Nerazzurri" next to "Atalanta");
3. the countries of the resolved clubs and of the competitions named in the text;
4. the countries whose press writes in the text's language ("Sporting" in Portuguese).

What is still ambiguous after that keeps every remaining candidate: never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tabellino.kb.base import Club, ClubMention
from tabellino.kb.fold import key

__all__ = ["Pending", "resolve_clubs"]

_KIND_ORDER = {"name": 0, "nickname": 1, "demonym": 2}


@dataclass
class Pending:
    """A club mention under resolution: candidate ids and the kind each was found as."""

    start: int
    end: int
    text: str
    kinds: dict[str, str]
    index: int = -1  # where the mention stands in the text's list of club mentions

    @property
    def candidates(self) -> list[str]:
        """Return the current candidate ids."""
        return list(self.kinds)


def _narrow(
    p: Pending, clubs: dict[str, Club], resolved: set[str], countries: Iterable[set[str]]
) -> list[str]:
    """Return the candidates left after the context steps (one when resolved)."""
    cands = p.candidates
    k = key(p.text)
    established = [c for c in cands if clubs[c].top and key(clubs[c].name) == k]
    if len(established) == 1:
        return established
    mentioned = [c for c in cands if c in resolved]
    if mentioned:
        cands = mentioned
        if len(cands) == 1:
            return cands
    for allowed in countries:
        local = [c for c in cands if clubs[c].country in allowed]
        if local:
            cands = local
            if len(cands) == 1:
                return cands
    return cands


def _order(ids: list[str], clubs: dict[str, Club]) -> list[str]:
    """Return candidate ids with top-flight clubs first, then by id (a stable, readable order)."""
    return ids if len(ids) == 1 else sorted(ids, key=lambda c: (not clubs[c].top, c))


def resolve_clubs(
    mentions: list[ClubMention],
    ambiguous: list[Pending],
    clubs: dict[str, Club],
    comp_countries: set[str],
    lang_countries: set[str],
) -> None:
    """Resolve the ambiguous mentions of one text and put them in ``mentions`` at their index.

    ``mentions`` holds every club mention of the text, the ambiguous ones as stand-ins.
    """
    ambiguous_at = {p.index for p in ambiguous}
    resolved = {m.candidates[0] for i, m in enumerate(mentions) if i not in ambiguous_at}
    for _ in range(2):
        text_countries = {clubs[c].country for c in resolved} | comp_countries
        changed = False
        for p in ambiguous:
            if len(p.kinds) > 1:
                left = _narrow(p, clubs, resolved, (text_countries, lang_countries))
                if len(left) < len(p.kinds):
                    p.kinds = {c: p.kinds[c] for c in left}
                    changed = True
                    if len(left) == 1:
                        resolved.add(left[0])
        if not changed:
            break
    for p in ambiguous:
        mentions[p.index] = _mention(p, clubs)


def _mention(p: Pending, clubs: dict[str, Club]) -> ClubMention:
    """Return the final mention, kind = the strongest kind among its candidates."""
    if len(p.kinds) == 1:
        ((cid, kind),) = p.kinds.items()
        return ClubMention(p.start, p.end, p.text, (cid,), kind)
    kind = min(p.kinds.values(), key=lambda k: _KIND_ORDER.get(k, 9))
    return ClubMention(p.start, p.end, p.text, tuple(_order(p.candidates, clubs)), kind)
