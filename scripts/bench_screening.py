"""Time the posting screener per posting.

Why this exists: screening runs inline whenever a posting is created or edited, and in bulk when
the rule file changes and every open posting is re-screened, so it must stay far below the API's
latency budget (target: well under 5 ms per posting on one core). Rule files grow as staff add
patterns; this benchmark shows when a new regex is expensive.

It screens the labelled evaluation set (evaluation/screening/labelled.jsonl) repeated, after one
warm-up pass that also loads and compiles the rule file, and reports mean and p99 microseconds.
On a shared machine the wall-clock p99 is dominated by preemption (a ~4 ms scheduler slice), so
it also reports per-thread CPU time, which is what the screener itself costs.

Run from the repository root:

    .venv/bin/python scripts/bench_screening.py [--repeat N] [--rules PATH]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from app.screening import load_ruleset, screen_posting  # noqa: E402

DATA = REPO_ROOT / "evaluation" / "screening" / "labelled.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the set (default 20)")
    parser.add_argument("--rules", type=Path, default=None, help="rule file (default: bundled)")
    args = parser.parse_args()

    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    ruleset = load_ruleset(args.rules)

    def screen(row: dict) -> None:
        screen_posting(
            title=row["title"],
            description=row["description"],
            salary_min=row.get("salary_min"),
            salary_max=row.get("salary_max"),
            job_type=row.get("job_type"),
            ruleset=ruleset,
        )

    for row in rows:  # warm-up: regex caches, first-call costs
        screen(row)
    wall_us: list[float] = []
    cpu_us: list[float] = []
    for _ in range(args.repeat):
        for row in rows:
            wall_start, cpu_start = time.perf_counter_ns(), time.thread_time_ns()
            screen(row)
            cpu_us.append((time.thread_time_ns() - cpu_start) / 1000)
            wall_us.append((time.perf_counter_ns() - wall_start) / 1000)
    wall_us.sort()
    cpu_us.sort()
    mean_chars = statistics.mean(len(r["title"]) + len(r["description"]) for r in rows)
    print(f"rules {ruleset.version}: {len(wall_us)} screenings "
          f"({len(rows)} postings × {args.repeat}, mean {mean_chars:.0f} characters)")
    for name, timings in (("wall", wall_us), ("cpu ", cpu_us)):
        print(f"{name}: mean {statistics.mean(timings):.0f} µs, "
              f"median {statistics.median(timings):.0f} µs, p99 {_p99(timings):.0f} µs, "
              f"max {timings[-1]:.0f} µs per posting")
    print(f"Reproduce: .venv/bin/python scripts/bench_screening.py {' '.join(sys.argv[1:])}".rstrip())
    return 0


def _p99(ordered: list[float]) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


if __name__ == "__main__":
    raise SystemExit(main())
