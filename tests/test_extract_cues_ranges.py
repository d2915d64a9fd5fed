"""Phrase look-ups the extractors depend on: ranges of a long text, and phrases at a string's edges."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tabellino.extract.cues import ends_with_cue, find_cues, starts_with_cue
from tabellino.lang import LanguageData

LANG = LanguageData(
    "xx",
    {
        "results": {
            "opponent_markers": ["against", "away at", "dell'", "v"],
            "win_words": ["beat", "drew", "drew with"],
        }
    },
)

_CASES: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "extract_cues_ranges_cases.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", _CASES["edges"], ids=lambda c: c["name"])
def test_cues_edge_phrases_are_whole_words_at_the_edge(case: dict[str, Any]) -> None:
    check = ends_with_cue if case["at_end"] else starts_with_cue
    assert check(LANG, "results", "opponent_markers", case["text"]) is case["found"]


@pytest.mark.parametrize("case", _CASES["ranges"], ids=lambda c: c["name"])
@pytest.mark.parametrize("repeat", [1, 10], ids=["short text", "long text"])
def test_cues_in_a_range_lie_wholly_inside_it(case: dict[str, Any], repeat: int) -> None:
    # Short and long texts are looked up differently (remembered per text, or scanned once and kept).
    sentence = _CASES["ranges_text"] + " "
    text = sentence * repeat
    offset = len(sentence) * (repeat - 1)
    end = -1 if case["end"] < 0 else offset + case["end"]
    found = find_cues(LANG, "results", "win_words", text, offset + case["start"], end)
    assert [c.group() for c in found if c.start() >= offset] == case["found"]
    assert all(c.start() >= offset + case["start"] for c in found)
