"""`tabellino ingest`, `matches` and `show`: store articles, list matches, show one with its evidence.

Archives too: a folder of pages and WARC files ingests with a progress line and a summary that
counts duplicates (by URL, by content), articles that are not football, and each failure.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from archive_fixtures import crawl, page_html, response, warc_bytes
from cli_helpers import run_cli
from rich.console import Console
from stub_pipeline import StubPipeline

from tabellino.models import Article, Document, Extraction, Match, Person, Quote, Span, Tie
from tabellino.store.ingest import NO_FACTS, NO_LANGUAGE, not_football


@pytest.fixture
def ingested(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Ingest two reports of one match (the stub extracts Atalanta 3-0 Juventus from each)."""
    monkeypatch.setattr("tabellino.cli._pipeline", StubPipeline)
    records = [
        {"id": "one", "published": "2026-02-06", "text": "Atalanta swept Juventus aside. A fine night."},
        {"id": "two", "published": "2026-02-07", "text": "Juventus lost heavily in Bergamo."},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'test.db'}"
    result = run_cli(["ingest", "--db", db, str(path)], capsys)
    assert result.code == 0, result.err
    assert (
        "ingested 2, duplicates 0, failed 0, not football 0, matches found 2 (1 new, 1 merged" in result.out
    )
    return ["--db", db, str(path)]


