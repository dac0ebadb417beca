"""Child process: build the matching engine the way a server does and time ``match_profile``.

A fresh process, so that its resident memory is the encoder's and the index's, not the benchmark
driver's. Prints one JSON object on its last stdout line.

    JOBMATCH_DATABASE_URL=... python -m benchlib.inprocess --queries 600 --profile-queries 100
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import json
import pstats
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from benchlib.stats import Latency, proc_status_mb


def _timed(counter: dict[str, float], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            counter[name] = counter.get(name, 0.0) + time.perf_counter() - started
            counter[f"{name}_calls"] = counter.get(f"{name}_calls", 0) + 1

    return wrapper


def _engine_functions(stats: pstats.Stats, queries: int, limit: int) -> list[dict[str, Any]]:
    """App functions by cumulative time per query (where a request's time goes)."""
    rows = []
    for (path, line, name), (_cc, calls, _tt, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "/app/" not in path:
            continue
        rows.append({"function": f"{path.split('/app/', 1)[1]}:{line} {name}",
                     "ms_per_query": cumulative * 1000 / queries, "calls_per_query": calls / queries})
    rows.sort(key=lambda row: -row["ms_per_query"])
    return rows[:limit]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=600)
    parser.add_argument("--max-seconds", type=float, default=150.0, help="bound on the timed query loop")
    parser.add_argument("--profile-queries", type=int, default=100)
    parser.add_argument("--profile-seconds", type=float, default=30.0, help="bound on the profiled loop")
    parser.add_argument("--top-k", type=int, default=10)
    args = parser.parse_args()
    rss_start = proc_status_mb()

    from sqlalchemy import select
    from sqlalchemy.orm import undefer

    from app.db.models import Graduate
    from app.db.session import session_scope
    from app.schemas.matching import MatchFiltersIn
    from app.services.index_sync import profile_doc, profile_lexical_text, refresh, stored_vector
    from app.services.matching import to_filters
    from app.services.runtime import get_match_engine

    engine = get_match_engine()  # the server's own construction: settings, encoder, weights
    rss_encoder = proc_status_mb()
    # Time the parts of the load by wrapping the engine's own tables and indexes (instance
    # attributes only: nothing in the app changes).
    parts: dict[str, float] = {}
    engine.job_lexical.upsert_many = _timed(parts, "lexical", engine.job_lexical.upsert_many)  # type: ignore[method-assign]
    engine.job_vectors.upsert = _timed(parts, "vectors", engine.job_vectors.upsert)  # type: ignore[method-assign]
    engine.jobs.upsert = _timed(parts, "table", engine.jobs.upsert)  # type: ignore[method-assign]
    # The BM25 snapshot rebuild runs inside upsert_many; counted apart because the load calls it
    # once per chunk while the corpus is small and every ~10% of growth after.
    rebuilds: dict[str, float] = {}
    engine.job_lexical._rebuild = _timed(rebuilds, "rebuild", engine.job_lexical._rebuild)  # type: ignore[method-assign]
    started = time.perf_counter()
    with session_scope() as session:
        refresh(engine, session)  # the first refresh is the full load
    build_seconds = time.perf_counter() - started
    rss_built = proc_status_mb()

    with session_scope() as session:
        graduates = list(session.scalars(select(Graduate).options(undefer(Graduate.embedding))
                                         .order_by(Graduate.id)))
        subjects = []
        for graduate in graduates:
            doc = profile_doc(graduate)
            vector = stored_vector(graduate, engine)
            assert vector is not None, "bench graduates are stored with the engine's model"
            subjects.append((doc, vector, profile_lexical_text(doc)))
    filters = to_filters(MatchFiltersIn())  # what /v1/match passes when the body has no filters

    def run(index: int) -> list[Any]:
        doc, vector, lexical_text = subjects[index % len(subjects)]
        # with_priority=False: the platform-caller path that the HTTP benchmark exercises.
        return engine.match_profile(doc, vector=vector, text=lexical_text, top_k=args.top_k, filters=filters,
                                    with_priority=False)

    for index in range(min(20, len(subjects))):  # warm caches (jieba, numpy, hnswlib) before timing
        run(index)
    timings: list[float] = []
    empty = 0
    # CPU time beside wall time: on cores shared with other agents the wall clock includes waiting
    # for a core; CPU per query is what the same loop would take on an idle core.
    cpu_started, wall_started = time.process_time(), time.perf_counter()
    for index in range(args.queries):
        if time.perf_counter() - wall_started > args.max_seconds:
            break  # bounded: at 100,000 postings a query may take most of a second here
        started = time.perf_counter()
        results = run(index)
        timings.append(time.perf_counter() - started)
        empty += not results
    cpu_ms = 1000 * (time.process_time() - cpu_started) / len(timings)
    cpu_share = (time.process_time() - cpu_started) / (time.perf_counter() - wall_started)

    # Diagnostics for the report: how many postings survive the hard filters and how many have
    # any lexical hit, per query; both are what per-request Python work can scale with.
    allowed_sizes, lexical_hits = [], []
    for doc, _vector, lexical_text in subjects[:100]:
        allowed_sizes.append(engine.jobs.allowed_ids(doc, filters=filters).size)
        lexical_hits.append(len(engine.job_lexical.scores(lexical_text)))

    # cProfile roughly doubles Python-heavy time; bound the profiled loop by the unprofiled mean.
    profile_queries = max(10, min(args.profile_queries, int(args.profile_seconds / (2 * np.mean(timings)))))
    profiler = cProfile.Profile()
    profiler.enable()
    for index in range(profile_queries):
        run(index)
    profiler.disable()
    functions = _engine_functions(pstats.Stats(profiler), profile_queries, limit=12)

    print(json.dumps({
        "jobs_indexed": len(engine.jobs), "graduates_indexed": len(engine.graduates),
        "uses_ann": engine.job_vectors.uses_ann, "build_seconds": build_seconds,
        "build_parts": {name: value for name, value in parts.items() if not name.endswith("_calls")},
        "lexical_rebuilds": int(rebuilds.get("rebuild_calls", 0)), "lexical_rebuild_seconds": rebuilds.get("rebuild", 0.0),
        "rss_start_mb": rss_start, "rss_encoder_mb": rss_encoder, "rss_built_mb": rss_built,
        "rss_peak_mb": proc_status_mb(field="VmHWM"), "latency": Latency.of(timings).as_dict(),
        "empty_results": empty, "cpu_ms_per_query": cpu_ms, "cpu_share": cpu_share, "allowed_mean": float(np.mean(allowed_sizes)),
        "lexical_hits_mean": float(np.mean(lexical_hits)), "profile": functions,
        "profile_queries": profile_queries,
    }))


if __name__ == "__main__":
    main()
