"""Seed a realistic synthetic provincial dataset (deterministic by --seed).

Why: a demo, the done-when checks of the matching issue ("a nursing graduate's nursing posts
first") and the benchmarks need data shaped like Shandong's — postings across the ten strong
industries and all job types in the 16 cities, graduates with real majors — without touching
anyone's personal data. Records are upserted by external_id, so rerunning is safe.

    .venv/bin/python scripts/seed_demo.py --jobs 2000 --graduates 3000 [--seed 7] [--no-embed]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tqdm import tqdm  # noqa: E402

from app.db.migrate import upgrade_to_head  # noqa: E402
from app.db.session import get_engine, session_scope  # noqa: E402
from synthetic.generate import generate_graduates, generate_jobs  # noqa: E402
from app.schemas.graduates import GraduateCreate  # noqa: E402
from app.schemas.jobs import JobCreate  # noqa: E402
from app.services import graduates as graduate_service  # noqa: E402
from app.services import jobs as job_service  # noqa: E402
from app.services.batch import BatchRunner  # noqa: E402
from app.services.keys import caller_for, office_key  # noqa: E402

CHUNK = 500


def _store(records: list[dict], runner: BatchRunner, label: str) -> None:  # type: ignore[type-arg]
    with tqdm(total=len(records), desc=f"storing {label}", unit="rec", file=sys.stderr) as bar:
        for start in range(0, len(records), CHUNK):
            chunk = records[start:start + CHUNK]
            with session_scope() as session:
                result = runner.run(session, chunk, atomic=False)
            if result.errors:
                raise SystemExit(f"generator produced invalid {label}: {result.errors[:3]}")
            bar.update(len(chunk))


def _embed_all() -> None:
    from app.config import get_settings
    from app.db.session import get_session_factory
    from app.matching.encoder import build_encoder
    from app.services.embedding import count_pending, embed_all_pending

    settings = get_settings()
    encoder = build_encoder(name=settings.encoder, model=settings.embedding_model)
    with session_scope() as session:
        total = sum(count_pending(session, model_id=encoder.model_id).values())
    with tqdm(total=total, desc="embedding", unit="rec", file=sys.stderr) as bar:
        embed_all_pending(session_factory=get_session_factory(), encoder=encoder, on_progress=bar.update)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--graduates", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-embed", action="store_true", help="leave records pending for the server's worker")
    args = parser.parse_args()
    started = time.perf_counter()
    upgrade_to_head(get_engine())
    with session_scope() as session:
        office = caller_for(office_key(session))  # demo data belongs to the office, like an import
    job_runner = BatchRunner(JobCreate, lambda s, d: job_service.upsert_job(s, data=d, caller=office))
    graduate_runner = BatchRunner(GraduateCreate,
                                  lambda s, d: graduate_service.upsert_graduate(s, data=d, caller=office))
    # Postings are always stored open; the generator's "status" describes that, the API does not take it.
    jobs = [{key: value for key, value in job.items() if key != "status"}
            for job in generate_jobs(seed=args.seed, count=args.jobs)]
    _store(jobs, job_runner, "jobs")
    _store(generate_graduates(seed=args.seed, count=args.graduates), graduate_runner, "graduates")
    if not args.no_embed:
        _embed_all()
    print(f"seeded {args.jobs} jobs and {args.graduates} graduates in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
