"""Seed a realistic synthetic provincial dataset (deterministic by --seed).

Why: a demo, the done-when checks of the matching issue ("a nursing graduate's nursing posts
first") and the benchmarks need data shaped like Shandong's — postings across the ten strong
industries and all job types in the 16 cities, graduates with real majors — without touching
anyone's personal data. Records are upserted by external_id, so rerunning is safe.

    .venv/bin/python scripts/seed_demo.py --jobs 2000 --graduates 3000 [--seed 7]
        [--embed titles|all|none] [--print-keys]

``--embed titles`` (the default, what `make demo` runs) embeds only the postings' titles, the pass
that makes them matchable (issue 11), so the server starts serving within a minute or two; its
background thread then embeds graduates and posting bodies while it serves
(GET /v1/index/status shows the rate and the time left). ``--print-keys`` creates one API key per
role and prints them, in this one process rather than four CLI starts.
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
from app.domain.enums import Role  # noqa: E402
from app.services.embedding import PASSES, PassName  # noqa: E402
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


def _embed(passes: tuple[PassName, ...]) -> None:
    from app.cli import passive_openmp
    from app.config import get_settings
    from app.db.session import get_session_factory
    from app.matching.encoder import build_encoder
    from app.services.embedding import embed_all_pending

    passive_openmp()
    settings = get_settings()
    encoder = build_encoder(name=settings.encoder, model=settings.embedding_model)
    with tqdm(desc=f"embedding ({', '.join(passes)})", unit="rec", file=sys.stderr) as bar:
        # Titles come in large batches: ~11 tokens each, and many repeat (578 distinct in 2,000).
        embed_all_pending(session_factory=get_session_factory(), encoder=encoder, passes=passes,
                          batch_size=settings.embed_title_batch_size if passes == ("title",) else 64,
                          on_progress=bar.update)


def _print_keys() -> None:
    from app.services.keys import create_key

    print("Demo keys (new ones each run; paste one into /console or send it as X-API-Key):")
    with session_scope() as session:
        for role in Role:
            _, plaintext = create_key(session, role=role, name=f"demo {role.value}")
            print(f"  {role.value:<10} {plaintext}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--graduates", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--embed", choices=("titles", "all", "none"), default="titles",
                        help="titles: only what makes postings matchable (the server embeds the rest); "
                             "all: every pass now; none: leave everything to the server")
    parser.add_argument("--no-embed", dest="embed", action="store_const", const="none", help="same as --embed none")
    parser.add_argument("--print-keys", action="store_true", help="create and print one API key per role")
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
    if args.embed != "none":
        _embed(("title",) if args.embed == "titles" else PASSES)
    print(f"seeded {args.jobs} jobs and {args.graduates} graduates in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)
    if args.print_keys:
        _print_keys()


if __name__ == "__main__":
    main()
