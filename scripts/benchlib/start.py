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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--snapshot-dir", type=Path, required=True)
    parser.add_argument("--write-snapshot", action="store_true")
    parser.add_argument("--hold", type=Path)
    args = parser.parse_args()

    from app.db.session import session_scope
    from app.matching.snapshot import write_snapshot
    from app.services.index_sync import refresh
    from app.services.runtime import get_match_engine

    rss_start = proc_status_mb()
    engine = get_match_engine()  # the server's own construction: settings, encoder, weights
    rss_encoder = proc_status_mb()
    smaps_encoder = _smaps_mb()
    started = time.perf_counter()
    with session_scope() as session:
        refresh(engine, session, snapshot_dir=args.snapshot_dir)
    ready = time.perf_counter() - started
    result: dict[str, object] = {
        "loaded_from": engine.state.loaded_from, "ready_seconds": ready, "jobs": len(engine.jobs),
        "graduates": len(engine.graduates), "rss_start_mb": rss_start, "rss_encoder_mb": rss_encoder,
        "rss_ready_mb": proc_status_mb(), "smaps_encoder": smaps_encoder, "smaps_ready": _smaps_mb(),
        "graph_at_ready": engine.job_vectors.uses_ann, "pid": os.getpid(),
    }
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
