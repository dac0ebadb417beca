"""The vectorised hard filters (JobTable.allowed_ids) agree with rules.passes_hard_filters, the
``max_experience_years`` caller filter included (unknown requirements are kept by both)."""
from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.enums import Education, Industry, JobType
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.job_table import JobTable
from app.matching.rules import MatchFilters, passes_hard_filters
from tests.matching.test_reasons_property import CITIES, jobs, profiles

def _often_empty(values: list[str]) -> st.SearchStrategy[frozenset[str]]:
    # Mostly off: each filter that is on removes most postings, and the comparison needs survivors.
    return st.one_of(st.just(frozenset()), st.just(frozenset()), st.frozensets(st.sampled_from(values), max_size=2))


def _often_none(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), st.none(), strategy)


filters = st.builds(
    MatchFilters,
    cities=_often_empty(CITIES),
    industries=_often_empty([i.value for i in Industry]),
    job_types=_often_empty([t.value for t in JobType]),
    salary_min=_often_none(st.integers(0, 12000)),
    education=_often_none(st.sampled_from([e.value for e in Education])),
    max_experience_years=st.one_of(st.none(), st.integers(0, 10)),
)


@settings(max_examples=200, deadline=None)
@given(docs=st.lists(jobs(), min_size=1, max_size=12),
       profile=profiles.map(lambda p: dataclasses.replace(p, education="doctor", preferred_job_types=())),
       caller_filters=filters)
def test_table_and_rules_agree(docs: list[JobDoc], profile: ProfileDoc, caller_filters: MatchFilters) -> None:
    now = datetime(2026, 11, 30, tzinfo=UTC)
    table = JobTable()
    numbered = [dataclasses.replace(doc, id=index + 1) for index, doc in enumerate(docs)]
    for doc in numbered:
        table.upsert(doc)
    expected = sorted(doc.id for doc in numbered if passes_hard_filters(doc, profile, now=now, filters=caller_filters))
    assert sorted(table.allowed_ids(profile, filters=caller_filters, now=now).tolist()) == expected


def test_experience_filter_keeps_unknown_and_drops_more() -> None:
    base = JobDoc(id=1, external_id="a", title="t", employer_name="e", description="", industry="other", city="临沂",
                  education_min="none", job_type="full_time")
    profile = ProfileDoc(major="会计学", education="bachelor", graduation_year=2025)
    limit = MatchFilters(max_experience_years=2)
    asks = {years: dataclasses.replace(base, experience_min_years=years) for years in (None, 0, 2, 3)}
    assert {years for years, doc in asks.items() if passes_hard_filters(doc, profile, filters=limit)} == {None, 0, 2}
