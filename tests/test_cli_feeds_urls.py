"""URLs as inputs of `tabellino ingest` / `extract` and iter_documents: fetched, refused or failed each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import run_cli
from http_server import LoopbackServer, fast_policy
from stub_pipeline import StubPipeline

from tabellino.ingest.fetch import Fetcher
from tabellino.ingest.sources import SourceFailure, iter_documents
from tabellino.models import Article, Document


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def test_sources_read_urls_with_the_given_fetcher(server: LoopbackServer) -> None:
    urls = [
        server.url("/page/report-1"),
        server.url("/pdf"),
        server.url("/to-metadata"),
        server.url("/feed/summary.xml"),
    ]
    with Fetcher(fast_policy()) as fetcher:
        items = list(iter_documents(urls, fetcher=fetcher))
    page, pdf, private, feed = items
    assert isinstance(page, Document) and page.id == urls[0] and "Scamacca" in page.text
    assert page.url == urls[0] and page.outlet == "Touchline Weekly"
    assert isinstance(pdf, SourceFailure) and pdf.error.code == "T102"
    assert isinstance(private, SourceFailure) and private.error.code == "T401"
    assert isinstance(feed, SourceFailure) and "tabellino feeds add" in str(feed.error)


def test_sources_default_fetcher_refuses_loopback(server: LoopbackServer) -> None:
    (item,) = iter_documents([server.url("/page/report-1")])
    assert isinstance(item, SourceFailure) and item.error.code == "T401"
    assert server.hits == []


def test_cli_ingest_urls_goes_on_after_a_failure(
    server: LoopbackServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("tabellino.cli._pipeline", StubPipeline)
    db = ["--db", f"sqlite:///{tmp_path / 'urls.db'}"]
    urls = [server.url("/to-private"), server.url("/page/report-1"), server.url("/page/report-2")]
    result = run_cli(["ingest", "--allow-net", "127.0.0.1/32", *db, *urls], capsys)
    assert result.code == 1
    assert "refused to connect to 10.0.0.1: private address 10.0.0.1" in result.err
    assert "ingested 2, duplicates 0, failed 1" in result.out + result.err


def test_cli_extract_url_needs_the_allow_flag(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tabellino.cli._pipeline", StubPipeline)
    refused = run_cli(["extract", server.url("/page/report-1")], capsys)
    assert refused.code == 1 and "[T401]" in refused.err and refused.out == ""
    assert server.hits == []
    allowed = run_cli(["extract", "--allow-private", server.url("/page/report-1")], capsys)
    assert allowed.code == 0, allowed.err
    out = json.loads(allowed.out)
    assert (out["id"], out["matches"][0]["home"]) == (server.url("/page/report-1"), "Atalanta")


class _UrlStub(StubPipeline):
    """The stub pipeline, keeping the document's URL as the real cleaning step does."""

    def article(self, doc: Document) -> Article:
        article = super().article(doc)
        article.url = doc.url
        return article


def test_cli_ingest_same_url_twice_costs_a_304(
    server: LoopbackServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("tabellino.cli._pipeline", _UrlStub)
    args = ["ingest", "--allow-net", "127.0.0.0/8", "--db", f"sqlite:///{tmp_path / 'urls.db'}"]
    first = run_cli([*args, server.url("/page/report-1")], capsys)
    assert first.code == 0, first.err
    again = run_cli([*args, server.url("/page/report-1")], capsys)
    assert again.code == 0, again.err
    assert server.statuses("/page/report-1") == [200, 304]
    assert "ingested 0, duplicates 0, failed 0" in again.out
    assert "1 pages unchanged since stored (HTTP 304)" in again.out
