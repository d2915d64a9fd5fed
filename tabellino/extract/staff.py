"""Coaches and referee of the matches: from role words, coach idioms and coach- or referee-only acts.

Cue words live in the ``[coaches]`` and ``[referee]`` sections of the language data; this module
only holds the mechanics. A coach's team comes from the strongest evidence available, in order:
a club inside the cue ("Juventus manager X", "X's Juventus"), the role the article gave the person
(``doc.roles``), the team of a player the coach acted on ("X sent on Y"), the clubs of the clause,
sentence or paragraph, and last the other side of the primary match when its one known coach is
somebody else. A coach whose team stays unknown is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tabellino.extract import component
from tabellino.extract.doc import Doc, PersonMention
from tabellino.extract.lang_patterns import LangPatterns, role_is
from tabellino.extract.nearby import TextIndex, fallback_name, known_players, team_from_context
from tabellino.extract.quotes import find_quotations
from tabellino.models import Span

__all__ = ["find_coaches", "find_referee"]

_SPACE = re.compile(r"[\s,]*")
_GAP_STOP = re.compile(r"[,;:()\[\].!?\n]")

# How much a way of finding a coach's team is trusted; the strongest one wins.
CUE_CLUB = 3.0
LEARNED_ROLE = 2.0
PLAYER_TEAM = 2.0
FALLBACK = 0.1


@dataclass(slots=True)
class Cue:
    """One place where the text names somebody as a coach or referee."""

    name: str
    span: Span
    pos: int
    team: str | None = None
    strength: float = 0.0
    player: str | None = None
    opponent_before: bool = False


@component("coaches")
def find_coaches(doc: Doc) -> None:
    """Fill ``match.coaches`` for every team whose coach the text names."""
    if not doc.matches:
        return
    index = TextIndex(doc, _quoted(doc))
    pats = LangPatterns.of(doc.lang, "coaches")
    others = known_players(doc) | _other_roles(doc, pats)
    cues = [c for c in _coach_cues(index, pats) if c.name not in others]
    for cue in cues:
        if cue.team is None:
            _resolve_team(index, pats, cue)
    _assign_coaches(index, cues)


@component("referee")
def find_referee(doc: Doc) -> None:
    """Set ``match.referee`` from "referee X", "l'arbitro X", "diretta da X" or a referee-only act."""
    if not doc.matches:
        return
    index = TextIndex(doc)
    pats = LangPatterns.of(doc.lang, "referee")
    coaches = {n for m in doc.matches for n in m.coaches.values()}
    excluded = known_players(doc) | coaches | _other_roles(doc, pats)
    votes: dict[int, dict[str, tuple[float, list[Span]]]] = {}
    for cue in _referee_cues(index, pats):
        i = _referee_match(index, cue.pos)
        if i is None or cue.name in excluded:
            continue
        strength, spans = votes.setdefault(i, {}).get(cue.name, (0.0, []))
        votes[i][cue.name] = (max(strength, cue.strength), [*spans, cue.span])
    for i, by_name in votes.items():
        name, (_, spans) = max(by_name.items(), key=lambda item: (item[1][0], len(item[1][1])))
        match = doc.matches[i]
        match.referee = name
        for span in spans:
            match.cite("referee", span)


def _quoted(doc: Doc) -> list[Span]:
    """Return the spans of the quotations, whose names are not the narrative's people."""
    return [Span(q.start, q.end) for q in find_quotations(doc.text, doc.lang)]


def _other_roles(doc: Doc, pats: LangPatterns) -> set[str]:
    """Return the people the article gives another role (a player, a president, a pundit)."""
    return {name for name, (role, _) in doc.roles.items() if not role_is(pats, role)}


# --- coach cues ---------------------------------------------------------------------------------


def _coach_cues(index: TextIndex, pats: LangPatterns) -> Iterator[Cue]:
    """Yield every coach cue of the text, each with the team when the cue itself names it."""
    yield from _role_cues(index, pats, strength_of_club=CUE_CLUB)
    yield from _led_by_cues(index, pats)
    yield from _person_side_cues(index, pats)
    yield from _club_person_cues(index, pats)
    yield from _act_cues(index, pats)
    yield from _learned_role_cues(index, pats)


