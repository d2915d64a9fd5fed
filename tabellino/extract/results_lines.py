"""Read results written as lines: fixture lines, wire blocks, lone score lines, "respectively", other legs.

A fixture line ("Home - Away 2:1", "Home 2-1 Away", "Roma 2, Lazio 0") puts the home side first by
convention, so its result is certain; the others follow the clubs around the score.
"""

from __future__ import annotations

import re

from tabellino.extract.cues import find_cues
from tabellino.extract.doc import Doc, ScoreMention
from tabellino.extract.results_base import (
    StatedResult,
    clubs_between,
    distinct,
    leg_near,
    line_bounds,
    nearest_outcome,
    resolved_clubs,
    result_spans,
)
from tabellino.kb import ClubMention
from tabellino.lang import anchors
from tabellino.models import Span

__all__ = [
    "fixture_result",
    "lone_score_result",
    "other_leg_result",
    "respective_results",
    "team_number_pairs",
]

_FIXTURE_SEP = re.compile(r"^\s*(?:[-–—/×]|v\.?|vs\.?|x)?\s*$", re.IGNORECASE)


_BLANK = re.compile(r"^[\s:,(]*$")


_TEAM_NUMBER = re.compile(
    r"\s*(?:\((?P<tag>[A-Za-z]{2,3}|\d{1,2})\)\s*)?(?P<n>\d{1,2})(?![\d'’′.:\-–]|\s?[-–:]\s?\d)"
)


_BRACKET = re.compile(r"\s*\(([^()]{0,30})\)")


_SEPARATOR = re.compile(r"[\s,;\-–—]*")
_DOTS = re.compile(r"\.{5,}")


_SECTION_REACH = 1500  # how far below a tie's result line its other leg may be told


_LONE_REACH = 400  # how far below a lone score line its match's clubs are looked for


def respective_results(doc: Doc, used: set[int]) -> list[StatedResult]:
    """Pair the subjects and the opponents of a "respectively" sentence, one score each."""
    out: list[StatedResult] = []
    for pattern in doc.lang.patterns("ties", "respectively_patterns"):
        for m in anchors.finditer(pattern, doc.text):
            sent = doc.sentence_of(m.start())
            scores = [sc for sc in doc.scores if sent.start <= sc.start < sent.end and sc.start not in used]
            found = _respective_pairs(doc, sent, m, scores)
            for result, score in found:
                used.add(score.start)
                out.append(result)
    return out


def _respective_pairs(
    doc: Doc, sent: Span, cue: re.Match[str], scores: list[ScoreMention]
) -> list[tuple[StatedResult, ScoreMention]]:
    """Return (result, score) for each opponent named with its own score ("C (1-0) and D (2-1)").

    The opponents are the clubs written right before each score; the subjects are the clubs named
    before the first opponent, paired in order (the cue word may stand before or after them).
    """
    n = len(scores)
    if n < 2:
        return []
    opponents: list[ClubMention] = []
    lo = sent.start
    for score in scores:
        clubs = clubs_between(doc, lo, score.start)
        if not clubs or (opponents and len(clubs) != 1):
            return []
        opponents.append(clubs[-1])
        lo = score.end
    subjects = distinct(clubs_between(doc, sent.start, opponents[0].start))
    if len(subjects) < n:
        return []
    outcome = nearest_outcome(doc, scores[0], sent.start, scores[0].start)
    out = []
    for subject, other, score in zip(subjects[-n:], opponents, scores, strict=True):
        hi_goals, lo_goals = max(score.first, score.second), min(score.first, score.second)
        a, b = {"win": (hi_goals, lo_goals), "loss": (lo_goals, hi_goals)}.get(
            outcome or "", (score.first, score.second)
        )
        assert subject.club and other.club
        out.append(
            (StatedResult(subject.club, other.club, a, b, False, result_spans(subject, other, score)), score)
        )
    return out


