"""Find the players sent off: "Red card: Cancelo" lines and "X was sent off" in the narrative."""

from __future__ import annotations

from functools import cache

from tabellino.extract import component
from tabellino.extract.cues import Cue, find_cues
from tabellino.extract.doc import Doc, PersonMention
from tabellino.extract.goal_teams import learned_team, team_of_person
from tabellino.extract.people import surname_key
from tabellino.lang import LanguageData
from tabellino.models import Match, RedCard, Span

__all__ = ["find_red_cards"]


@component("red_cards")
def find_red_cards(doc: Doc) -> None:
    """Attach each player sent off to the match it happened in (never a coach or referee)."""
    if not doc.matches:
        return
    staff = _staff(doc)
    for cue in find_cues(doc.lang, "cards", "red_card_words", doc.text):
        if doc.in_quote(cue.start()):
            continue
        sent = doc.sentence_of(cue.start())
        person = _player_for(doc, cue, sent, staff)
        if person is None:
            continue
        match = _match_of(doc, person, sent, cue.start())
        if match is None or _already(match, person):
            continue
        team = team_of_person(doc, person, match) or _team_from_goals(match, person)
        card = RedCard(team=team, player=person.name)
        if card.team is not None and not match.has_team(card.team):
            continue
        minute = _minute_in(doc, sent, cue)
        if minute is not None:
            card.minute = minute
        card.evidence.spans = [Span(cue.start(), cue.end()), Span(person.start, person.end)]
        match.red_cards.append(card)


def _player_for(doc: Doc, cue: Cue, sent: Span, staff: set[str]) -> PersonMention | None:
    """Return the person a sending-off cue is about: the nearest player in the same sentence.

    ``staff`` holds the names of the matches' coaches and referees.
    """
    people = [p for p in doc.people_in(sent) if _is_player(doc, p, staff)]
    if not people:
        return None
    nearest = min(people, key=lambda p: _distance(p, cue))
    return nearest if _distance(nearest, cue) < 120 else None


def _distance(person: PersonMention, cue: Cue) -> int:
    """Return the number of characters between a person mention and a cue."""
    if person.end <= cue.start():
        return cue.start() - person.end
    return max(0, person.start - cue.end())


def _staff(doc: Doc) -> set[str]:
    """Return the names of the coaches and referees of the article's matches."""
    names = {name for m in doc.matches for name in m.coaches.values()}
    names.update(m.referee for m in doc.matches if m.referee is not None)
    return names


def _is_player(doc: Doc, person: PersonMention, staff: set[str]) -> bool:
    """Return whether a person may be a player sent off (not a known coach, referee or pundit)."""
    if person.name in staff:
        return False
    role = doc.roles.get(person.name, ("player", None))[0]
    return role not in _not_player_roles(doc.lang)


@cache
def _not_player_roles(lang: LanguageData) -> frozenset[str]:
    """Return the roles whose holders are not players (read once per language)."""
    return frozenset(lang.words("cards", "not_player_roles"))


def _match_of(doc: Doc, person: PersonMention, sent: Span, offset: int) -> Match | None:
    """Return the match a sending-off belongs to: the player's team's match, else the section's."""
    team = learned_team(doc, person)
    candidates = [m for m in doc.matches if team is None or m.has_team(team)] or list(doc.matches)
    if len(candidates) == 1:
        return candidates[0]
    placed = [(m.last_offset_before(offset), m) for m in candidates]
    placed = [x for x in placed if x[0] >= 0]
    return max(placed, key=lambda x: x[0])[1] if placed else None


def _team_from_goals(match: Match, person: PersonMention) -> str | None:
    """Return the side a player scored for in the match (own goals aside): a player has one side."""
    key = surname_key(person.name)
    teams = {g.team for g in match.goals if g.scorer and not g.own_goal and surname_key(g.scorer) == key}
    teams.discard(None)
    return teams.pop() if len(teams) == 1 else None


def _already(match: Match, person: PersonMention) -> bool:
    """Return whether the player already has a red card in this match."""
    return any(c.player and surname_key(c.player) == surname_key(person.name) for c in match.red_cards)


def _minute_in(doc: Doc, sent: Span, cue: Cue) -> int | None:
    """Return the minute written closest to the cue in its sentence (within a short distance)."""
    minutes = [m for m in doc.minutes if sent.start <= m.start < sent.end]
    near = [m for m in minutes if min(abs(m.start - cue.end()), abs(cue.start() - m.end)) < 40]
    if not near:
        return None
    return min(near, key=lambda m: min(abs(m.start - cue.end()), abs(cue.start() - m.end))).minute
