"""Embedding of stored records: what text, when, and the pending queue.

A record is *pending* while its ``embedding_model`` is not the current encoder's model id:
new, edited in a field that feeds its text, or embedded by another model. Pending records
are not matchable. Single creates embed inline; batches and imports leave records pending
for the background worker (or ``jobmatch reindex``), which embeds them in committed batches —
a process killed mid-batch loses only that uncommitted batch, which stays pending.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar, cast

import numpy as np
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Graduate, Job, RecordChange
from app.domain.enums import EDUCATION_NAMES, INDUSTRY_NAMES, Education, Industry
from app.matching.encoder import Encoder
from app.matching.texts import posting_text, profile_text, title_text

JOB_TEXT_FIELDS = frozenset({"title", "description", "skills", "majors", "industry"})
GRADUATE_TEXT_FIELDS = frozenset({"major", "education", "skills", "intro", "preferred_industries"})

Record = TypeVar("Record", Job, Graduate)


def _industry_name(code: str) -> str:
    try:
        return INDUSTRY_NAMES[Industry(code)]
    except ValueError:
        return code


def job_text(job: Job) -> str:
    return posting_text(title=job.title, description=job.description, skills=job.skills, majors=job.majors,
                        industry_name=_industry_name(job.industry))


def graduate_text(*, major: str, education: str, skills: Sequence[str], intro: str,
                  preferred_industries: Sequence[str]) -> str:
    return profile_text(major=major, education=EDUCATION_NAMES[Education(education)], skills=skills, intro=intro,
                        preferred_industries_names=[_industry_name(code) for code in preferred_industries])


def graduate_record_text(graduate: Graduate) -> str:
    return graduate_text(major=graduate.major, education=graduate.education, skills=graduate.skills,
                         intro=graduate.intro, preferred_industries=graduate.preferred_industries)


def invalidate_if_text_changed(record: Job | Graduate, changed: Mapping[str, Any]) -> None:
    fields = JOB_TEXT_FIELDS if isinstance(record, Job) else GRADUATE_TEXT_FIELDS
    if fields & changed.keys():
        record.clear_embedding()


def _pending(model: type[Record], model_id: str) -> Any:
    condition = or_(model.embedding_model.is_(None), model.embedding_model != model_id)
    if model is Job:
        # Jobs embedded before titles were (issue 10) still lack their title vector.
        condition = or_(condition, Job.title_embedding.is_(None))
    return condition


def embed_records(session: Session, *, encoder: Encoder, records: Sequence[Job | Graduate]) -> int:
    """Embed the given records now and note the change so every process's index picks them up."""
    now = utcnow()
    for group in ([r for r in records if isinstance(r, Job)], [r for r in records if isinstance(r, Graduate)]):
        if not group:
            continue
        for record, values in zip(group, _embedding_values(group, encoder=encoder, at=now), strict=True):
            for name, value in values.items():
                setattr(record, name, value)
            session.add(RecordChange(resource="job" if isinstance(record, Job) else "graduate",
                                     record_id=record.id, action="embed", changes={}))
    session.flush()
    return len(records)


def _embedding_values(records: Sequence[Job | Graduate], *, encoder: Encoder, at: datetime) -> list[dict[str, object]]:
    """Column values of each record's new vectors: a posting's body and title (one encoder call),
    a graduate's profile."""
    if records and isinstance(records[0], Job):
        jobs = cast(Sequence[Job], records)
        vectors = encoder.encode_passages([job_text(job) for job in jobs] + [title_text(job.title) for job in jobs])
        return [{**Job.embedding_values(vector, model_id=encoder.model_id, at=at),
                 "title_embedding": np.asarray(title_vector, dtype=np.float32).tobytes()}
                for vector, title_vector in zip(vectors[:len(jobs)], vectors[len(jobs):], strict=True)]
    graduates = cast(Sequence[Graduate], records)
    vectors = encoder.encode_queries([graduate_record_text(graduate) for graduate in graduates])
    return [Graduate.embedding_values(vector, model_id=encoder.model_id, at=at) for vector in vectors]


def embed_pending_batch(session: Session, *, encoder: Encoder, model: type[Job] | type[Graduate],
                        limit: int = 32) -> int:
    """Claim up to ``limit`` pending records and embed them. The caller commits.

    On PostgreSQL the rows are locked with SKIP LOCKED, so several processes share the queue
    without embedding a record twice. On SQLite the claim is a plain read and the encoder runs
    without the write lock, which the writes below then wait for (app/db/sqlite_tx.py): so each
    write is conditional on the record being unchanged since the claim, and a record edited in
    the meantime stays pending for the next pass instead of getting the vector of its old text.
    """
    query = (select(model).where(_pending(model, encoder.model_id)).order_by(model.id).limit(limit)
             .with_for_update(skip_locked=True))
    records = list(session.scalars(query))
    if not records:
        return 0
    values = _embedding_values(records, encoder=encoder, at=utcnow())
    done = 0
    for record, record_values in zip(records, values, strict=True):
        stored = session.execute(
            update(model).where(model.id == record.id, model.updated_at == record.updated_at,
                                _pending(model, encoder.model_id))
            .values(record_values)
            .execution_options(synchronize_session=False))
        if stored.rowcount:
            session.add(RecordChange(resource="job" if model is Job else "graduate", record_id=record.id,
                                     action="embed", changes={}))
            done += 1
    session.flush()
    return done


def mark_all_pending(session: Session) -> None:
    """For a forced full re-embed (``jobmatch reindex --all``)."""
    for model in (Job, Graduate):
        session.execute(update(model).values(embedding=None, embedding_model=None, embedded_at=None))


def count_pending(session: Session, *, model_id: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name, model in (("jobs", Job), ("graduates", Graduate)):
        counts[name] = session.scalar(select(func.count()).select_from(model)
                                      .where(_pending(model, model_id))) or 0
    return counts


def count_embedded(session: Session, *, model_id: str) -> dict[str, int]:
    return {name: session.scalar(select(func.count()).select_from(model)
                                 .where(model.embedding_model == model_id)) or 0
            for name, model in (("jobs", Job), ("graduates", Graduate))}


def last_embedded_at(session: Session, *, model_id: str) -> Any:
    latest = [session.scalar(select(func.max(model.embedded_at)).where(model.embedding_model == model_id))
              for model in (Job, Graduate)]
    present = [value for value in latest if value is not None]
    return max(present) if present else None


def embed_all_pending(*, session_factory: Callable[[], Session], encoder: Encoder, batch_size: int = 64,
                      on_progress: Callable[[int], None] | None = None) -> int:
    """Embed until nothing is pending, one committed batch at a time (resumable when interrupted)."""
    total = 0
    for model in (Job, Graduate):
        while True:
            session = session_factory()
            try:
                done = embed_pending_batch(session, encoder=encoder, model=model, limit=batch_size)
                session.commit()
            finally:
                session.close()
            if not done:
                break
            total += done
            if on_progress:
                on_progress(done)
    return total
