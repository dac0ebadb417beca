"""Hand-written specs of the matching quality set (see ../README.md)."""
from __future__ import annotations

from . import occ_agri, occ_culture_tourism, occ_equipment, occ_finance_public, occ_health
from . import occ_it, occ_marine_chem
from .profiles import PROFILES
from .types import Employer, Occupation, Profile

OCCUPATIONS: tuple[Occupation, ...] = (
    *occ_it.OCCUPATIONS,
    *occ_equipment.OCCUPATIONS,
    *occ_marine_chem.OCCUPATIONS,
    *occ_health.OCCUPATIONS,
    *occ_agri.OCCUPATIONS,
    *occ_culture_tourism.OCCUPATIONS,
    *occ_finance_public.OCCUPATIONS,
)

__all__ = ["OCCUPATIONS", "PROFILES", "Employer", "Occupation", "Profile"]
