"""tabellino: football news in, grounded match data out.

Every score, scorer, minute, card, coach and quote it extracts points back to the characters of the
article text that state it. The pure pipeline lives in :mod:`tabellino.pipeline`, the database in
:mod:`tabellino.store`, the command line in :mod:`tabellino.cli`.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
