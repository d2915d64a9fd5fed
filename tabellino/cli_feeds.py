"""The feed commands: ``feeds add / list / remove`` and ``watch`` (registered in :mod:`tabellino.cli`).

``watch`` polls every registered feed once (or every ``--every`` interval), ingests the new items
through the same pipeline and store as ``ingest``, and prints what it fetched, skipped and failed.
Fetching refuses private, loopback and link-local addresses unless ``--allow-private`` (every
network) or ``--allow-net CIDR`` (chosen networks) is given.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from tabellino.cli_options import db_option

if TYPE_CHECKING:
    from tabellino.ingest.addresses import IPNetwork
    from tabellino.ingest.fetch import Fetcher
    from tabellino.ingest.watch import WatchReport

__all__ = ["feeds", "fetch_options", "make_fetcher", "url_fetcher", "watch"]

MIN_EVERY = 10.0  # seconds: polling faster than this is not polite to any outlet
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$", re.IGNORECASE)
_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}
_sleep: Callable[[float], None] = time.sleep  # replaced in tests


# -- options shared with other fetching commands -----------------------------------------------


def _check_networks(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> list[IPNetwork]:
    """Validate ``--allow-net`` values as IP networks."""
    from tabellino.ingest.addresses import AddressPolicy

    try:
        return list(AddressPolicy.allowing(values).allowed)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def fetch_options(func: Any) -> Any:
    """Add ``--allow-private`` and ``--allow-net CIDR`` to a command that fetches URLs."""
    func = click.option(
        "--allow-net",
        "allow_nets",
        multiple=True,
        metavar="CIDR",
        callback=_check_networks,
        help="Also fetch from this non-public network (repeatable), e.g. 127.0.0.0/8 for a local server.",
    )(func)
    return click.option(
        "--allow-private",
        is_flag=True,
        help="Fetch from private, loopback and link-local addresses too (refused by default, so that "
        "tabellino on a server cannot be made to reach into its own network).",
    )(func)


def make_fetcher(allow_private: bool, allow_nets: Sequence[IPNetwork]) -> Fetcher:
    """Return a fetcher with the settings' limits and the address policy the options ask for."""
    from tabellino.ingest.addresses import AddressPolicy
    from tabellino.ingest.fetch import Fetcher, FetchPolicy

    addresses = AddressPolicy.allow_all() if allow_private else AddressPolicy(tuple(allow_nets))
    return Fetcher(FetchPolicy.from_settings(addresses))


def url_fetcher(
    allow_private: bool,
    allow_nets: Sequence[IPNetwork],
    inputs: Sequence[str] = (),
    db_url: str | None = None,
) -> Fetcher | None:
    """Return the fetcher for the URLs among ``inputs``, or None when the default one will do.

    With ``db_url``, the fetcher keeps validators in that database, so a page stored before is asked
    for with ``If-None-Match`` / ``If-Modified-Since`` and costs nothing when unchanged.
    """
    has_urls = any(name.lower().startswith(("http://", "https://")) for name in inputs)
    if db_url is not None and has_urls:
        from tabellino.store.feeds import StoredValidators, open_feeds_db

        fetcher = make_fetcher(allow_private, allow_nets)
        fetcher.cache = StoredValidators(open_feeds_db(db_url))
        return fetcher
    return make_fetcher(allow_private, allow_nets) if allow_private or allow_nets else None