def test_cli_ingest_twice_changes_nothing(ingested: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    again = run_cli(["ingest", *ingested], capsys)
    assert again.code == 0
    assert "ingested 0, duplicates 2, failed 0" in again.out
    listed = run_cli(["matches", "--format", "json", *ingested[:2]], capsys)
    assert [(m["home"], m["away"], m["sources"]) for m in json.loads(listed.out)] == [
        ("Atalanta", "Juventus", 2)
    ]


@pytest.mark.parametrize(
    ("options", "count"),
    [
        ([], 1),
        (["--club", "atalanta"], 1),
        (["--club", "Juventus"], 1),
        (["--competition", "serie"], 0),
        (["--since", "2026-02-06"], 1),
        (["--since", "2026-03-01"], 0),
    ],
)
def test_cli_matches_filters(
    ingested: list[str], capsys: pytest.CaptureFixture[str], options: list[str], count: int
) -> None:
    result = run_cli(["matches", "--format", "json", *ingested[:2], *options], capsys)
    assert result.code == 0, result.err
    assert len(json.loads(result.out)) == count


def test_cli_show_gives_sentences_and_sources(
    ingested: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["show", "1", *ingested[:2]], capsys)
    assert result.code == 0, result.err
    assert "Atalanta 3-0 Juventus" in result.out
    assert "Atalanta swept Juventus aside." in result.out  # the sentence stating the home side
    assert "Scamacca 12'" in result.out
    assert "Sources (2)" in result.out


# -- archives: folders, WARC, duplicates, not football, failures, progress --------------------------


class UrlStubPipeline(StubPipeline):
    """The stub, keeping each page's URL and language and finding a match only in a result sentence."""

    def article(self, doc: Document) -> Article:
        article = super().article(doc)
        article.url = doc.url
        return article

    def extract(self, article: Article) -> Extraction:
        if not RESULT.search(article.text):
            return Extraction(article=article)
        return super().extract(article)


RESULT = re.compile(r"\b(?:beat|drew|batte)\b")


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    """A folder as users have them: pages, a crawl, a copy at another URL, bad and cut files."""
    root = tmp_path / "archive"
    (root / "pages").mkdir(parents=True)
    (root / "pages" / "torino-genoa.html").write_bytes(page_html("torino-genoa"))
    (root / "pages" / "everton-brighton.htm").write_bytes(page_html("everton-brighton"))
    (root / "pages" / "weather.html").write_bytes(page_html("weather"))
    records = [
        *crawl(["lecce-cagliari", "everton-brighton"]),
        response("torino-genoa", "https://wire.example.net/t"),
    ]
    (root / "crawl.warc.gz").write_bytes(warc_bytes(records, compress=True))
    cut = warc_bytes([response("lecce-cagliari", "https://news.example.org/other")] * 2, compress=False)
    (root / "cut.warc").write_bytes(cut[: len(cut) * 3 // 4])
    (root / "export.jsonl.gz").write_bytes(b"plain text, not gzip")
    return root


def test_cli_ingest_archive_folder_summary(
    archive_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tabellino.cli._pipeline", UrlStubPipeline)
    db = f"sqlite:///{tmp_path / 'archive.db'}"
    result = run_cli(["ingest", "--db", db, str(archive_dir)], capsys)
    assert result.code == 1  # some inputs failed (each named below); the rest is stored
    summary = result.err  # with failures, the summary goes to stderr after them
    # torino, everton, lecce stored; everton again (same URL) and torino at a wire URL are duplicates;
    # the cut WARC's first record is a copy of lecce; the weather page is not football.
    assert "ingested 3, duplicates 3, failed 2, not football 1," in summary
    assert "duplicates: 1 by URL (already stored), 2 by content" in summary
    assert "not football: 1 (1 no match or tie found)" in summary
    assert "skipped archive records: 6 (" in summary and "2 request records" in summary
    assert "failed: 2 (2 T100 input that cannot be read as football news text)" in summary
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("cut.warc" in e and "cut short" in e for e in errors)
    assert any("export.jsonl.gz" in e and "not gzip" in e for e in errors)
    again = run_cli(["ingest", "--db", db, str(archive_dir)], capsys)
    assert "ingested 0, duplicates 6, failed 2, not football 1," in again.err


def test_cli_ingest_only_duplicates_and_not_football_is_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tabellino.cli._pipeline", UrlStubPipeline)
    (tmp_path / "weather.html").write_bytes(page_html("weather"))
    (tmp_path / "a.html").write_bytes(page_html("torino-genoa"))
    (tmp_path / "b.html").write_bytes(page_html("torino-genoa", url="https://wire.example.net/t"))
    result = run_cli(["ingest", "--db", f"sqlite:///{tmp_path / 'x.db'}", str(tmp_path)], capsys)
    assert result.code == 0, result.err
    assert "ingested 1, duplicates 1, failed 0, not football 1," in result.out


def test_cli_ingest_shows_progress_on_a_terminal(
    archive_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tabellino.cli._pipeline", UrlStubPipeline)
    screen = io.StringIO()
    monkeypatch.setattr("tabellino.cli._err", Console(file=screen, force_terminal=True, width=200))
    run_cli(["ingest", "--db", f"sqlite:///{tmp_path / 'p.db'}", str(archive_dir)], capsys)
    shown = screen.getvalue()
    assert "items ·" in shown and "/s ·" in shown
    assert "stored 3" in shown and "failed 2" in shown


def _extraction(language: str, **facts: Any) -> Extraction:
    return Extraction(article=Article(id="a", text="Some words here.", language=language), **facts)


@pytest.mark.parametrize(
    ("extraction", "why"),
    [
        (_extraction("en", matches=[Match(home="Torino", away="Genoa")]), None),
        (_extraction("en", ties=[Tie(winner="Torino", loser="Genoa")]), None),
        (
            _extraction(
                "en",
                quotes=[Quote(speaker="Paolo Vanoli", text="We believed.", span=Span(0, 4))],
                people=[Person(name="Paolo Vanoli", role="coach", club="Torino")],
            ),
            None,
        ),
        (
            _extraction("en", quotes=[Quote(speaker="A resident", text="It rained.", span=Span(0, 4))]),
            NO_FACTS,
        ),
        (_extraction("en"), NO_FACTS),
        (_extraction("unknown"), NO_LANGUAGE),
    ],
)
def test_cli_ingest_not_football_means_no_match_tie_or_football_quote(
    extraction: Extraction, why: str | None
) -> None:
    assert not_football(extraction) == why
