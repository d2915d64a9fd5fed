"""Read results stated without a score: "X beat Y", "X drew with Y", "A and B won against C and D"."""

from __future__ import annotations

import bisect
import itertools
import re

from tabellino.extract.cues import Cue, find_cues
from tabellino.extract.doc import Doc, ScoreMention
from tabellino.extract.results_base import (
    StatedResult,
    after_opponent_marker,
    clubs_between,
    distinct,
    is_infinitive,
    joined,
    outcome_cue,
    outcome_cues,
    phrase_holds,
    resolved_clubs,
    result_spans,
    subject_and_other,
)
from tabellino.extract.results_prose import score_window, two_nearest
from tabellino.kb import ClubMention
from tabellino.models import Span

__all__ = ["winner_statements"]

_CLAUSE = re.compile(r"[,;:()]|\s[-–—]\s")


def winner_statements(doc: Doc) -> list[StatedResult]:
    """Read "X beat Y" / "X drew with Y" clauses that state an outcome without a score."""
    scored: dict[int, list[ScoreMention]] = {}  # by sentence start: an int hashes quicker than a Span
    for score in doc.scores:
        scored.setdefault(doc.sentence_of(score.start).start, []).append(score)
    out: list[StatedResult] = []
    for sent in _sentences_with_outcome_words(doc):  # most sentences have none: nothing to read
        scores = scored.get(sent.start, [])
        paired = [] if scores or doc.in_quote(sent.start + 1) else _paired_outcomes(doc, sent)
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


def _sentences_with_outcome_words(doc: Doc) -> list[Span]:
    """Return the sentences that hold a whole win, loss or draw word, in order.

    A paired outcome ("A and B won against C and D") needs a win word too, so the others state nothing.
    The words are found once in the whole text and each is placed in its sentence (sentences are
    sorted and disjoint).
    """
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    holding: set[int] = set()
    for cue in outcome_cues(doc):
        i = bisect.bisect_right(starts, cue.start()) - 1
        if i >= 0 and cue.end() <= sentences[i].end:
            holding.add(i)
    return [sentences[i] for i in sorted(holding)]


def _clubs_of_scores(doc: Doc, scores: list[ScoreMention]) -> set[str | None]:
    """Return the clubs the scores of a sentence are read with."""
    taken: set[str | None] = set()
    for score in scores:
        pair = two_nearest(doc, score, *score_window(doc, score))
        if pair:
            taken |= {pair[0].club, pair[1].club}
    return taken


def _clause_of_other_clubs(
    doc: Doc, lo: int, hi: int, scores: list[ScoreMention], taken: set[str | None]
) -> bool:
    """Return whether a clause of a sentence with scores holds none and names only other clubs."""
    if any(lo <= s.start < hi for s in scores):
        return False
    clubs = {c.club for c in clubs_between(doc, lo, hi)}
    return bool(clubs) and not clubs & taken


