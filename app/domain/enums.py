"""Closed vocabularies of the service.

String enums so that the values stored in the database, sent over HTTP and
written in spreadsheets are the same stable codes.
"""
from __future__ import annotations

from enum import StrEnum


class Industry(StrEnum):
    """Shandong's ten strong industries (十强产业), plus ``other``."""

    NEW_GEN_IT = "new_gen_it"
    HIGH_END_EQUIPMENT = "high_end_equipment"
    NEW_ENERGY_MATERIALS = "new_energy_materials"
    MODERN_MARINE = "modern_marine"
    MEDICAL_HEALTH = "medical_health"
    HIGH_END_CHEMICAL = "high_end_chemical"
    MODERN_AGRICULTURE = "modern_agriculture"
    CULTURAL_CREATIVE = "cultural_creative"
    BOUTIQUE_TOURISM = "boutique_tourism"
    MODERN_FINANCE = "modern_finance"
    OTHER = "other"


INDUSTRY_NAMES: dict[Industry, str] = {
    Industry.NEW_GEN_IT: "新一代信息技术",
    Industry.HIGH_END_EQUIPMENT: "高端装备",
    Industry.NEW_ENERGY_MATERIALS: "新能源新材料",
    Industry.MODERN_MARINE: "现代海洋",
    Industry.MEDICAL_HEALTH: "医养健康",
    Industry.HIGH_END_CHEMICAL: "高端化工",
    Industry.MODERN_AGRICULTURE: "现代高效农业",
    Industry.CULTURAL_CREATIVE: "文化创意",
    Industry.BOUTIQUE_TOURISM: "精品旅游",
    Industry.MODERN_FINANCE: "现代金融",
    Industry.OTHER: "其他",
}

# Older names that provincial documents still use; accepted on input.
INDUSTRY_ALIASES: dict[str, Industry] = {
    "智慧海洋": Industry.MODERN_MARINE,
    "绿色化工": Industry.HIGH_END_CHEMICAL,
    "现代金融服务": Industry.MODERN_FINANCE,
    **{name: code for code, name in INDUSTRY_NAMES.items()},
}


class Education(StrEnum):
    NONE = "none"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTOR = "doctor"


# Ordinal rank so that "at or above the requirement" is a comparison.
EDUCATION_RANK: dict[Education, int] = {
    Education.NONE: 0,
    Education.ASSOCIATE: 1,
    Education.BACHELOR: 2,
    Education.MASTER: 3,
    Education.DOCTOR: 4,
}

EDUCATION_NAMES: dict[Education, str] = {
    Education.NONE: "不限",
    Education.ASSOCIATE: "大专",
    Education.BACHELOR: "本科",
    Education.MASTER: "硕士",
    Education.DOCTOR: "博士",
}


class JobType(StrEnum):
    FULL_TIME = "full_time"
    INTERNSHIP = "internship"  # 见习 (P6)
    FLEXIBLE = "flexible"  # 灵活就业 (P7)
    GRASSROOTS = "grassroots"  # 基层岗位 (P8)
    RESEARCH_ASSISTANT = "research_assistant"  # 科研助理 (P8)
    PUBLIC_WELFARE = "public_welfare"  # 公益性岗位 (P8, floor for hardship graduates)


JOB_TYPE_NAMES: dict[JobType, str] = {
    JobType.FULL_TIME: "全职",
    JobType.INTERNSHIP: "就业见习",
    JobType.FLEXIBLE: "灵活就业",
    JobType.GRASSROOTS: "基层岗位",
    JobType.RESEARCH_ASSISTANT: "科研助理",
    JobType.PUBLIC_WELFARE: "公益性岗位",
}


class JobStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Hardship(StrEnum):
    """P9 hardship groups. Sensitive personal information: never shown to platforms."""

    POVERTY_REGISTERED = "poverty_registered"  # 建档立卡 (incl. 即时帮扶)
    MINIMUM_LIVING = "minimum_living"  # 低保
    DISABLED = "disabled"  # 残疾
    ZERO_EMPLOYMENT_FAMILY = "zero_employment_family"  # 零就业家庭


HARDSHIP_NAMES: dict[Hardship, str] = {
    Hardship.POVERTY_REGISTERED: "建档立卡贫困家庭",
    Hardship.MINIMUM_LIVING: "低保家庭",
    Hardship.DISABLED: "残疾",
    Hardship.ZERO_EMPLOYMENT_FAMILY: "零就业家庭",
}


class EmploymentStatus(StrEnum):
    UNEMPLOYED = "unemployed"
    EMPLOYED = "employed"
    FURTHER_STUDY = "further_study"
    NOT_SEEKING = "not_seeking"


class RegistrationChannel(StrEnum):
    MINI_PROGRAM = "mini_program"  # 求职登记小程序 (P2: contact within 5 working days)
    WALK_IN = "walk_in"
    SCHOOL = "school"
    IMPORT = "import"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    ORGANISER = "organiser"
    PLATFORM = "platform"


# Shandong's 16 prefecture-level cities.
SHANDONG_CITIES: tuple[str, ...] = (
    "济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁",
    "泰安", "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽",
)
