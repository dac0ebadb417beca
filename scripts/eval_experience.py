"""Measure the experience extractor on hand-labelled real postings.

Why this exists: issue 10 makes "years of experience asked" a ranking signal, read from the
posting's text and tags when the API does not give it. This script checks that reading against
``evaluation/experience/labels.tsv`` (labels fixed before the extractor ran; see its README).
Rules may be changed by looking at dev errors only (``--split dev --show-errors``); the test split
is what gets reported.

Postings are read from ../shared/data at run time (never copied); without them the script prints
why and exits 0. Run from the repository root::

    /work/main/.venv/bin/python scripts/eval_experience.py
    /work/main/.venv/bin/python scripts/eval_experience.py --split dev --show-errors
"""
from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from app.matching.experience import extract_experience  # noqa: E402
from evaluation.experience.sample import load_postings, postings_path  # noqa: E402

LABELS = REPO_ROOT / "evaluation" / "experience" / "labels.tsv"
ASKS = 2.0  # "asks ≥ 2 years": the threshold the fusion baseline demotes at


@dataclass(frozen=True)
class Row:
    posting_id: str
    split: str
    label_years: float | None
    label_open: bool
    got_years: float | None
    got_open: bool


def _years(value: str) -> float | None:
    return float(value) if value else None


def rows(postings: dict[str, dict]) -> list[Row]:
    out: list[Row] = []
    with LABELS.open(encoding="utf-8") as handle:
        for label in csv.DictReader(handle, delimiter="\t"):
            posting = postings[label["posting_id"]]
            got = extract_experience(title=posting["title"], description=posting["description"],
                                     tags=posting["skills"])
            out.append(Row(label["posting_id"], label["split"], _years(label["min_years"]),
                           label["open_to_new_grads"] == "1", got.min_years, got.open_to_new_grads))
    return out


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "– (0/0)"


def report(selected: list[Row], name: str, *, show_errors: bool) -> None:
    n = len(selected)
    exact = sum(r.label_years == r.got_years for r in selected)
    opened = sum(r.label_open == r.got_open for r in selected)
    both = sum(r.label_years == r.got_years and r.label_open == r.got_open for r in selected)
    asks = [r for r in selected if r.label_years is not None and r.label_years >= ASKS]
    flagged = [r for r in selected if r.got_years is not None and r.got_years >= ASKS]
    hit = sum(1 for r in flagged if r.label_years is not None and r.label_years >= ASKS)
    open_label = [r for r in selected if r.label_open]
    open_got = [r for r in selected if r.got_open]
    open_hit = sum(1 for r in open_got if r.label_open)
    print(f"\n## {name}: {n} postings")
    print(f"min_years exact (None = none asked): {_ratio(exact, n)}")
    print(f"open_to_new_grads agreement:        {_ratio(opened, n)}")
    print(f"both right:                         {_ratio(both, n)}")
    print(f"asks >= {ASKS:g} years: precision {_ratio(hit, len(flagged))}, recall {_ratio(hit, len(asks))}")
    print(f"open to new grads:  precision {_ratio(open_hit, len(open_got))}, recall {_ratio(open_hit, len(open_label))}")
    errors = [r for r in selected if r.label_years != r.got_years or r.label_open != r.got_open]
    kinds: dict[str, int] = {}
    for r in errors:
        if r.label_years != r.got_years:
            kind = ("missed count" if r.got_years is None else "spurious count" if r.label_years is None
                    else "wrong count")
            kinds[kind] = kinds.get(kind, 0) + 1
        if r.label_open != r.got_open:
            kind = "missed open" if r.label_open else "spurious open"
            kinds[kind] = kinds.get(kind, 0) + 1
    print("confusions: " + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none"))
    if show_errors:
        for r in errors:
            print(f"  {r.posting_id}: label years={r.label_years} open={int(r.label_open)} | "
                  f"got years={r.got_years} open={int(r.got_open)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), action="append",
                        help="splits to report (repeatable); default dev and test")
    parser.add_argument("--show-errors", action="store_true", help="list every disagreeing posting (ids only)")
    args = parser.parse_args()
    data = load_postings()
    if data is None:
        print(f"skipped: real postings not found at {postings_path()} (../shared/data is absent)")
        return 0
    all_rows = rows({p["id"]: p for p in data})
    for split in args.split or ["dev", "test"]:
        report([r for r in all_rows if split == "all" or r.split == split], split, show_errors=args.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