def fixture_result(doc: Doc, score: ScoreMention) -> list[StatedResult] | None:
    """Read "Home - Away 2:1" or "Home 2-1 Away" on one line (home first: certain)."""
    text = doc.text
    lo, hi = line_bounds(text, score.start, score.end)
    before = clubs_between(doc, lo, score.start)
    after = clubs_between(doc, score.end, hi)
    if len(before) >= 2:
        c1, c2 = before[-2], before[-1]
        if (
            c1.club != c2.club
            and _BLANK.match(text[c2.end : score.start])
            and _FIXTURE_SEP.match(text[c1.end : c2.start])
        ):
            return _fixture(doc, c1, c2, score)
    if before and after:
        c1, c2 = before[-1], after[0]
        if (
            c1.club != c2.club
            and _BLANK.match(text[c1.end : score.start])
            and _BLANK.match(text[score.end : c2.start])
        ):
            return _fixture(doc, c1, c2, score)
    return None


def _fixture(doc: Doc, home: ClubMention, away: ClubMention, score: ScoreMention) -> list[StatedResult]:
    """Build the result of a fixture line, plus a bracketed half-time or other-leg score."""
    assert home.club and away.club
    result = StatedResult(
        home.club,
        away.club,
        score.first,
        score.second,
        certain=True,
        spans=result_spans(home, away, score),
    )
    result.spans["listing"] = Span(home.start, score.end)
    other = _bracket_after(doc, max(score.end, away.end))
    if other is None:
        return [result]
    inner, span, a, b = other
    if _is_aggregate(doc, inner, a, b, score):
        result.leg = 2  # "3-2 (4-5)", "1-2 (tot. 2-3)": the bracket is the tie's aggregate
        result.extra["aggregate"] = f"{a}-{b}"
        return [result]
    if _mentions_first_leg(doc, inner) or a > score.first or b > score.second:
        leg = StatedResult(
            away.club,
            home.club,
            b,
            a,
            certain=True,
            spans={**result_spans(home, away, None), "score": span},
            leg=1,
        )
        result.leg = 2
        return [result, leg]
    result.half_time = f"{a}-{b}"
    result.spans["half_time"] = span
    return [result]


def _is_aggregate(doc: Doc, inner: str, a: int, b: int, score: ScoreMention) -> bool:
    """Return whether a bracket after a fixture score is the aggregate of a two-legged tie.

    An aggregate word says so; without one, a bracket at least as large as the score on both sides
    (and larger on one) can only be a total over two legs, never a half-time score.
    """
    if _mentions_first_leg(doc, inner):
        return False
    if find_cues(doc.lang, "scores", "aggregate_after", inner, 0, len(inner)):
        return True
    return a >= score.first and b >= score.second and a + b > score.first + score.second


def _bracket_after(doc: Doc, end: int) -> tuple[str, Span, int, int] | None:
    """Return (inner text, span, a, b) of a bracket with a score right after ``end``."""
    m = _BRACKET.match(doc.text, end)
    if not m:
        return None
    inner_scores = [s for s in doc.scores if m.start(1) <= s.start and s.end <= m.end(1)]
    if len(inner_scores) != 1:
        return None
    s = inner_scores[0]
    return m.group(1), Span(s.start, s.end), s.first, s.second


def _mentions_first_leg(doc: Doc, text: str) -> bool:
    """Return whether ``text`` names the first leg."""
    return bool(find_cues(doc.lang, "results", "first_leg_words", text, 0, len(text)))


def lone_score_result(doc: Doc, score: ScoreMention) -> list[StatedResult] | None:
    """Read a score standing alone on its line as the result of the match the next lines tell.

    Fan sites and live pages print "2-2" on a line of its own above the report: the first two
    clubs of the following paragraph, before any other score, are the match (home side unknown).
    """
    lo, hi = line_bounds(doc.text, score.start, score.end)
    if doc.text[lo:hi].strip() != doc.text[score.start : score.end]:
        return None
    nxt = next((s.start for s in doc.scores if s.start > score.end), len(doc.text))
    end = min(nxt, hi + _LONE_REACH)
    clubs = distinct(clubs_between(doc, hi, end))
    if len(clubs) < 2:
        return None
    first, second = clubs[0], clubs[1]
    assert first.club and second.club
    return [
        StatedResult(
            first.club, second.club, score.first, score.second, False, result_spans(first, second, score)
        )
    ]


