"""Component ``ties``: knockout outcomes stated without a score ("Galatasaray knocked out Juventus").

Cue phrases come from ``[ties]``: ``winner_first_patterns`` (the team before the phrase went
through: "X knocked out Y", "X elimina Y", "X beat Y on penalties") and ``loser_first_patterns``
("Y were knocked out by X", "Y eliminata da X"). The team on each side is the nearest club named in
the same sentence within a short distance; with "respectively" the lists on both sides are paired in
order ("A and B were knocked out by C and D, respectively"). A sentence that states a score belongs
to a match, not a tie, and so does a sentence holding the result of a match between the same two
clubs. Unresolved clubs are never guessed. The competition comes from the sentence, else the
heading above, else the article's lead; the stage only from the sentence ("in the playoffs").
"""

from __future__ import annotations

import bisect
from functools import cache

from tabellino.extract import component
from tabellino.extract.context_competition import article_competition, competition_hits
from tabellino.extract.context_regex import Alternation, AltMatch
from tabellino.extract.context_scope import (
    RESULT_KEYS,
    WINDOW,
    Hit,
    Layout,
    by_sentence,
    club_name,
    distance,
)
from tabellino.extract.context_stage import stage_hits
from tabellino.extract.doc import Doc
from tabellino.kb import ClubMention
from tabellino.lang import LanguageData
from tabellino.models import Evidence, Span, Tie

__all__ = ["ties"]

WINNER_FIRST, LOSER_FIRST = "winner_first", "loser_first"


@cache
def _tie_alternation(lang: LanguageData) -> Alternation[str]:
    """Compile a language's tie phrases into one scanner labelled by which side won."""
    kinds = (WINNER_FIRST, LOSER_FIRST)
    items = [(kind, p) for kind in kinds for p in lang.words("ties", f"{kind}_patterns")]
    return Alternation.build(items, f"{lang.code} [ties]")


class _Clubs:
    """Club mentions in text order, with the runs of clubs listed next to a phrase."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        self.clubs = sorted(doc.clubs, key=lambda c: c.start)
        self.starts = [c.start for c in self.clubs]
        self.joiners = doc.lang.patterns("ties", "list_joiner_patterns")

    def _joined(self, gap: str) -> bool:
        return any(p.fullmatch(gap) for p in self.joiners)

    def before(self, pos: int, floor: int) -> list[ClubMention]:
        """Return the clubs listed right before ``pos`` (nearest last), within the sentence."""
        run: list[ClubMention] = []
        i, limit = bisect.bisect_left(self.starts, pos) - 1, pos
        while i >= 0 and self.clubs[i].start >= floor and self.clubs[i].end <= limit:
            gap = self.text[self.clubs[i].end : limit]
            if (run and not self._joined(gap)) or (not run and len(gap) > WINDOW):
                break
            run.append(self.clubs[i])
            i, limit = i - 1, self.clubs[i].start
        return run[::-1]

    def after(self, pos: int, ceiling: int) -> list[ClubMention]:
        """Return the clubs listed right after ``pos`` (nearest first), within the sentence."""
        run: list[ClubMention] = []
        i, limit = bisect.bisect_left(self.starts, pos), pos
        while i < len(self.clubs) and self.clubs[i].end <= ceiling:
            gap = self.text[limit : self.clubs[i].start]
            if (run and not self._joined(gap)) or (not run and len(gap) > WINDOW):
                break
            run.append(self.clubs[i])
            i, limit = i + 1, self.clubs[i].end
        return run


@component("ties")
def ties(doc: Doc) -> None:
    """Add a Tie for every knockout outcome the text states without a score."""
    if doc.result is None:
        return
    finder = _TieFinder(doc)
    seen: set[tuple[str, str]] = set()
    for am in _tie_alternation(doc.lang).finditer(doc.text):
        for tie in finder.ties(am):
            key = (tie.winner, tie.loser)
            if key not in seen:
                seen.add(key)
                doc.result.ties.append(tie)


class _TieFinder:
    """What a doc's tie phrases are read against: sentences, clubs, results, competitions, stages."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.layout = Layout.of(doc)
        self.blocked = {self.layout.sentence_at(s.start) for s in doc.scores}
        self.results = _result_sentences(doc, self.layout)
        self.clubs = _Clubs(doc)
        self.competitions = competition_hits(doc, self.layout)
        self.competitions_in = by_sentence(self.competitions, self.layout)
        self.stages_in = by_sentence(stage_hits(doc, self.layout), self.layout)
        self.respectively = doc.lang.patterns("ties", "respectively_patterns")

    def ties(self, am: AltMatch[str]) -> list[Tie]:
        """Return the ties a phrase states (none in a sentence that states a score)."""
        s = self.layout.sentence_at(am.match.start())
        if s in self.blocked:
            return []
        sentence = self.layout.sentences[s]
        listed = any(p.search(self.doc.text, sentence.start, sentence.end) for p in self.respectively)
        cue = Span(am.match.start(), am.match.end())
        out: list[Tie] = []
        for winner, loser in _sides(am, self.clubs, sentence, listed):
            names = _names(self.doc, winner, loser)
            if names is not None and (s, frozenset(names)) not in self.results:
                out.append(_tie(names, [cue, _span(winner), _span(loser)], *self._context(s, cue)))
        return out

    def _context(self, s: int, cue: Span) -> tuple[Hit[str] | None, Hit[str] | None]:
        """Return the competition and stage of a tie phrase in sentence ``s``."""
        named = self.competitions_in.get(s)
        competition = named[0] if named else article_competition(self.layout, self.competitions, cue.start)
        stage = min(self.stages_in.get(s, []), key=lambda h: distance(h, cue), default=None)
        return competition, stage


