"""Fetching from a real loopback server: pages, validators, redirects, retries, limits, robots.txt."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from http_server import SHORT_TIMEOUTS, LoopbackServer, fast_policy

from tabellino.errors import FetchError
from tabellino.ingest.fetch import Fetcher, RobotsDisallowedError, Validators, user_agent

FAILURES = json.loads((Path(__file__).parent / "data" / "fetch_failures.json").read_text(encoding="utf-8"))


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


@pytest.fixture
def sleeps() -> list[float]:
    """The waits the fetcher asked for (recorded, not slept)."""
    return []


@pytest.fixture
def fetcher(sleeps: list[float]) -> Iterator[Fetcher]:
    with Fetcher(fast_policy(), sleep=sleeps.append) as made:
        yield made


def test_fetch_page_sends_user_agent_and_returns_validators(server: LoopbackServer, fetcher: Fetcher) -> None:
    result = fetcher.fetch(server.url("/page/report-1"))
    assert result.status == 200
    assert b"Atalanta beat Juventus" in result.content
    assert result.content_type == "text/html; charset=utf-8"
    assert result.validators.etag and result.validators.last_modified
    sent = server.hits[-1].headers
    assert sent["user-agent"] == user_agent() and sent["user-agent"].startswith("tabellino/")
    assert sent["accept"].startswith("text/html")


def test_fetch_unchanged_page_answers_304_with_no_body(server: LoopbackServer, fetcher: Fetcher) -> None:
    first = fetcher.fetch(server.url("/page/report-1"))
    again = fetcher.fetch(server.url("/page/report-1"), validators=first.validators)
    assert again.not_modified and again.content == b""
    only_date = fetcher.fetch(
        server.url("/page/report-1"), validators=Validators(last_modified=first.validators.last_modified)
    )
    assert only_date.not_modified
    assert server.statuses("/page/report-1") == [200, 304, 304]


def test_fetch_follows_redirects_and_reports_final_url(server: LoopbackServer, fetcher: Fetcher) -> None:
    result = fetcher.fetch(server.url("/redirect/3/page/report-2"))
    assert result.url == server.url("/redirect/3/page/report-2")
    assert result.final_url == server.url("/page/report-2")
    assert b"Napoli" in result.content


def test_fetch_retries_429_honouring_retry_after(
    server: LoopbackServer, fetcher: Fetcher, sleeps: list[float]
) -> None:
    result = fetcher.fetch(server.url("/flaky"))
    assert result.status == 200
    assert server.statuses("/flaky") == [429, 200]
    assert sleeps == [1.0]


def test_fetch_gives_up_on_500_after_backoff(
    server: LoopbackServer, fetcher: Fetcher, sleeps: list[float]
) -> None:
    with pytest.raises(FetchError, match="HTTP 500"):
        fetcher.fetch(server.url("/error"))
    assert server.count("/error") == 3
    assert sleeps == [0.01, 0.02]


@pytest.mark.parametrize("case", FAILURES, ids=[c["path"] for c in FAILURES])
def test_fetch_failure_is_a_clear_fetch_error(server: LoopbackServer, case: dict[str, Any]) -> None:
    with (
        Fetcher(fast_policy(**SHORT_TIMEOUTS), sleep=lambda _: None) as fetcher,
        pytest.raises(FetchError) as raised,
    ):
        fetcher.fetch(server.url(case["path"]))
    assert case["error"] in str(raised.value)
    assert str(raised.value).startswith("[T400]")


def test_fetch_respects_robots_txt_without_requesting_the_page(
    server: LoopbackServer, fetcher: Fetcher
) -> None:
    with pytest.raises(RobotsDisallowedError, match=r"robots\.txt"):
        fetcher.fetch(server.url("/private/report-1"))
    fetcher.fetch(server.url("/page/report-1"))
    assert server.count("/private/report-1") == 0
    assert server.count("/robots.txt") == 1  # read once per host


def test_fetch_missing_robots_allows_everything(server: LoopbackServer, fetcher: Fetcher) -> None:
    server.robots_status = 404
    assert fetcher.fetch(server.url("/private/report-1")).status == 200


def test_fetch_failing_robots_fetches_nothing_from_the_site(server: LoopbackServer, fetcher: Fetcher) -> None:
    server.robots_status = 500
    for _ in range(2):
        with pytest.raises(FetchError, match=r"robots\.txt could not be read \(HTTP 500\)"):
            fetcher.fetch(server.url("/page/report-1"))
    assert server.count("/page/report-1") == 0
    assert server.count("/robots.txt") == 3  # retried within the first fetch, then remembered for a while


def test_fetch_robots_can_be_turned_off(server: LoopbackServer) -> None:
    with Fetcher(fast_policy(robots=False)) as fetcher:
        assert fetcher.fetch(server.url("/private/report-1")).status == 200
    assert server.count("/robots.txt") == 0


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "http:///nohost", "not a url"])
def test_fetch_refuses_urls_that_are_not_http(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchError):
        fetcher.fetch(url)
