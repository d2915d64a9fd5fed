"""Bad or odd HTML input gives a clear tabellino error or a document, never a crash.

Cases are in tests/data/html/bad_inputs.json (refused inputs and odd pages that must still read),
charsets.json (pages whose charset is declared wrongly or not at all) and sniff.json.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest

from tabellino import errors
from tabellino.ingest.html import html_document, looks_like_html
from tabellino.ingest.sources import SourceFailure, iter_documents
from tabellino.models import Document

DATA = Path(__file__).parent / "data" / "html"
BAD: dict[str, Any] = json.loads((DATA / "bad_inputs.json").read_text(encoding="utf-8"))
CHARSETS: list[dict[str, Any]] = json.loads((DATA / "charsets.json").read_text(encoding="utf-8"))["cases"]
SNIFF: dict[str, list[str]] = json.loads((DATA / "sniff.json").read_text(encoding="utf-8"))


def as_bytes(case: dict[str, Any]) -> bytes:
    """Return a case's input bytes (its text holds one byte per code point)."""
    return case["text"].encode("latin-1") * case.get("repeat", 1)


@pytest.mark.parametrize("case", BAD["cases"], ids=lambda c: c["id"])
def test_ingest_html_bad_input_raises_a_clear_error(case: dict[str, Any]) -> None:
    expected = getattr(errors, case["error"])
    with pytest.raises(errors.InputError) as raised:
        html_document(as_bytes(case), "page.html")
    assert type(raised.value) is expected
    assert case["says"] in str(raised.value)
    assert "page.html" in str(raised.value)


@pytest.mark.parametrize("case", BAD["readable"], ids=lambda c: c["id"])
def test_ingest_html_odd_pages_still_read(case: dict[str, Any]) -> None:
    doc = html_document(as_bytes(case), "page.html")
    assert case["has"] in doc.text


def test_ingest_html_odd_metadata_is_ignored() -> None:
    (case,) = [c for c in BAD["readable"] if c["id"] == "odd-metadata"]
    doc = html_document(as_bytes(case), "page.html")
    assert (doc.language, doc.author, doc.url) == (None, None, None)


def test_ingest_html_deep_nesting_does_not_crash() -> None:
    page = (
        b"<html><body>" + b"<div>" * 20000 + b"<p>Inter beat Milan 2-1 at San Siro.</p>" + b"</div>" * 20000
    )
    try:
        doc = html_document(page, "deep.html")
    except errors.InputError:
        return
    assert isinstance(doc, Document)


def page_bytes(case: dict[str, Any]) -> bytes:
    """Build a page around a charset case's text, encoded as the case says."""
    head = case["head"]
    prolog = f'<?xml version="1.0" encoding="{case["bytes_as"]}"?>\n' if case.get("xml") else ""
    page = (
        f"{prolog}<!DOCTYPE html><html><head>{head}<title>Match report</title></head>"
        f"<body><article><p>{case['text']}</p><p>{case['text']}</p></article></body></html>"
    )
    data = page.encode(case["bytes_as"])
    if case.get("bom") and case["bytes_as"] == "utf-8":
        data = codecs.BOM_UTF8 + data
    return data


@pytest.mark.parametrize("case", CHARSETS, ids=lambda c: c["id"])
def test_ingest_html_charset(case: dict[str, Any]) -> None:
    doc = html_document(page_bytes(case), "page.html", content_type=case.get("header"))
    assert case["text"] in doc.text


@pytest.mark.parametrize("text", SNIFF["html"])
def test_ingest_html_sniffs_pages(text: str) -> None:
    assert looks_like_html(text.encode("utf-8"))


def test_ingest_html_sniffs_utf16_pages() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body></body></html>".encode("utf-16"))


@pytest.mark.parametrize("text", SNIFF["not_html"])
def test_ingest_html_sniff_refuses_other_input(text: str) -> None:
    assert not looks_like_html(text.encode("utf-8"))


@pytest.mark.parametrize("suffix", [".html", ".htm", ".xhtml"])
def test_ingest_html_folder_goes_on_after_a_bad_page(tmp_path: Path, suffix: str) -> None:
    (tmp_path / f"a{suffix}").write_bytes(b"%PDF-1.4 not a page")
    (tmp_path / f"b{suffix}").write_bytes(b"<html><body><script>x()</script></body></html>")
    good = "<html><body><article><p>Inter beat Milan 2-1 at San Siro on Sunday.</p></article></body></html>"
    (tmp_path / f"c{suffix}").write_text(good, encoding="utf-8")
    items = list(iter_documents([str(tmp_path)]))
    assert [type(i) for i in items] == [SourceFailure, SourceFailure, Document]
    failures = [i for i in items if isinstance(i, SourceFailure)]
    assert isinstance(failures[0].error, errors.BinaryInputError)
    assert isinstance(failures[1].error, errors.EmptyInputError)
    assert isinstance(items[2], Document) and "Inter beat Milan 2-1" in items[2].text
