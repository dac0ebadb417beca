"""Child process: start the matching engine as an API worker does and report time and memory.

Cold (no snapshot): the full load from the database, then (``--write-snapshot``) wait for the HNSW
graph and write the snapshot the next worker starts from. Warm: the same call finds the snapshot.
Prints one JSON object on its last stdout line. With ``--hold FILE`` the process stays up after
reporting until FILE exists, so that two workers sharing one snapshot are measured side by side.

    JOBMATCH_DATABASE_URL=... python -m benchlib.start --snapshot-dir DIR [--write-snapshot] [--hold F]
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from benchlib.stats import proc_status_mb


def _smaps_mb() -> dict[str, float]:
    """Rss, Pss (shared pages divided among their users) and private pages, from smaps_rollup."""
    fields = {"Rss": 0.0, "Pss": 0.0, "Private_Clean": 0.0, "Private_Dirty": 0.0, "Shared_Clean": 0.0}
    with open("/proc/self/smaps_rollup") as rollup:
        for line in rollup:
            name, _, rest = line.partition(":")
            if name in fields:
                fields[name] = int(rest.split()[0]) / 1024.0
    return {"rss": fields["Rss"], "pss": fields["Pss"], "private": fields["Private_Clean"] + fields["Private_Dirty"],
            "shared": fields["Shared_Clean"]}


def _queries(engine, count: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Match the stored graduates (up to ``count`` queries), so that the mapped pages a serving
    worker touches are resident when memory is read again."""
    from app.services.index_sync import profile_lexical_text

    ids = [int(i) for i in engine.graduate_vectors.export_arrays()[0]]
    times = []
    for n in range(min(count, 10 * len(ids)) if ids else 0):
        profile = engine.graduates.get(ids[n % len(ids)])
        vector = engine.graduate_vectors.vector_of(ids[n % len(ids)])
        started = time.perf_counter()
        engine.match_profile(profile, vector=vector, text=profile_lexical_text(profile), top_k=10)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"queries": len(times), "query_p50_ms": times[len(times) // 2] if times else None,
            "smaps_queried": _smaps_mb(), "rss_queried_mb": proc_status_mb()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--snapshot-dir", type=Path, required=True)
    parser.add_argument("--write-snapshot", action="store_true")
    parser.add_argument("--hold", type=Path)
    parser.add_argument("--queries", type=int, default=200, help="matches after ready (touch mapped pages)")
    args = parser.parse_args()

    from app.db.session import session_scope
    from app.matching.snapshot import write_snapshot
    from app.services.index_sync import refresh
    from app.services.runtime import get_match_engine

    rss_start = proc_status_mb()
    engine = get_match_engine()  # the server's own construction: settings, encoder, weights
    rss_encoder = proc_status_mb()
    smaps_encoder = _smaps_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    with session_scope() as session:
        refresh(engine, session, snapshot_dir=args.snapshot_dir)
    ready = time.perf_counter() - started
    ready_cpu = time.process_time() - cpu_started
    result: dict[str, object] = {
        "loaded_from": engine.state.loaded_from, "ready_seconds": ready, "jobs": len(engine.jobs),
        "graduates": len(engine.graduates), "rss_start_mb": rss_start, "rss_encoder_mb": rss_encoder,
        "rss_ready_mb": proc_status_mb(), "smaps_encoder": smaps_encoder, "smaps_ready": _smaps_mb(),
        "graph_at_ready": engine.job_vectors.uses_ann, "pid": os.getpid(), "ready_cpu_seconds": ready_cpu,
    }
    result.update(_queries(engine, args.queries))
    if args.write_snapshot:
        waited = time.perf_counter()
        vectors = engine.job_vectors
        while not (vectors.uses_ann or vectors.ann_unavailable or len(vectors) < vectors.ann_threshold):
            time.sleep(0.5)
        result["graph_build_seconds"] = time.perf_counter() - waited
        result["rss_with_graph_mb"] = proc_status_mb()
        result["smaps_with_graph"] = _smaps_mb()
        written = time.perf_counter()
        write_snapshot(engine, args.snapshot_dir, watermark=int(engine.state.watermark or 0))
        result["snapshot_write_seconds"] = time.perf_counter() - written
        result["rss_peak_mb"] = proc_status_mb(field="VmHWM")
    print(json.dumps(result), flush=True)
    if args.hold is not None:
        deadline = time.monotonic() + 600
        while not args.hold.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        result["smaps_held"] = _smaps_mb()  # after the other worker mapped the same pages
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
