"""Tell which match a goal belongs to and which side scored it, from the words around it."""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from operator import attrgetter

from tabellino.extract.cues import ends_with_cue, find_cues
from tabellino.extract.doc import Doc, PersonMention
from tabellino.extract.people import surname_key
from tabellino.kb import ClubMention
from tabellino.lang import LanguageData
from tabellino.models import Evidence, Match, Span

__all__ = [
    "context_start",
    "learned_team",
    "match_for",
    "team_from_context",
    "team_in_clause",
    "team_of_person",
]

_START = attrgetter("start")


def team_of_person(doc: Doc, person: PersonMention, match: Match | None = None) -> str | None:
    """Return the club a player plays for: learned from the text, else from the squads in the KB.

    Squad lists are of one season, so a squad club only counts when it plays in ``match`` (or,
    without a match, in one of the article's matches).
    """
    learned = learned_team(doc, person)
    if learned:
        return learned
    teams = set(match.teams()) if match else {t for m in doc.matches for t in m.teams()}
    for club_id in doc.kb.player_clubs(person.name) or doc.kb.player_clubs(surname_key(person.name)):
        name = doc.club_name(club_id)
        if name in teams:
            return name
    return None


def learned_team(doc: Doc, person: PersonMention) -> str | None:
    """Return the club the article itself ties a person to ("Juventus defender X"), if any."""
    learned = doc.roles.get(person.name)
    return doc.club_name(learned[1]) if learned and learned[1] else None


def context_start(doc: Doc, start: int, pos: int) -> int:
    """Return where the words about a goal at ``pos`` begin: after the last clause-joining word
    ("mas", "while") and the last colon or semicolon between ``start`` and ``pos``.

    What comes before such a break is another clause's: "it went badly for the hosts: X scored".
    """
    breaks = [m.end() for m in find_cues(doc.lang, "results", "clause_breaks", doc.text, start, pos)]
    colon = max(doc.text.rfind(":", start, pos), doc.text.rfind(";", start, pos))
    return max([start, colon + 1, *breaks])


def _is_against(doc: Doc, club: ClubMention) -> bool:
    """Return whether a club is named as the side a goal was scored against: after an opponent
    word ("contra o X") or as the object of a win verb ("goleia o X")."""
    return _against_after(doc.lang, doc.text[max(0, club.start - 30) : club.start])


@lru_cache(maxsize=4096)
def _against_after(lang: LanguageData, before: str) -> bool:
    """Return whether ``before`` ends with an opponent word or a win verb (and article).

    Remembered by the text: one club mention is read for every goal told near it.
    """
    if ends_with_cue(lang, "goals", "opponent_markers", before):
        return True
    bare = _article_end(lang).sub("", before)
    return ends_with_cue(lang, "results", "transitive_win_words", bare)


@cache
def _article_end(lang: LanguageData) -> re.Pattern[str]:
    """Return the regex of an article ending a text ("bateu o "), compiled once per language."""
    words = "|".join(re.escape(w) for w in lang.words("coaches", "articles")) or "(?!x)x"
    return re.compile(rf"(?i)(?<!\w)(?:{words})\s*$")


def _named_sides(doc: Doc, match: Match, window: Span) -> tuple[set[str], set[str]]:
    """Return the teams of ``match`` named in ``window``: as the scoring side, and as the opponent."""
    sides: tuple[set[str], set[str]] = (set(), set())
    for club in doc.clubs_in(window):
        club_id = club.club
        if not club_id:
            continue
        name = doc.club_name(club_id)
        if match.has_team(name):
            sides[_is_against(doc, club)].add(name)
    return sides


def team_from_context(doc: Doc, match: Match, window: Span, clause: Span | None = None) -> str | None:
    """Return the match team the words around a goal name: "the hosts", the winner of a winning
    goal, one club of the match named in the goal's clause (``clause``), then in ``window``."""
    if match.home_away_certain:  # "the hosts" says which side only when the sides are known
        home = find_cues(doc.lang, "goals", "home_side_words", doc.text, window.start, window.end)
        away = find_cues(doc.lang, "goals", "away_side_words", doc.text, window.start, window.end)
        if bool(home) != bool(away):
            return match.home if home else match.away
    winner = _winner_of(match)
    if winner and find_cues(doc.lang, "goals", "winner_goal_words", doc.text, window.start, window.end):
        return winner  # "the goal that won it": scored by the winner
    for area in (clause, window) if clause else (window,):
        named = _one_side(match, *_named_sides(doc, match, area))
        if named is not None:
            return named
    if match.home_goals == 0 and match.away_goals:
        return match.away
    if match.away_goals == 0 and match.home_goals:
        return match.home
    return _team_in_previous_sentence(doc, match, window)


