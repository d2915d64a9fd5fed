"""Refusing private, loopback and link-local addresses: by address, after DNS, on redirects, on rebinding."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from http_server import LoopbackServer, fast_policy

from tabellino.ingest.addresses import AddressPolicy, BlockedAddressError, checked_addresses
from tabellino.ingest.fetch import Fetcher, FetchPolicy

CASES = json.loads((Path(__file__).parent / "data" / "fetch_addresses.json").read_text(encoding="utf-8"))


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


@pytest.mark.parametrize("case", CASES, ids=[f"{c['address']}-{'+'.join(c['allow'])}" for c in CASES])
def test_fetch_address_policy_refuses_non_public_addresses(case: dict[str, Any]) -> None:
    refusal = AddressPolicy.allowing(case["allow"]).refusal(case["address"])
    if case["refused"] is None:
        assert refusal is None
    else:
        assert refusal == f"{case['refused']} address {case['address']}"


def test_fetch_refuses_loopback_without_the_allow_flag(server: LoopbackServer) -> None:
    policy = fast_policy(addresses=AddressPolicy())
    refused = pytest.raises(BlockedAddressError, match=r"loopback address 127\.0\.0\.1")
    with Fetcher(policy) as fetcher, refused:
        fetcher.fetch(server.url("/page/report-1"))
    assert server.hits == []  # not even robots.txt was asked for


def test_fetch_refuses_a_name_that_resolves_to_loopback(server: LoopbackServer) -> None:
    with pytest.raises(BlockedAddressError, match="localhost: it resolves to"):
        checked_addresses("localhost", 80, AddressPolicy())
    with Fetcher(fast_policy(addresses=AddressPolicy())) as fetcher, pytest.raises(BlockedAddressError):
        fetcher.fetch(server.url("/page/report-1").replace("127.0.0.1", "localhost"))
    assert server.hits == []


@pytest.mark.parametrize(
    ("path", "refused"),
    [("/to-private", "private address 10.0.0.1"), ("/to-metadata", "link-local address 169.254.169.254")],
)
def test_fetch_refuses_a_redirect_to_another_private_range(
    server: LoopbackServer, path: str, refused: str
) -> None:
    # Loopback is allowed for the test server; the redirect target is another private range.
    with Fetcher(fast_policy()) as fetcher, pytest.raises(BlockedAddressError, match=re.escape(refused)):
        fetcher.fetch(server.url(path))
    assert server.statuses(path) == [302]


def test_fetch_allow_all_reaches_loopback(server: LoopbackServer) -> None:
    with Fetcher(fast_policy(addresses=AddressPolicy.allow_all())) as fetcher:
        assert fetcher.fetch(server.url("/page/report-1")).status == 200


def test_fetch_connects_only_to_the_address_it_checked(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name resolves to a public address when checked, to loopback when connecting."""
    real = socket.getaddrinfo
    answers = iter(["93.184.216.34"])

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    url = f"http://rebind.test:{server.url('').rsplit(':', 1)[1]}/page/report-1"
    refused = pytest.raises(BlockedAddressError, match=r"rebind\.test: it resolves to loopback")
    # Without robots.txt the first lookup is the URL check and the second the connection's own.
    with Fetcher(FetchPolicy(robots=False, connect_timeout=1.0, read_timeout=0.5)) as fetcher, refused:
        fetcher.fetch(url)
    assert server.hits == []


def test_fetch_address_policy_rejects_a_bad_network() -> None:
    with pytest.raises(ValueError, match="not an IP network"):
        AddressPolicy.allowing(["10.0.0.0/33"])
