"""Every alias file loads and validates; the curated tables cover what they promise."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from kb_support import kb

from tabellino.errors import DataFileError
from tabellino.kb import layer
from tabellino.kb.assemble import assemble, load_facts
from tabellino.kb.layer import LANGUAGES, load_aliases

MAIN = ("eng", "it", "es", "de", "fr", "pt", "nl")


def test_kb_aliases_all_files_load() -> None:
    aliases = load_aliases()
    assert set(aliases.languages) == set(LANGUAGES)
    for code, lang in aliases.languages.items():
        assert lang.clubs, code
        assert lang.competitions, code
        assert lang.countries, code
    assert assemble(load_facts(), aliases).clubs


def test_kb_aliases_cover_every_top_flight_club_of_the_main_countries() -> None:
    facts = load_facts()
    names = load_aliases().names
    missing = [
        c["id"] for c in facts["clubs"] if c["top_seasons"] and c["country"] in MAIN and c["id"] not in names
    ]
    assert missing == []


def test_kb_aliases_canonical_names_unique() -> None:
    counts = Counter(c.name for c in kb().clubs())
    assert [n for n, k in counts.items() if k > 1] == []


def test_kb_aliases_extra_clubs_present() -> None:
    for name in ("Flamengo", "Palmeiras", "Boca Juniors", "River Plate"):
        club = kb().lookup_club(name)
        assert club is not None and club.top and club.name == name


def test_kb_aliases_kinds_are_known() -> None:
    for lang in load_aliases().languages.values():
        for aliases in lang.clubs.values():
            assert {kind for _, kind in aliases} <= set(layer.KINDS)


def _broken(monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    """Make the loader read ``text`` for the alias file ``name``."""
    real = layer._read

    def fake(file: str) -> dict[str, Any]:
        if file == name:
            import tomllib

            return tomllib.loads(text)
        return real(file)

    monkeypatch.setattr(layer, "_read", fake)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[meta]\nlanguage = "it"\n[clubs.Inter]\nnames = ["Inter"]\n', "language"),
        ('[meta]\nlanguage = "en"\n[clubs.Inter]\nnickname = ["x"]\n', "unknown key"),
        ('[meta]\nlanguage = "en"\n[clubs.Inter]\nnames = [1]\n', "list of non-empty strings"),
        ('[meta]\nlanguage = "en"\n[teams]\n', "unknown sections"),
    ],
)
def test_kb_aliases_bad_language_file_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    _broken(monkeypatch, "en.toml", text)
    with pytest.raises(DataFileError, match=message):
        load_aliases()


def test_kb_aliases_unknown_club_reference_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _broken(monkeypatch, "nl.toml", '[meta]\nlanguage = "nl"\n[clubs."No Such Club FC"]\nnames = ["NSC"]\n')
    with pytest.raises(DataFileError, match="No Such Club FC"):
        assemble(load_facts(), load_aliases())
