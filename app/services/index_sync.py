"""Keep a process's matching engine current with the database.

The first refresh loads every embedded record. Later ones read the change feed
(``record_changes``, one row per create, update, close, withdrawal and embedding) past the
engine's watermark. Change ids are assigned when a row is inserted but become visible when its
transaction commits, so a slow transaction can commit a lower id after a higher one is seen;
each refresh therefore also re-reads the last minute of the feed and applies any id it has not
seen. Applying a record twice is harmless: it is an upsert.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import numpy as np
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, undefer

from app.db.base import utcnow
from app.db.models import Graduate, Job, RecordChange
from app.db.models.embedding import vector_from_bytes
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.engine import MatchEngine
from app.matching.experience import extract_experience

LATE_COMMIT_WINDOW = timedelta(seconds=60)
LOAD_CHUNK = 2000
FULL_LOAD_MARGIN = 1000


def job_experience(job: Job) -> tuple[float | None, bool]:
    """(years asked, open to new graduates): the stored ``experience_min_years`` when the caller gave
    one, else read from the title, description and tags (app.matching.experience)."""
    read = extract_experience(title=job.title, description=job.description, tags=job.skills)
    stated = getattr(job, "experience_min_years", None)
    if stated is None:
        return read.min_years, read.open_to_new_grads
    return float(stated), read.open_to_new_grads and stated < 1


def job_doc(job: Job) -> JobDoc:
    experience_min_years, open_to_new_grads = job_experience(job)
    return JobDoc(
        id=job.id, external_id=job.external_id, title=job.title, employer_name=job.employer_name,
        description="", industry=job.industry, city=job.city, education_min=job.education_min,
        job_type=job.job_type, majors=tuple(job.majors), skills=tuple(job.skills), salary_min=job.salary_min,
        salary_max=job.salary_max, priority_friendly=job.priority_friendly, status=job.status,
        expires_at=job.expires_at, held_back=getattr(job, "held_back", False),
        experience_min_years=experience_min_years, open_to_new_grads=open_to_new_grads,
    )


def job_lexical_text(job: Job) -> str:
    return " ".join([job.title, " ".join(job.skills), " ".join(job.majors), job.description])


def profile_doc(graduate: Graduate) -> ProfileDoc:
    # Gender, ethnicity, marital status and hukou are not copied: the engine cannot score on them.
    return ProfileDoc(
        id=graduate.id, external_id=graduate.external_id, school=graduate.school, major=graduate.major,
        education=graduate.education, graduation_year=graduate.graduation_year, birth_date=graduate.birth_date,
        skills=tuple(graduate.skills), intro=graduate.intro, current_city=graduate.current_city,
        preferred_cities=tuple(graduate.preferred_cities), preferred_industries=tuple(graduate.preferred_industries),
        preferred_job_types=tuple(graduate.preferred_job_types), expected_salary=graduate.expected_salary,
        priority=graduate.has_hardship, employment_status=graduate.employment_status,
        # The column arrives with issue 10's migration; a graduate without it has none recorded.
        work_experience_years=float(getattr(graduate, "work_experience_years", None) or 0.0),
    )


def profile_lexical_text(profile: ProfileDoc) -> str:
    return " ".join([profile.major, " ".join(profile.skills), profile.intro])


def graduate_is_candidate(graduate: Graduate) -> bool:
    return graduate.record_status == "active" and graduate.wants_job and graduate.employment_status == "unemployed"


def stored_vector(record: Job | Graduate, engine: MatchEngine) -> np.ndarray | None:
    """The stored embedding, only if the engine's own model made it. A posting whose body is not
    embedded yet is matchable on its title (issue 11's two passes): the title vector stands in."""
    if record.embedding is not None and record.embedding_model == engine.encoder.model_id:
        return vector_from_bytes(record.embedding)
    if isinstance(record, Job):
        return stored_title_vector(record, engine)
    return None


def stored_title_vector(job: Job, engine: MatchEngine) -> np.ndarray | None:
    """The stored title embedding, if the engine's own model made it (``title_model``)."""
    if job.title_embedding is not None and job.title_model == engine.encoder.model_id:
        return vector_from_bytes(job.title_embedding)
    return None


def _apply_jobs(engine: MatchEngine, jobs: Iterable[Job]) -> None:
    batch: list[tuple[JobDoc, str, np.ndarray | None]] = []
    titles: list[np.ndarray | None] = []
    closed: list[int] = []
    for job in jobs:
        if job.status != "open":
            closed.append(job.id)
        else:
            batch.append((job_doc(job), job_lexical_text(job), stored_vector(job, engine)))
            titles.append(stored_title_vector(job, engine))
        if len(batch) >= LOAD_CHUNK:
            engine.put_jobs(batch, title_vectors=titles)
            batch, titles = [], []
    engine.put_jobs(batch, title_vectors=titles)
    engine.remove_jobs(closed)


def _apply_graduates(engine: MatchEngine, graduates: Iterable[Graduate]) -> None:
    batch: list[tuple[ProfileDoc, str, np.ndarray | None]] = []
    gone: list[int] = []
    for graduate in graduates:
        if not graduate_is_candidate(graduate):
            gone.append(graduate.id)
            continue
        doc = profile_doc(graduate)
        batch.append((doc, profile_lexical_text(doc), stored_vector(graduate, engine)))
        if len(batch) >= LOAD_CHUNK:
            engine.put_graduates(batch)
            batch = []
    engine.put_graduates(batch)
    engine.remove_graduates(gone)


def _vector_columns(model: type[Job] | type[Graduate]) -> list[Any]:
    """Load options for the deferred vector columns a refresh reads."""
    columns = [undefer(model.embedding)]
    if model is Job:
        columns.append(undefer(Job.title_embedding))
    return columns


def _load(session: Session, model: type[Job] | type[Graduate], ids: list[int]) -> Iterable[Job | Graduate]:
    query = select(model).options(*_vector_columns(model)).order_by(model.id)
    found: list[Job | Graduate] = []
    for start in range(0, len(ids), LOAD_CHUNK):
        found.extend(session.scalars(query.where(model.id.in_(ids[start:start + LOAD_CHUNK]))))
    return found


def refresh(engine: MatchEngine, session: Session, *, wait: bool = True) -> int:
    """Bring the engine up to date; returns how many change rows were applied.

    With ``wait=False`` (the request path) a refresh already running elsewhere is not waited for,
    except before the first load, when there is nothing to answer from yet.
    """
    blocking = wait or engine.state.watermark is None
    if not engine.refresh_lock.acquire(blocking=blocking):
        return 0
    try:
        if engine.state.watermark is None:
            return _full_load(engine, session)
        return _apply_feed(engine, session)
    finally:
        engine.refresh_lock.release()


def _full_load(engine: MatchEngine, session: Session) -> int:
    # Read the watermark first: whatever changes during the load is replayed by the next refresh.
    watermark = session.scalar(select(func.max(RecordChange.id))) or 0
    jobs = session.scalars(select(Job).options(*_vector_columns(Job)).where(
        or_(Job.title_model == engine.encoder.model_id, Job.embedding_model == engine.encoder.model_id),
        Job.status == "open").order_by(Job.id)
        .execution_options(yield_per=LOAD_CHUNK))
    _apply_jobs(engine, jobs)
    graduates = session.scalars(select(Graduate).options(undefer(Graduate.embedding)).where(
        Graduate.embedding_model == engine.encoder.model_id, Graduate.record_status == "active")
        .order_by(Graduate.id).execution_options(yield_per=LOAD_CHUNK))
    _apply_graduates(engine, graduates)
    engine.compact()
    engine.state.watermark = watermark
    # A transaction still open during the load may commit ids below the watermark: the first
    # minute of refreshes re-reads a margin below it (re-applying a record is harmless).
    engine.state.floors.append((utcnow(), max(0, watermark - FULL_LOAD_MARGIN)))
    engine.state.refreshed_at = utcnow()
    return len(engine.jobs) + len(engine.graduates)


def _apply_feed(engine: MatchEngine, session: Session) -> int:
    state = engine.state
    assert state.watermark is not None
    now = utcnow()
    # Re-read from the watermark we had a minute ago: a primary-key range scan that covers every
    # change committed late within that window (see the module docstring).
    while len(state.floors) > 1 and state.floors[1][0] <= now - LATE_COMMIT_WINDOW:
        state.floors.popleft()
    low = state.floors[0][1] if state.floors else state.watermark
    rows = session.execute(
        select(RecordChange.id, RecordChange.resource, RecordChange.record_id)
        .where(RecordChange.id > low).order_by(RecordChange.id)
    ).all()
    fresh = [row for row in rows if row.id not in state.processed_recent]
    if fresh:
        job_ids = sorted({row.record_id for row in fresh if row.resource == "job"})
        graduate_ids = sorted({row.record_id for row in fresh if row.resource == "graduate"})
        _apply_jobs(engine, _load(session, Job, job_ids))  # type: ignore[arg-type]
        _apply_graduates(engine, _load(session, Graduate, graduate_ids))  # type: ignore[arg-type]
        state.watermark = max(state.watermark, max(row.id for row in fresh))
    state.processed_recent = {row.id for row in rows}
    state.floors.append((now, state.watermark))
    state.refreshed_at = now
    return len(fresh)
