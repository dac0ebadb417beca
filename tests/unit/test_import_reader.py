"""Reading staff spreadsheets: encodings, Excel cell types, header spellings and cell words."""
from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.importing.columns import header_key, unknown_headers
from app.importing.reader import ImportFormatError, Resource, SourceRow, read_rows
from app.importing.report import RowProblem, write_rejections

GRADUATE_HEADERS = ["编号", "姓名", "学历", "意向行业", "期望月薪"]
GRADUATE_ROW = ["G001", "张三", "本科", "新一代信息技术、智慧海洋", "8,000"]
EXPECTED_VALUES = {
    "external_id": "G001",
    "name": "张三",
    "education": "bachelor",
    "preferred_industries": ["new_gen_it", "modern_marine"],
    "expected_salary": 8000,
}


def write_csv(path: Path, rows: Sequence[Sequence[Any]], *, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def read_all(path: Path, resource: Resource = Resource.GRADUATES) -> tuple[int, list[SourceRow]]:
    total, rows = read_rows(path, resource=resource)
    return total, list(rows)


def one_graduate(tmp_path: Path, header: str, cell: Any) -> SourceRow:
    """Read a single graduate row with one extra column, through an .xlsx so cell types survive."""
    path = write_xlsx(tmp_path / "one.xlsx", [["编号", "姓名", header], ["G1", "王五", cell]])
    return read_all(path)[1][0]


# --- formats and encodings -------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_give_the_same_rows(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "registry.csv", [GRADUATE_HEADERS, GRADUATE_ROW], encoding=encoding)
    total, rows = read_all(path)
    assert total == 1
    assert rows[0].values == EXPECTED_VALUES
    assert rows[0].row_number == 2
    assert rows[0].columns["external_id"] == "编号"  # no BOM left glued to the first header
    assert rows[0].problems == []


def test_xlsx_reads_first_sheet_with_excel_cell_types(tmp_path: Path) -> None:
    headers = ["编号", "姓名", "出生日期", "毕业年份", "身份证号", "手机号", "期望月薪", "登记时间"]
    row = [1001, "李四", datetime(2003, 5, 6), 2025.0, "37010219990101123X", 13812345678, 8000.0,
           datetime(2026, 11, 2, 9, 30)]
    path = write_xlsx(tmp_path / "registry.xlsx", [headers, row])
    total, rows = read_all(path)
    assert total == 1
    assert rows[0].values == {
        "external_id": "1001",
        "name": "李四",
        "birth_date": date(2003, 5, 6),
        "graduation_year": 2025,
        "national_id": "37010219990101123X",
        "phone": "13812345678",
        "expected_salary": 8000,
        "registered_at": datetime(2026, 11, 2, 9, 30),
    }


def test_jobs_resource_maps_job_headers(tmp_path: Path) -> None:
    rows_in = [
        ["岗位编号", "职位名称", "企业名称", "所属行业", "学历要求", "专业要求", "最低月薪", "最高月薪",
         "用工形式", "招聘人数", "帮扶岗位", "有效期至"],
        ["J1", "护士", "济南医院", "医养健康", "大专及以上", "护理学；助产", "4千", "0.6万",
         "公益岗", "若干", "是", "2026/12/31"],
    ]
    _, rows = read_all(write_csv(tmp_path / "jobs.csv", rows_in), Resource.JOBS)
    assert rows[0].values == {
        "external_id": "J1",
        "title": "护士",
        "employer_name": "济南医院",
        "industry": "medical_health",
        "education_min": "associate",
        "majors": ["护理学", "助产"],
        "salary_min": 4000,
        "salary_max": 6000,
        "job_type": "public_welfare",
        "priority_friendly": True,
        "expires_at": date(2026, 12, 31),
    }  # headcount "若干" is unspecified, so it is left out


@pytest.mark.parametrize("name", ["registry.xls", "registry.txt"])
def test_unsupported_file_types_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(ImportFormatError):
        read_rows(path, resource=Resource.GRADUATES)


# --- headers -----------------------------------------------------------------------------------


def test_english_and_decorated_headers_are_recognised(tmp_path: Path) -> None:
    headers = ["Ｅｘｔｅｒｎａｌ＿ＩＤ", " 姓 名 ", "*学历", "PREFERRED_INDUSTRIES", "期望月薪（元）"]
    _, rows = read_all(write_csv(tmp_path / "en.csv", [headers, GRADUATE_ROW]))
    assert rows[0].values == EXPECTED_VALUES
    assert rows[0].columns["expected_salary"] == "期望月薪（元）"


def test_header_key_folds_width_case_and_decoration() -> None:
    assert header_key("Ｎａｍｅ") == header_key(" name ") == header_key("NAME*")
    assert header_key("出生日期(yyyy-mm-dd)") == header_key("出生日期")


def test_unknown_and_duplicate_headers_are_ignored_and_reported(tmp_path: Path) -> None:
    rows_in = [["编号", "姓名", "备注", "手机号", "联系电话"], ["G1", "王五", "x", "13800000000", "13900000000"]]
    _, rows = read_rows(write_csv(tmp_path / "r.csv", rows_in), resource=Resource.GRADUATES)
    assert rows.unknown_headers == ["备注"]
    assert rows.duplicate_headers == ["联系电话"]
    assert next(rows).values["phone"] == "13800000000"  # the first column wins
    assert unknown_headers(["姓名", "备注"], resource=Resource.GRADUATES) == ["备注"]


def test_missing_required_header_names_what_is_missing_and_found(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["序号", "学历"], ["1", "本科"]])
    with pytest.raises(ImportFormatError) as raised:
        read_rows(path, resource=Resource.GRADUATES)
    message = str(raised.value)
    assert "external_id" in message and "name" in message and "姓名" in message
    assert "序号" in message and "学历" in message


