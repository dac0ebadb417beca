"""API keys: created and revoked by operators, stored only as SHA-256 hashes."""
from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import FieldProblem, InvalidInput, NotFound
from app.db.base import utcnow
from app.db.models import ApiKey
from app.domain.caller import Caller
from app.domain.enums import Role

KEY_PREFIX = "jm_"
# The employment office as a source: imports (and the demo seed) belong to it unless an operator
# names another owner. Created by the ownership migration; recreated here if someone removed it.
OFFICE_KEY_NAME = "office"


def hash_key(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def create_key(session: Session, *, role: Role, name: str) -> tuple[ApiKey, str]:
    plaintext = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(name=name, role=role.value, key_hash=hash_key(plaintext), prefix=plaintext[:10])
    session.add(key)
    session.flush()
    return key, plaintext


def authenticate(session: Session, *, plaintext: str) -> ApiKey | None:
    key = session.scalar(select(ApiKey).where(ApiKey.key_hash == hash_key(plaintext)))
    if key is None or key.revoked_at is not None or key.is_system:
        return None
    return key


def office_key(session: Session) -> ApiKey:
    """The non-loginable staff key that owns what the office itself loads."""
    key = session.scalar(select(ApiKey).where(ApiKey.is_system.is_(True), ApiKey.name == OFFICE_KEY_NAME)
                         .order_by(ApiKey.id))
    if key is None:
        # The hash of random bytes nobody keeps: no plaintext authenticates as this key.
        key = ApiKey(name=OFFICE_KEY_NAME, role=Role.STAFF.value, key_hash=hash_key(secrets.token_hex(32)),
                     prefix="(system)", is_system=True)
        session.add(key)
        session.flush()
    return key


def find_owner_key(session: Session, *, reference: str | None) -> ApiKey:
    """The key named by ``--owner`` (an id or a name), or the office key when none is named."""
    if reference is None:
        return office_key(session)
    if reference.isdigit():
        key = session.get(ApiKey, int(reference))
        matches = [key] if key is not None else []
    else:
        matches = list(session.scalars(select(ApiKey).where(ApiKey.name == reference)))
    live = [key for key in matches if key.revoked_at is None]
    if len(live) != 1:
        reason = "no active key has this id or name" if not live else \
            f"{len(live)} active keys have this name; give the id (jobmatch keys list)"
        raise InvalidInput(f"cannot use {reference!r} as owner: {reason}", problems=[FieldProblem("owner", reason)])
    return live[0]


def caller_for(key: ApiKey) -> Caller:
    """Operator commands act as the key that will own what they store."""
    return Caller(key_id=key.id, key_name=key.name, role=Role(key.role))


def list_keys(session: Session) -> list[ApiKey]:
    return list(session.scalars(select(ApiKey).order_by(ApiKey.id)))


def revoke_key(session: Session, *, key_id: int) -> ApiKey:
    key = session.get(ApiKey, key_id)
    if key is None:
        raise NotFound(f"no API key with id {key_id}")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
    return key
