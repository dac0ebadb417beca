"""/v1/jobs: job postings."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.api.batching import batch_response, check_batch_size
from app.api.deps import AnyRole, MatcherDep, SessionDep, Writer
from app.api.embedding_hook import embed_now
from app.config import get_settings
from app.domain.enums import JobStatus, JobType
from app.schemas.common import Cursor, IndustryCode, RecordId
from app.schemas.batch import BatchRequest, BatchResponse
from app.schemas.jobs import JobCreate, JobPage, JobRead, JobUpdate
from app.services import jobs as job_service
from app.services.batch import BatchRunner

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])


@router.post("", response_model=JobRead, status_code=status.HTTP_201_CREATED, summary="Create or update a posting",
             responses={200: {"model": JobRead, "description": "An existing posting was updated or unchanged"}})
def create_job(body: JobCreate, session: SessionDep, caller: Writer, engine: MatcherDep,
               response: Response) -> JobRead:
    """Create a posting (201), or update the one with the same `external_id` (200): safe to re-send.
    The `X-Upsert-Outcome` header says `created`, `updated` or `unchanged`. Without an `industry` the
    service suggests one (`industry_suggested: true`, with a confidence); screening may hold the posting
    back from matching (P10). A platform may change only the postings it created (409 otherwise)."""
    job, outcome = job_service.upsert_job(session, data=body, caller=caller)
    embed_now(session, engine, job)
    if outcome != "created":
        response.status_code = status.HTTP_200_OK
    response.headers["X-Upsert-Outcome"] = outcome
    return JobRead.model_validate(job)


@router.post("/batch", response_model=BatchResponse, summary="Create or update many postings")
def create_jobs_batch(body: BatchRequest, session: SessionDep, caller: Writer,
                      atomic: Annotated[bool, Query(description="store all records or none")] = False
                      ) -> BatchResponse:
    """Up to `JOBMATCH_BATCH_MAX_RECORDS` postings in `{"items": [...]}`, each as in `POST /v1/jobs`. The
    good ones are stored and each bad one is reported with its `index` and reasons; with `atomic=true`
    all are stored or none."""
    check_batch_size(len(body.items), get_settings().batch_max_records)
    runner = BatchRunner(JobCreate, lambda s, data: job_service.upsert_job(s, data=data, caller=caller))
    return batch_response(runner.run(session, body.items, atomic=atomic))


@router.get("", response_model=JobPage, summary="List postings")
def list_jobs(
    session: SessionDep,
    caller: AnyRole,
    industry: IndustryCode | None = None,
    city: str | None = None,
    job_type: JobType | None = None,
    status_: Annotated[JobStatus | None, Query(alias="status")] = None,
    after: Annotated[Cursor | None, Query(description="id of the last record of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> JobPage:
    """Postings in id order, a page at a time: pass `next_after` back as `after`. Filters combine; an
    `industry` may be the code, the Chinese name or an older alias (医养健康, 智慧海洋). Postings held back
    by screening are listed only to their owner and staff."""
    rows, next_after = job_service.list_jobs(session, caller=caller, industry=industry, city=city, job_type=job_type,
                                             status=status_, after=after, limit=limit)
    return JobPage(items=[JobRead.model_validate(row) for row in rows], next_after=next_after)


@router.get("/{job_id}", response_model=JobRead, summary="Read a posting")
def get_job(job_id: RecordId, session: SessionDep, caller: AnyRole) -> JobRead:
    """One posting with its industry, screening findings and status. A posting held back by screening
    is readable only by its owner and staff (404 for everyone else)."""
    return JobRead.model_validate(job_service.get_job(session, job_id=job_id, caller=caller))


@router.patch("/{job_id}", response_model=JobRead, summary="Change some fields of a posting")
def update_job(job_id: RecordId, body: JobUpdate, session: SessionDep, caller: Writer, engine: MatcherDep) -> JobRead:
    """Only the fields sent change; `null` clears a list or text field. The posting is screened and
    embedded again. A platform may change only its own postings (409 otherwise)."""
    job = job_service.update_job(session, job_id=job_id, data=body, caller=caller)
    embed_now(session, engine, job)
    return JobRead.model_validate(job)


@router.delete("/{job_id}", response_model=JobRead, summary="Close a posting")
def close_job(job_id: RecordId, session: SessionDep, caller: Writer) -> JobRead:
    """Close the posting: it leaves matching but stays on record with its history; sending it again
    with `POST /v1/jobs` reopens it."""
    return JobRead.model_validate(job_service.close_job(session, job_id=job_id, caller=caller))
