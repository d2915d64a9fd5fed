"""Which network addresses tabellino may connect to, checked where the connection is made.

A server running tabellino must not become a proxy into its own network: by default only public
(globally routable, unicast) addresses are reachable. Private, loopback, link-local, shared
(carrier NAT), multicast, reserved and unspecified addresses are refused, also when they hide
inside an IPv6 address (IPv4-mapped, 6to4, NAT64). An :class:`AddressPolicy` can allow chosen
networks (``127.0.0.0/8`` for a local test server) or every network (``--allow-private``).

The check happens in :class:`GuardedBackend`, the socket layer under httpx: it resolves the host,
checks every address and connects to an address it checked. A DNS answer that changes between an
earlier check and the connection (DNS rebinding) therefore cannot reach a refused address, and
every redirect hop is checked because every hop opens its connection here.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
from collections.abc import Iterable
from dataclasses import dataclass

import httpcore
import httpx

from tabellino.errors import FetchError

__all__ = [
    "ALL_NETWORKS",
    "AddressPolicy",
    "BlockedAddressError",
    "GuardedBackend",
    "GuardedTransport",
    "IPAddress",
    "IPNetwork",
    "checked_addresses",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALL_NETWORKS: tuple[IPNetwork, ...] = (ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0"))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_HINT = "pass --allow-private (or --allow-net CIDR) to fetch from such addresses"


class BlockedAddressError(FetchError):
    """The host is, or resolves to, an address the policy refuses (private, loopback, ...)."""

    code = "T401"


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """The non-public networks that may be reached anyway (none by default)."""

    allowed: tuple[IPNetwork, ...] = ()

    @classmethod
    def allowing(cls, networks: Iterable[str]) -> AddressPolicy:
        """Build a policy from CIDR strings (``127.0.0.0/8``, ``::1``); raise ValueError on a bad one."""
        parsed = []
        for text in networks:
            try:
                parsed.append(ipaddress.ip_network(text.strip(), strict=False))
            except ValueError:
                raise ValueError(f"not an IP network: {text!r} (expected e.g. 127.0.0.0/8)") from None
        return cls(tuple(parsed))

    @classmethod
    def allow_all(cls) -> AddressPolicy:
        """Return a policy that reaches every address (the ``--allow-private`` flag)."""
        return cls(ALL_NETWORKS)

    def refusal(self, address: str) -> str | None:
        """Return why ``address`` is refused (e.g. ``loopback address 127.0.0.1``), or None when allowed."""
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
        except ValueError:
            return f"unparseable address {address!r}"
        if any(ip in net for net in self.allowed):
            return None
        kind = _non_public_kind(ip)
        return f"{kind} address {address}" if kind else None


def _non_public_kind(ip: IPAddress) -> str | None:
    """Return what kind of non-public address ``ip`` is, or None for a public unicast address."""
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        kind = _non_public_kind(embedded)
        return f"{kind} (inside IPv6)" if kind else None
    checks = (
        (ip.is_loopback, "loopback"),
        (ip.is_link_local, "link-local"),
        (ip.is_multicast, "multicast"),
        (ip.is_unspecified, "unspecified"),
        (ip.is_reserved, "reserved"),
        (ip in _SHARED, "shared (carrier NAT)"),
        (ip.is_private, "private"),
        (not ip.is_global, "non-public"),
    )
    return next((name for hit, name in checks if hit), None)


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """Return the IPv4 address an IPv6 address carries (mapped, 6to4, NAT64), else None."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def resolve(host: str, port: int) -> list[str]:
    """Return the addresses ``host`` resolves to, in resolver order, without repeats."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from None
    seen: dict[str, None] = {}
    for info in infos:
        seen.setdefault(str(info[4][0]), None)
    return list(seen)


def checked_addresses(host: str, port: int, policy: AddressPolicy) -> list[str]:
    """Resolve ``host`` and return the addresses the policy allows; raise when it allows none."""
    addresses = resolve(host, port)
    allowed = [a for a in addresses if policy.refusal(a) is None]
    if allowed:
        return allowed
    first = addresses[0] if addresses else host
    how = "" if first == host else "it resolves to "
    raise BlockedAddressError(f"refused to connect to {host}: {how}{policy.refusal(first)}; {_HINT}")


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses the policy allows."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        """Resolve and check ``host``, then connect to the first checked address that answers."""
        error: Exception | None = None
        for address in checked_addresses(host, port, self.policy):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None  # checked_addresses never returns an empty list
        raise error


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """Return the TLS context (certificate bundle loaded once per process: it takes a tenth of a second)."""
    return httpx.create_ssl_context(trust_env=False)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over a :class:`GuardedBackend`, ignoring proxy settings from the environment."""

    def __init__(self, policy: AddressPolicy) -> None:
        super().__init__(verify=_ssl_context(), trust_env=False)
        # HTTPTransport takes no network backend, so its (unopened) pool is replaced by one that has it.
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=10,
            max_keepalive_connections=5,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(policy),
        )
