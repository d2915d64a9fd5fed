"""Find the basic mentions of an article in a few compiled scans: clubs, competitions, venues,
cities (from the knowledge base), scores and minutes (from the language data)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from operator import attrgetter

from tabellino.extract import component
from tabellino.extract.doc import Doc, MinuteMention, ScoreMention
from tabellino.kb import ClubMention
from tabellino.lang import LanguageData, anchors
from tabellino.lang.prefilter import may_match

__all__ = ["find_minutes", "find_scores", "number_value"]

_MAX_GOALS = 20
_MIN_SHORT = 4
_BEFORE_WINDOW = 12  # characters before a club name searched for an other-team word
_start = attrgetter("start")


@component("mentions")
def annotate_mentions(doc: Doc) -> None:
    """Fill the doc's club, competition, venue, city, score and minute mentions."""
    code = doc.lang.code
    after = _one_of(tuple(doc.lang.patterns("clubs", "other_team_after_patterns")))
    before = doc.lang.patterns("clubs", "other_team_before_patterns")
    doc.clubs = [
        _first_team_or_unresolved(doc.text, c, after, before) for c in doc.kb.find_clubs(doc.text, code)
    ]
    doc.competitions = doc.kb.find_competitions(doc.text, code)
    doc.venues = doc.kb.find_venues(doc.text, code)
    doc.cities = doc.kb.find_cities(doc.text, code)
    doc.clubs = sorted(doc.clubs + _short_forms(doc), key=_start)
    doc.scores = find_scores(doc.text, doc.lang)
    doc.minutes = find_minutes(doc.text, doc.lang)


def _first_team_or_unresolved(
    text: str, club: ClubMention, after: Sequence[re.Pattern[str]], before: list[re.Pattern[str]]
) -> ClubMention:
    """Return the mention, or, when it names another team of the club, the whole name unresolved.

    "Barcelona B", "Atalanta U23", "Jong Ajax" are not the first team (``[clubs] other_team_*``,
    given as ``after`` and ``before``); the knowledge base has no such team, so the mention covers
    the whole name and stands for none.
    """
    for pattern in after:
        m = pattern.match(text, club.end)
        if m is not None:
            return ClubMention(club.start, m.end(), text[club.start : m.end()], ())
    for pattern in before:
        m = pattern.search(text, max(0, club.start - _BEFORE_WINDOW), club.start)
        if m is not None:
            return ClubMention(m.start(), club.end, text[m.start() : club.end], ())
    return club


