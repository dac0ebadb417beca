"""Train the posting → ten-strong-industry classifier (P5) and report how well it does.

Why this exists: postings saved without an industry get a suggested one. The classifier in
``app.matching.industry_model`` replaces the keyword vote when its artefact is present; this
script makes that artefact and measures both methods on the same sets, so a retrain or a
change to the keyword list can be compared with numbers rather than impressions.

Training data is synthetic: ``synthetic.generate.generate_jobs`` (fixed seed), whose industry
label is that of the occupation template a posting was drawn from. No real posting is trained on.

Evaluation sets, most honest first:

1. ``evaluation/matching/postings.jsonl`` — 368 postings hand-written by a different author from
   their own occupation specs, with industry labels: the held-out figure to quote. Its
   ``_judge`` fields are never read.
2. Real postings (``../shared/data/postings/real_postings_3499.json``) whose GB/T 4754 division
   maps clearly to one of the ten industries (``DIVISION_TO_INDUSTRY``): an external sanity
   check, reported only when the file is present. Its labels are the *employer's* industry, so a
   lawyer at an equipment maker counts as equipment; expect a lower ceiling. Licence "testing
   only": nothing is trained on it and nothing from it is written into the repository beyond
   aggregate figures in the metrics file.
3. Synthetic, leave-occupations-out (3 folds grouped by occupation template): how the model does
   on kinds of work it never saw; the check used to choose the features.
4. Synthetic, random 80/20 split: optimistic by construction (same templates on both sides);
   reported because it shows the ceiling, not as an estimate.

Run from the repository root (about half a minute on two cores):

    .venv/bin/python scripts/train_industry.py [--no-save]

Deterministic: the same seed, data and library versions give the same model and figures
(the metrics file also records the date it was made).
"""
from __future__ import annotations

import argparse
import csv
import datetime
import json
import platform
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import joblib  # noqa: E402
import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.model_selection import GroupKFold, train_test_split  # noqa: E402

from synthetic.jobs import ALL_OCCUPATIONS  # noqa: E402
from synthetic.generate import generate_jobs  # noqa: E402
from app.domain.enums import Industry  # noqa: E402
from app.matching.industry_model import DEFAULT_MODEL_PATH, build_pipeline, posting_text  # noqa: E402
from app.services.industry import keyword_vote  # noqa: E402

SEED = 4754  # GB/T 4754, for memorability; any fixed value would do
SYNTHETIC_COUNT = 6000
CONFIDENT = 0.6  # the threshold staff could use to accept a suggestion without a look
METRICS_PATH = DEFAULT_MODEL_PATH.with_suffix(".metrics.json")
HANDWRITTEN_PATH = REPO_ROOT / "evaluation" / "matching" / "postings.jsonl"
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
REAL_PATH = SHARED_DATA / "postings" / "real_postings_3499.json"
GBT_PATH = SHARED_DATA / "taxonomies" / "gbt4754_2017_flat.csv"

# GB/T 4754-2017 division (大类) → industry, only where the division says which of the ten it is.
# Left out as ambiguous: 38 电气机械 (batteries and PV sit there next to motors and switchgear),
# 39 计算机通信电子设备 (electronics: IT in Shandong's plan, equipment by the standard's section),
# 04 渔业 (marine or inland), 13–14 food processing, 61–62 lodging and catering (tourism only
# in part), 72 商务服务 and the other catch-alls. Note 83 is 教育 in the 2017 edition, not health.
DIVISION_TO_INDUSTRY: dict[str, Industry] = {
    **{f"{d:02d}": Industry.MODERN_AGRICULTURE for d in (1, 2, 3, 5)},
    "25": Industry.HIGH_END_CHEMICAL,  # 石油、煤炭及其他燃料加工 (refining)
    "26": Industry.HIGH_END_CHEMICAL,
    "27": Industry.MEDICAL_HEALTH,  # 医药制造: Shandong counts pharmaceuticals in 医养健康
    **{str(d): Industry.HIGH_END_EQUIPMENT for d in (34, 35, 36, 37, 40)},
    "55": Industry.MODERN_MARINE,  # 水上运输
    **{str(d): Industry.NEW_GEN_IT for d in (63, 64, 65)},
    **{str(d): Industry.MODERN_FINANCE for d in (66, 67, 68, 69)},
    "84": Industry.MEDICAL_HEALTH,  # 卫生
    "85": Industry.MEDICAL_HEALTH,  # 社会工作 (elderly and care homes: the 养 of 医养)
    **{str(d): Industry.CULTURAL_CREATIVE for d in (86, 87, 88)},
}


