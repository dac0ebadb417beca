"""/v1/fairs: job fairs (P4), their booths, registered graduates, pins and forbidden pairs.
Organiser and admin keys change them; staff may read them too."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.api.deps import FairReader, MatcherDep, OrganiserOrAdmin, SessionDep
from app.db.models import Fair, FairRegistration, Graduate
from app.schemas.common import Cursor, RecordId
from app.fairs.schemas import (
    BoothCreate,
    BoothRead,
    FairCreate,
    FairPage,
    FairRead,
    FairUpdate,
    PairRuleCreate,
    PairRuleList,
    PairRuleRead,
    RegistrationBatch,
    RegistrationList,
    RegistrationRead,
    SlotRead,
)
from app.fairs import pair_rules as fair_rules
from app.fairs import service as fair_service

router = APIRouter(prefix="/v1/fairs", tags=["fairs"])


def _fair_out(session: SessionDep, fair: Fair) -> FairRead:
    out = FairRead.model_validate(fair)
    out.slots = [SlotRead.model_validate(slot) for slot in fair_service.fair_slots(session, fair_id=fair.id)]
    out.booths, out.registrations = fair_service.fair_counts(session, fair_id=fair.id)
    return out


def _registration_out(registration: FairRegistration, graduate: Graduate) -> RegistrationRead:
    return RegistrationRead(id=registration.id, graduate_id=graduate.id, external_id=graduate.external_id,
                            name=graduate.name, slot_ids=registration.slot_ids,
                            wanted_interviews=registration.wanted_interviews, registered_at=registration.registered_at)


@router.post("", response_model=FairRead, status_code=status.HTTP_201_CREATED, summary="Create a fair")
def create_fair(body: FairCreate, session: SessionDep, caller: OrganiserOrAdmin) -> FairRead:
    """A fair (monthly comprehensive, weekly special, campus session, live stream: P4) with its date,
    city, optional industry focus and interview slots, numbered in time order."""
    return _fair_out(session, fair_service.create_fair(session, data=body, caller=caller))


@router.get("", response_model=FairPage, summary="List fairs")
def list_fairs(session: SessionDep, caller: FairReader, city: str | None = None,
               after: Annotated[Cursor | None, Query()] = None,
               limit: Annotated[int, Query(ge=1, le=200)] = 50) -> FairPage:
    """Fairs in id order with their slots and counts of booths and registrations, a page at a time
    (pass `next_after` back as `after`); `city` narrows to one city."""
    fairs, next_after = fair_service.list_fairs(session, city=city, after=after, limit=limit)
    return FairPage(items=[_fair_out(session, fair) for fair in fairs], next_after=next_after)


@router.get("/{fair_id}", response_model=FairRead, summary="Read a fair")
def get_fair(fair_id: RecordId, session: SessionDep, caller: FairReader) -> FairRead:
    """One fair with its slots and how many booths and registrations it has."""
    return _fair_out(session, fair_service.get_fair(session, fair_id=fair_id))


@router.patch("/{fair_id}", response_model=FairRead, summary="Change a fair's relevance floor")
def update_fair(fair_id: RecordId, body: FairUpdate, session: SessionDep, caller: OrganiserOrAdmin) -> FairRead:
    """Change the fair's minimum relevance; the next pairing run applies it."""
    return _fair_out(session, fair_service.update_fair(session, fair_id=fair_id, data=body))


@router.post("/{fair_id}/booths", response_model=BoothRead, status_code=status.HTTP_201_CREATED,
             summary="Add an employer booth")
def add_booth(fair_id: RecordId, body: BoothCreate, session: SessionDep, caller: OrganiserOrAdmin) -> BoothRead:
    """An employer joins with the postings it brings and the interviews it can hold per slot and in total.
    An employer that already has a booth at the fair is a 409 (add the postings there)."""
    return BoothRead.model_validate(fair_service.add_booth(session, fair_id=fair_id, data=body))


@router.get("/{fair_id}/booths", response_model=list[BoothRead], summary="List a fair's booths")
def list_booths(fair_id: RecordId, session: SessionDep, caller: FairReader) -> list[BoothRead]:
    """Every booth of the fair: employer, postings, capacity per slot and in total."""
    return [BoothRead.model_validate(booth) for booth in fair_service.list_booths(session, fair_id=fair_id)]


@router.post("/{fair_id}/registrations", response_model=RegistrationList, status_code=status.HTTP_201_CREATED,
             summary="Register graduates for a fair")
def register(fair_id: RecordId, body: RegistrationBatch, session: SessionDep, caller: OrganiserOrAdmin) -> RegistrationList:
    """Register graduates (by id or external_id) with the slots they can attend and how many interviews
    they want: all or nothing — one graduate already registered is a 409 and nothing is stored."""
    registrations = fair_service.register_graduates(session, fair_id=fair_id, items=body.items)
    graduates = {g.id: g for _, g in fair_service.list_registrations(session, fair_id=fair_id, caller=caller)}
    return RegistrationList(items=[_registration_out(r, graduates[r.graduate_id]) for r in registrations])


@router.get("/{fair_id}/registrations", response_model=RegistrationList, summary="List a fair's registrations")
def list_registrations(fair_id: RecordId, session: SessionDep, caller: FairReader) -> RegistrationList:
    """The graduates registered for the fair (id, external id, name), their slots and wanted interviews;
    no sensitive field."""
    return RegistrationList(items=[_registration_out(r, g)
                                   for r, g in fair_service.list_registrations(session, fair_id=fair_id,
                                                                              caller=caller)])


@router.post("/{fair_id}/pair-rules", response_model=PairRuleRead, status_code=status.HTTP_201_CREATED,
             summary="Pin or forbid a pair")
def add_pair_rule(fair_id: RecordId, body: PairRuleCreate, session: SessionDep, caller: OrganiserOrAdmin,
                  engine: MatcherDep) -> PairRuleRead:
    """Pin a pair (it keeps its slot in every rerun) or forbid it (no rerun schedules it)."""
    return PairRuleRead.model_validate(fair_rules.add_rule(session, engine=engine, fair_id=fair_id, data=body,
                                                           caller=caller))


@router.get("/{fair_id}/pair-rules", response_model=PairRuleList, summary="List pinned and forbidden pairs")
def list_pair_rules(fair_id: RecordId, session: SessionDep, caller: FairReader) -> PairRuleList:
    """The fair's pinned pairs (kept in every rerun) and forbidden pairs (never scheduled)."""
    return PairRuleList(items=[PairRuleRead.model_validate(r) for r in fair_rules.shown_rules(session, fair_id=fair_id,
                                                                                           caller=caller)])


@router.delete("/{fair_id}/pair-rules/{rule_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Remove a pin or a ban")
def delete_pair_rule(fair_id: RecordId, rule_id: RecordId, session: SessionDep, caller: OrganiserOrAdmin) -> Response:
    """Remove a pinned or forbidden pair; the next pairing run is free to move or schedule it."""
    fair_rules.delete_rule(session, fair_id=fair_id, rule_id=rule_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