def _paired_outcomes(doc: Doc, sent: Span) -> list[StatedResult]:
    """Read "A and B won against C and D" (respectively): A beat C, B beat D."""
    clubs = distinct(clubs_between(doc, sent.start, sent.end))
    if len(clubs) != 4:
        return []
    a, b, c, d = clubs
    if not (joined(doc, a, b) and joined(doc, c, d)):
        return []
    cues = [m for m in find_cues(doc.lang, "results", "win_words", doc.text, b.end, c.start)]
    if len(cues) != 1 or find_cues(
        doc.lang, "results", "future_markers", doc.text, sent.start, cues[0].start()
    ):
        return []
    out = []
    for winner, loser in ((a, c), (b, d)):
        result = StatedResult(
            winner.club or "", loser.club or "", None, None, False, result_spans(winner, loser, None)
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
    cue = outcome_cue(doc, lo, hi)
    if cue is None:
        return None
    kind, m = cue
    if doc.in_quote(m.start()):
        return None  # spoken words: "we won" names no match
    if find_cues(doc.lang, "results", "future_markers", doc.text, lo, m.start()) or is_infinitive(doc, m):
        return None
    clubs = distinct(clubs_between(doc, lo, hi))
    if len(clubs) == 1 and kind == "win" and _object_right_after(doc, m, clubs[0]):
        subject = _previous_club(doc, sent, clubs[0])
        clubs = [subject, clubs[0]] if subject else clubs
    if len(clubs) != 2:
        sides = _unnamed_side(doc, clubs, m, lo, hi, sent)
        return _outcome(kind, m, *sides) if sides else None
    first, second = clubs
    if kind != "draw" and joined(doc, first, second):
        return None
    return _outcome(kind, m, *subject_and_other(doc, first, second))


def _outcome(kind: str, cue: Cue, subject: ClubMention, other: ClubMention) -> StatedResult:
    """Return the winner-only result of an outcome cue whose subject and other side are known."""
    assert subject.club and other.club
    first, second = sorted((subject, other), key=lambda c: c.start)
    winner = {"win": subject.club, "loss": other.club, "draw": None}[kind]
    result = StatedResult(
        first.club or "", second.club or "", None, None, False, result_spans(first, second, None)
    )
    result.winner = winner or "draw"
    result.spans["winner"] = Span(cue.start(), cue.end())
    return result


def _unnamed_side(
    doc: Doc, clubs: list[ClubMention], cue: Cue, lo: int, hi: int, sent: Span
) -> tuple[ClubMention, ClubMention] | None:
    """Return (subject, other) of an outcome clause that names one side or none.

    "..., rival ante el que acabaron cayendo": a relative standing for the opponent
    makes the club it refers to the other side and the sentence's other club the subject.
    "tras la derrota ante el Getafe": the one club is the opponent, and the subject, named
    nowhere near, is the other club of an article that names only two.
    """
    if not clubs:
        return _relative_opponent(doc, cue, lo, hi, sent)
    if len(clubs) != 1 or not _opponent_right_after(doc, cue, clubs[0]):
        return None
    if len(distinct(clubs_between(doc, sent.start, sent.end))) != 1:
        return None
    article = distinct(resolved_clubs(doc))
    if len(article) != 2:
        return None
    subject = article[0] if article[1].club == clubs[0].club else article[1]
    return subject, clubs[0]


def _relative_opponent(
    doc: Doc, cue: Cue, lo: int, hi: int, sent: Span
) -> tuple[ClubMention, ClubMention] | None:
    """Return (subject, opponent) when a relative before the cue stands for the sentence's last club."""
    relative = None
    for pattern in doc.lang.patterns("results", "relative_opponent_patterns"):
        relative = relative or pattern.search(doc.text, lo, hi)
    if relative is None or relative.start() > cue.start():
        return None
    sentence = distinct(clubs_between(doc, sent.start, sent.end))
    before = clubs_between(doc, sent.start, relative.start())
    if len(sentence) != 2 or not before:
        return None
    opponent = before[-1]
    subject = sentence[0] if sentence[1].club == opponent.club else sentence[1]
    return subject, opponent


def _opponent_right_after(doc: Doc, cue: Cue, club: ClubMention) -> bool:
    """Return whether the club follows the cue as its opponent ("la derrota ante el Betis")."""
    gap = doc.text[cue.end() : club.start]
    if club.start < cue.end() or len(gap) > 25:
        return False
    return after_opponent_marker(doc, gap) or _object_right_after(doc, cue, club)


def _object_right_after(doc: Doc, cue: Cue, club: ClubMention) -> bool:
    """Return whether the club is the direct object of the win verb ("batte il Milan")."""
    if club.start < cue.end() or not phrase_holds(doc.lang, "results", "transitive_win_words", cue.group()):
        return False
    gap = doc.text[cue.end() : club.start]
    return len(gap) <= 25 and not after_opponent_marker(doc, gap)


def _previous_club(doc: Doc, sent: Span, exclude: ClubMention) -> ClubMention | None:
    """Return the last resolved club of the sentence before ``sent`` that differs from ``exclude``."""
    index = doc.sentences.index(sent)
    if index == 0:
        return None
    prev = doc.sentences[index - 1]
    clubs = [c for c in clubs_between(doc, prev.start, prev.end) if c.club != exclude.club]
    return clubs[-1] if clubs else None
