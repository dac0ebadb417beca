"""The columnar components (columnar.py over job_table / graduate_table columns) equal the per-pair
functions of features.py, which stay the specification, to 1e-9 — in both directions, on generated
records with missing values (no salary, no years stated, no city, no listed majors, uncoded titles),
overlapping majors and skills, ASCII and CJK skill spellings, and tables that were edited (rows
replaced and removed) before scoring."""
from __future__ import annotations

import dataclasses
from typing import TypeVar

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.enums import Education, Industry, JobType
from app.matching.columnar import graduate_columns, job_columns
from app.matching.columns import Ragged, round4
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.explain import priority_changed_order
from app.matching.features import STRUCTURED_COMPONENTS
from app.matching.graduate_table import GraduateTable
from app.matching.job_table import JobTable
from app.matching.scorer import Scored, apply_priority, rank_order

MAJORS = ["护理学", "护理", " 护理学 ", "临床医学", "中医学", "会计学", "会计", "电气工程及其自动化", "电气工程",
          "计算机科学与技术", "软件工程", "汉语言文学", "学", "", "不存在的专业", "食品科学与工程"]
# Spellings that canonicalise together (JS/javascript, ＣＡＤ/autocad/cad), ASCII whole-token cases
# (c vs c++, java vs javascript), CJK containment (护理 ⊂ 护理学), a one-character CJK key, blanks.
SKILLS = ["Java", "java", "JavaScript", "js", "C", "c++", "Python", "Excel", "CAD", "ＣＡＤ", "AutoCAD", "护士执业资格",
          "护士证", "静脉输液", "护理", "护理学", "财务报表", "PLC编程", "PLC", "沟通", "驾", "after effects", "  ", ""]
CITIES = ["临沂", "济南", "青岛", "烟台", ""]
TITLES = ["岗位", "会计", "资深会计", "高级Java工程师", "护士长", "销售经理", "财务总监", "护士（应届生可投）",
          "内科医生", "软件开发工程师", "电工", "xyz", "厨师", "Senior Engineer"]
INTRO_PARTS = ["做过课程项目。", "熟悉Excel和财务报表。", "希望学习Java。", "会CAD制图。", "喜欢和人沟通。", "c++ and js",
               "护理学在读", "", "  "]
SALARIES = st.one_of(st.none(), st.integers(min_value=0, max_value=15000))
YEARS = st.one_of(st.none(), st.sampled_from([0, 0.5, 1, 2, 3, 5, 10]))


def _pick(items: list[str], max_size: int = 4) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(items), max_size=max_size).map(tuple)  # repeats allowed


@st.composite
def jobs(draw: st.DrawFn) -> JobDoc:
    salary_max = draw(SALARIES)
    return JobDoc(
        id=1, external_id="j", title=draw(st.sampled_from(TITLES)), employer_name="单位", description="",
        industry=draw(st.sampled_from([i.value for i in Industry])), city=draw(st.sampled_from(CITIES)),
        education_min=draw(st.sampled_from([e.value for e in Education])),
        job_type=draw(st.sampled_from([t.value for t in JobType])), majors=draw(_pick(MAJORS, 3)),
        skills=draw(_pick(SKILLS, 5)), salary_max=salary_max,
        experience_min_years=draw(YEARS), open_to_new_grads=draw(st.booleans()),
    )


profiles = st.builds(
    ProfileDoc,
    major=st.sampled_from(MAJORS),
    education=st.sampled_from([e.value for e in Education]),
    graduation_year=st.just(2025),
    id=st.just(1),
    skills=_pick(SKILLS),
    intro=st.lists(st.sampled_from(INTRO_PARTS), max_size=3).map("".join),
    current_city=st.one_of(st.none(), st.sampled_from(CITIES)),
    preferred_cities=_pick(CITIES, 3),
    preferred_industries=_pick([i.value for i in Industry], 3),
    preferred_job_types=_pick([t.value for t in JobType], 3),
    expected_salary=SALARIES,
    work_experience_years=st.sampled_from([0.0, 0.5, 1.0, 2.0, 4.0, 8.0]),
)


def _assert_equal(columns: dict[str, np.ndarray], expected: list[dict[str, float]]) -> None:
    assert list(columns) == list(STRUCTURED_COMPONENTS)
    for name, values in columns.items():
        want = np.array([row[name] for row in expected])
        np.testing.assert_allclose(values, want, rtol=0, atol=1e-9, err_msg=name)


Record = TypeVar("Record", JobDoc, ProfileDoc)