def _role_cues(
    index: TextIndex, pats: LangPatterns, strength_of_club: float, fallback: bool = False
) -> Iterator[Cue]:
    """Yield "manager X", "X, the Juventus coach", "as Juventus manager" and "the coach" cues.

    With ``fallback``, a capitalised name right after the role word counts even when the person
    finder missed it ("Referee: Daniele Orsato" in wire copy).
    """
    text = index.text
    for m in pats.scan("role", text):
        club_before = index.club_ending_at(m.start(), pats.link_gap)
        phrase_start = club_before.start if club_before else m.start()
        if pats.excluded_before(text, phrase_start):
            continue
        person = index.person_after_link(m.end(), pats) or _name_after_role_inside(index, m.end())
        if person is None and fallback:
            name = fallback_name(index, m.end(), pats.link_gap)
            if name is not None:
                yield Cue(name[0], Span(m.start(), name[1].end), m.start(), strength=strength_of_club)
                continue
        club_after = index.club_starting_at(m.end(), pats.prep_gap)
        team = index.team(club_before) or index.team(club_after) or index.team_in_gap(m.end(), person)
        strength = strength_of_club if team else 0.0
        if person is None:
            person = _role_subject(index, pats, phrase_start, m.end())
        if person is not None:
            span = Span(min(phrase_start, person.start), max(m.end(), person.end))
            yield Cue(person.name, span, person.start, team, strength)


def _name_after_role_inside(index: TextIndex, role_end: int) -> PersonMention | None:
    """Return the name part of a person mention that swallowed its role word ("L'arbitro X")."""
    outer = index.person_containing(role_end - 1)
    if outer is None or not index.text[role_end : outer.end].strip():
        return None
    start = role_end + len(index.text[role_end : outer.end]) - len(index.text[role_end : outer.end].lstrip())
    name = index.text[start : outer.end]
    fuller = index.fullest_by_surname().get(name.split()[-1])
    return PersonMention(start, outer.end, name, fuller if fuller and fuller != outer.name else name)


def _role_subject(
    index: TextIndex, pats: LangPatterns, phrase_start: int, role_end: int
) -> PersonMention | None:
    """Return who a role word without an adjacent name is about (appositive, "as ...", "the coach")."""
    text = index.text
    appositive = index.person_before_appositive(phrase_start, pats)
    if appositive is not None:
        return appositive
    before = text[max(0, phrase_start - 30) : phrase_start]
    if pats.ends_with_word(before, "as_words"):
        return index.last_person_in_sentence(phrase_start)
    if pats.ends_with_word(before, "articles") and _acts(index, pats, phrase_start, role_end):
        return index.antecedent(phrase_start)
    return None


def _acts(index: TextIndex, pats: LangPatterns, start: int, end: int) -> bool:
    """Return whether the role phrase ``[start, end)`` speaks or makes a coach's move.

    "dirà il tecnico", "the manager said", "il tecnico del Napoli inserisce X": only then is a
    bare "the coach" taken to be the person just named (after "Bremer scored. The manager ..."
    it would be the wrong person).
    """
    say = LangPatterns.of(index.doc.lang, "quotes")
    text = index.text
    club = index.club_starting_at(end, pats.prep_gap)
    after = _skip_space(text, club.end if club else end)
    if say.get("say").match(text, after) or pats.get("act_object").match(text, after):
        return True
    if pats.get("act").match(text, after):
        return True
    before = pats.word_start_before(text, start, "articles")
    return say.get_tail("say").search(text, max(0, before - 40), before) is not None


def _skip_space(text: str, pos: int) -> int:
    """Return the position after the white space and commas at ``pos``."""
    m = _SPACE.match(text, pos)
    return m.end() if m else pos


