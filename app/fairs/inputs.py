"""What the solver needs from the database: scored eligible pairs, fixed interviews, and the
problem built from them in a stable order (same rows in, same arrays out, same schedule)."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from app.db.models import Fair, FairBooth, FairInterview, FairPairRule, FairRegistration, FairSlot, Graduate
from app.fairs.solver.floor import apply_floor
from app.fairs.solver.problem import BoothSpec, FairProblem, GraduateSpec, Interview, PairSpec, build_problem
from app.matching.engine import MatchEngine
from app.services.embedding import graduate_text
from app.services.index_sync import profile_doc, profile_lexical_text, stored_vector, sync_for_request

Pair = tuple[int, int]  # (graduate id, booth id)
# Told (graduates scored, graduates to score) as scoring goes; background pairing runs store it.
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class FixedRow:
    graduate_id: int
    booth_id: int
    slot_id: int
    job_id: int
    score: float
    pinned: bool
    notified: bool


@dataclass
class FairInputs:
    fair: Fair
    slots: list[FairSlot]
    booths: list[FairBooth]
    registrations: list[FairRegistration]
    graduates: dict[int, Graduate]
    rules: list[FairPairRule]
    scores: dict[Pair, tuple[float, int]]  # eligible pairs: (score, best job)
    fixed: list[FixedRow]
    refused: list[Pair] = field(default_factory=list)  # eligible, but below the fair's minimum relevance

    @property
    def inactive(self) -> set[int]:
        return {gid for gid, graduate in self.graduates.items() if graduate.record_status != "active"}


def load_graduates(session: Session, ids: Sequence[int]) -> dict[int, Graduate]:
    query = select(Graduate).options(undefer(Graduate.embedding)).where(Graduate.id.in_(list(ids)))
    return {graduate.id: graduate for graduate in session.scalars(query)}


def score_pairs(engine: MatchEngine, graduates: Sequence[Graduate],
                booths: Sequence[FairBooth], on_progress: Progress | None = None) -> dict[Pair, tuple[float, int]]:
    """Every (graduate, booth) pair that passes the engine's hard filters for at least one of the
    booth's jobs, scored by its best job (relevance only: no P9 lift, which would leak)."""
    booths_of_job: dict[int, list[int]] = {}
    for booth in booths:
        for job_id in booth.job_ids:
            booths_of_job.setdefault(job_id, []).append(booth.id)
    job_ids = sorted(booths_of_job)
    active = [g for g in graduates if g.record_status == "active"]
    vectors = {g.id: stored_vector(g, engine) for g in active}
    missing = [g for g in active if vectors[g.id] is None]
    if missing:
        encoded = engine.encoder.encode_queries([graduate_text(
            major=g.major, education=g.education, skills=g.skills, intro=g.intro,
            preferred_industries=g.preferred_industries) for g in missing])
        vectors.update({g.id: vector for g, vector in zip(missing, encoded, strict=True)})
    subjects = []
    for graduate in active:
        profile = profile_doc(graduate)
        subjects.append((profile, vectors[graduate.id], profile_lexical_text(profile)))
    # One batched call: hard filters shared by graduates who filter alike, components columnar.
    total = len(active)
    scored = engine.relevance_many(subjects, job_ids,  # type: ignore[arg-type]
                                   on_progress=None if on_progress is None else lambda done: on_progress(done, total))
    scores: dict[Pair, tuple[float, int]] = {}
    for graduate, (eligible, relevance) in zip(active, scored, strict=True):
        for job_id, value in zip(eligible.tolist(), relevance.tolist(), strict=True):  # job ids ascending
            score = round(float(value), 4)
            for booth_id in booths_of_job[job_id]:
                best = scores.get((graduate.id, booth_id))
                if best is None or score > best[0]:  # ties keep the lower job id
                    scores[(graduate.id, booth_id)] = (score, job_id)
    return scores


def current_rows(session: Session, fair: Fair) -> list[FairInterview]:
    if fair.current_run_id is None:
        return []
    return list(session.scalars(select(FairInterview).where(FairInterview.run_id == fair.current_run_id)
                                .order_by(FairInterview.id)))


