"""Keep a process's matching engine current with the database.

The first refresh loads every embedded record. Later ones read the change feed
(``record_changes``, one row per create, update, close, withdrawal and embedding) past the
engine's watermark. Change ids are assigned when a row is inserted but become visible when its
transaction commits, so a slow transaction can commit a lower id after a higher one is seen;
each refresh therefore also re-reads the last minute of the feed and applies any id it has not
seen. Applying a record twice is harmless: it is an upsert.

Requests never read the change feed (issue 11): a background refresher per process does
(app.services.runtime.IndexRefresher, every ``refresh_seconds``). What a request does instead is
``sync_for_request``: wait for the first load if it has not happened, then apply *this process's
own* committed writes at once, looked up by primary key. Those are known without asking the
database: a session listener notes every ``RecordChange`` a session of this process flushes and,
when that session commits, appends (resource, id) to ``OWN_WRITES``. So a client that creates,
edits or closes a posting or a graduate (or whose process embedded one) and then matches through
the same process sees its write, and the refresher brings every other process along within
about a second.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import event, func, or_, select
from sqlalchemy.orm import Session, undefer

from app.core.errors import ServiceUnavailable
from app.db.base import utcnow
from app.db.models import Graduate, Job, RecordChange
from app.db.models.embedding import vector_from_bytes
from app.matching.documents import JobDoc, ProfileDoc
from app.matching.engine import MatchEngine
from app.matching.experience import extract_experience
from app.matching.snapshot import load_snapshot

LATE_COMMIT_WINDOW = timedelta(seconds=60)
LOAD_CHUNK = 2000
FULL_LOAD_MARGIN = 1000
FIRST_LOAD_WAIT_SECONDS = 120.0
OWN_WRITES_WAIT_SECONDS = 5.0
_INFO_KEY = "index_sync_changes"


class OwnWrites:
    """The records this process's sessions committed changes to, in commit order, numbered.

    Every engine keeps its own cursor into it (``EngineState.own_cursor``), so several engines in
    one process (tests, a worker beside the API) each apply every write once. Bounded: an engine
    that falls more than ``keep`` writes behind is caught up by its refresher from the feed anyway.
    """

    def __init__(self, keep: int = 100_000) -> None:
        self._lock = threading.Lock()
        self._entries: deque[tuple[int, str, int]] = deque(maxlen=keep)
        self._next = 1
        self._listeners: list[threading.Event] = []

    def add(self, changes: Iterable[tuple[str, int]]) -> None:
        with self._lock:
            for resource, record_id in changes:
                self._entries.append((self._next, resource, record_id))
                self._next += 1
            listeners = list(self._listeners)
        for wake in listeners:  # the refresher applies them for every other client too
            wake.set()

    def since(self, cursor: int) -> tuple[int, list[tuple[str, int]]]:
        """(new cursor, the (resource, id) pairs committed after ``cursor``)."""
        with self._lock:
            return self._next - 1, [(r, i) for seq, r, i in self._entries if seq > cursor]

    @property
    def head(self) -> int:
        with self._lock:
            return self._next - 1

    def subscribe(self, wake: threading.Event) -> None:
        with self._lock:
            self._listeners.append(wake)

    def unsubscribe(self, wake: threading.Event) -> None:
        with self._lock:
            if wake in self._listeners:
                self._listeners.remove(wake)


OWN_WRITES = OwnWrites()


@event.listens_for(Session, "after_flush")
def _note_changes(session: Session, _context: Any) -> None:
    noted = session.info.setdefault(_INFO_KEY, [])
    noted.extend((obj.resource, obj.record_id) for obj in session.new
                 if isinstance(obj, RecordChange) and obj.resource in ("job", "graduate"))


@event.listens_for(Session, "after_commit")
def _publish_changes(session: Session) -> None:
    noted = session.info.pop(_INFO_KEY, None)
    if noted:
        OWN_WRITES.add(noted)


@event.listens_for(Session, "after_rollback")
def _forget_changes(session: Session) -> None:
    session.info.pop(_INFO_KEY, None)


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


def refresh(engine: MatchEngine, session: Session, *, wait: bool = True, snapshot_dir: Path | None = None) -> int:
    """Bring the engine up to date from the change feed (the refresher's job, and scripts'); returns
    how many change rows were applied. ``wait=False``: skip when another refresh is running.
    The first refresh starts from the snapshot in ``snapshot_dir`` when there is a usable one."""
    if not engine.refresh_lock.acquire(blocking=wait or engine.state.watermark is None):
        return 0
    try:
        if engine.state.watermark is None:
            engine.state.own_cursor = OWN_WRITES.head  # the load sees every write committed so far
            return _first_load(engine, session, snapshot_dir)
        applied = _apply_feed(engine, session)
        _apply_own_writes(engine, session)
        return applied
    finally:
        engine.refresh_lock.release()


def sync_for_request(engine: MatchEngine, session: Session) -> None:
    """What a request does before it reads the engine: never the change-feed catch-up, only

    - before the first load, wait for the refresher to finish it (or, in a process without one,
      such as tests and scripts, do it here: there is nothing to answer from yet);
    - this process's own committed writes, applied at once (read-your-writes), by primary key.
    """
    if engine.state.watermark is None:
        if engine.state.refresher_running:
            if not engine.state.loaded.wait(FIRST_LOAD_WAIT_SECONDS):
                raise ServiceUnavailable("the matching index is still loading; try again shortly")
        else:
            refresh(engine, session)
    if OWN_WRITES.head <= engine.state.own_cursor:
        return
    # Usually the refresher (woken by the same commit) is applying them right now: wait for it, but
    # not without bound behind a long feed apply; the refresher will have them within its period.
    if not engine.refresh_lock.acquire(timeout=OWN_WRITES_WAIT_SECONDS):
        return
    try:
        _apply_own_writes(engine, session)
    finally:
        engine.refresh_lock.release()


def _apply_own_writes(engine: MatchEngine, session: Session) -> int:
    cursor, changes = OWN_WRITES.since(engine.state.own_cursor)
    engine.state.own_cursor = cursor
    if changes:
        job_ids = sorted({i for r, i in changes if r == "job"})
        graduate_ids = sorted({i for r, i in changes if r == "graduate"})
        _apply_loaded(engine, session, job_ids, graduate_ids)
    return len(changes)


def _apply_loaded(engine: MatchEngine, session: Session, job_ids: list[int], graduate_ids: list[int]) -> None:
    """Apply the given records as the database has them now; an id it no longer has leaves."""
    jobs = list(_load(session, Job, job_ids))
    graduates = list(_load(session, Graduate, graduate_ids))
    _apply_jobs(engine, jobs)  # type: ignore[arg-type]
    _apply_graduates(engine, graduates)  # type: ignore[arg-type]
    engine.remove_jobs(sorted(set(job_ids) - {job.id for job in jobs}))
    engine.remove_graduates(sorted(set(graduate_ids) - {graduate.id for graduate in graduates}))


def _first_load(engine: MatchEngine, session: Session, snapshot_dir: Path | None) -> int:
    started = time.perf_counter()
    snapshot = load_snapshot(engine, snapshot_dir)
    if snapshot is not None:
        watermark = snapshot.watermark
    else:
        # Read the watermark first: whatever changes during the load is replayed by the next refresh.
        watermark = session.scalar(select(func.max(RecordChange.id))) or 0
        # A posting is matchable once its title is embedded (the title vector stands in for the body).
        jobs = session.scalars(select(Job).options(*_vector_columns(Job)).where(
            or_(Job.title_model == engine.encoder.model_id, Job.embedding_model == engine.encoder.model_id),
            Job.status == "open").order_by(Job.id)
            .execution_options(yield_per=LOAD_CHUNK))
        _apply_jobs(engine, jobs)
    # Graduates always come from the database (snapshots hold no graduate data: app/matching/snapshot.py).
    graduates = session.scalars(select(Graduate).options(undefer(Graduate.embedding)).where(
        Graduate.embedding_model == engine.encoder.model_id, Graduate.record_status == "active")
        .order_by(Graduate.id).execution_options(yield_per=LOAD_CHUNK))
    _apply_graduates(engine, graduates)
    engine.compact()
    engine.state.watermark = watermark
    engine.state.loaded_from = "snapshot" if snapshot is not None else "database"
    # A transaction still open during the load (or the snapshot's writing) may commit ids below the
    # watermark: the first minute of refreshes re-reads a margin below it (re-applying is harmless).
    engine.state.floors.append((utcnow(), max(0, watermark - FULL_LOAD_MARGIN)))
    if snapshot is not None:
        _apply_feed(engine, session)  # from the snapshot's watermark to now
        engine.compact()
    engine.state.refreshed_at = utcnow()
    engine.state.load_seconds = time.perf_counter() - started
    engine.state.loaded.set()
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
        _apply_loaded(engine, session, job_ids, graduate_ids)
        state.watermark = max(state.watermark, max(row.id for row in fresh))
    state.processed_recent = {row.id for row in rows}
    state.floors.append((now, state.watermark))
    state.refreshed_at = now
    return len(fresh)
