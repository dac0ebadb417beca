"""/v1/match, /v1/match/batch, /v1/jobs/{id}/candidates, /v1/index/status, /v1/feedback."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import AnyRole, GraduateReader, MatcherDep, SessionDep, reads_and_logs
from app.core.errors import DomainError
from app.schemas.common import RecordId
from app.schemas.matching import (
    BatchMatchItem,
    BatchMatchRequest,
    BatchMatchResponse,
    CandidatesResponse,
    FeedbackIn,
    FeedbackOut,
    IndexStatus,
    MIN_SCORE_DESCRIPTION,
    MatchRequest,
    MatchResponse,
)
from app.services import matching as matching_service

router = APIRouter(prefix="/v1", tags=["matching"])


@router.post("/match", response_model=MatchResponse, summary="Best jobs for a graduate")
@reads_and_logs
def match(body: MatchRequest, session: SessionDep, caller: GraduateReader, engine: MatcherDep) -> MatchResponse:
    """A graduate's best open postings, by stored `graduate_id` or an unsaved `profile` (nothing of it is
    stored), with filters, a relevance floor (`min_score`) and, for each result, its score, component
    scores, matched and missing skills and plain-language reasons. Quote `match_id` in
    `POST /v1/feedback`. A platform may match only graduates it registered; reasons never reveal hardship."""
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
    return MatchResponse(match_id=match_id, model=engine.encoder.model_id, results=results)


@router.post("/match/batch", response_model=BatchMatchResponse, summary="Best jobs for many graduates")
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
        items.append(BatchMatchItem(graduate_id=graduate_id, match_id=match_id, results=results))
    return BatchMatchResponse(model=engine.encoder.model_id, items=items)


@router.get("/jobs/{job_id}/candidates", response_model=CandidatesResponse, response_model_exclude_unset=True,
            summary="Best graduates for a posting")
def candidates(job_id: RecordId, session: SessionDep, caller: GraduateReader, engine: MatcherDep,
               top_k: Annotated[int, Query(ge=1, le=100)] = 10,
               min_score: Annotated[float | None, Query(ge=0.0, le=1.0, description=MIN_SCORE_DESCRIPTION)] = None,
               ) -> CandidatesResponse:
    """Ranked graduates for a posting. Platforms and organisers get a pseudonymous view (a
    `candidate_id` stable per key and posting; no name, id number, contact or hardship, and an order
    that does not reveal it); staff get the full record, the component scores and whether the P9
    priority applied, and each hardship graduate shown is an audited read."""
    job, results = matching_service.job_candidates(session, engine=engine, job_id=job_id, top_k=top_k,
                                                   caller=caller, min_score=min_score)
    return CandidatesResponse(job_id=job.id, model=engine.encoder.model_id, results=results)


@router.get("/index/status", response_model=IndexStatus, summary="Embedding progress")
def index_status(session: SessionDep, caller: AnyRole, engine: MatcherDep) -> IndexStatus:
    """How many postings and graduates are embedded with the current model and how many still wait
    for the embedding worker: a record is matched by its words alone until embedded."""
    return IndexStatus.model_validate(matching_service.index_status(session, engine=engine))


@router.post("/feedback", response_model=FeedbackOut, status_code=201, summary="Report what happened after a match")
def feedback(body: FeedbackIn, session: SessionDep, caller: GraduateReader) -> FeedbackOut:
    """What happened after a match — impression, click, apply, interview, hire or dismiss — for a
    `match_id` and a posting it returned. Kept to measure and train the ranking."""
    record = matching_service.record_feedback(session, data=body, caller=caller)
    return FeedbackOut(id=record.id, match_id=record.match_id, job_id=record.job_id, event=record.event,
                       at=record.at)


