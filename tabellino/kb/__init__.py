"""The knowledge base: clubs, competitions and venues, and finding them in text.

Built from openfootball (CC0) by ``python -m tabellino.kb.build`` into ``kb/data/``; a curated alias
layer per language lives in ``kb/aliases/<code>.toml`` (exonyms, short forms, nicknames).

API used by the rest of the package (implemented in :mod:`tabellino.kb.base`):

- :meth:`KnowledgeBase.load` — the process-wide instance (loaded once, cached).
- :meth:`KnowledgeBase.find_clubs` — club mentions in a text, resolved by context or left ambiguous.
- :meth:`KnowledgeBase.find_competitions`, :meth:`KnowledgeBase.find_venues`,
  :meth:`KnowledgeBase.find_cities` — the other gazetteers.
- :meth:`KnowledgeBase.lookup_club` — a club by any of its names (for ``--club`` and for eval).
"""

from __future__ import annotations

from tabellino.kb.base import (
    CityMention,
    Club,
    ClubMention,
    Competition,
    CompetitionMention,
    KnowledgeBase,
    VenueMention,
)

__all__ = [
    "CityMention",
    "Club",
    "ClubMention",
    "Competition",
    "CompetitionMention",
    "KnowledgeBase",
    "VenueMention",
]
