"""An organiser's pins and forbidden pairs.

A pin is an interview that must happen: it is checked against everything already fixed (other
pins, interviews people were told about) when it is made, gets its slot then, and every rerun
keeps it. A forbidden pair is never scheduled by a rerun; it cannot undo an interview that is
pinned or was already notified (unpin, or tell the people, first).
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem, InvalidInput, NotFound
from app.db.models import FairBooth, FairPairRule, FairRegistration
from app.domain.caller import Caller
from app.matching.engine import MatchEngine
from app.fairs.schemas import PairRuleCreate
from app.fairs.inputs import FixedRow, current_rows, fixed_rows, load_graduates, score_pairs
from app.fairs.service import fair_slots, get_booth, get_fair, touch_fair
from app.services.index_sync import sync_for_request
from app.services.sensitive_reads import audit_graduate_ids


def list_rules(session: Session, *, fair_id: int) -> list[FairPairRule]:
    get_fair(session, fair_id=fair_id)
    return list(session.scalars(select(FairPairRule).where(FairPairRule.fair_id == fair_id).order_by(FairPairRule.id)))


def shown_rules(session: Session, *, fair_id: int, caller: Caller) -> list[FairPairRule]:
    """The fair's pins and forbidden pairs for a response: each names a graduate, so audited."""
    rules = list_rules(session, fair_id=fair_id)
    audit_graduate_ids(session, caller=caller, graduate_ids=[rule.graduate_id for rule in rules],
                       action="fair_pair_rules")
    return rules


def delete_rule(session: Session, *, fair_id: int, rule_id: int) -> None:
    rule = session.get(FairPairRule, rule_id)
    if rule is None or rule.fair_id != fair_id:
        raise NotFound(f"no pin or forbidden pair {rule_id} at fair {fair_id}")
    session.delete(rule)
    session.flush()


def _registration(session: Session, fair_id: int, graduate_id: int) -> FairRegistration:
    registration = session.scalar(select(FairRegistration).where(FairRegistration.fair_id == fair_id,
                                                                 FairRegistration.graduate_id == graduate_id))
    if registration is None:
        raise NotFound(f"graduate {graduate_id} is not registered for this fair",
                       problems=[FieldProblem("graduate_id", "not registered for this fair")])
    return registration


def _pin_slot(data: PairRuleCreate, *, registration: FairRegistration, booth: FairBooth, slot_order: list[int],
              fixed: list[FixedRow], current_slot: int | None) -> int:
    """The slot for a new pin: the one asked for, else the pair's slot in the schedule in force,
    else the earliest where both are free."""
    graduate_id = registration.graduate_id
    if data.slot_id is not None and data.slot_id not in slot_order:
        raise InvalidInput("that slot is not a slot of this fair", problems=[FieldProblem("slot_id", "unknown slot")])
    if sum(f.graduate_id == graduate_id for f in fixed) >= registration.wanted_interviews:
        raise Conflict("the graduate already has as many fixed interviews as they want",
                       problems=[FieldProblem("graduate_id", "no interview left to pin")])
    if sum(f.booth_id == booth.id for f in fixed) >= booth.total_capacity:
        raise Conflict("the booth's fixed interviews already use its total capacity",
                       problems=[FieldProblem("booth_id", "total capacity used by fixed interviews")])
    staffed = set(slot_order if booth.slot_ids is None else booth.slot_ids)
    open_slots = [s for s in slot_order if s in registration.slot_ids and s in staffed
                  and not any(f.graduate_id == graduate_id and f.slot_id == s for f in fixed)
                  and sum(f.booth_id == booth.id and f.slot_id == s for f in fixed) < booth.per_slot_capacity]
    if data.slot_id is not None:
        if data.slot_id not in open_slots:
            raise Conflict("the graduate or the booth is not free at that slot (availability, or another fixed "
                           "interview)", problems=[FieldProblem("slot_id", "not free for both")])
        return data.slot_id
    if current_slot in open_slots:
        return current_slot  # type: ignore[return-value]
    if not open_slots:
        raise Conflict("no slot left where both the graduate and the booth are free",
                       problems=[FieldProblem("slot_id", "no common free slot")])
    return open_slots[0]


def add_rule(session: Session, *, engine: MatchEngine, fair_id: int, data: PairRuleCreate,
             caller: Caller) -> FairPairRule:
    fair = get_fair(session, fair_id=fair_id)
    registration = _registration(session, fair_id, data.graduate_id)
    booth = get_booth(session, fair_id=fair_id, booth_id=data.booth_id)
    rules = list_rules(session, fair_id=fair_id)
    if any(r.graduate_id == data.graduate_id and r.booth_id == data.booth_id for r in rules):
        raise Conflict("this pair already has a pin or is forbidden; delete that rule first",
                       problems=[FieldProblem("booth_id", "pair already has a rule")])
    fixed = fixed_rows(session, fair, rules)
    held = next((f for f in fixed if (f.graduate_id, f.booth_id) == (data.graduate_id, data.booth_id)), None)
    rule = FairPairRule(fair_id=fair_id, graduate_id=data.graduate_id, booth_id=booth.id, kind=data.kind,
                        created_by_key_id=caller.key_id)
    if data.kind == "forbid":
        if held is not None:
            raise Conflict("this pair has an interview people were already told about; it cannot be forbidden",
                           problems=[FieldProblem("booth_id", "notified interview")])
    elif held is not None:
        rule.slot_id, rule.job_id, rule.score = held.slot_id, held.job_id, held.score
    else:
        sync_for_request(engine, session)
        graduate = load_graduates(session, [data.graduate_id])[data.graduate_id]
        scored = score_pairs(engine, [graduate], [booth]).get((graduate.id, booth.id))
        if scored is None:
            raise Conflict("this graduate is not eligible for any of the booth's jobs (matching hard filters)",
                           problems=[FieldProblem("booth_id", "not an eligible pair")])
        current = next((row.slot_id for row in current_rows(session, fair)
                        if (row.graduate_id, row.booth_id) == (data.graduate_id, booth.id)), None)
        slot_order = [slot.id for slot in fair_slots(session, fair_id=fair_id)]
        rule.slot_id = _pin_slot(data, registration=registration, booth=booth, slot_order=slot_order, fixed=fixed,
                                 current_slot=current)
        rule.score, rule.job_id = scored
    session.add(rule)
    touch_fair(fair)
    session.flush()
    return rule
