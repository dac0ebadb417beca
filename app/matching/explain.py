"""Plain-Chinese reasons for a match, each one a fact about the two records.

Every reason is decided from the records themselves (the posting's listed majors, the graduate's
stated cities, ...) rather than read off a component score, because a score can be high for
several reasons and a sentence names exactly one: "岗位要求的专业包含“护理学”" must not appear when
the posting lists "护理", nor "意向工作地点包含临沂" when the graduate stated no city at all. Only
the text-similarity reason rests on scores, and it says no more than that. tests/matching/
test_reasons_property.py checks every reason kind against an independent predicate.

Two audiences: the graduate-facing or platform-facing text never mentions hardship or the
priority step; the staff text says when the P9 priority changed the order.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.enums import EDUCATION_NAMES, INDUSTRY_NAMES, JOB_TYPE_NAMES, Education, Industry, JobType
from app.matching.affinity import major_industry_affinity
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.features import experience_shortfall, is_fresh_graduate, seniority_shortfall, seniority_word
from app.matching.lexical import term_overlap
from app.matching.rules import education_rank
from app.matching.scorer import Scored

STRONG = 0.75
# A shorter listed major ("学", "工") would "contain" almost any major: not evidence of anything.
MIN_RELATED_MAJOR_CHARS = 2
FALLBACK = "未发现突出的匹配点，建议结合岗位详情判断。"


def _industry_name(code: str) -> str:
    try:
        return INDUSTRY_NAMES[Industry(code)]
    except ValueError:
        return code


def listed_major(job: JobDoc, profile: ProfileDoc) -> tuple[str, bool] | None:
    """The major the posting lists that names the graduate's, and whether it names it exactly
    (an exact listing first; else one that contains, or is contained in, the graduate's major)."""
    major = profile.major.strip()
    listed = [wanted.strip() for wanted in job.majors if wanted and wanted.strip()]
    if major in listed:
        return major, True
    for wanted in listed:
        if min(len(wanted), len(major)) >= MIN_RELATED_MAJOR_CHARS and (wanted in major or major in wanted):
            return wanted, False
    return None


def _education(job: JobDoc, profile: ProfileDoc) -> str | None:
    if education_rank(profile.education) < education_rank(job.education_min):
        return None
    held = EDUCATION_NAMES[Education(profile.education)]
    return f"学历{held}满足岗位要求（{EDUCATION_NAMES[Education(job.education_min)]}）。"


def _similar_text(components: dict[str, float], wording: str) -> str | None:
    if components.get("semantic", 0.0) >= STRONG or components.get("lexical", 0.0) >= STRONG:
        return wording
    return None


def _skills(matched_skills: list[str], profile: ProfileDoc) -> list[str]:
    """Skills the graduate lists are "具备"; a skill found only in the intro is only "提到" (the intro
    may say "希望学习Java")."""
    listed, only_mentioned = term_overlap(matched_skills, profile.skills)
    reasons = [f"具备岗位要求的技能：{'、'.join(listed)}。"] if listed else []
    if only_mentioned:
        reasons.append(f"个人简介提到岗位要求的技能：{'、'.join(only_mentioned)}。")
    return reasons


@dataclass(frozen=True)
class Wording:
    """One audience's sentences for the facts both directions state (format fields: major, wanted,
    industry, city)."""

    major_exact: str
    major_related: str
    major_industry: str
    similar_text: str
    city_preferred: str
    city_current: str
    priority: str


GRADUATE_WORDING = Wording(
    major_exact="专业对口：岗位要求的专业包含“{wanted}”。",
    major_related="专业相关：岗位要求“{wanted}”专业，与所学“{major}”相近。",
    major_industry="“{major}”专业与{industry}产业高度相关。",
    similar_text="岗位内容与个人简介、技能描述相近。",
    city_preferred="工作地点{city}在意向城市之列。",
    city_current="工作地点{city}即现居城市。",
    priority="按困难毕业生帮扶政策（P9），在匹配度相近的岗位中优先推荐。",
)
CANDIDATE_WORDING = Wording(
    major_exact="所学专业“{major}”是岗位要求的专业。",
    major_related="所学专业“{major}”与岗位要求的“{wanted}”专业相近。",
    major_industry="所学专业“{major}”与{industry}产业高度相关。",
    similar_text="个人简介与岗位内容相近。",
    city_preferred="意向工作地点包含{city}。",
    city_current="现居{city}，即工作地点。",
    priority="困难毕业生（P9），匹配度相近时优先推荐。",
)


def _common_reasons(job: JobDoc, profile: ProfileDoc, components: dict[str, float], matched_skills: list[str],
                    wording: Wording) -> list[str | None]:
    reasons: list[str | None] = []
    names = {"major": profile.major, "industry": _industry_name(job.industry), "city": job.city}
    major = listed_major(job, profile)
    if major is not None:
        wanted, exact = major
        reasons.append((wording.major_exact if exact else wording.major_related).format(wanted=wanted, **names))
    elif major_industry_affinity(major=profile.major, industry=job.industry) >= STRONG:
        reasons.append(wording.major_industry.format(**names))
    reasons.extend(_skills(matched_skills, profile))
    reasons.append(_similar_text(components, wording.similar_text))
    reasons.append(_education(job, profile))
    if job.city in profile.preferred_cities:
        reasons.append(wording.city_preferred.format(**names))
    elif not profile.preferred_cities and profile.current_city == job.city:
        reasons.append(wording.city_current.format(**names))
    return reasons


def reasons_for(job: JobDoc, profile: ProfileDoc, components: dict[str, float], matched_skills: list[str],
                *, for_staff: bool = False, priority_applied: bool = False) -> list[str]:
    """What a graduate (or the platform showing them the job) reads."""
    reasons = _common_reasons(job, profile, components, matched_skills, GRADUATE_WORDING)
    if profile.expected_salary is not None and job.salary_max is not None and job.salary_max >= profile.expected_salary:
        reasons.append(f"薪资上限{job.salary_max}元/月，达到期望月薪{profile.expected_salary}元。")
    if job.job_type in profile.preferred_job_types:
        reasons.append(f"岗位类型（{JOB_TYPE_NAMES[JobType(job.job_type)]}）符合求职意向。")
    if job.industry in profile.preferred_industries:
        reasons.append(f"属于意向行业：{_industry_name(job.industry)}。")
    reasons.extend(experience_reasons(job, profile, who="你"))
    if for_staff and priority_applied:
        reasons.append(GRADUATE_WORDING.priority)
    return [reason for reason in reasons if reason] or [FALLBACK]


def candidate_reasons(job: JobDoc, profile: ProfileDoc, components: dict[str, float],
                      matched_skills: list[str], *, for_staff: bool, priority_applied: bool) -> list[str]:
    """Reasons in the job → graduate direction (what an employer or staff member reads)."""
    reasons = _common_reasons(job, profile, components, matched_skills, CANDIDATE_WORDING)
    reasons.extend(experience_reasons(job, profile, who="该毕业生"))
    if for_staff and priority_applied:
        reasons.append(CANDIDATE_WORDING.priority)
    return [reason for reason in reasons if reason] or [FALLBACK]


def priority_changed_order(ordered: Sequence[Scored]) -> set[int]:
    """Ids of the lifted items that the P9 step actually placed above an item they would have
    followed on relevance alone (ties on relevance go by id): only for them is the staff reason
    "优先推荐" true. ``ordered`` is the whole ranking, before any cut to top_k."""
    moved: set[int] = set()
    best_after: tuple[float, int] | None = None  # the smallest (-relevance, id) seen below
    for item in reversed(ordered):
        key = (-item.relevance, item.item_id)
        if item.priority and item.rank_key > item.relevance and best_after is not None and best_after < key:
            moved.add(item.item_id)
        if best_after is None or key < best_after:
            best_after = key
    return moved


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
