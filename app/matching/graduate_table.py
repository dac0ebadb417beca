"""Graduates held in memory for the job → candidates direction, with vectorised eligibility and
the columns columnar.py scores a candidate pool from (major, preferences, offered skills, ...)."""
from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import numpy as np
from numpy.dtypes import StringDType

from app.domain.enums import EDUCATION_RANK, Education, JobType
from app.matching.columns import Ragged, Vocab, grown, slots_for
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.lexical import canonical_term, _ASCII_TERM
from app.matching.occupations import major_occupations
from app.matching.rules import INTERNSHIP_MAX_AGE, INTERNSHIP_MIN_AGE, INTERNSHIP_YEARS_SINCE_GRADUATION

_JOB_TYPE_BIT = {job_type.value: 1 << code for code, job_type in enumerate(JobType)}
_NO_BIRTH = np.iinfo(np.int32).min
# Joins a graduate's offered terms into one searchable string. No canonical term contains it
# (canonical_term splits on whitespace, and Python counts U+001F as whitespace), so a required
# skill found in the string was found inside one term (see offered_text). Not NUL: numpy strips
# trailing NULs from a search pattern.
SEP = "\x1f"
_NUMERIC = ("education", "graduation_year", "birth_ordinal", "job_type_bits", "priority", "major",
            "occupation_prefixes", "current_city", "expected_salary", "experience_years", "pref_city_count",
            "pref_industry_count")


class GraduateTable:
    """Only graduates who can be offered a job are kept: active, wanting a job, not yet employed."""

    def __init__(self) -> None:
        self.lock = threading.RLock()  # writers, and readers of several columns at once
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
        # Scoring columns: codes into the vocabularies below, -1/NaN where the graduate stated nothing.
        self.majors = Vocab()  # stripped major names (major_fit compares them with listed majors)
        self.prefix_sets: Vocab = Vocab()  # occupation prefixes of a major, joined by ","
        self.cities = Vocab()
        self.industries = Vocab()
        self.major = np.zeros(0, dtype=np.int32)
        self.occupation_prefixes = np.zeros(0, dtype=np.int32)
        self.current_city = np.zeros(0, dtype=np.int32)
        self.expected_salary = np.zeros(0, dtype=np.float64)
        self.experience_years = np.zeros(0, dtype=np.float64)
        self.pref_city_count = np.zeros(0, dtype=np.int32)
        self.pref_industry_count = np.zeros(0, dtype=np.int32)
        self.pref_cities = Ragged()
        self.pref_industries = Ragged()
        self.offered = np.zeros(0, dtype=StringDType())
        self.slot_by_id = np.full(0, -1, dtype=np.int32)

    def __len__(self) -> int:
        return len(self._slot_of)

    def get(self, graduate_id: int) -> ProfileDoc | None:
        slot = self._slot_of.get(graduate_id)
        return None if slot is None else self._docs[slot]

    def _grow(self) -> None:
        capacity = max(1024, 2 * len(self.ids))
        self.ids = grown(self.ids, capacity, -1)
        self.present = grown(self.present, capacity, False)
        for name in _NUMERIC:
            setattr(self, name, grown(getattr(self, name), capacity, 0))
        self.offered = grown(self.offered, capacity, "")
        self.pref_cities.ensure(capacity)
        self.pref_industries.ensure(capacity)
        self._docs.extend([None] * (capacity - len(self._docs)))

    def upsert(self, doc: ProfileDoc) -> None:
        assert doc.id is not None
        with self.lock:
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
            bits = 0
            for value in doc.preferred_job_types:  # OR, not sum: a repeated type is one bit
                bits |= _JOB_TYPE_BIT[value]
            self.job_type_bits[slot] = bits
            self.priority[slot] = doc.priority
            self._set_scoring_columns(slot, doc)

    def _set_scoring_columns(self, slot: int, doc: ProfileDoc) -> None:
        assert doc.id is not None
        self.major[slot] = self.majors.add(doc.major.strip())
        self.occupation_prefixes[slot] = self.prefix_sets.add(",".join(major_occupations(doc.major)))
        # "if profile.current_city" in city_fit: an empty string is no city.
        self.current_city[slot] = self.cities.add(doc.current_city) if doc.current_city else -1
        self.expected_salary[slot] = np.nan if doc.expected_salary is None else doc.expected_salary
        self.experience_years[slot] = doc.work_experience_years
        self.pref_city_count[slot] = len(doc.preferred_cities)
        self.pref_cities.set(slot, [self.cities.add(city) for city in doc.preferred_cities])
        self.pref_industry_count[slot] = len(doc.preferred_industries)
        self.pref_industries.set(slot, [self.industries.add(value) for value in doc.preferred_industries])
        self.offered[slot] = offered_text(doc)
        if doc.id >= len(self.slot_by_id):
            self.slot_by_id = grown(self.slot_by_id, max(2 * len(self.slot_by_id), doc.id + 1, 1024), -1)
        self.slot_by_id[doc.id] = slot

    def remove(self, graduate_id: int) -> None:
        with self.lock:
            slot = self._slot_of.pop(graduate_id, None)
            if slot is None:
                return
            self._docs[slot] = None
            self.present[slot] = False
            self.ids[slot] = -1
            self.pref_cities.clear(slot)
            self.pref_industries.clear(slot)
            self.slot_by_id[graduate_id] = -1
            self._free.append(slot)

    @staticmethod
    def job_type_bit(job_type: str) -> int:
        return _JOB_TYPE_BIT[job_type]

    def slots_of(self, graduate_ids: np.ndarray) -> np.ndarray:
        """Row slots of the given ids, -1 for an id the table does not hold."""
        return slots_for(self.slot_by_id, graduate_ids)

    def doc_at(self, slot: int) -> ProfileDoc | None:
        return self._docs[slot]

    def eligible_ids(self, job: JobDoc, *, now: datetime | None = None, with_priority: bool = True) -> np.ndarray:
        """Graduates for whom this job passes every hard filter (rules.passes_hard_filters, vectorised).
        ``with_priority=False`` drops the P8 public-welfare floor: who is let in by it would tell a
        caller who may not know it which graduates have hardship status."""
        today = (now or datetime.now(UTC)).date()
        with self.lock:
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


def offered_terms(profile: ProfileDoc) -> list[str]:
    """What ``term_overlap`` matches required skills against: the canonical skills and intro."""
    return [canonical_term(term) for term in (*profile.skills, profile.intro) if term and term.strip()]


def offered_text(profile: ProfileDoc) -> str:
    """The offered terms, then the ASCII tokens in them, each framed by SEP: a required key k is
    met (lexical._covers) when SEP+k+SEP occurs (equal to a term, or an ASCII key equal to a whole
    token) or, for a non-ASCII key of two or more characters, when k occurs at all (inside a term:
    the tokens part is ASCII, so it cannot hold k)."""
    terms = offered_terms(profile)
    tokens = [token for term in terms for token in _ASCII_TERM.findall(term)]
    return SEP + SEP.join([*terms, *tokens]) + SEP
