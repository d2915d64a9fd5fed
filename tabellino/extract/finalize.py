"""Last pass over an article's matches: brace words, scores counted from goals, goal order."""

from __future__ import annotations

from tabellino.extract import component
from tabellino.extract.cues import find_cues
from tabellino.extract.doc import Doc
from tabellino.extract.goal_lists import complete_teams
from tabellino.extract.people import surname_key
from tabellino.models import Goal, Match, Span

__all__ = ["finalize"]


@component("finalize")
def finalize(doc: Doc) -> None:
    """Apply brace/hat-trick counts, derive scores told only as goals, and order the goals."""
    _apply_multi_goal_words(doc)
    for match in doc.matches:
        _merge_unnamed_goals(doc, match)
        complete_teams(match, match.goals)
        _derive_score(doc, match)
        match.goals.sort(key=lambda g: (g.minute is None, g.minute or 0, g.added or 0))


def _apply_multi_goal_words(doc: Doc) -> None:
    """Make "doppietta di X" / "X's brace" give X at least that many goals in the match."""
    cues = find_cues(doc.lang, "goals", "multi_goal_words", doc.text)
    if not cues:
        return
    counts = {k.lower(): int(v) for k, v in doc.lang.mapping("goals", "multi_goal_words").items()}
    for cue in cues:
        if doc.in_quote(cue.start()):
            continue
        sent = doc.sentence_of(cue.start())
        near = [
            p for p in doc.people_in(sent) if abs(p.start - cue.end()) < 25 or abs(cue.start() - p.end) < 25
        ]
        if len(near) != 1:
            continue
        person, wanted = near[0], counts.get(" ".join(cue.group().lower().split()), 0)
        for match in doc.matches:
            have = [g for g in match.goals if g.scorer and surname_key(g.scorer) == surname_key(person.name)]
            if have and len(have) < wanted:
                for _ in range(wanted - len(have)):
                    extra = Goal(team=have[0].team, scorer=have[0].scorer)
                    extra.evidence.spans = [Span(cue.start(), cue.end()), Span(person.start, person.end)]
                    match.goals.append(extra)


def _merge_unnamed_goals(doc: Doc, match: Match) -> None:
    """Fold an unnamed goal into the named goal told in the same sentence or just before it."""
    for goal in [g for g in match.goals if g.scorer is None and g.evidence.spans]:
        start = goal.evidence.spans[0].start
        sent = doc.sentence_of(start)
        named = [g for g in match.goals if g.scorer and g.evidence.spans]
        same = [g for g in named if sent.start <= g.evidence.spans[0].start < sent.end]
        earlier = [g for g in named if g.minute is None and 0 < start - g.evidence.spans[0].start < 600]
        target = (
            same[0]
            if same
            else (max(earlier, key=lambda g: g.evidence.spans[0].start) if earlier and goal.minute else None)
        )
        if target is None:
            continue
        if target.minute is None and goal.minute is not None:
            target.minute, target.added = goal.minute, goal.added
        target.evidence.spans.extend(goal.evidence.spans)
        match.goals.remove(goal)


def _latest(goals: list[Goal]) -> Goal:
    """Return the goal whose first evidence comes last in the text."""
    return max(goals, key=lambda g: g.evidence.spans[0].start)


def _derive_score(doc: Doc, match: Match) -> None:
    """Count the goals of a match known only by its winner into a derived score, when consistent.

    Not when a running score written among the goals ("took it to 3-0") holds more goals than were
    counted: the narrative then left goals out, and a count would be a wrong score.
    """
    if match.home_goals is not None or not match.goals or match.winner is None:
        return
    if any(g.team is None for g in match.goals):
        return
    home = sum(1 for g in match.goals if g.team == match.home)
    away = sum(1 for g in match.goals if g.team == match.away)
    if not _agrees(match.winner, match, home, away) or _running_score_above(doc, match, home + away):
        return
    match.home_goals, match.away_goals, match.winner = home, away, None
    for goal in match.goals:
        for span in goal.evidence.spans[:1]:
            match.cite("score", span, derived=True)


def _running_score_above(doc: Doc, match: Match, counted: int) -> bool:
    """Return whether a score written between the match's first and last goal has more goals than counted."""
    spans = [g.evidence.spans[0] for g in match.goals if g.evidence.spans]
    if not spans:
        return False
    lo, hi = min(s.start for s in spans), max(s.end for s in spans)
    return any(lo <= s.start <= hi and s.first + s.second > counted for s in doc.scores)


def _agrees(winner: str, match: Match, home: int, away: int) -> bool:
    """Return whether a counted score agrees with the stated winner."""
    if winner == "draw":
        return home == away
    if winner == match.home:
        return home > away
    return winner == match.away and away > home
