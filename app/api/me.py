"""/v1/me: which key is calling — its role and name, so a client (the console) can show the pages
that role may use. No secret, no hash, no id of another key."""
from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import CurrentKey
from app.schemas.common import ReadModel

router = APIRouter(prefix="/v1", tags=["keys"])


class MeRead(ReadModel):
    role: str
    key_name: str


@router.get("/me", response_model=MeRead, summary="Which key is calling")
def who_am_i(caller: CurrentKey) -> MeRead:
    """The calling key's role and name (as given to `jobmatch keys create --name`), so a client can show
    what that role may do. Nothing else about the key."""
    return MeRead(role=caller.role.value, key_name=caller.key_name)
