"""What every result finder shares: the stated-result record and helpers over clubs and cues.

The finders (:mod:`results_lines`, :mod:`results_prose`, :mod:`results_winner`,
:mod:`results_local`, :mod:`results_unnamed`) are run in order by :mod:`results`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from tabellino.extract.cues import Cue, ends_with_cue, find_cues, is_only_cue
from tabellino.extract.doc import Doc, ScoreMention
from tabellino.kb import ClubMention
from tabellino.lang import LanguageData
from tabellino.models import Span

__all__ = [
    "LOCAL_PREFIX",
    "OUTCOME_KEYS",
    "StatedResult",
    "after_opponent_marker",
    "club_label",
    "clubs_between",
    "distinct",
    "has_outcome_cue",
    "is_infinitive",
    "joined",
    "leg_near",
    "line_bounds",
    "nearest_outcome",
    "nearest_outcome_cue",
    "outcome_cue",
    "outcome_cues",
    "phrase_holds",
    "resolved",
    "resolved_clubs",
    "result_spans",
    "subject_and_other",
]

LOCAL_PREFIX = "local:"
"""Prefix of the id of a club the knowledge base does not know (see :mod:`results_local`)."""

_LEADING_ARTICLE = re.compile(r"(?:\b(?:the|il|lo|la|l['’]|i|gli|le)\s*)$", re.IGNORECASE)

OUTCOME_KEYS = ("win_words", "loss_words", "draw_words")

_PHRASES_KEPT = 4096
"""How many (list, phrase) answers of :func:`phrase_holds` are remembered."""


@dataclass
class StatedResult:
    """One statement of a match result in the text (before merging)."""

    home: str
    away: str
    home_goals: int | None
    away_goals: int | None
    certain: bool
    spans: dict[str, Span]
    winner: str | None = None
    leg: int | None = None
    half_time: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def club_label(doc: Doc, club_id: str) -> str:
    """Return the name of a club id: the KB's canonical name, or a local club's name as written."""
    if club_id.startswith(LOCAL_PREFIX):
        return club_id[len(LOCAL_PREFIX) :]
    return doc.club_name(club_id)


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the start and end of the line(s) holding ``[start, end)``."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def resolved(clubs: list[ClubMention]) -> list[ClubMention]:
    """Return the club mentions resolved to a single club."""
    return [c for c in clubs if c.club is not None]


class _ResolvedClubs:
    """The resolved club mentions of the last club list asked about, with their starts and ends.

    The finders ask for the clubs of many ranges of one article; its club list is filtered once.
    A doc's club list is replaced, never changed in place, so its identity and size tell it apart.
    """

    def __init__(self) -> None:
        self.source: list[ClubMention] | None = None
        self.size = -1
        self.clubs: list[ClubMention] = []
        self.starts: list[int] = []
        self.ends: list[int] | None = None

    def refresh(self, clubs: list[ClubMention]) -> None:
        """Filter a start-sorted club list (the previous one is forgotten)."""
        self.source, self.size = clubs, len(clubs)
        self.clubs = resolved(clubs)
        self.starts = [c.start for c in self.clubs]
        ends = [c.end for c in self.clubs]
        # mentions apart or nested only at one start keep their ends sorted: a range's clubs are then a slice
        self.ends = ends if all(a <= b for a, b in itertools.pairwise(ends)) else None


_RESOLVED = _ResolvedClubs()


def resolved_clubs(doc: Doc) -> list[ClubMention]:
    """Return the doc's club mentions resolved to a single club, in text order (kept: do not change it)."""
    clubs = doc.clubs
    if clubs is not _RESOLVED.source or len(clubs) != _RESOLVED.size:
        _RESOLVED.refresh(clubs)
    return _RESOLVED.clubs


def clubs_between(doc: Doc, start: int, end: int) -> list[ClubMention]:
    """Return resolved club mentions fully inside ``[start, end)``."""
    if start >= end:
        return []
    cache = _RESOLVED
    clubs = doc.clubs
    if clubs is not cache.source or len(clubs) != cache.size:
        cache.refresh(clubs)
    starts, ends = cache.starts, cache.ends
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end, lo)
    if ends is not None:  # those ending by ``end`` are a prefix of the ones starting before it
        return cache.clubs[lo : bisect.bisect_right(ends, end, lo, hi)]
    return [c for c in cache.clubs[lo:hi] if c.end <= end]


def result_spans(home: ClubMention, away: ClubMention, score: ScoreMention | None) -> dict[str, Span]:
    """Return the evidence spans of a result's clubs and score."""
    spans = {"home": Span(home.start, home.end), "away": Span(away.start, away.end)}
    if score is not None:
        spans["score"] = Span(score.start, score.end)
    return spans


def distinct(clubs: list[ClubMention]) -> list[ClubMention]:
    """Return the first mention of each distinct club, in order."""
    seen: set[str | None] = set()
    out = []
    for club in clubs:
        if club.club not in seen:
            seen.add(club.club)
            out.append(club)
    return out


def after_opponent_marker(doc: Doc, before: str) -> bool:
    """Return whether ``before`` ends with an opponent marker ("against", "contro"), articles allowed."""
    stripped = _LEADING_ARTICLE.sub("", before)
    return ends_with_cue(doc.lang, "results", "opponent_markers", stripped)


