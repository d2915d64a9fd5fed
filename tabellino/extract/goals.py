"""Find the goals of each match: compact scorer lists first, then goals told in the narrative."""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

from tabellino.extract import component
from tabellino.extract.cues import Cue, ends_with_cue, find_cues, is_only_cue, phrases
from tabellino.extract.doc import Doc, MinuteMention, PersonMention
from tabellino.extract.goal_brackets import BracketGoals, find_bracket_goals
from tabellino.extract.goal_checks import continue_second_half, drop_excess_unnamed
from tabellino.extract.goal_lists import find_listed_goals, find_prose_lists
from tabellino.extract.goal_teams import (
    context_start,
    learned_team,
    match_for,
    team_from_context,
    team_in_clause,
    team_of_person,
)
from tabellino.extract.people import surname_key
from tabellino.lang import LanguageData
from tabellino.models import Goal, Match, Span

__all__ = ["find_goals", "team_of_person"]

# A person right after one of these phrases is the beaten keeper, the assist maker or the fouled
# player: not the scorer.
_NOT_SCORER_KEYS = ("keeper_markers", "assist_markers", "fouled_markers")

_FLAG_KEYS = ("penalty_words", "own_goal_words")

# The scoring phrases as written are few: what each says is remembered per phrase.
_PHRASES_KEPT = 1024

_NEXT_TO = 12  # at most this many characters between a scorer's name and the cue


@component("goals")
def find_goals(doc: Doc) -> None:
    """Attach goals to matches: listed goals where a match has a list, narrative goals otherwise."""
    listed = find_listed_goals(doc)
    for match in doc.matches:
        match.goals.extend(listed.get(id(match), []))
    has_list = {id(m) for m in doc.matches if listed.get(id(m))}
    covered = _prose_list_goals(doc, has_list)
    covered |= _bracketed_goals(doc, has_list)
    _narrative_goals(doc, has_list, covered)
    for match in doc.matches:
        drop_excess_unnamed(match)
        continue_second_half(doc, match)


def _prose_list_goals(doc: Doc, has_list: set[int]) -> set[tuple[int, str]]:
    """Add the goals of scorer lists inside prose ("golos aos minutos 44 (X), 55 (Y)"); return who
    was read, as (sentence start, name), so that the cue pass skips them."""
    covered: set[tuple[int, str]] = set()
    for match, goals in find_prose_lists(doc):
        for goal in goals:
            covered.add((doc.sentence_of(goal.evidence.spans[0].start).start, goal.scorer or ""))
            if id(match) not in has_list and not _duplicate(match, goal):
                match.goals.append(goal)
    return covered


def _bracketed_goals(doc: Doc, has_list: set[int]) -> set[tuple[int, str]]:
    """Add goals told as "Name (10.)" / "(Name, 65.)" in a scoring sentence; return who was read.

    The returned (sentence start, name) pairs tell the cue pass that those people's goals in that
    sentence are already known.
    """
    covered: set[tuple[int, str]] = set()
    window_start: dict[int, int] = {}
    for found in find_bracket_goals(doc):
        sent = doc.sentence_of(found.person.start)
        if not _can_score(doc, found.person):
            continue  # "un centre d'Ismaily (5e)", "une faute sur X (56e)": the minute is someone else's goal
        if doc.in_quote(found.person.start) or not find_cues(
            doc.lang, "goals", "score_verbs", doc.text, sent.start, sent.end
        ):
            continue
        window = Span(max(sent.start, window_start.get(sent.start, sent.start)), found.end)
        window_start[sent.start] = found.end
        goals = _goals_of_bracket(doc, found, window, sent)
        if goals is None:
            continue
        match, new = goals
        covered.add((sent.start, found.person.name))
        if id(match) not in has_list:
            match.goals.extend(g for g in new if not _duplicate(match, g))
    return covered


