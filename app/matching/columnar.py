"""The structured components of features.py, computed for a whole candidate pool at once.

features.py states each component for one (job, profile) pair; it stays the specification and
tests/unit/test_columnar_components.py checks that these arrays equal it (to 1e-9, both
directions, missing values included). Here the query's side is a handful of scalars and the
pool's side is columns of job_table.py / graduate_table.py, so each component is a few numpy
operations over the pool. The string-based components are turned into lookups per distinct
value: a major's match against every listed major, its affinity to every industry string and its
occupation closeness to every title occupation are computed once per major (and cached), and a
profile's skills are matched against the vocabulary of required-skill keys by enumerating the
keys its own terms can cover, so no work grows with the pool but a gather.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

from app.matching.affinity import major_industry_affinity
from app.matching.columns import Vocab, hit_array
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.features import (
    EXPERIENCE_NOT_STATED,
    FRESH_GRADUATE_YEARS,
    NO_PREFERENCE,
    shortfall_decay,
    title_seniority_years,
)
from app.matching.graduate_table import SEP, GraduateTable, offered_terms
from app.matching.job_table import JobTable, required_skill_keys
from app.matching.lexical import _ASCII_TERM
from app.matching.occupations import UNKNOWN, major_occupations, occupation_closeness, title_occupation
from app.matching.rules import education_rank

Columns = dict[str, np.ndarray]
_CACHE_SIZE = 4096


class _PerValue:
    """value → float array over a growing vocabulary, extended (not recomputed) as it grows. The
    arrays are kept on the vocabulary itself (one table's codes mean nothing to another's)."""

    def __init__(self, compute: Callable[[str, str], float]) -> None:
        self._compute = compute
        self._lock = threading.Lock()

    def over(self, value: str, vocab: Vocab) -> np.ndarray:
        cache: OrderedDict[tuple[int, str], np.ndarray] = vocab.derived
        key = (id(self), value)
        with self._lock:
            known = cache.get(key)
            size = len(vocab)
            if known is None or len(known) < size:
                start = 0 if known is None else len(known)
                fresh = np.fromiter((self._compute(value, other) for other in vocab.values[start:size]),
                                    dtype=np.float64, count=size - start)
                known = fresh if known is None else np.concatenate([known, fresh])
                cache[key] = known
                if len(cache) > _CACHE_SIZE:
                    cache.popitem(last=False)
            else:
                cache.move_to_end(key)
            return known[:size]


def _listed_names(major: str, wanted: str) -> float:
    """major_fit's test of one listed major against the (stripped) major of the graduate."""
    return float(wanted == major or wanted in major or major in wanted)


def _affinity(major: str, industry: str) -> float:
    try:
        return major_industry_affinity(major=major, industry=industry)
    except ValueError:  # an industry string the catalogue does not know: no affinity
        return 0.0


def _closeness(prefixes: str, occupation: str) -> float:
    return occupation_closeness(occupation, tuple(prefixes.split(",")) if prefixes else ())


_LISTED = _PerValue(_listed_names)
_AFFINITY = _PerValue(_affinity)
_CLOSENESS = _PerValue(_closeness)


def _exact_decay(shortfall: np.ndarray) -> np.ndarray:
    """shortfall_decay per element with math.exp (np.exp may differ in the last bit): shortfalls
    take few distinct values (whole or half years), so this is a lookup per distinct value."""
    values, inverse = np.unique(shortfall, return_inverse=True)
    decayed = np.fromiter((shortfall_decay(float(value)) for value in values), dtype=np.float64, count=len(values))
    return decayed[inverse.reshape(shortfall.shape)]


def _education(held: np.ndarray | int, asked: np.ndarray | int) -> np.ndarray:
    gap = np.asarray(held, dtype=np.int64) - np.asarray(asked, dtype=np.int64)
    over = np.maximum(0.6, 1.0 - 0.15 * (gap - 1))
    return np.where(gap < 0, 0.0, np.where(gap <= 1, 1.0, over))


