"""Import every component module so each registers itself (see :func:`tabellino.extract.component`)."""

from __future__ import annotations

import importlib

_MODULES = (
    "mentions",
    "people",
    "matches",
    "goals",
    "cards",
    "primary",
    "context",
    "staff",
    "stats",
    "quotes",
    "ties",
    "finalize",
)

for _name in _MODULES:
    importlib.import_module(f"tabellino.extract.{_name}")
