"""Whole-line chrome rules: the regex chosen by a line's first character matches as the whole regex."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tabellino.ingest.line_rules import LineKind, LineRules

CASES = Path(__file__).parent / "data" / "ingest_line_rules_cases.json"
DATA: dict[str, Any] = json.loads(CASES.read_text("utf-8"))
KINDS = [LineKind(k["name"], tuple(k["leads"]), k.get("after", "")) for k in DATA["kinds"]]
RULES = LineRules(KINDS)


def _kind(rules: LineRules, line: str) -> str | None:
    """Return the kind of chrome the whole line is, or None."""
    m = rules.fullmatch(line, 0, len(line))
    return m.lastgroup if m is not None else None


@pytest.mark.parametrize(("line", "kind"), DATA["lines"], ids=[line for line, _ in DATA["lines"]])
def test_ingest_line_rules_finds_the_kind_of_each_line(line: str, kind: str | None) -> None:
    assert _kind(RULES, line) == kind


@pytest.mark.parametrize(("line", "kind"), DATA["lines"], ids=[line for line, _ in DATA["lines"]])
def test_ingest_line_rules_match_as_the_whole_regex(line: str, kind: str | None) -> None:
    m = RULES.whole.fullmatch(line)
    assert (m.lastgroup if m is not None else None) == kind


def test_ingest_line_rules_with_own_groups_use_the_whole_regex() -> None:
    rules = LineRules([LineKind("twice", (r"(?P<c>\w)(?P=c)",)), LineKind("word", (r"[a-z]+",))])
    assert [_kind(rules, line) for line in ("aa", "ab", "1")] == ["twice", "word", None]


def test_ingest_line_rules_odd_lines_match_as_the_whole_regex() -> None:
    for line in ("\u0000\ufffd", "x" * 5000, "\u00a0\u2003note", "ſhare", "İ"):
        m = RULES.whole.fullmatch(line)
        assert _kind(RULES, line) == (m.lastgroup if m is not None else None)
