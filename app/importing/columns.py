"""Which spreadsheet headers feed which field, and how each kind of cell is normalised.

Staff keep these registries by hand, so headers come in several Chinese spellings (sometimes
with full-width letters, stray spaces, a ``*`` marking a required column or a unit in
brackets) and cells hold words (本科, 男, 建档立卡) rather than the service's codes.
Everything here turns that into field names and stable codes; the validation layer then
checks the result with the same pydantic schemas the HTTP API uses.

The tables in ``docs/import.md`` document these mappings for staff; keep them in step.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.domain.enums import (
    INDUSTRY_ALIASES,
    INDUSTRY_NAMES,
    Education,
    EmploymentStatus,
    Gender,
    Hardship,
    Industry,
    JobType,
    RegistrationChannel,
)


class Resource(StrEnum):
    JOBS = "jobs"
    GRADUATES = "graduates"


Normaliser = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    headers: tuple[str, ...]  # Chinese spellings; the English field name is always accepted too
    normalise: Normaliser
    required: bool = False


# --- cell normalisers ----------------------------------------------------------------------
# Each takes a non-empty cell (str from CSV; str, int, float, bool, date or datetime from
# Excel) and returns the normalised value, or None when the cell says "unspecified".
# A cell that cannot be read raises CellError with a sentence shown to staff.


class CellError(ValueError):
    """A cell that cannot be normalised; the message is meant for the staff member who fixes it."""


_LIST_SEPARATORS = re.compile(r"[、，,;；|｜/\n\r]+")
_WHITESPACE = re.compile(r"\s+")
# Excel shows long numbers typed into a General cell as 3.70102E+17, and CSV exports keep that.
_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?E\+?\d+$", re.IGNORECASE)
_DATE_TIME = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONEY = re.compile(r"^(\d+(?:\.\d+)?)(千|k|万|w)?$")
_MONEY_UNITS = {None: 1, "千": 1_000, "k": 1_000, "万": 10_000, "w": 10_000}
_TRUE_WORDS = frozenset({"是", "有", "y", "yes", "1", "1.0", "true", "√"})
_FALSE_WORDS = frozenset({"否", "无", "n", "no", "0", "0.0", "false", "×"})
_UNSPECIFIED_HEADCOUNT = frozenset({"若干", "不限"})


def _is_number(raw: Any) -> bool:
    # bool is an int subclass, but a TRUE cell is not a number anyone typed.
    return isinstance(raw, int | float) and not isinstance(raw, bool)


def _folded(raw: Any) -> str:
    """NFKC turns full-width digits, letters and punctuation into ASCII before matching."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", str(raw))).casefold()


def text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))  # Excel stores a typed 1001 as 1001.0
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw).strip()


def _digits_as_text(raw: Any, *, what: str) -> str:
    if _is_number(raw):
        raise CellError(f"{what}被Excel存成了数字，可能已丢失位数；请把该列设为“文本”格式后重新填写")
    # A leading apostrophe is how staff force text in Excel; some exports keep it.
    value = _WHITESPACE.sub("", str(raw)).lstrip("'").upper()
    if _SCIENTIFIC.match(value):
        raise CellError(f"{what}“{value}”是科学计数法，已丢失位数；请把该列设为“文本”格式后重新填写")
    return value


def national_id(raw: Any) -> str:
    return _digits_as_text(raw, what="身份证号")


def phone(raw: Any) -> str:
    # An 11-digit mobile number survives as a number exactly; only a landline's leading 0 is lost.
    if _is_number(raw) and float(raw).is_integer():
        digits = str(int(raw))
        if len(digits) == 11 and digits.startswith("1"):
            return digits
    return _digits_as_text(raw, what="电话号码")


def text_list(raw: Any) -> list[str] | None:
    items = [item.strip() for item in _LIST_SEPARATORS.split(text(raw))]
    unique = list(dict.fromkeys(item for item in items if item))
    return unique or None


