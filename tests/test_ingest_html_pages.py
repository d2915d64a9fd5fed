"""An HTML page reads into its article: main text without chrome, metadata, and where it sits.

Cases are the team-written pages in tests/data/html/ with their expectations in pages.json.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import run_cli
from lxml.html import document_fromstring

from tabellino.errors import EmptyInputError
from tabellino.ingest.clean import clean_document
from tabellino.ingest.html import html_document
from tabellino.ingest.html_charset import decode_html
from tabellino.models import Document

PAGES_DIR = Path(__file__).parent / "data" / "html"
CASES: dict[str, Any] = json.loads((PAGES_DIR / "pages.json").read_text(encoding="utf-8"))
PAGES: dict[str, dict[str, Any]] = CASES["pages"]
META_FIELDS = ("title", "author", "outlet", "language", "url", "html_path")


def read(name: str) -> Document:
    """Read one fixture page."""
    return html_document((PAGES_DIR / name).read_bytes(), name)


@pytest.mark.parametrize("name", list(PAGES))
def test_ingest_html_metadata(name: str) -> None:
    doc = read(name)
    expected = PAGES[name]
    for field in META_FIELDS:
        if field in expected:
            assert getattr(doc, field) == expected[field], field
    if "published" in expected:
        assert doc.published == date.fromisoformat(expected["published"])


@pytest.mark.parametrize("name", list(PAGES))
def test_ingest_html_main_text_without_chrome(name: str) -> None:
    doc = read(name)
    for line in PAGES[name]["text_has"]:
        assert line in doc.text
    for chrome in PAGES[name]["text_lacks"]:
        assert chrome not in doc.text, f"chrome {chrome!r} in the main text:\n{doc.text}"
    assert doc.content_type == "text/plain"
    assert doc.raw == (PAGES_DIR / name).read_bytes()


@pytest.mark.parametrize("name", list(PAGES))
def test_ingest_html_path_leads_back_to_the_article(name: str) -> None:
    doc = read(name)
    assert doc.html_path is not None
    raw = (PAGES_DIR / name).read_bytes()
    tree = document_fromstring(decode_html(raw))
    (element,) = tree.xpath(doc.html_path)
    page_text = " ".join(element.text_content().split())
    body_lines = [line for line in doc.text.splitlines() if line.strip()][1:]  # first: the headline
    assert body_lines and all(" ".join(line.split()) in page_text for line in body_lines)


@pytest.mark.parametrize("name", CASES["no_text"])
def test_ingest_html_page_without_article_text_is_refused(name: str) -> None:
    with pytest.raises(EmptyInputError, match="no article text"):
        read(name)


@pytest.mark.parametrize("name", list(PAGES))
def test_ingest_html_extract_command_reads_pages(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["extract", str(PAGES_DIR / name)], capsys)
    assert run.code == 0, run.err
    (out,) = [json.loads(line) for line in run.out.splitlines()]
    if PAGES[name]["match"] is not None:
        found = [[m["home"], m["away"], m["home_goals"], m["away_goals"]] for m in out["matches"]]
        assert PAGES[name]["match"] in found, out["matches"]
    named = {team for m in out["matches"] for team in (m["home"], m["away"])}
    chrome = [t for t in PAGES[name]["chrome_teams"] if any(t in team for team in named)]
    assert not chrome, f"facts from the page chrome: {out['matches']}"
    assert out["title"] == PAGES[name]["title"]


def test_ingest_html_extract_command_reports_a_script_page(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["extract", str(PAGES_DIR / "script-only.html")], capsys)
    assert run.code == 1
    assert "T101" in run.err and "no article text" in run.err


@pytest.mark.parametrize("name", list(PAGES))
def test_ingest_html_article_keeps_page_metadata(name: str) -> None:
    doc = read(name)
    article = clean_document(doc)
    assert article.text == doc.text
    assert (article.title, article.published, article.html_path) == (doc.title, doc.published, doc.html_path)
    assert (article.author, article.url) == (doc.author, doc.url)
    assert article.outlet == doc.outlet


def test_ingest_html_markup_in_a_record_is_read_as_a_page() -> None:
    markup = (PAGES_DIR / "en-jsonld.html").read_text(encoding="utf-8")
    article = clean_document(Document(id="record", text=markup, content_type="text/html; charset=utf-8"))
    assert article.text.startswith("Villa fight back to beat Wolves\nAston Villa came from behind")
    assert "Related stories" not in article.text