@cache
def _one_of(patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """Return patterns tried in turn with ``match`` as one alternation, when they can be joined.

    At one position an alternation matches as its first alternative that matches: the same match
    as trying the patterns in turn, in one call. Patterns with groups, different flags or verbose
    syntax stay as they are.
    """
    flags = {p.flags for p in patterns}
    if len(patterns) < 2 or len(flags) != 1 or any(p.groups for p in patterns) or re.VERBOSE & min(flags):
        return patterns
    try:
        return (re.compile("|".join(f"(?:{p.pattern})" for p in patterns), min(flags)),)
    except re.error:
        return patterns


def _short_forms(doc: Doc) -> list[ClubMention]:
    """Find short forms of clubs the article names in full ("Real" after "Real Madrid").

    The first or last word of a multi-word club name counts when it belongs to exactly one club
    named in the article and is not a city or already part of another mention.
    """
    owners: dict[str, set[str]] = {}
    for club in doc.clubs:
        words = club.text.split()
        if club.club and len(words) > 1:
            for word in (words[0], words[-1]):
                if len(word) >= _MIN_SHORT and word[0].isupper():
                    owners.setdefault(word, set()).add(club.club)
    found: list[ClubMention] = []
    taken: bytearray | None = None
    for word, clubs in owners.items():
        if len(clubs) != 1:
            continue
        if taken is None:
            taken = _taken(doc)
        for start in _word_positions(doc.text, word):
            end = start + len(word)
            if taken.find(1, start, end) < 0:
                found.append(ClubMention(start, end, word, (next(iter(clubs)),), "short"))
    return found


def _taken(doc: Doc) -> bytearray:
    """Return a mask of the characters inside a club, city, venue or competition mention."""
    taken = bytearray(len(doc.text) + 1)
    for spans in (doc.clubs, doc.cities, doc.venues, doc.competitions):
        for m in spans:
            if m.end > m.start:
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    return taken


def _word_positions(text: str, word: str) -> list[int]:
    """Return where ``word`` occurs in ``text`` as a whole word."""
    out, start = [], text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            out.append(start)
        start = text.find(word, end)
    return out


def find_scores(text: str, lang: LanguageData) -> list[ScoreMention]:
    """Return the plausible match scores written in ``text`` (digits or words), sorted by position."""
    found: dict[int, ScoreMention] = {}
    for pattern in lang.patterns("scores", "score_patterns"):
        for m in anchors.finditer(pattern, text):
            score = _score_from_match(m, lang)
            if score is not None and score.start not in found:
                found[score.start] = score
    return sorted(found.values(), key=lambda s: s.start)


def _score_from_match(m: re.Match[str], lang: LanguageData) -> ScoreMention | None:
    """Turn a score-pattern match into a ScoreMention, rejecting times and zero-padded numbers."""
    a_text, b_text = m.group("a"), m.group("b")
    if _zero_padded(a_text) or _zero_padded(b_text):
        return None
    a, b = number_value(a_text, lang), number_value(b_text, lang)
    if a is None or b is None or a > _MAX_GOALS or b > _MAX_GOALS:
        return None
    return ScoreMention(m.start(), m.end(), a, b)


def _zero_padded(token: str) -> bool:
    """Return whether a number is written with a leading zero (clock times, dates)."""
    return len(token) > 1 and token.startswith("0")


def number_value(token: str, lang: LanguageData) -> int | None:
    """Return the value of a number written in digits or as a word of the language."""
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    value = _number_words(lang).get(token)
    return int(value) if isinstance(value, int) else None


@cache
def _number_words(lang: LanguageData) -> dict[str, object]:
    """Return the language's number words (read once: ``mapping`` copies the table)."""
    return lang.mapping("numbers", "words")


def find_minutes(text: str, lang: LanguageData) -> list[MinuteMention]:
    """Return the match minutes written in ``text`` (``45'``, ``90+2'``, ``in the 35th minute``)."""
    found: list[MinuteMention] = []
    # The found minutes never overlap, so their starts and their ends are both in order.
    starts: list[int] = []
    ends: list[int] = []
    second = _second_half_words(lang)
    for pattern in lang.patterns("minutes", "minute_patterns"):
        if not may_match(pattern, text):
            continue
        for m in anchors.finditer(pattern, text):
            minute = _minute_from_match(m, second)
            if minute is None:
                continue
            i = bisect_right(ends, minute.start)  # the first minute found that ends after this starts
            if i == len(found) or starts[i] >= minute.end:
                found.insert(i, minute)
                starts.insert(i, minute.start)
                ends.insert(i, minute.end)
    return found


@cache
def _second_half_words(lang: LanguageData) -> frozenset[str]:
    """Return the words of a minute's ``half`` group that count it from the second half (+45)."""
    return frozenset(" ".join(w.lower().split()) for w in lang.words("minutes", "second_half_words"))


def _minute_from_match(m: re.Match[str], second: frozenset[str]) -> MinuteMention | None:
    """Turn a minute-pattern match into a MinuteMention (second-half notation converted)."""
    groups = m.groupdict()
    minute = int(groups["min"])
    added = int(groups["add"]) if groups.get("add") else None
    half = groups.get("half")
    half = " ".join(half.lower().split()) if half else ""
    if half in second:
        minute += 45
    if minute == 0 or minute > 130:
        return None
    return MinuteMention(m.start(), m.end(), minute, added)
