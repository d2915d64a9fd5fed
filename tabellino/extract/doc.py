"""The state one article's extraction works on: the text, its mentions, and the facts so far."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from tabellino.kb import (
    CityMention,
    ClubMention,
    CompetitionMention,
    KnowledgeBase,
    VenueMention,
)
from tabellino.lang import LanguageData
from tabellino.models import Article, Extraction, Match, Span

__all__ = ["Doc", "MinuteMention", "PersonMention", "ScoreMention"]

_QUOTED = re.compile(r"“[^”]{2,}”|\"[^\"\n]{2,}\"|«[^»]{2,}»|„[^“”]{2,}[“”]")
_ABBREVIATION = re.compile(r"(?:^|[\s(.])(?:[A-ZÀ-Þ]|Mr|Mrs|Dr|St|Jr|vs|Nr|No)\.$")
_NUMBER_DOT = re.compile(r"(?:(?<=[\s(])|^)[1-9]\d{0,2}\.$")
_SHORT_FIRST_WORD = 4  # "Am 13." opens a sentence with an ordinal; "Platz 5." ends one
# A sentence break: after sentence punctuation, an optional closing quote and white space before an
# opening quote, capital, digit or dash (group 1); or a line break with the white space after it
# (the whole match). The match opens with the punctuation or line break, one character class the
# engine scans for quickly; the punctuation itself is no part of the break.
_SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=[.!?…])([\"”»“’']?\s+)(?=[\"“„«‘A-ZÀ-ÖØ-Þ0-9-])|(?<=\n)\s*)")


@dataclass(frozen=True, slots=True)
class ScoreMention:
    """A score written in the text, e.g. ``3-0``, ``2:1``, ``3, ... 0``, ``dos goles por cero``."""

    start: int
    end: int
    first: int
    second: int


@dataclass(frozen=True, slots=True)
class MinuteMention:
    """A match minute written in the text (``45'``, ``90+2'``, ``in the 35th minute``, ``37' st``)."""

    start: int
    end: int
    minute: int
    added: int | None = None


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A span naming a person; ``name`` is the fullest form the article gives for them."""

    start: int
    end: int
    text: str
    name: str


_M = TypeVar("_M", ClubMention, PersonMention)


@dataclass
class Doc:
    """One article under extraction: clean text (boilerplate blanked), mentions, and results."""

    article: Article
    text: str
    lang: LanguageData
    kb: KnowledgeBase
    sentences: list[Span] = field(default_factory=list)
    clubs: list[ClubMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    scores: list[ScoreMention] = field(default_factory=list)
    minutes: list[MinuteMention] = field(default_factory=list)
    competitions: list[CompetitionMention] = field(default_factory=list)
    venues: list[VenueMention] = field(default_factory=list)
    cities: list[CityMention] = field(default_factory=list)
    roles: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    quoted: list[Span] = field(default_factory=list)
    result: Extraction | None = None
    _index: dict[str, tuple[Sequence[object], int, list[int]]] = field(default_factory=dict, repr=False)
    _club_names: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def create(cls, article: Article, lang: LanguageData, kb: KnowledgeBase) -> Doc:
        """Start a doc for ``article``: blank the boilerplate and split sentences."""
        text = article.content()
        doc = cls(article=article, text=text, lang=lang, kb=kb)
        doc.sentences = split_sentences(text)
        doc.quoted = [Span(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        doc.result = Extraction(article=article)
        return doc

    @property
    def matches(self) -> list[Match]:
        """Return the matches extracted so far."""
        assert self.result is not None
        return self.result.matches

    def primary_match(self) -> Match | None:
        """Return the primary match, if one has been chosen."""
        return next((m for m in self.matches if m.primary), None)

    def in_quote(self, offset: int) -> bool:
        """Return whether ``offset`` lies inside a quotation (spoken words, not narrative)."""
        # Quotations are sorted and apart: only the last one starting before ``offset`` can hold it.
        quoted = self.quoted
        if not quoted:
            return False
        starts = self._starts("quoted", quoted)
        i = bisect.bisect_left(starts, offset) - 1
        return i >= 0 and offset < quoted[i].end

    def sentence_of(self, offset: int) -> Span:
        """Return the sentence containing character ``offset``."""
        sentences = self.sentences
        if not sentences:
            return Span(0, len(self.text))
        starts = self._starts("sentences", sentences)
        i = bisect.bisect_right(starts, offset) - 1
        return sentences[i if i > 0 else 0]

    def clubs_in(self, span: Span) -> list[ClubMention]:
        """Return the club mentions inside ``span``."""
        return _inside(self.clubs, self._starts("clubs", self.clubs), span)

    def last_club_before(self, offset: int) -> ClubMention | None:
        """Return the last resolved club mention ending at or before ``offset``."""
        i = bisect.bisect_left(self._starts("clubs", self.clubs), offset)
        for j in range(i - 1, -1, -1):
            if self.clubs[j].club and self.clubs[j].end <= offset:
                return self.clubs[j]
        return None

    def people_in(self, span: Span) -> list[PersonMention]:
        """Return the person mentions inside ``span``."""
        return _inside(self.people, self._starts("people", self.people), span)

    def _starts(self, name: str, items: Sequence[Span | ClubMention | PersonMention]) -> list[int]:
        """Return the start offsets of a sorted mention list, cached until the list changes."""
        cached = self._index.get(name)
        if cached is not None and cached[0] is items and cached[1] == len(items):
            return cached[2]
        starts = [x.start for x in items]
        self._index[name] = (items, len(items), starts)
        return starts

    def club_name(self, club_id: str) -> str:
        """Return the canonical name of a club id."""
        name = self._club_names.get(club_id)  # remembered: asked for the same few clubs again and again
        if name is None:
            name = self._club_names[club_id] = self.kb.club(club_id).name
        return name


def _inside(items: Sequence[_M], starts: list[int], span: Span) -> list[_M]:
    """Return the items of a start-sorted list that lie fully inside ``span``."""
    lo = bisect.bisect_left(starts, span.start)
    hi = bisect.bisect_left(starts, span.end)
    return [x for x in items[lo:hi] if x.end <= span.end]


def split_sentences(text: str) -> list[Span]:
    """Split text into sentence spans at sentence punctuation and line breaks (blank runs skipped)."""
    spans: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        brk, end = m.span(m.lastindex or 0)
        if (
            "\n" not in text[brk:end]
            and _may_continue(text[brk - 2 : brk])
            and (_ABBREVIATION.search(text, max(0, brk - 5), brk) or _ordinal_dot(text, start, brk))
        ):
            continue
        if text[start:brk].strip():
            spans.append(_trim(text, start, brk))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


# The letters an abbreviation can end with before its dot ("J.", "Mr.", "vs.", "St.", "No.").
_ABBREVIATION_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "".join(map(chr, range(0xC0, 0xDF))) + "rsto")


def _may_continue(tail: str) -> bool:
    """Return whether a break after ``tail`` (the two characters before it) may be no sentence end.

    Only a dot after an abbreviation's last letter or a digit can be one (see ``_ABBREVIATION`` and
    ``_NUMBER_DOT``): every other break skips those two searches.
    """
    return len(tail) == 2 and tail[1] == "." and (tail[0] in _ABBREVIATION_ENDS or tail[0].isdigit())


def _ordinal_dot(text: str, start: int, end: int) -> bool:
    """Return whether the dot ending ``text[start:end]`` closes an ordinal number, not the sentence.

    Several languages write ordinals with a dot ("in der 40. Minute", "1. FC Köln", "am 12.
    Oktober"). A number of 1-3 digits is an ordinal when it opens the sentence, follows an opening
    bracket, a colon, comma or semicolon, a lower-case word ("der 40."), or a short first word
    ("Am 13."). After a capitalised word ("Hannover 96.", "Platz 5.") the dot ends the sentence.
    """
    number = _NUMBER_DOT.search(text, max(start, end - 4), end)
    if number is None:
        return False
    before = text[start : number.start()].rstrip()
    if not before or before[-1] in "(:,;":
        return True
    words = before.split()
    return words[-1][0].islower() or (len(words) == 1 and len(words[0]) <= _SHORT_FIRST_WORD)


def _trim(text: str, start: int, end: int) -> Span:
    """Return the span with surrounding white space removed."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
