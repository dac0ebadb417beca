"""Matching use cases: a graduate's best jobs, a job's candidates, feedback, index status."""
from __future__ import annotations

import uuid
from dataclasses import replace
from collections.abc import Sequence

import numpy as np
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem, NotFound
from app.db.models import Feedback, Graduate, Job, MatchImpression
from app.domain.caller import Caller
from app.matching.documents import ProfileDoc
from app.matching.engine import CandidateMatch, JobMatch, MatchEngine
from app.matching.rules import MatchFilters
from app.schemas.matching import FeedbackIn, MatchFiltersIn, ProfileIn
from app.services import graduates as graduate_service
from app.services import jobs as job_service
from app.services.embedding import count_embedded, count_pending, graduate_text, job_text, last_embedded_at
from app.services.index_sync import (
    job_doc,
    job_lexical_text,
    profile_doc,
    profile_lexical_text,
    refresh,
    stored_vector,
)
from app.services.runtime import get_query_cache


def to_filters(filters: MatchFiltersIn) -> MatchFilters:
    return MatchFilters(
        cities=frozenset(filters.cities), industries=frozenset(i.value for i in filters.industries),
        job_types=frozenset(t.value for t in filters.job_types), salary_min=filters.salary_min,
        education=filters.education.value if filters.education else None,
        max_experience_years=filters.max_experience_years,
    )


def graduate_subject(session: Session, *, engine: MatchEngine, graduate_id: int,
                     caller: Caller) -> tuple[ProfileDoc, np.ndarray, int]:
    graduate = graduate_service.get_graduate(session, graduate_id=graduate_id, caller=caller)
    if graduate.record_status != "active":
        raise Conflict(f"graduate {graduate_id} is withdrawn", problems=[FieldProblem("graduate_id", "withdrawn")])
    doc = profile_doc(graduate)
    vector = stored_vector(graduate, engine)
    if vector is None:  # not embedded yet (or by another model): embed now, through the cache
        vector = get_query_cache().encode_queries(engine.encoder, [graduate_text(
            major=graduate.major, education=graduate.education, skills=graduate.skills, intro=graduate.intro,
            preferred_industries=graduate.preferred_industries)])[0]
    return doc, vector, graduate.id


def profile_subject(*, engine: MatchEngine, profile: ProfileIn) -> tuple[ProfileDoc, np.ndarray]:
    doc = ProfileDoc(
        major=profile.major, education=profile.education.value, graduation_year=profile.graduation_year,
        school=profile.school, skills=tuple(profile.skills), intro=profile.intro, current_city=profile.current_city,
        preferred_cities=tuple(profile.preferred_cities),
        preferred_industries=tuple(i.value for i in profile.preferred_industries),
        preferred_job_types=tuple(t.value for t in profile.preferred_job_types),
        expected_salary=profile.expected_salary, work_experience_years=profile.work_experience_years,
    )
    # An unsaved profile has no stored vector; the same profile re-sent (paging, filters, retries) is
    # served from the cache instead of being embedded again.
    vector = get_query_cache().encode_queries(engine.encoder, [graduate_text(
        major=doc.major, education=doc.education, skills=doc.skills, intro=doc.intro,
        preferred_industries=doc.preferred_industries)])[0]
    return doc, vector


def match_jobs(session: Session, *, engine: MatchEngine, profile: ProfileDoc, vector: np.ndarray, top_k: int,
               filters: MatchFiltersIn, caller: Caller, graduate_id: int | None,
               min_score: float | None = None) -> tuple[str, list[JobMatch]]:
    refresh(engine, session, wait=False)
    if not caller.is_staff:
        # Hardship must not move anything a platform sees, the P8 public-welfare floor included:
        # which posts appear for its own graduate would otherwise tell it their status.
        profile = replace(profile, priority=False)
    results = engine.match_profile(profile, vector=vector, text=profile_lexical_text(profile), top_k=top_k,
                                   filters=to_filters(filters), with_priority=caller.is_staff,
                                   min_relevance=min_score or 0.0)
    match_id = uuid.uuid4().hex
    session.add_all(MatchImpression(match_id=match_id, api_key_id=caller.key_id, graduate_id=graduate_id,
                                    job_id=result.subject.id, rank=rank, score=result.score,
                                    components=result.components)
                    for rank, result in enumerate(results, start=1))
    session.flush()
    return match_id, results


def job_candidates(session: Session, *, engine: MatchEngine, job_id: int, top_k: int,
                   caller: Caller, min_score: float | None = None) -> tuple[Job, list[CandidateMatch]]:
    job = job_service.get_job(session, job_id=job_id, caller=caller)
    if job.held_back and not caller.is_staff:  # its owner: told why, nobody else learns it exists
        raise Conflict("this posting is held back by screening until staff clear it; see its findings",
                       problems=[FieldProblem("job_id", f"screening status {job.screening_status}")])
    refresh(engine, session, wait=False)
    vector = stored_vector(job, engine)
    if vector is None:
        vector = engine.encoder.encode_passages([job_text(job)])[0]
    # The P9 lift for staff only: platforms and organisers see scores and order, and a lifted score
    # among identical profiles would tell them who has hardship status (H2).
    return job, engine.candidates_for(job_doc(job), vector=vector, text=job_lexical_text(job), top_k=top_k,
                                      with_priority=caller.is_staff, min_relevance=min_score or 0.0)


def load_graduates(session: Session, ids: Sequence[int]) -> dict[int, Graduate]:
    return {graduate.id: graduate for graduate in session.query(Graduate).filter(Graduate.id.in_(list(ids)))}


def record_feedback(session: Session, *, data: FeedbackIn, caller: Caller) -> Feedback:
    # A match_id is the key's own: another key's feedback on it would write into ranker training
    # data under a result it never saw (L5), and answers exactly as an unknown id does.
    impression = session.query(MatchImpression).filter(
        MatchImpression.match_id == data.match_id, MatchImpression.job_id == data.job_id,
        MatchImpression.api_key_id == caller.key_id).first()
    if impression is None:
        raise NotFound("no such job in that match result",
                       problems=[FieldProblem("match_id", "unknown match_id, or the job was not in its results")])
    feedback = Feedback(api_key_id=caller.key_id, match_id=data.match_id, job_id=data.job_id,
                        graduate_id=impression.graduate_id, event=data.event)
    session.add(feedback)
    session.flush()
    return feedback


def index_status(session: Session, *, engine: MatchEngine) -> dict[str, object]:
    model_id = engine.encoder.model_id
    pending = count_pending(session, model_id=model_id)
    embedded = count_embedded(session, model_id=model_id)
    return {
        "model": model_id,
        "embedded": sum(embedded.values()),
        "pending": sum(pending.values()),
        "updated_at": last_embedded_at(session, model_id=model_id),
        "detail": {"embedded": embedded, "pending": pending},
    }


