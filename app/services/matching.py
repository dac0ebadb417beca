"""Matching use cases: a graduate's best jobs, a job's candidates, feedback, index status."""
from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from collections.abc import Sequence
from typing import cast

import numpy as np
from sqlalchemy.orm import Session

from app.config import get_settings
from app.core.errors import Conflict, FieldProblem, NotFound
from app.db.models import Feedback, Graduate, Job, MatchImpression
from app.domain.caller import Caller
from app.matching.documents import ProfileDoc
from app.matching.engine import CandidateMatch, JobMatch, MatchEngine
from app.matching.rules import MatchFilters
from app.schemas.graduates import GraduateStaffRead
from app.schemas.matching import CandidateOut, FeedbackIn, JobMatchOut, MatchFiltersIn, ProfileIn
from app.services import graduates as graduate_service
from app.services import jobs as job_service
from app.services.embedding import (
    count_embedded,
    count_pending,
    graduate_text,
    job_text,
    last_embedded_at,
    pass_progress,
)
from app.services.index_sync import (
    job_doc,
    job_lexical_text,
    profile_doc,
    profile_lexical_text,
    stored_vector,
    sync_for_request,
)
from app.services.impressions import ImpressionRow
from app.services.pseudonyms import candidate_pseudonym, pseudonym_secret
from app.services.runtime import get_impression_writer, get_query_cache
from app.services.sensitive_reads import audit_graduate_ids, show_graduates


def to_filters(filters: MatchFiltersIn) -> MatchFilters:
    return MatchFilters(
        cities=frozenset(filters.cities), industries=frozenset(i.value for i in filters.industries),
        job_types=frozenset(t.value for t in filters.job_types), salary_min=filters.salary_min,
        education=filters.education.value if filters.education else None,
        max_experience_years=filters.max_experience_years,
    )


def graduate_subject(session: Session, *, engine: MatchEngine, graduate_id: int,
                     caller: Caller) -> tuple[ProfileDoc, np.ndarray, int]:
    graduate = graduate_service.get_graduate(session, graduate_id=graduate_id, caller=caller)
    if graduate.record_status != "active":
        raise Conflict(f"graduate {graduate_id} is withdrawn", problems=[FieldProblem("graduate_id", "withdrawn")])
    doc = profile_doc(graduate)
    vector = stored_vector(graduate, engine)
    if vector is None:  # not embedded yet (or by another model): embed now, through the cache
        vector = get_query_cache().encode_queries(engine.encoder, [graduate_text(
            major=graduate.major, education=graduate.education, skills=graduate.skills, intro=graduate.intro,
            preferred_industries=graduate.preferred_industries)])[0]
    return doc, vector, graduate.id


def profile_subject(*, engine: MatchEngine, profile: ProfileIn) -> tuple[ProfileDoc, np.ndarray]:
    doc = ProfileDoc(
        major=profile.major, education=profile.education.value, graduation_year=profile.graduation_year,
        school=profile.school, skills=tuple(profile.skills), intro=profile.intro, current_city=profile.current_city,
        preferred_cities=tuple(profile.preferred_cities),
        preferred_industries=tuple(i.value for i in profile.preferred_industries),
        preferred_job_types=tuple(t.value for t in profile.preferred_job_types),
        expected_salary=profile.expected_salary, work_experience_years=profile.work_experience_years,
    )
    # An unsaved profile has no stored vector; the same profile re-sent (paging, filters, retries) is
    # served from the cache instead of being embedded again.
    vector = get_query_cache().encode_queries(engine.encoder, [graduate_text(
        major=doc.major, education=doc.education, skills=doc.skills, intro=doc.intro,
        preferred_industries=doc.preferred_industries)])[0]
    return doc, vector


def match_jobs(session: Session, *, engine: MatchEngine, profile: ProfileDoc, vector: np.ndarray, top_k: int,
               filters: MatchFiltersIn, caller: Caller, graduate_id: int | None,
               min_score: float | None = None) -> tuple[str, list[JobMatchOut]]:
    sync_for_request(engine, session)
    if not caller.is_staff:
        # Hardship must not move anything a platform sees, the P8 public-welfare floor included:
        # which posts appear for its own graduate would otherwise tell it their status.
        profile = replace(profile, priority=False)
    results = engine.match_profile(profile, vector=vector, text=profile_lexical_text(profile), top_k=top_k,
                                   filters=to_filters(filters), with_priority=caller.is_staff,
                                   min_relevance=min_score or 0.0)
    match_id = uuid.uuid4().hex  # known before anything is written: feedback may cite it at once
    rows = [ImpressionRow(match_id=match_id, api_key_id=caller.key_id, graduate_id=graduate_id, job_id=result.subject.id,
                          rank=rank, score=result.score, components=result.components)
            for rank, result in enumerate(results, start=1)]
    if get_settings().impression_writes == "request":
        session.add_all(MatchImpression(**asdict(row)) for row in rows)
        session.flush()
    else:
        get_impression_writer().put(rows)  # written in bulk by the background flusher
    if graduate_id is not None:
        # A staff answer for a hardship graduate carries the P9 reason: a read of their status.
        audit_graduate_ids(session, caller=caller, graduate_ids=[graduate_id], action="match_graduate")
    return match_id, [job_match_out(result, caller) for result in results]