def _goals_of_bracket(
    doc: Doc, found: BracketGoals, window: Span, sent: Span
) -> tuple[Match, list[Goal]] | None:
    """Return the match and goals of one bracketed scorer; words before the name flag a lone goal."""
    person = found.person
    window = Span(context_start(doc, window.start, person.start), window.end)
    own_team = learned_team(doc, person)
    clause_team = team_in_clause(doc, (window.start, window.end))
    match = match_for(doc, own_team or clause_team, person.start)
    if match is None:
        return None
    if own_team is None and clause_team is None:
        own_team = team_of_person(doc, person, match)
    team = own_team or clause_team
    context = Span(context_start(doc, sent.start, person.start), sent.end)
    team = team or team_from_context(doc, match, window) or team_from_context(doc, match, context)
    lead = [bool(find_cues(doc.lang, "goals", k, doc.text, window.start, person.start)) for k in _FLAG_KEYS]
    goals = []
    for minute, penalty, own_goal in found.goals:
        if len(found.goals) == 1:
            penalty, own_goal = penalty or lead[0], own_goal or lead[1]
        credited = match.opponent(own_team) if own_goal and own_team else team
        goal = Goal(credited, person.name, minute.minute, minute.added, penalty, own_goal)
        goal.evidence.spans = [Span(person.start, person.end), Span(minute.start, minute.end)]
        goals.append(goal)
    return match, goals


def _narrative_goals(doc: Doc, has_list: set[int], covered: set[tuple[int, str]]) -> None:
    """Add goals described in prose to matches that have no compact scorer list.

    ``covered`` holds (sentence start, name) of goals already read from brackets: skipped here.
    """
    if not doc.matches:
        return
    seen: set[tuple[int, str]] = set()
    cues = find_cues(doc.lang, "goals", "score_verbs", doc.text)
    minute_starts = [m.start for m in doc.minutes]
    for i, cue in enumerate(cues):
        at = cue.start()
        if doc.in_quote(at):
            continue
        sentence = doc.sentence_of(at)
        sent = _cue_window(sentence, cues, i)
        clause = _clause_bounds(doc.text, at, sent.start, sent.end)
        if _negated(doc, clause[0], sentence.end, at):
            continue
        for goal, match in _goals_at_cue(doc, cue, sent, sentence, clause, minute_starts):
            key = (id(match), f"{goal.scorer}|{goal.evidence.spans[0].start}")
            if id(match) in has_list or key in seen or (sentence.start, goal.scorer) in covered:
                continue
            seen.add(key)
            if not _duplicate(match, goal):
                match.goals.append(goal)


def _cue_window(sent: Span, cues: list[Cue], i: int) -> Span:
    """Return the cue's sentence ``sent``, cut at the neighbouring cues of the same sentence."""
    lo, hi = sent.start, sent.end
    if i > 0 and cues[i - 1].end() > lo:
        lo = cues[i - 1].end()
    if i + 1 < len(cues) and cues[i + 1].start() < hi:
        hi = cues[i + 1].start()
    return Span(lo, hi)


def _negated(doc: Doc, start: int, end: int, pos: int) -> bool:
    """Return whether the cue at ``pos`` says the goal did not count: its clause (from ``start``)
    or the rest of its sentence (to ``end``) holds a no-goal word."""
    words = find_cues(doc.lang, "goals", "no_goal_words", doc.text, start, end)
    if not words:
        return False
    start = _after_clause_break(doc, start, pos)
    for m in words:
        if m.start() < start:
            continue
        before = doc.text[max(0, m.start() - 12) : m.start()]
        if not ends_with_cue(doc.lang, "goals", "negators", before):
            return True
    return False


def _clause_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """Return the clause around ``pos`` inside ``[lo, hi)`` (cut at ; : and sentence bounds)."""
    left = max(text.rfind(";", lo, pos), text.rfind(":", lo, pos), text.rfind(",", lo, pos))
    right = hi
    for c in ";:,":
        i = text.find(c, pos, right)
        if i >= 0:
            right = i
    return (left + 1 if left >= lo else lo), right


