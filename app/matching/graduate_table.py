"""Graduates held in memory for the job → candidates direction, with vectorised eligibility."""
from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import numpy as np

from app.domain.enums import EDUCATION_RANK, Education, JobType
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.rules import INTERNSHIP_MAX_AGE, INTERNSHIP_MIN_AGE, INTERNSHIP_YEARS_SINCE_GRADUATION

_JOB_TYPE_BIT = {job_type.value: 1 << code for code, job_type in enumerate(JobType)}
_NO_BIRTH = np.iinfo(np.int32).min


class GraduateTable:
    """Only graduates who can be offered a job are kept: active, wanting a job, not yet employed."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._slot_of: dict[int, int] = {}
        self._docs: list[ProfileDoc | None] = []
        self._free: list[int] = []
        self._size = 0
        self.ids = np.full(0, -1, dtype=np.int64)
        self.present = np.zeros(0, dtype=np.bool_)
        self.education = np.zeros(0, dtype=np.int8)
        self.graduation_year = np.zeros(0, dtype=np.int32)
        self.birth_ordinal = np.zeros(0, dtype=np.int32)
        self.job_type_bits = np.zeros(0, dtype=np.int16)
        self.priority = np.zeros(0, dtype=np.bool_)

    def __len__(self) -> int:
        return len(self._slot_of)

    def get(self, graduate_id: int) -> ProfileDoc | None:
        slot = self._slot_of.get(graduate_id)
        return None if slot is None else self._docs[slot]

    def _grow(self) -> None:
        capacity = max(1024, 2 * len(self.ids))
        for name in ("ids", "present", "education", "graduation_year", "birth_ordinal", "job_type_bits",
                     "priority"):
            old = getattr(self, name)
            new = np.zeros(capacity, dtype=old.dtype)
            if name == "ids":
                new[:] = -1
            new[: len(old)] = old
            setattr(self, name, new)
        self._docs.extend([None] * (capacity - len(self._docs)))

    def upsert(self, doc: ProfileDoc) -> None:
        assert doc.id is not None
        with self._lock:
            slot = self._slot_of.get(doc.id)
            if slot is None:
                if self._free:
                    slot = self._free.pop()
                else:
                    if self._size == len(self.ids):
                        self._grow()
                    slot = self._size
                    self._size += 1
                self._slot_of[doc.id] = slot
            self._docs[slot] = doc
            self.ids[slot] = doc.id
            self.present[slot] = True
            self.education[slot] = EDUCATION_RANK[Education(doc.education)]
            self.graduation_year[slot] = doc.graduation_year
            self.birth_ordinal[slot] = _NO_BIRTH if doc.birth_date is None else doc.birth_date.toordinal()
            self.job_type_bits[slot] = sum(_JOB_TYPE_BIT[value] for value in doc.preferred_job_types)
            self.priority[slot] = doc.priority

    def remove(self, graduate_id: int) -> None:
        with self._lock:
            slot = self._slot_of.pop(graduate_id, None)
            if slot is None:
                return
            self._docs[slot] = None
            self.present[slot] = False
            self.ids[slot] = -1
            self._free.append(slot)

    def eligible_ids(self, job: JobDoc, *, now: datetime | None = None, with_priority: bool = True) -> np.ndarray:
        """Graduates for whom this job passes every hard filter (rules.passes_hard_filters, vectorised).
        ``with_priority=False`` drops the P8 public-welfare floor: who is let in by it would tell a
        caller who may not know it which graduates have hardship status."""
        today = (now or datetime.now(UTC)).date()
        with self._lock:
            n = self._size
            mask = self.present[:n] & (self.education[:n] >= EDUCATION_RANK[Education(job.education_min)])
            if job.job_type == JobType.INTERNSHIP:
                mask &= self._internship_eligible(n, today)
            bit = _JOB_TYPE_BIT[job.job_type]
            bits = self.job_type_bits[:n]
            type_ok = (bits == 0) | ((bits & bit) != 0)
            if job.job_type == JobType.PUBLIC_WELFARE and with_priority:
                type_ok |= self.priority[:n]
            mask &= type_ok
            return self.ids[:n][mask].copy()

    def _internship_eligible(self, n: int, today: date) -> np.ndarray:
        recent = (today.year - self.graduation_year[:n]) <= INTERNSHIP_YEARS_SINCE_GRADUATION
        births = self.birth_ordinal[:n]
        # Age bounds as birth-date bounds: born after (today - 25 years) and on/before (today - 16 years).
        youngest = _years_before(today, INTERNSHIP_MIN_AGE).toordinal()
        oldest = _years_before(today, INTERNSHIP_MAX_AGE + 1).toordinal()
        aged = (births != _NO_BIRTH) & (births <= youngest) & (births > oldest)
        return recent | aged

    def priority_of(self, graduate_id: int) -> bool:
        doc = self.get(graduate_id)
        return bool(doc and doc.priority)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
