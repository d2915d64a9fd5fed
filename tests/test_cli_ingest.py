"""`tabellino ingest`, `matches` and `show`: store articles, list matches, show one with its evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_cli
from stub_pipeline import StubPipeline


@pytest.fixture
def ingested(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Ingest two reports of one match (the stub extracts Atalanta 3-0 Juventus from each)."""
    monkeypatch.setattr("tabellino.cli._pipeline", StubPipeline)
    records = [
        {"id": "one", "published": "2026-02-06", "text": "Atalanta swept Juventus aside. A fine night."},
        {"id": "two", "published": "2026-02-07", "text": "Juventus lost heavily in Bergamo."},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'test.db'}"
    result = run_cli(["ingest", "--db", db, str(path)], capsys)
    assert result.code == 0, result.err
    assert "ingested 2, duplicates 0, failed 0, matches found 2 (1 new, 1 merged" in result.out
    return ["--db", db, str(path)]


def test_cli_ingest_twice_changes_nothing(ingested: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    again = run_cli(["ingest", *ingested], capsys)
    assert again.code == 0
    assert "ingested 0, duplicates 2, failed 0" in again.out
    listed = run_cli(["matches", "--format", "json", *ingested[:2]], capsys)
    assert [(m["home"], m["away"], m["sources"]) for m in json.loads(listed.out)] == [
        ("Atalanta", "Juventus", 2)
    ]


@pytest.mark.parametrize(
    ("options", "count"),
    [
        ([], 1),
        (["--club", "atalanta"], 1),
        (["--club", "Juventus"], 1),
        (["--competition", "serie"], 0),
        (["--since", "2026-02-06"], 1),
        (["--since", "2026-03-01"], 0),
    ],
)
def test_cli_matches_filters(
    ingested: list[str], capsys: pytest.CaptureFixture[str], options: list[str], count: int
) -> None:
    result = run_cli(["matches", "--format", "json", *ingested[:2], *options], capsys)
    assert result.code == 0, result.err
    assert len(json.loads(result.out)) == count


def test_cli_show_gives_sentences_and_sources(
    ingested: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["show", "1", *ingested[:2]], capsys)
    assert result.code == 0, result.err
    assert "Atalanta 3-0 Juventus" in result.out
    assert "Atalanta swept Juventus aside." in result.out  # the sentence stating the home side
    assert "Scamacca 12'" in result.out
    assert "Sources (2)" in result.out
