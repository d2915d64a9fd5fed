"""`tabellino extract` prints one object per input article, in input order, in the output contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_cli
from stub_pipeline import StubPipeline

from tabellino.models import MATCH_FIELDS

EXAMPLES = Path(__file__).resolve().parent.parent / "tabellino" / "examples"
ARTICLE_KEYS = {"id", "language", "published", "title", "url", "matches", "quotes", "ties", "dropped"}
MATCH_KEYS = {"primary", *MATCH_FIELDS, "goals", "red_cards", "coaches", "stats", "derived", "evidence"}
GOAL_KEYS = {"team", "scorer", "minute", "added", "penalty", "own_goal", "evidence"}


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    paths = []
    for i, text in enumerate(["Atalanta beat Juventus 3-0.", "Inter drew 1-1 with Roma.", "Napoli won."]):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def check_shape(obj: dict[str, object]) -> None:
    """Assert that one output object has the keys of the output contract."""
    assert set(obj) == ARTICLE_KEYS
    assert isinstance(obj["matches"], list)
    for match in obj["matches"]:
        assert set(match) == MATCH_KEYS
        for goal in match["goals"]:
            assert set(goal) == GOAL_KEYS
            assert set(goal["evidence"]) == {"spans", "derived"}


def test_cli_extract_jsonl_one_object_per_article_in_order(
    inputs: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tabellino.cli._pipeline", StubPipeline)
    result = run_cli(["extract", "--format", "jsonl", *inputs], capsys)
    assert result.code == 0, result.err
    objects = [json.loads(line) for line in result.out.splitlines()]
    assert [o["id"] for o in objects] == inputs
    for obj in objects:
        check_shape(obj)
    assert objects[0]["matches"][0]["evidence"]["home"] == {"spans": [[0, 8]], "derived": False}


def test_cli_extract_json_and_table_formats(
    inputs: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tabellino.cli._pipeline", StubPipeline)
    as_json = run_cli(["extract", "--format", "json", *inputs], capsys)
    assert [o["id"] for o in json.loads(as_json.out)] == inputs
    table = run_cli(["extract", "--format", "table", inputs[0]], capsys)
    assert table.code == 0
    assert "Atalanta" in table.out and "3-0" in table.out and "Scamacca 12'" in table.out


def test_cli_extract_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tabellino.cli._pipeline", StubPipeline)
    result = run_cli(["extract", "--lang", "it", "-"], capsys, stdin=b"L'Atalanta batte la Juve 3-0.")
    assert result.code == 0, result.err
    assert json.loads(result.out)["language"] == "it"


def test_cli_extract_real_pipeline_on_examples(capsys: pytest.CaptureFixture[str]) -> None:
    from tabellino.pipeline import Pipeline

    try:
        Pipeline()
    except NotImplementedError:
        pytest.skip("the knowledge base is not implemented yet")
    result = run_cli(["extract", str(EXAMPLES)], capsys)
    assert result.code == 0, result.err
    objects = [json.loads(line) for line in result.out.splitlines()]
    assert len(objects) == len(list(EXAMPLES.glob("*.json")))
    for obj in objects:
        check_shape(obj)
    assert any(obj["matches"] for obj in objects)
