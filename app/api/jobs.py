"""/v1/jobs: job postings."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.api.batching import batch_response, check_batch_size
from app.api.deps import AnyRole, MatcherDep, SessionDep, Writer
from app.api.embedding_hook import embed_now
from app.config import get_settings
from app.domain.enums import Industry, JobStatus, JobType
from app.schemas.common import Cursor, RecordId
from app.schemas.batch import BatchRequest, BatchResponse
from app.schemas.jobs import JobCreate, JobPage, JobRead, JobUpdate
from app.services import jobs as job_service
from app.services.batch import BatchRunner

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])


@router.post("", response_model=JobRead, status_code=status.HTTP_201_CREATED,
             responses={200: {"model": JobRead, "description": "An existing posting was updated or unchanged"}})
def create_job(body: JobCreate, session: SessionDep, caller: Writer, engine: MatcherDep,
               response: Response) -> JobRead:
    """Create a posting, or update the one with the same external_id (safe to re-send)."""
    job, outcome = job_service.upsert_job(session, data=body, caller=caller)
    embed_now(session, engine, job)
    if outcome != "created":
        response.status_code = status.HTTP_200_OK
    response.headers["X-Upsert-Outcome"] = outcome
    return JobRead.model_validate(job)


@router.post("/batch", response_model=BatchResponse)
def create_jobs_batch(body: BatchRequest, session: SessionDep, caller: Writer,
                      atomic: Annotated[bool, Query(description="store all records or none")] = False
                      ) -> BatchResponse:
    check_batch_size(len(body.items), get_settings().batch_max_records)
    runner = BatchRunner(JobCreate, lambda s, data: job_service.upsert_job(s, data=data, caller=caller))
    return batch_response(runner.run(session, body.items, atomic=atomic))


@router.get("", response_model=JobPage)
def list_jobs(
    session: SessionDep,
    caller: AnyRole,
    industry: Industry | None = None,
    city: str | None = None,
    job_type: JobType | None = None,
    status_: Annotated[JobStatus | None, Query(alias="status")] = None,
    after: Annotated[Cursor | None, Query(description="id of the last record of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> JobPage:
    rows, next_after = job_service.list_jobs(session, caller=caller, industry=industry, city=city, job_type=job_type,
                                             status=status_, after=after, limit=limit)
    return JobPage(items=[JobRead.model_validate(row) for row in rows], next_after=next_after)


@router.get("/{job_id}", response_model=JobRead)
def get_job(job_id: RecordId, session: SessionDep, caller: AnyRole) -> JobRead:
    """One posting. A posting held back by screening is readable only by its owner and staff."""
    return JobRead.model_validate(job_service.get_job(session, job_id=job_id, caller=caller))


@router.patch("/{job_id}", response_model=JobRead)
def update_job(job_id: RecordId, body: JobUpdate, session: SessionDep, caller: Writer, engine: MatcherDep) -> JobRead:
    job = job_service.update_job(session, job_id=job_id, data=body, caller=caller)
    embed_now(session, engine, job)
    return JobRead.model_validate(job)


@router.delete("/{job_id}", response_model=JobRead)
def close_job(job_id: RecordId, session: SessionDep, caller: Writer) -> JobRead:
    """Close the posting. It stays on record with its history; re-sending it reopens it."""
    return JobRead.model_validate(job_service.close_job(session, job_id=job_id, caller=caller))
