"""Command-line options shared by the command modules (``cli.py`` and ``cli_feeds.py``)."""

from __future__ import annotations

from typing import Any

import click

from tabellino.config import settings
from tabellino.errors import TabellinoError

__all__ = ["check_db", "db_option"]


def check_db(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Validate a ``--db`` value as a database URL."""
    from tabellino.store import describe

    try:
        describe(value)
    except TabellinoError as exc:
        raise click.BadParameter(str(exc).split("] ", 1)[-1]) from None
    return value


def db_option(func: Any) -> Any:
    """Add the ``--db URL`` option shared by every database command."""
    return click.option(
        "--db",
        "db_url",
        metavar="URL",
        callback=check_db,
        default=lambda: settings().db_url,
        show_default="sqlite:///tabellino.db, or $TABELLINO_DB_URL",
        help="Database URL (SQLite file or PostgreSQL).",
    )(func)
