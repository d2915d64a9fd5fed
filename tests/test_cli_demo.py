"""`tabellino demo` ingests every bundled example and lists the matches; re-running changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run_cli
from stub_pipeline import StubPipeline

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "tabellino" / "examples").glob("*.json"))


def test_cli_demo_ingests_every_example_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tabellino.cli._pipeline", StubPipeline)
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    first = run_cli(["demo", "--db", db], capsys)
    assert first.code == 0, first.err
    assert f"ingested {len(EXAMPLES)}, duplicates 0, failed 0" in first.out
    assert "tabellino show MATCH_ID" in first.out
    again = run_cli(["demo", "--db", db], capsys)
    assert f"ingested 0, duplicates {len(EXAMPLES)}, failed 0" in again.out


def test_cli_demo_examples_are_short_articles_in_both_languages() -> None:
    import json

    records = [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES]
    assert 5 <= len(records) <= 6
    assert {r["language"] for r in records} == {"en", "it"}
    assert all(1500 <= len(r["text"]) <= 3000 for r in records)
