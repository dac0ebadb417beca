"""Candidate pseudonyms: stable per (key, job), unlinkable across keys and jobs, irreversible
without the server secret (M5: the old key was the API key's id and name, both public)."""
from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy.orm import Session

from app.config import get_settings
from app.db.models import ServerSecret

SECRET_NAME = "pseudonym"


def pseudonym_secret(session: Session) -> bytes:
    """The setting when given (production must give it), else the deployment's stored secret."""
    configured = get_settings().pseudonym_secret
    if configured is not None:
        return configured.get_secret_value().encode()
    stored = session.get(ServerSecret, SECRET_NAME)
    if stored is None:
        # The migration creates it; only a hand-emptied table gets here. Stored with the request,
        # so every process that reads it afterwards uses the same one.
        stored = ServerSecret(name=SECRET_NAME, value=secrets.token_hex(32))
        session.add(stored)
        session.flush()
    return stored.value.encode()


def candidate_pseudonym(secret: bytes, *, key_id: int | None, job_id: int, graduate_id: int) -> str:
    return hmac.new(secret, f"{key_id}:{job_id}:{graduate_id}".encode(), hashlib.sha256).hexdigest()[:16]
