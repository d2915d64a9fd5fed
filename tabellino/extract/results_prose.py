"""Read a score written in a sentence: which two clubs it is between and which way round it goes."""

from __future__ import annotations

import re

from tabellino.extract.cues import Cue, ends_with_cue, find_cues, starts_with_cue
from tabellino.extract.doc import Doc, ScoreMention
from tabellino.extract.results_base import (
    OUTCOME_KEYS,
    StatedResult,
    after_opponent_marker,
    clubs_between,
    has_outcome_cue,
    leg_near,
    nearest_outcome_cue,
    result_spans,
    subject_and_other,
)
from tabellino.kb import ClubMention

__all__ = ["is_result_score", "prose_result", "score_window", "two_nearest"]

_OPEN_BRACKET_AFTER_DIGIT = re.compile(r"\d\s*\(\s*[^\d()]{0,25}$")
_COMMA = re.compile(r"[,;:]")
_COMMA_OR_BRACKET = re.compile(r"[,;:()]")
_SUBJECT_GAP = 20  # at most a few words ("a", "s'est", "ont finalement") between subject and verb


_LOOSE_OPPONENT = re.compile(r"(?:\s+(?-i:[a-zà-ÿ])[\w'’-]*){1,2}\s*$")


def is_result_score(doc: Doc, score: ScoreMention) -> bool:
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
    return any(starts_with_cue(doc.lang, "results", key, after[1:]) for key in OUTCOME_KEYS)


def _is_bracketed_after_score(doc: Doc, score: ScoreMention) -> bool:
    """Return whether the score is a bracket right after another score (half-time / other leg)."""
    before = doc.text[max(0, score.start - 30) : score.start]
    m = _OPEN_BRACKET_AFTER_DIGIT.search(before)
    return m is not None


def prose_result(doc: Doc, score: ScoreMention) -> list[StatedResult] | None:
    """Read a score in a sentence with two clubs, orienting it by win/loss cues."""
    lo, hi = score_window(doc, score)
    pair = two_nearest(doc, score, lo, hi)
    if pair is None:
        sent = doc.sentence_of(score.start)
        lo, hi = _clause_window(doc, score, sent.start, sent.end)
        pair = two_nearest(doc, score, lo, hi)
    if pair is None:
        return None
    first, second = pair
    cue = nearest_outcome_cue(doc, score, lo, hi)
    outcome = cue[0] if cue else None
    if outcome in ("win", "loss") and _opponent_of_someone(doc, first) and _opponent_of_someone(doc, second):
        return None  # "face au Torino (3-0) ... chez le leader napolitain (4-2)": the subject is elsewhere
    if cue is not None and _subject_right_before(doc, first, second, cue[1]):
        subject, other = second, first
    else:
        subject, other = subject_and_other(doc, first, second)
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
        home.club, away.club, goals[home.club], goals[away.club], certain, result_spans(home, away, score)
    )
    result.leg = leg_near(doc, max(lo, score.start - 40), _leg_window_end(doc, score, hi))
    return [result]


def _leg_window_end(doc: Doc, score: ScoreMention, hi: int) -> int:
    """Return where leg words after a score stop counting: at a bracket or after a few words."""
    end = min(hi, score.end + 45)
    bracket = doc.text.find("(", score.end, end)
    return bracket if bracket >= 0 else end


def score_window(doc: Doc, score: ScoreMention) -> tuple[int, int]:
    """Return the part of the sentence that belongs to this score (up to the neighbouring scores)."""
    windows = _MEMO.of(doc).windows
    key = (score.start, score.end, score.first, score.second)  # the score's fields: cheaper than its hash
    window = windows.get(key)
    if window is None:
        window = windows[key] = _score_window(doc, score)
    return window


def _score_window(doc: Doc, score: ScoreMention) -> tuple[int, int]:
    """Return the window of :func:`score_window`, computed."""
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


def two_nearest(doc: Doc, score: ScoreMention, lo: int, hi: int) -> tuple[ClubMention, ClubMention] | None:
    """Return the two nearest distinct clubs to the score within ``[lo, hi)``, in text order.

    A club after the score that opens a joined clause with its own outcome word ("2-0, and Betis beat
    ...") belongs to the next result, not this one.
    """
    pairs = _MEMO.of(doc).pairs
    key = (score.start, score.end, lo, hi)
    if key in pairs:
        return pairs[key]
    pair = pairs[key] = _two_nearest(doc, score, lo, hi)
    return pair


