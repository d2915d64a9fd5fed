"""Find the results an article states: fixture lines, wire blocks, prose scores, winner-only lines.

Each finder returns :class:`StatedResult` records (club ids, goals in home/away order, spans);
:mod:`tabellino.extract.matches` merges them into matches.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from tabellino.extract.cues import Cue, ends_with_cue, find_cues, is_only_cue, starts_with_cue
from tabellino.extract.doc import Doc, ScoreMention
from tabellino.kb import ClubMention
from tabellino.models import Span

__all__ = ["StatedResult", "find_results"]

_FIXTURE_SEP = re.compile(r"^\s*(?:[-–—/×]|v\.?|vs\.?|x)?\s*$", re.IGNORECASE)
_BLANK = re.compile(r"^[\s:,(]*$")
_TEAM_NUMBER = re.compile(
    r"\s*(?:\((?P<tag>[A-Za-z]{2,3}|\d{1,2})\)\s*)?(?P<n>\d{1,2})(?![\d'’′.:\-–]|\s?[-–:]\s?\d)"
)
_BRACKET = re.compile(r"\s*\(([^()]{0,30})\)")
_DOTS = re.compile(r"\.{5,}")
_OUTCOME_KEYS = ("win_words", "loss_words", "draw_words")
_SECTION_REACH = 1500  # how far below a tie's result line its other leg may be told
_LONE_REACH = 400  # how far below a lone score line its match's clubs are looked for
_SUBJECT_GAP = 20  # at most a few words ("a", "s'est", "ont finalement") between subject and verb
_CLAUSE = re.compile(r"[,;:()]|\s[-–—]\s")


@dataclass
class StatedResult:
    """One statement of a match result in the text (before merging)."""

    home: str
    away: str
    home_goals: int | None
    away_goals: int | None
    certain: bool
    spans: dict[str, Span]
    winner: str | None = None
    leg: int | None = None
    half_time: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def find_results(doc: Doc) -> list[StatedResult]:
    """Return every stated result of the article, in text order."""
    used: set[int] = set()
    results = _team_number_pairs(doc, used)
    results += _respective_results(doc, used)
    # Prose is read only with the words of its language: without them who won is a guess.
    prose = bool(doc.lang.words("results", "win_words"))
    for score in doc.scores:
        if score.start in used or not _is_result_score(doc, score):
            continue
        found = (
            _fixture_result(doc, score)
            or (_prose_result(doc, score) if prose else None)
            or _lone_score_result(doc, score)
            or _other_leg_result(doc, score, results)
        )
        if found:
            results.extend(found)
    results.extend(_winner_statements(doc))
    return results


# --- "A and B beat C (1-0) and D (2-1) respectively" ---------------------------------------------


def _respective_results(doc: Doc, used: set[int]) -> list[StatedResult]:
    """Pair the subjects and the opponents of a "respectively" sentence, one score each."""
    out: list[StatedResult] = []
    for pattern in doc.lang.patterns("ties", "respectively_patterns"):
        for m in pattern.finditer(doc.text):
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
        clubs = _clubs_between(doc, lo, score.start)
        if not clubs or (opponents and len(clubs) != 1):
            return []
        opponents.append(clubs[-1])
        lo = score.end
    subjects = _distinct(_clubs_between(doc, sent.start, opponents[0].start))
    if len(subjects) < n:
        return []
    outcome = _nearest_outcome(doc, scores[0], sent.start, scores[0].start)
    out = []
    for subject, other, score in zip(subjects[-n:], opponents, scores, strict=True):
        hi_goals, lo_goals = max(score.first, score.second), min(score.first, score.second)
        a, b = {"win": (hi_goals, lo_goals), "loss": (lo_goals, hi_goals)}.get(
            outcome or "", (score.first, score.second)
        )
        assert subject.club and other.club
        out.append(
            (StatedResult(subject.club, other.club, a, b, False, _spans(subject, other, score)), score)
        )
    return out


# --- scores -----------------------------------------------------------------------------------


def _is_result_score(doc: Doc, score: ScoreMention) -> bool:
    """Return whether a score reads as a final result (not aggregate, running or hypothetical)."""
    lang, text = doc.lang, doc.text
    before = text[max(0, score.start - 30) : score.start]
    after = text[score.end : score.end + 25]
    if starts_with_cue(lang, "scores", "aggregate_after", after):
        return False
    if ends_with_cue(lang, "results", "running_before", before) and not _glued_outcome(doc, after):
        return False
    if starts_with_cue(lang, "results", "running_after", after):
        return False
    if ends_with_cue(lang, "results", "counterfactual_before", before):
        return False
    return not _is_bracketed_after_score(doc, score)


def _glued_outcome(doc: Doc, after: str) -> bool:
    """Return whether the score is joined to an outcome word ("zum 2:1-Sieg"): a result, not a lead."""
    if not after.startswith(("-", "–")):
        return False
    return any(starts_with_cue(doc.lang, "results", key, after[1:]) for key in _OUTCOME_KEYS)


def _is_bracketed_after_score(doc: Doc, score: ScoreMention) -> bool:
    """Return whether the score is a bracket right after another score (half-time / other leg)."""
    before = doc.text[max(0, score.start - 30) : score.start]
    m = re.search(r"\d\s*\(\s*[^\d()]{0,25}$", before)
    return m is not None


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the start and end of the line(s) holding ``[start, end)``."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def _resolved(clubs: list[ClubMention]) -> list[ClubMention]:
    """Return the club mentions resolved to a single club."""
    return [c for c in clubs if c.club is not None]


def _clubs_between(doc: Doc, start: int, end: int) -> list[ClubMention]:
    """Return resolved club mentions fully inside ``[start, end)``."""
    return _resolved([c for c in doc.clubs if start <= c.start and c.end <= end])


# --- fixture lines ----------------------------------------------------------------------------


def _fixture_result(doc: Doc, score: ScoreMention) -> list[StatedResult] | None:
    """Read "Home - Away 2:1" or "Home 2-1 Away" on one line (home first: certain)."""
    text = doc.text
    lo, hi = _line_bounds(text, score.start, score.end)
    before = _clubs_between(doc, lo, score.start)
    after = _clubs_between(doc, score.end, hi)
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
        spans=_spans(home, away, score),
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
            away.club, home.club, b, a, certain=True, spans={**_spans(home, away, None), "score": span}, leg=1
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


def _spans(home: ClubMention, away: ClubMention, score: ScoreMention | None) -> dict[str, Span]:
    """Return the evidence spans of a result's clubs and score."""
    spans = {"home": Span(home.start, home.end), "away": Span(away.start, away.end)}
    if score is not None:
        spans["score"] = Span(score.start, score.end)
    return spans


