"""Embedding of stored records: what text, when, and the pending queues (issue 11: two passes).

Three passes, in priority order:

* ``title`` — a posting's bare title (~10 characters, ~11 tokens). A posting is *matchable* once
  this pass ran with the current model (``jobs.title_model``): the quality work shows the title
  carries most of the weight, and until the body is embedded its title vector stands in for the
  body vector (app/services/index_sync.py).
* ``graduate`` — a graduate's profile text (one vector; the graduate is matchable once it ran).
* ``body`` — a posting's whole text (title, tags, description up to 256 characters: ~150 tokens,
  ~15x a title's cost). It runs only when the two passes above have nothing pending, so a flood of
  bodies never delays a newer posting's title.

A record is pending for a pass while the pass's model column is not the current encoder's model
id: new, edited in a field that feeds its text, or embedded by another model. Workers claim
pending rows with ``FOR UPDATE SKIP LOCKED`` (several processes share a queue on PostgreSQL
without embedding a record twice; on SQLite run one worker) and commit one batch at a time, so a
process killed mid-batch loses only that uncommitted batch, which stays pending.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import numpy as np
from sqlalchemy import and_, bindparam, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.orm.attributes import flag_modified

from app.db.base import utcnow
from app.db.models import Graduate, Job, RecordChange
from app.domain.enums import EDUCATION_NAMES, INDUSTRY_NAMES, Education, Industry
from app.matching.encoder import Encoder
from app.matching.query_cache import QueryVectorCache
from app.matching.texts import posting_text, profile_text, title_text

JOB_TEXT_FIELDS = frozenset({"title", "description", "skills", "majors", "industry"})
GRADUATE_TEXT_FIELDS = frozenset({"major", "education", "skills", "intro", "preferred_industries"})

# Columns an edit of the text resets (a graduate has the first three).
EMBEDDING_STATE = ("embedding", "embedding_model", "embedded_at", "title_embedding", "title_model", "title_embedded_at")

PassName = Literal["title", "graduate", "body"]
# Priority order: whatever makes a record matchable first, the posting bodies last.
PASSES: tuple[PassName, ...] = ("title", "graduate", "body")
RATE_WINDOW = timedelta(seconds=60)
# Titles repeat (会计, 销售代表 …: 2,839 distinct among 3,499 real postings, 578 among the demo's
# 2,000), so the title pass remembers recent title vectors: ~1.5 KB each, 15 MB at most.
TITLE_CACHE = QueryVectorCache(max_entries=10_000)

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
        # Written even where this session read NULL: a worker may have stored the old text's vector
        # since the read (on PostgreSQL this UPDATE then waited for the worker's row lock), and a NULL
        # set over a NULL read is otherwise left out of the UPDATE, so that vector would survive the edit.
        for name in EMBEDDING_STATE if isinstance(record, Job) else EMBEDDING_STATE[:3]:
            flag_modified(record, name)


# ------------------------------------------------------------------------------------ the passes


@dataclass(frozen=True)
class EmbedPass:
    name: PassName
    model: type[Job] | type[Graduate]
    model_column: InstrumentedAttribute[Any]
    at_column: InstrumentedAttribute[Any]

    @property
    def resource(self) -> str:
        return "job" if self.model is Job else "graduate"

    def pending(self, model_id: str) -> Any:
        return or_(self.model_column.is_(None), self.model_column != model_id)

    def text(self, record: Job | Graduate) -> str:
        if self.name == "title":
            return title_text(record.title)
        if self.name == "body":
            return job_text(record)  # type: ignore[arg-type]
        return graduate_record_text(record)  # type: ignore[arg-type]

    def encode(self, encoder: Encoder, texts: list[str]) -> np.ndarray:
        if self.name == "title":
            return TITLE_CACHE.encode_passages(encoder, texts)
        if self.name == "body":
            return encoder.encode_passages(texts)
        return encoder.encode_queries(texts)

    def values(self, vector: np.ndarray, *, model_id: str, at: datetime) -> dict[str, object]:
        if self.name == "title":
            return Job.title_embedding_values(vector, model_id=model_id, at=at)
        return self.model.embedding_values(vector, model_id=model_id, at=at)


EMBED_PASSES: dict[PassName, EmbedPass] = {
    "title": EmbedPass("title", Job, Job.title_model, Job.title_embedded_at),
    "graduate": EmbedPass("graduate", Graduate, Graduate.embedding_model, Graduate.embedded_at),
    "body": EmbedPass("body", Job, Job.embedding_model, Job.embedded_at),
}


def _claim_condition(embed_pass: EmbedPass, model_id: str) -> Any:
    condition = embed_pass.pending(model_id)
    if embed_pass.name == "body":
        # A body waits for its title: matchability first, and the title and body passes of one
        # posting never race each other.
        condition = and_(condition, Job.title_model == model_id)
    return condition


@dataclass(frozen=True)
class Claimed:
    """What a pass needs of a claimed record, read before any vector is computed: on SQLite the
    encoder must run with no transaction holding the write lock (see ``embed_now``)."""

    record_id: int
    updated_at: datetime
    text: str


def _store(session: Session, embed_pass: EmbedPass, claimed: Sequence[Claimed], vectors: np.ndarray, *,
           model_id: str) -> int:
    """Write each vector if its record is unchanged since the claim and still pending (a record
    edited meanwhile stays pending for the next batch instead of getting its old text's vector).

    One executemany UPDATE and one read-back instead of a round trip per record: on a busy machine
    each round trip waits for the scheduler, and per-record statements were a third of the title
    pass's wall time (512 titles: 13.6 of 42.8 s at load 15). The batch's timestamp tells which
    rows this batch wrote."""
    at = utcnow()
    table = embed_pass.model.__table__
    values = [embed_pass.values(vector, model_id=model_id, at=at) for vector in vectors]
    statement = (update(table)
                 .where(table.c.id == bindparam("claimed_id"),
                        table.c.updated_at == bindparam("claimed_updated_at", type_=table.c.updated_at.type),
                        embed_pass.pending(model_id))
                 .values({name: bindparam(f"new_{name}", type_=table.c[name].type) for name in values[0]}))
    session.execute(statement, [{"claimed_id": item.record_id, "claimed_updated_at": item.updated_at,
                                 **{f"new_{name}": value for name, value in row.items()}}
                                for item, row in zip(claimed, values, strict=True)])
    stored = list(session.scalars(select(table.c.id).where(
        table.c.id.in_([item.record_id for item in claimed]), embed_pass.model_column == model_id,
        embed_pass.at_column == at)))
    session.add_all(RecordChange(resource=embed_pass.resource, record_id=record_id, action="embed",
                                 changes={"pass": embed_pass.name}) for record_id in sorted(stored))
    session.flush()
    return len(stored)


def embed_batch(session: Session, *, encoder: Encoder, pass_name: PassName, limit: int = 32) -> int:
    """Claim up to ``limit`` records pending for one pass and embed them. The caller commits.

    On PostgreSQL the rows stay locked (SKIP LOCKED) until the commit, so other workers take other
    rows. On SQLite the claim is a plain read and the writes wait for the write lock
    (app/db/sqlite_tx.py); ``_store`` writes only over unchanged rows.
    """
    embed_pass = EMBED_PASSES[pass_name]
    query = (select(embed_pass.model).where(_claim_condition(embed_pass, encoder.model_id))
             .order_by(embed_pass.model.id).limit(limit).with_for_update(skip_locked=True))
    claimed = [Claimed(record.id, record.updated_at, embed_pass.text(record))
               for record in session.scalars(query)]
    if not claimed:
        return 0
    vectors = embed_pass.encode(encoder, [item.text for item in claimed])
    return _store(session, embed_pass, claimed, vectors, model_id=encoder.model_id)


def embed_next(session_factory: Callable[[], Session], *, encoder: Encoder,
               batch_sizes: Mapping[PassName, int]) -> tuple[PassName | None, int]:
    """One committed batch of the first pass, in priority order, that has work: (pass, records)."""
    for name in PASSES:
        session = session_factory()
        try:
            done = embed_batch(session, encoder=encoder, pass_name=name, limit=batch_sizes[name])
            session.commit()
        finally:
            session.close()
        if done:
            return name, done
    return None, 0


def embed_all_pending(*, session_factory: Callable[[], Session], encoder: Encoder, batch_size: int = 64,
                      passes: Sequence[PassName] = PASSES,
                      on_progress: Callable[[int], None] | None = None) -> dict[PassName, int]:
    """Embed until nothing is pending, pass by pass, one committed batch at a time (resumable when
    interrupted); returns the records each pass embedded."""
    totals: dict[PassName, int] = dict.fromkeys(passes, 0)
    for name in passes:
        while True:
            session = session_factory()
            try:
                done = embed_batch(session, encoder=encoder, pass_name=name, limit=batch_size)
                session.commit()
            finally:
                session.close()
            if not done:
                break
            totals[name] += done
            if on_progress:
                on_progress(done)
    return totals


def inline_pass(record: Job | Graduate) -> PassName:
    """The pass a single create embeds inside its request: what makes the record matchable."""
    return "title" if isinstance(record, Job) else "graduate"


def claim_for_inline(record: Job | Graduate, *, model_id: str) -> Claimed | None:
    """The record's text for the inline pass, or None when that pass is already current."""
    embed_pass = EMBED_PASSES[inline_pass(record)]
    if getattr(record, embed_pass.model_column.key) == model_id:
        return None
    return Claimed(record.id, record.updated_at, embed_pass.text(record))


def encode_for_pass(pass_name: PassName, encoder: Encoder, texts: list[str]) -> np.ndarray:
    return EMBED_PASSES[pass_name].encode(encoder, texts)


def store_inline(session: Session, record: Job | Graduate, claimed: Claimed, vector: np.ndarray, *,
                 model_id: str) -> bool:
    return _store(session, EMBED_PASSES[inline_pass(record)], [claimed], vector[None, :], model_id=model_id) == 1


def mark_all_pending(session: Session) -> None:
    """For a forced full re-embed (``jobmatch reindex --all``)."""
    session.execute(update(Job).values(embedding=None, embedding_model=None, embedded_at=None,
                                       title_embedding=None, title_model=None, title_embedded_at=None))
    session.execute(update(Graduate).values(embedding=None, embedding_model=None, embedded_at=None))


# ------------------------------------------------------------------------------------- progress


def _count(session: Session, model: type[Job] | type[Graduate], condition: Any) -> int:
    return session.scalar(select(func.count()).select_from(model).where(condition)) or 0


def count_pending(session: Session, *, model_id: str) -> dict[str, int]:
    """Records with work left: a job counts until both its passes ran."""
    return {"jobs": _count(session, Job, or_(EMBED_PASSES["title"].pending(model_id),
                                              EMBED_PASSES["body"].pending(model_id))),
            "graduates": _count(session, Graduate, EMBED_PASSES["graduate"].pending(model_id))}


def count_pending_work(session: Session, *, model_id: str) -> int:
    """Batches' worth of records left, pass by pass (a new posting counts twice: title and body)."""
    return sum(_count(session, p.model, p.pending(model_id)) for p in EMBED_PASSES.values())


def count_embedded(session: Session, *, model_id: str) -> dict[str, int]:
    """Records fully embedded (a job: title and body)."""
    return {"jobs": _count(session, Job, and_(Job.title_model == model_id, Job.embedding_model == model_id)),
            "graduates": _count(session, Graduate, Graduate.embedding_model == model_id)}


def last_embedded_at(session: Session, *, model_id: str) -> Any:
    latest = [session.scalar(select(func.max(p.at_column)).where(p.model_column == model_id))
              for p in EMBED_PASSES.values()]
    present = [value for value in latest if value is not None]
    return max(present) if present else None


def pass_progress(session: Session, *, model_id: str) -> dict[str, dict[str, object]]:
    """Per pass: done, pending, records/s over the last minute, and seconds to done at that rate
    (None while the pass has work but made no progress in the last minute, e.g. bodies queued
    behind titles, or no worker running)."""
    now = utcnow()
    progress: dict[str, dict[str, object]] = {}
    for name, embed_pass in EMBED_PASSES.items():
        done = embed_pass.model_column == model_id
        recent = and_(done, embed_pass.at_column >= now - RATE_WINDOW)
        count, oldest = session.execute(select(func.count(), func.min(embed_pass.at_column))
                                        .select_from(embed_pass.model).where(recent)).one()
        pending = _count(session, embed_pass.model, embed_pass.pending(model_id))
        # Over the span actually observed, so a pass that started 10 s ago is not read as 6x slower.
        span = max((now - oldest).total_seconds(), 1.0) if oldest is not None else RATE_WINDOW.total_seconds()
        rate = count / span if count else 0.0
        progress[name] = {"embedded": _count(session, embed_pass.model, done), "pending": pending,
                          "rate_per_s": round(rate, 2),
                          "eta_seconds": 0.0 if not pending else round(pending / rate, 1) if rate else None}
    return progress
