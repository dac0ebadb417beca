"""Experience extraction from posting text and tags: counts, ranges, bounds, openness, and the traps."""
from __future__ import annotations

import pytest

from app.matching.experience import extract_experience


def years(description: str = "", *, tags: tuple[str, ...] = (), title: str = "") -> float | None:
    return extract_experience(title=title, description=description, tags=tags).min_years


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("5年及以上", 5.0), ("1-3年", 1.0), ("3-5年", 3.0), ("3年以上", 3.0), ("2年", 2.0), ("1年以下", 0.0),
     ("一年以内", 0.0), ("10年及以上", 10.0), ("三年以上", 3.0)],
)
def test_tags_give_the_lower_end(tag: str, expected: float) -> None:
    assert years(tags=(tag,)) == expected


@pytest.mark.parametrize("tag", ["经验不限", "无需经验", "接受无经验", "在校/应届"])
def test_open_tags(tag: str) -> None:
    result = extract_experience(tags=(tag,))
    assert result.open_to_new_grads and result.min_years is None


def test_non_experience_tags_are_ignored() -> None:
    assert years(tags=("年终奖金", "带薪年假", "销售经验", "五险一金")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("任职要求：1、本科及以上学历；2、3年以上相关工作经验；", 3.0),
        ("具有三年以上同岗位工作经验", 3.0),
        ("从事财务工作5年以上", 5.0),
        ("工作经验：3-5年", 3.0),
        ("需要1至3年销售经验", 1.0),
        ("半年以上客服工作经验", 0.5),
        ("一年以上工作经验", 1.0),
        ("两年以上开发经验", 2.0),
        ("十年以上管理经验", 10.0),
        ("1年以下工作经验均可", 0.0),
        ("5年以上工作经验，其中3年以上团队管理经验", 5.0),
        ("取得护士执业证书3年以上", 3.0),  # certificate years count (see module docstring)
        ("具有中级职称，从业8年以上", 8.0),
    ],
)
def test_description_counts(text: str, expected: float) -> None:
    assert years(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "年龄18-35岁，身体健康",
        "年龄在45周岁以下，有相关工作经验",
        "公司成立10年，是行业领先企业",
        "十年历史品牌，拥有丰富经验的团队",
        "试用期3个月，转正后缴纳五险一金",
        "试用期半年，有经验者优先",
        "签订3年劳动合同，工作经验不作要求以外",
        "服务期满2年后可参加考核",
        "2025年入职，需要相关经验",
        "毕业3年内的高校毕业生",
        "有3年以上相关工作经验者优先",
        "有相关工作经验",
        "工作满3年享受住房补贴",
    ],
)
def test_traps_are_not_experience(text: str) -> None:
    assert years(text) is None


@pytest.mark.parametrize(
    "text",
    ["经验不限，学历不限", "应届生可投", "接受应届毕业生", "无经验可培训上岗", "有无经验均可，公司提供带薪培训",
     "工作经验：不限", "欢迎2026届毕业生", "零基础可学"],
)
def test_open_to_new_graduates(text: str) -> None:
    result = extract_experience(description=text)
    assert result.open_to_new_grads
    assert result.min_years is None


def test_closed_to_new_graduates() -> None:
    assert not extract_experience(description="不接受应届生，需有经验").open_to_new_grads


@pytest.mark.parametrize(
    ("text", "tags"),
    [("3年以上产品设计工作经验或者特别优秀的应届毕业生", ()), ("工作经历：1-2年或优秀应届生", ()),
     ("不限工作经验，欢迎应届毕业生加入", ("3年及以上",))],
)
def test_an_explicit_no_experience_route_wins_over_a_count(text: str, tags: tuple[str, ...]) -> None:
    result = extract_experience(description=text, tags=tags)
    assert result.open_to_new_grads and result.min_years is None


def test_a_preferred_count_is_not_required() -> None:
    assert years("最好有2年以上相关工作经验") is None
    assert years("2年以上经验，5年工作经验较佳") == 2.0


@pytest.mark.parametrize(("text", "expected"), [("6.2年以上高中数学教学经验", 2.0), ("2.5年及以上口腔科临床工作经验", 5.0),
                                                ("2.三年以上制造业品质管理方面工作经验", 3.0)])
def test_list_numbers_glued_to_counts(text: str, expected: float) -> None:
    assert years(text) == expected


@pytest.mark.parametrize(
    ("text", "tags", "driving"),
    [("驾龄3年以上，熟悉本地路线", (), 3.0), ("C1驾照，三年以上驾龄", (), 3.0), ("", ("1-3年驾龄",), 1.0)],
)
def test_driving_years_are_kept_apart(text: str, tags: tuple[str, ...], driving: float) -> None:
    result = extract_experience(description=text, tags=tags)
    assert result.driving_years == driving
    assert result.min_years is None  # 驾龄 is not work experience


def test_driving_and_work_experience_together() -> None:
    result = extract_experience(description="驾龄5年以上，2年以上物流配送工作经验")
    assert (result.min_years, result.driving_years) == (2.0, 5.0)


def test_title_is_read() -> None:
    assert years(title="Java开发工程师（3年以上经验）") == 3.0


def test_full_width_and_tilde_ranges() -> None:
    assert years("３～５年工作经验") == 3.0


def test_nothing_stated() -> None:
    result = extract_experience(title="仓库管理员", description="负责货物出入库登记，熟练使用Excel。")
    assert result.min_years is None and not result.open_to_new_grads and result.driving_years is None
