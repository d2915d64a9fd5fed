"""Looking a club up by any of its names, and the gold names of the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kb_support import corpus_dir, data, kb

LOOKUPS = data("kb_lookup.toml")


@pytest.mark.parametrize(("name", "canonical"), sorted(LOOKUPS["names"].items()))
def test_kb_lookup_alias(name: str, canonical: str) -> None:
    club = kb().lookup_club(name)
    assert club is not None, name
    assert club.name == canonical


@pytest.mark.parametrize("name", LOOKUPS["unknown"]["names"])
def test_kb_lookup_unknown(name: str) -> None:
    assert kb().lookup_club(name) is None


def _gold_team_names() -> list[str]:
    """Return every home/away team name of the gold files (empty when the corpus is absent)."""
    root = corpus_dir()
    found: set[str] = set()
    for path in sorted(Path(root).glob("*/*.json")) if root.is_dir() else []:
        for match in json.loads(path.read_text(encoding="utf-8")).get("matches", []):
            found.update(n for n in (match.get("home"), match.get("away")) if n)
    return sorted(found)


GOLD = _gold_team_names()


@pytest.mark.skipif(not GOLD, reason="gold corpus not found (set TABELLINO_CORPUS)")
@pytest.mark.parametrize("name", GOLD)
def test_kb_lookup_gold_team_names(name: str) -> None:
    # Clubs the knowledge base knows must carry the gold's canonical name; amateur clubs that no
    # data source lists are not added by hand for one article, so those may be unknown.
    club = kb().lookup_club(name)
    if club is None:
        pytest.skip(f"{name!r} is not in the knowledge base")
    assert club.name == name


@pytest.mark.skipif(not GOLD, reason="gold corpus not found (set TABELLINO_CORPUS)")
def test_kb_lookup_gold_team_names_mostly_known() -> None:
    known = [n for n in GOLD if kb().lookup_club(n) is not None]
    assert len(known) >= 0.95 * len(GOLD), sorted(set(GOLD) - set(known))


def test_kb_lookup_by_id_and_canonical_name_agree() -> None:
    club = kb().lookup_club("Atalanta")
    assert club is not None
    assert kb().club(club.id) == club
    assert club.top and club.country == "it"


def test_kb_unknown_id_raises_key_error() -> None:
    with pytest.raises(KeyError, match="no-such-club"):
        kb().club("no-such-club")


def test_kb_player_clubs_by_full_name_and_surname() -> None:
    atalanta = kb().lookup_club("Atalanta")
    assert atalanta is not None
    assert atalanta.id in kb().player_clubs("Teun Koopmeiners")
    assert atalanta.id in kb().player_clubs("Koopmeiners")
    assert atalanta.id in kb().player_clubs("de Roon")
    assert kb().player_clubs("Nobody Atall") == ()