def test_jobs_require_a_title(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "jobs.csv", [["编号", "单位名称"], ["J1", "某公司"]])
    with pytest.raises(ImportFormatError, match="title"):
        read_rows(path, resource=Resource.JOBS)


# --- row numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_row_numbers_stay_true_across_blank_and_title_rows(tmp_path: Path, suffix: str) -> None:
    rows_in: list[list[Any]] = [
        ["2025届未就业毕业生实名台账", None, None],  # title above the header, as staff keep them
        ["编号", "姓名", "备注"],
        ["G1", "甲", None],
        [None, None, None],
        [None, None, "只有备注的行不是记录"],
        ["G2", "乙", None],
    ]
    writer = write_csv if suffix == ".csv" else write_xlsx
    total, rows = read_all(writer(tmp_path / f"r{suffix}", rows_in))
    assert [row.row_number for row in rows] == [3, 6]
    assert total == (2 if suffix == ".csv" else 4)  # Excel: the sheet's extent below the header


# --- cell normalisers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("济南、青岛，烟台", ["济南", "青岛", "烟台"]),
        ("济南,青岛;烟台；威海|日照/临沂", ["济南", "青岛", "烟台", "威海", "日照", "临沂"]),
        ("济南\n 青岛 \n\n", ["济南", "青岛"]),
        ("济南、、济南", ["济南"]),
    ],
)
def test_list_cells_split_on_chinese_and_ascii_separators(tmp_path: Path, cell: str, expected: list[str]) -> None:
    assert one_graduate(tmp_path, "意向城市", cell).values["preferred_cities"] == expected


