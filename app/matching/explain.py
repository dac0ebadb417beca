"""Plain-Chinese reasons for a match, built from the components.

Two audiences: the graduate-facing or platform-facing text never mentions hardship or the
priority step; the staff text says when the P9 priority changed the order.
"""
from __future__ import annotations

from app.domain.enums import EDUCATION_NAMES, INDUSTRY_NAMES, JOB_TYPE_NAMES, Education, Industry, JobType
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.features import experience_shortfall, is_fresh_graduate, seniority_shortfall, seniority_word

STRONG = 0.75


def _industry_name(code: str) -> str:
    try:
        return INDUSTRY_NAMES[Industry(code)]
    except ValueError:
        return code


def reasons_for(job: JobDoc, profile: ProfileDoc, components: dict[str, float], matched_skills: list[str],
                *, for_staff: bool = False, priority_applied: bool = False) -> list[str]:
    reasons: list[str] = []
    if components.get("major", 0.0) >= 0.99 and job.majors:
        reasons.append(f"专业对口：岗位要求的专业包含“{profile.major}”。")
    elif components.get("major", 0.0) >= STRONG:
        reasons.append(f"“{profile.major}”专业与{_industry_name(job.industry)}产业高度相关。")
    if matched_skills:
        reasons.append(f"具备岗位要求的技能：{'、'.join(matched_skills)}。")
    if components.get("semantic", 0.0) >= STRONG or components.get("lexical", 0.0) >= STRONG:
        reasons.append("岗位职责与个人简历、技能描述内容相近。")
    education_required = EDUCATION_NAMES[Education(job.education_min)]
    if components.get("education", 0.0) > 0:
        reasons.append(f"学历{EDUCATION_NAMES[Education(profile.education)]}满足岗位要求（{education_required}）。")
    if components.get("city", 0.0) >= 0.99:
        reasons.append(f"工作地点{job.city}符合求职意向。")
    if components.get("salary", 0.0) >= 0.99 and profile.expected_salary is not None:
        reasons.append(f"薪资上限{job.salary_max}元/月，达到期望月薪{profile.expected_salary}元。")
    if components.get("job_type", 0.0) >= 0.99:
        reasons.append(f"岗位类型（{JOB_TYPE_NAMES[JobType(job.job_type)]}）符合求职意向。")
    if components.get("industry", 0.0) >= 0.99:
        reasons.append(f"属于意向行业：{_industry_name(job.industry)}。")
    reasons.extend(experience_reasons(job, profile, who="你"))
    if for_staff and priority_applied:
        reasons.append("按困难毕业生帮扶政策（P9），在匹配度相近的岗位中优先推荐。")
    if not reasons:
        reasons.append("与求职意向部分相符，建议进一步沟通了解。")
    return reasons


def candidate_reasons(job: JobDoc, profile: ProfileDoc, components: dict[str, float],
                      matched_skills: list[str], *, for_staff: bool, priority_applied: bool) -> list[str]:
    """Reasons in the job → graduate direction (what an employer or staff member reads)."""
    reasons: list[str] = []
    if components.get("major", 0.0) >= STRONG:
        reasons.append(f"所学专业“{profile.major}”与岗位相关。")
    if matched_skills:
        reasons.append(f"具备岗位要求的技能：{'、'.join(matched_skills)}。")
    if components.get("semantic", 0.0) >= STRONG or components.get("lexical", 0.0) >= STRONG:
        reasons.append("个人简介与岗位职责内容相近。")
    reasons.append(f"学历{EDUCATION_NAMES[Education(profile.education)]}满足岗位要求。")
    if components.get("city", 0.0) >= 0.99:
        reasons.append(f"意向工作地点包含{job.city}。")
    reasons.extend(experience_reasons(job, profile, who="该毕业生"))
    if for_staff and priority_applied:
        reasons.append("困难毕业生（P9），匹配度相近时优先推荐。")
    return reasons


def _years(value: float) -> str:
    return f"{value:g}"


def experience_reasons(job: JobDoc, profile: ProfileDoc, *, who: str) -> list[str]:
    """The experience asked vs held, said plainly; ``who`` is 你 (graduate side) or 该毕业生 (employer side).

    Read from the two records, not from the component score, so every sentence is true of them."""
    held = (f"{who}目前没有相关经验" if profile.work_experience_years <= 0
            else f"{who}目前有{_years(profile.work_experience_years)}年工作经验")
    if experience_shortfall(job, profile) > 0:
        assert job.experience_min_years is not None
        return [f"要求{_years(job.experience_min_years)}年以上工作经验，{held}。"]
    if seniority_shortfall(job, profile) > 0:
        found = seniority_word(job.title)
        assert found is not None
        return [f"职位名称含“{job.title[job.title.lower().index(found[0]):][:len(found[0])]}”，属于资深岗位，{held}。"]
    if job.open_to_new_grads and is_fresh_graduate(profile):
        return ["岗位接受应届毕业生。"]
    return []
