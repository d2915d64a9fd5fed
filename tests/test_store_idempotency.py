"""Storing the same article twice changes nothing; each article is written whole or not at all."""

from __future__ import annotations

import pytest
from extraction_builder import articles, build
from sqlalchemy import Engine, func, select

from tabellino.store import open_db, store_extraction
from tabellino.store.schema import NAME, metadata, people


@pytest.fixture
def engine() -> Engine:
    return open_db("sqlite://")


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in metadata.sorted_tables}


@pytest.mark.parametrize("name", sorted(articles()))
def test_store_same_article_twice_changes_nothing(engine: Engine, name: str) -> None:
    first = store_extraction(engine, build(name))
    before = row_counts(engine)
    again = store_extraction(engine, build(name))
    assert not first.duplicate
    assert again.duplicate and again.article_id == first.article_id
    assert row_counts(engine) == before


def test_store_writes_article_facts_and_evidence(engine: Engine) -> None:
    store_extraction(engine, build("report-en"))
    counts = row_counts(engine)
    assert counts["articles"] == 1
    assert counts["matches"] == 1
    assert counts["match_sources"] == 1
    assert counts["goals"] == 3
    assert counts["coaches"] == 1
    assert counts["quotes"] == 1
    assert counts["evidence"] >= 9


def test_store_failed_article_leaves_no_rows(engine: Engine) -> None:
    extraction = build("report-en")
    extraction.matches[0].goals[0].evidence.spans.append(None)  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        store_extraction(engine, extraction)
    assert sum(row_counts(engine).values()) == 0


def test_store_clips_overlong_names_to_the_column(engine: Engine) -> None:
    long_name = "Giovanni " * 40
    for name in ("report-en", "second-outlet"):
        extraction = build(name)
        extraction.matches[0].coaches = {"Atalanta": long_name}
        store_extraction(engine, extraction)
    with engine.connect() as conn:
        names = list(conn.scalars(select(people.c.name).where(people.c.name.like("Giovanni%"))))
    assert len(names) == 1 and len(names[0]) == NAME
