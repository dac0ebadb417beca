"""Spreadsheet import end to end: GBK CSV and XLSX with bad rows, idempotent reruns."""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Graduate, Job
from app.importing.reader import Resource
from app.services.importing import import_file
from tests.factories import national_id

GRADUATE_HEADERS = ["编号", "姓名", "身份证号", "手机号", "性别", "毕业院校", "专业", "学历", "毕业年份",
                    "意向城市", "困难类别", "登记渠道"]


def _graduate_rows() -> list[list[str]]:
    good_id = national_id(sequence="111")
    bad_id = good_id[:-1] + ("0" if good_id[-1] != "0" else "1")
    return [
        ["G001", "王磊", good_id, "13905310001", "男", "山东大学", "计算机科学与技术", "本科", "2025", "济南、青岛", "", "小程序"],
        ["G002", "李娜", bad_id, "13905310002", "女", "青岛大学", "护理学", "本科", "2025", "青岛", "低保", ""],
        ["G003", "赵强", "", "13905310003", "男", "山东农业大学", "农学", "硕士", "1985", "泰安", "", ""],
        ["G004", "孙丽", "", "13905310004", "女", "济南职业学院", "护理", "大专", "2024", "济南", "建档立卡", "现场"],
        ["G005", "周杰", "", "13905310005", "男", "潍坊学院", "机械设计制造及其自动化", "博士后", "2023", "潍坊", "", ""],
    ]


def _write_csv(path: Path, rows: list[list[str]], *, encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(GRADUATE_HEADERS)
        writer.writerows(rows)
    return path


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _report(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_gbk_csv_import_reports_bad_rows_and_reruns_cleanly(
        tmp_path: Path, session_factory: Callable[[], Session], session: Session) -> None:
    path = _write_csv(tmp_path / "台账.csv", _graduate_rows(), encoding="gbk")
    summary = import_file(path=path, resource=Resource.GRADUATES, session_factory=session_factory)
    assert (summary.total_rows, summary.created) == (5, 2)
    assert summary.rejected_rows == {3, 4, 6}
    report = _report(summary.report_path)  # type: ignore[arg-type]
    by_row = {row["行号"]: row for row in report}
    assert by_row["3"]["列"] == "身份证号" and "校验位" in by_row["3"]["原因"]
    assert by_row["4"]["列"] == "毕业年份"
    assert by_row["6"]["列"] == "学历"
    stored = session.scalar(select(Graduate).where(Graduate.external_id == "G004"))
    assert stored is not None and stored.hardship == ["poverty_registered"] and stored.education == "associate"
    assert stored.registration_channel == "walk_in"
    assert session.scalar(select(Graduate.registration_channel).where(Graduate.external_id == "G001")) \
        == "mini_program"

    again = import_file(path=path, resource=Resource.GRADUATES, session_factory=session_factory)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert _count(session, Graduate) == 2


def test_utf8_bom_csv_is_read_the_same(tmp_path: Path, session_factory: Callable[[], Session]) -> None:
    path = _write_csv(tmp_path / "bom.csv", _graduate_rows(), encoding="utf-8-sig")
    summary = import_file(path=path, resource=Resource.GRADUATES, session_factory=session_factory)
    assert summary.created == 2 and len(summary.rejected_rows) == 3


def test_xlsx_jobs_import(tmp_path: Path, session_factory: Callable[[], Session], session: Session) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["岗位编号", "岗位名称", "单位名称", "所属行业", "工作城市", "学历要求", "最低月薪", "最高月薪",
                  "岗位类型", "岗位描述"])
    sheet.append(["J1", "电气工程师", "潍坊华拓机械有限公司", "高端装备", "潍坊", "本科", 6000, 9000, "全职",
                  "负责PLC编程与设备调试"])
    sheet.append(["J2", "化验员", "东营石化有限公司", "钢铁", "东营", "大专", 4000, 5000, "全职", "负责化验"])
    sheet.append(["J3", "会计", "济南银行", "现代金融", "济南", "本科", 9000, 5000, "全职", "负责核算"])
    path = tmp_path / "jobs.xlsx"
    workbook.save(path)
    summary = import_file(path=path, resource=Resource.JOBS, session_factory=session_factory)
    assert summary.created == 1 and summary.rejected_rows == {3, 4}
    reasons = {row["行号"]: row for row in _report(summary.report_path)}  # type: ignore[arg-type]
    assert reasons["3"]["列"] == "所属行业"
    assert reasons["4"]["列"] in {"最低月薪", "salary_min"}
    job = session.scalar(select(Job).where(Job.external_id == "J1"))
    assert job is not None and job.industry == "high_end_equipment" and job.salary_max == 9000


def test_stale_report_is_removed_when_a_fixed_file_imports_cleanly(
        tmp_path: Path, session_factory: Callable[[], Session]) -> None:
    path = _write_csv(tmp_path / "fix.csv", _graduate_rows(), encoding="gbk")
    first = import_file(path=path, resource=Resource.GRADUATES, session_factory=session_factory)
    assert first.report_path is not None and first.report_path.exists()
    good_rows = [row for index, row in enumerate(_graduate_rows()) if index in (0, 3)]
    _write_csv(path, good_rows, encoding="gbk")
    second = import_file(path=path, resource=Resource.GRADUATES, session_factory=session_factory)
    assert second.report_path is None and not first.report_path.exists()
