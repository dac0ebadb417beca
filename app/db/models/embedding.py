"""Columns shared by every embedded record: the vector and the model that made it."""
from __future__ import annotations

from datetime import datetime

import numpy as np
from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.db.base import UTCDateTime


class EmbeddedMixin:
    """A NULL ``embedding_model`` means pending: new, edited since embedding, or made by another model."""

    @declared_attr
    def embedding(cls) -> Mapped[bytes | None]:  # noqa: N805 - SQLAlchemy declared_attr
        return mapped_column(LargeBinary, deferred=True)

    @declared_attr
    def embedding_model(cls) -> Mapped[str | None]:  # noqa: N805
        return mapped_column(String(120), index=True)

    @declared_attr
    def embedded_at(cls) -> Mapped[datetime | None]:  # noqa: N805
        return mapped_column(UTCDateTime())

    @staticmethod
    def embedding_values(vector: np.ndarray, *, model_id: str, at: datetime) -> dict[str, object]:
        return {"embedding": np.asarray(vector, dtype=np.float32).tobytes(), "embedding_model": model_id,
                "embedded_at": at}

    def set_embedding(self, vector: np.ndarray, *, model_id: str, at: datetime) -> None:
        for name, value in self.embedding_values(vector, model_id=model_id, at=at).items():
            setattr(self, name, value)

    def clear_embedding(self) -> None:
        self.embedding = None
        self.embedding_model = None
        self.embedded_at = None


def vector_from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype=np.float32)