def _lone_score_result(doc: Doc, score: ScoreMention) -> list[StatedResult] | None:
    """Read a score standing alone on its line as the result of the match the next lines tell.

    Fan sites and live pages print "2-2" on a line of its own above the report: the first two
    clubs of the following paragraph, before any other score, are the match (home side unknown).
    """
    lo, hi = _line_bounds(doc.text, score.start, score.end)
    if doc.text[lo:hi].strip() != doc.text[score.start : score.end]:
        return None
    nxt = next((s.start for s in doc.scores if s.start > score.end), len(doc.text))
    end = min(nxt, hi + _LONE_REACH)
    clubs = _distinct(_clubs_between(doc, hi, end))
    if len(clubs) < 2:
        return None
    first, second = clubs[0], clubs[1]
    assert first.club and second.club
    return [
        StatedResult(first.club, second.club, score.first, score.second, False, _spans(first, second, score))
    ]


def _other_leg_result(
    doc: Doc, score: ScoreMention, earlier: list[StatedResult]
) -> list[StatedResult] | None:
    """Read "after a 4-0 defeat in the first leg, Dortmund ..." under a tie's result line.

    A score with a leg word whose sentence names one club only is the other leg of the tie that
    club played in the result just above (within a section): the opponent and, the legs being
    played at each club in turn, the home side follow from it.
    """
    sent = doc.sentence_of(score.start)
    clubs = _distinct(_clubs_between(doc, sent.start, sent.end))
    leg = _leg_near(doc, sent.start, sent.end)
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
    outcome = _nearest_outcome(doc, score, sent.start, sent.end)
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


