"""/v1/match, /v1/match/batch, /v1/jobs/{id}/candidates, /v1/index/status, /v1/feedback."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.api.deps import AnyRole, GraduateReader, SessionDep, reads_and_logs
from app.core.errors import DomainError
from app.core.privacy import graduate_view
from app.domain.caller import Caller
from app.matching.engine import CandidateMatch, JobMatch, MatchEngine
from app.schemas.common import RecordId
from app.schemas.graduates import GraduateStaffRead
from app.schemas.matching import (
    BatchMatchItem,
    BatchMatchRequest,
    BatchMatchResponse,
    CandidateOut,
    CandidatesResponse,
    FeedbackIn,
    FeedbackOut,
    IndexStatus,
    MIN_SCORE_DESCRIPTION,
    JobMatchOut,
    MatchRequest,
    MatchResponse,
)
from app.services import matching as matching_service
from app.services.pseudonyms import candidate_pseudonym, pseudonym_secret
from app.services.runtime import get_match_engine
from app.services.sensitive_reads import audit_graduate_reads

router = APIRouter(prefix="/v1", tags=["matching"])
MatcherDep = Annotated[MatchEngine, Depends(get_match_engine)]


def _job_out(result: JobMatch, caller: Caller) -> JobMatchOut:
    job = result.subject
    return JobMatchOut(
        job_id=job.id, external_id=job.external_id, title=job.title, employer_name=job.employer_name,
        city=job.city, industry=job.industry, job_type=job.job_type, score=result.score,
        components=result.components, matched_skills=result.matched_skills, missing_skills=result.missing_skills,
        reasons=result.staff_reasons if caller.is_staff else result.reasons,
    )


@router.post("/match", response_model=MatchResponse)
@reads_and_logs
def match(body: MatchRequest, session: SessionDep, caller: GraduateReader, engine: MatcherDep) -> MatchResponse:
    """A graduate's best jobs, by stored graduate_id or an unsaved profile."""
    if body.graduate_id is not None:
        profile, vector, graduate_id = matching_service.graduate_subject(
            session, engine=engine, graduate_id=body.graduate_id, caller=caller)
    else:
        assert body.profile is not None
        profile, vector = matching_service.profile_subject(engine=engine, profile=body.profile)
        graduate_id = None
    match_id, results = matching_service.match_jobs(
        session, engine=engine, profile=profile, vector=vector, top_k=body.top_k, filters=body.filters,
        caller=caller, graduate_id=graduate_id, min_score=body.min_score)
    return MatchResponse(match_id=match_id, model=engine.encoder.model_id,
                         results=[_job_out(result, caller) for result in results])


@router.post("/match/batch", response_model=BatchMatchResponse)
@reads_and_logs
def match_batch(body: BatchMatchRequest, session: SessionDep, caller: GraduateReader,
                engine: MatcherDep) -> BatchMatchResponse:
    """Best jobs for many stored graduates in one call (fair preparation). A graduate that cannot be
    matched is reported in its item, the others still get results."""
    items: list[BatchMatchItem] = []
    for graduate_id in body.graduate_ids:
        try:
            profile, vector, _ = matching_service.graduate_subject(
                session, engine=engine, graduate_id=graduate_id, caller=caller)
        except DomainError as error:
            items.append(BatchMatchItem(graduate_id=graduate_id, error=error.message))
            continue
        match_id, results = matching_service.match_jobs(
            session, engine=engine, profile=profile, vector=vector, top_k=body.top_k, filters=body.filters,
            caller=caller, graduate_id=graduate_id, min_score=body.min_score)
        items.append(BatchMatchItem(graduate_id=graduate_id, match_id=match_id,
                                    results=[_job_out(result, caller) for result in results]))
    return BatchMatchResponse(model=engine.encoder.model_id, items=items)


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


@router.get("/jobs/{job_id}/candidates", response_model=CandidatesResponse, response_model_exclude_unset=True)
def candidates(job_id: RecordId, session: SessionDep, caller: GraduateReader, engine: MatcherDep,
               top_k: Annotated[int, Query(ge=1, le=100)] = 10,
               min_score: Annotated[float | None, Query(ge=0.0, le=1.0, description=MIN_SCORE_DESCRIPTION)] = None,
               ) -> CandidatesResponse:
    """Ranked graduates for a job. Platforms and organisers get a pseudonymous view; staff the full record."""
    job, results = matching_service.job_candidates(session, engine=engine, job_id=job_id, top_k=top_k,
                                                   caller=caller, min_score=min_score)
    staff_views: dict[int, GraduateStaffRead] = {}
    if caller.is_staff:
        graduates = matching_service.load_graduates(session, [r.subject.id for r in results if r.subject.id])
        audit_graduate_reads(session, caller=caller, graduates=list(graduates.values()), unmasked=False,
                             action="read_candidates")
        staff_views = {gid: graduate_view(g, caller) for gid, g in graduates.items()}  # type: ignore[misc]
    secret = pseudonym_secret(session)
    return CandidatesResponse(job_id=job.id, model=engine.encoder.model_id, results=[
        _candidate_out(result, caller, job.id, secret, staff_views.get(result.subject.id or -1))
        for result in results])


@router.get("/index/status", response_model=IndexStatus)
def index_status(session: SessionDep, caller: AnyRole, engine: MatcherDep) -> IndexStatus:
    """How many records are embedded with the current model and how many are still pending."""
    return IndexStatus.model_validate(matching_service.index_status(session, engine=engine))


@router.post("/feedback", response_model=FeedbackOut, status_code=201)
def feedback(body: FeedbackIn, session: SessionDep, caller: GraduateReader) -> FeedbackOut:
    """What happened after a match (impression, click, apply, interview, hire, dismiss)."""
    record = matching_service.record_feedback(session, data=body, caller=caller)
    return FeedbackOut(id=record.id, match_id=record.match_id, job_id=record.job_id, event=record.event,
                       at=record.at)


