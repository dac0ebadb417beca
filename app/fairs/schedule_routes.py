"""/v1/fairs/{id}/pairing, the schedule in force, locking, notification and exports."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status

from app.api.deps import FairReader, MatcherDep, OrganiserOrAdmin, SessionDep

from app.config import get_settings
from app.domain.caller import Caller
from app.schemas.common import RecordId
from app.fairs.schedule_schemas import EmployerExport, GraduateExport, NotifyRequest, PairingRequest, ScheduleRead
from app.fairs import exports as fair_exports
from app.fairs import schedule as fair_schedule
from app.fairs.pairing import compute_pairing
from app.fairs.views import schedule_view
from app.fairs.service import get_fair
from app.fairs.pairing_runs import check_sync_size

router = APIRouter(prefix="/v1/fairs", tags=["fairs"])
ExportFormat = Annotated[Literal["json", "csv"], Query(description="csv: UTF-8 with BOM, opens in Excel")]


def _view(session: SessionDep, fair_id: int, caller: Caller) -> ScheduleRead:
    fair = get_fair(session, fair_id=fair_id)
    return schedule_view(session, fair=fair, run=fair_schedule.current_run(session, fair), caller=caller)


@router.post("/{fair_id}/pairing", response_model=ScheduleRead, status_code=status.HTTP_201_CREATED,
             summary="Pair a small fair within the request")
def pairing(fair_id: RecordId, session: SessionDep, caller: OrganiserOrAdmin, engine: MatcherDep,
            body: PairingRequest | None = None) -> ScheduleRead:
    """Compute the schedule: every graduate who can have an interview gets one, then priority graduates
    their guaranteed count (P9), then the highest total match score. Pinned and notified interviews stay.
    The same input gives the same schedule. Above JOBMATCH_PAIRING_SYNC_MAX_PAIRS graduate × booth pairs
    (default 200,000) the answer is a 409 naming POST /v1/fairs/{id}/pairing-runs, which pairs in the
    background."""
    check_sync_size(session, fair_id=fair_id, max_pairs=get_settings().pairing_sync_max_pairs)
    compute_pairing(session, engine=engine, fair_id=fair_id, mode=(body or PairingRequest()).mode, caller=caller)
    return _view(session, fair_id, caller)


@router.get("/{fair_id}/schedule", response_model=ScheduleRead, summary="The schedule in force")
def schedule(fair_id: RecordId, session: SessionDep, caller: FairReader) -> ScheduleRead:
    """The fair's current schedule: interviews by slot and booth with their scores and reasons, who got
    none and why, and whether it is locked. Organisers never see which graduates are priority ones."""
    return _view(session, fair_id, caller)


@router.post("/{fair_id}/schedule/lock", response_model=ScheduleRead, summary="Lock (publish) the schedule")
def lock(fair_id: RecordId, session: SessionDep, caller: OrganiserOrAdmin) -> ScheduleRead:
    """Publish: freeze the schedule; every interview in it counts as notified from now on."""
    fair_schedule.lock_schedule(session, fair_id=fair_id)
    return _view(session, fair_id, caller)


@router.post("/{fair_id}/schedule/unlock", response_model=ScheduleRead, summary="Unlock the schedule for a rerun")
def unlock(fair_id: RecordId, session: SessionDep, caller: OrganiserOrAdmin) -> ScheduleRead:
    """Allow a rerun after late registrations; notified interviews keep their place."""
    fair_schedule.unlock_schedule(session, fair_id=fair_id)
    return _view(session, fair_id, caller)


@router.post("/{fair_id}/schedule/notified", response_model=ScheduleRead, summary="Mark interviews as notified")
def notified(fair_id: RecordId, body: NotifyRequest, session: SessionDep, caller: OrganiserOrAdmin) -> ScheduleRead:
    """Record that these interviews were sent to the people concerned: reruns will not move them."""
    fair_schedule.mark_notified(session, fair_id=fair_id, interview_ids=body.interview_ids)
    return _view(session, fair_id, caller)


def _csv_response(text: str, filename: str) -> Response:
    return Response(content=text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/{fair_id}/exports/employers", response_model=EmployerExport, summary="Interview lists per employer",
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                             "description": "JSON, or with format=csv a UTF-8 CSV with BOM that Excel opens"}})
def employer_lists(fair_id: RecordId, session: SessionDep, caller: FairReader, format: ExportFormat = "json",
                   booth_id: Annotated[RecordId | None, Query(description="one employer's list")] = None
                   ) -> EmployerExport | Response:
    """Interview lists per employer: what each employer receives (no P9 information of any kind)."""
    export = fair_exports.employer_export(session, fair=get_fair(session, fair_id=fair_id), booth_id=booth_id,
                                          caller=caller)
    if format == "csv":
        suffix = f"-booth-{booth_id}" if booth_id else ""
        return _csv_response(fair_exports.employer_csv(export), f"fair-{fair_id}-employers{suffix}.csv")
    return export


@router.get("/{fair_id}/exports/graduates", response_model=GraduateExport, summary="Timetables per graduate",
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                             "description": "JSON, or with format=csv a UTF-8 CSV with BOM that Excel opens"}})
def graduate_timetables(fair_id: RecordId, session: SessionDep, caller: FairReader, format: ExportFormat = "json",
                        graduate_id: Annotated[RecordId | None, Query(description="one graduate's timetable")] = None
                        ) -> GraduateExport | Response:
    """Timetables per registered graduate (those without an interview are listed too)."""
    export = fair_exports.graduate_export(session, fair=get_fair(session, fair_id=fair_id), graduate_id=graduate_id,
                                          caller=caller)
    if format == "csv":
        suffix = f"-graduate-{graduate_id}" if graduate_id else ""
        return _csv_response(fair_exports.graduate_csv(export), f"fair-{fair_id}-timetables{suffix}.csv")
    return export
