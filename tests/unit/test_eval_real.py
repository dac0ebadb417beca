"""The real-postings grader's rules on hand-made postings (no shared data needed)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

FOLDER = Path(__file__).resolve().parents[2] / "evaluation" / "matching-real"


def _load(file: str, name: str) -> ModuleType:
    # The folder name has a hyphen, so it is loaded by path (as grade.py itself is run).
    if str(FOLDER) not in sys.path:
        sys.path.insert(0, str(FOLDER))
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, FOLDER / f"{file}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


occupations = _load("occupations", "occupations")  # the name grade.py imports it by
grade_module = _load("grade", "matching_real_grade")


def posting(title: str, *, description: str = "", education: str = "none", tags: tuple[str, ...] = ()) -> Any:
    return grade_module.judge_posting({"id": "p", "title": title, "description": description,
                                       "education_min": education, "skills": list(tags)})


def profile(targets: list[str], *, education: str = "bachelor", year: int = 2026, held: float = 0,
            job_types: tuple[str, ...] = ("full_time",), extra: tuple[str, ...] = (),
            exclude: tuple[str, ...] = ()) -> Any:
    return grade_module.judge_profile({
        "id": "g", "education": education, "graduation_year": year, "work_experience_years": held,
        "preferred_job_types": list(job_types),
        "_judge": {"target_occupations": targets, "extra_related": list(extra), "exclude_occupations": list(exclude)},
    })


@pytest.mark.parametrize(
    ("title", "occupation"),
    [("(急招)口腔护士", "dental_nurse"), ("护士/护理", "nurse"), ("养老护理员", "elderly_care"),
     ("Java开发工程师", "software_dev"), ("Web前端开发工程师", "frontend_dev"), ("硬件测试工程师", "hardware_eng"),
     ("某某餐饮管理有限公司招聘服务员", "food_service"), ("招聘专员", "hr"), ("推广优化工程师", "marketing"), ("花城湾必胜客服务员", "food_service"),
     ("环保销售工程师", "sales"), ("医疗器械销售", "pharma_sales"), ("仓库搬运工", "warehouse"),
     ("研发工程师", None)],
)
def test_occupation_from_title(title: str, occupation: str | None) -> None:
    assert occupations.occupation_of(title) == occupation


def test_target_related_and_other() -> None:
    nurse = profile(["nurse"])
    assert grade_module.grade(nurse, posting("护士")) == 2
    assert grade_module.grade(nurse, posting("养老护理员")) == 1  # related
    assert grade_module.grade(nurse, posting("会计")) == 0
    assert grade_module.grade(nurse, posting("研发工程师")) == 0  # no occupation


def test_education_below_the_requirement_is_zero_and_above_is_fine() -> None:
    assert grade_module.grade(profile(["accountant"], education="associate"), posting("会计", education="bachelor")) == 0
    assert grade_module.grade(profile(["accountant"], education="master"), posting("会计", education="associate")) == 2


@pytest.mark.parametrize(
    ("description", "tags", "held", "expected"),
    [
        ("3年以上相关工作经验", (), 0, 0),  # gap 3
        ("1年以上相关工作经验", (), 0, 1),  # gap 1: at most 1
        ("3年以上相关工作经验", (), 3, 2),  # held enough
        ("3-5年会计工作经验", (), 2, 1),  # range: lower end 3, gap 1
        ("", ("5年及以上",), 0, 0),  # tag
        ("3年以上工作经验，接受应届毕业生", (), 0, 2),  # open wins
        ("有3年以上工作经验者优先", (), 0, 2),  # preferred only
        ("年龄18-35岁，试用期3个月", (), 0, 2),  # not experience
        ("驾龄3年以上", (), 0, 2),  # driving years are not work experience for the grader either
    ],
)
def test_experience_rule(description: str, tags: tuple[str, ...], held: float, expected: int) -> None:
    assert grade_module.grade(profile(["accountant"], held=held),
                              posting("会计", description=description, tags=tags)) == expected


def test_senior_title_implies_three_years_when_silent() -> None:
    assert grade_module.grade(profile(["accountant"]), posting("会计主管")) == 0
    assert grade_module.grade(profile(["accountant"], held=3), posting("会计主管")) == 2
    assert grade_module.grade(profile(["accountant"]), posting("会计主管", description="接受应届生")) == 2


def test_executive_titles_are_zero_below_five_years() -> None:
    assert grade_module.grade(profile(["accountant"], held=4), posting("财务总监")) == 0
    assert grade_module.grade(profile(["accountant"], held=6), posting("财务总监")) == 2


def test_internship_window_and_job_type_preference() -> None:
    assert grade_module.job_type_of("会计实习生") == "internship"
    assert grade_module.job_type_of("兼职客服日结") == "flexible"
    intern = posting("会计实习生")
    assert grade_module.grade(profile(["accountant"], year=2021, job_types=("full_time", "internship")), intern) == 0
    assert grade_module.grade(profile(["accountant"], year=2025, job_types=("full_time", "internship")), intern) == 2
    assert grade_module.grade(profile(["accountant"], year=2025), intern) == 1  # type not wanted: at most 1


def test_exclusions_and_extra_related() -> None:
    writer = profile(["new_media_ops"], extra=("hr",), exclude=("school_teacher",))
    assert grade_module.grade(writer, posting("语文老师")) == 0
    assert grade_module.grade(writer, posting("人事专员")) == 1


def test_split_is_stratified_by_education() -> None:
    people = [grade_module.judge_profile({
        "id": f"real-grad-{i:02d}", "education": edu, "graduation_year": 2026, "preferred_job_types": ["full_time"],
        "_judge": {"target_occupations": ["sales"]}}) for i, edu in enumerate(["associate"] * 4 + ["master"] * 2)]
    splits = grade_module.split_profiles(people)
    assert sorted(splits[p.id] for p in people if p.education == "associate") == ["dev", "dev", "test", "test"]
    assert sorted(splits[p.id] for p in people if p.education == "master") == ["dev", "test"]


def test_every_related_code_is_an_occupation() -> None:
    for code, related in occupations.RELATED.items():
        assert code in occupations.OCCUPATION_NAMES
        assert set(related) <= set(occupations.OCCUPATION_NAMES)


def _fusion() -> ModuleType:
    scripts = Path(__file__).resolve().parents[2] / "scripts"
    if str(scripts) not in sys.path:
        sys.path.insert(0, str(scripts))
    from benchlib import fusion

    return fusion


def test_simple_fusion_rrf_and_experience_demotion() -> None:
    fusion = _fusion()
    # BM25 ranks 1 then 3 (2 has no hit); cosine ranks 2, 3, 1. RRF: 1 (1/61 + 1/63) edges 3 (2/62);
    # 2 would be next on its cosine alone but is demoted below everything.
    order = fusion.rrf([1, 2, 3], {1: 5.0, 3: 1.0}, {1: 0.1, 2: 0.9, 3: 0.5}, demoted={2})
    assert order == [1, 3, 2]
    # Without the demotion 2 still ends last here: 1/61 from cosine alone is below both fused scores.
    assert fusion.rrf([1, 2, 3], {1: 5.0, 3: 1.0}, {1: 0.1, 2: 0.9, 3: 0.5}, demoted=set()) == [1, 3, 2]
    # A demoted item stays below even the weakest undemoted one.
    assert fusion.rrf([1, 2, 3], {2: 9.0}, {1: 0.1, 2: 0.9, 3: 0.5}, demoted={2})[-1] == 2


def test_simple_fusion_helpers() -> None:
    fusion = _fusion()
    assert fusion.title_weighted_text("会计", "会计 出纳 记账").split().count("会计") == 4
    assert fusion.years_asked("会计", "3年以上相关工作经验", []) == 3.0
    assert fusion.years_asked("会计", "经验不限", []) == 0.0
    assert fusion.too_experienced(3.0, 0.0) and not fusion.too_experienced(3.0, 3.0)
    assert not fusion.too_experienced(1.0, 0.0)  # below the 2-year line: not demoted
    assert fusion.education_ok("bachelor", "associate") and not fusion.education_ok("associate", "bachelor")