# --- wire blocks: "Everton (1) 2 ... Fulham (0) 1", "Roma 2, Lazio 0" ----------------------------


def _team_number_pairs(doc: Doc, used: set[int]) -> list[StatedResult]:
    """Pair consecutive "Club [(x)] N" tokens of a line into results (home first)."""
    tokens = [t for t in (_team_number(doc, c) for c in _resolved(doc.clubs)) if t is not None]
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


def _team_number(doc: Doc, club: ClubMention) -> tuple[ClubMention, re.Match[str]] | None:
    """Return the club with the "(ht) N" that follows it, if any."""
    m = _TEAM_NUMBER.match(doc.text, club.end)
    if not m or "\n" in doc.text[club.end : m.start("n")]:
        return None
    return club, m


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
    return len(gap) <= 4 and re.fullmatch(r"[\s,;\-–—]*", gap) is not None


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


# --- prose -------------------------------------------------------------------------------------


def _prose_result(doc: Doc, score: ScoreMention) -> list[StatedResult] | None:
    """Read a score in a sentence with two clubs, orienting it by win/loss cues."""
    lo, hi = _score_window(doc, score)
    pair = _two_nearest(doc, score, lo, hi)
    if pair is None:
        sent = doc.sentence_of(score.start)
        lo, hi = _clause_window(doc, score, sent.start, sent.end)
        pair = _two_nearest(doc, score, lo, hi)
    if pair is None:
        return None
    first, second = pair
    cue = _nearest_outcome_cue(doc, score, lo, hi)
    outcome = cue[0] if cue else None
    if outcome in ("win", "loss") and _opponent_of_someone(doc, first) and _opponent_of_someone(doc, second):
        return None  # "face au Torino (3-0) ... chez le leader napolitain (4-2)": the subject is elsewhere
    if cue is not None and _subject_right_before(doc, first, second, cue[1]):
        subject, other = second, first
    else:
        subject, other = _subject_and_other(doc, first, second)
    hi_goals, lo_goals = max(score.first, score.second), min(score.first, score.second)
    if score.first == score.second or outcome is None:
        goals = {first.club: score.first, second.club: score.second}
    elif outcome == "win":
        goals = {subject.club: hi_goals, other.club: lo_goals}
    elif outcome == "loss":
        goals = {subject.club: lo_goals, other.club: hi_goals}
    else:
        goals = {first.club: score.first, second.club: score.second}
    assert first.club and second.club
    home, away, certain = _home_and_away(doc, first, second)
    assert home.club and away.club
    result = StatedResult(
        home.club, away.club, goals[home.club], goals[away.club], certain, _spans(home, away, score)
    )
    result.leg = _leg_near(doc, max(lo, score.start - 40), _leg_window_end(doc, score, hi))
    return [result]


def _leg_window_end(doc: Doc, score: ScoreMention, hi: int) -> int:
    """Return where leg words after a score stop counting: at a bracket or after a few words."""
    end = min(hi, score.end + 45)
    bracket = doc.text.find("(", score.end, end)
    return bracket if bracket >= 0 else end


def _score_window(doc: Doc, score: ScoreMention) -> tuple[int, int]:
    """Return the part of the sentence that belongs to this score (up to the neighbouring scores)."""
    sent = doc.sentence_of(score.start)
    lo, hi = sent.start, sent.end
    for other in doc.scores:
        if other is score or not (sent.start <= other.start < sent.end):
            continue
        if other.end <= score.start:
            lo = max(lo, other.end)
        elif other.start >= score.end:
            hi = min(hi, other.start)
    return _clause_window(doc, score, lo, hi)


