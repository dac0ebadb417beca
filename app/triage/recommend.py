"""Postings to offer the graduates on a queue page: the matching engine's best few for each.

A match costs ~10 ms with the real encoder, so the queue asks for these only on request and for
at most 20 rows; nothing is stored (no match impression), since nothing was shown to a platform.
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.db.models import Graduate
from app.domain.caller import Caller
from app.matching.engine import JobMatch, MatchEngine
from app.services import matching as matching_service
from app.services.index_sync import profile_lexical_text, sync_for_request


def recommend_jobs(session: Session, *, engine: MatchEngine, graduates: Sequence[Graduate], caller: Caller,
                   top_k: int) -> dict[int, list[JobMatch]]:
    if not graduates:
        return {}
    sync_for_request(engine, session)
    found: dict[int, list[JobMatch]] = {}
    for graduate in graduates:
        profile, vector, _ = matching_service.graduate_subject(session, engine=engine, graduate_id=graduate.id,
                                                               caller=caller)
        # Staff may see the P9 priority step, so it applies here as in their own match calls.
        found[graduate.id] = engine.match_profile(profile, vector=vector, text=profile_lexical_text(profile),
                                                  top_k=top_k, with_priority=True)
    return found
