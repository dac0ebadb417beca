"""Chinese text for what office staff read: rejection reports and the import commands' output.

The HTTP API keeps its English messages (its clients are systems); spreadsheet imports are read by
the staff member who fixes the cell, so every reason that reaches a report or a command's output
passes through here. One table for pydantic's error types (with their limits), one for the
sentences our own validators and services raise. A reason already in Chinese passes unchanged.
A message nobody mapped yet still comes out in Chinese (内容不符合要求) with the English after it in
brackets, so it is never silently lost; tests/cli/test_import_messages.py feeds every kind of bad
cell through an import and fails on any such fallback.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

UNMAPPED = "内容不符合要求"

_CJK = re.compile(r"[\u4e00-\u9fff]")
_PREFIXES = ("Value error, ", "Assertion failed, ")

# Field → the name staff know it by, for messages that must name a field the sheet has no column for.
FIELD_NAMES: dict[str, str] = {
    "external_id": "编号", "name": "姓名", "national_id": "身份证号", "phone": "手机号", "birth_date": "出生日期",
    "gender": "性别", "school": "毕业院校", "major": "专业", "education": "学历", "graduation_year": "毕业年份",
    "hukou_province": "户籍省份", "current_city": "现居城市", "county": "区县", "preferred_cities": "意向城市",
    "preferred_industries": "意向行业", "preferred_job_types": "意向岗位类型", "expected_salary": "期望月薪",
    "skills": "技能", "intro": "个人简介", "work_experience_years": "工作经验年限", "hardship": "困难类别",
    "employment_status": "就业状态", "wants_job": "就业意愿", "registered_at": "登记日期",
    "registration_channel": "登记渠道", "ethnicity": "民族", "marital_status": "婚姻状况",
    "title": "岗位名称", "description": "岗位描述", "employer_name": "单位名称", "industry": "行业", "city": "工作城市",
    "education_min": "学历要求", "majors": "专业要求", "salary_min": "最低月薪", "salary_max": "最高月薪",
    "job_type": "岗位类型", "headcount": "招聘人数", "priority_friendly": "优先困难毕业生", "expires_at": "截止日期",
    "experience_min_years": "经验要求", "slots": "场次", "slot_ids": "场次", "wanted_interviews": "面试数",
}

_PATTERNS: dict[str, str] = {
    "phone": "手机号应为11位数字、以1开头",
    "external_id": "编号不能含空格、/、? 或 #",
}


def field_name(field: str) -> str:
    return FIELD_NAMES.get(field, field)


def _by_type(field: str, ctx: Mapping[str, Any]) -> dict[str, Callable[[], str]]:
    return {
        "missing": lambda: "必填，不能为空",
        "string_too_short": lambda: "不能为空",
        "string_too_long": lambda: f"不能超过{ctx.get('max_length')}个字",
        "string_pattern_mismatch": lambda: _PATTERNS.get(field, "格式不对"),
        "string_type": lambda: "应为文字",
        "int_type": lambda: "应为整数",
        "int_parsing": lambda: "应为整数",
        "int_from_float": lambda: "应为整数",
        "float_type": lambda: "应为数字",
        "float_parsing": lambda: "应为数字",
        "greater_than_equal": lambda: f"不能小于{ctx.get('ge')}",
        "greater_than": lambda: f"应大于{ctx.get('gt')}",
        "less_than_equal": lambda: f"不能大于{ctx.get('le')}",
        "less_than": lambda: f"应小于{ctx.get('lt')}",
        "too_long": lambda: f"最多{ctx.get('max_length')}项",
        "too_short": lambda: f"至少{ctx.get('min_length')}项",
        "list_type": lambda: "应为一项或多项，用顿号分隔",
        "bool_type": lambda: "请填写 是 或 否",
        "bool_parsing": lambda: "请填写 是 或 否",
        "enum": lambda: "不是可接受的值",
        "literal_error": lambda: "不是可接受的值",
        "date_type": lambda: "应为日期，如 2026-11-02",
        "date_parsing": lambda: "应为日期，如 2026-11-02",
        "date_from_datetime_inexact": lambda: "应为日期，不含时间",
        "datetime_type": lambda: "应为日期或时间，如 2026-11-02 09:00",
        "datetime_parsing": lambda: "应为日期或时间，如 2026-11-02 09:00",
        "extra_forbidden": lambda: "不认识的字段",
    }


# Sentences our validators and services raise (app/schemas, app/services), matched in full.
_SENTENCES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"graduation_year must be between (\d+) and (\d+)"),
     lambda m: f"毕业年份应在{m[1]}年至{m[2]}年之间"),
    (re.compile(r"birth_date must be between (\S+) and (\S+)"), lambda m: f"出生日期应在{m[1]}至{m[2]}之间"),
    (re.compile(r"(?:birth_date )?does not match the birth date in national_id"),
     lambda m: "出生日期与身份证号中的出生日期不一致"),
    (re.compile(r"salary_min must not exceed salary_max"), lambda m: "最低月薪不能高于最高月薪"),
    (re.compile(r"must be an integer, not true/false or a fraction"), lambda m: "应为整数"),
    (re.compile(r"must be an ISO 8601 (?:date|date-time) such as .*"), lambda m: "应为日期，如 2026-11-02"),
    (re.compile(r"must be an ISO 8601 time such as .*"), lambda m: "应为时间，如 09:00"),
    (re.compile(r"cannot be null; send 0 for no work experience"), lambda m: "不能为空；没有工作经验请填 0"),
    (re.compile(r"must not contain NUL characters.*"), lambda m: "含有不可见的控制字符，请删去后重新填写"),
    (re.compile(r"must not contain unpaired UTF-16 surrogates"), lambda m: "含有无法保存的字符，请重新输入该单元格"),
    (re.compile(r"this field is required and cannot be set to null"), lambda m: "必填，不能为空"),
    (re.compile(r"only staff or admin keys may set this field"), lambda m: "只有就业服务机构工作人员可以填写困难类别"),
    (re.compile(r"already registered under another external_id"), lambda m: "该身份证号已登记在另一个编号下"),
    (re.compile(r"already used by another source"), lambda m: "该编号已被其他来源使用"),
    (re.compile(r"recorded by employment-office staff; ask them to change it"),
     lambda m: "由就业服务机构工作人员登记，请联系他们修改"),
    (re.compile(r"the record conflicts with a stored record"), lambda m: "与已保存的记录冲突"),
    # Fair registration (app/fairs/service.py, app/fairs/registration_sheet.py)
    (re.compile(r"unknown graduate"), lambda m: "没有这个编号的毕业生"),
    (re.compile(r"graduate is withdrawn"), lambda m: "该毕业生已退出登记"),
    (re.compile(r"graduate \d+ already registered"), lambda m: "该毕业生已报名本场招聘会"),
    (re.compile(r"above the fair's cap of (\d+)"), lambda m: f"超过本场招聘会每人最多{m[1]}场面试"),
    (re.compile(r"unknown slot ids .*"), lambda m: "场次不属于本场招聘会"),
    (re.compile(r"(\d+) graduates are already registered for this fair; nothing was stored"),
     lambda m: f"{m[1]} 名毕业生已报名本场招聘会"),
    (re.compile(r"\d+ registrations name a graduate that cannot register; nothing was stored"),
     lambda m: "有毕业生不能报名（编号不存在或已退出登记）"),
    (re.compile(r"no fair with id (\d+)"), lambda m: f"没有编号为 {m[1]} 的招聘会"),
    # The import commands' --owner (app/services/keys.py)
    (re.compile(r"cannot use (.+) as owner: no active key has this id or name"),
     lambda m: f"不能以 {m[1]} 作为记录归属：没有这个编号或名称的有效密钥"),
    (re.compile(r"cannot use (.+) as owner: (\d+) active keys have this name; give the id \(jobmatch keys list\)"),
     lambda m: f"不能以 {m[1]} 作为记录归属：有 {m[2]} 个有效密钥同名，请改用编号（jobmatch keys list）"),
]


def _sentence(message: str) -> str | None:
    for pattern, render in _SENTENCES:
        match = pattern.fullmatch(message)
        if match:
            return render(match)
    return None


def chinese_reason(reason: str) -> str:
    """A reason from a validator or a service (English or already Chinese) as staff read it."""
    for prefix in _PREFIXES:
        if reason.startswith(prefix):
            reason = reason[len(prefix):]
    if _CJK.search(reason):
        return reason
    return _sentence(reason) or f"{UNMAPPED}（{reason}）"


def chinese_error(error: Mapping[str, Any]) -> str:
    """One pydantic error (``ValidationError.errors()`` item) in Chinese, from its type and limits;
    never the submitted value (a national id must not be copied into a report)."""
    kind = str(error.get("type", ""))
    loc = [str(part) for part in error.get("loc", ())]
    field = loc[0] if loc else ""
    if kind in ("value_error", "assertion_error"):
        return chinese_reason(str(error.get("msg", "")))
    render = _by_type(field, error.get("ctx") or {}).get(kind)
    return render() if render else chinese_reason(str(error.get("msg", "")))


def error_field(error: Mapping[str, Any]) -> str:
    """The field a pydantic error is about; whole-record rules name theirs first ("salary_min must …")."""
    loc = [str(part) for part in error.get("loc", ())]
    if loc:
        return loc[0]
    message = str(error.get("msg", ""))
    for prefix in _PREFIXES:
        if message.startswith(prefix):
            message = message[len(prefix):]
    return message.split(" ", 1)[0]
