"""Turn the gazetteer's hits in one text into club, competition, venue and city mentions."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from tabellino.kb.assemble import Facts
from tabellino.kb.base import CityMention, ClubMention, CompetitionMention, VenueMention
from tabellino.kb.gazetteer import CITY, CLUB, COMPETITION, VENUE, Entry, Gazetteer, Hit, iter_selected
from tabellino.kb.resolve import Pending, resolve_clubs

__all__ = ["split_hits"]


def _category(hit: Hit, gaz: Gazetteer, text: str, language: str) -> int:
    """Return the one category a hit stands for.

    A name that is both a club and its home city ("Leipzig", "Milan" in English) is the club,
    unless a locative preposition shows it is the place ("in Leipzig", "a Milano").
    """
    # Entries are sorted by category, and the priority order is the categories' order.
    first, last = hit.entries[0].category, hit.entries[-1].category
    if first == CLUB and last == CITY:
        return CITY if gaz.locative_before(text, hit.start, language) else CLUB
    return first


def _only(hit: Hit, category: int) -> Hit:
    """Return the hit with the entries of one category only (a slice: they are sorted by category)."""
    lo = bisect_left(hit.entries, category, key=_category_of)
    hi = bisect_right(hit.entries, category, lo, key=_category_of)
    return Hit(hit.start, hit.end, hit.entries[lo:hi])


_category_of = attrgetter("category")


Mentions = tuple[list[ClubMention], list[CompetitionMention], list[VenueMention], list[CityMention]]


def split_hits(facts: Facts, gaz: Gazetteer, hits: list[Hit], text: str, language: str) -> Mentions:
    """Select non-overlapping hits and build the four mention lists (clubs resolved by context)."""
    clubs: list[ClubMention] = []
    pending: list[Pending] = []
    comps: list[CompetitionMention] = []
    venues: list[VenueMention] = []
    cities: list[CityMention] = []
    for raw in iter_selected(hits, len(text)):
        category = raw.entries[0].category
        if category == raw.entries[-1].category:  # entries are sorted by category
            hit = raw
        else:
            category = _category(raw, gaz, text, language)
            hit = _only(raw, category)
        span = text[hit.start : hit.end]
        if category == CLUB:
            clubs.append(_club(hit, span, len(clubs), pending))
        elif category == COMPETITION:
            comps.append(CompetitionMention(hit.start, hit.end, span, hit.entries[0].target))
        elif category == VENUE:
            venues.append(_venue(facts, gaz, hit, text))
        else:
            cities.append(CityMention(hit.start, hit.end, span, facts.cities.get(hit.entries[0].target, ())))
    if pending:
        _resolve(facts, clubs, pending, comps, language)
    return clubs, comps, venues, cities


def _club(hit: Hit, span: str, index: int, pending: list[Pending]) -> ClubMention:
    """Return the mention of a club hit; one naming several clubs is also added to ``pending``.

    The mention returned for such a hit is a stand-in that :func:`_resolve` replaces.
    """
    entries = hit.entries
    if len(entries) == 1:  # the common case: one name of one club
        return ClubMention(hit.start, hit.end, span, (entries[0].target,), entries[0].kind)
    kinds = _kinds(entries)
    if len(kinds) == 1:
        ((cid, kind),) = kinds.items()
        return ClubMention(hit.start, hit.end, span, (cid,), kind)
    pending.append(Pending(hit.start, hit.end, span, kinds, index))
    return ClubMention(hit.start, hit.end, span, tuple(kinds))


_KIND_RANK = {"name": 0, "nickname": 1, "demonym": 2}


def _kinds(entries: tuple[Entry, ...]) -> dict[str, str]:
    """Return club id -> the strongest kind of name it was found as."""
    if len(entries) == 1:
        return {entries[0].target: entries[0].kind}
    kinds: dict[str, str] = {}
    for e in entries:
        old = kinds.get(e.target)
        kinds[e.target] = e.kind if old is None or _kind_rank(e.kind) < _kind_rank(old) else old
    return kinds


def _kind_rank(kind: str) -> int:
    """Return the strength of a kind of name (a name beats a nickname beats a demonym)."""
    return _KIND_RANK.get(kind, 3)


def _venue(facts: Facts, gaz: Gazetteer, hit: Hit, text: str) -> VenueMention:
    """Return a venue mention, widened to a stadium word written before it ("stade Pierre-Mauroy")."""
    start = gaz.venue_prefix(text, hit.start)
    clubs: list[str] = []
    for e in hit.entries:
        venue = facts.venues.get(e.target)
        clubs.extend(c for c in (venue.clubs if venue else ()) if c not in clubs)
    written = text[start : hit.end]
    return VenueMention(start, hit.end, written, " ".join(written.split()), tuple(clubs))


def _resolve(
    facts: Facts,
    clubs: list[ClubMention],
    pending: list[Pending],
    comps: list[CompetitionMention],
    language: str,
) -> None:
    """Resolve the ambiguous club mentions with the text's clubs, competitions and language as context."""
    comp_countries = {c for m in comps if (c := facts.competitions[m.competition].country)}
    layer = facts.layer
    lang_countries = (
        set(layer.languages[language].countries) if layer and language in layer.languages else set()
    )
    resolve_clubs(clubs, pending, facts.clubs, comp_countries, lang_countries)
