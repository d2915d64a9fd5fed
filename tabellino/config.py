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


def settings() -> Settings:
    """Return the settings as the environment gives them now."""
    return Settings()
