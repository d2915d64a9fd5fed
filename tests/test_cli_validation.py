"""Everything a user types is checked: a clear one-line error, exit 2 for usage, 1 for failure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import run_cli
from extraction_builder import build

from tabellino.store import open_db, store_extraction

CASES = json.loads((Path(__file__).parent / "data" / "cli_errors.json").read_text(encoding="utf-8"))


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    """Files and databases the cases refer to as {name}."""
    db = tmp_path / "stored.db"
    store_extraction(open_db(f"sqlite:///{db}"), build("report-en"))
    (tmp_path / "report.txt").write_text("Atalanta beat Juventus 3-0 last night.", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    (tmp_path / "gold").mkdir()
    return {
        "db": f"sqlite:///{db}",
        "newdb": f"sqlite:///{tmp_path / 'new.db'}",
        "text": str(tmp_path / "report.txt"),
        "blank": str(tmp_path / "blank.txt"),
        "binary": str(tmp_path / "image.txt"),
        "dir": str(tmp_path / "gold"),
        "missing": str(tmp_path / "no-such-file"),
    }


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_cli_rejects_bad_input_with_one_clear_line(
    case: dict[str, Any], places: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(**places) for a in case["args"]]
    result = run_cli(args, capsys, stdin=case.get("stdin", "").encode())
    assert result.code == case["code"], result.err
    assert case["message"] in result.err
    assert "Traceback" not in result.err + result.out
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.err


def test_cli_bad_input_keeps_going_with_the_rest(
    places: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from stub_pipeline import StubPipeline

    monkeypatch.setattr("tabellino.cli._pipeline", StubPipeline)
    result = run_cli(["extract", places["missing"], places["text"], places["binary"]], capsys)
    assert result.code == 1
    assert len(result.out.splitlines()) == 1
    assert json.loads(result.out)["id"] == places["text"]
    assert result.err.count("error:") == 2


def test_cli_broken_data_stops_at_once(
    places: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tabellino.errors import DataFileError

    def broken() -> None:
        raise DataFileError("kb/data/kb.json: cannot read")

    monkeypatch.setattr("tabellino.cli._pipeline", broken)
    result = run_cli(["extract", places["text"], places["text"]], capsys)
    assert result.code == 1
    assert result.err == "error: [T300] kb/data/kb.json: cannot read\n"
