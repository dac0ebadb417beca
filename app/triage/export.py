"""Group names in Chinese and the CSV export of the figures, one row per group, for Excel.

Excel on Chinese Windows opens a CSV as UTF-8 only when it starts with a BOM; cells that begin
with = + - @ are formulas to Excel, so a city or county typed that way is quoted with a leading '.
"""
from __future__ import annotations

import csv
import io

from app.domain.enums import EDUCATION_NAMES, HARDSHIP_NAMES, INDUSTRY_NAMES
from app.triage.vocabulary import EMPLOYMENT_RATE_GOAL
from app.triage.figures import (
    NO_HARDSHIP,
    UNSPECIFIED,
    ComplianceRow,
    Dimension,
    EmploymentRow,
    ServiceRow,
)

_DIMENSION_NAMES: dict[str, str] = {"total": "范围", "cohort": "毕业年度", "city": "城市", "county": "区县",
                                    "education": "学历", "hardship": "困难类别", "industry": "就业行业"}


def group_name(by: Dimension, code: str) -> str:
    if by == "total":
        return "合计"
    if code == UNSPECIFIED:
        return "未填写"
    if by == "cohort":
        return f"{code}届"
    if by == "hardship" and code == NO_HARDSHIP:
        return "无困难"
    names: dict[str, str] = {"education": EDUCATION_NAMES, "hardship": HARDSHIP_NAMES,  # type: ignore[dict-item]
                             "industry": INDUSTRY_NAMES}.get(by, {})
    return names.get(code, code)  # StrEnum keys compare equal to their codes


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def _goal_met(rate: float | None) -> str:
    return "" if rate is None else ("达标" if rate >= EMPLOYMENT_RATE_GOAL else "未达标")


def _safe(cell: str) -> str:
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell


def figures_csv(*, by: Dimension, employment: list[EmploymentRow], compliance: list[ComplianceRow],
                services: list[ServiceRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # CRLF line ends, as Excel writes them
    if by == "industry":
        writer.writerow([_DIMENSION_NAMES[by], "已就业人数", "占已就业比例"])
        employed = sum(row.employed for row in employment)
        for row in employment:
            writer.writerow([_safe(group_name(by, row.group)), row.employed,
                             _percent(row.employed / employed if employed else None)])
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    writer.writerow([
        _DIMENSION_NAMES[by], "登记人数", "已就业", "升学", "暂不就业", "未就业", "就业率",
        f"目标{EMPLOYMENT_RATE_GOAL:.0%}", "距目标还需就业(人)",
        "小程序登记", "按时联系", "逾期联系", "逾期未联系", "待联系", "联系及时率",
        "年度服务次数", "人均服务次数", "需服务人数", "已满3次", "尚缺服务次数",
    ])
    compliance_by_group = {row.group: row for row in compliance}
    services_by_group = {row.group: row for row in services}
    for row in employment:
        contact = compliance_by_group.get(row.group, ComplianceRow(row.group, 0, 0, 0, 0, 0))
        served = services_by_group.get(row.group, ServiceRow(row.group, 0, 0, 0, 0, 0))
        writer.writerow([
            _safe(group_name(by, row.group)), row.registered, row.employed, row.further_study, row.not_seeking,
            row.unemployed, _percent(row.employment_rate),
            _goal_met(row.employment_rate),
            row.needed_for_goal,
            contact.registered, contact.on_time, contact.late, contact.overdue, contact.pending,
            _percent(contact.compliance_rate),
            served.services, "" if served.services_per_graduate is None else f"{served.services_per_graduate:.2f}",
            served.in_scope, served.met, served.deficit,
        ])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