def _clause_window(doc: Doc, score: ScoreMention, lo: int, hi: int) -> tuple[int, int]:
    """Return ``[lo, hi)`` narrowed to the clause of the score ("..., while X beat Y 2-1")."""
    for cut in find_cues(doc.lang, "results", "score_clause_breaks", doc.text, lo, hi):
        if cut.end() <= score.start:
            lo = max(lo, cut.end())
        elif cut.start() >= score.end:
            hi = min(hi, cut.start())
    return lo, hi


def _two_nearest(doc: Doc, score: ScoreMention, lo: int, hi: int) -> tuple[ClubMention, ClubMention] | None:
    """Return the two nearest distinct clubs to the score within ``[lo, hi)``, in text order.

    A club after the score that opens a joined clause with its own outcome word ("2-0, and Betis beat
    ...") belongs to the next result, not this one.
    """
    clubs = [c for c in _clubs_between(doc, lo, hi) if not _opens_next_result(doc, score, c, hi)]
    clubs.sort(key=lambda c: min(abs(c.end - score.start), abs(c.start - score.end)))
    chosen: list[ClubMention] = []
    for club in clubs:
        if all(club.club != c.club for c in chosen):
            chosen.append(club)
        if len(chosen) == 2:
            break
    if len(chosen) < 2:
        return None
    a, b = sorted(chosen, key=lambda c: c.start)
    return a, b


def _opens_next_result(doc: Doc, score: ScoreMention, club: ClubMention, hi: int) -> bool:
    """Return whether a club after the score follows "and" and precedes an outcome word of its own."""
    if club.start < score.end or not find_cues(
        doc.lang, "results", "coordinators", doc.text, score.end, club.start
    ):
        return False
    return any(find_cues(doc.lang, "results", key, doc.text, club.end, hi) for key in _OUTCOME_KEYS)


def _subject_and_other(doc: Doc, first: ClubMention, second: ClubMention) -> tuple[ClubMention, ClubMention]:
    """Return (subject, other): the first club unless an opponent marker precedes it."""
    before = doc.text[max(0, first.start - 25) : first.start]
    if _after_opponent_marker(doc, before):
        return second, first
    return first, second


def _after_opponent_marker(doc: Doc, before: str) -> bool:
    """Return whether ``before`` ends with an opponent marker ("against", "contro"), articles allowed."""
    stripped = re.sub(r"(?:\b(?:the|il|lo|la|l['’]|i|gli|le)\s*)$", "", before, flags=re.IGNORECASE)
    return ends_with_cue(doc.lang, "results", "opponent_markers", stripped)


_LOOSE_OPPONENT = re.compile(r"(?:\s+(?-i:[a-zà-ÿ])[\w'’-]*){1,2}\s*$")


def _opponent_of_someone(doc: Doc, club: ClubMention) -> bool:
    """Return whether a club is named as an opponent ("contro il Torino", "chez le leader X")."""
    before = doc.text[max(0, club.start - 40) : club.start]
    if _after_opponent_marker(doc, before):
        return True
    loose = _LOOSE_OPPONENT.search(before)
    return loose is not None and _after_opponent_marker(doc, before[: loose.start()])


def _nearest_outcome(doc: Doc, score: ScoreMention, lo: int, hi: int) -> str | None:
    """Return "win", "loss" or "draw" for the outcome cue nearest the score in ``[lo, hi)``."""
    cue = _nearest_outcome_cue(doc, score, lo, hi)
    return cue[0] if cue else None


def _nearest_outcome_cue(doc: Doc, score: ScoreMention, lo: int, hi: int) -> tuple[str, Cue] | None:
    """Return (kind, cue) of the win/loss/draw cue nearest the score in ``[lo, hi)``."""
    best: tuple[int, str, Cue] | None = None
    for kind, key in (("win", "win_words"), ("loss", "loss_words"), ("draw", "draw_words")):
        for m in find_cues(doc.lang, "results", key, doc.text, lo, hi):
            distance = min(abs(m.start() - score.end), abs(score.start - m.end()))
            if best is None or distance < best[0]:
                best = (distance, kind, m)
    return (best[1], best[2]) if best else None


