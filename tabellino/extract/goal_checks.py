"""Checks on the goals read for a match, made once all of them are known: goals a side's score
has no room for, and minutes that count from the start of the second half."""

from __future__ import annotations

import itertools
from functools import cache

from tabellino.extract.doc import Doc, MinuteMention
from tabellino.lang import LanguageData
from tabellino.models import Goal, Match

__all__ = ["continue_second_half", "drop_excess_unnamed"]

_HALF = 45
_LAST_FIRST_HALF_MINUTE = 45


def drop_excess_unnamed(match: Match) -> None:
    """Drop goals without a scorer that a side's stated score has no room for.

    "The VAR helped them open the scoring" told before "X converted the penalty" is one goal told
    twice: when a side has more goals than its score, the unnamed ones (minute-less first) go.
    """
    for side, score in ((match.home, match.home_goals), (match.away, match.away_goals)):
        if score is None:
            continue
        goals = [g for g in match.goals if g.team == side]
        unnamed = sorted((g for g in goals if g.scorer is None), key=lambda g: g.minute is not None)
        for goal in unnamed[: max(0, len(goals) - score)]:
            match.goals.remove(goal)


def continue_second_half(doc: Doc, match: Match) -> None:
    """Count a bare minute told right after a second-half-relative one from the second half too.

    The Brazilian press counts minutes from the start of each half: "aos 21 minutos do segundo
    tempo, X marcou ... Depois, Y, aos 42, fechou" puts Y's goal at 87. A bare minute counts so
    when the goal before it in the same paragraph was told "of the second half", and it is later
    in that half than that one (a smaller number is the narrative going back in time).
    """
    if len(match.goals) < 2:
        return  # no goal told before another
    told = [(m, g) for g in match.goals if (m := _minute_mention(doc, g)) is not None]
    told.sort(key=lambda pair: pair[0].start)
    for (before, _), (mention, goal) in itertools.pairwise(told):
        if "\n" in doc.text[before.end : mention.start] or goal.minute is None:
            continue
        if _half(doc, mention) != "" or _half(doc, before) != "second":
            continue
        if before.minute - _HALF < goal.minute <= _LAST_FIRST_HALF_MINUTE:
            goal.minute += _HALF


def _minute_mention(doc: Doc, goal: Goal) -> MinuteMention | None:
    """Return the minute mention a narrative goal cites, if any."""
    spans = {(s.start, s.end) for s in goal.evidence.spans}
    return next((m for m in doc.minutes if (m.start, m.end) in spans), None)


def _half(doc: Doc, mention: MinuteMention) -> str | None:
    """Return "second" / "other" for a minute written with its half, "" for a bare one."""
    second = _second_half_words(doc.lang)
    for pattern in doc.lang.patterns("minutes", "minute_patterns"):
        m = pattern.match(doc.text, mention.start)
        if m is not None and m.end() == mention.end:
            half = " ".join((m.groupdict().get("half") or "").lower().split())
            return "second" if half in second else ("other" if half else "")
    return None


@cache
def _second_half_words(lang: LanguageData) -> frozenset[str]:
    """Return the words of a minute's ``half`` group that count it from the second half."""
    return frozenset(" ".join(w.lower().split()) for w in lang.words("minutes", "second_half_words"))
