"""/v1/fairs/{id}/pairing-runs: pair a large fair in the background and poll for the schedule."""
from __future__ import annotations

from fastapi import APIRouter, Response, status
from sqlalchemy.orm import Session

from app.api.deps import FairReader, OrganiserOrAdmin, SessionDep
from app.db.models import FairPairingRun, FairRun
from app.domain.caller import Caller
from app.schemas.common import RecordId
from app.fairs.pairing_runs_schemas import PairingProgress, PairingRunRead
from app.fairs.schedule_schemas import PairingRequest
from app.fairs import pairing_runs
from app.fairs.views import schedule_view
from app.fairs.service import get_fair
from app.fairs.pairing_executor import wake_executor

router = APIRouter(prefix="/v1/fairs", tags=["fairs"])


def _read(session: Session, run: FairPairingRun, caller: Caller) -> PairingRunRead:
    schedule = None
    if run.state == "done" and run.fair_run_id is not None:
        fair_run = session.get(FairRun, run.fair_run_id)
        assert fair_run is not None
        # The same role-shaped view as GET /schedule: organisers get no P9 counts.
        schedule = schedule_view(session, fair=get_fair(session, fair_id=run.fair_id), run=fair_run, caller=caller)
    finished = run.state in ("done", "failed")
    return PairingRunRead(
        id=run.id, fair_id=run.fair_id, mode=run.mode, state=run.state,  # type: ignore[arg-type]
        progress=PairingProgress(phase=run.phase, pairs_scored=run.pairs_scored, pairs_total=run.pairs_total,
                                 scored_fraction=round(run.pairs_scored / run.pairs_total, 4) if run.pairs_total
                                 else 0.0),
        attempts=run.attempts, error=run.error, created_at=run.created_at, started_at=run.started_at,
        finished_at=run.finished_at, poll_after_seconds=None if finished else 1.0, schedule=schedule)


@router.post("/{fair_id}/pairing-runs", response_model=PairingRunRead, status_code=status.HTTP_202_ACCEPTED,
             summary="Start a background pairing run",
             responses={200: {"model": PairingRunRead, "description": "a run of this fair with the same mode is "
                                                                        "already queued or running: that run"}})
def start(fair_id: RecordId, session: SessionDep, caller: OrganiserOrAdmin, response: Response,
          body: PairingRequest | None = None) -> PairingRunRead:
    """Queue the pairing of the fair (the same options as POST /pairing) and answer at once with the run;
    Location names it. Poll GET Location until `state` is done (the schedule is in the body) or failed
    (`error` says why). Safe to re-send: while a run of this fair is queued or running, the answer is that
    run with 200; a different mode meanwhile is a 409. A locked fair, or one without booths or graduates,
    is a 409 at once."""
    run, created = pairing_runs.start_run(session, fair_id=fair_id, mode=(body or PairingRequest()).mode,
                                          caller=caller)
    session.flush()
    response.headers["Location"] = f"/v1/fairs/{fair_id}/pairing-runs/{run.id}"
    if created:
        wake_executor()  # the executor re-reads the queue at once (the row is visible after commit)
    else:
        response.status_code = status.HTTP_200_OK
    return _read(session, run, caller)


@router.get("/{fair_id}/pairing-runs/{run_id}", response_model=PairingRunRead,
            summary="State, progress and (when done) the schedule of a pairing run")
def read(fair_id: RecordId, run_id: RecordId, session: SessionDep, caller: FairReader) -> PairingRunRead:
    """queued → scoring (progress.pairs_scored of pairs_total) → solving → done with `schedule`, the same
    representation as GET /schedule for your role; or failed with `error`. 404 for a run of another fair."""
    return _read(session, pairing_runs.get_run(session, fair_id=fair_id, run_id=run_id), caller)
