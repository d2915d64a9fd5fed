"""Reading inputs: files, folders, JSON / JSON Lines, stdin, and bad input that never stops a run."""

from __future__ import annotations

import io
import logging
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from tabellino.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    RecordError,
)
from tabellino.ingest.sources import SourceFailure, iter_documents
from tabellino.models import Document

DATA = Path(__file__).parent / "data" / "ingest_sources"


def _docs(items: list[Document | SourceFailure]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def _failures(items: list[Document | SourceFailure]) -> list[SourceFailure]:
    return [item for item in items if isinstance(item, SourceFailure)]


def test_ingest_sources_folder_is_read_recursively_skipping_hidden_and_other_files() -> None:
    items = list(iter_documents([str(DATA)]))
    sources = {item.id.split("#")[0] if isinstance(item, Document) else item.source for item in items}
    names = {Path(s.split("#")[0]).name for s in sources if "/" in s}
    assert {"match_report.txt", "notes.md", "round_up.text", "records.jsonl", "list.json"} <= names
    assert not any(".hidden" in s or ".drafts" in s or s.endswith(".csv") for s in sources)


def test_ingest_sources_plain_text_file_gives_one_document_named_by_its_path() -> None:
    path = str(DATA / "match_report.txt")
    [doc] = list(iter_documents([path]))
    assert isinstance(doc, Document)
    assert doc.id == path
    assert doc.text.startswith("Bologna edge Torino")
    assert doc.content_type == "text/plain"


def test_ingest_sources_jsonl_records_keep_their_fields_and_bad_lines_fail_alone() -> None:
    path = str(DATA / "records.jsonl")
    items = list(iter_documents([path]))
    docs = {d.id: d for d in _docs(items)}
    assert set(docs) == {"r1", f"{path}#2", "r4"}
    assert docs["r1"].url == "https://example.org/2026/01/18/monza-verona"
    assert docs["r1"].language == "en"
    assert docs["r1"].published == date(2026, 1, 18)
    assert docs[f"{path}#2"].url == "https://example.org/b"
    assert docs[f"{path}#2"].title == "No id"
    assert docs["r4"].published is None
    failures = {f.source: f.error for f in _failures(items)}
    assert set(failures) == {f"{path}#3", f"{path}#5"}
    assert all(isinstance(e, RecordError) for e in failures.values())


def test_ingest_sources_json_list_numbers_records_and_reports_bad_ones() -> None:
    path = str(DATA / "list.json")
    items = list(iter_documents([path]))
    docs = _docs(items)
    assert [d.id for d in docs] == ["7", f"{path}#4"]
    assert docs[0].published == date(2026, 2, 1)
    assert [f.source for f in _failures(items)] == [f"{path}#2", f"{path}#3"]


def test_ingest_sources_single_json_object_is_one_document() -> None:
    path = str(DATA / "single.json")
    [doc] = list(iter_documents([path]))
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.language) == (path, "Fiorentina edge Roma", "en")


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        (b"Inter beat Milan 2-1 in the derby.", ["-"]),
        (b'{"text": "one"}\n{"text": "two"}\n', ["-#1", "-#2"]),
        (b'[{"text": "one"}, {"id": "x", "text": "two"}]', ["-#1", "x"]),
        (b'{"text": "one\\ntwo", "id": "solo"}', ["solo"]),
    ],
)
def test_ingest_sources_stdin_is_read_as_text_json_or_jsonl(data: bytes, ids: list[str]) -> None:
    items = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert [d.id for d in _docs(items)] == ids


def test_ingest_sources_missing_path_is_an_input_error() -> None:
    [failure] = list(iter_documents(["/no/such/file.txt"]))
    assert isinstance(failure, SourceFailure)
    assert isinstance(failure.error, InputError)
    assert "no such file" in str(failure.error)


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyInputError),
        (b"  \n\t\n", EmptyInputError),
        (b"%PDF-1.7\n%binary", BinaryInputError),
        (b"\x89PNG\r\n\x1a\n....", BinaryInputError),
        (b"\xff\xd8\xff\xe0JFIF", BinaryInputError),
        (b"GIF89a....", BinaryInputError),
        (b"PK\x03\x04zipdata", BinaryInputError),
        (b"\x1f\x8b\x08\x00gzip", BinaryInputError),
        (b"text with a \x00 NUL byte", BinaryInputError),
    ],
)
def test_ingest_sources_bad_files_become_failures(tmp_path: Path, content: bytes, error: type) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Atalanta beat Juventus 3-0 in the Coppa Italia.", encoding="utf-8")
    items = list(iter_documents([str(path), str(good)]))
    assert isinstance(items[0], SourceFailure)
    assert isinstance(items[0].error, error)
    assert isinstance(items[1], Document)


def test_ingest_sources_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    items = list(iter_documents([str(path)]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(items[0], SourceFailure)
    assert isinstance(items[0].error, InputTooLargeError)
    assert peak < 5 * 1024 * 1024


def test_ingest_sources_size_limit_comes_from_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TABELLINO_MAX_INPUT_BYTES", "100")
    path = tmp_path / "a.txt"
    path.write_text("x " * 80, encoding="utf-8")
    stdin_items = list(iter_documents(["-"], stdin=io.BytesIO(b"y " * 80)))
    file_items = list(iter_documents([str(path)]))
    for items in (stdin_items, file_items):
        assert isinstance(items[0], SourceFailure)
        assert isinstance(items[0].error, InputTooLargeError)


def test_ingest_sources_jsonl_line_over_the_limit_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TABELLINO_MAX_INPUT_BYTES", "200")
    path = tmp_path / "big.jsonl"
    long_line = '{"text": "' + "word " * 100 + '"}'
    path.write_text(f'{{"text": "short one"}}\n{long_line}\n{{"text": "after"}}\n', encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert [d.text for d in _docs(items)] == ["short one", "after"]
    [failure] = _failures(items)
    assert failure.source == f"{path}#2"
    assert isinstance(failure.error, InputTooLargeError)


def test_ingest_sources_invalid_utf8_is_decoded_with_a_fallback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Il Milan è caduto a Lecce: “sconfitta” pesante.".encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="tabellino.ingest.sources"):
        [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, Document)
    assert doc.text == "Il Milan è caduto a Lecce: “sconfitta” pesante."
    assert "cp1252" in caplog.text


def test_ingest_sources_bytes_cp1252_cannot_decode_fall_back_to_latin1(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Gol di Rossi \x81\x8d al 90'")
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, Document)
    assert doc.text.startswith("Gol di Rossi ")


def test_ingest_sources_utf8_bom_and_utf16_are_text(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffRoma beat Lazio.".encode())
    wide = tmp_path / "wide.txt"
    wide.write_bytes("Roma beat Lazio.".encode("utf-16"))
    texts = [d.text for d in _docs(list(iter_documents([str(bom), str(wide)])))]
    assert texts == ["Roma beat Lazio.", "Roma beat Lazio."]


def test_ingest_sources_empty_folder_and_malformed_json_file_do_not_raise(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": "unterminated', encoding="utf-8")
    items = list(iter_documents([str(empty), str(bad)]))
    [failure] = items
    assert isinstance(failure, SourceFailure)
    assert isinstance(failure.error, RecordError)