@dataclass(frozen=True)
class Posting:
    title: str
    description: str
    skills: tuple[str, ...]
    industry: str

    @property
    def text(self) -> str:
        return posting_text(self.title, self.description, self.skills)


def synthetic_postings() -> tuple[list[Posting], list[str]]:
    """The training postings and, for the grouped check, each one's occupation template."""
    jobs = generate_jobs(seed=SEED, count=SYNTHETIC_COUNT)
    postings = [Posting(j["title"], j["description"], tuple(j["skills"]), j["industry"]) for j in jobs]
    return postings, [_occupation_key(j["title"], j["skills"]) for j in jobs]


def _occupation_key(title: str, skills: Sequence[str]) -> str:
    # The generator does not emit its template, but a title from its list plus skills drawn from
    # its pool identify it; an unmatched posting becomes its own group (never happens at this seed).
    for occupation in ALL_OCCUPATIONS:
        if set(skills) <= set(occupation.skills) and any(t in title for t in occupation.titles):
            return occupation.key
    return f"unmatched:{title}"


def handwritten_postings() -> list[Posting]:
    rows = [json.loads(line) for line in HANDWRITTEN_PATH.read_text(encoding="utf-8").splitlines() if line]
    return [Posting(r["title"], r["description"], tuple(r["skills"]), r["industry"]) for r in rows]


def real_postings() -> tuple[list[Posting], dict[str, int]] | None:
    """Real postings whose division maps to an industry, with coverage counts; None if absent."""
    if not (REAL_PATH.is_file() and GBT_PATH.is_file()):
        return None
    with GBT_PATH.open(encoding="utf-8") as handle:
        # Some names in the flat file carry trailing spaces; the postings' names do not.
        division_of = {r["name"].strip(): r["code"] for r in csv.DictReader(handle) if r["level"] == "2"}
    rows = json.loads(REAL_PATH.read_text(encoding="utf-8"))
    with_division = [r for r in rows if r.get("gbt_industry", "").strip()]
    kept = []
    for row in with_division:
        industry = DIVISION_TO_INDUSTRY.get(division_of.get(row["gbt_industry"].strip(), ""))
        if industry is not None:
            kept.append(Posting(row["title"], row["description"], tuple(row["skills"]), industry.value))
    counts = {"total": len(rows), "with_division": len(with_division), "mapped": len(kept)}
    return kept, counts


def score(truth: Sequence[str], predicted: Sequence[str], confidence: Sequence[float]) -> dict[str, Any]:
    """Top-1 accuracy, macro-F1 and accuracy among confident answers with their coverage.

    Macro-F1 averages over the industries present in ``truth`` only, so a set without (say)
    marine postings is not marked down for a class it cannot test.
    """
    y, p, c = np.asarray(truth), np.asarray(predicted), np.asarray(confidence, dtype=float)
    sure = c >= CONFIDENT
    return {
        "n": int(len(y)),
        "accuracy": round(float(accuracy_score(y, p)), 4),
        "macro_f1": round(float(f1_score(y, p, labels=sorted(set(y)), average="macro", zero_division=0)), 4),
        "confident_accuracy": round(float(accuracy_score(y[sure], p[sure])), 4) if sure.any() else None,
        "confident_coverage": round(float(sure.mean()), 4),
        "mean_confidence": round(float(c.mean()), 4),  # beside accuracy: a rough calibration check
    }


def evaluate_model(model: Any, postings: Sequence[Posting]) -> dict[str, Any]:
    probabilities = model.predict_proba([p.text for p in postings])
    predicted = model.classes_[probabilities.argmax(axis=1)]
    result = score([p.industry for p in postings], list(predicted), list(probabilities.max(axis=1)))
    result["per_industry_recall"] = _recall_by_class([p.industry for p in postings], list(predicted))
    return result


def evaluate_keywords(postings: Sequence[Posting]) -> dict[str, Any]:
    votes = [keyword_vote(title=p.title, description=p.description, skills=p.skills) for p in postings]
    return score([p.industry for p in postings], [v.industry.value for v in votes], [v.confidence for v in votes])