def _check_feed_url(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Validate a feed URL: http(s) with a host."""
    from urllib.parse import urlsplit

    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise click.BadParameter(f"not a feed URL: {value!r} (expected http:// or https://host/...)")
    return url


# -- feeds -------------------------------------------------------------------------------------


@click.group()
def feeds() -> None:
    """Register the RSS / Atom feeds that 'tabellino watch' polls."""


@feeds.command("add")
@click.argument("url", callback=_check_feed_url)
@db_option
def feeds_add(url: str, db_url: str) -> int:
    """Register a feed URL (nothing is fetched until 'tabellino watch')."""
    from tabellino.store.feeds import add_feed, open_feeds_db

    if add_feed(open_feeds_db(db_url), url):
        click.echo(f"added feed {url}")
    else:
        click.echo(f"already registered: {url}")
    return 0


@feeds.command("list")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def feeds_list(db_url: str, fmt: str) -> int:
    """List the registered feeds with the outcome of their last check."""
    import json

    from tabellino.store.feeds import list_feeds, open_feeds_db

    rows = list_feeds(open_feeds_db(db_url))
    if fmt == "json":
        click.echo(json.dumps([row.to_json() for row in rows], ensure_ascii=False, indent=2))
    elif not rows:
        click.echo("no feeds registered; add one with 'tabellino feeds add URL'")
    for row in rows if fmt == "table" else []:
        checked = (
            row.checked_at.isoformat(sep=" ", timespec="minutes") + " UTC"
            if row.checked_at
            else "never checked"
        )
        state = f"{row.status}: {row.error}" if row.error else row.status or ""
        click.echo(
            f"{row.url}  {row.title or '(no title yet)'}  {row.items} items  {checked}  {state}".rstrip()
        )
    return 0


@feeds.command("remove")
@click.argument("url", callback=_check_feed_url)
@db_option
def feeds_remove(url: str, db_url: str) -> int:
    """Forget a feed and the items seen in it (stored articles stay)."""
    from tabellino.store.feeds import open_feeds_db, remove_feed

    if not remove_feed(open_feeds_db(db_url), url):
        raise click.ClickException(f"no such feed: {url} (see 'tabellino feeds list')")
    click.echo(f"removed feed {url}")
    return 0


# -- watch -------------------------------------------------------------------------------------


def _check_every(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """Read a duration such as ``90``, ``30s``, ``10m`` or ``1h`` into seconds."""
    if value is None:
        return None
    found = _DURATION.match(value)
    if found is None:
        raise click.BadParameter(f"invalid duration {value!r}: use e.g. 30s, 10m or 1h")
    seconds = float(found.group(1)) * _UNITS[found.group(2).lower()]
    if seconds < MIN_EVERY:
        raise click.BadParameter(f"{value!r} is too often: poll at most every {MIN_EVERY:g} s")
    return seconds


@click.command()
@click.option(
    "--every",
    callback=_check_every,
    metavar="DURATION",
    help="Poll again every DURATION (30s, 10m, 1h) until interrupted; without it, one pass.",
)
@click.option("--once", is_flag=True, help="One pass, even with --every.")
@fetch_options
@db_option
def watch(
    every: float | None, once: bool, allow_private: bool, allow_nets: list[IPNetwork], db_url: str
) -> int:
    """Poll the registered feeds and ingest their new items; report what was fetched, skipped, failed."""
    from tabellino.cli import _LazyPipeline
    from tabellino.ingest.watch import poll_feeds
    from tabellino.store import describe
    from tabellino.store.feeds import list_feeds, open_feeds_db

    engine = open_feeds_db(db_url)
    if not list_feeds(engine):
        raise click.ClickException("no feeds registered; add one with 'tabellino feeds add URL'")
    looping = every is not None and not once
    with make_fetcher(allow_private, allow_nets) as fetcher:
        pipeline = _LazyPipeline()
        while True:
            if looping:
                click.echo(f"-- pass at {datetime.now().isoformat(sep=' ', timespec='seconds')}")
            report = poll_feeds(engine, fetcher, pipeline)
            _print_pass(report, describe(db_url))
            if not looping or every is None:
                return 1 if report.failed else 0
            _sleep(every)


def _print_pass(report: WatchReport, where: str) -> None:
    """Print what a pass fetched and skipped (stdout), what failed (stderr), then the summary."""
    from tabellino.cli import _warn

    for url in report.fetched:
        click.echo(f"fetched  {url}")
    for url, reason in report.skipped:
        click.echo(f"skipped  {url}: {reason}")
    for url, reason in report.failed:
        _warn(url, reason)
    click.echo(_summary(report))
    click.echo(f"articles: {report.articles.to_text(where)}")


def _summary(report: WatchReport) -> str:
    """Return the one-line count of a pass."""
    reasons = report.skip_reasons()
    why = f" ({', '.join(f'{n} {r}' for r, n in reasons.most_common())})" if reasons else ""
    return (
        f"watch: {report.feeds} feed(s) checked; fetched {len(report.fetched)}, "
        f"skipped {len(report.skipped)}{why}, {report.seen} item(s) seen before, failed {len(report.failed)}"
    )