def _subject_right_before(doc: Doc, first: ClubMention, club: ClubMention, cue: Cue) -> bool:
    """Return whether ``club`` is the subject written right before the outcome verb.

    "Between A and B, ..., the Bavarians having won 5-0": the club just before the verb won when
    the club named first stands in an earlier clause (a comma or semicolon between them).
    """
    if not re.search(r"[,;:]", doc.text[first.end : club.start]):
        return False
    gap = doc.text[club.end : cue.start()]
    if cue.start() < club.end or len(gap) > _SUBJECT_GAP or re.search(r"[,;:()]", gap):
        return False
    before = doc.text[max(0, club.start - 25) : club.start]
    return not _after_opponent_marker(doc, before)


def _home_and_away(
    doc: Doc, first: ClubMention, second: ClubMention
) -> tuple[ClubMention, ClubMention, bool]:
    """Return (home, away, certain): sentence order unless "at <club>" says who hosted."""
    before_second = doc.text[max(0, second.start - 20) : second.start]
    if ends_with_cue(doc.lang, "results", "away_at_markers", before_second):
        return second, first, True
    return first, second, False


def _leg_near(doc: Doc, lo: int, hi: int) -> int | None:
    """Return 1 or 2 when the window names the first or second leg."""
    if find_cues(doc.lang, "results", "first_leg_words", doc.text, lo, hi):
        return 1
    if find_cues(doc.lang, "results", "second_leg_words", doc.text, lo, hi):
        return 2
    return None


# --- winner-only statements ----------------------------------------------------------------------


def _winner_statements(doc: Doc) -> list[StatedResult]:
    """Read "X beat Y" / "X drew with Y" clauses that state an outcome without a score."""
    scored: dict[Span, list[ScoreMention]] = {}
    for score in doc.scores:
        scored.setdefault(doc.sentence_of(score.start), []).append(score)
    out: list[StatedResult] = []
    for sent in doc.sentences:
        if doc.in_quote(sent.start + 1):
            continue
        scores = scored.get(sent, [])
        paired = [] if scores else _paired_outcomes(doc, sent)
        if paired:
            out.extend(paired)
            continue
        taken = _clubs_of_scores(doc, scores)
        for lo, hi in _clauses(doc, sent):
            if scores and not _clause_of_other_clubs(doc, lo, hi, scores, taken):
                continue
            found = _winner_in_clause(doc, lo, hi, sent)
            if found:
                out.append(found)
    return out


def _clubs_of_scores(doc: Doc, scores: list[ScoreMention]) -> set[str | None]:
    """Return the clubs the scores of a sentence are read with."""
    taken: set[str | None] = set()
    for score in scores:
        pair = _two_nearest(doc, score, *_score_window(doc, score))
        if pair:
            taken |= {pair[0].club, pair[1].club}
    return taken


def _clause_of_other_clubs(
    doc: Doc, lo: int, hi: int, scores: list[ScoreMention], taken: set[str | None]
) -> bool:
    """Return whether a clause of a sentence with scores holds none and names only other clubs."""
    if any(lo <= s.start < hi for s in scores):
        return False
    clubs = {c.club for c in _clubs_between(doc, lo, hi)}
    return bool(clubs) and not clubs & taken


def _paired_outcomes(doc: Doc, sent: Span) -> list[StatedResult]:
    """Read "A and B won against C and D" (respectively): A beat C, B beat D."""
    clubs = _distinct(_clubs_between(doc, sent.start, sent.end))
    if len(clubs) != 4:
        return []
    a, b, c, d = clubs
    if not (_joined(doc, a, b) and _joined(doc, c, d)):
        return []
    cues = [m for m in find_cues(doc.lang, "results", "win_words", doc.text, b.end, c.start)]
    if len(cues) != 1 or find_cues(
        doc.lang, "results", "future_markers", doc.text, sent.start, cues[0].start()
    ):
        return []
    out = []
    for winner, loser in ((a, c), (b, d)):
        result = StatedResult(
            winner.club or "", loser.club or "", None, None, False, _spans(winner, loser, None)
        )
        result.winner = winner.club
        result.spans["winner"] = Span(cues[0].start(), cues[0].end())
        out.append(result)
    return out