def _recall_by_class(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    recall = {}
    for industry in sorted(set(truth)):
        hits = [p == t for t, p in zip(truth, predicted) if t == industry]
        recall[industry] = round(sum(hits) / len(hits), 3)
    return recall


def grouped_check(postings: Sequence[Posting], groups: Sequence[str]) -> dict[str, Any]:
    """Leave-occupations-out: every posting predicted by a model that never saw its template."""
    texts = np.array([p.text for p in postings], dtype=object)
    truth = np.array([p.industry for p in postings])
    predicted = np.empty(len(postings), dtype=object)
    confidence = np.zeros(len(postings))
    for train, test in GroupKFold(n_splits=3).split(texts, truth, groups):
        model = build_pipeline(seed=SEED).fit(list(texts[train]), truth[train])
        probabilities = model.predict_proba(list(texts[test]))
        predicted[test] = model.classes_[probabilities.argmax(axis=1)]
        confidence[test] = probabilities.max(axis=1)
    return score(list(truth), list(predicted), list(confidence))


def slim(model: Any) -> Any:
    # ``stop_words_`` lists every n-gram pruned by min_df/max_df/max_features; it is only for
    # introspection and would otherwise be most of the file.
    model.named_steps["tfidf"].stop_words_ = None
    return model


def markdown_table(results: dict[str, dict[str, Any]]) -> str:
    def cell(value: float | None) -> str:
        return "–" if value is None else f"{value:.3f}"

    lines = [
        "| evaluation set | n | method | accuracy | macro-F1 "
        f"| accuracy at conf ≥ {CONFIDENT} | coverage at ≥ {CONFIDENT} |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, by_method in results.items():
        for method, m in by_method.items():
            lines.append(
                f"| {name} | {m['n']} | {method} | {cell(m['accuracy'])} | {cell(m['macro_f1'])} "
                f"| {cell(m['confident_accuracy'])} | {cell(m['confident_coverage'])} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-save", action="store_true", help="evaluate only; leave the artefact alone")
    args = parser.parse_args()
    started = time.perf_counter()

    synthetic, groups = synthetic_postings()
    labels = [p.industry for p in synthetic]
    train, test = train_test_split(synthetic, test_size=0.2, random_state=SEED, stratify=labels)
    split_model = build_pipeline(seed=SEED).fit([p.text for p in train], [p.industry for p in train])

    results: dict[str, dict[str, Any]] = {}
    model = build_pipeline(seed=SEED).fit([p.text for p in synthetic], labels)
    handwritten = handwritten_postings()
    results["hand-written (other author), held out"] = {
        "model": evaluate_model(model, handwritten), "keyword vote": evaluate_keywords(handwritten),
    }
    real = real_postings()
    coverage: dict[str, int] | None = None
    if real is not None:
        real_set, coverage = real
        results["real postings, GB/T division mapped (employer-level labels)"] = {
            "model": evaluate_model(model, real_set), "keyword vote": evaluate_keywords(real_set),
        }
    else:
        print(f"(real postings not found at {REAL_PATH}; external check skipped)")
    results["synthetic, leave-occupations-out (3 folds)"] = {
        "model": grouped_check(synthetic, groups), "keyword vote": evaluate_keywords(synthetic),
    }
    results["synthetic, random 20% split (optimistic)"] = {
        "model": evaluate_model(split_model, test), "keyword vote": evaluate_keywords(test),
    }

    print(markdown_table(results))
    if coverage is not None:
        print(f"\nreal postings: {coverage['with_division']} of {coverage['total']} carry a division; "
              f"{coverage['mapped']} map clearly to one of the ten industries and were scored.")
    elapsed = time.perf_counter() - started
    print(f"\n{elapsed:.0f} s")
    if args.no_save:
        return

    slim(model)
    DEFAULT_MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, DEFAULT_MODEL_PATH, compress=("xz", 6))
    metrics = {
        "made": datetime.date.today().isoformat(),
        "artefact": DEFAULT_MODEL_PATH.name,
        "artefact_bytes": DEFAULT_MODEL_PATH.stat().st_size,
        "sklearn_version": sklearn.__version__,
        "python_version": platform.python_version(),
        "training_data": {
            "source": "synthetic: synthetic.generate.generate_jobs", "seed": SEED, "count": len(synthetic),
            "by_industry": {code: labels.count(code) for code in sorted(set(labels))},
        },
        "model": {
            "features": "TF-IDF char 1-2-grams of title + skills + description (sublinear, min_df 3, max_df 0.5)",
            "classifier": "LogisticRegression(C=4, class_weight=balanced)",
            "vocabulary_size": len(model.named_steps["tfidf"].vocabulary_),
        },
        "confident_threshold": CONFIDENT,
        "real_postings_coverage": coverage,
        "division_to_industry": {code: industry.value for code, industry in DIVISION_TO_INDUSTRY.items()},
        "evaluation": results,
        "seconds": round(elapsed, 1),
    }
    METRICS_PATH.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"saved {DEFAULT_MODEL_PATH.relative_to(REPO_ROOT)} ({metrics['artefact_bytes'] / 1e6:.2f} MB) "
          f"and {METRICS_PATH.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
