"""Who is making a request: passed from the API layer into services."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import Role


@dataclass(frozen=True)
class Caller:
    key_id: int | None
    key_name: str
    role: Role
    request_id: str | None = None

    @property
    def is_staff(self) -> bool:
        """Staff and admin may see personal data (masked by default)."""
        return self.role in (Role.ADMIN, Role.STAFF)
