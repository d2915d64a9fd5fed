"""The match-context components: competition, stage (and leg), match date and venue.

Each lives in its own module; importing this one registers all four. They share
:mod:`tabellino.extract.context_scope`, which says where in the text each match is talked about.
"""

from __future__ import annotations

from tabellino.extract import context_competition, context_dates, context_stage, context_venue

__all__ = ["context_competition", "context_dates", "context_stage", "context_venue"]