def _sides(
    am: AltMatch[str], clubs: _Clubs, sentence: Span, listed: bool
) -> list[tuple[ClubMention, ClubMention]]:
    """Return (winner, loser) mention pairs around a tie phrase."""
    before = clubs.before(am.match.start(), sentence.start)
    after = clubs.after(am.match.end(), sentence.end)
    if not before or not after:
        return []
    if listed and len(before) == len(after) > 1:
        pairs = list(zip(before, after, strict=True))
    else:
        pairs = [(before[-1], after[0])]
    return pairs if am.label == WINNER_FIRST else [(b, a) for a, b in pairs]


def _names(doc: Doc, winner: ClubMention, loser: ClubMention) -> tuple[str, str] | None:
    """Return the canonical (winner, loser) names, or None when a club is unresolved or they are one."""
    w = club_name(doc, winner.club) if winner.club else None
    lo = club_name(doc, loser.club) if loser.club else None
    return (w, lo) if w and lo and w != lo else None


def _result_sentences(doc: Doc, layout: Layout) -> set[tuple[int, frozenset[str]]]:
    """Return (sentence, teams) for every sentence stating a match result."""
    out: set[tuple[int, frozenset[str]]] = set()
    for m in doc.matches:
        for key in RESULT_KEYS:
            for span in m.evidence[key].spans if key in m.evidence else []:
                out.add((layout.sentence_at(span.start), frozenset(m.teams())))
    return out


def _span(mention: ClubMention) -> Span:
    """Return a mention's span."""
    return Span(mention.start, mention.end)


def _tie(
    names: tuple[str, str], spans: list[Span], competition: Hit[str] | None, stage: Hit[str] | None
) -> Tie:
    """Build a Tie citing the phrase, both clubs and the competition and stage it names."""
    extra = [h.span for h in (competition, stage) if h is not None]
    return Tie(
        winner=names[0],
        loser=names[1],
        competition=competition.value if competition else None,
        stage=stage.value if stage else None,
        evidence=Evidence(spans=sorted(set(spans + extra))),
    )
