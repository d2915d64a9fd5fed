"""Compressed files and folder walks: .jsonl.gz streamed, .gz by what it holds, bad data fails alone."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from archive_fixtures import PAGES, SITE, crawl, page_html, warc_bytes

from tabellino.errors import InputError, RecordError
from tabellino.ingest.sources import SourceFailure, SourceSkip, iter_documents
from tabellino.models import Document


def _jsonl(records: list[object]) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode("utf-8") + b"\n"


RECORDS = [{"id": p["slug"], "text": p["text"], "url": SITE + p["slug"]} for p in PAGES]


def test_ingest_archives_jsonl_gz_streams_records_and_a_bad_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl([RECORDS[0], "{not json", RECORDS[1], {"no": "text"}, RECORDS[2]])))
    items = list(iter_documents([str(path)]))
    assert [i.id for i in items if isinstance(i, Document)] == [p["slug"] for p in PAGES[:3]]
    failures = [i for i in items if isinstance(i, SourceFailure)]
    assert [f.source for f in failures] == [f"{path}#2", f"{path}#4"]
    assert all(isinstance(f.error, RecordError) for f in failures)


def test_ingest_archives_jsonl_gz_cut_short_keeps_the_lines_read(tmp_path: Path) -> None:
    data = gzip.compress(_jsonl(RECORDS * 20))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = list(iter_documents([str(path)]))
    docs = [i for i in items if isinstance(i, Document)]
    assert docs and [d.id for d in docs] == [r["id"] for r in (RECORDS * 20)[: len(docs)]]
    [failure] = [i for i in items if isinstance(i, SourceFailure)]
    assert failure.source == str(path)
    assert "cut short or damaged" in str(failure.error)


@pytest.mark.parametrize("name", ["export.jsonl.gz", "page.html.gz", "crawl.warc.gz", "notes.gz"])
def test_ingest_archives_gz_that_is_not_gzip_is_one_clear_failure(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(_jsonl(RECORDS[:1]))  # plain, not compressed
    good = tmp_path / "good.txt"
    good.write_text("Torino beat Genoa 2-1 on Sunday.", encoding="utf-8")
    items = list(iter_documents([str(path), str(good)]))
    assert isinstance(items[0], SourceFailure)
    assert isinstance(items[0].error, InputError)
    assert "not gzip" in str(items[0].error)
    assert isinstance(items[1], Document)


@pytest.mark.parametrize(
    ("name", "content", "first_line"),
    [
        ("page.html.gz", page_html("torino-genoa"), "Torino edge Genoa with a late header"),
        ("report.txt.gz", b"Everton and Brighton drew 1-1 on Saturday.", "Everton and Brighton drew 1-1"),
        ("export.json.gz", json.dumps(RECORDS[2]).encode(), "Il Lecce batte il Cagliari nel recupero"),
        ("unnamed.gz", _jsonl(RECORDS[:1]), "Torino edge Genoa with a late header"),
    ],
)
def test_ingest_archives_gz_is_read_as_what_it_holds(
    tmp_path: Path, name: str, content: bytes, first_line: str
) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(content))
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, Document)
    assert doc.text.startswith(first_line)


def test_ingest_archives_gz_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TABELLINO_MAX_INPUT_BYTES", "100000")
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"goal " * 1_000_000))  # 5 MB from a few KB
    [failure] = list(iter_documents([str(path)]))
    assert isinstance(failure, SourceFailure)
    assert "once decompressed" in str(failure.error)


def test_ingest_archives_folder_walk_reads_every_kind_recursively(tmp_path: Path) -> None:
    (tmp_path / "site" / "2026" / "01").mkdir(parents=True)
    (tmp_path / "site" / "2026" / "01" / "torino-genoa.html").write_bytes(page_html("torino-genoa"))
    (tmp_path / "site" / "everton-brighton.htm").write_bytes(page_html("everton-brighton"))
    (tmp_path / "crawl.warc").write_bytes(warc_bytes(crawl(["lecce-cagliari"]), compress=False))
    (tmp_path / "crawl2.warc.gz").write_bytes(warc_bytes(crawl(["weather"]), compress=True))
    (tmp_path / "export.jsonl.gz").write_bytes(gzip.compress(_jsonl(RECORDS[:2])))
    (tmp_path / "backup.tar.gz").write_bytes(gzip.compress(b"not read"))
    (tmp_path / "table.csv.gz").write_bytes(gzip.compress(b"a,b\n1,2\n"))
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.html").write_bytes(page_html("weather"))
    items = list(iter_documents([str(tmp_path)]))
    docs = [i for i in items if isinstance(i, Document)]
    assert not [i for i in items if isinstance(i, SourceFailure)]
    files = sorted({Path(d.id.split("#")[0]).name for d in docs if "/" in d.id})
    assert files == ["crawl.warc", "crawl2.warc.gz", "everton-brighton.htm", "torino-genoa.html"]
    assert [d.id for d in docs if "/" not in d.id] == ["torino-genoa", "everton-brighton"]  # the JSONL ids
    # per crawl: warcinfo, request, image, 404 and metadata records are passed over and counted
    assert sum(i.count for i in items if isinstance(i, SourceSkip)) == 2 * 5


def test_ingest_archives_gzip_on_stdin_is_read_as_its_content() -> None:
    data = gzip.compress(_jsonl(RECORDS[:2]))
    items = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert [i.id for i in items if isinstance(i, Document)] == ["torino-genoa", "everton-brighton"]