def _goals_at_cue(
    doc: Doc, cue: Cue, sent: Span, sentence: Span, clause: tuple[int, int], minute_starts: list[int]
) -> list[tuple[Goal, Match]]:
    """Return the goals (with their match) that one scoring cue describes.

    ``sent`` is the cue's window in its ``sentence``, ``clause`` the clause around the cue in it.
    """
    at = cue.start()
    scorers = _scorers_for_cue(doc, cue, sent, clause)
    start = _after_clause_break(doc, sent.start, at)
    minute = (
        _minute_near(doc, cue, (start, sent.end), sent.start > sentence.start, scorers, minute_starts)
        if len(scorers) <= 1
        else None
    )
    penalty = bool(find_cues(doc.lang, "goals", "penalty_words", doc.text, start, sent.end))
    own_goal = bool(find_cues(doc.lang, "goals", "own_goal_words", doc.text, start, sent.end))
    out = []
    options: list[PersonMention | None] = list(scorers) or [None]
    for person in options:
        if person is None and not _is_first_goal_cue(doc.lang, cue.group()):
            continue
        team = learned_team(doc, person) if person else team_in_clause(doc, clause)
        match = match_for(doc, team, at)
        if match is None:
            continue
        if person and team is None:
            team = team_of_person(doc, person, match)
        if person and team and own_goal:
            team = match.opponent(team)  # the scorer's club: an own goal counts for the other side
        if not team:
            # context_start(doc, sent.start, at), from the clause breaks already read
            colon = max(doc.text.rfind(":", sent.start, at), doc.text.rfind(";", sent.start, at))
            context = Span(max(start, colon + 1), sent.end)
            team = team_from_context(doc, match, context, Span(*clause))
        goal = Goal(team=team, scorer=person.name if person else None, penalty=penalty, own_goal=own_goal)
        if minute:
            goal.minute, goal.added = minute.minute, minute.added
            goal.evidence.spans.append(Span(minute.start, minute.end))
        goal.evidence.spans.insert(0, Span(at, cue.end()))
        if person:
            goal.evidence.spans.append(Span(person.start, person.end))
        out.append((goal, match))
    return out


@lru_cache(maxsize=_PHRASES_KEPT)
def _is_first_goal_cue(lang: LanguageData, phrase: str) -> bool:
    """Return whether a cue's phrase says "opened the scoring" (a goal worth keeping without a scorer)."""
    return bool(find_cues(lang, "goals", "first_goal_words", phrase, 0, len(phrase)))


def _scorers_for_cue(doc: Doc, cue: Cue, sent: Span, clause: tuple[int, int]) -> list[PersonMention]:
    """Return the person(s) a scoring cue is about: coordinated "X and Y ... each", else one."""
    in_sent = doc.people_in(sent)
    phrase = cue.group()
    if _is_plural_cue(doc.lang, phrase):
        after = [p for p in in_sent if p.start >= cue.end() and _can_score(doc, p)]
        group = _coordinated_group(doc, after[:4])
        if group and group[0] is after[0] and after[0].start - cue.end() <= 3:
            return group
    at, end = cue.start(), cue.end()
    # a person written right next to the cue (a few characters before or after it)
    adjacent = next(
        (
            p
            for p in in_sent
            if (0 <= at - p.end <= _NEXT_TO or 0 <= p.start - end <= _NEXT_TO) and _can_score(doc, p)
        ),
        None,
    )
    if adjacent is not None:
        return [adjacent]
    beater = _keeper_beater(doc, cue, in_sent)
    if beater is not None:
        return [beater]
    people = [p for p in in_sent if clause[0] <= p.start and p.end <= clause[1] and _can_score(doc, p)]
    if not people:
        if _scorer_follows(doc.lang, phrase) and " " in phrase.strip():
            return []  # "goal by" names its scorer in its clause, or the text does not say
        people = [p for p in in_sent if p.end <= cue.start() and _can_score(doc, p)]
        group = _coordinated_group(doc, people)
        if group and find_cues(doc.lang, "goals", "each_words", doc.text, sent.start, sent.end):
            return group
        people = people[-1:]
    if not people:
        return []
    if _scorer_follows(doc.lang, phrase) or not [p for p in people if p.end <= cue.start()]:
        after = [p for p in people if p.start >= cue.end()]
        return after[:1] if after else people[-1:]
    before = [p for p in people if p.end <= cue.start()]
    return before[-1:]


@lru_cache(maxsize=_PHRASES_KEPT)
def _scorer_follows(lang: LanguageData, phrase: str) -> bool:
    """Return whether a cue's phrase ends with a word after which the scorer is named ("goal by")."""
    return ends_with_cue(lang, "goals", "scorer_after_words", phrase)


@lru_cache(maxsize=_PHRASES_KEPT)
def _is_plural_cue(lang: LanguageData, phrase: str) -> bool:
    """Return whether a cue's phrase names several goals by several players ("goals from X and Y")."""
    return bool(find_cues(lang, "goals", "plural_goal_words", phrase, 0, len(phrase)))