def _winner_of(match: Match) -> str | None:
    """Return the team that won the match by its score or stated winner (None for a draw)."""
    if match.home_goals is not None and match.away_goals is not None:
        if match.home_goals != match.away_goals:
            return match.home if match.home_goals > match.away_goals else match.away
        return None
    return match.winner if match.has_team(match.winner) else None


def _one_side(match: Match, scoring: set[str], against: set[str]) -> str | None:
    """Return the one side the named teams point to: the one named as scorer, else the opponent's."""
    if len(scoring) == 1:
        return next(iter(scoring))
    if not scoring and len(against) == 1:
        return match.opponent(next(iter(against)))
    return None


def _team_in_previous_sentence(doc: Doc, match: Match, window: Span) -> str | None:
    """Return the one match team named in the sentence before the goal's (the side on the ball)."""
    index = bisect.bisect_right(doc.sentences, window.start, key=_START) - 1  # as doc.sentence_of
    if index <= 0:
        return None
    named = set.union(*_named_sides(doc, match, doc.sentences[index - 1]))
    return next(iter(named)) if len(named) == 1 else None


def team_in_clause(doc: Doc, clause: tuple[int, int], match: Match | None = None) -> str | None:
    """Return the one team (of ``match``, else of any match) a clause names as the scoring side."""
    matches = [match] if match is not None else doc.matches
    found: set[str] = set()
    for candidate in matches:
        side = _one_side(candidate, *_named_sides(doc, candidate, Span(*clause)))
        if side is not None:
            found.add(side)
    return found.pop() if len(found) == 1 else None


def match_for(doc: Doc, team: str | None, offset: int) -> Match | None:
    """Return the match a goal at ``offset`` belongs to: by team, else the section it sits in."""
    candidates = [m for m in doc.matches if team is None or m.has_team(team)]
    if team is None and len(candidates) == 1 and doc.last_club_before(offset) is None:
        return candidates[0]  # a goal told before any club is named: the article's only match
    if team is None:
        candidates = _in_sentence(doc, candidates, offset) or _section_match(doc, candidates, offset)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    candidates = _listed_leg(candidates, offset)
    scored = [(m.last_offset_before(offset), m) for m in candidates]
    scored = [x for x in scored if x[0] >= 0]
    return max(scored, key=lambda x: x[0])[1] if scored else None


def _in_sentence(doc: Doc, candidates: list[Match], offset: int) -> list[Match]:
    """Return the one candidate whose teams the goal's sentence names (empty when not one)."""
    named = {doc.club_name(club_id) for c in doc.clubs_in(doc.sentence_of(offset)) if (club_id := c.club)}
    if not named:
        return []
    found = [m for m in candidates if m.home in named or m.away in named]
    return found if len(found) == 1 else []


def _section_match(doc: Doc, candidates: list[Match], offset: int) -> list[Match]:
    """Return the candidates a goal's section is about, from the last club named before it.

    A club of no match named in passing ("X beat Y 1-0 and stay three points above Z") leaves
    the section to the one match its sentence states; else it starts a section about a match
    not found, and the goal has no match.
    """
    club = doc.last_club_before(offset)
    if club is None or club.club is None:
        return []
    name = doc.club_name(club.club)
    if any(m.has_team(name) for m in doc.matches):
        return [m for m in candidates if m.has_team(name)]
    sent = doc.sentence_of(club.start)
    stated = [m for m in candidates if _cited_in(m, sent)]
    return stated if len(stated) == 1 else []


def _cited_in(match: Match, span: Span) -> bool:
    """Return whether some evidence of ``match`` lies inside ``span``."""
    lo, hi = span.start, span.end
    for ev in match.evidence.values():
        for s in ev.spans:
            if lo <= s.start < hi:
                return True
    return False


def _listed_leg(candidates: list[Match], offset: int) -> list[Match]:
    """Keep, of two legs of one tie, the one whose result line heads the text before ``offset``.

    A round-up tells a tie under its result line and may recall the other leg in passing
    ("after a 4-0 defeat in the first leg"): the narrative that follows is still the listed leg's.
    """
    if len({frozenset(m.teams()) for m in candidates}) != 1:
        return candidates
    listed = [
        m for m in candidates if any(sp.start <= offset for sp in m.evidence.get("listing", Evidence()).spans)
    ]
    return listed or candidates
