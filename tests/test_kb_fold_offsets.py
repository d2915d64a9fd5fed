"""Folding keeps offsets; look-up keys ignore case, accents and punctuation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tabellino.kb.fold import fold, key
from tabellino.kb.gazetteer import match_fold


@given(st.text())
def test_kb_fold_same_length(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert len(match_fold(text)) == len(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Atlético", "atletico"),
        ("Bayern München", "bayern munchen"),
        ("Brighton & Hove Albion", "Brighton and Hove Albion"),
        ("Paris Saint-Germain", "paris saint germain"),
        ("Fußball", "Fussball"),
        ("  Inter   Milan ", "inter milan"),
    ],
)
def test_kb_fold_keys_equal(a: str, b: str) -> None:
    assert key(a) == key(b)


def test_kb_fold_match_form_turns_punctuation_into_spaces() -> None:
    assert match_fold("dell'Inter, Atalanta’s") == "dell inter  atalanta s"