def _keeper_beater(doc: Doc, cue: Cue, in_sent: list[PersonMention]) -> PersonMention | None:
    """Return X in "X ... beat/past <keeper>" after the cue: the scorer is who beat the keeper.

    ``in_sent`` holds the people of the cue's sentence.
    """
    people = [p for p in in_sent if p.start >= cue.start()]
    for i in range(1, len(people)):
        before = doc.text[max(0, people[i].start - 25) : people[i].start]
        if ends_with_cue(doc.lang, "goals", "keeper_markers", before):
            shooters = [p for p in people[:i] if _can_score(doc, p)]
            return shooters[-1] if shooters else None
    return None


def _coordinated_group(doc: Doc, people: list[PersonMention]) -> list[PersonMention]:
    """Return the last run of people joined by "and" ("X and Y"), or an empty list."""
    group: list[PersonMention] = []
    for person in people:
        if group and is_only_cue(doc.lang, "results", "coordinators", doc.text[group[-1].end : person.start]):
            group.append(person)
        else:
            group = [person]
    return group if len(group) > 1 else []


def _can_score(doc: Doc, person: PersonMention) -> bool:
    """Return whether the person may be a scorer (not a coach or referee, not a beaten keeper)."""
    role = doc.roles.get(person.name, ("player", None))[0]
    if role in ("coach", "referee", "pundit", "official"):
        return False
    pattern = _not_scorer_end(doc.lang)
    return pattern is None or not pattern.search(doc.text[max(0, person.start - 25) : person.start])


@cache
def _not_scorer_end(lang: LanguageData) -> re.Pattern[str] | None:
    """Return a regex for a text ending with a phrase of ``_NOT_SCORER_KEYS`` ("past", "assist from").

    It is the three lists' ``ends_with_cue`` regexes in one, so that a person is checked in one search.
    """
    words = sorted(
        {w for key in _NOT_SCORER_KEYS for w in phrases(lang, "goals", key)}, key=len, reverse=True
    )
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in words)
    return re.compile(rf"(?<![\w])(?:{alternatives})[\s'’]*$", re.IGNORECASE)


def _after_clause_break(doc: Doc, start: int, pos: int) -> int:
    """Return ``start`` moved past the last clause-joining word ("before", "mentre") before ``pos``."""
    breaks = [m.end() for m in find_cues(doc.lang, "results", "clause_breaks", doc.text, start, pos)]
    return max([start, *breaks])


def _minute_near(
    doc: Doc,
    cue: Cue,
    window: tuple[int, int],
    after_other_cue: bool,
    scorers: list[PersonMention],
    minute_starts: list[int],
) -> MinuteMention | None:
    """Return the first minute after the cue in its window, else the nearest before it (after the
    last clause-joining word); none before it when the window starts after another cue.

    A minute before the cue may stand commas away ("aos 82', quando X ... atirou para o fundo")
    as long as nobody but the scorer (or an assist maker, a keeper) is named in between.
    Minutes are sorted and do not overlap (``minute_starts`` holds their starts), so their ends
    are sorted too: the candidates are found by bisection.
    """
    minutes, at = doc.minutes, cue.start()
    i = bisect.bisect_left(minute_starts, at)
    if i < len(minutes) and minutes[i].end <= window[1]:
        return minutes[i]
    if after_other_cue:
        return None  # a minute between an earlier cue and this one belongs to the earlier goal
    j = i - 1 if i and minutes[i - 1].end <= at else i - 2
    if j < 0 or minutes[j].start < window[0]:
        return None
    before = minutes[j]
    between = doc.people_in(Span(before.end, at))
    if any(p not in scorers and _can_score(doc, p) for p in between):
        return None
    return before


def _duplicate(match: Match, goal: Goal) -> bool:
    """Return whether the match already has this goal (same scorer and compatible minute)."""
    for other in match.goals:
        if other.scorer and goal.scorer and surname_key(other.scorer) == surname_key(goal.scorer):
            if other.minute is None and goal.minute is None and other.penalty != goal.penalty:
                continue
            if other.minute == goal.minute or other.minute is None or goal.minute is None:
                if goal.minute is not None and other.minute is None:
                    other.minute, other.added = goal.minute, goal.added
                other.team = other.team or goal.team
                other.penalty = other.penalty or goal.penalty
                return True
    return False