def subject_and_other(doc: Doc, first: ClubMention, second: ClubMention) -> tuple[ClubMention, ClubMention]:
    """Return (subject, other): the first club unless an opponent marker precedes it."""
    before = doc.text[max(0, first.start - 25) : first.start]
    if after_opponent_marker(doc, before):
        return second, first
    return first, second


def nearest_outcome(doc: Doc, score: ScoreMention, lo: int, hi: int) -> str | None:
    """Return "win", "loss" or "draw" for the outcome cue nearest the score in ``[lo, hi)``."""
    cue = nearest_outcome_cue(doc, score, lo, hi)
    return cue[0] if cue else None


def nearest_outcome_cue(doc: Doc, score: ScoreMention, lo: int, hi: int) -> tuple[str, Cue] | None:
    """Return (kind, cue) of the win/loss/draw cue nearest the score in ``[lo, hi)``."""
    best: tuple[int, int, int, str, Cue] | None = None  # distance, then win before loss before draw
    for rank, kind, m in _OUTCOMES.within(doc, lo, hi):
        distance = min(abs(m.start() - score.end), abs(score.start - m.end()))
        if best is None or (distance, rank) < best[:2]:
            best = (distance, rank, m.start(), kind, m)
    return (best[3], best[4]) if best else None


def leg_near(doc: Doc, lo: int, hi: int) -> int | None:
    """Return 1 or 2 when the window names the first or second leg."""
    if find_cues(doc.lang, "results", "first_leg_words", doc.text, lo, hi):
        return 1
    if find_cues(doc.lang, "results", "second_leg_words", doc.text, lo, hi):
        return 2
    return None


def joined(doc: Doc, first: ClubMention, second: ClubMention) -> bool:
    """Return whether two clubs are joined by "and" alone ("Inter and Milan"), as subjects together."""
    return is_only_cue(doc.lang, "results", "coordinators", doc.text[first.end : second.start])


def outcome_cue(doc: Doc, lo: int, hi: int) -> tuple[str, Cue] | None:
    """Return the only win/loss/draw cue of a clause (none when it has several or a tie word)."""
    best: tuple[str, Cue] | None = None
    kinds: set[str] = set()
    for _, kind, m in _OUTCOMES.within(doc, lo, hi):  # in text order, so the first is the best
        if phrase_holds(doc.lang, "results", "tie_only_words", m.group()):
            return None
        kinds.add(kind)
        if best is None:
            best = (kind, m)
    return best if len(kinds) == 1 else None


@lru_cache(maxsize=_PHRASES_KEPT)
def phrase_holds(lang: LanguageData, section: str, key: str, phrase: str) -> bool:
    """Return whether a cue's own words hold a phrase of ``section.key`` (remembered: cues recur)."""
    return bool(find_cues(lang, section, key, phrase, 0, len(phrase)))


def has_outcome_cue(doc: Doc, lo: int, hi: int) -> bool:
    """Return whether ``[lo, hi)`` holds a whole win, loss or draw cue."""
    return bool(_OUTCOMES.within(doc, lo, hi))


def outcome_cues(doc: Doc) -> list[Cue]:
    """Return the win, loss and draw cues of the article, in text order."""
    return [m for _, _, m in _OUTCOMES.of(doc)[1]]


class _OutcomeCues:
    """The win, loss and draw cues of the last article asked about, merged in text order.

    Clauses and score windows ask for the outcome cues of many small ranges of one article;
    the three lists are merged once, each cue with the rank of its list (win, loss, draw).
    """

    def __init__(self) -> None:
        self.text: str | None = None
        self.lang: LanguageData | None = None
        self.starts: list[int] = []
        self.cues: list[tuple[int, str, Cue]] = []

    def of(self, doc: Doc) -> tuple[list[int], list[tuple[int, str, Cue]]]:
        """Return (starts, (rank, kind, cue)) of the doc's outcome cues, by start then rank."""
        if doc.text is not self.text or doc.lang is not self.lang:
            found = [
                (m.start(), rank, kind, m)
                for rank, (kind, key) in enumerate(_OUTCOME_KINDS)
                for m in find_cues(doc.lang, "results", key, doc.text)
            ]
            found.sort(key=lambda f: (f[0], f[1]))
            self.text, self.lang = doc.text, doc.lang
            self.starts = [f[0] for f in found]
            self.cues = [(rank, kind, m) for _, rank, kind, m in found]
        return self.starts, self.cues

    def within(self, doc: Doc, lo: int, hi: int) -> list[tuple[int, str, Cue]]:
        """Return the (rank, kind, cue) of the cues wholly inside ``[lo, hi)``, by start then rank."""
        starts, cues = self.of(doc)
        i = bisect.bisect_left(starts, lo)
        j = bisect.bisect_left(starts, hi, i)
        return [c for c in cues[i:j] if c[2].end() <= hi]


_OUTCOME_KINDS = (("win", "win_words"), ("loss", "loss_words"), ("draw", "draw_words"))
_OUTCOMES = _OutcomeCues()


def is_infinitive(doc: Doc, cue: Cue) -> bool:
    """Return whether the cue is an infinitive ("to win", "per vincere"): wished for, not done."""
    before = doc.text[max(0, cue.start() - 6) : cue.start()]
    return ends_with_cue(doc.lang, "results", "infinitive_markers", before)
