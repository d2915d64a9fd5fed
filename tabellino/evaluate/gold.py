"""Loading gold annotations: every ``*.json`` with ``text`` and ``matches`` in the given folders."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tabellino.config import settings
from tabellino.errors import InputError, RecordError
from tabellino.models import Document

__all__ = ["GoldArticle", "corpus_dir", "load_gold", "to_document"]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold file: its annotation, the folder it came from and its path."""

    data: dict[str, Any]
    directory: str
    path: Path

    @property
    def id(self) -> str:
        """Return the article id (the file name when the gold has none)."""
        return str(self.data.get("id") or self.path.stem)

    @property
    def language(self) -> str:
        """Return the gold's language code, ``"?"`` when it has none."""
        return str(self.data.get("language") or "?")


def corpus_dir() -> Path:
    """Return the corpus folder: ``$TABELLINO_CORPUS`` if set, else the configured default."""
    env = os.environ.get("TABELLINO_CORPUS")
    return Path(env) if env else settings().corpus_dir


def load_gold(dirs: Sequence[Path], languages: Sequence[str] | None = None) -> list[GoldArticle]:
    """Return the gold articles in ``dirs`` (sorted by file name), optionally only some languages."""
    wanted = set(languages) if languages else None
    out: list[GoldArticle] = []
    for directory in dirs:
        for gold in _read_dir(Path(directory)):
            if wanted is None or gold.language in wanted:
                out.append(gold)
    return out


def _read_dir(directory: Path) -> Iterator[GoldArticle]:
    """Yield the gold files of one folder; other JSON files are skipped."""
    if not directory.is_dir():
        raise InputError(f"gold folder not found: {directory}")
    for path in sorted(directory.glob("*.json")):
        data = _read_json(path)
        if isinstance(data, dict) and isinstance(data.get("text"), str) and "matches" in data:
            yield GoldArticle(data=data, directory=directory.name or str(directory), path=path)


def _read_json(path: Path) -> Any:
    """Return the parsed JSON of ``path``, raising a clear error when it does not parse."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RecordError(f"cannot read gold file {path}: {exc}") from exc


def to_document(gold: GoldArticle) -> Document:
    """Build the pipeline input: id, text and source URL only (language, title, date are found)."""
    url = gold.data.get("source_url")
    return Document(id=gold.id, text=gold.data["text"], url=url if isinstance(url, str) else None)
