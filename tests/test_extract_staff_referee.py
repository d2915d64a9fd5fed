"""The referee is read from role words, "diretta da" and referee-only acts, for the match in context."""

from __future__ import annotations

from typing import Any

import pytest
from test_extract_quotes_harness import build_doc, load_cases

from tabellino.extract.staff import find_referee


@pytest.mark.parametrize("case", load_cases("staff_referee"))
def test_staff_referee(case: dict[str, Any]) -> None:
    """The match in context gets the referee the text names (no other match gets one)."""
    doc = build_doc(case)
    find_referee(doc)
    got = {i: m.referee for i, m in enumerate(doc.matches) if m.referee}
    assert got == ({case["match"]: case["expect"]} if case["expect"] else {})
    for i in got:
        assert doc.matches[i].evidence["referee"].spans
