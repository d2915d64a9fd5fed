"""Settings in one place: read from the environment (``TABELLINO_*``) with sensible defaults."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "settings"]


class Settings(BaseSettings):
    """Runtime settings; every field can be set as ``TABELLINO_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="TABELLINO_")

    db_url: str = "sqlite:///tabellino.db"
    max_input_bytes: int = 20 * 1024 * 1024
    corpus_dir: Path = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    openfootball_dir: Path = (
        Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "openfootball"
    )
    # Fetching URLs and feeds (tabellino.ingest.fetch): seconds, bytes, attempts, and who to contact.
    fetch_connect_timeout: float = 10.0
    fetch_read_timeout: float = 30.0
    fetch_max_bytes: int = 10 * 1024 * 1024
    fetch_retries: int = 2
    fetch_contact: str = ""


def settings() -> Settings:
    """Return the settings as the environment gives them now."""
    return Settings()