def _filled(table: JobTable | GraduateTable, records: list[Record], replaced: list[Record],
            removed: int) -> tuple[list[Record], np.ndarray]:
    """Records numbered 1..n upserted, then edited before scoring (some rows replaced by other
    records, the last few removed): the records kept and their slots."""
    numbered = [dataclasses.replace(record, id=index + 1) for index, record in enumerate(records)]
    for record in numbered:
        table.upsert(record)  # type: ignore[arg-type]
    for index, record in enumerate(replaced):
        numbered[index % len(numbered)] = dataclasses.replace(record, id=numbered[index % len(numbered)].id)
        table.upsert(numbered[index % len(numbered)])  # type: ignore[arg-type]
    for record in numbered[len(numbered) - removed:]:
        table.remove(record.id)  # type: ignore[arg-type]
    kept = numbered[: max(0, len(numbered) - removed)]
    return kept, table.slots_of(np.array([record.id for record in kept], dtype=np.int64))


def _reference(job: JobDoc, profile: ProfileDoc) -> dict[str, float]:
    return {name: function(job, profile) for name, function in STRUCTURED_COMPONENTS.items()}


@settings(max_examples=150, deadline=None)
@given(docs=st.lists(jobs(), min_size=1, max_size=15), replaced=st.lists(jobs(), max_size=4),
       removed=st.integers(min_value=0, max_value=3), profile=profiles)
def test_graduate_to_jobs_equals_features(docs: list[JobDoc], replaced: list[JobDoc], removed: int,
                                          profile: ProfileDoc) -> None:
    table = JobTable(capacity=4)  # small, so the columns grow while filling
    kept, slots = _filled(table, docs, replaced, removed)
    _assert_equal(job_columns(table, slots, profile), [_reference(doc, profile) for doc in kept])


@settings(max_examples=150, deadline=None)
@given(people=st.lists(profiles, min_size=1, max_size=15), replaced=st.lists(profiles, max_size=4),
       removed=st.integers(min_value=0, max_value=3), job=jobs())
def test_job_to_graduates_equals_features(people: list[ProfileDoc], replaced: list[ProfileDoc], removed: int,
                                          job: JobDoc) -> None:
    table = GraduateTable()
    kept, slots = _filled(table, people, replaced, removed)
    _assert_equal(graduate_columns(table, slots, job), [_reference(job, person) for person in kept])


def test_missing_everything_reads_neutral_both_ways() -> None:
    """A posting and a profile that state nothing optional: the neutral values of features.py."""
    job = JobDoc(id=7, external_id="x", title="xyz", employer_name="e", description="", industry="other", city="临沂",
                 education_min="none", job_type="full_time")
    profile = ProfileDoc(major="不存在的专业", education="bachelor", graduation_year=2025, id=3)
    jobs_table, graduates = JobTable(), GraduateTable()
    jobs_table.upsert(job)
    graduates.upsert(profile)
    expected = [_reference(job, profile)]
    assert expected[0]["skills"] == expected[0]["salary"] == expected[0]["city"] == 0.5
    _assert_equal(job_columns(jobs_table, jobs_table.slots_of(np.array([7])), profile), expected)
    _assert_equal(graduate_columns(graduates, graduates.slots_of(np.array([3])), job), expected)


def test_ragged_column_survives_rewrites_and_compaction() -> None:
    column = Ragged()
    column.ensure(50)
    truth: dict[int, list[int]] = {}
    rng = np.random.default_rng(3)
    for _ in range(2000):  # far more writes than the buffer holds: compaction must keep live rows
        slot = int(rng.integers(50))
        codes = rng.integers(0, 9, size=int(rng.integers(0, 6))).tolist()
        column.set(slot, codes)
        truth[slot] = codes
    slots = np.array(sorted(truth))
    seg, codes = column.gather(slots)
    assert [codes[seg == row].tolist() for row in range(len(slots))] == [truth[slot] for slot in slots.tolist()]
    assert column.contains(slots, 4).tolist() == [4 in truth[slot] for slot in slots.tolist()]


def test_round4_is_pythons_round() -> None:
    values = np.array([0.12345, 0.00005, 0.99995, 1 / 3, 0.5, 0.15625, 2.675e-1, 0.0, 1.0, 0.43215])
    rng = np.random.default_rng(0)
    values = np.concatenate([values, rng.random(5000), np.round(rng.random(5000), 5)])
    assert round4(values).tolist() == [round(float(v), 4) for v in values]


@settings(max_examples=300, deadline=None)
@given(items=st.lists(st.tuples(st.sampled_from([0.3, 0.5, 0.52, 0.54, 0.55, 0.6, 0.61]), st.booleans()),
                      min_size=1, max_size=12))
def test_rank_order_equals_apply_priority(items: list[tuple[float, bool]]) -> None:
    """The array ranking (order, P9 lift, "moved") is scorer.apply_priority + priority_changed_order."""
    scored = [Scored(item_id=index * 7 % 13, components={}, relevance=rel, priority=lifted)
              for index, (rel, lifted) in enumerate(items)]
    expected = apply_priority(scored, band=0.05)
    ids = np.array([item.item_id for item in scored])
    ranking = rank_order(ids, np.array([item.relevance for item in scored]),
                         np.array([item.priority for item in scored]), band=0.05)
    assert ids[ranking.order].tolist() == [item.item_id for item in expected]
    assert set(ids[ranking.moved].tolist()) == priority_changed_order(expected)
