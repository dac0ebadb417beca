"""What office staff read after an import is Chinese, and a rejected row lists every problem it has."""
from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import FairRegistration, Graduate, Job
from app.importing.messages import UNMAPPED, chinese_reason
from app.importing.reader import Resource
from app.fairs.registration_sheet import FairImportError, register_from_file
from app.services.importing import import_file
from tests.factories import national_id
from tests.fairs.conftest import FairWorld, world  # noqa: F401 - the fixture, used by name

# An English word in a reason means a message reached staff untranslated.
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _report(path: Path | None) -> list[tuple[str, str, str]]:
    assert path is not None, "expected a rejection report"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [tuple(row) for row in csv.reader(handle)][1:]  # type: ignore[misc]


def _assert_chinese(reasons: list[str]) -> None:
    for reason in reasons:
        assert UNMAPPED not in reason and not ENGLISH_WORD.search(reason), reason


def test_a_graduate_row_with_four_problems_lists_all_four_in_chinese(
        tmp_path: Path, session_factory: Callable[[], Session], session: Session) -> None:
    good = national_id(sequence="321")
    bad_check_digit = good[:-1] + ("0" if good[-1] != "0" else "1")
    path = _csv(tmp_path / "台账.csv", [
        ["编号", "姓名", "身份证号", "手机号", "专业", "学历", "毕业年份"],
        ["G1", "王磊", bad_check_digit, "12345", "护理学", "博士后", "1980"],  # four problems
        ["G2", "李娜", good, "13905310002", "护理学", "本科", "2025"],
    ])
    summary = import_file(path=path, resource=Resource.GRADUATES, session_factory=session_factory)
    assert (summary.created, summary.rejected_rows) == (1, {2})
    report = _report(summary.report_path)
    assert {column for _, column, _ in report} == {"学历", "身份证号", "手机号", "毕业年份"}
    assert all(row == "2" for row, _, _ in report)
    reasons = {column: reason for _, column, reason in report}
    assert "博士后" in reasons["学历"]  # the reader: a word it does not know
    assert reasons["身份证号"] == "身份证号校验位错误"
    assert reasons["手机号"] == "手机号应为11位数字、以1开头"
    assert re.fullmatch(r"毕业年份应在1990年至\d{4}年之间", reasons["毕业年份"])
    assert session.scalar(select(func.count()).select_from(Graduate)) == 1


def test_a_missing_required_value_and_a_too_long_one_are_both_named(
        tmp_path: Path, session_factory: Callable[[], Session]) -> None:
    path = _csv(tmp_path / "台账.csv", [
        ["编号", "姓名", "专业", "学历", "毕业年份", "毕业院校"],
        ["G1", "王磊", "", "本科", "2025", "大" * 201],  # no major, school too long
    ])
    summary = import_file(path=path, resource=Resource.GRADUATES, session_factory=session_factory)
    assert sorted((column, reason) for _, column, reason in _report(summary.report_path)) == [
        ("专业", "必填，不能为空"), ("毕业院校", "不能超过200个字")]


@pytest.mark.parametrize(("cells", "columns"), [
    ({"招聘人数": "0", "最低月薪": "8000", "最高月薪": "6000"}, {"招聘人数"}),  # field rules first
    ({"最低月薪": "8000", "最高月薪": "6000"}, {"最低月薪"}),  # then the whole-record rule
    ({"岗位编号": "J 1", "截止日期": "2026-13-45", "岗位名称": "护" * 201}, {"岗位编号", "截止日期", "岗位名称"}),
])
def test_job_rows_are_reported_in_chinese(tmp_path: Path, session_factory: Callable[[], Session],
                                          session: Session, cells: dict[str, str], columns: set[str]) -> None:
    row = {"岗位编号": "J1", "岗位名称": "护士", "单位名称": "临沂市人民医院", "工作城市": "临沂", **cells}
    path = _csv(tmp_path / "岗位.csv", [list(row), list(row.values())])
    summary = import_file(path=path, resource=Resource.JOBS, session_factory=session_factory)
    report = _report(summary.report_path)
    assert {column for _, column, _ in report} == columns
    _assert_chinese([reason for _, _, reason in report])
    assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_every_sentence_the_import_can_meet_is_mapped() -> None:
    """The validators' and services' English sentences that reach reports, each with its Chinese."""
    for sentence in ["graduation_year must be between 1990 and 2027", "birth_date must be between 1950-01-01 and "
                     "2012-11-30", "birth_date does not match the birth date in national_id",
                     "salary_min must not exceed salary_max", "must be an integer, not true/false or a fraction",
                     "must be an ISO 8601 date such as 2026-12-05", "cannot be null; send 0 for no work experience",
                     "must not contain NUL characters (\\u0000)", "only staff or admin keys may set this field",
                     "already registered under another external_id", "already used by another source",
                     "recorded by employment-office staff; ask them to change it",
                     "the record conflicts with a stored record", "Value error, salary_min must not exceed salary_max"]:
        _assert_chinese([chinese_reason(sentence)])
    assert chinese_reason("something nobody mapped") == f"{UNMAPPED}（something nobody mapped）"


def _sheet(tmp_path: Path, rows: list[list[str]]) -> Path:
    return _csv(tmp_path / "报名表.csv", [["毕业生编号", "场次", "面试数"], *rows])


def test_a_fair_row_with_three_problems_lists_three_in_chinese(world: FairWorld, session: Session,
                                                               tmp_path: Path) -> None:
    path = _sheet(tmp_path, [["fair-grad-0", "1", "2"],
                             ["nobody", "7", "9"],  # unknown graduate, no slot 7, above the cap of 5
                             ["fair-grad-1", "2", "两"]])  # not a number
    with pytest.raises(FairImportError) as raised:
        register_from_file(session, fair_id=world.fair_id, path=path)
    lines = raised.value.report_zh()
    assert lines[0] == "未登记任何毕业生：2 行有问题，请改正后重新导入"
    assert sorted(line for line in lines if line.startswith("第3行")) == [
        "第3行：场次“7”不是本场招聘会的场次", "第3行：没有编号为“nobody”的毕业生", "第3行：面试数超过本场招聘会每人最多5场"]
    assert lines[-1] == "第4行：面试数应为整数"
    # The upload route (an HTTP API) keeps its English reasons, one per problem, rows as Excel numbers them.
    assert [where for where, _ in raised.value.rejected] == ["row 3", "row 3", "row 3", "row 4"]
    assert session.scalar(select(func.count()).select_from(FairRegistration)) == 0


def test_a_fair_sheet_naming_a_graduate_twice_says_which_rows(world: FairWorld, session: Session,
                                                              tmp_path: Path) -> None:
    path = _sheet(tmp_path, [["fair-grad-0", "1", ""], ["fair-grad-0", "2", ""]])
    with pytest.raises(FairImportError) as raised:
        register_from_file(session, fair_id=world.fair_id, path=path)
    assert raised.value.report_zh()[1:] == ["第3行：与第2行是同一名毕业生"]
