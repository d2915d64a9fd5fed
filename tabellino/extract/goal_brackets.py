"""Read goals written as a scorer with minutes in brackets: "Kane (12., 56.)", "(Rossi, 65')",
"Marcano (12)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tabellino.extract.cues import find_cues
from tabellino.extract.doc import Doc, MinuteMention, PersonMention

__all__ = ["BracketGoals", "find_bracket_goals"]

_BRACKET_AFTER = re.compile(r"\s?\(([^()\n]{1,40})\)")
_BRACKET_SEGMENT = re.compile(r"[^,;]+")
_FLAG_KEYS = ("penalty_words", "own_goal_words")


@dataclass(frozen=True, slots=True)
class BracketGoals:
    """A person with goal minutes in brackets: "Kane (12., 56.)", "(Rossi, 65')".

    ``goals`` holds (minute, penalty, own goal) per minute; ``end`` is the offset after the bracket.
    """

    person: PersonMention
    goals: list[tuple[MinuteMention, bool, bool]]
    end: int


def find_bracket_goals(doc: Doc) -> list[BracketGoals]:
    """Return every person written with only goal minutes (and penalty / own-goal words) in brackets."""
    out = []
    for person in doc.people:
        inner = _bracket_of(doc.text, person)
        if inner is None:
            continue
        goals = _bracket_minutes(doc, inner[0], inner[1])
        if goals:
            out.append(BracketGoals(person, goals, inner[1] + 1))
    return out


def _bracket_of(text: str, person: PersonMention) -> tuple[int, int] | None:
    """Return the inner span of "Name (...)" or of "(Name, ...)" (the part after the name)."""
    opens_before = person.start > 0 and text[person.start - 1] == "("
    if not opens_before and "(" not in text[person.end : person.end + 2]:
        return None  # neither "Name (" nor "(Name": the usual case, told without a regex
    after = _BRACKET_AFTER.match(text, person.end)
    if after is not None:
        return after.start(1), after.end(1)
    if not opens_before:
        return None
    close = text.find(")", person.end, person.end + 40)
    if close < 0 or "\n" in text[person.end : close] or "(" in text[person.end : close]:
        return None
    return person.end, close


def _bracket_minutes(doc: Doc, lo: int, hi: int) -> list[tuple[MinuteMention, bool, bool]]:
    """Return (minute, penalty, own goal) per minute of a bracket that holds nothing else.

    Brackets part goals with commas ("56., Foulelfmeter/80."); a flag word counts for the minutes
    of its own part, or for the minute before it when its part has none ("12', rigore").
    """
    # A minute pattern may take the brackets in ("Marcano (12)"): its mention then spans them.
    minutes = [m for m in doc.minutes if lo - 1 <= m.start and m.end <= hi + 1]
    if not minutes or not _only_flags(doc, lo, hi, minutes):
        return []
    flags: dict[MinuteMention, tuple[bool, bool]] = {}
    previous: MinuteMention | None = None
    for part in _BRACKET_SEGMENT.finditer(doc.text, lo, hi):
        pen, og = (
            bool(find_cues(doc.lang, "goals", k, doc.text, part.start(), part.end())) for k in _FLAG_KEYS
        )
        inside = [m for m in minutes if part.start() <= m.start < part.end()] or (
            [previous] if previous else []
        )
        for m in inside:
            old = flags.get(m, (False, False))
            flags[m] = (old[0] or pen, old[1] or og)
        previous = inside[-1] if inside else previous
    return [(m, *flags.get(m, (False, False))) for m in minutes]


def _only_flags(doc: Doc, lo: int, hi: int, minutes: list[MinuteMention]) -> bool:
    """Return whether a bracket holds only minutes, penalty / own-goal words and punctuation."""
    chars = list(doc.text[lo:hi])
    spans = [(m.start, m.end) for m in minutes]
    for key in _FLAG_KEYS:
        spans += [(c.start(), c.end()) for c in find_cues(doc.lang, "goals", key, doc.text, lo, hi)]
    for start, end in spans:
        start, end = max(start, lo), min(end, hi)
        chars[start - lo : end - lo] = " " * (end - start)
    return not any(c.isalnum() for c in chars)