def fixed_rows(session: Session, fair: Fair, rules: Sequence[FairPairRule]) -> list[FixedRow]:
    """Pins, and interviews of the schedule in force that people were already told about."""
    fixed: dict[Pair, FixedRow] = {}
    for row in current_rows(session, fair):
        if row.notified:
            fixed[(row.graduate_id, row.booth_id)] = FixedRow(row.graduate_id, row.booth_id, row.slot_id, row.job_id,
                                                              row.score, row.pinned, True)
    for rule in rules:
        if rule.kind == "pin" and (rule.graduate_id, rule.booth_id) not in fixed:
            assert rule.slot_id is not None and rule.job_id is not None and rule.score is not None
            fixed[(rule.graduate_id, rule.booth_id)] = FixedRow(rule.graduate_id, rule.booth_id, rule.slot_id,
                                                                rule.job_id, rule.score, True, False)
    return [fixed[pair] for pair in sorted(fixed)]


def load_inputs(session: Session, *, engine: MatchEngine, fair: Fair, on_progress: Progress | None = None) -> FairInputs:
    slots = list(session.scalars(select(FairSlot).where(FairSlot.fair_id == fair.id).order_by(FairSlot.number)))
    booths = list(session.scalars(select(FairBooth).where(FairBooth.fair_id == fair.id).order_by(FairBooth.id)))
    registrations = list(session.scalars(select(FairRegistration).where(FairRegistration.fair_id == fair.id)
                                         .order_by(FairRegistration.graduate_id)))
    rules = list(session.scalars(select(FairPairRule).where(FairPairRule.fair_id == fair.id).order_by(FairPairRule.id)))
    graduates = load_graduates(session, [r.graduate_id for r in registrations])
    sync_for_request(engine, session)
    scores = score_pairs(engine, [graduates[r.graduate_id] for r in registrations], booths, on_progress)
    for rule in rules:
        if rule.kind == "forbid":
            scores.pop((rule.graduate_id, rule.booth_id), None)
    scores, refused = apply_floor(scores, min_relevance=fair.min_relevance)
    return FairInputs(fair=fair, slots=slots, booths=booths, registrations=registrations, graduates=graduates,
                      rules=rules, scores=scores, fixed=fixed_rows(session, fair, rules), refused=refused)


def build(inputs: FairInputs) -> tuple[FairProblem, str]:
    """The solver's problem and a digest of everything it depends on."""
    graduates = [GraduateSpec(id=r.graduate_id, slots=r.slot_ids, wanted=r.wanted_interviews,
                              priority=bool(inputs.graduates[r.graduate_id].has_hardship))
                 for r in inputs.registrations]
    booths = [BoothSpec(id=b.id, per_slot=b.per_slot_capacity, total=b.total_capacity, slots=b.slot_ids)
              for b in inputs.booths]
    pairs = [PairSpec(graduate=g, booth=b, score=score, job=job)
             for (g, b), (score, job) in sorted(inputs.scores.items())]
    fixed = [Interview(graduate=f.graduate_id, booth=f.booth_id, slot=f.slot_id, job=f.job_id, score=f.score,
                       fixed=True) for f in inputs.fixed]
    problem = build_problem(slots=[slot.id for slot in inputs.slots], graduates=graduates, booths=booths,
                            pairs=pairs, fixed=fixed, priority_min=inputs.fair.priority_interviews)
    digest_source = json.dumps({
        "slots": [slot.id for slot in inputs.slots],
        "graduates": [(g.id, sorted(g.slots), g.wanted, g.priority) for g in graduates],
        "booths": [(b.id, b.per_slot, b.total, sorted(b.slots) if b.slots else None) for b in booths],
        "pairs": [(p.graduate, p.booth, p.score, p.job) for p in pairs],
        "fixed": [(f.graduate, f.booth, f.slot, f.job, f.score) for f in fixed],
        "priority_min": inputs.fair.priority_interviews,
        "min_relevance": inputs.fair.min_relevance,
    }, separators=(",", ":"))
    return problem, hashlib.sha256(digest_source.encode()).hexdigest()
