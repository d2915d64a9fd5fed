"""The command line: thin commands over the library, strict validation, one-line errors.

Exit codes: 0 success, 1 failure (including any input that could not be processed), 2 usage error
(a bad option value, an unknown language, club or date). Errors never print a traceback.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
from rich.console import Console

from tabellino import __version__
from tabellino.cli_feeds import feeds, fetch_options, url_fetcher, watch
from tabellino.cli_options import db_option
from tabellino.errors import DataFileError, TabellinoError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from tabellino.ingest.addresses import IPNetwork
    from tabellino.ingest.fetch import Fetcher
    from tabellino.ingest.sources import Item
    from tabellino.models import Article, Document, Extraction
    from tabellino.pipeline import Pipeline
    from tabellino.store.ingest import Failure, IngestReport

__all__ = ["cli", "main"]

_err = Console(stderr=True, highlight=False)
_PIPE_WIDTH = 120  # tables written to a file or pipe: wide enough for names, narrow enough to read


def _print(renderable: Any) -> None:
    """Print a rich renderable on stdout (the terminal's width, or a fixed width for pipes and files)."""
    width = None if sys.stdout.isatty() else _PIPE_WIDTH
    Console(highlight=False, width=width).print(renderable)


class IsoDate(click.ParamType[date]):
    """A ``YYYY-MM-DD`` date option."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        """Parse the value or fail with the expected format."""
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"invalid date {value!r}: use YYYY-MM-DD, e.g. 2026-02-05", param, ctx)


def _check_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Validate a ``--lang`` value against the languages with a data file."""
    if value is None:
        return None
    from tabellino.lang import supported_languages

    code = value.strip().lower()
    supported = supported_languages()
    if code not in supported:
        raise click.BadParameter(
            f"unsupported language {value!r}; supported languages: {', '.join(supported)}"
        )
    return code


def _check_languages(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> list[str] | None:
    """Validate a repeatable (or comma-separated) ``--lang`` option."""
    codes = [c for v in values for c in v.split(",") if c.strip()]
    return [c for c in (_check_language(ctx, param, code) for code in codes) if c] or None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tabellino")
def cli() -> None:
    """Turn football news into match data, every value grounded in the article's words."""


# -- extract -----------------------------------------------------------------------------------


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH... | -")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True
)
@click.option(
    "--lang", callback=_check_language, metavar="CODE", help="Language of every input (else detected)."
)
@fetch_options
def extract(
    inputs: tuple[str, ...], fmt: str, lang: str | None, allow_private: bool, allow_nets: list[IPNetwork]
) -> int:
    """Extract match facts from articles (files, folders, http(s) URLs, or - for stdin); nothing is stored.

    jsonl prints one object per article, in input order (the output contract in README.md).
    """
    pipeline = _LazyPipeline()
    collected: list[dict[str, Any]] = []
    failed = 0
    from tabellino.ingest.sources import SourceSkip

    for item in _documents(inputs, lang, url_fetcher(allow_private, allow_nets)):
        if isinstance(item, SourceSkip):
            continue  # archive records passed over on purpose (WARC requests, non-HTML responses)
        extraction = _process(pipeline, item)
        if extraction is None:
            failed += 1
        elif fmt == "jsonl":
            click.echo(json.dumps(extraction.to_json(), ensure_ascii=False))
        elif fmt == "json":
            collected.append(extraction.to_json())
        else:
            from tabellino.render import extraction_view

            _print(extraction_view(extraction))
    if fmt == "json":
        click.echo(json.dumps(collected, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def _pipeline() -> Pipeline:
    """Load the pipeline (language data and knowledge base)."""
    from tabellino.pipeline import Pipeline

    return Pipeline()


class _LazyPipeline:
    """The pipeline, loaded on the first readable document (bad inputs alone fail fast)."""

    def __init__(self) -> None:
        self._pipeline: Pipeline | None = None

    def _get(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = _pipeline()
        return self._pipeline

    def process(self, doc: Document) -> Extraction:
        """Clean and extract a document."""
        return self._get().process(doc)

    def article(self, doc: Document) -> Article:
        """Clean a document into an article."""
        return self._get().article(doc)

    def extract(self, article: Article) -> Extraction:
        """Extract an article's facts."""
        return self._get().extract(article)


def _documents(inputs: Sequence[str], lang: str | None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Yield the documents of the inputs (with ``lang`` forced when given), read failures and skips."""
    from tabellino.ingest.sources import iter_documents
    from tabellino.models import Document

    for item in iter_documents(list(inputs), fetcher=fetcher):
        if lang and isinstance(item, Document):
            item.language = lang
        yield item


def _process(pipeline: _LazyPipeline, item: Document | Failure) -> Extraction | None:
    """Run one document through the pipeline; report a failure on stderr and return None."""
    from tabellino.models import Document

    if not isinstance(item, Document):
        _warn(item.source, str(item.error))
        return None
    try:
        return pipeline.process(item)
    except DataFileError:
        raise  # broken language or knowledge-base data fails every article: stop at once
    except TabellinoError as exc:
        _warn(item.id, str(exc))
    except Exception as exc:  # a bug on one article must not lose the other articles' output
        _warn(item.id, f"internal error: {type(exc).__name__}: {exc}")
    return None


def _warn(source: str, message: str) -> None:
    """Print a per-item failure on stderr as one line naming the input."""
    click.echo(f"error: {message if source in message else f'{source}: {message}'}", err=True)


# -- ingest and demo ---------------------------------------------------------------------------


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH... | -")
@db_option
@click.option(
    "--lang", callback=_check_language, metavar="CODE", help="Language of every input (else detected)."
)
@fetch_options
def ingest(
    inputs: tuple[str, ...], db_url: str, lang: str | None, allow_private: bool, allow_nets: list[IPNetwork]
) -> int:
    """Extract articles and store them with their facts; the same article twice changes nothing.

    INPUTS are files, folders (read recursively by file type: .txt .md .json .jsonl .html .htm
    .warc, and each of them .gz-compressed), WARC archives, http(s) URLs (fetched; private addresses
    only with --allow-private or --allow-net) or - for stdin. The same URL, or the same
    (or nearly the same) text from another URL, is stored once. The summary counts what was
    ingested, duplicates, failures (each with its reason) and articles with no football facts.
    """
    fetcher = url_fetcher(allow_private, allow_nets, inputs, db_url)
    return _ingest(_documents(inputs, lang, fetcher), db_url)


def _ingest(items: Iterator[Item], db_url: str) -> int:
    """Ingest documents into the database with a progress display; print failures and the summary."""
    from tabellino.store import describe, ingest, open_db
    from tabellino.store.ingest import IngestReport

    engine = open_db(db_url)
    report = IngestReport()
    try:
        with _progress(report) as tick:
            ingest(items, engine, _LazyPipeline(), on_item=tick, report=report)
    except KeyboardInterrupt:
        click.echo(report.to_text(describe(db_url)), err=True)  # what was stored so far stays stored
        raise
    _print_failures(report)
    click.echo(report.to_text(describe(db_url)), err=bool(report.failed))
    return 1 if report.failed else 0


def _print_failures(report: IngestReport) -> None:
    """Print every failure on stderr, one line each, grouped by kind (a heading per kind when several)."""
    groups = report.failures_by_group()
    for kind, failures in groups:
        if len(report.failed) > 1:
            click.echo(f"failed, {kind}: {len(failures):,}", err=True)
        for source, reason in failures:
            _warn(source, reason)


_GUTTER = 14  # the spinner and the elapsed time left of the progress text


@contextmanager
def _progress(report: IngestReport) -> Iterator[Callable[[str], None] | None]:
    """Yield a tick function driving a transient progress display on a terminal's stderr (else None).

    Two lines: items handled, their rate and the input being read; then the counts so far.
    """
    if not _err.is_terminal:
        yield None
        return
    import time

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TimeElapsedColumn(), TextColumn("{task.description}"))
    start = time.monotonic()
    with Progress(*columns, console=_err, transient=True) as bar:
        task = bar.add_task("", total=None)

        def tick(source: str) -> None:
            rate = report.seen / max(time.monotonic() - start, 1e-6)
            text = _progress_text(report, rate, source, _err.width - _GUTTER)
            bar.update(task, advance=1, description=text)

        yield tick


def _progress_text(report: IngestReport, rate: float, source: str, width: int) -> str:
    """Return the two progress lines, each cut to ``width`` (the input's name loses its head first)."""
    first = f"{report.seen:,} items · {rate:,.1f}/s · "
    room = max(width - len(first), 12)
    shown = source if len(source) <= room else "…" + source[-(room - 1) :]
    counts = (
        f"stored {report.ingested:,} · duplicates {report.duplicates:,} · "
        f"not football {report.not_football.total():,} · failed {len(report.failed):,}"
    )
    return f"{first}{shown}\n{counts[: max(width, 12)]}"


@cli.command()
@db_option
def demo(db_url: str) -> int:
    """Ingest the bundled example articles into ./tabellino.db and list the matches."""
    from tabellino.store import list_matches, open_db

    examples = Path(__file__).resolve().parent / "examples"
    status = _ingest(_documents([str(examples)], None), db_url)
    _print_matches(list_matches(open_db(db_url)), "table")
    click.echo("next: tabellino show MATCH_ID   (every value with the sentence it came from)")
    return status


# -- reading the database ----------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--club", metavar="NAME", help="Only matches of this club (any name the knowledge base knows).")
@click.option("--competition", metavar="NAME", help="Only matches whose competition contains NAME.")
@click.option("--since", type=IsoDate(), help="Only matches on or after this date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def matches(db_url: str, club: str | None, competition: str | None, since: date | None, fmt: str) -> int:
    """List the stored matches, newest first."""
    from tabellino.store import list_matches, open_db

    engine = open_db(db_url, create=False)
    name = _resolve_club(club, engine) if club else None
    _print_matches(list_matches(engine, club=name, competition=competition, since=since), fmt)
    return 0


def _print_matches(rows: list[Any], fmt: str) -> None:
    """Print match summaries as a table or JSON."""
    if fmt == "json":
        click.echo(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no matches")
        return
    from tabellino.render import matches_table

    _print(matches_table(rows))


def _resolve_club(name: str, engine: Engine) -> str:
    """Return the stored name of the club the user typed, or fail with suggestions."""
    from tabellino.store import club_names

    stored = club_names(engine)
    club = _kb_club(name)
    if club is not None:
        return club
    exact = [c for c in stored if c.casefold() == name.strip().casefold()]
    if exact:
        return exact[0]
    close = difflib.get_close_matches(name, stored, n=3, cutoff=0.6)
    hint = (
        f"; did you mean {' or '.join(close)}?" if close else "; see 'tabellino matches' for the clubs stored"
    )
    raise click.BadParameter(f"unknown club {name!r}{hint}", param_hint="'--club'")


def _kb_club(name: str) -> str | None:
    """Return the canonical name of a club by any of its names, per the knowledge base."""
    from tabellino.kb import KnowledgeBase

    try:
        club = KnowledgeBase.load().lookup_club(name)
    except (NotImplementedError, TabellinoError):
        return None  # without a knowledge base, fall back to the names stored
    return club.name if club is not None else None


@cli.command()
@click.argument("match_id", type=click.IntRange(min=1), metavar="MATCH_ID")
@db_option
def show(match_id: int, db_url: str) -> int:
    """Show a match's tabellino: every value with the sentence it came from, and all sources."""
    from tabellino.render import match_view
    from tabellino.store import describe, match_detail, open_db

    detail = match_detail(open_db(db_url, create=False), match_id)
    if detail is None:
        _fail(f"no match with id {match_id} in {describe(db_url)} (see 'tabellino matches')")
    _print(match_view(detail))
    return 0


# -- eval and bench ----------------------------------------------------------------------------


@cli.command(name="eval")
@click.argument(
    "dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--lang", "langs", multiple=True, callback=_check_languages, metavar="CODE", help="Only these languages."
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--no-misses", is_flag=True, help="Print the scores only, not every miss.")
def eval_(dirs: tuple[Path, ...], langs: list[str] | None, as_json: bool, no_misses: bool) -> int:
    """Score extraction against gold folders: precision, recall and F1 per field, and every miss."""
    from tabellino.evaluate import evaluate_dirs

    report = evaluate_dirs(list(dirs), langs)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.to_text(show_misses=not no_misses))
    # Scores are figures to read, not a pass/fail test; a non-zero status means articles failed to run.
    return 1 if report.errors() else 0


@cli.command()
@click.option("--articles", type=click.IntRange(min=1), default=1000, show_default=True, help="Corpus size.")
@click.option(
    "--size", type=click.IntRange(min=200), default=4000, show_default=True, help="Characters per article."
)
@click.option(
    "--html",
    "html_path",
    is_flag=True,
    help="Measure the HTML path: each article as a news page with chrome.",
)
def bench(articles: int, size: int, html_path: bool) -> int:
    """Measure extraction speed (articles/s on one core), peak memory and knowledge-base load time.

    With --html every article is a generated news page (menus, banners, related-news lists), read
    from its bytes and then extracted: pages/s per core for the whole HTML path.
    """
    from tabellino.bench import run_bench, run_html_bench

    report = (
        run_html_bench(pages=articles, size=size) if html_path else run_bench(articles=articles, size=size)
    )
    click.echo(report.to_text())
    return 0


cli.add_command(feeds)
cli.add_command(watch)


# -- entry point -------------------------------------------------------------------------------


def _fail(message: str) -> NoReturn:
    """Stop with a one-line failure (exit code 1)."""
    raise click.ClickException(message)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; print errors as one line and exit 2 (usage) or 1 (failure)."""
    try:
        code = cli.main(
            args=list(argv) if argv is not None else None, prog_name="tabellino", standalone_mode=False
        )
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        _exit(f"error: {exc.format_message()}{hint}", exc.exit_code)
    except click.ClickException as exc:
        _exit(f"error: {exc.format_message()}", exc.exit_code)
    except TabellinoError as exc:
        _exit(f"error: {exc}", 1)
    except (click.Abort, KeyboardInterrupt):
        _exit("interrupted", 130)
    except Exception as exc:
        if os.environ.get("TABELLINO_DEBUG"):
            raise
        _exit(f"internal error: {type(exc).__name__}: {exc} (set TABELLINO_DEBUG=1 for the traceback)", 1)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as other Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _exit(message: str, code: int) -> NoReturn:
    """Print ``message`` on stderr and exit with ``code``."""
    click.echo(message, err=True)
    sys.exit(code)