def job_match_out(result: JobMatch, caller: Caller) -> JobMatchOut:
    """Staff see the P9 reason; every other role the reasons that say nothing about hardship."""
    job = result.subject
    return JobMatchOut(
        job_id=job.id, external_id=job.external_id, title=job.title, employer_name=job.employer_name,
        city=job.city, industry=job.industry, job_type=job.job_type, score=result.score,
        components=result.components, matched_skills=result.matched_skills, missing_skills=result.missing_skills,
        reasons=result.staff_reasons if caller.is_staff else result.reasons,
    )


def job_candidates(session: Session, *, engine: MatchEngine, job_id: int, top_k: int,
                   caller: Caller, min_score: float | None = None) -> tuple[Job, list[CandidateOut]]:
    """Ranked graduates for a job. Platforms and organisers get a pseudonymous view; staff the full
    record, audited."""
    job = job_service.get_job(session, job_id=job_id, caller=caller)
    if job.held_back and not caller.is_staff:  # its owner: told why, nobody else learns it exists
        raise Conflict("this posting is held back by screening until staff clear it; see its findings",
                       problems=[FieldProblem("job_id", f"screening status {job.screening_status}")])
    sync_for_request(engine, session)
    vector = stored_vector(job, engine)
    if vector is None:
        vector = engine.encoder.encode_passages([job_text(job)])[0]
    # The P9 lift for staff only: platforms and organisers see scores and order, and a lifted score
    # among identical profiles would tell them who has hardship status (H2).
    results = engine.candidates_for(job_doc(job), vector=vector, text=job_lexical_text(job), top_k=top_k,
                                    with_priority=caller.is_staff, min_relevance=min_score or 0.0)
    staff_views: dict[int, GraduateStaffRead] = {}
    if caller.is_staff:
        graduates = list(load_graduates(session, [r.subject.id for r in results if r.subject.id]).values())
        views = show_graduates(session, caller=caller, graduates=graduates, action="read_candidates")
        staff_views = {view.id: cast(GraduateStaffRead, view) for view in views}
    secret = pseudonym_secret(session)
    return job, [_candidate_out(result, caller, job.id, secret, staff_views.get(result.subject.id or -1))
                 for result in results]


def _candidate_out(result: CandidateMatch, caller: Caller, job_id: int, secret: bytes,
                   staff_view: GraduateStaffRead | None) -> CandidateOut:
    profile = result.subject
    assert profile.id is not None
    # Stable per (key, job) so a platform can refer back to a candidate; see services/pseudonyms.
    candidate_id = candidate_pseudonym(secret, key_id=caller.key_id, job_id=job_id, graduate_id=profile.id)
    out = CandidateOut(
        candidate_id=candidate_id, major=profile.major, education=profile.education,
        school=profile.school, city=profile.current_city, skills=list(profile.skills), score=result.score,
        matched_skills=result.matched_skills, missing_skills=result.missing_skills, reasons=result.reasons,
    )
    if staff_view is not None:
        out.graduate = staff_view
        out.components = result.components
        out.relevance = result.relevance
        out.priority_applied = result.priority_applied
        out.reasons = result.staff_reasons
    return out


def load_graduates(session: Session, ids: Sequence[int]) -> dict[int, Graduate]:
    return {graduate.id: graduate for graduate in session.query(Graduate).filter(Graduate.id.in_(list(ids)))}


def record_feedback(session: Session, *, data: FeedbackIn, caller: Caller) -> Feedback:
    # A match_id is the key's own: another key's feedback on it would write into ranker training
    # data under a result it never saw (L5), and answers exactly as an unknown id does.
    impression: MatchImpression | ImpressionRow | None = session.query(MatchImpression).filter(
        MatchImpression.match_id == data.match_id, MatchImpression.job_id == data.job_id,
        MatchImpression.api_key_id == caller.key_id).first()
    if impression is None:  # still queued for the bulk write in this process?
        queued = get_impression_writer().pending(match_id=data.match_id, job_id=data.job_id)
        impression = queued if queued is not None and queued.api_key_id == caller.key_id else None
    if impression is None:
        raise NotFound("no such job in that match result",
                       problems=[FieldProblem("match_id", "unknown match_id, or the job was not in its results")])
    feedback = Feedback(api_key_id=caller.key_id, match_id=data.match_id, job_id=data.job_id,
                        graduate_id=impression.graduate_id, event=data.event)
    session.add(feedback)
    session.flush()
    return feedback


def index_status(session: Session, *, engine: MatchEngine) -> dict[str, object]:
    model_id = engine.encoder.model_id
    pending = count_pending(session, model_id=model_id)
    embedded = count_embedded(session, model_id=model_id)
    passes = pass_progress(session, model_id=model_id)
    etas = [p["eta_seconds"] for p in passes.values()]
    return {
        "model": model_id,
        "embedded": sum(embedded.values()),
        "pending": sum(pending.values()),
        "updated_at": last_embedded_at(session, model_id=model_id),
        "detail": {"embedded": embedded, "pending": pending},
        # Issue 11: records/s over the last minute and seconds to done, per pass and overall (passes
        # run one after another, so the overall estimate is their sum; None while one is unknown).
        "rate_per_s": round(sum(float(p["rate_per_s"]) for p in passes.values()), 2),  # type: ignore[arg-type]
        "eta_seconds": None if None in etas else round(sum(etas), 1),  # type: ignore[arg-type]
        "passes": passes,
        "indexed": {"jobs": len(engine.jobs), "graduates": len(engine.graduates)},
    }


