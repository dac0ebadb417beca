"""Inline embedding of a single created or updated record (the worker handles batches)."""
from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.db.models import Graduate, Job
from app.matching.engine import MatchEngine
from app.services.embedding import embed_records

log = logging.getLogger("jobmatch.embedding")


def embed_now(session: Session, engine: MatchEngine, record: Job | Graduate) -> None:
    """Embed one pending record inside the request (~0.1 s), so it is matchable once the request
    commits. If the encoder fails the record simply stays pending for the worker: storing the
    record matters more than embedding it now."""
    if record.embedding_model == engine.encoder.model_id:
        return
    try:
        with session.begin_nested():
            embed_records(session, encoder=engine.encoder, records=[record])
    except Exception:
        log.exception("inline embedding failed; the record stays pending for the worker")
