"""The clubs of a range and a score's two nearest clubs: what every result finder reads them from."""

from __future__ import annotations

import pytest

from tabellino.extract.doc import Doc, ScoreMention, split_sentences
from tabellino.extract.results_base import clubs_between, resolved_clubs
from tabellino.extract.results_prose import score_window, two_nearest
from tabellino.kb import ClubMention, KnowledgeBase
from tabellino.lang import load_language
from tabellino.models import Article

TEXT = "Inter Milan beat Roma 2-1 while Lazio and Napoli drew 0-0 at the Olimpico in Rome."


def _mention(surface: str, *candidates: str, nth: int = 0) -> ClubMention:
    """Return a mention of the ``nth`` occurrence of ``surface`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    return ClubMention(start, start + len(surface), surface, candidates)


APART = [
    _mention("Inter Milan", "inter"),
    _mention("Roma", "roma"),
    _mention("Lazio", "lazio"),
    _mention("Napoli", "napoli"),
    _mention("Rome", "roma", "lazio"),  # two candidates: not resolved
]
NESTED = sorted([*APART, _mention("Milan", "milan"), _mention("Inter", "inter")], key=lambda c: c.start)


def _doc(clubs: list[ClubMention]) -> Doc:
    """Return a doc of TEXT with the given club mentions."""
    article = Article(id="t", text=TEXT, language="en")
    doc = Doc(article=article, text=TEXT, lang=load_language("en"), kb=KnowledgeBase.__new__(KnowledgeBase))
    doc.sentences = split_sentences(TEXT)
    doc.clubs = clubs
    return doc


@pytest.mark.parametrize("clubs", [APART, NESTED], ids=["apart", "nested"])
def test_results_clubs_between_are_resolved_and_wholly_inside(clubs: list[ClubMention]) -> None:
    doc = _doc(clubs)
    for start in range(0, len(TEXT) + 1, 3):
        for end in range(start, len(TEXT) + 2, 4):
            expected = [c for c in clubs if c.club is not None and start <= c.start and c.end <= end]
            assert clubs_between(doc, start, end) == expected


def test_results_clubs_between_follow_a_replaced_club_list() -> None:
    doc = _doc(APART)
    assert [c.text for c in clubs_between(doc, 0, 20)] == ["Inter Milan"]
    doc.clubs = NESTED
    assert [c.text for c in clubs_between(doc, 0, 20)] == ["Inter Milan", "Inter", "Milan"]
    assert [c.text for c in resolved_clubs(doc)][:3] == ["Inter Milan", "Inter", "Milan"]


def test_results_two_nearest_follow_a_replaced_club_list() -> None:
    doc = _doc(APART)
    doc.scores = [ScoreMention(TEXT.index("2-1"), TEXT.index("2-1") + 3, 2, 1)]
    score = doc.scores[0]
    pair = two_nearest(doc, score, *score_window(doc, score))
    assert pair is not None and [c.text for c in pair] == ["Inter Milan", "Roma"]
    doc.clubs = [c for c in APART if c.text != "Inter Milan"]
    assert two_nearest(doc, score, *score_window(doc, score)) is None
