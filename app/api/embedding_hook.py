"""Inline embedding of a single created or updated record (workers handle batches and bodies)."""
from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.config import get_settings
from app.db.models import Graduate, Job
from app.matching.engine import MatchEngine
from app.services.embedding import claim_for_inline, encode_for_pass, inline_pass, store_inline

log = logging.getLogger("jobmatch.embedding")


def embed_now(session: Session, engine: MatchEngine, record: Job | Graduate) -> None:
    """Make one record matchable inside its request: a posting's title (~10 ms), a graduate's
    profile; a posting's body follows from the worker. Skipped when JOBMATCH_EMBED_IN_API=false
    (`jobmatch worker` processes embed instead).

    The record is committed first and the encoder runs outside any transaction: a write request
    holds SQLite's write lock for its whole transaction, and every other writer of the process
    would queue behind the encoder. If the encoder fails the record stays pending for the worker:
    storing the record matters more than embedding it now.
    """
    if not get_settings().embed_in_api:
        return
    model_id = engine.encoder.model_id
    claimed = claim_for_inline(record, model_id=model_id)
    if claimed is None:
        return
    session.commit()
    try:
        vector = encode_for_pass(inline_pass(record), engine.encoder, [claimed.text])[0]
        with session.begin_nested():
            store_inline(session, record, claimed, vector, model_id=model_id)
    except Exception:
        log.exception("inline embedding failed; the record stays pending for the worker")