def _date_parts(raw: Any) -> tuple[int, ...]:
    if isinstance(raw, datetime):
        return (raw.year, raw.month, raw.day, raw.hour, raw.minute, raw.second)
    if isinstance(raw, date):
        return (raw.year, raw.month, raw.day)
    # 20261102.0 → "20261102"; spaces are kept because one separates the date from a time.
    value = text(raw) if _is_number(raw) else unicodedata.normalize("NFKC", str(raw)).strip()
    match = _DATE_TIME.match(value) or _COMPACT_DATE.match(value)
    if match is None:
        raise CellError(f"无法识别的日期“{raw}”；请写成 2026-11-02 或 2026年11月2日")
    return tuple(int(part) for part in match.groups() if part is not None)


def date_value(raw: Any) -> date:
    year, month, day = _date_parts(raw)[:3]
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(f"日期“{raw}”不存在") from None


def date_or_datetime(raw: Any) -> date | datetime:
    """A time of day is kept when the cell has one; a bare date stays a date."""
    day = date_value(raw)
    hour, minute, second = (*_date_parts(raw)[3:], 0, 0, 0)[:3]
    if not (hour or minute or second):
        return day
    try:
        return datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError:
        raise CellError(f"时间“{raw}”不存在") from None


def _whole_number(raw: Any, *, what: str, suffixes: str = "") -> int:
    if _is_number(raw) and float(raw).is_integer():
        return int(raw)
    value = _folded(raw).replace(",", "").rstrip(suffixes)
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not number.is_integer():
        raise CellError(f"{what}“{raw}”不是整数")
    return int(number)


def year(raw: Any) -> int:
    if isinstance(raw, date):
        return raw.year
    return _whole_number(raw, what="年份", suffixes="届年级")


def headcount(raw: Any) -> int | None:
    if _folded(raw) in _UNSPECIFIED_HEADCOUNT:
        return None  # "若干" means the employer did not fix a number
    return _whole_number(raw, what="招聘人数", suffixes="人名")


# "3年以上", "3年及以上", "1-3年" (the lower end), "5年", "3"; no requirement at all → 0.
_YEARS = re.compile(r"^(\d{1,2})(?:(?:-|~|至|到)\d{1,2})?(?:年|年以上|年及以上)?(?:以上|及以上)?(?:工作)?(?:经验)?$")
_NO_YEARS = frozenset({"不限", "无", "无要求", "经验不限", "无经验", "应届", "应届生", "应届毕业生", "接受应届毕业生"})


def experience_years(raw: Any) -> int:
    """Whole years of work experience: a number, "3年以上", "1-3年" (read as its lower end), or
    不限/无/应届生 for none."""
    if _is_number(raw):
        return _whole_number(raw, what="工作经验年限")
    value = _folded(raw)
    if value in _NO_YEARS:
        return 0
    match = _YEARS.match(value)
    if match is None:
        raise CellError(f"无法识别的工作经验年限“{raw}”；请填写 0、3、3年以上、1-3年 或 不限")
    return int(match[1])


def money(raw: Any) -> int:
    """Monthly yuan: 8000, 8,000, 8千, 8k, 1.2万, 8000元/月."""
    if _is_number(raw):
        return round(float(raw))
    value = _folded(raw).replace(",", "").removesuffix("/月").removesuffix("每月").removesuffix("元")
    match = _MONEY.match(value)
    if match is None:
        raise CellError(f"无法识别的金额“{raw}”；请写成 8000、8千 或 1.2万")
    return round(float(match[1]) * _MONEY_UNITS[match[2]])


def boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    value = text(raw).casefold() if _is_number(raw) else _folded(raw)
    if value in _TRUE_WORDS:
        return True
    if value in _FALSE_WORDS:
        return False
    raise CellError(f"无法识别的“{raw}”；请填写 是 或 否")


