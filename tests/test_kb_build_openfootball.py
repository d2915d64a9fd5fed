"""Building the knowledge-base facts from openfootball files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from kb_support import DATA, openfootball_dir

from tabellino.errors import DataFileError
from tabellino.kb.build import build, main, write
from tabellino.kb.ofresults import result_teams, split_code
from tabellino.kb.openfootball import parse_clubs, parse_leagues, split_names

FIXTURE = DATA / "kb_openfootball"


def _club(facts: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in facts["clubs"] if c["name"] == name)


def test_kb_build_parses_clubs_names_and_tags() -> None:
    clubs = parse_clubs(FIXTURE / "clubs/europe/italy/it.clubs.txt")
    atalanta = clubs[0]
    assert atalanta.name == "Atalanta Bergamo"
    assert (atalanta.city, atalanta.stadium, atalanta.country) == ("Bergamo", "Stadio di Bergamo", "it")
    assert ("Atalanta Bergamo", "de") in atalanta.names
    assert all("U23" not in n and "Under" not in n for n, _ in atalanta.names)
    inter = clubs[1]
    assert inter.city == "Milano" and ("Inter Mailand", "de") in inter.names
    assert [c.defunct for c in clubs] == [False, False, False, True]


def test_kb_build_split_names_drops_codes() -> None:
    assert split_names("| Serie A | Italien Serie A [de] | ita.a") == [
        ("Serie A", None),
        ("Italien Serie A", "de"),
    ]


def test_kb_build_reads_both_result_layouts() -> None:
    assert result_teams(FIXTURE / "italy/2024-25/1-seriea.txt") == [
        "Atalanta BC",
        "Juventus FC",
        "FC Internazionale Milano",
        "Promoted Club 1919",
    ]
    assert result_teams(FIXTURE / "italy/2022-23/1-seriea.txt") == [
        "Juventus",
        "Atalanta Bergamo",
        "Inter",
        "Atalanta",
    ]
    assert split_code("Juventus FC (ITA)") == ("Juventus FC", "ITA")


def test_kb_build_leagues_skip_historical() -> None:
    comps = parse_leagues(FIXTURE / "leagues/europe/leagues.txt", {"Italy": "it"})
    assert [(c.code, c.country, c.name) for c in comps] == [
        ("uefa.cl", None, "UEFA Champions League"),
        ("euro.champs", None, "European Champion Clubs' Cup"),
        ("1", "it", "Serie A"),
        ("cup", "it", "Coppa Italia"),
    ]
    assert [c.historical for c in comps] == [False, True, False, False]


def test_kb_build_facts_from_fixture() -> None:
    facts = build(FIXTURE)
    atalanta = _club(facts, "Atalanta Bergamo")
    assert atalanta["id"] == "it.atalanta-bergamo"
    assert atalanta["top_seasons"] == ["2022-23", "2024-25"]
    assert ["Atalanta BC", None] in atalanta["names"]
    # A top-flight team missing from the club list becomes a club of its own.
    assert _club(facts, "Promoted Club 1919")["top_seasons"] == ["2024-25"]
    # Dissolved clubs no result file names are left out.
    assert all(c["name"] != "Old Club Torino" for c in facts["clubs"])
    stadium = next(s for s in facts["stadiums"] if s["name"] == "Stadio di Bergamo")
    assert stadium["clubs"] == ["it.atalanta-bergamo"] and "Sponsor Arena" in stadium["names"]
    assert [c["id"] for c in facts["competitions"]] == ["it.1", "it.cup", "uefa.cl"]
    assert facts["squads"] == {"it.atalanta-bergamo": ["Mario Rossi", "Jan van der Berg"]}


def test_kb_build_is_deterministic(tmp_path: Path) -> None:
    first = write(build(FIXTURE), tmp_path / "a.json").read_bytes()
    second = write(build(FIXTURE), tmp_path / "b.json").read_bytes()
    assert first == second


@pytest.mark.skipif(not (openfootball_dir() / "clubs").is_dir(), reason="openfootball data not found")
def test_kb_build_real_data_is_deterministic_and_matches_package(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path / "one.json")]) == 0
    assert main(["--out", str(tmp_path / "two.json")]) == 0
    one = (tmp_path / "one.json").read_bytes()
    assert one == (tmp_path / "two.json").read_bytes()
    packaged = Path(__file__).parent.parent / "tabellino/kb/data/kb.json"
    assert packaged.read_bytes() == one, "packaged kb.json is stale: run python -m tabellino.kb.build"


def test_kb_build_missing_source_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="openfootball"):
        build(tmp_path)
    assert main(["--source", str(tmp_path), "--out", str(tmp_path / "x.json")]) == 1
