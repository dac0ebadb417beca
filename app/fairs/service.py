"""Fairs, booths and registrations (P4). Every write validates the whole request before the
first row is added, so a bad request changes nothing even before the session rolls back."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem, InvalidInput, NotFound
from app.db.base import utcnow
from app.db.models import Fair, FairBooth, FairRegistration, FairSlot, Graduate, Job
from app.domain.caller import Caller
from app.fairs.schemas import BoothCreate, FairCreate, FairUpdate, RegistrationIn
from app.services.paging import keyset_page
from app.services.sensitive_reads import audit_graduate_reads


def create_fair(session: Session, *, data: FairCreate, caller: Caller) -> Fair:
    fair = Fair(name=data.name, kind=data.kind.value, city=data.city, county=data.county, fair_date=data.date,
                industry_focus=data.industry_focus.value if data.industry_focus else None,
                default_interviews=data.default_interviews, interview_cap=data.interview_cap,
                priority_interviews=data.priority_interviews, min_relevance=data.min_relevance,
                created_by_key_id=caller.key_id)
    session.add(fair)
    session.flush()
    for number, slot in enumerate(sorted(data.slots, key=lambda s: s.start), start=1):
        session.add(FairSlot(fair_id=fair.id, number=number, starts_at=slot.start, ends_at=slot.end))
    session.flush()
    return fair


def get_fair(session: Session, *, fair_id: int) -> Fair:
    fair = session.get(Fair, fair_id)
    if fair is None:
        raise NotFound(f"no fair with id {fair_id}")
    return fair


def update_fair(session: Session, *, fair_id: int, data: FairUpdate) -> Fair:
    fair = get_fair(session, fair_id=fair_id)
    if fair.min_relevance != data.min_relevance:
        fair.min_relevance = data.min_relevance
        touch_fair(fair)
        session.flush()
    return fair


def list_fairs(session: Session, *, city: str | None, after: int | None, limit: int) -> tuple[list[Fair], int | None]:
    query = select(Fair)
    if city:
        query = query.where(Fair.city == city)
    return keyset_page(session, query, id_column=Fair.id, after=after, limit=limit)


def fair_slots(session: Session, *, fair_id: int) -> list[FairSlot]:
    return list(session.scalars(select(FairSlot).where(FairSlot.fair_id == fair_id).order_by(FairSlot.number)))


def fair_counts(session: Session, *, fair_id: int) -> tuple[int, int]:
    booths = session.scalar(select(func.count()).select_from(FairBooth).where(FairBooth.fair_id == fair_id))
    registrations = session.scalar(select(func.count()).select_from(FairRegistration)
                                   .where(FairRegistration.fair_id == fair_id))
    return int(booths or 0), int(registrations or 0)


def touch_fair(fair: Fair) -> None:
    fair.updated_at = utcnow()


def _check_slots(slot_ids: Sequence[int] | None, fair_slot_ids: set[int], field: str) -> None:
    unknown = sorted(set(slot_ids or ()) - fair_slot_ids)
    if unknown:
        raise InvalidInput(f"slots {unknown} are not slots of this fair",
                           problems=[FieldProblem(field, f"unknown slot ids {unknown}")])


def add_booth(session: Session, *, fair_id: int, data: BoothCreate) -> FairBooth:
    fair = get_fair(session, fair_id=fair_id)
    slot_ids = {slot.id for slot in fair_slots(session, fair_id=fair_id)}
    _check_slots(data.slot_ids, slot_ids, "slot_ids")
    job_ids = list(dict.fromkeys(data.job_ids))
    jobs = {job.id: job for job in session.scalars(select(Job).where(Job.id.in_(job_ids)))}
    missing = [job_id for job_id in job_ids if job_id not in jobs]
    if missing:
        raise NotFound(f"no jobs with ids {missing}", problems=[FieldProblem("job_ids", f"unknown ids {missing}")])
    employers = {jobs[job_id].employer_name for job_id in job_ids}
    if len(employers) > 1:
        raise InvalidInput("a booth is one employer: these jobs belong to several",
                           problems=[FieldProblem("job_ids", "jobs of more than one employer")])
    employer = data.employer_name or employers.pop()
    if data.employer_name and data.employer_name not in employers:
        raise InvalidInput("employer_name differs from the employer of the jobs",
                           problems=[FieldProblem("employer_name", "not the employer named on the jobs")])
    if fair.industry_focus and all(jobs[job_id].industry != fair.industry_focus for job_id in job_ids):
        raise InvalidInput(f"this fair is focused on {fair.industry_focus}; none of the jobs is",
                           problems=[FieldProblem("job_ids", f"no job in industry {fair.industry_focus}")])
    taken = session.scalar(select(FairBooth.id).where(FairBooth.fair_id == fair_id,
                                                      FairBooth.employer_name == employer))
    if taken is not None:
        # One booth per employer is what keeps "never the same employer twice" a per-booth rule.
        raise Conflict(f"{employer} already has booth {taken} at this fair; add the jobs there",
                       problems=[FieldProblem("employer_name", f"already at booth {taken}")])
    booth = FairBooth(fair_id=fair_id, employer_name=employer, label=data.label, job_ids=job_ids,
                      slot_ids=sorted(data.slot_ids) if data.slot_ids else None,
                      per_slot_capacity=data.per_slot_capacity, total_capacity=data.total_capacity)
    session.add(booth)
    touch_fair(fair)
    session.flush()
    return booth


def list_booths(session: Session, *, fair_id: int) -> list[FairBooth]:
    get_fair(session, fair_id=fair_id)
    return list(session.scalars(select(FairBooth).where(FairBooth.fair_id == fair_id).order_by(FairBooth.id)))


def get_booth(session: Session, *, fair_id: int, booth_id: int) -> FairBooth:
    booth = session.get(FairBooth, booth_id)
    if booth is None or booth.fair_id != fair_id:
        raise NotFound(f"no booth {booth_id} at fair {fair_id}")
    return booth


def _resolve_graduates(session: Session, items: Sequence[RegistrationIn]) -> list[Graduate]:
    by_id = [item.graduate_id for item in items if item.graduate_id is not None]
    by_external = [item.external_id for item in items if item.external_id is not None]
    found_ids = {g.id: g for g in session.scalars(select(Graduate).where(Graduate.id.in_(by_id)))} if by_id else {}
    found_ext = {g.external_id: g for g in session.scalars(
        select(Graduate).where(Graduate.external_id.in_(by_external)))} if by_external else {}
    graduates: list[Graduate] = []
    problems: list[FieldProblem] = []
    for index, item in enumerate(items):
        graduate = found_ids.get(item.graduate_id) if item.graduate_id is not None \
            else found_ext.get(item.external_id or "")
        if graduate is None:
            problems.append(FieldProblem(f"items[{index}]", "unknown graduate"))
        elif graduate.record_status != "active":
            problems.append(FieldProblem(f"items[{index}]", "graduate is withdrawn"))
        else:
            graduates.append(graduate)
    if problems:
        unknown = any(p.reason == "unknown graduate" for p in problems)
        error = NotFound if unknown else Conflict
        raise error(f"{len(problems)} registrations name a graduate that cannot register; nothing was stored",
                    problems=problems)
    return graduates


def register_graduates(session: Session, *, fair_id: int, items: Sequence[RegistrationIn]) -> list[FairRegistration]:
    """All or nothing: one bad item rejects the request with every problem listed."""
    fair = get_fair(session, fair_id=fair_id)
    slot_ids = {slot.id for slot in fair_slots(session, fair_id=fair_id)}
    for index, item in enumerate(items):
        _check_slots(item.slot_ids, slot_ids, f"items[{index}].slot_ids")
        if item.wanted_interviews is not None and item.wanted_interviews > fair.interview_cap:
            raise InvalidInput(f"this fair allows at most {fair.interview_cap} interviews per graduate",
                               problems=[FieldProblem(f"items[{index}].wanted_interviews",
                                                      f"above the fair's cap of {fair.interview_cap}")])
    graduates = _resolve_graduates(session, items)
    seen: dict[int, int] = {}
    for index, graduate in enumerate(graduates):
        if graduate.id in seen:
            first = seen[graduate.id]
            raise InvalidInput("a graduate appears twice in this request",
                               problems=[FieldProblem(f"items[{index}]", f"same graduate as items[{first}]")])
        seen[graduate.id] = index
    already = set(session.scalars(select(FairRegistration.graduate_id).where(
        FairRegistration.fair_id == fair_id, FairRegistration.graduate_id.in_(list(seen)))))
    if already:
        raise Conflict(f"{len(already)} graduates are already registered for this fair; nothing was stored",
                       problems=[FieldProblem(f"items[{seen[g]}]", f"graduate {g} already registered")
                                 for g in sorted(already)])
    registrations = [FairRegistration(
        fair_id=fair_id, graduate_id=graduate.id, slot_ids=sorted(item.slot_ids or slot_ids),
        wanted_interviews=item.wanted_interviews or fair.default_interviews)
        for item, graduate in zip(items, graduates, strict=True)]
    session.add_all(registrations)
    touch_fair(fair)
    session.flush()
    return registrations


def list_registrations(session: Session, *, fair_id: int, caller: Caller,
                       graduate_id: int | None = None) -> list[tuple[FairRegistration, Graduate]]:
    """Registered graduates (or one) with their registrations, for a response: audited (see
    services/sensitive_reads)."""
    get_fair(session, fair_id=fair_id)
    query = (select(FairRegistration, Graduate).join(Graduate, Graduate.id == FairRegistration.graduate_id)
             .where(FairRegistration.fair_id == fair_id).order_by(FairRegistration.id))
    if graduate_id is not None:
        query = query.where(FairRegistration.graduate_id == graduate_id)
    rows = [(registration, graduate) for registration, graduate in session.execute(query)]
    audit_graduate_reads(session, caller=caller, graduates=[graduate for _, graduate in rows],
                         action="fair_registrations", shows_hardship=False)
    return rows
