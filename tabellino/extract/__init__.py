"""Extraction components, registered by name; the default pipeline is a list of names.

A component is a function ``(doc: Doc) -> None`` that reads the doc's mentions and adds or fills
facts in ``doc.result``. Components run in the order of the pipeline list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tabellino.extract.doc import Doc
from tabellino.kb import KnowledgeBase
from tabellino.lang import LanguageData
from tabellino.models import Article, Extraction

__all__ = ["DEFAULT_PIPELINE", "NEUTRAL_PIPELINE", "REGISTRY", "component", "run_components"]

Component = Callable[[Doc], None]
REGISTRY: dict[str, Component] = {}

DEFAULT_PIPELINE: list[str] = [
    "mentions",
    "people",
    "matches",
    "goals",
    "primary",
    "competition",
    "stage",
    "match_date",
    "venue",
    "coaches",
    "referee",
    "red_cards",
    "stats",
    "quotes",
    "ties",
    "finalize",
]


NEUTRAL_PIPELINE: list[str] = ["mentions", "people", "matches", "goals", "primary", "competition", "finalize"]
"""The components that need no words of a language: run on text of a language with no data file.
They read fixture lines ("Team A – Team B 2:1") between knowledge-base clubs and scorer lists with
minutes; prose needs the words of a language, so it gives nothing here (fewer facts, never wrong ones)."""


def component(name: str) -> Callable[[Component], Component]:
    """Register a function as the extraction component ``name``."""

    def register(func: Component) -> Component:
        REGISTRY[name] = func
        return func

    return register


def run_components(
    article: Article, lang: LanguageData, kb: KnowledgeBase, names: Sequence[str]
) -> Extraction:
    """Run the named components over ``article`` and return its extraction."""
    _load_components()
    doc = Doc.create(article, lang, kb)
    for name in names:
        try:
            func = REGISTRY[name]
        except KeyError:
            raise ValueError(f"unknown extraction component {name!r}; known: {sorted(REGISTRY)}") from None
        func(doc)
    assert doc.result is not None
    return doc.result


def _load_components() -> None:
    """Import the component modules so that they register themselves."""
    from tabellino.extract import components  # noqa: F401
