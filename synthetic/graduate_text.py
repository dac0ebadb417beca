"""Short self-introductions for synthetic graduates, consistent with major and skills."""
from __future__ import annotations

import random

from synthetic.job_text import is_certificate
from synthetic.majors import MajorProfile
from app.domain.enums import EDUCATION_NAMES, INDUSTRY_NAMES, Education, Industry

_INTERNSHIP_PLACES: dict[Industry, tuple[str, ...]] = {
    Industry.NEW_GEN_IT: ("一家软件公司", "某互联网企业的技术部", "学校信息化中心"),
    Industry.HIGH_END_EQUIPMENT: ("一家装备制造企业", "某机械厂的技术科", "汽车零部件企业"),
    Industry.NEW_ENERGY_MATERIALS: ("一家光伏企业", "电池材料企业的研发中心", "新材料实验室"),
    Industry.MODERN_MARINE: ("一家海洋牧场", "港口集团", "船舶设计所"),
    Industry.MEDICAL_HEALTH: ("三级医院", "社区卫生服务中心", "医养结合养老机构"),
    Industry.HIGH_END_CHEMICAL: ("化工园区内的企业", "一家精细化工企业", "化工企业质检中心"),
    Industry.MODERN_AGRICULTURE: ("农业科学院试验站", "一家种业公司", "蔬菜产业园区"),
    Industry.CULTURAL_CREATIVE: ("一家文化传媒公司", "广告公司设计部", "融媒体中心"),
    Industry.BOUTIQUE_TOURISM: ("一家国际旅行社", "高星级酒店", "5A级景区"),
    Industry.MODERN_FINANCE: ("农商银行支行", "会计师事务所", "证券营业部"),
    Industry.OTHER: ("一家物流企业", "街道办事处", "企业行政部"),
}


def compose_intro(
    *,
    rng: random.Random,
    profile: MajorProfile,
    school: str,
    education: Education,
    graduation_year: int,
    skills: list[str],
    preferred_city: str | None,
) -> str:
    """One to three sentences: who I am, what I can do, what I am looking for."""
    sentences = [_background(rng, profile, school, education, graduation_year)]
    roll = rng.random()
    if roll < 0.8 and skills:
        sentences.append(_abilities(rng, skills))
    if roll > 0.2 or len(sentences) == 1:
        sentences.append(_wish(rng, profile, preferred_city))
    return "".join(sentences)


def _background(
    rng: random.Random, profile: MajorProfile, school: str, education: Education, year: int
) -> str:
    level = EDUCATION_NAMES[education]
    return rng.choice(
        (
            f"我是{school}{profile.name}专业{year}届{level}毕业生。",
            f"本人{year}年毕业于{school}，{level}学历，所学专业为{profile.name}。",
            f"您好，我毕业于{school}{profile.name}专业（{level}）。",
        )
    )


def _abilities(rng: random.Random, skills: list[str]) -> str:
    certificates = [skill for skill in skills if is_certificate(skill)]
    abilities = [skill for skill in skills if not is_certificate(skill)]
    parts = []
    if abilities:
        listed = "、".join(abilities[:3])
        parts.append(
            rng.choice(
                (
                    f"在校期间系统学习了专业课程，掌握{listed}",
                    f"熟悉{listed}",
                    f"具备{listed}方面的实践能力",
                )
            )
        )
    if certificates:
        parts.append("已取得" + "、".join(certificates))
    return "，".join(parts) + "。"


def _wish(rng: random.Random, profile: MajorProfile, preferred_city: str | None) -> str:
    industry = profile.industries[0]
    place = rng.choice(_INTERNSHIP_PLACES[industry])
    options = [
        f"曾在{place}实习，希望从事{profile.career}相关工作。",
        f"愿意到基层一线锻炼，希望从事{profile.career}工作。",
    ]
    if industry is not Industry.OTHER:  # "其他领域" would read oddly
        options.append(f"期待在{INDUSTRY_NAMES[industry]}领域找到{profile.career}方面的岗位。")
    if preferred_city:
        options.append(f"希望在{preferred_city}从事{profile.career}相关工作。")
    return rng.choice(options)