def other_leg_result(doc: Doc, score: ScoreMention, earlier: list[StatedResult]) -> list[StatedResult] | None:
    """Read "after a 4-0 defeat in the first leg, Dortmund ..." under a tie's result line.

    A score with a leg word whose sentence names one club only is the other leg of the tie that
    club played in the result just above (within a section): the opponent and, the legs being
    played at each club in turn, the home side follow from it.
    """
    sent = doc.sentence_of(score.start)
    clubs = distinct(clubs_between(doc, sent.start, sent.end))
    leg = leg_near(doc, sent.start, sent.end)
    if len(clubs) != 1 or leg is None:
        return None
    club = clubs[0]
    tie = next(
        (
            r
            for r in reversed(earlier)
            if r.certain
            and club.club in (r.home, r.away)
            and "score" in r.spans
            and 0 < score.start - r.spans["score"].end < _SECTION_REACH
        ),
        None,
    )
    if tie is None or tie.leg == leg:
        return None
    opponent = tie.away if club.club == tie.home else tie.home
    outcome = nearest_outcome(doc, score, sent.start, sent.end)
    hi_goals, lo_goals = max(score.first, score.second), min(score.first, score.second)
    mine, theirs = {"win": (hi_goals, lo_goals), "loss": (lo_goals, hi_goals)}.get(
        outcome or "", (score.first, score.second)
    )
    goals = {club.club: mine, opponent: theirs}
    home, away = tie.away, tie.home  # each leg at the other club
    spans = {
        ("home" if club.club == home else "away"): Span(club.start, club.end),
        "score": Span(score.start, score.end),
    }
    return [StatedResult(home, away, goals[home], goals[away], True, spans, leg=leg)]


def team_number_pairs(doc: Doc, used: set[int]) -> list[StatedResult]:
    """Pair consecutive "Club [(x)] N" tokens of a line into results (home first)."""
    tokens = _team_numbers(doc)
    results: list[StatedResult] = []
    i = 0
    while i + 1 < len(tokens):
        (c1, m1), (c2, m2) = tokens[i], tokens[i + 1]
        if c1.club != c2.club and _pairable(doc, c1, m1, c2, m2):
            results.append(_pair_result(c1, m1, c2, m2))
            i += 2
        else:
            i += 1
    return results


def _team_numbers(doc: Doc) -> list[tuple[ClubMention, re.Match[str]]]:
    """Return each resolved club followed on its line by a "(ht) N", with that match, in text order."""
    text, match = doc.text, _TEAM_NUMBER.match  # one loop over every club of the article: kept tight
    tokens = []
    for club in resolved_clubs(doc):
        m = match(text, club.end)
        if m and "\n" not in text[club.end : m.start("n")]:
            tokens.append((club, m))
    return tokens


def _pairable(doc: Doc, c1: ClubMention, m1: re.Match[str], c2: ClubMention, m2: re.Match[str]) -> bool:
    """Return whether two team-number tokens form one result line."""
    gap = doc.text[m1.end() : c2.start]
    if "\n" in gap.strip("\n ") and not (m1.group("tag") and m2.group("tag")):
        return False
    if _short_gap(gap):
        return True
    both_bracketed = bool(m1.group("tag") and m2.group("tag"))
    return both_bracketed and len(gap) < 1500 and not _DOTS.search(gap)


def _short_gap(gap: str) -> bool:
    """Return whether the gap between two team-number tokens is a mere separator."""
    return len(gap) <= 4 and _SEPARATOR.fullmatch(gap) is not None


def _pair_result(c1: ClubMention, m1: re.Match[str], c2: ClubMention, m2: re.Match[str]) -> StatedResult:
    """Build a result from two team-number tokens."""
    assert c1.club and c2.club
    spans = {
        "home": Span(c1.start, c1.end),
        "away": Span(c2.start, c2.end),
        "score": Span(m1.start("n"), m2.end("n")),
        "listing": Span(c1.start, m2.end("n")),
    }
    result = StatedResult(c1.club, c2.club, int(m1.group("n")), int(m2.group("n")), True, spans)
    t1, t2 = m1.group("tag"), m2.group("tag")
    if t1 and t2 and t1.isdigit() and t2.isdigit():
        result.half_time = f"{t1}-{t2}"
    return result