class _Vocabulary:
    """Spreadsheet words → codes. The codes themselves are accepted too."""

    # Requirement wording ("本科及以上", "全日制硕士", "大专学历") adds nothing to a level or a
    # minimum, so it is stripped before a second lookup.
    _AFFIXES = re.compile(r"^全日制|(?:及以上|以上)?(?:学历)?$")

    def __init__(self, codes: type[StrEnum], words: dict[str, StrEnum]) -> None:
        # One word per code keeps the hint in an error message short enough to read.
        first_words = {code: word for word, code in reversed(words.items())}
        self.hint = "、".join(first_words[code] for code in dict.fromkeys(words.values()))
        self._codes: dict[str, str] = {_folded(code.value): code.value for code in codes}
        self._codes.update({_folded(word): code.value for word, code in words.items()})

    def lookup(self, raw: Any) -> str | None:
        key = _folded(raw)
        return self._codes.get(key) or self._codes.get(self._AFFIXES.sub("", key))


def _enum_word(raw: Any, *, vocab: _Vocabulary, label: str) -> str:
    code = vocab.lookup(raw)
    if code is None:
        raise CellError(f"无法识别的{label}“{text(raw)}”；可填写：{vocab.hint}")
    return code


def _enum_list(raw: Any, *, vocab: _Vocabulary, label: str) -> list[str] | None:
    items = text_list(raw) or []
    unknown = [item for item in items if vocab.lookup(item) is None]
    if unknown:
        quoted = "、".join(f"“{item}”" for item in unknown)
        raise CellError(f"无法识别的{label}{quoted}；可填写：{vocab.hint}")
    codes = [vocab.lookup(item) for item in items]
    return list(dict.fromkeys(code for code in codes if code)) or None


# --- vocabularies: spreadsheet words → codes (codes themselves are always accepted) ---------

_EDUCATION = _Vocabulary(
    Education,
    {
        "大专": Education.ASSOCIATE, "专科": Education.ASSOCIATE, "高职": Education.ASSOCIATE,
        "大学专科": Education.ASSOCIATE,
        "本科": Education.BACHELOR, "学士": Education.BACHELOR, "大学本科": Education.BACHELOR,
        "硕士": Education.MASTER, "研究生": Education.MASTER, "硕士研究生": Education.MASTER,
        "博士": Education.DOCTOR, "博士研究生": Education.DOCTOR,
        "不限": Education.NONE, "无": Education.NONE,
    },
)
_GENDER = _Vocabulary(
    Gender, {"男": Gender.MALE, "男性": Gender.MALE, "女": Gender.FEMALE, "女性": Gender.FEMALE}
)
_HARDSHIP = _Vocabulary(
    Hardship,
    {
        "建档立卡": Hardship.POVERTY_REGISTERED,
        "建档立卡贫困家庭": Hardship.POVERTY_REGISTERED,
        "即时帮扶": Hardship.POVERTY_REGISTERED,
        "低保": Hardship.MINIMUM_LIVING, "低保家庭": Hardship.MINIMUM_LIVING,
        "残疾": Hardship.DISABLED, "残疾人": Hardship.DISABLED,
        "零就业家庭": Hardship.ZERO_EMPLOYMENT_FAMILY,
    },
)
_INDUSTRY = _Vocabulary(
    Industry,
    {**{name: code for code, name in INDUSTRY_NAMES.items()}, **INDUSTRY_ALIASES, "其它": Industry.OTHER},
)
_JOB_TYPE = _Vocabulary(
    JobType,
    {
        "全职": JobType.FULL_TIME,
        "就业见习": JobType.INTERNSHIP, "见习": JobType.INTERNSHIP,
        "灵活就业": JobType.FLEXIBLE, "兼职": JobType.FLEXIBLE,
        "基层岗位": JobType.GRASSROOTS, "基层": JobType.GRASSROOTS,
        "科研助理": JobType.RESEARCH_ASSISTANT,
        "公益性岗位": JobType.PUBLIC_WELFARE, "公益岗": JobType.PUBLIC_WELFARE,
    },
)
_EMPLOYMENT_STATUS = _Vocabulary(
    EmploymentStatus,
    {
        "未就业": EmploymentStatus.UNEMPLOYED,
        "已就业": EmploymentStatus.EMPLOYED,
        "升学": EmploymentStatus.FURTHER_STUDY,
        "暂不就业": EmploymentStatus.NOT_SEEKING,
    },
)
_CHANNEL = _Vocabulary(
    RegistrationChannel,
    {
        "小程序": RegistrationChannel.MINI_PROGRAM,
        "求职登记小程序": RegistrationChannel.MINI_PROGRAM,
        "现场": RegistrationChannel.WALK_IN, "窗口": RegistrationChannel.WALK_IN,
        "学校": RegistrationChannel.SCHOOL,
        "导入": RegistrationChannel.IMPORT,
    },
)

