"""All graduate profiles, in id order (tech majors first, then the rest)."""
from __future__ import annotations

from . import profiles_general, profiles_tech
from .types import Profile

PROFILES: tuple[Profile, ...] = (*profiles_tech.PROFILES, *profiles_general.PROFILES)
