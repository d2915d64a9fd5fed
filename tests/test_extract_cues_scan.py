"""The one scan of a text for every phrase list: one-character phrases ("e", Italian "and") as whole
words only, like longer phrases, and the regexes that extend a list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tabellino.extract.cues import find_cues
from tabellino.lang import LanguageData

LANG = LanguageData("xx", {"results": {"coordinators": ["e", "ed"], "win_words": ["vince", "batte"]}})

_CASES: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "extract_cues_scan_cases.json").read_text(encoding="utf-8")
)
_PAD = "-" * 500  # longer than the texts whose hits are remembered by their text


@pytest.mark.parametrize("case", _CASES["cases"], ids=lambda c: c["name"])
@pytest.mark.parametrize("padded", [False, True], ids=["short text", "long text"])
def test_cues_single_char_phrase_is_a_whole_word(case: dict[str, Any], padded: bool) -> None:
    text = case["text"] + (" " + _PAD if padded else "")
    cues = find_cues(LANG, "results", "coordinators", text)
    assert [[c.start(), c.end()] for c in cues if c.group() != "ed"] == case["found"]


def test_cues_single_char_phrase_leaves_other_lists_alone() -> None:
    text = "Il Milan vince e la Roma batte il Torino"
    assert [c.group() for c in find_cues(LANG, "results", "win_words", text)] == ["vince", "batte"]
    assert [c.start() for c in find_cues(LANG, "results", "coordinators", text)] == [15]


PATTERNED = LanguageData(
    "xx",
    {"goals": {"winner_words": ["decided it"], "winner_words_patterns": [r"\bsealed\s+(?:it|the\s+win)\b"]}},
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Rossi sealed the win late on, and Bianchi decided it.", ["sealed the win", "decided it"]),
        ("SEALED IT in the end, said Rossi.", ["SEALED IT"]),
        ("Nobody sealed nothing, and nobody decided it.", ["decided it"]),
        ("Nothing of the kind was written here.", []),
    ],
)
@pytest.mark.parametrize("padded", [False, True], ids=["short text", "long text"])
def test_cues_list_patterns_extend_the_phrases(text: str, found: list[str], padded: bool) -> None:
    # A list's regexes add their hits to its phrases', in text order, in short and long texts alike.
    full = text + (" " + _PAD if padded else "")
    assert [c.group() for c in find_cues(PATTERNED, "goals", "winner_words", full)] == found
