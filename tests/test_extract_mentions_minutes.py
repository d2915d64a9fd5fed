"""Minute marks: each pattern's matches, an overlapping later match dropped, in text order."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from tabellino.extract.mentions import find_minutes
from tabellino.lang import load_language

CASES = json.loads((Path(__file__).parent / "data" / "extract_minutes_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_extract_mentions_minutes_found_in_order(case: dict[str, object]) -> None:
    """The minutes written in the text come out once each, sorted, with their spans and values."""
    text = str(case["text"])
    found = find_minutes(text, load_language(str(case["lang"])))
    assert [[text[m.start : m.end], m.minute, m.added] for m in found] == case["minutes"]
    assert all(a.end <= b.start for a, b in pairwise(found))