def _two_nearest(doc: Doc, score: ScoreMention, lo: int, hi: int) -> tuple[ClubMention, ClubMention] | None:
    """Return the pair of :func:`two_nearest`, computed."""
    clubs = clubs_between(doc, lo, hi)
    if len(clubs) < 2:  # no pair to find
        return None
    start, end = score.start, score.end
    # by distance to the score, ties in text order (the index)
    near = sorted(
        (min(abs(c.end - start), abs(c.start - end)), i, c)
        for i, c in enumerate(clubs)
        if not _opens_next_result(doc, score, c, hi)
    )
    first: ClubMention | None = None
    first_id = None
    for _, _, club in near:
        club_id = club.candidates[0]  # resolved: one candidate
        if first is None:
            first, first_id = club, club_id
        elif club_id != first_id:
            return (first, club) if first.start <= club.start else (club, first)
    return None


class _Memo:
    """The windows and club pairs of the scores of the last article read, kept while its mentions stay.

    Prose results and winner-only clauses both read each score's window and its two clubs.
    """

    def __init__(self) -> None:
        self.doc: Doc | None = None
        self.clubs: list[ClubMention] | None = None
        self.scores: list[ScoreMention] | None = None
        self.sizes = (-1, -1)
        self.windows: dict[tuple[int, int, int, int], tuple[int, int]] = {}
        self.pairs: dict[tuple[int, int, int, int], tuple[ClubMention, ClubMention] | None] = {}

    def of(self, doc: Doc) -> _Memo:
        """Return the memo of ``doc``, emptied when the doc or its club or score list changed."""
        sizes = (len(doc.clubs), len(doc.scores))
        if (
            doc is not self.doc
            or doc.clubs is not self.clubs
            or doc.scores is not self.scores
            or sizes != self.sizes
        ):
            self.doc, self.clubs, self.scores, self.sizes = doc, doc.clubs, doc.scores, sizes
            self.windows, self.pairs = {}, {}
        return self


_MEMO = _Memo()


def _opens_next_result(doc: Doc, score: ScoreMention, club: ClubMention, hi: int) -> bool:
    """Return whether a club after the score follows "and" and precedes an outcome word of its own."""
    if club.start < score.end or not find_cues(
        doc.lang, "results", "coordinators", doc.text, score.end, club.start
    ):
        return False
    return has_outcome_cue(doc, club.end, hi)


def _opponent_of_someone(doc: Doc, club: ClubMention) -> bool:
    """Return whether a club is named as an opponent ("contro il Torino", "chez le leader X")."""
    before = doc.text[max(0, club.start - 40) : club.start]
    if after_opponent_marker(doc, before):
        return True
    loose = _LOOSE_OPPONENT.search(before)
    return loose is not None and after_opponent_marker(doc, before[: loose.start()])


def _subject_right_before(doc: Doc, first: ClubMention, club: ClubMention, cue: Cue) -> bool:
    """Return whether ``club`` is the subject written right before the outcome verb.

    "Between A and B, ..., the Bavarians having won 5-0": the club just before the verb won when
    the club named first stands in an earlier clause (a comma or semicolon between them).
    """
    if not _COMMA.search(doc.text[first.end : club.start]):
        return False
    gap = doc.text[club.end : cue.start()]
    if cue.start() < club.end or len(gap) > _SUBJECT_GAP or _COMMA_OR_BRACKET.search(gap):
        return False
    before = doc.text[max(0, club.start - 25) : club.start]
    return not after_opponent_marker(doc, before)


def _home_and_away(
    doc: Doc, first: ClubMention, second: ClubMention
) -> tuple[ClubMention, ClubMention, bool]:
    """Return (home, away, certain): sentence order unless "at <club>" says who hosted."""
    before_second = doc.text[max(0, second.start - 20) : second.start]
    if ends_with_cue(doc.lang, "results", "away_at_markers", before_second):
        return second, first, True
    return first, second, False
