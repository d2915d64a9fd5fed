"""Articles about the same match merge into one match with several sources; disagreements are kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from extraction_builder import build
from sqlalchemy import select

from tabellino.store import list_matches, match_detail, open_db, store_extraction
from tabellino.store.schema import conflicts

CASES = json.loads((Path(__file__).parent / "data" / "consolidate_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_consolidate_merges_reports_of_one_match(case: dict[str, Any]) -> None:
    engine = open_db("sqlite://")
    for name in case["articles"]:
        store_extraction(engine, build(name))
    stored = list_matches(engine)
    assert len(stored) == len(case["matches"])
    for summary, want in zip(stored, case["matches"], strict=True):
        detail = match_detail(engine, summary.id)
        assert detail is not None
        assert (summary.home, summary.score, summary.away) == (want["home"], want["score"], want["away"])
        assert len(detail.sources) == want["sources"]
        assert len(detail.goals) == want["goals"]
        found: dict[str, list[str]] = {}
        for field, value, _article in detail.conflicts:
            found.setdefault(field, []).append(value)
        assert {k: sorted(v) for k, v in found.items()} == want["conflicts"]


def test_consolidate_conflict_rows_name_each_source() -> None:
    engine = open_db("sqlite://")
    first = store_extraction(engine, build("report-en"))
    second = store_extraction(engine, build("disagrees-on-score"))
    assert second.merged_matches == first.new_matches
    assert second.conflicts == 2
    with engine.connect() as conn:
        rows = conn.execute(select(conflicts.c.article_id, conflicts.c.value)).all()
    assert sorted(rows) == [(first.article_id, "3-0"), (second.article_id, "3-1")]


def test_consolidate_fills_missing_fields_and_goal_minutes() -> None:
    engine = open_db("sqlite://")
    store_extraction(engine, build("report-en"))
    store_extraction(engine, build("disagrees-on-scorer"))
    detail = match_detail(engine, 1)
    assert detail is not None
    fields = {f.label: f.value for f in detail.fields}
    assert fields["venue"] == "New Balance Arena"
    assert fields["stage"] == "quarter-final"
    assert detail.goals[0].value == "Scamacca 38' (pen)"


def test_consolidate_show_gives_the_sentence_of_each_value() -> None:
    engine = open_db("sqlite://")
    store_extraction(engine, build("report-en"))
    store_extraction(engine, build("second-outlet"))
    detail = match_detail(engine, 1)
    assert detail is not None
    score = next(f for f in detail.fields if f.label == "score")
    sentences = [c.sentence for c in score.cites]
    assert sentences == [
        "Atalanta beat Juventus 3-0 in the Coppa Italia quarter-final last night in Bergamo.",
        "Juventus were beaten 0-3 by Atalanta in the cup.",
    ]
    assert {s.says for s in detail.sources} == {"Atalanta 3-0 Juventus", "Juventus 0-3 Atalanta"}