# "无" in the hardship column is a statement (no hardship), unlike an empty cell (unknown).
_NO_HARDSHIP_WORDS = frozenset({"无", "空", "none"})
_HARDSHIP.hint += "、无"


def _hardship(raw: Any) -> list[str] | None:
    if _folded(raw) in _NO_HARDSHIP_WORDS:
        return []
    return _enum_list(raw, vocab=_HARDSHIP, label="困难类别")


def _enum(vocab: _Vocabulary, label: str) -> Normaliser:
    return lambda raw: _enum_word(raw, vocab=vocab, label=label)


def _enums(vocab: _Vocabulary, label: str) -> Normaliser:
    return lambda raw: _enum_list(raw, vocab=vocab, label=label)


GRADUATE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("external_id", ("编号", "登记编号", "外部编号"), text, required=True),
    FieldSpec("name", ("姓名",), text, required=True),
    FieldSpec("national_id", ("身份证号", "身份证号码", "公民身份号码"), national_id),
    FieldSpec("phone", ("手机号", "手机号码", "联系电话", "电话"), phone),
    FieldSpec("birth_date", ("出生日期",), date_value),
    FieldSpec("gender", ("性别",), _enum(_GENDER, "性别")),
    FieldSpec("school", ("毕业院校", "学校", "院校"), text),
    FieldSpec("major", ("专业", "所学专业"), text),
    FieldSpec("education", ("学历",), _enum(_EDUCATION, "学历")),
    FieldSpec("graduation_year", ("毕业年份", "毕业年度", "届别"), year),
    FieldSpec("hukou_province", ("户籍省份", "户籍"), text),
    FieldSpec("current_city", ("现居城市", "所在城市", "现居住地"), text),
    FieldSpec("county", ("区县", "所在区县"), text),
    FieldSpec("preferred_cities", ("意向城市", "求职意向城市"), text_list),
    FieldSpec("preferred_industries", ("意向行业",), _enums(_INDUSTRY, "行业")),
    FieldSpec("preferred_job_types", ("意向岗位类型", "求职类型"), _enums(_JOB_TYPE, "岗位类型")),
    FieldSpec("expected_salary", ("期望月薪", "期望薪资"), money),
    FieldSpec("skills", ("技能", "专业技能"), text_list),
    FieldSpec("intro", ("个人简介", "自我介绍"), text),
    FieldSpec("work_experience_years", ("工作经验年限", "工作年限", "工作经验"), experience_years),
    FieldSpec("hardship", ("困难类别", "困难群体类别"), _hardship),
    FieldSpec("employment_status", ("就业状态",), _enum(_EMPLOYMENT_STATUS, "就业状态")),
    FieldSpec("wants_job", ("就业意愿", "有无就业意愿"), boolean),
    FieldSpec("registered_at", ("登记日期", "登记时间"), date_or_datetime),
    FieldSpec("registration_channel", ("登记渠道",), _enum(_CHANNEL, "登记渠道")),
)

