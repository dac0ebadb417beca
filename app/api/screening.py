"""/v1/screening: staff review of postings flagged by screening (P10)."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from app.api.deps import SessionDep, StaffOnly
from app.schemas.common import Cursor, RecordId
from app.schemas.jobs import JobPage, JobRead, ScreeningDecision
from app.services import jobs as job_service
from app.services import screening as screening_service

router = APIRouter(prefix="/v1", tags=["screening"])


@router.get("/screening/flagged", response_model=JobPage, summary="Postings with screening findings")
def flagged_postings(
    session: SessionDep,
    caller: StaffOnly,
    status: Annotated[Literal["blocked", "review", "confirmed", "cleared"] | None,
                      Query(description="default: every posting with findings")] = None,
    after: Cursor | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> JobPage:
    """Postings with screening findings (P10: fake offers, discrimination, fees, black agencies), oldest
    first, with the findings and their explanations; `status` narrows to held back (`blocked`, `review`)
    or decided (`confirmed`, `cleared`)."""
    rows, next_after = screening_service.list_flagged(session, status=status, after=after, limit=limit)
    return JobPage(items=[JobRead.model_validate(row) for row in rows], next_after=next_after)


@router.post("/jobs/{job_id}/screening", response_model=JobRead, summary="Clear or confirm a posting's findings")
def decide_on_findings(job_id: RecordId, body: ScreeningDecision, session: SessionDep, caller: StaffOnly) -> JobRead:
    """Clear a held-back posting (it becomes matchable) or confirm its findings (it stays held back).
    The decision and its note are written to the audit log."""
    job = job_service.get_job(session, job_id=job_id)
    return JobRead.model_validate(screening_service.decide(session, job=job, decision=body.decision,
                                                           note=body.note, caller=caller))
