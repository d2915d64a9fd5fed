"""`tabellino feeds add / list / remove` and `tabellino watch` through the real entry point."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import Run, run_cli
from http_server import LoopbackServer
from stub_pipeline import StubPipeline

LOOPBACK = ["--allow-net", "127.0.0.0/8"]


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A fresh database, the stub pipeline, and no retries (no waits between attempts)."""
    monkeypatch.setattr("tabellino.cli._pipeline", StubPipeline)
    monkeypatch.setenv("TABELLINO_FETCH_READ_TIMEOUT", "5")
    monkeypatch.setenv("TABELLINO_FETCH_RETRIES", "0")
    return ["--db", f"sqlite:///{tmp_path / 'feeds.db'}"]


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> Run:
    return run_cli(args, capsys)


def test_cli_feeds_add_list_remove(db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://news.example/rss.xml"
    assert _cli(["feeds", "add", url, *db], capsys).out == f"added feed {url}\n"
    assert _cli(["feeds", "add", url, *db], capsys).out == f"already registered: {url}\n"
    listed = _cli(["feeds", "list", "--format", "json", *db], capsys)
    assert [(f["url"], f["checked"], f["items"]) for f in json.loads(listed.out)] == [(url, None, 0)]
    assert "never checked" in _cli(["feeds", "list", *db], capsys).out
    assert _cli(["feeds", "remove", url, *db], capsys).out == f"removed feed {url}\n"
    gone = _cli(["feeds", "remove", url, *db], capsys)
    assert gone.code == 1 and "no such feed" in gone.err
    assert "no feeds registered" in _cli(["feeds", "list", *db], capsys).out


@pytest.mark.parametrize(
    "args",
    [
        ["feeds", "add", "ftp://news.example/rss"],
        ["feeds", "add", "news.example/rss"],
        ["watch", "--every", "soon"],
        ["watch", "--every", "1s"],
        ["watch", "--allow-net", "10.0.0.0/33"],
    ],
)
def test_cli_feeds_bad_values_are_usage_errors(
    db: list[str], capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    result = _cli([*args, *db], capsys)
    assert result.code == 2 and result.err.startswith("error: ") and "Traceback" not in result.err


def test_cli_watch_without_feeds_says_so(db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    result = _cli(["watch", *db], capsys)
    assert result.code == 1 and "no feeds registered" in result.err


def test_cli_watch_twice_fetches_nothing_new(
    server: LoopbackServer, db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _cli(["feeds", "add", server.url("/feed/summary.xml"), *db], capsys)
    first = _cli(["watch", *LOOPBACK, *db], capsys)
    assert first.code == 0, first.err
    assert f"fetched  {server.url('/page/report-1')}" in first.out
    assert "ingested 2," in first.out
    requests_before = len(server.hits)

    second = _cli(["watch", *LOOPBACK, *db], capsys)
    assert second.code == 0, second.err
    new = server.hits[requests_before:]
    assert [(h.path, h.status) for h in new if h.path != "/robots.txt"] == [("/feed/summary.xml", 304)]
    assert f"skipped  {server.url('/feed/summary.xml')}: unchanged (304)" in second.out
    assert "fetched 0, skipped 1" in second.out and "ingested 0, duplicates 0" in second.out
    listed = json.loads(_cli(["feeds", "list", "--format", "json", *db], capsys).out)
    assert (listed[0]["title"], listed[0]["items"], listed[0]["status"]) == (
        "Touchline Weekly - Serie A",
        2,
        "skipped",
    )


def test_cli_watch_reports_failures_and_goes_on(
    server: LoopbackServer, db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    for path in ("/error", "/feed/not-a-feed.xml", "/feed/summary.xml"):
        _cli(["feeds", "add", server.url(path), *db], capsys)
    result = _cli(["watch", *LOOPBACK, *db], capsys)
    assert result.code == 1
    assert f"error: [T400] {server.url('/error')}: HTTP 500" in result.err
    assert "not an RSS or Atom feed" in result.err
    assert "failed 2" in result.out and "ingested 2," in result.out


def test_cli_watch_refuses_loopback_without_the_flag(
    server: LoopbackServer, db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _cli(["feeds", "add", server.url("/feed/summary.xml"), *db], capsys)
    result = _cli(["watch", *db], capsys)
    assert result.code == 1 and "[T401] refused to connect to 127.0.0.1: loopback address" in result.err
    assert server.hits == []
    assert _cli(["watch", "--allow-private", *db], capsys).code == 0


def test_cli_watch_every_polls_until_interrupted(
    server: LoopbackServer, db: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("tabellino.cli_feeds._sleep", sleep)
    _cli(["feeds", "add", server.url("/feed/summary.xml"), *db], capsys)
    result = _cli(["watch", "--every", "10m", *LOOPBACK, *db], capsys)
    assert result.code == 130 and waits == [600.0, 600.0]
    assert result.out.count("-- pass at") == 2
    assert server.statuses("/feed/summary.xml") == [200, 304]
    once = _cli(["watch", "--every", "10m", "--once", *LOOPBACK, *db], capsys)
    assert once.code == 0 and len(waits) == 2