def _led_by_cues(index: TextIndex, pats: LangPatterns) -> Iterator[Cue]:
    """Yield "the side coached by X", "under the guidance of X", "gli uomini di X" cues."""
    text = index.text
    for m in pats.scan("led_by", text):
        person = index.person_starting_near(m.end(), 2)
        if person is None:
            continue
        cue = Cue(person.name, Span(m.start(), person.end), person.start)
        cue.opponent_before = pats.ends_with_key(text, m.start(), "opponent")
        yield cue


def _person_side_cues(index: TextIndex, pats: LangPatterns) -> Iterator[Cue]:
    """Yield "X's side", "X's men" cues."""
    if not pats.has("person_side"):
        return  # the language has no such idiom: no need to look after every name
    side = pats.get("person_side")
    for person in index.people:
        m = side.match(index.text, person.end)
        if m is not None:
            yield Cue(person.name, Span(person.start, m.end()), person.start)


def _club_person_cues(index: TextIndex, pats: LangPatterns) -> Iterator[Cue]:
    """Yield "X's Juventus" and "la Juve di X" cues, whose club is the coach's team."""
    text = index.text
    person_club = pats.get("person_club_gap")
    club_person = pats.get("club_person_gap")
    for person in index.people if pats.has("person_club_gap") else ():
        gap = person_club.match(text, person.end)
        club = index.club_at(gap.end()) if gap else None
        if club is not None and index.team(club):
            yield Cue(person.name, Span(person.start, club.end), person.start, index.team(club), CUE_CLUB)
    for club in index.clubs if pats.has("club_person_gap") else ():
        gap = club_person.match(text, club.end)
        coach = index.person_at(gap.end()) if gap else None
        if coach is not None and index.team(club):
            yield Cue(coach.name, Span(club.start, coach.end), coach.start, index.team(club), CUE_CLUB)


def _act_cues(index: TextIndex, pats: LangPatterns) -> Iterator[Cue]:
    """Yield "X sent on Y", "X lascia in panchina Y", "X made three changes" cues."""
    text = index.text
    acts = pats.after_gap_words(("act_object", "act"))  # one regex call per person, not three
    for person in index.people:
        m = acts.match(text, person.end)
        if m is None:
            continue
        if m.start("act_object") >= 0:
            target = index.person_starting_near(m.end("act_object"), 2)
            if target is not None and not text.startswith(("'s", "’s"), target.end):
                yield Cue(person.name, Span(person.start, target.end), person.start, player=target.name)
        else:
            yield Cue(person.name, Span(person.start, m.end()), person.start)


def _learned_role_cues(index: TextIndex, pats: LangPatterns) -> Iterator[Cue]:
    """Yield a cue for each person ``doc.roles`` knows in this role, at their first mention."""
    learned = [(name, club) for name, (role, club) in index.doc.roles.items() if role_is(pats, role)]
    if not learned:
        return
    first = index.first_mentions()
    for name, club in learned:
        mention = first.get(name)
        if mention is None:
            continue
        team = index.club_name_in_matches(club)
        yield Cue(name, Span(mention.start, mention.end), mention.start, team, LEARNED_ROLE if team else 0.0)


# --- coach teams --------------------------------------------------------------------------------


def _resolve_team(index: TextIndex, pats: LangPatterns, cue: Cue) -> None:
    """Find the team of a cue that does not name it: learned role, player acted on, context."""
    role = index.doc.roles.get(cue.name)
    if role is not None and role_is(pats, role[0]):
        team = index.club_name_in_matches(role[1])
        if team:
            cue.team, cue.strength = team, LEARNED_ROLE
            return
    if cue.player is not None:
        team = index.team_of_player(cue.player)
        if team:
            cue.team, cue.strength = team, PLAYER_TEAM
            return
    found = team_from_context(index, pats, cue.pos, cue.span, cue.opponent_before)
    if found is not None:
        cue.team, cue.strength = found


