"""Names compare on what matters: folded surnames, KB club ids or folded team names, quote words."""

from __future__ import annotations

import pytest

from tabellino.evaluate.normalise import fold, kb_team_key, quote_text, surname, venue_matches
from tabellino.kb import Club, KnowledgeBase


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("A. Mitrović", "mitrovic"),
        ("Aleksandar Mitrovic", "mitrovic"),
        ("Rafael Leão", "leao"),
        ("Martin Ødegaard", "odegaard"),
        ("Neymar Jr.", "neymar"),
        ("Koopmeiners,", "koopmeiners"),
        ("", None),
        (None, None),
    ],
)
def test_evaluate_normalise_surname(name: str | None, expected: str | None) -> None:
    assert surname(name) == expected


def test_evaluate_normalise_fold_letters_without_decomposition() -> None:
    assert fold("Bodø/Glimt") == fold("Bodo Glimt") == "bodo glimt"
    assert fold("Borussia Mönchengladbach") == "borussia monchengladbach"


def test_evaluate_normalise_quote_marks_and_spaces() -> None:
    assert quote_text("«It’s  a\nfair result»") == quote_text('"It\'s a fair result"')


def test_evaluate_normalise_venue_containment() -> None:
    assert venue_matches("San Siro", "stadio San Siro")
    assert venue_matches("Estadio Benito Villamarín", "Benito Villamarin")
    assert not venue_matches("Anfield", "Goodison Park")


class _FakeKB(KnowledgeBase):
    """A knowledge base knowing one club under two names."""

    def lookup_club(self, name: str) -> Club | None:
        if fold(name) in {"man city", "manchester city"}:
            return Club(id="manchester-city", name="Manchester City", country="eng")
        return None


def test_evaluate_normalise_team_key_uses_kb_then_folds() -> None:
    key = kb_team_key(_FakeKB())
    assert key("Man City") == key("Manchester City")
    assert key("Real Madrid") == key("real  madrid") != key("Manchester City")
    assert key(None) is None
