"""/v1/graduates: the real-name registry of unemployed graduates (P1)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.api.batching import batch_response, check_batch_size
from app.api.deps import GraduateReader, MatcherDep, SessionDep, StaffOnly, Writer
from app.api.embedding_hook import embed_now
from app.config import get_settings
from app.domain.enums import Education, EmploymentStatus, Hardship
from app.schemas.common import CohortYear, Cursor, RecordId
from app.schemas.batch import BatchRequest, BatchResponse
from app.schemas.graduates import (
    DuplicatePage,
    DuplicateRead,
    DuplicateResolve,
    GraduateCreate,
    GraduatePublicPage,
    GraduatePublicRead,
    GraduateStaffPage,
    GraduateStaffRead,
    GraduateUpdate,
)
from app.services import duplicates as duplicate_service
from app.services import graduates as graduate_service
from app.services.batch import BatchRunner

router = APIRouter(prefix="/v1/graduates", tags=["graduates"])

# Staff first: a staff view must never be narrowed to the public one, and a
# public view cannot validate as a staff view because its fields are missing.
GraduateOut = GraduateStaffRead | GraduatePublicRead
GraduatePageOut = GraduateStaffPage | GraduatePublicPage


@router.post("", response_model=GraduateOut, status_code=status.HTTP_201_CREATED,
             summary="Register or update a graduate",
             responses={200: {"model": GraduateOut, "description": "An existing graduate was updated or unchanged"}})
def create_graduate(body: GraduateCreate, session: SessionDep, caller: Writer, engine: MatcherDep,
                    response: Response) -> GraduateOut:
    """Register a graduate in the real-name registry (201), or update the one with the same
    `external_id` (200): safe to re-send; `X-Upsert-Outcome` says `created`, `updated` or `unchanged`.
    The national id's check digit and birth date are verified. Staff get the staff view (national id
    and phone masked); a platform gets the public view of its own record and may not set `hardship`
    (403), nor overwrite what staff recorded (kept)."""
    graduate, outcome = graduate_service.upsert_graduate(session, data=body, caller=caller)
    embed_now(session, engine, graduate)
    if outcome != "created":
        response.status_code = status.HTTP_200_OK
    response.headers["X-Upsert-Outcome"] = outcome
    return graduate_service.written_graduate(session, graduate=graduate, caller=caller, action="write_graduate")


@router.post("/batch", response_model=BatchResponse, summary="Register or update many graduates")
def create_graduates_batch(body: BatchRequest, session: SessionDep, caller: Writer,
                           atomic: Annotated[bool, Query(description="store all records or none")] = False
                           ) -> BatchResponse:
    """Up to `JOBMATCH_BATCH_MAX_RECORDS` graduates in `{"items": [...]}`, each as in `POST /v1/graduates`.
    Good records are stored and each bad one is reported with its `index` and reasons (never its
    values); with `atomic=true` all are stored or none."""
    check_batch_size(len(body.items), get_settings().batch_max_records)
    runner = BatchRunner(GraduateCreate,
                         lambda s, data: graduate_service.upsert_graduate(s, data=data, caller=caller))
    return batch_response(runner.run(session, body.items, atomic=atomic))


@router.get("", response_model=GraduatePageOut, summary="List graduates")
def list_graduates(
    session: SessionDep,
    caller: GraduateReader,
    education: Education | None = None,
    graduation_year: CohortYear | None = None,
    employment_status: EmploymentStatus | None = None,
    hardship: Annotated[Hardship | None, Query(description="staff and admin only")] = None,
    has_hardship: Annotated[bool | None, Query(description="staff and admin only")] = None,
    city: str | None = None,
    include_withdrawn: bool = False,
    after: Cursor | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> GraduatePageOut:
    """Registered graduates in id order, a page at a time (pass `next_after` back as `after`). Staff get
    the staff view, and each hardship graduate listed is an audited read; the hardship filters are
    theirs only. A platform lists only the graduates it registered; organisers and platforms get the
    public view (no national id, phone, birth date, gender or hardship)."""
    return graduate_service.graduate_page(session, caller=caller, page=graduate_service.list_graduates(
        session, caller=caller, education=education, graduation_year=graduation_year,
        employment_status=employment_status, hardship=hardship, has_hardship=has_hardship, city=city,
        include_withdrawn=include_withdrawn, after=after, limit=limit))


# Declared before /{graduate_id} so that "duplicates" is not read as an id.
@router.get("/duplicates", response_model=DuplicatePage, summary="List suspected duplicate graduates")
def list_duplicates(session: SessionDep, caller: StaffOnly, include_resolved: bool = False) -> DuplicatePage:
    """Suspected duplicates for staff to merge: graduates sent with a national_id another source had
    registered. The sender was not told (that would reveal the id is registered); see docs/privacy.md."""
    return DuplicatePage(items=duplicate_service.list_duplicates(session, caller=caller,
                                                                 include_resolved=include_resolved))


@router.post("/duplicates/{duplicate_id}/resolve", response_model=DuplicateRead,
             summary="Resolve a suspected duplicate")
def resolve_duplicate(duplicate_id: RecordId, body: DuplicateResolve, session: SessionDep,
                      caller: StaffOnly) -> DuplicateRead:
    """Close a flag once the records are merged by hand, or found to be two people. A flag already
    resolved is a 409."""
    return duplicate_service.resolve_duplicate(session, duplicate_id=duplicate_id, resolution=body.resolution,
                                               caller=caller)


@router.get("/{graduate_id}", response_model=GraduateOut, summary="Read a graduate")
def get_graduate(
    graduate_id: RecordId,
    session: SessionDep,
    caller: GraduateReader,
    unmasked: Annotated[bool, Query(description="staff/admin: show full national_id and phone (audited)")] = False,
    reason: Annotated[str | None, Query(min_length=1, max_length=200,
                                        description="why the full numbers are needed (e.g. 电话联系毕业生); "
                                                    "kept as the audit entry's note")] = None,
) -> GraduateOut:
    """One graduate. Staff see national id and phone masked, the full values only with `unmasked=true`
    (give a `reason`; the read is audited), and hardship (a read of a hardship graduate is audited). A
    platform sees only graduates it registered (404 for others), in the public view; organisers the
    public view."""
    return graduate_service.read_graduate(session, graduate_id=graduate_id, caller=caller, unmasked=unmasked,
                                          reason=reason)


@router.patch("/{graduate_id}", response_model=GraduateOut, summary="Change some fields of a graduate")
def update_graduate(graduate_id: RecordId, body: GraduateUpdate, session: SessionDep, caller: Writer,
                    engine: MatcherDep) -> GraduateOut:
    """Only the fields sent change; `null` clears a list or text field. A platform may change only its
    own graduates, and a field staff recorded is a 409 naming it."""
    graduate = graduate_service.update_graduate(session, graduate_id=graduate_id, data=body, caller=caller)
    embed_now(session, engine, graduate)
    return graduate_service.written_graduate(session, graduate=graduate, caller=caller, action="update_graduate")


@router.delete("/{graduate_id}", response_model=GraduateOut, summary="Withdraw a graduate")
def withdraw_graduate(graduate_id: RecordId, session: SessionDep, caller: Writer) -> GraduateOut:
    """Withdraw the graduate from matching and triage; the record and its history stay, and sending it
    again with `POST /v1/graduates` brings it back."""
    graduate = graduate_service.withdraw_graduate(session, graduate_id=graduate_id, caller=caller)
    return graduate_service.written_graduate(session, graduate=graduate, caller=caller, action="withdraw_graduate")
