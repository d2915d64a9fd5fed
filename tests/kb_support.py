"""Shared helpers of the knowledge-base tests: the loaded KB, test data files, the corpus folder."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from tabellino.config import settings
from tabellino.kb import KnowledgeBase

DATA = Path(__file__).parent / "data"


def kb() -> KnowledgeBase:
    """Return the process-wide knowledge base."""
    return KnowledgeBase.load()


def data(name: str) -> dict[str, Any]:
    """Return a TOML file of tests/data."""
    with open(DATA / name, "rb") as fh:
        return tomllib.load(fh)


def corpus_dir() -> Path:
    """Return the gold corpus folder (env TABELLINO_CORPUS wins over the settings default)."""
    env = os.environ.get("TABELLINO_CORPUS")
    return Path(env) if env else settings().corpus_dir


def openfootball_dir() -> Path:
    """Return the openfootball folder of the settings."""
    return settings().openfootball_dir


def names(ids: tuple[str, ...]) -> set[str]:
    """Return the canonical names of club ids."""
    return {kb().club(i).name for i in ids}