@pytest.mark.parametrize(
    ("header", "cell", "field", "expected"),
    [
        ("学历", "专科", "education", "associate"),
        ("学历", "高职", "education", "associate"),
        ("学历", "学士", "education", "bachelor"),
        ("学历", "研究生", "education", "master"),
        ("学历", "博士", "education", "doctor"),
        ("学历", "不限", "education", "none"),
        ("学历", "Master", "education", "master"),
        ("性别", "女", "gender", "female"),
        ("性别", "male", "gender", "male"),
        ("困难类别", "建档立卡、即时帮扶", "hardship", ["poverty_registered"]),
        ("困难类别", "低保家庭，残疾人", "hardship", ["minimum_living", "disabled"]),
        ("困难类别", "零就业家庭", "hardship", ["zero_employment_family"]),
        ("困难类别", "无", "hardship", []),
        ("意向行业", "绿色化工/现代金融服务/other", "preferred_industries",
         ["high_end_chemical", "modern_finance", "other"]),
        ("意向岗位类型", "全职、见习、兼职、基层、科研助理、公益性岗位", "preferred_job_types",
         ["full_time", "internship", "flexible", "grassroots", "research_assistant", "public_welfare"]),
        ("意向岗位类型", "flexible", "preferred_job_types", ["flexible"]),
        ("就业状态", "暂不就业", "employment_status", "not_seeking"),
        ("就业状态", "升学", "employment_status", "further_study"),
        ("就业意愿", "有", "wants_job", True),
        ("就业意愿", "Y", "wants_job", True),
        ("就业意愿", 1, "wants_job", True),
        ("就业意愿", "否", "wants_job", False),
        ("就业意愿", "0", "wants_job", False),
        ("就业意愿", False, "wants_job", False),
        ("登记渠道", "求职登记小程序", "registration_channel", "mini_program"),
        ("登记渠道", "窗口", "registration_channel", "walk_in"),
        ("登记渠道", "学校", "registration_channel", "school"),
        ("登记渠道", "导入", "registration_channel", "import"),
        ("出生日期", "2026-11-02", "birth_date", date(2026, 11, 2)),
        ("出生日期", "2026/11/2", "birth_date", date(2026, 11, 2)),
        ("出生日期", "2026年11月2日", "birth_date", date(2026, 11, 2)),
        ("出生日期", 20261102, "birth_date", date(2026, 11, 2)),
        ("出生日期", date(2026, 11, 2), "birth_date", date(2026, 11, 2)),
        ("出生日期", datetime(2026, 11, 2), "birth_date", date(2026, 11, 2)),
        ("登记日期", "2026-11-02 08:15", "registered_at", datetime(2026, 11, 2, 8, 15)),
        ("登记日期", datetime(2026, 11, 2), "registered_at", date(2026, 11, 2)),
        ("期望月薪", "8000", "expected_salary", 8000),
        ("期望月薪", "8千", "expected_salary", 8000),
        ("期望月薪", "1.2万", "expected_salary", 12000),
        ("期望月薪", "８０００元/月", "expected_salary", 8000),
        ("毕业年份", 2025.0, "graduation_year", 2025),
        ("毕业年份", "2025届", "graduation_year", 2025),
        ("手机号", "138 1234 5678", "phone", "13812345678"),
        ("身份证号", "'37010219990101123x", "national_id", "37010219990101123X"),
    ],
)
def test_cell_words_become_codes_and_values(
    tmp_path: Path, header: str, cell: Any, field: str, expected: Any
) -> None:
    row = one_graduate(tmp_path, header, cell)
    assert row.problems == []
    assert row.values[field] == expected


@pytest.mark.parametrize(
    ("header", "cell", "reason_part"),
    [
        ("学历", "中专", "中专"),
        ("意向行业", "新一代信息技术、造船", "造船"),
        ("出生日期", "明年", "日期"),
        ("出生日期", "2026-02-30", "不存在"),
        ("期望月薪", "面议", "金额"),
        ("就业意愿", "也许", "是 或 否"),
        ("身份证号", 370102199901011234, "文本"),
        ("身份证号", "3.70102E+17", "科学计数法"),
        ("手机号", 53112345678, "文本"),  # a landline that lost its leading 0
    ],
)
def test_unreadable_cells_become_problems_naming_the_header(
    tmp_path: Path, header: str, cell: Any, reason_part: str
) -> None:
    row = one_graduate(tmp_path, header, cell)
    assert len(row.problems) == 1
    problem = row.problems[0]
    assert (problem.row_number, problem.column) == (2, header)
    assert reason_part in problem.reason
    assert set(row.values) == {"external_id", "name"}  # the unreadable value is never passed on


# --- rejection report -----------------------------------------------------------------------------


def test_rejection_report_is_bom_csv_sorted_by_row_and_overwrites_stale(tmp_path: Path) -> None:
    source = tmp_path / "毕业生台账.xlsx"
    report = tmp_path / "毕业生台账.rejected.csv"
    report.write_text("stale", encoding="utf-8")
    problems = [
        RowProblem(row_number=9, column="学历", reason="无法识别的学历“中专”"),
        RowProblem(row_number=3, column="身份证号", reason="身份证号校验位错误"),
    ]
    assert write_rejections(source, problems) == report
    raw = report.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with report.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [
            ["行号", "列", "原因"],
            ["3", "身份证号", "身份证号校验位错误"],
            ["9", "学历", "无法识别的学历“中专”"],
        ]


def test_no_problems_removes_a_stale_report_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "jobs.csv"
    stale = tmp_path / "jobs.rejected.csv"
    stale.write_text("old", encoding="utf-8")
    assert write_rejections(source, []) is None
    assert not stale.exists()
