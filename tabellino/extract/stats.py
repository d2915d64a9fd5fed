"""Team statistics quoted in the text: expected goals, shots, shots on target.

Statistic words and the small words around their numbers live in the ``[stats]`` section of the
language data (numbers written as words too). A value belongs to the club written with it
("Lazio's 0.8", "15 shots for Roma"), else to the club its clause is about ("Roma had 15
shots"), else to the team of the sentence's previous value ("..., but just three were on
target"). In a pair ("2.1 to Lazio's 0.8", "xG 2.1-0.8") the first value is the other team's.
A value whose clause is about a person (a player's shots) is not a team statistic.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from tabellino.extract import component
from tabellino.extract.doc import Doc
from tabellino.extract.lang_patterns import LangPatterns
from tabellino.extract.nearby import TextIndex
from tabellino.lang import LanguageData
from tabellino.models import Span

__all__ = ["find_stats", "parse_number"]

KINDS = ("shots_on_target", "xg", "shots")
_KEYS = {"shots_on_target": "on_target", "xg": "xg", "shots": "shots"}
_LIMITS = {"shots_on_target": 40.0, "xg": 10.0, "shots": 60.0}


@dataclass(slots=True)
class _Value:
    """One statistic value found in the text, with what the text says about its team."""

    kind: str
    value: float
    span: Span
    team: str | None = None
    other_of: str | None = None
    pair_first: bool = False
    pair_second: bool = False


@dataclass(frozen=True, slots=True)
class _NumberRegexes:
    """Regexes of a number before a statistic word (with filler words) and of a bare number."""

    before: re.Pattern[str]
    number: re.Pattern[str]
    words: dict[str, int]


_NUMBERS: weakref.WeakKeyDictionary[LanguageData, _NumberRegexes] = weakref.WeakKeyDictionary()


def _numbers(lang: LanguageData) -> _NumberRegexes:
    """Return the number regexes of ``lang`` (built once)."""
    if lang not in _NUMBERS:
        words = {str(k).lower(): int(v) for k, v in lang.mapping("stats", "numbers").items()}
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        num = r"\d+(?:[.,]\d+)?" + (f"|{alt}" if alt else "")
        filler = "|".join(re.escape(w) for w in lang.words("stats", "filler_words")) or "(?!x)x"
        _NUMBERS[lang] = _NumberRegexes(
            re.compile(rf"(?<![\w.,])(?P<n>{num})\s+(?:(?:{filler})\s+){{0,2}}$", re.IGNORECASE),
            re.compile(rf"(?P<n>{num})(?![\w])", re.IGNORECASE),
            words,
        )
    return _NUMBERS[lang]


def parse_number(token: str, words: dict[str, int]) -> float | None:
    """Return the value of a number written in digits ("1.9", "1,9", "13") or as a word."""
    token = token.lower()
    if token in words:
        return float(words[token])
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


@component("stats")
def find_stats(doc: Doc) -> None:
    """Fill ``match.stats[team]`` with the xG, shots and shots on target the text gives."""
    if not doc.matches:
        return
    index = TextIndex(doc)
    pats = LangPatterns.of(doc.lang, "stats")
    values = _find_values(index, pats, _numbers(doc.lang))
    _assign_teams(index, pats, values)
    for v in values:
        if v.team is not None:
            _store(index, v)


def _find_values(index: TextIndex, pats: LangPatterns, nums: _NumberRegexes) -> list[_Value]:
    """Return every statistic value of the text in text order ("shots on target" beats "shots")."""
    values: list[_Value] = []
    for m in pats.scan_named([_KEYS[k] for k in KINDS], index.text):
        kind = next(k for k in KINDS if m.group(_KEYS[k]) is not None)
        values.extend(_values_at(index, pats, nums, kind, m))
    return values


def _values_at(
    index: TextIndex, pats: LangPatterns, nums: _NumberRegexes, kind: str, m: re.Match[str]
) -> list[_Value]:
    """Return the value(s) of the statistic word ``m``: the number before it, or after it (a pair)."""
    text = index.text
    before = nums.before.search(text, max(0, m.start() - 40), m.start())
    if before is not None:
        value = _checked(kind, before.group("n"), nums)
        if value is None:
            return []
        v = _Value(kind, value, Span(before.start(), m.end()))
        v.team = _club_after(index, pats, m.end())
        return [v]
    owner, at = _owner_after(index, pats, m.end())
    gap = pats.get("value_gap").match(text, at)
    first = nums.number.match(text, gap.end() if gap else at)
    value = _checked(kind, first.group("n"), nums) if first else None
    if first is None or value is None:
        return []
    v = _Value(kind, value, Span(m.start(), first.end()), owner)
    if owner is not None:
        return [v]
    second = _pair_second(index, pats, nums, kind, first.end())
    if second is None:
        v.team = _club_after(index, pats, first.end())
        return [v]
    v.pair_first, v.other_of = True, second.team
    return [v, second]


def _checked(kind: str, token: str, nums: _NumberRegexes) -> float | None:
    """Return the number as a value of ``kind`` when plausible (whole counts, small xG)."""
    value = parse_number(token, nums.words)
    if value is None or value > _LIMITS[kind]:
        return None
    if kind != "xg" and not value.is_integer():
        return None
    return value if kind == "xg" else float(int(value))


def _pair_second(
    index: TextIndex, pats: LangPatterns, nums: _NumberRegexes, kind: str, pos: int
) -> _Value | None:
    """Return the second value of a pair after ``pos`` ("to Lazio's 0.8", "-0.8")."""
    text = index.text
    gap = pats.get("pair_gap").match(text, pos)
    if gap is None or gap.end() == pos:
        return None
    at, team = gap.end(), None
    club = index.club_at(at)
    if club is not None:
        team = index.team(club)
        owner = pats.get("possessive").match(text, club.end)
        at = owner.end() if owner else club.end
    m = nums.number.match(text, at)
    value = _checked(kind, m.group("n"), nums) if m else None
    if m is None or value is None:
        return None
    return _Value(kind, value, Span(gap.end(), m.end()), team, pair_second=True)


def _owner_after(index: TextIndex, pats: LangPatterns, pos: int) -> tuple[str | None, int]:
    """Return the team of "xG for Juventus: 1.9" / "tiri della Juventus: 13" and where it ends."""
    m = pats.get("for").match(index.text, pos)
    club = index.club_at(m.end()) if m else None
    return (index.team(club), club.end) if club is not None else (None, pos)


def _club_after(index: TextIndex, pats: LangPatterns, pos: int) -> str | None:
    """Return the team of "for Juventus" written right after a value."""
    m = pats.get("for").match(index.text, pos)
    return index.team(index.club_at(m.end())) if m else None


def _assign_teams(index: TextIndex, pats: LangPatterns, values: list[_Value]) -> None:
    """Give each value without a written club the team its clause or sentence is about."""
    breaks = pats.get("clause_break")
    prev: _Value | None = None
    for v in values:
        same_sentence = prev is not None and index.sentence(prev.span.start) == index.sentence(v.span.start)
        if v.team is None and v.pair_first and v.other_of:
            v.team = index.opponent(v.other_of, v.span.start)
        elif v.team is None and v.pair_first:
            _assign_unnamed_pair(index, v, values)
        elif v.team is None and not v.pair_second:
            subject = _clause_subject(index, index.clause(v.span.start, breaks), v.span.start)
            if subject is None and same_sentence and prev is not None:
                subject = prev.team
            elif subject is None:
                subject = _clause_subject(index, index.sentence(v.span.start), v.span.start)
            v.team = subject or None
        prev = v


def _assign_unnamed_pair(index: TextIndex, first: _Value, values: list[_Value]) -> None:
    """Give "xG 1.9-1.6" to the sentence's two teams in order, else the match's home and away."""
    second = next((v for v in values if v.pair_second and v.span.start >= first.span.end), None)
    if second is None:
        return
    sent = index.sentence(first.span.start)
    teams = list(dict.fromkeys(t for t, _ in index.teams_in(sent.start, sent.end)))
    if len(teams) == 2:
        first.team, second.team = teams
        return
    i = index.primary_index()
    if i is None and len(index.doc.matches) == 1:
        i = 0
    if i is not None:
        first.team, second.team = index.doc.matches[i].teams()


def _clause_subject(index: TextIndex, clause: Span, pos: int) -> str | None:
    """Return the team a clause is about before ``pos``; "" when it is about a person instead."""
    clubs = [(c.start, t) for t, c in index.teams_in(clause.start, pos)]
    people = index.people_in(clause.start, pos)
    if people and (not clubs or people[0].start < clubs[0][0]):
        return ""
    return clubs[0][1] if clubs else None


def _store(index: TextIndex, v: _Value) -> None:
    """Write a value into the stats of its team's match (the first value given wins), citing it."""
    assert v.team is not None
    i = index.match_for(v.team, v.span.start)
    if i is None:
        return
    match = index.doc.matches[i]
    stats = match.stats.setdefault(v.team, {})
    if v.kind in stats:
        return
    stats[v.kind] = int(v.value) if v.kind != "xg" else v.value
    match.cite(f"stats:{v.team}", v.span)
