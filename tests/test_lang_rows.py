"""Per-language rows written by the team: a short text in one language and the facts it must give.

Each file ``tests/data/lang_rows/<code>.json`` holds a list of cases ``{name, text, matches, goals?}``
for language ``<code>``. ``matches`` lists, in order, the keys each found match must have (a subset of
the output contract); ``goals``, when present, lists every goal of every match as
``[team, scorer, minute, added, penalty, own_goal]`` in any order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from goal_rows import goal_rows, sorted_rows

from tabellino.models import Document
from tabellino.pipeline import Pipeline

ROWS = Path(__file__).parent / "data" / "lang_rows"


def _cases() -> list[tuple[str, dict[str, Any]]]:
    """Return (language, case) for every row of every language file."""
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(ROWS.glob("*.json")):
        found += [(path.stem, case) for case in json.loads(path.read_text(encoding="utf-8"))]
    return found


CASES = _cases()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _extract(pipeline: Pipeline, lang: str, case: dict[str, Any]) -> dict[str, Any]:
    doc = Document(id=case["name"], text=case["text"], language=lang)
    return pipeline.process(doc).to_json()


@pytest.mark.parametrize(("lang", "case"), CASES, ids=[f"{lang}: {case['name']}" for lang, case in CASES])
def test_language_row_gives_its_facts(pipeline: Pipeline, lang: str, case: dict[str, Any]) -> None:
    got = _extract(pipeline, lang, case)
    matches = got["matches"]
    assert len(matches) == len(case["matches"]), [(m["home"], m["away"]) for m in matches]
    for want, match in zip(case["matches"], matches, strict=True):
        for key, value in want.items():
            assert match[key] == value, (key, match[key], value)
    if "goals" in case:
        assert goal_rows(matches) == sorted_rows(case["goals"])