JOB_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("external_id", ("岗位编号", "编号"), text, required=True),
    FieldSpec("title", ("岗位名称", "职位名称"), text, required=True),
    FieldSpec("description", ("岗位描述", "职位描述", "岗位职责"), text),
    FieldSpec("employer_name", ("单位名称", "企业名称", "招聘单位"), text),
    FieldSpec("industry", ("行业", "所属行业", "产业"), _enum(_INDUSTRY, "行业")),
    FieldSpec("city", ("工作城市", "工作地点", "城市"), text),
    FieldSpec("education_min", ("学历要求", "最低学历"), _enum(_EDUCATION, "学历")),
    FieldSpec("majors", ("专业要求",), text_list),
    FieldSpec("skills", ("技能要求",), text_list),
    FieldSpec("salary_min", ("最低月薪", "薪资下限"), money),
    FieldSpec("salary_max", ("最高月薪", "薪资上限"), money),
    FieldSpec("job_type", ("岗位类型", "用工形式"), _enum(_JOB_TYPE, "岗位类型")),
    FieldSpec("headcount", ("招聘人数",), headcount),
    FieldSpec("priority_friendly", ("优先困难毕业生", "帮扶岗位"), boolean),
    FieldSpec("expires_at", ("截止日期", "有效期至"), date_value),
    FieldSpec("experience_min_years", ("经验要求", "工作经验要求", "工作年限要求"), experience_years),
)

_FIELDS: dict[Resource, tuple[FieldSpec, ...]] = {
    Resource.GRADUATES: GRADUATE_FIELDS,
    Resource.JOBS: JOB_FIELDS,
}


def fields_for(resource: Resource) -> tuple[FieldSpec, ...]:
    return _FIELDS[resource]


# A unit or hint in brackets at the end ("期望月薪（元）", "出生日期(yyyy-mm-dd)") and required
# markers ("*姓名") are decoration, not part of the name.
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")
_DECORATION = re.compile(r"[\s_\-*]+")


def header_key(header: str) -> str:
    """Comparison key: NFKC folds full-width letters, brackets and spaces to their ASCII forms."""
    folded = unicodedata.normalize("NFKC", header).strip().casefold()
    folded = _TRAILING_NOTE.sub("", folded)
    return _DECORATION.sub("", folded)


def _key_index(resource: Resource) -> dict[str, FieldSpec]:
    index: dict[str, FieldSpec] = {}
    for spec in fields_for(resource):
        for spelling in (spec.name, *spec.headers):
            index[header_key(spelling)] = spec
    return index


_KEY_INDEX: dict[Resource, dict[str, FieldSpec]] = {r: _key_index(r) for r in Resource}


@dataclass(frozen=True, slots=True)
class HeaderMapping:
    """How one header row maps onto fields."""

    found: list[str]  # every non-empty header, in sheet order
    positions: dict[int, FieldSpec]  # column index → field
    headers: dict[str, str]  # field name → header text as written in the sheet
    unknown: list[str]  # headers matching no field: ignored
    duplicates: list[str]  # a second header for an already-mapped field: ignored, first wins
    missing_required: list[str]  # field names

    @property
    def is_usable(self) -> bool:
        return not self.missing_required


def map_headers(header_cells: Sequence[Any], *, resource: Resource) -> HeaderMapping:
    index = _KEY_INDEX[resource]
    positions: dict[int, FieldSpec] = {}
    headers: dict[str, str] = {}
    unknown: list[str] = []
    duplicates: list[str] = []
    found: list[str] = []
    for position, cell in enumerate(header_cells):
        header = "" if cell is None else str(cell).strip()
        if not header:
            continue
        found.append(header)
        spec = index.get(header_key(header))
        if spec is None:
            unknown.append(header)
        elif spec.name in headers:
            duplicates.append(header)
        else:
            positions[position] = spec
            headers[spec.name] = header
    missing = [spec.name for spec in fields_for(resource) if spec.required and spec.name not in headers]
    return HeaderMapping(found, positions, headers, unknown, duplicates, missing)


def unknown_headers(header_cells: Iterable[Any], *, resource: Resource) -> list[str]:
    """Headers that the import ignores because they match no field of ``resource``."""
    return map_headers(list(header_cells), resource=resource).unknown


def describe_fields(names: Iterable[str], *, resource: Resource) -> list[str]:
    """``name（姓名）`` for each field, for error messages that staff and developers both read."""
    specs = {spec.name: spec for spec in fields_for(resource)}
    return [f"{name}（{'/'.join(specs[name].headers)}）" for name in names]
