"""Measure the posting-screening rules against the hand-labelled set.

Why this exists: the rules are data that staff extend; every change must be checked against a
fixed, independently labelled set (evaluation/screening/labelled.jsonl, labelling rules in its
README) so that a new pattern that catches one more scam does not start blocking honest postings.
The key number is the precision of `block` (target >= 0.95): a wrongly blocked posting hides a
real job from graduates. Overall recall targets >= 0.9.

Counting: a posting is a true positive for a category (or code) when it is labelled with it and the
engine reports any finding of it. For `block`, a posting is expected-blocked when any label has
severity block and predicted-blocked when `is_blocked()` is true.

Rows carry a `split`: "dev" (written before the rules, then used while writing them) or
"holdout" (written blind after rules 1.0.0 and scored once before any further change). The
holdout rows are the honest estimate of how the rules do on phrasings their author did not tune
for; both are summarised separately below the main table.

Run from the repository root:

    .venv/bin/python scripts/eval_screening.py [--data PATH] [--rules PATH] [--split S] [--errors]

Always exits 0: this is a report, not a gate (the unit tests are the gate).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from app.screening import CATEGORIES, Finding, is_blocked, load_ruleset, screen_posting  # noqa: E402

DEFAULT_DATA = REPO_ROOT / "evaluation" / "screening" / "labelled.jsonl"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, *, expected: bool, predicted: bool) -> None:
        self.tp += expected and predicted
        self.fp += predicted and not expected
        self.fn += expected and not predicted

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None


@dataclass
class Report:
    categories: dict[str, Tally] = field(default_factory=dict)
    codes: dict[str, Tally] = field(default_factory=dict)
    block: Tally = field(default_factory=Tally)
    overall: Tally = field(default_factory=Tally)
    clean_total: int = 0
    clean_flagged: int = 0
    errors: list[str] = field(default_factory=list)


def load_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def split_of(row: dict) -> str:
    return str(row.get("split", "dev"))


def evaluate(rows: Iterable[dict], *, rules_path: Path | None) -> Report:
    ruleset = load_ruleset(rules_path)
    report = Report(categories={c: Tally() for c in CATEGORIES})
    for row in rows:
        findings = screen_posting(
            title=row["title"],
            description=row["description"],
            salary_min=row.get("salary_min"),
            salary_max=row.get("salary_max"),
            job_type=row.get("job_type"),
            ruleset=ruleset,
        )
        _score_row(row, findings, report)
    return report


def _score_row(row: dict, findings: list[Finding], report: Report) -> None:
    labels = row["labels"]
    expected_categories = {label["category"] for label in labels}
    predicted_categories = {finding.category for finding in findings}
    for category, tally in report.categories.items():
        expected, predicted = category in expected_categories, category in predicted_categories
        tally.add(expected=expected, predicted=predicted)
        report.overall.add(expected=expected, predicted=predicted)
        if expected != predicted:
            kind = "missed" if expected else "false alarm"
            report.errors.append(f"{row['id']:<10} {kind:<11} {category:<14} {row['reason']}")
    expected_codes = {label["code"] for label in labels}
    predicted_codes = {finding.code for finding in findings}
    for code in expected_codes | predicted_codes:
        report.codes.setdefault(code, Tally()).add(
            expected=code in expected_codes, predicted=code in predicted_codes
        )
    expected_block = any(label["severity"] == "block" for label in labels)
    report.block.add(expected=expected_block, predicted=is_blocked(findings))
    if expected_block != is_blocked(findings):
        kind = "missed" if expected_block else "false alarm"
        spans = ", ".join(f"{f.code}:{f.span}" for f in findings if f.severity == "block")
        report.errors.append(f"{row['id']:<10} {kind:<11} {'BLOCK':<14} {spans or row['reason']}")
    if not labels:
        report.clean_total += 1
        report.clean_flagged += bool(findings)


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _line(name: str, tally: Tally) -> str:
    support = tally.tp + tally.fn
    return (
        f"| {name} | {support} | {tally.tp} | {tally.fp} | {tally.fn} | {_cell(tally.precision)} "
        f"| {_cell(tally.recall)} | {_cell(tally.f1)} |"
    )


def render_splits(reports: dict[str, Report]) -> list[str]:
    lines = [
        "",
        "By split (block = severity block; overall = posting × category):",
        "",
        "| split | postings w/ labels | block P | block R | overall P | overall R | clean flagged |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, part in reports.items():
        labelled = part.overall.tp + part.overall.fn
        lines.append(
            f"| {name} | {labelled} | {_cell(part.block.precision)} | {_cell(part.block.recall)} "
            f"| {_cell(part.overall.precision)} | {_cell(part.overall.recall)} "
            f"| {part.clean_flagged}/{part.clean_total} |"
        )
    return lines


def render(report: Report, *, version: str, command: str, show_errors: bool) -> str:
    header = "| | support | TP | FP | FN | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|---:|"
    lines = [f"Screening evaluation — rules {version}", "", header]
    lines += [_line(f"**{name}**", tally) for name, tally in report.categories.items()]
    lines.append(_line("**severity = block** (key: precision ≥ 0.95)", report.block))
    lines.append(_line("**overall (posting × category)** (recall ≥ 0.9)", report.overall))
    lines += ["", "Per code:", "", header]
    lines += [_line(code, report.codes[code]) for code in sorted(report.codes)]
    lines += [
        "",
        f"Clean postings with any finding: {report.clean_flagged}/{report.clean_total}",
        "",
        f"Reproduce: {command}",
    ]
    if show_errors:
        lines += ["", "Disagreements:", *report.errors]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rules", type=Path, default=None, help="rule file (default: bundled)")
    parser.add_argument("--split", default="all", help="all (default), dev or holdout")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    rows = load_rows(args.data)
    selected = [row for row in rows if args.split in ("all", split_of(row))]
    report = evaluate(selected, rules_path=args.rules)
    splits = sorted({split_of(row) for row in selected})
    by_split = {
        name: evaluate([row for row in selected if split_of(row) == name], rules_path=args.rules)
        for name in splits
    }
    command = ".venv/bin/python scripts/eval_screening.py " + " ".join(sys.argv[1:])
    version = load_ruleset(args.rules).version
    print(render(report, version=version, command=command.strip(), show_errors=args.errors))
    print("\n".join(render_splits(by_split)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