def _clauses(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """Split a sentence into clauses at punctuation and at clause-joining words ("while", "mentre")."""
    marks = [m.end() for m in _CLAUSE.finditer(doc.text, sent.start, sent.end)]
    marks += [
        m.start() for m in find_cues(doc.lang, "results", "clause_breaks", doc.text, sent.start, sent.end)
    ]
    cuts = [sent.start, *sorted(marks), sent.end]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _winner_in_clause(doc: Doc, lo: int, hi: int, sent: Span) -> StatedResult | None:
    """Return the outcome a clause states between two clubs, or None."""
    cue = _outcome_cue(doc, lo, hi)
    if cue is None:
        return None
    kind, m = cue
    if find_cues(doc.lang, "results", "future_markers", doc.text, lo, m.start()) or _infinitive(doc, m):
        return None
    clubs = _distinct(_clubs_between(doc, lo, hi))
    if len(clubs) == 1 and kind == "win" and _object_right_after(doc, m, clubs[0]):
        subject = _previous_club(doc, sent, clubs[0])
        clubs = [subject, clubs[0]] if subject else clubs
    if len(clubs) != 2:
        return None
    first, second = clubs
    if kind != "draw" and _joined(doc, first, second):
        return None
    subject, other = _subject_and_other(doc, first, second)
    assert subject.club and other.club
    winner = {"win": subject.club, "loss": other.club, "draw": None}[kind]
    result = StatedResult(first.club or "", second.club or "", None, None, False, _spans(first, second, None))
    result.winner = winner or "draw"
    result.spans["winner"] = Span(m.start(), m.end())
    return result


def _infinitive(doc: Doc, cue: Cue) -> bool:
    """Return whether the cue is an infinitive ("to win", "per vincere"): wished for, not done."""
    before = doc.text[max(0, cue.start() - 6) : cue.start()]
    return ends_with_cue(doc.lang, "results", "infinitive_markers", before)


def _object_right_after(doc: Doc, cue: Cue, club: ClubMention) -> bool:
    """Return whether the club is the direct object of the win verb ("batte il Milan")."""
    if club.start < cue.end() or not find_cues(
        doc.lang, "results", "transitive_win_words", cue.group(), 0, len(cue.group())
    ):
        return False
    gap = doc.text[cue.end() : club.start]
    return len(gap) <= 25 and not _after_opponent_marker(doc, gap)


def _outcome_cue(doc: Doc, lo: int, hi: int) -> tuple[str, Cue] | None:
    """Return the only win/loss/draw cue of a clause (none when it has several or a tie word)."""
    best: tuple[str, Cue] | None = None
    kinds: set[str] = set()
    for kind, key in (("win", "win_words"), ("loss", "loss_words"), ("draw", "draw_words")):
        for m in find_cues(doc.lang, "results", key, doc.text, lo, hi):
            if find_cues(doc.lang, "results", "tie_only_words", m.group(), 0, len(m.group())):
                return None
            kinds.add(kind)
            if best is None or m.start() < best[1].start():
                best = (kind, m)
    return best if len(kinds) == 1 else None


def _joined(doc: Doc, first: ClubMention, second: ClubMention) -> bool:
    """Return whether two clubs are joined by "and" alone ("Inter and Milan"), as subjects together."""
    return is_only_cue(doc.lang, "results", "coordinators", doc.text[first.end : second.start])


def _distinct(clubs: list[ClubMention]) -> list[ClubMention]:
    """Return the first mention of each distinct club, in order."""
    seen: set[str | None] = set()
    out = []
    for club in clubs:
        if club.club not in seen:
            seen.add(club.club)
            out.append(club)
    return out


def _previous_club(doc: Doc, sent: Span, exclude: ClubMention) -> ClubMention | None:
    """Return the last resolved club of the sentence before ``sent`` that differs from ``exclude``."""
    index = doc.sentences.index(sent)
    if index == 0:
        return None
    prev = doc.sentences[index - 1]
    clubs = [c for c in _clubs_between(doc, prev.start, prev.end) if c.club != exclude.club]
    return clubs[-1] if clubs else None
