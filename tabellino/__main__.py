"""Run the command line as ``python -m tabellino``."""

from __future__ import annotations

from tabellino.cli import main

if __name__ == "__main__":
    main()
