"""Writes posting titles and descriptions in natural Chinese from an occupation template.

Several headings, numbering styles and phrasings are mixed so that two postings of the same
occupation rarely read alike; embedding tests then have to rely on meaning, not on identical
boilerplate. Wording is kept clean of the discriminatory or fee-charging phrases that the
posting screener (P10) looks for.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from synthetic.occupation import EmployerKind, Occupation
from synthetic.vocabulary import BENEFITS, SOFT_REQUIREMENTS
from app.domain.enums import EDUCATION_NAMES, Education, JobType

MIN_DESCRIPTION_CHARS = 150
MAX_DESCRIPTION_CHARS = 600

_HEADINGS: tuple[tuple[str, str], ...] = (
    ("岗位职责：", "任职要求："),
    ("工作内容：", "岗位要求："),
    ("【岗位职责】", "【任职资格】"),
    ("一、岗位职责", "二、任职要求"),
    ("职位描述：", "任职资格："),
)
_NUMBERING: tuple[str, ...] = ("{n}. ", "{n}、", "（{n}）")

_TRADE_OPENERS: tuple[str, ...] = (
    "{employer}是一家{blurb}，因业务发展需要，现招聘{title}{count}名。",
    "我们是{blurb}，现诚聘{title}，欢迎应届及往届高校毕业生加入。",
    "{employer}成立于{year}年，是{blurb}。",
    "公司简介：{blurb}，工作地点位于{city}市{county}。",
    "{employer}现面向社会招聘{title}{count}名。",
)
_PUBLIC_OPENERS: tuple[str, ...] = (
    "为{blurb}，{employer}现公开招聘{title}{count}名。",
    "为{blurb}，现面向高校毕业生招聘{title}{count}名，具体要求如下。",
)

_JOB_TYPE_NOTES: dict[JobType, tuple[str, ...]] = {
    JobType.INTERNSHIP: (
        "本岗位为就业见习岗位，见习期{months}个月，面向离校未就业高校毕业生，见习期间按规定发放见习补贴并办理人身意外伤害保险。",
        "就业见习岗位：见习期{months}个月，见习期满表现优秀者可优先留用。",
    ),
    JobType.FLEXIBLE: (
        "工作时间灵活，按项目或工作量结算报酬，适合有意灵活就业的高校毕业生。",
        "本岗位为灵活用工岗位，可远程或弹性安排工作时间，按月结算。",
    ),
    JobType.GRASSROOTS: (
        "本岗位为基层服务岗位，聘用后签订劳动合同，按规定享受基层就业相关扶持政策。",
        "服务基层一线，按规定缴纳社会保险，工作满规定年限后可按政策享受相关待遇。",
    ),
    JobType.RESEARCH_ASSISTANT: (
        "聘期{years}年，可续聘，聘期内按规定缴纳社会保险，享受科研助理岗位相关就业政策。",
        "科研助理岗位，聘期{years}年，签订劳动合同或聘用协议，薪酬按项目经费标准执行。",
    ),
    JobType.PUBLIC_WELFARE: (
        "本岗位为政府开发的公益性岗位，签订劳动合同，按规定缴纳社会保险，同等条件下优先安排就业困难人员。",
        "公益性岗位，享受岗位补贴和社会保险补贴，就业困难高校毕业生同等条件下优先。",
    ),
}


@dataclass(frozen=True, slots=True)
class PostingFacts:
    """What the description has to state; everything else is phrasing."""

    occupation: Occupation
    employer_kind: EmployerKind
    title: str
    employer_name: str
    city: str
    county: str
    job_type: JobType
    education_min: Education
    majors: tuple[str, ...]
    skills: tuple[str, ...]
    headcount: int


def compose_title(*, rng: random.Random, occupation: Occupation, job_type: JobType) -> str:
    base = rng.choice(occupation.titles)
    if job_type is JobType.INTERNSHIP:
        return rng.choice((f"{base}（就业见习）", f"见习{base}", f"{base}见习岗"))
    if job_type is JobType.FLEXIBLE:
        return rng.choice((f"{base}（兼职）", f"{base}（灵活用工）", f"兼职{base}", f"{base}（项目制）"))
    return base


def compose_description(*, rng: random.Random, facts: PostingFacts) -> str:
    """A 150–600 character description with duties and requirements sections."""
    duty_count = rng.randint(3, min(5, len(facts.occupation.duties)))
    duties = rng.sample(facts.occupation.duties, duty_count)
    requirements = _requirements(rng, facts)
    duty_heading, requirement_heading = rng.choice(_HEADINGS)
    numbering = rng.choice(_NUMBERING)
    opener = _opener(rng, facts) if rng.random() < 0.8 else ""
    closing = _closing(rng, facts)

    # Trim optional parts first, then list items, until the text fits.
    while True:
        text = _join(
            opener, duty_heading, duties, requirement_heading, requirements, numbering, closing
        )
        if len(text) <= MAX_DESCRIPTION_CHARS:
            break
        if closing:
            closing = ""
        elif opener:
            opener = ""
        elif len(requirements) > 2:
            requirements = requirements[:-1]
        else:
            duties = duties[:-1]
    if len(text) < MIN_DESCRIPTION_CHARS:
        text += "\n" + _location(facts)
    return text


def _join(
    opener: str,
    duty_heading: str,
    duties: list[str],
    requirement_heading: str,
    requirements: list[str],
    numbering: str,
    closing: str,
) -> str:
    lines = [opener] if opener else []
    lines.append(duty_heading)
    lines.extend(_numbered(duties, numbering))
    lines.append(requirement_heading)
    lines.extend(_numbered(requirements, numbering))
    if closing:
        lines.append(closing)
    return "\n".join(lines)


def _numbered(items: list[str], numbering: str) -> list[str]:
    last = len(items)
    return [
        numbering.format(n=n) + item + ("。" if n == last else "；")
        for n, item in enumerate(items, start=1)
    ]


def _opener(rng: random.Random, facts: PostingFacts) -> str:
    templates = _TRADE_OPENERS if facts.employer_kind.naming == "trade" else _PUBLIC_OPENERS
    return rng.choice(templates).format(
        employer=facts.employer_name,
        blurb=rng.choice(facts.employer_kind.blurbs),
        title=facts.title,
        count=facts.headcount,
        year=rng.randint(1998, 2020),
        city=facts.city,
        county=facts.county,
    )


def _requirements(rng: random.Random, facts: PostingFacts) -> list[str]:
    lines = [_education_line(rng, facts.education_min, facts.majors)]
    certificates = [skill for skill in facts.skills if is_certificate(skill)]
    abilities = [skill for skill in facts.skills if not is_certificate(skill)]
    if abilities:
        lines.append(_abilities_line(rng, abilities))
    lines.extend(_certificate_phrase(rng, certificate) for certificate in certificates)
    # Skip template requirements that already name a listed certificate, so it is not said twice.
    own = [
        line for line in facts.occupation.requirements
        if not any(certificate[:4] in line for certificate in certificates)
    ]
    lines.extend(rng.sample(own, min(len(own), rng.randint(1, 2))))
    lines.append(rng.choice(SOFT_REQUIREMENTS))
    return lines


def _education_line(rng: random.Random, education: Education, majors: tuple[str, ...]) -> str:
    listed = "、".join(majors)
    if education is Education.NONE:
        return f"学历不限，{listed}等相关专业优先" if majors else "学历不限，专业不限"
    level = EDUCATION_NAMES[education]
    if not majors:
        return rng.choice((f"{level}及以上学历，专业不限", f"学历要求{level}及以上，专业不限"))
    return rng.choice(
        (
            f"{level}及以上学历，{listed}等相关专业",
            f"具有{level}及以上学历，{listed}相关专业优先",
            f"{listed}等专业，{level}及以上学历",
        )
    )


def _abilities_line(rng: random.Random, abilities: list[str]) -> str:
    listed = "、".join(abilities)
    if len(abilities) == 1:
        return rng.choice((f"熟悉{listed}", f"掌握{listed}相关知识", f"具备{listed}方面的实践能力"))
    head, rest = abilities[0], "、".join(abilities[1:])
    return rng.choice(
        (
            f"熟悉{head}、{rest}",
            f"熟练掌握{listed}",
            f"掌握{head}，了解{rest}",
            f"具备{listed}等方面的专业能力",
            f"了解{listed}等相关知识，有实践经验者优先",
        )
    )


def is_certificate(skill: str) -> bool:
    """Licences and titles read "持有…/具有…", not "熟悉…", so text must tell them apart."""
    return skill.endswith(("资格", "证", "证书", "职称", "工程师"))


def _certificate_phrase(rng: random.Random, certificate: str) -> str:
    if certificate.endswith("资格"):
        return rng.choice((f"持有{certificate}证书", f"具有{certificate}"))
    if certificate.endswith("工程师"):
        return f"具有{certificate}资格者优先"
    if certificate.endswith("职称"):
        return f"具有{certificate}"
    return f"持有{certificate}"


def _closing(rng: random.Random, facts: PostingFacts) -> str:
    parts: list[str] = []
    notes = _JOB_TYPE_NOTES.get(facts.job_type)
    if notes:
        parts.append(
            rng.choice(notes).format(months=rng.choice((3, 6, 12)), years=rng.choice((1, 2, 3)))
        )
    if facts.job_type in (JobType.FULL_TIME, JobType.INTERNSHIP) and rng.random() < 0.7:
        chosen = rng.sample(BENEFITS, rng.randint(3, 5))
        parts.append(rng.choice(("福利待遇：", "我们提供：", "薪资福利：")) + "、".join(chosen) + "。")
    if rng.random() < 0.5:
        parts.append(_location(facts))
    return "\n".join(parts)


def _location(facts: PostingFacts) -> str:
    return f"工作地点：{facts.city}市{facts.county}。"