def _assign_coaches(index: TextIndex, cues: list[Cue]) -> None:
    """Keep the best-supported coach per team, fill in the primary match's other side, write."""
    by_person: dict[str, Cue] = {}
    for cue in cues:
        best = by_person.get(cue.name)
        if cue.team and (best is None or cue.strength > best.strength):
            by_person[cue.name] = cue
    chosen: dict[str, Cue] = {}
    for cue in sorted(by_person.values(), key=lambda c: -c.strength):
        assert cue.team is not None
        chosen.setdefault(cue.team, cue)
    taken = {c.name for c in chosen.values()}
    # A coach whose own clause names a team (even one already taken) is not "the other side's".
    placed = {c.name for c in cues if c.team and c.strength >= 1.0}
    _fill_other_side(index, [c for c in cues if c.name not in taken | placed], chosen)
    for team, best in chosen.items():
        _write_coach(index, team, best, [c for c in cues if c.name == best.name])


def _fill_other_side(index: TextIndex, loose: list[Cue], chosen: dict[str, Cue]) -> None:
    """Give the primary match's coachless side to the one coach cue clearly about that match."""
    primary = index.doc.primary_match()
    if primary is None:
        return
    missing = [t for t in primary.teams() if t not in chosen]
    if len(missing) != 1:
        return
    names = {c.name for c in loose if index.about_primary(c.pos)}
    if len(names) == 1:
        name = names.pop()
        first = next(c for c in loose if c.name == name)
        chosen[missing[0]] = Cue(name, first.span, first.pos, missing[0], FALLBACK)


def _write_coach(index: TextIndex, team: str, best: Cue, cues: list[Cue]) -> None:
    """Store the coach in the match of ``team`` nearest the cue, citing every cue that agrees."""
    i = index.match_for(team, best.pos)
    if i is None:
        return
    match = index.doc.matches[i]
    match.coaches[team] = best.name
    match.cite(f"coach:{team}", best.span)
    for cue in cues:
        if cue.team in (team, None) or cue is best:
            match.cite(f"coach:{team}", cue.span)


# --- referee --------------------------------------------------------------------------------------


def _referee_cues(index: TextIndex, pats: LangPatterns) -> Iterator[Cue]:
    """Yield referee cues: role words, "diretta da X", referee-only acts and learned roles."""
    text = index.text
    for cue in _role_cues(index, pats, strength_of_club=CUE_CLUB, fallback=True):
        cue.strength = CUE_CLUB  # the referee's role word is the cue, whatever club stands near it
        yield cue
    for m in pats.scan("led_by", text):
        person = index.person_starting_near(m.end(), 2)
        if person is not None:
            yield Cue(person.name, Span(m.start(), person.end), person.start, strength=CUE_CLUB)
    yield from _referee_acts(index, pats)
    for cue in _learned_role_cues(index, pats):
        cue.strength = LEARNED_ROLE
        yield cue


def _referee_acts(index: TextIndex, pats: LangPatterns) -> Iterator[Cue]:
    """Yield "X assegna il rigore", "X pointed to the spot": the clause subject before the act."""
    text = index.text
    passive = pats.get("passive")
    for m in pats.scan("act", text):
        clause = index.clause(m.start(), pats.get("clause_break"))
        person = index.last_person_between(max(clause.start, m.start() - 60), m.start())
        if person is None:
            continue
        gap = text[person.end : m.start()]
        if _GAP_STOP.search(gap) or passive.search(gap) or pats.has_word(gap, "articles"):
            continue  # another subject ("e il pubblico fischia") or a passive clause
        yield Cue(person.name, Span(person.start, m.end()), person.start, strength=1.0)


def _referee_match(index: TextIndex, pos: int) -> int | None:
    """Return the index of the match a referee cue is about: clubs of its sentence, else primary."""
    sentence = index.sentence(pos)
    teams = {t for c in index.clubs_in(sentence.start, sentence.end) if (t := index.team(c))}
    matches = index.doc.matches
    candidates = [i for i, m in enumerate(matches) if all(m.has_team(t) for t in teams)] if teams else []
    if len(candidates) == 1:
        return candidates[0]
    primary = index.primary_index()
    if primary is not None:
        return primary
    return 0 if len(index.doc.matches) == 1 else None
