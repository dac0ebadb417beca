"""Compare BM25 index forms for the engine's lexical signal: memory, build time, query time.

Why: issue 11 replaces the per-posting ``Counter`` index (kept as the test reference in
tests/unit/lexical_reference.py) with a compact one, and asks to measure a scipy CSC matrix
(app.matching.lexical.LexicalIndex) against the bm25s library before choosing.

The corpus is the 3,499 real postings of ../shared/data (the engine's lexical text: title, skills,
majors, description), tokenised once with app.matching.lexical.tokenize and repeated to ``--size``
postings (so term statistics are realistic; only the tokenising, which all three share, is not
timed). Queries are 200 of the postings' titles plus their skills. Memory is the traced Python
allocation growth (tracemalloc) of building each index, numpy buffers included.

    .venv/bin/python scripts/bench_lexical.py [--size 100000] [--bm25s-path DIR]

bm25s is not a dependency: pass ``--bm25s-path`` to a folder where it is installed
(``pip install --target DIR bm25s``) to include it.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.matching.lexical import LexicalIndex, tokenize  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "postings" / "real_postings_3499.json"


def _measure(build):  # type: ignore[no-untyped-def]
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    index = build()
    seconds = time.perf_counter() - started
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return index, seconds, current / 2**20


def _query_ms(score, queries: list[str]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for query in queries:
        started = time.perf_counter()
        score(query)
        times.append((time.perf_counter() - started) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 99))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--bm25s-path", type=Path)
    parser.add_argument("--postings", type=Path, default=DATA, help="the shared real postings (JSON)")
    parser.add_argument("--indexes", default="compact,counter,bm25s", help="which to measure, comma-separated")
    args = parser.parse_args()
    if not args.postings.is_file():
        sys.exit(f"{args.postings} not found: this benchmark reads the shared real postings")
    postings = json.loads(args.postings.read_text("utf-8"))
    texts = [" ".join([p["title"], " ".join(p["skills"]), p["description"]]) for p in postings]
    tokens = [tokenize(text) for text in texts]
    docs = [(i, tokens[i % len(tokens)]) for i in range(args.size)]
    queries = [f"{p['title']} {' '.join(p['skills'])}" for p in postings[::17][:200]]
    pairs = sum(len(set(t)) for _, t in docs)
    print(f"# {args.size:,} postings, {pairs:,} distinct (posting, token) pairs, {len(queries)} queries; "
          f"load average {' / '.join(f'{v:.1f}' for v in os.getloadavg())} (2 shared cores)")
    rows = []

    def build_compact() -> LexicalIndex:
        index = LexicalIndex()
        index.upsert_tokens(docs)
        index.compact()
        return index

    wanted = set(args.indexes.split(","))
    if "compact" in wanted:
        compact, seconds, mb = _measure(build_compact)
        p50, p99 = _query_ms(compact.score_arrays, queries)
        rows.append(("scipy CSC (app.matching.lexical)", seconds, mb, p50, p99, "yes"))
        del compact

    sys.path.insert(0, str(ROOT))
    from tests.unit.lexical_reference import ReferenceLexicalIndex

    def build_counter() -> ReferenceLexicalIndex:
        index = ReferenceLexicalIndex()
        for doc_id, doc_tokens in docs:  # what upsert_many does after tokenising
            counts = Counter(doc_tokens)
            index._docs[doc_id] = counts
            index._df.update(counts.keys())
            index._total_len += sum(counts.values())
            index._dirty.add(doc_id)
        index._rebuild()
        return index

    if "counter" in wanted:
        counter, seconds, mb = _measure(build_counter)
        p50, p99 = _query_ms(counter.score_arrays, queries)
        rows.append(("per-posting Counter (before issue 11)", seconds, mb, p50, p99, "yes"))
        del counter

    if args.bm25s_path and "bm25s" in wanted:
        sys.path.insert(0, str(args.bm25s_path))
        import bm25s

        def build_bm25s():  # type: ignore[no-untyped-def]
            vocab: dict[str, int] = {}
            ids = [[vocab.setdefault(t, len(vocab)) for t in doc_tokens] for _, doc_tokens in docs]
            retriever = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
            retriever.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
            return retriever, vocab

        (retriever, vocab), seconds, mb = _measure(build_bm25s)

        def score(query: str) -> np.ndarray:
            ids = sorted({vocab[t] for t in tokenize(query) if t in vocab})
            return retriever.get_scores_from_ids(ids) if ids else np.zeros(0)

        p50, p99 = _query_ms(score, queries)
        rows.append((f"bm25s {bm25s.__version__}", seconds, mb, p50, p99, "no (rebuild)"))
    print("\n| index | build s | MB | query p50 / p99 ms | upsert/remove by id |")
    print("|---|---|---|---|---|")
    for name, seconds, mb, p50, p99, updates in rows:
        print(f"| {name} | {seconds:.1f} | {mb:.0f} | {p50:.1f} / {p99:.1f} | {updates} |")


if __name__ == "__main__":
    main()
