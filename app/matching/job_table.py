"""Jobs held in memory for filtering and scoring: one row per job in parallel numpy columns.

Hard filters run on every match request over every job; column arrays make that one vectorised
pass (about a millisecond at 100,000 jobs) instead of a Python loop. The scoring columns (title
occupation, seniority, listed majors, required skills as canonical keys, ...) are derived once
when a job arrives, so that columnar.py scores a whole candidate pool with numpy. Row slots are
reused after a job leaves, so the arrays stay as long as the number of live jobs.
"""
from __future__ import annotations

import threading
from datetime import UTC, datetime

import numpy as np

from app.domain.enums import EDUCATION_RANK, Education, Industry, JobType
from app.matching.columns import Ragged, Vocab, grown, slots_for
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.features import title_seniority_years
from app.matching.lexical import canonical_term
from app.matching.occupations import title_occupation
from app.matching.rules import MatchFilters, education_rank, internship_eligible

_JOB_TYPES = {job_type.value: code for code, job_type in enumerate(JobType)}
_INDUSTRIES = {industry.value: code for code, industry in enumerate(Industry)}
_NO_EXPIRY = np.iinfo(np.int64).max


class JobTable:
    def __init__(self, capacity: int = 1024) -> None:
        self.lock = threading.RLock()  # writers, and readers of several columns at once
        self._slot_of: dict[int, int] = {}
        self._docs: list[JobDoc | None] = []
        self._free: list[int] = []
        self._cities: dict[str, int] = {}
        # Interned strings of the scoring columns; codes index the per-query lookups of columnar.py.
        self.industry_names = Vocab()  # the raw industry string (industry_fit compares strings)
        self.occupations = Vocab()  # 7-digit occupation codes of titles
        self.listed_majors = Vocab()  # majors postings list, as written
        self.skill_keys = Vocab()  # canonical keys of required skills
        # Non-ASCII keys of two or more characters, which a longer offered term meets by containing
        # them (lexical._covers), and their lengths: columnar._covered_keys looks up substrings.
        self.substring_keys: dict[str, int] = {}
        self.substring_lengths: set[int] = set()
        self.majors = Ragged()
        self.skills = Ragged()
        self.slot_by_id = np.full(0, -1, dtype=np.int32)
        self._allocate(capacity)
        self._size = 0

    def _allocate(self, capacity: int) -> None:
        def grow(old: np.ndarray | None, dtype: type, fill: object) -> np.ndarray:
            new = np.full(capacity, fill, dtype=dtype)
            if old is not None:
                new[: len(old)] = old
            return new

        existing = getattr(self, "ids", None)
        self.ids = grow(existing, np.int64, -1)
        self.present = grow(getattr(self, "present", None), np.bool_, False)
        self.live = grow(getattr(self, "live", None), np.bool_, False)
        self.expires = grow(getattr(self, "expires", None), np.int64, _NO_EXPIRY)
        self.education = grow(getattr(self, "education", None), np.int8, 0)
        self.job_type = grow(getattr(self, "job_type", None), np.int8, 0)
        self.industry = grow(getattr(self, "industry", None), np.int8, 0)
        self.city = grow(getattr(self, "city", None), np.int32, -1)
        self.salary_max = grow(getattr(self, "salary_max", None), np.float64, np.nan)
        self.experience = grow(getattr(self, "experience", None), np.float64, np.nan)  # NaN: not stated
        # P9: a lifted graduate is lifted for these (priority-friendly or public-welfare posts).
        self.priority_friendly = grow(getattr(self, "priority_friendly", None), np.bool_, False)
        self.open_to_new_grads = grow(getattr(self, "open_to_new_grads", None), np.bool_, False)
        self.industry_name = grow(getattr(self, "industry_name", None), np.int32, -1)
        self.occupation = grow(getattr(self, "occupation", None), np.int32, -1)  # -1: title not coded
        self.seniority_years = grow(getattr(self, "seniority_years", None), np.float64, np.nan)  # NaN: none
        self.lists_majors = grow(getattr(self, "lists_majors", None), np.bool_, False)
        self.skill_count = grow(getattr(self, "skill_count", None), np.int32, 0)  # len(job.skills), as listed
        self.majors.ensure(capacity)
        self.skills.ensure(capacity)
        self._docs.extend([None] * (capacity - len(self._docs)))

    def __len__(self) -> int:
        return len(self._slot_of)

    def get(self, job_id: int) -> JobDoc | None:
        slot = self._slot_of.get(job_id)
        return None if slot is None else self._docs[slot]

    def upsert(self, doc: JobDoc) -> None:
        with self.lock:
            slot = self._slot_of.get(doc.id)
            if slot is None:
                slot = self._free.pop() if self._free else self._next_slot()
                self._slot_of[doc.id] = slot
            self._docs[slot] = doc
            self.ids[slot] = doc.id
            self.present[slot] = True
            self.live[slot] = doc.status == "open" and not doc.held_back
            self.expires[slot] = _NO_EXPIRY if doc.expires_at is None else int(doc.expires_at.timestamp())
            self.education[slot] = EDUCATION_RANK[Education(doc.education_min)]
            self.job_type[slot] = _JOB_TYPES[doc.job_type]
            self.industry[slot] = _INDUSTRIES.get(doc.industry, _INDUSTRIES["other"])
            self.city[slot] = self._cities.setdefault(doc.city, len(self._cities))
            self.salary_max[slot] = np.nan if doc.salary_max is None else doc.salary_max
            self.experience[slot] = np.nan if doc.experience_min_years is None else doc.experience_min_years
            self._set_scoring_columns(slot, doc)

    def _set_scoring_columns(self, slot: int, doc: JobDoc) -> None:
        self.open_to_new_grads[slot] = doc.open_to_new_grads
        self.priority_friendly[slot] = doc.priority_friendly or doc.job_type == JobType.PUBLIC_WELFARE
        self.industry_name[slot] = self.industry_names.add(doc.industry)
        occupation = title_occupation(doc.title)
        self.occupation[slot] = -1 if occupation is None else self.occupations.add(occupation)
        years = title_seniority_years(doc.title)
        self.seniority_years[slot] = np.nan if years is None else years
        self.lists_majors[slot] = bool(doc.majors)
        self.majors.set(slot, [self.listed_majors.add(major) for major in doc.majors if major])
        self.skill_count[slot] = len(doc.skills)
        self.skills.set(slot, [self._skill_code(key) for key in required_skill_keys(doc.skills)])
        if doc.id >= len(self.slot_by_id):
            self.slot_by_id = grown(self.slot_by_id, max(2 * len(self.slot_by_id), doc.id + 1, 1024), -1)
        self.slot_by_id[doc.id] = slot

    def _next_slot(self) -> int:
        if self._size == len(self.ids):
            self._allocate(len(self.ids) * 2)
        self._size += 1
        return self._size - 1

    def remove(self, job_id: int) -> None:
        with self.lock:
            slot = self._slot_of.pop(job_id, None)
            if slot is None:
                return
            self._docs[slot] = None
            self.present[slot] = False
            self.live[slot] = False
            self.ids[slot] = -1
            self.majors.clear(slot)
            self.skills.clear(slot)
            self.slot_by_id[job_id] = -1
            self._free.append(slot)

    def _skill_code(self, key: str) -> int:
        code = self.skill_keys.add(key)
        if not key.isascii() and len(key) >= 2 and key not in self.substring_keys:
            self.substring_keys[key] = code
            self.substring_lengths.add(len(key))
        return code

    def city_code(self, city: str) -> int:
        return self._cities.get(city, -1)

    @staticmethod
    def job_type_codes(values: tuple[str, ...]) -> list[int]:
        return [_JOB_TYPES[value] for value in values if value in _JOB_TYPES]

    def slots_of(self, job_ids: np.ndarray) -> np.ndarray:
        """Row slots of the given ids, -1 for an id the table does not hold."""
        return slots_for(self.slot_by_id, job_ids)

    def doc_at(self, slot: int) -> JobDoc | None:
        return self._docs[slot]

    def allowed_ids(self, profile: ProfileDoc, *, filters: MatchFilters | None = None,
                    now: datetime | None = None) -> np.ndarray:
        """Ids of the jobs that pass every hard filter for this profile (rules.passes_hard_filters, vectorised)."""
        now = now or datetime.now(UTC)
        with self.lock:
            n = self._size
            mask = self.live[:n] & (self.expires[:n] > int(now.timestamp()))
            mask &= self.education[:n] <= education_rank(profile.education)
            if not internship_eligible(profile, now.date()):
                mask &= self.job_type[:n] != _JOB_TYPES[JobType.INTERNSHIP]
            if profile.preferred_job_types:
                wanted = {_JOB_TYPES[value] for value in profile.preferred_job_types}
                if profile.priority:
                    wanted.add(_JOB_TYPES[JobType.PUBLIC_WELFARE])  # the P8 floor stays visible
                mask &= np.isin(self.job_type[:n], sorted(wanted))
            if filters is not None:
                mask &= self._caller_mask(filters, n)
            return self.ids[:n][mask].copy()

    @staticmethod
    def filter_key(profile: ProfileDoc, now: datetime) -> tuple[object, ...]:
        """What ``allowed_ids`` (without caller filters) reads of a profile: profiles with equal
        keys are allowed the same jobs."""
        return (education_rank(profile.education), internship_eligible(profile, now.date()),
                frozenset(profile.preferred_job_types), bool(profile.priority and profile.preferred_job_types))

    def _caller_mask(self, filters: MatchFilters, n: int) -> np.ndarray:
        mask = np.ones(n, dtype=np.bool_)
        if filters.cities:
            codes = [self._cities[city] for city in filters.cities if city in self._cities]
            mask &= np.isin(self.city[:n], codes)
        if filters.industries:
            mask &= np.isin(self.industry[:n], [_INDUSTRIES[value] for value in filters.industries
                                                if value in _INDUSTRIES])
        if filters.job_types:
            mask &= np.isin(self.job_type[:n], [_JOB_TYPES[value] for value in filters.job_types
                                                if value in _JOB_TYPES])
        if filters.salary_min is not None:
            with np.errstate(invalid="ignore"):
                mask &= self.salary_max[:n] >= filters.salary_min
        if filters.education is not None:
            mask &= self.education[:n] <= education_rank(filters.education)
        if filters.max_experience_years is not None:
            experience = self.experience[:n]
            mask &= np.isnan(experience) | (experience <= filters.max_experience_years)
        return mask


def required_skill_keys(skills: tuple[str, ...]) -> list[str]:
    """The canonical keys ``term_overlap`` compares, once each, in listed order (empty ones dropped)."""
    keys: list[str] = []
    for term in skills:
        key = canonical_term(term) if term else ""
        if key and key not in keys:
            keys.append(key)
    return keys