def _salary(expected: np.ndarray | float, offered: np.ndarray | float) -> np.ndarray:
    expected, offered = np.asarray(expected, dtype=np.float64), np.asarray(offered, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        shortfall = (expected - offered) / np.maximum(expected, 1)
        short = np.maximum(0.0, 1.0 - 2.0 * shortfall)
        value = np.where(offered >= expected, 1.0, short)
    return np.where(np.isnan(expected) | np.isnan(offered), NO_PREFERENCE, value)


def _experience(asked: np.ndarray | float, open_to_new: np.ndarray | bool, held: np.ndarray | float,
                seniority: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """(experience_fit, seniority_fit); see features.experience_shortfall and seniority_shortfall."""
    asked, held = np.asarray(asked, dtype=np.float64), np.asarray(held, dtype=np.float64)
    open_to_new, seniority = np.asarray(open_to_new, dtype=np.bool_), np.asarray(seniority, dtype=np.float64)
    stated = ~np.isnan(asked)
    fresh = held < FRESH_GRADUATE_YEARS
    waived = ~stated | (open_to_new & fresh)
    shortfall = np.where(waived, 0.0, np.maximum(0.0, np.where(stated, asked, 0.0) - held))
    decayed = _exact_decay(shortfall)
    experience = np.where(shortfall > 0, EXPERIENCE_NOT_STATED * decayed,
                          np.where(stated | open_to_new, 1.0, EXPERIENCE_NOT_STATED))
    title_ask = ~stated & ~open_to_new & ~np.isnan(seniority)
    senior_short = np.where(title_ask, np.maximum(0.0, np.where(title_ask, seniority, 0.0) - held), 0.0)
    return experience, _exact_decay(senior_short)


def _covered_keys(table: JobTable, offered: list[str]) -> np.ndarray:
    """Which required-skill keys of the table the offered terms meet (lexical._covers): equal to a
    term; an ASCII key equal to a whole ASCII token of a term; a longer non-ASCII key inside a
    term. Found by looking up each term, its tokens and its substrings of the lengths non-ASCII
    keys have — work bounded by the profile's text, not by the vocabulary or the pool."""
    vocab = table.skill_keys
    hit = np.zeros(len(vocab), dtype=np.bool_)
    lengths = table.substring_lengths
    for term in offered:
        code = vocab.get(term)
        if code >= 0:
            hit[code] = True
        for token in _ASCII_TERM.findall(term):
            code = vocab.get(token)
            if code >= 0:
                hit[code] = True
        for length in lengths:
            for start in range(len(term) - length + 1):
                code = table.substring_keys.get(term[start:start + length], -1)
                if code >= 0:
                    hit[code] = True
    return hit


def job_columns(table: JobTable, slots: np.ndarray, profile: ProfileDoc) -> Columns:
    """Graduate → jobs: every structured component of ``profile`` against the jobs at ``slots``,
    in features.STRUCTURED_COMPONENTS order, unrounded."""
    major = profile.major.strip()
    listed = _LISTED.over(major, table.listed_majors) > 0
    affinity = _AFFINITY.over(major, table.industry_names)
    closeness = np.append(_CLOSENESS.over(",".join(major_occupations(profile.major)), table.occupations), UNKNOWN)
    lists = table.lists_majors[slots]
    major_fit = np.where(table.majors.any_of(slots, listed), 1.0,
                         affinity[table.industry_name[slots]] * np.where(lists, 0.8, 1.0))
    occupation = closeness[table.occupation[slots]]  # -1 (title not coded) reads the appended UNKNOWN

    counts = table.skill_count[slots]
    matched = table.skills.count_of(slots, _covered_keys(table, offered_terms(profile)))
    with np.errstate(invalid="ignore", divide="ignore"):
        skills = np.where(counts == 0, NO_PREFERENCE, matched / np.maximum(counts, 1))

    cities = table.city[slots]
    if profile.preferred_cities:
        city = np.isin(cities, [table.city_code(c) for c in profile.preferred_cities]).astype(np.float64)
    elif profile.current_city:
        city = np.where(cities == table.city_code(profile.current_city), 1.0, 0.3)
    else:
        city = np.full(len(slots), NO_PREFERENCE)

    expected = np.nan if profile.expected_salary is None else float(profile.expected_salary)
    salary = _salary(expected, table.salary_max[slots])
    n = len(slots)
    if profile.preferred_job_types:
        job_type = np.isin(table.job_type[slots], table.job_type_codes(profile.preferred_job_types)).astype(np.float64)
    else:
        job_type = np.full(n, NO_PREFERENCE)
    if profile.preferred_industries:
        wanted = hit_array(len(table.industry_names), [table.industry_names.get(v) for v in profile.preferred_industries])
        industry = wanted[table.industry_name[slots]].astype(np.float64)
    else:
        industry = np.full(n, NO_PREFERENCE)
    experience, seniority = _experience(table.experience[slots], table.open_to_new_grads[slots],
                                        float(profile.work_experience_years), table.seniority_years[slots])
    return {
        "education": _education(education_rank(profile.education), table.education[slots]),
        "major": major_fit, "occupation": occupation, "skills": skills, "city": city, "salary": salary,
        "job_type": job_type, "industry": industry, "experience": experience, "seniority": seniority,
    }


def graduate_columns(table: GraduateTable, slots: np.ndarray, job: JobDoc) -> Columns:
    """Job → graduates: every structured component of ``job`` against the graduates at ``slots``,
    in features.STRUCTURED_COMPONENTS order, unrounded."""
    n = len(slots)
    majors = table.major[slots]
    unique_majors, inverse = np.unique(majors, return_inverse=True)
    listed = [wanted for wanted in job.majors if wanted]
    per_major = np.fromiter(
        (1.0 if any(_listed_names(table.majors.values[code], wanted) for wanted in listed)
         else _affinity(table.majors.values[code], job.industry) * (0.8 if job.majors else 1.0)
         for code in unique_majors.tolist()), dtype=np.float64, count=len(unique_majors))
    major_fit = per_major[inverse.reshape(n)]

    occupation_code = title_occupation(job.title)
    prefix_codes, prefix_inverse = np.unique(table.occupation_prefixes[slots], return_inverse=True)
    per_prefixes = np.fromiter(
        (_closeness(table.prefix_sets.values[code], occupation_code) if occupation_code is not None else UNKNOWN
         for code in prefix_codes.tolist()), dtype=np.float64, count=len(prefix_codes))
    occupation = per_prefixes[prefix_inverse.reshape(n)]

    keys = required_skill_keys(job.skills)
    if job.skills:
        offered = table.offered[slots]
        matched = np.zeros(n, dtype=np.int64)
        for key in keys:
            pattern = key if not key.isascii() and len(key) >= 2 else SEP + key + SEP
            matched += np.strings.find(offered, pattern) >= 0
        skills = matched / len(job.skills)
    else:
        skills = np.full(n, NO_PREFERENCE)

    city_code = table.cities.get(job.city)
    in_preferred = table.pref_cities.contains(slots, city_code) if city_code >= 0 else np.zeros(n, dtype=np.bool_)
    current = table.current_city[slots]
    city = np.where(table.pref_city_count[slots] > 0, in_preferred.astype(np.float64),
                    np.where(current >= 0, np.where(current == city_code, 1.0, 0.3), NO_PREFERENCE))

    bits = table.job_type_bits[slots]
    job_type = np.where(bits == 0, NO_PREFERENCE, ((bits & table.job_type_bit(job.job_type)) != 0).astype(np.float64))
    industry_code = table.industries.get(job.industry)
    in_industries = (table.pref_industries.contains(slots, industry_code) if industry_code >= 0
                     else np.zeros(n, dtype=np.bool_))
    industry = np.where(table.pref_industry_count[slots] > 0, in_industries.astype(np.float64), NO_PREFERENCE)

    asked = np.nan if job.experience_min_years is None else float(job.experience_min_years)
    seniority_years = title_seniority_years(job.title)
    experience, seniority = _experience(
        np.full(n, asked), np.full(n, job.open_to_new_grads), table.experience_years[slots],
        np.full(n, np.nan if seniority_years is None else seniority_years))
    return {
        "education": _education(table.education[slots], education_rank(job.education_min)),
        "major": major_fit, "occupation": occupation, "skills": skills, "city": city,
        "salary": _salary(table.expected_salary[slots], np.nan if job.salary_max is None else float(job.salary_max)),
        "job_type": job_type, "industry": industry, "experience": experience, "seniority": seniority,
    }

