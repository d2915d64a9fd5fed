"""Duplicates: the same URL is one article; a republished story is one article linked to every URL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from archive_fixtures import DATA, SITE, page_doc
from sqlalchemy import Engine, create_engine, func, select

from tabellino.models import Article, Extraction, Match, Span
from tabellino.store import find_duplicate, open_db, store_extraction
from tabellino.store.dedup import normalise_url
from tabellino.store.schema import article_keys, article_sources, articles, metadata

COPIES = json.loads((DATA / "copies.json").read_text(encoding="utf-8"))
SAME_URLS = json.loads((DATA / "urls.json").read_text(encoding="utf-8"))
OTHER_URLS = json.loads((DATA / "urls_different.json").read_text(encoding="utf-8"))


@pytest.fixture
def engine() -> Engine:
    return open_db("sqlite://")


def extraction(article_id: str, text: str, url: str | None) -> Extraction:
    """Return an extraction of ``text`` with one match citing its first word."""
    article = Article(id=article_id, text=text, language="en", url=url)
    match = Match(home="Torino", away="Genoa", home_goals=2, away_goals=1)
    match.cite("home", Span(0, len(text.split()[0])))
    return Extraction(article=article, matches=[match])


def variant(case: dict[str, Any]) -> str:
    """Return the second text of a copies.json case."""
    text: str = case.get("text") or page_doc(case["slug"]).text
    paragraphs = text.split("\n\n")
    if case.get("drop_last"):
        paragraphs = paragraphs[: -case["drop_last"]]
    if case.get("reverse"):
        paragraphs = paragraphs[:1] + paragraphs[:0:-1]
    text = "\n\n".join(paragraphs)
    for old, new in case.get("replace", []):
        assert old in text, old
        text = text.replace(old, new)
    if case.get("prepend"):
        text = case["prepend"] + "\n\n" + text
    if case.get("append"):
        text = text + "\n\n" + case["append"]
    return text


def count(engine: Engine, table: Any) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(table)) or 0)


@pytest.mark.parametrize(("a", "b"), SAME_URLS)
def test_store_duplicates_urls_that_name_one_page(a: str, b: str) -> None:
    assert normalise_url(a) == normalise_url(b)


@pytest.mark.parametrize(("a", "b"), OTHER_URLS)
def test_store_duplicates_urls_that_name_different_pages(a: str, b: str) -> None:
    assert normalise_url(a) != normalise_url(b)


def test_store_duplicates_same_url_twice_is_one_article(engine: Engine) -> None:
    first = store_extraction(engine, extraction("a", page_doc("torino-genoa").text, SITE + "torino-genoa"))
    updated = page_doc("torino-genoa").text + "\n\nThis report was updated after the final whistle."
    again = store_extraction(
        engine, extraction("b", updated, f"http://www.{SITE[8:]}torino-genoa/?utm_source=x")
    )
    assert not first.duplicate
    assert again.duplicate and again.duplicate_by == "url" and again.article_id == first.article_id
    assert count(engine, articles) == 1
    assert count(engine, article_sources) == 1


@pytest.mark.parametrize("case", COPIES, ids=[c["name"] for c in COPIES])
def test_store_duplicates_republished_story_is_one_article_with_both_urls(
    engine: Engine, case: dict[str, Any]
) -> None:
    original = page_doc(case["slug"]).text if case["same"] else page_doc("torino-genoa").text
    first = store_extraction(engine, extraction("first", original, SITE + "first"))
    second = store_extraction(engine, extraction("second", variant(case), "https://other.example.net/copy"))
    assert second.duplicate is case["same"]
    assert count(engine, articles) == (1 if case["same"] else 2)
    with engine.connect() as conn:
        rows = conn.execute(
            select(article_sources.c.article_id, article_sources.c.url, article_sources.c.how)
        )
        sources = sorted(tuple(r) for r in rows)
    if case["same"]:
        assert second.duplicate_by == "content" and second.article_id == first.article_id
        assert sources == [
            (first.article_id, SITE + "first", "first"),
            (first.article_id, "https://other.example.net/copy", case["by"]),
        ]
    else:
        assert [s[2] for s in sources] == ["first", "first"]


def test_store_duplicates_copy_found_before_extraction_is_linked_once(engine: Engine) -> None:
    text = page_doc("everton-brighton").text
    store_extraction(engine, extraction("first", text, SITE + "everton-brighton"))
    copy = Article(
        id="copy",
        text=text + "\n\nReporting by the sports desk of the agency in Liverpool.",
        language="en",
        url="https://other.example.net/e",
    )
    found = find_duplicate(engine, copy)
    assert found is not None and found.duplicate_by == "content"
    before = {t.name: count(engine, t) for t in metadata.sorted_tables}
    assert find_duplicate(engine, copy) is not None  # the same copy again: nothing new to link
    assert {t.name: count(engine, t) for t in metadata.sorted_tables} == before
    assert before["article_sources"] == 2


def test_store_duplicates_same_text_from_files_without_urls(engine: Engine) -> None:
    text = page_doc("lecce-cagliari").text
    store_extraction(engine, extraction("/data/a.txt", text, None))
    copy = store_extraction(engine, extraction("/data/b.txt", text, None))
    again = store_extraction(engine, extraction("/data/b.txt", text, None))
    assert copy.duplicate and again.duplicate
    with engine.connect() as conn:
        assert sorted(conn.scalars(select(article_sources.c.source_id))) == ["/data/a.txt", "/data/b.txt"]


def test_store_duplicates_database_made_before_the_new_tables_still_works(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old_tables = [t for t in metadata.sorted_tables if t not in (article_sources, article_keys)]
    metadata.create_all(create_engine(url), tables=old_tables)
    engine = open_db(url)
    result = store_extraction(engine, extraction("a", page_doc("torino-genoa").text, SITE + "torino-genoa"))
    assert not result.duplicate
    assert count(engine, article_sources) == 1
