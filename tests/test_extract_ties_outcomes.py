"""The ties component records knockout outcomes stated without a score ("X knocked out Y").

Cases (texts written for these tests) are in tests/data/context_ties.toml.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_extract_context_support import build_doc, load_cases

from tabellino.extract.ties import ties

CASES = load_cases("context_ties.toml")


def _row(tie: dict[str, Any]) -> tuple[str, str, str | None, str | None]:
    """Return a tie as a comparable row."""
    return (tie["winner"], tie["loser"], tie.get("competition"), tie.get("stage"))


@pytest.mark.parametrize("case", CASES)
def test_ties_found(case: dict[str, Any]) -> None:
    doc = build_doc(case)
    ties(doc)
    assert doc.result is not None
    got = sorted(_row(t.to_json()) for t in doc.result.ties)
    assert got == sorted(_row(t) for t in case["ties"])


@pytest.mark.parametrize("case", CASES)
def test_ties_cite_both_clubs(case: dict[str, Any]) -> None:
    doc = build_doc(case)
    ties(doc)
    assert doc.result is not None
    for tie in doc.result.ties:
        cited = " ".join(doc.text[s.start : s.end] for s in tie.evidence.spans)
        assert len(tie.evidence.spans) >= 3
        assert cited.strip()


def test_ties_without_result_do_nothing() -> None:
    case = {"id": "x", "lang": "en", "text": "Nothing here.", "clubs": {}}
    doc = build_doc(case)
    doc.result = None
    ties(doc)
