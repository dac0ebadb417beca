"""Every reason the matcher gives is true of the two records (issue 10, item 6).

Random profile/posting pairs (majors that contain one another, empty and full lists, cities,
salaries, education levels, job types, skills, experience) go through the real explain functions;
each reason is then classified by its wording and checked by a predicate written here, from the
records alone, without calling the code under test. A reason that matches no known kind fails the
test: a new kind of reason must come with its predicate.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.enums import EDUCATION_NAMES, EDUCATION_RANK, INDUSTRY_NAMES, JOB_TYPE_NAMES, Education, Industry, JobType
from app.matching.affinity import major_industry_affinity
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.engine import MatchEngine, RankingSettings
from app.matching.explain import FALLBACK, candidate_reasons, priority_changed_order, reasons_for
from app.matching.features import STRUCTURED_COMPONENTS
from app.matching.lexical import term_overlap
from app.matching.scorer import DEFAULT_WEIGHTS, Scored, apply_priority

# Majors chosen so that some contain others (护理 ⊂ 护理学, 会计 ⊂ 会计学, 电气工程 ⊂ 电气工程及其自动化)
# and one is a single character that "contains" nothing honestly.
MAJORS = ["护理学", "护理", "临床医学", "会计学", "会计", "电气工程及其自动化", "电气工程", "计算机科学与技术",
          "软件工程", "汉语言文学", "学"]
SKILLS = ["Java", "Python", "Excel", "CAD", "护士执业资格", "静脉输液", "财务报表", "PLC编程", "沟通", "驾驶"]
CITIES = ["临沂", "济南", "青岛", "烟台"]
INTRO_PARTS = ["做过课程项目。", "熟悉Excel和财务报表。", "希望学习Java。", "会CAD制图。", "喜欢和人沟通。", ""]
# Titles with and without seniority words, for reasons that read the title.
TITLES = ["岗位", "会计", "资深会计", "高级Java工程师", "护士长", "销售经理", "财务总监", "护士（应届生可投）"]
SALARIES = st.one_of(st.none(), st.integers(min_value=2000, max_value=15000))


def _sublist(items: list[str], max_size: int = 4) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(items), max_size=max_size, unique=True).map(tuple)


profiles = st.builds(
    ProfileDoc,
    major=st.sampled_from(MAJORS),
    education=st.sampled_from([e.value for e in Education]),
    graduation_year=st.integers(min_value=2015, max_value=2026),
    id=st.integers(min_value=1, max_value=10_000),
    skills=_sublist(SKILLS),
    intro=st.lists(st.sampled_from(INTRO_PARTS), max_size=3).map("".join),
    current_city=st.one_of(st.none(), st.sampled_from(CITIES)),
    preferred_cities=_sublist(CITIES, 3),
    preferred_industries=_sublist([i.value for i in Industry], 3),
    preferred_job_types=_sublist([t.value for t in JobType], 3),
    expected_salary=SALARIES,
    priority=st.booleans(),
    work_experience_years=st.integers(min_value=0, max_value=10),
)


@st.composite
def jobs(draw: st.DrawFn) -> JobDoc:
    salary_max = draw(SALARIES)
    return JobDoc(
        id=draw(st.integers(min_value=1, max_value=10_000)), external_id="j", title=draw(st.sampled_from(TITLES)),
        employer_name="单位",
        description="", industry=draw(st.sampled_from([i.value for i in Industry])), city=draw(st.sampled_from(CITIES)),
        education_min=draw(st.sampled_from([e.value for e in Education])),
        job_type=draw(st.sampled_from([t.value for t in JobType])), majors=draw(_sublist(MAJORS, 3)),
        skills=draw(_sublist(SKILLS)), salary_min=None if salary_max is None else salary_max // 2,
        salary_max=salary_max, priority_friendly=draw(st.booleans()),
        experience_min_years=draw(st.one_of(st.none(), st.integers(min_value=0, max_value=10))),
    )


def _rank(level: str) -> int:
    return EDUCATION_RANK[Education(level)]


def _listed(job: JobDoc) -> list[str]:
    return [major.strip() for major in job.majors]


def _related(listed: str, major: str) -> bool:
    return listed != major and min(len(listed), len(major)) >= 2 and (listed in major or major in listed)


def _held_skill(skill: str, profile: ProfileDoc) -> bool:
    # Looser than the matcher's own rule (whole ASCII tokens, synonyms): a reason that claims a skill
    # must at least pass this.
    return any(skill.lower() in own.lower() for own in profile.skills)


def _skill_list(text: str) -> list[str]:
    return text.split("、")


def _education_claim(held: str, required: str, job: JobDoc, profile: ProfileDoc) -> bool:
    return (held == EDUCATION_NAMES[Education(profile.education)]
            and required == EDUCATION_NAMES[Education(job.education_min)]
            and _rank(profile.education) >= _rank(job.education_min))


def _industry_claim(match: re.Match[str], job: JobDoc, profile: ProfileDoc) -> bool:
    return (match[1] == profile.major and match[2] == INDUSTRY_NAMES[Industry(job.industry)]
            and major_industry_affinity(major=profile.major, industry=job.industry) >= 0.75)


def _preferred_city(match: re.Match[str], job: JobDoc, profile: ProfileDoc) -> bool:
    return match[1] == job.city and job.city in profile.preferred_cities


def _current_city(match: re.Match[str], job: JobDoc, profile: ProfileDoc) -> bool:
    # Only said of a graduate who named no preferred city: otherwise their own list speaks.
    return match[1] == job.city == profile.current_city and not profile.preferred_cities


def _experience_claim(match: re.Match[str], job: JobDoc, profile: ProfileDoc) -> bool:
    # Worded by the ranking work (issue 10, item 3); checked here whenever it appears.
    asked = float(match[1])
    claim_none = "没有相关经验" in match.string
    return (job.experience_min_years == asked and profile.work_experience_years < asked
            and (not claim_none or profile.work_experience_years == 0))


Check = Callable[[re.Match[str], JobDoc, ProfileDoc, dict[str, float], bool, bool], bool]

SIMILAR: Check = lambda m, j, p, c, staff, lifted: c["semantic"] >= 0.75 or c["lexical"] >= 0.75  # noqa: E731
SHARED_KINDS: dict[str, Check] = {
    r"^具备岗位要求的技能：(.+)。$": lambda m, j, p, c, staff, lifted: all(
        s in j.skills and _held_skill(s, p) for s in _skill_list(m[1])),
    r"^个人简介提到岗位要求的技能：(.+)。$": lambda m, j, p, c, staff, lifted: all(
        s in j.skills and s.lower() in p.intro.lower() for s in _skill_list(m[1])),
    r"^学历(.+)满足岗位要求（(.+)）。$": lambda m, j, p, c, staff, lifted: _education_claim(m[1], m[2], j, p),
    r"要求(\d+(?:\.\d+)?)年以上工作经验": lambda m, j, p, c, staff, lifted: _experience_claim(m, j, p),
    # Also worded by the ranking work: the title's seniority word, and a posting open to new graduates.
    r"^职位名称含“(.+?)”": lambda m, j, p, c, staff, lifted: m[1].lower() in j.title.lower(),
    r"接受应届毕业生": lambda m, j, p, c, staff, lifted: (
        getattr(j, "open_to_new_grads", False) is True and p.work_experience_years == 0),
    r"没有相关经验": lambda m, j, p, c, staff, lifted: p.work_experience_years == 0,
    "^" + re.escape(FALLBACK) + "$": lambda m, j, p, c, staff, lifted: True,  # checked as "alone" below
}
GRADUATE_KINDS: dict[str, Check] = {
    **SHARED_KINDS,
    r"^专业对口：岗位要求的专业包含“(.+)”。$": lambda m, j, p, c, staff, lifted: m[1] == p.major and m[1] in _listed(j),
    r"^专业相关：岗位要求“(.+)”专业，与所学“(.+)”相近。$": lambda m, j, p, c, staff, lifted: (
        m[1] in _listed(j) and m[2] == p.major and _related(m[1], p.major)),
    r"^“(.+)”专业与(.+)产业高度相关。$": lambda m, j, p, c, staff, lifted: _industry_claim(m, j, p),
    r"^岗位内容与个人简介、技能描述相近。$": SIMILAR,
    r"^工作地点(.+)在意向城市之列。$": lambda m, j, p, c, staff, lifted: _preferred_city(m, j, p),
    r"^工作地点(.+)即现居城市。$": lambda m, j, p, c, staff, lifted: _current_city(m, j, p),
    r"^薪资上限(\d+)元/月，达到期望月薪(\d+)元。$": lambda m, j, p, c, staff, lifted: (
        int(m[1]) == j.salary_max and int(m[2]) == p.expected_salary and int(m[1]) >= int(m[2])),
    r"^岗位类型（(.+)）符合求职意向。$": lambda m, j, p, c, staff, lifted: (
        m[1] == JOB_TYPE_NAMES[JobType(j.job_type)] and j.job_type in p.preferred_job_types),
    r"^属于意向行业：(.+)。$": lambda m, j, p, c, staff, lifted: (
        m[1] == INDUSTRY_NAMES[Industry(j.industry)] and j.industry in p.preferred_industries),
    r"^按困难毕业生帮扶政策（P9），在匹配度相近的岗位中优先推荐。$": lambda m, j, p, c, staff, lifted: staff and lifted,
}
CANDIDATE_KINDS: dict[str, Check] = {
    **SHARED_KINDS,
    r"^所学专业“(.+)”是岗位要求的专业。$": lambda m, j, p, c, staff, lifted: m[1] == p.major and m[1] in _listed(j),
    r"^所学专业“(.+)”与岗位要求的“(.+)”专业相近。$": lambda m, j, p, c, staff, lifted: (
        m[1] == p.major and m[2] in _listed(j) and _related(m[2], p.major)),
    r"^所学专业“(.+)”与(.+)产业高度相关。$": lambda m, j, p, c, staff, lifted: _industry_claim(m, j, p),
    r"^个人简介与岗位内容相近。$": SIMILAR,
    r"^意向工作地点包含(.+)。$": lambda m, j, p, c, staff, lifted: _preferred_city(m, j, p),
    r"^现居(.+)，即工作地点。$": lambda m, j, p, c, staff, lifted: _current_city(m, j, p),
    r"^困难毕业生（P9），匹配度相近时优先推荐。$": lambda m, j, p, c, staff, lifted: staff and lifted,
}
HARDSHIP_WORDS = ("困难", "P9", "帮扶", "低保", "残疾", "建档立卡")


def _check_all(reasons: list[str], kinds: dict[str, Check], job: JobDoc, profile: ProfileDoc,
               components: dict[str, float], staff: bool, lifted: bool) -> None:
    assert reasons, "every result carries at least one reason"
    for reason in reasons:
        found = [(pattern, match) for pattern in kinds if (match := re.search(pattern, reason))]
        assert found, f"reason of no known kind (add its predicate to this test): {reason}"
        for pattern, match in found:
            assert kinds[pattern](match, job, profile, components, staff, lifted), \
                f"untrue reason {reason!r} for\n{job}\n{profile}"
        if not staff:
            assert not any(word in reason for word in HARDSHIP_WORDS), reason
    if FALLBACK in reasons:
        assert reasons == [FALLBACK]
    assert len(set(reasons)) == len(reasons)


@settings(max_examples=400, deadline=None)
@given(job=jobs(), profile=profiles, semantic=st.floats(0, 1), lexical=st.floats(0, 1), staff=st.booleans(),
       lifted=st.booleans())
def test_every_reason_is_true_of_the_two_records(job: JobDoc, profile: ProfileDoc, semantic: float, lexical: float,
                                                 staff: bool, lifted: bool) -> None:
    components = {"semantic": semantic, "lexical": lexical}
    components.update({name: function(job, profile) for name, function in STRUCTURED_COMPONENTS.items()})
    matched, _ = term_overlap(job.skills, [*profile.skills, profile.intro])
    graduate_side = reasons_for(job, profile, components, matched, for_staff=staff, priority_applied=lifted)
    _check_all(graduate_side, GRADUATE_KINDS, job, profile, components, staff, lifted)
    employer_side = candidate_reasons(job, profile, components, matched, for_staff=staff, priority_applied=lifted)
    _check_all(employer_side, CANDIDATE_KINDS, job, profile, components, staff, lifted)
    # And the other way for the plain facts: what holds is said.
    meets = _rank(profile.education) >= _rank(job.education_min)
    assert any(r.startswith("学历") for r in graduate_side) == meets
    assert any(r.startswith("工作地点") for r in graduate_side) == (
        job.city in profile.preferred_cities or (not profile.preferred_cities and profile.current_city == job.city))


def test_the_reported_defects_are_gone() -> None:
    """The two reasons of the newcomer report (2026-11-30, defect 6)."""
    job = JobDoc(id=1, external_id="n", title="护士", employer_name="医院", description="", industry="medical_health",
                 city="临沂", education_min="associate", job_type="full_time", majors=("护理",))
    nurse = ProfileDoc(major="护理学", education="bachelor", graduation_year=2025, id=2, current_city="临沂")
    components = {name: function(job, nurse) for name, function in STRUCTURED_COMPONENTS.items()}
    components.update(semantic=0.5, lexical=0.5)
    for_graduate = reasons_for(job, nurse, components, [])
    assert "专业相关：岗位要求“护理”专业，与所学“护理学”相近。" in for_graduate
    assert not any("包含“护理学”" in reason for reason in for_graduate)
    assert "工作地点临沂即现居城市。" in for_graduate and not any("意向" in r and "临沂" in r for r in for_graduate)
    for_employer = candidate_reasons(job, nurse, components, [], for_staff=False, priority_applied=False)
    assert not any("意向工作地点" in reason for reason in for_employer)
    assert "现居临沂，即工作地点。" in for_employer
    elsewhere = ProfileDoc(major="护理学", education="bachelor", graduation_year=2025, id=3)
    assert not any("临沂" in r for r in candidate_reasons(job, elsewhere, components, [], for_staff=True,
                                                          priority_applied=False))


def _scored(item_id: int, relevance: float, priority: bool) -> Scored:
    return Scored(item_id, {}, relevance, priority=priority)


def test_priority_reason_only_when_the_lift_changed_the_order() -> None:
    # 1 (priority, 0.50) passes 2 (0.52): moved. 3 (priority, 0.40) passes nobody it would have followed.
    ordered = apply_priority([_scored(2, 0.52, False), _scored(1, 0.50, True), _scored(3, 0.40, True),
                              _scored(4, 0.30, False)], band=0.05)
    assert [item.item_id for item in ordered] == [1, 2, 3, 4]
    assert priority_changed_order(ordered) == {1}
    # Equal relevance: the lift matters only if the priority item would have lost the tie on id.
    assert priority_changed_order(apply_priority([_scored(5, 0.5, False), _scored(6, 0.5, True)], band=0.05)) == {6}
    assert priority_changed_order(apply_priority([_scored(5, 0.5, True), _scored(6, 0.5, False)], band=0.05)) == set()


def test_engine_reasons_hold_end_to_end(encoder) -> None:  # type: ignore[no-untyped-def]
    """The engine hands the explain functions what the property test assumes (its own components and
    skill overlap); one posting per major, a nurse and a graduate without a preferred city."""
    engine = MatchEngine(encoder=encoder, settings=RankingSettings(weights=DEFAULT_WEIGHTS, priority_band=0.05))
    docs = [JobDoc(id=i + 1, external_id=f"j{i}", title=f"{major}相关岗位", employer_name="单位", description="",
                   industry="medical_health", city="临沂", education_min="none", job_type="full_time",
                   majors=(major,), skills=("静脉输液",)) for i, major in enumerate(MAJORS)]
    texts = [f"{doc.title} {' '.join(doc.majors)}" for doc in docs]
    engine.put_jobs(list(zip(docs, texts, encoder.encode_passages(texts), strict=True)))
    nurse = ProfileDoc(major="护理学", education="bachelor", graduation_year=2025, current_city="临沂",
                       skills=("静脉输液",))
    vector = encoder.encode_queries(["护理学 静脉输液"])[0]
    results = engine.match_profile(nurse, vector=vector, text="护理学 静脉输液", top_k=len(docs))
    assert len(results) == len(docs)
    for result in results:
        _check_all(result.reasons, GRADUATE_KINDS, result.subject, nurse, result.components, False, False)


def test_the_experience_reason_is_checked_when_present() -> None:
    """The ranking work words the experience reason; this checker must hold it to the records."""
    reason = "要求3年以上工作经验，你目前没有相关经验。"
    job = JobDoc(id=1, external_id="e", title="会计", employer_name="单位", description="", industry="modern_finance",
                 city="临沂", education_min="none", job_type="full_time", experience_min_years=3)
    new_graduate = ProfileDoc(major="会计学", education="bachelor", graduation_year=2025)
    components = {"semantic": 0.0, "lexical": 0.0}
    _check_all([reason], GRADUATE_KINDS, job, new_graduate, components, False, False)
    for job_years, held in ((3, 2), (2, 0), (None, 0)):
        asked = dataclasses.replace(job, experience_min_years=job_years)
        profile = ProfileDoc(major="会计学", education="bachelor", graduation_year=2020, work_experience_years=held)
        with pytest.raises(AssertionError, match="untrue reason"):
            _check_all([reason], GRADUATE_KINDS, asked, profile, components, False, False)
    senior = "职位名称含“资深”，属于资深岗位，你目前没有相关经验。"
    _check_all([senior], GRADUATE_KINDS, dataclasses.replace(job, title="资深会计"), new_graduate, components,
               False, False)
    with pytest.raises(AssertionError, match="untrue reason"):
        _check_all([senior], GRADUATE_KINDS, job, new_graduate, components, False, False)  # title "会计"
    # JobDoc.open_to_new_grads arrives with the ranking work; without it no posting is open by this check.
    not_open = dataclasses.replace(job, open_to_new_grads=False) if hasattr(job, "open_to_new_grads") else job
    with pytest.raises(AssertionError, match="untrue reason"):
        _check_all(["岗位接受应届毕业生。"], GRADUATE_KINDS, not_open, new_graduate, components, False, False)
