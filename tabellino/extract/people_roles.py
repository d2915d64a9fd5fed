"""Learn people's roles from the words before their names: "Juventus striker Paolo Rossi".

A role word ("striker", "allenatore") right before a person's name, with the club written just
before it or linked by a preposition ("the coach of Roma"), makes the role and the club the person's.
Used by :mod:`tabellino.extract.people`.
"""

from __future__ import annotations

import re
from functools import cache

from tabellino.extract.doc import Doc, PersonMention
from tabellino.kb import ClubMention
from tabellino.lang import LanguageData

__all__ = ["learn_roles"]


@cache
def _role_pattern(lang: LanguageData) -> re.Pattern[str] | None:
    """Return a regex matching a role word (from the language data) right before a name."""
    roles = _roles(lang)
    if not roles:
        return None
    alternatives = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    return re.compile(rf"(?:^|\W)({alternatives})\W{{0,2}}\s*$", re.IGNORECASE)


@cache
def _role_ending(lang: LanguageData) -> re.Pattern[str] | None:
    """Return a regex matching, on a text read backwards, the end a role word match leaves it with.

    A role word ending in a word character, then at most two other characters, ends the text
    (trailing white space dropped); its last word is one of the role words' last words, compared
    as the role regex compares them (ignoring case). None when some role word ends otherwise.
    """
    roles = _roles(lang)
    if not roles or any(re.match(r"\w", r[-1]) is None for r in roles):
        return None
    last_words = {re.split(r"\W", r)[-1] for r in roles}
    alternatives = "|".join(re.escape(w[::-1]) for w in sorted(last_words, key=len, reverse=True))
    return re.compile(rf"\W{{0,2}}(?:{alternatives})", re.IGNORECASE)


@cache
def _roles(lang: LanguageData) -> dict[str, str]:
    """Return the language's role words ("striker", "coach") and the role each names."""
    return {word: str(role) for word, role in lang.mapping("people", "roles").items()}


def learn_roles(doc: Doc) -> dict[str, tuple[str, str | None]]:
    """Learn ``name -> (role, club id)`` from "CLUB ROLE NAME" and "ROLE NAME" phrases."""
    pattern = _role_pattern(doc.lang)
    roles_map = _roles(doc.lang)
    learned: dict[str, tuple[str, str | None]] = {}
    if pattern is None:
        return learned
    longest = max(map(len, roles_map))
    ending = _role_ending(doc.lang)
    club_by_end = {c.end: c for c in doc.clubs}
    for person in doc.people:
        found = _role_before(pattern, longest, doc.text, person.start, ending)
        if found is None:
            continue
        role = roles_map.get(found[0].lower(), "player")
        club = _club_ending_near(doc, club_by_end, found[1])
        if person.name not in learned or club:
            learned[person.name] = (role, club)
    # Where a person may start to stand right after a club (at most three characters between).
    after_club = {end + back for end in club_by_end for back in range(4)}
    for person in doc.people:
        if person.start in after_club and learned.get(person.name, ("", None))[1] is None:
            found_role = _role_of_club_before(doc, club_by_end, person, pattern)
            if found_role:
                learned[person.name] = found_role
    return learned


def _role_before(
    pattern: re.Pattern[str], longest: int, text: str, start: int, ending: re.Pattern[str] | None = None
) -> tuple[str, int] | None:
    """Return the role word that ends the 40 characters before ``start``, and its offset, if any.

    A match spans at most one character, the role word (``longest`` at most) and its tail (two
    characters and the trailing white space), so the search is cut to that many characters: the
    same match, fewer places to try it. ``ending`` (:func:`_role_ending`), when given, first
    checks that the text before ``start`` ends like a role word at all, as most do not.
    """
    lo = max(0, start - 40)
    window = text[lo:start]
    tail = window.rstrip()
    if ending is not None and ending.match(tail[: -longest - 3 : -1]) is None:
        return None
    cut = max(0, len(tail) - longest - 3)
    m = pattern.search(window[cut:] if cut else window)
    return None if m is None else (m.group(1), lo + cut + m.start(1))


def _role_of_club_before(
    doc: Doc, club_by_end: dict[int, ClubMention], person: PersonMention, role: re.Pattern[str]
) -> tuple[str, str | None] | None:
    """Return (role, club id) from "ROLE of CLUB, NAME" ("el entrenador del Betis, X"), if written so."""
    club = next(
        (club_by_end.get(person.start - back) for back in range(4) if person.start - back in club_by_end),
        None,
    )
    if club is None or club.club is None or doc.text[club.end : person.start].strip(" ,"):
        return None
    before = doc.text[max(0, club.start - 60) : club.start]
    link = _role_link(doc.lang)
    joined = link.search(before) if link else None
    found = role.search(before[: joined.start()] + " ") if joined else None
    if found is None:
        return None
    return _roles(doc.lang).get(found.group(1).lower(), "player"), club.club


@cache
def _role_link(lang: LanguageData) -> re.Pattern[str] | None:
    """Return a regex matching the "of (the)" that joins a role word to its club, at a text's end.

    The words are the language's [coaches] prepositions and articles ("del", "della", "of the").
    """
    preps = lang.words("coaches", "prepositions")
    if not preps:
        return None
    articles = "|".join(
        re.escape(a) for a in sorted(lang.words("coaches", "articles"), key=len, reverse=True)
    )
    article = rf"(?:\s+(?:{articles}))?" if articles else ""
    alternatives = "|".join(re.escape(p) for p in sorted(preps, key=len, reverse=True))
    return re.compile(rf"(?:^|\W)(?:{alternatives}){article}\s*$", re.IGNORECASE)


def _club_ending_near(doc: Doc, club_by_end: dict[int, ClubMention], end: int) -> str | None:
    """Return the id of a resolved club mention that ends just before ``end`` (possessive allowed)."""
    for back in range(0, 5):
        mention = club_by_end.get(end - back)
        if mention is not None:
            gap = doc.text[end - back : end]
            if gap.strip(" ’'s") == "":
                return mention.club
    return None
