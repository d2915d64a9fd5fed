"""An article-length text folds to the same matching form as its short pieces do, character for character."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tabellino.kb.gazetteer import match_fold

# Pieces that start and end with a space, so that repeating one keeps every word's context.
PIECES = [
    " Atlético de Madrid beat Beşiktaş 2–1 at the Estádio da Luz? ",
    " İstanbul Başakşehir, Ørsted’s «Mönchengladbach» & Łódź ",
    " ΟΛΥΜΠΙΑΚΟΣ ΠΕΙΡΑΙΑ Σ ΑΕΚ ",  # a capital sigma lowers by its place in the word
    " 東京 Ｖｅｒｄｙ ½ K ẞ ß ﬁ, plain ASCII! ",
]


@pytest.mark.parametrize("piece", PIECES)
def test_kb_fold_long_text_matches_its_pieces(piece: str) -> None:
    copies = 300 // len(piece) + 2  # long enough for the article path
    assert match_fold(piece * copies) == match_fold(piece) * copies


@given(st.text(min_size=1, max_size=60))
def test_kb_fold_long_text_matches_short_text(text: str) -> None:
    piece = " " + text.replace("Σ", "σ") + " "
    copies = 300 // len(piece) + 2
    assert match_fold(piece * copies) == match_fold(piece) * copies
