"""WARC archives: HTML responses become documents with their URL; the rest is counted; cuts fail once."""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

import pytest
from archive_fixtures import SITE, Record, crawl, page_html, response, warc_bytes

from tabellino.errors import InputError, InputTooLargeError
from tabellino.ingest.sources import SourceFailure, SourceSkip, iter_documents
from tabellino.models import Document

SLUGS = ["torino-genoa", "everton-brighton", "lecce-cagliari"]
SKIPS = {
    "warcinfo records": 1,
    "request records": 3,
    "metadata records": 1,
    "responses that are not HTML": 1,
    "responses with an HTTP status other than 2xx": 1,
}


def _read(path: Path) -> tuple[list[Document], list[SourceFailure], dict[str, int]]:
    docs: list[Document] = []
    failures: list[SourceFailure] = []
    skips: dict[str, int] = {}
    for item in iter_documents([str(path)]):
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, SourceSkip):
            skips[item.reason] = skips.get(item.reason, 0) + item.count
        else:
            failures.append(item)
    return docs, failures, skips


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "gzipped-whole.warc.gz", "no-suffix.gz"])
def test_ingest_archives_warc_html_responses_become_documents(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = warc_bytes(crawl(SLUGS), compress=name == "crawl.warc.gz")  # gzip per record: the standard
    path.write_bytes(data if name.startswith("crawl") else gzip.compress(data))  # or the whole file
    docs, failures, skips = _read(path)
    assert failures == []
    assert [d.url for d in docs] == [SITE + slug for slug in SLUGS]
    assert [d.id for d in docs] == [f"{path}#3", f"{path}#5", f"{path}#7"]  # N counts every record
    assert docs[0].text.splitlines()[0] == "Torino edge Genoa with a late header"
    assert "Torino beat Genoa 2-1" in docs[0].text
    assert "cookies" not in docs[0].text  # the page's chrome is gone
    assert docs[2].language == "it"
    assert skips == SKIPS


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize("fraction", [0.55, 0.7, 0.85, 0.99])
def test_ingest_archives_warc_cut_in_the_middle_keeps_what_was_read(
    tmp_path: Path, compress: bool, fraction: float
) -> None:
    data = warc_bytes([response(slug) for slug in SLUGS], compress)
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(data[: int(len(data) * fraction)])
    good = tmp_path / "after.txt"
    good.write_text("Torino beat Genoa 2-1 on Sunday.", encoding="utf-8")
    items = list(iter_documents([str(path), str(good)]))
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, SourceFailure)]
    assert len(failures) == 1
    assert failures[0].source.startswith(str(path))
    assert "cut short" in str(failures[0].error)
    read = [d.url for d in docs if d.id.startswith(str(path))]
    assert read == [SITE + slug for slug in SLUGS[: len(read)]]  # every record before the cut, in order
    assert 1 <= len(read) < len(SLUGS)
    assert docs[-1].id == str(good)  # the run goes on


def test_ingest_archives_warc_record_charset_and_encodings_are_honoured(tmp_path: Path) -> None:
    latin = "<html><body><article><h1>Il Lecce è primo</h1><p>{}</p></article></body></html>".format(
        "Il Lecce batte il Cagliari: una vittoria così non arrivava da più di due stagioni intere. " * 3
    )
    body = gzip.compress(latin.encode("latin-1"))
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    records = [
        Record(
            "response",
            SITE + "latin",
            chunked,
            "text/html; charset=iso-8859-1",
            headers=[("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
        )
    ]
    path = tmp_path / "enc.warc"
    path.write_bytes(warc_bytes(records, compress=False))
    docs, failures, _ = _read(path)
    assert failures == []
    assert "Il Lecce è primo" in docs[0].text
    assert "così" in docs[0].text


def test_ingest_archives_warc_bad_records_fail_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    padding = b"<!-- " + b"x" * 100_000 + b" -->"
    big = Record("response", SITE + "big", page_html("everton-brighton") + padding)
    records = [
        response("torino-genoa"),
        Record("response", SITE + "pdf", b"%PDF-1.7\n" + b"x" * 200, "text/html"),
        Record("response", SITE + "empty", b"<html><body><script>var a = 1;</script></body></html>"),
        big,
        response("lecce-cagliari"),
    ]
    path = tmp_path / "mixed.warc"
    path.write_bytes(warc_bytes(records, compress=False))
    monkeypatch.setenv("TABELLINO_MAX_INPUT_BYTES", str(len(big.body) - len(padding) // 2))
    docs, failures, _ = _read(path)
    assert [d.url for d in docs] == [SITE + "torino-genoa", SITE + "lecce-cagliari"]
    assert [f.source for f in failures] == [f"{path}#2", f"{path}#3", f"{path}#4"]
    assert all(isinstance(f.error, InputError) for f in failures)
    assert isinstance(failures[2].error, InputTooLargeError)


@pytest.mark.parametrize("content", [b"", b"this is not an archive at all\n" * 5, b"WARC/1.0\r\nbroken"])
def test_ingest_archives_warc_unreadable_file_is_one_failure(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(content)
    [failure] = list(iter_documents([str(path)]))
    assert isinstance(failure, SourceFailure)
    assert isinstance(failure.error, InputError)
    assert str(path) in str(failure.error)


def test_ingest_archives_warc_is_streamed_not_held_whole(tmp_path: Path) -> None:
    padding = b"<!-- " + b"archived page " * 20_000 + b" -->"  # pages of ~300 KB, as crawls hold
    records = [Record("response", f"{SITE}{i}", page_html(SLUGS[i % 3]) + padding) for i in range(40)]
    path = tmp_path / "large.warc.gz"
    path.write_bytes(warc_bytes(records, compress=True))
    raw_size = sum(len(r.body) for r in records)
    tracemalloc.start()
    try:
        count = sum(isinstance(item, Document) for item in iter_documents([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 40
    assert peak < raw_size / 4, f"peak {peak:,} bytes for {raw_size:,} bytes of pages"


def test_ingest_archives_warc_on_stdin(tmp_path: Path) -> None:
    import io

    data = warc_bytes([response("torino-genoa")], compress=False)
    items = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert [i.url for i in items if isinstance(i, Document)] == [SITE + "torino-genoa"]
    gz_items = list(iter_documents(["-"], stdin=io.BytesIO(gzip.compress(data))))
    assert [i.url for i in gz_items if isinstance(i, Document)] == [SITE + "torino-genoa"]


def test_ingest_archives_page_helper_builds_html() -> None:
    assert page_html("torino-genoa").startswith(b"<!DOCTYPE html>")
