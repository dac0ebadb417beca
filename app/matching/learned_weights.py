"""Component weights learned from recorded outcomes, and the loader the service uses at start-up.

Why learned weights: the hand-set ``scorer.DEFAULT_WEIGHTS`` are one person's guess of how much
each component (semantic, lexical, major, skills, …) matters. Recorded outcomes — which shown jobs
graduates applied to — can say which components actually separate the jobs people want from the
ones they pass over. ``scripts/train_ranker.py`` fits the model; this module holds the fit itself
(so tests can run it on a tiny matrix) and the loader.

Why only weights, not a new model form: the engine's relevance stays a weighted sum of named
components, so explanations, the P9 band and the component scores shown to staff keep their
meaning. The artefact is JSON (never a pickle) so it is readable in review and safe to load.

Why the loader is strict: a malformed, negative or stale artefact (trained on a different set of
components) must not silently skew every ranking; it is rejected with a warning and the service
falls back to the hand-set weights.
"""
from __future__ import annotations

import json
import logging
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.matching.scorer import DEFAULT_WEIGHTS

log = logging.getLogger(__name__)

ARTEFACT_FORMAT = "jobmatch-ranker/1"


def load_learned_weights(path: str | Path,
                         expected: Collection[str] = tuple(DEFAULT_WEIGHTS)) -> dict[str, float] | None:
    """The weights of a ranker artefact, or ``None`` (with a warning) if missing or unusable.

    ``expected`` is the engine's component set: an artefact must weigh exactly those components,
    because a component it never saw would otherwise be scored on the hand-set scale next to
    learned ones, and a component it names that the engine lacks means it is stale.
    """
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        log.warning("learned ranker %s not found; using the hand-set weights", path)
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        log.warning("learned ranker %s unreadable (%s); using the hand-set weights", path, error)
        return None
    problem = _problem(raw, set(expected))
    if problem is not None:
        log.warning("learned ranker %s rejected: %s; using the hand-set weights", path, problem)
        return None
    weights = raw["weights"]
    return {name: float(weights[name]) for name in expected}


def _problem(raw: Any, expected: set[str]) -> str | None:
    """Why an artefact cannot be used, or None if it can."""
    if not isinstance(raw, dict) or not isinstance(raw.get("weights"), dict):
        return "no 'weights' object"
    weights: dict[str, Any] = raw["weights"]
    names = set(weights)
    if names != expected:
        missing, unknown = sorted(expected - names), sorted(names - expected)
        return f"component set differs from the engine's (missing {missing}, unknown {unknown}); retrain"
    for name, value in weights.items():
        # bool is an int subclass; "true" as a weight is a writing error, not 1.0.
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return f"weight {name!r} is not a finite number"
        if value < 0:
            return f"weight {name!r} is negative"
    if sum(weights.values()) <= 0:
        return "all weights are zero"
    return None


# ------------------------------------------------------------------------------------- fitting


@dataclass(frozen=True)
class FittedWeights:
    """The result of :func:`fit_component_weights`.

    ``weights`` are what the engine uses (non-negative, summing to 1); the raw coefficients and
    the position terms are kept for the artefact so a reviewer can see what the model learned.
    """

    weights: dict[str, float]
    coefficients: dict[str, float]  # 0 for every component not fitted
    kept: tuple[str, ...]  # not learned: weight taken from the prior (asked for, or constant in the data)
    dropped: tuple[str, ...]  # learned as zero: a negative coefficient removed by the active set
    position_coefficients: dict[str, float]
    intercept: float


def position_matrix(ranks: np.ndarray, *, max_position: int) -> tuple[np.ndarray, list[str]]:
    """One-hot rank indicators (rank 1 is the reference; ranks past ``max_position`` share one).

    One way to absorb position bias (a job shown first is looked at far more often than one shown
    tenth): the indicators take the position effect and only component coefficients are kept.
    Under a deterministic logging ranker, though, rank is a function of the very components being
    fitted, so the indicators also soak up relevance; ``scripts/train_ranker.py`` measures this and
    prefers inverse-propensity weights, keeping the indicators as an ablation.
    """
    buckets = np.minimum(np.asarray(ranks, dtype=np.int64), max_position + 1)
    levels = list(range(2, max_position + 2))
    matrix = np.stack([(buckets == level).astype(np.float64) for level in levels], axis=1)
    names = [f"rank={level}" if level <= max_position else f"rank>{max_position}" for level in levels]
    return matrix, names


def fit_component_weights(features: np.ndarray, labels: np.ndarray, names: Sequence[str], *,
                          sample_weight: np.ndarray | None = None, groups: np.ndarray | None = None,
                          ranks: np.ndarray | None = None, max_position: int = 10, c: float = 1.0,
                          prior: Mapping[str, float] | None = None, keep: Collection[str] = ()) -> FittedWeights:
    """Logistic regression of the outcome on the component vector, with non-negative weights.

    Non-negativity is enforced by an active set: fit, drop the most negative component, refit,
    until none is negative. That is closer to the constrained optimum than clipping all negative
    coefficients after a single fit, because the remaining coefficients are re-estimated without
    the dropped one. Why non-negative at all: a component that *lowers* relevance as the fit
    improves (e.g. more skills matched → worse) would make explanations contradict the ranking;
    a negative coefficient here almost always means collinearity or selection bias, not truth.

    ``groups`` (one id per row: the shown list it belongs to) centres each component within its
    list before the fit. Why: the engine only ever compares jobs within one list, but a fit on raw
    values also learns why one graduate applies more than another (a profile whose candidates all
    score high on semantic similarity, and who happens to apply often, inflates that weight), and
    between-list differences say nothing about order within a list.

    Components in ``keep``, and components constant (within lists, if grouped) in the data, are
    not learned: they keep their ``prior`` weight (0 without a prior) and the learned ones share the
    rest of the total of 1.
    Why: data that cannot vary a component (job-type fit is 1 for every candidate that passed the
    job-type filter) or that by construction ignores it (simulated users who do not care about
    salary) say nothing about its weight, and 0 would be a claim, not an absence of evidence.
    """
    from sklearn.linear_model import LogisticRegression  # deferred: the service never fits

    x = np.asarray(features, dtype=np.float64)
    y = np.asarray(labels, dtype=np.int64)
    if x.ndim != 2 or x.shape[1] != len(names) or x.shape[0] != y.shape[0]:
        raise ValueError("features must be (n, len(names)) and labels (n,)")
    if len(set(y.tolist())) < 2:
        raise ValueError("need both positive and negative outcomes to fit")
    unknown = set(keep) - set(names)
    if unknown:
        raise ValueError(f"keep names unknown components: {sorted(unknown)}")
    if groups is not None:
        x = _centred_within(x, np.asarray(groups))
    if ranks is not None:
        extra, extra_names = position_matrix(ranks, max_position=max_position)
    else:
        extra, extra_names = np.empty((x.shape[0], 0)), []
    kept = [name for i, name in enumerate(names) if name in keep or np.ptp(x[:, i]) < 1e-9]
    active = [i for i, name in enumerate(names) if name not in kept]
    dropped: list[str] = []
    while active:
        model = LogisticRegression(C=c, max_iter=2000)  # lbfgs: deterministic, no seed needed
        model.fit(np.hstack([x[:, active], extra]), y, sample_weight=sample_weight)
        coef = model.coef_[0]
        worst = int(np.argmin(coef[: len(active)]))
        if coef[worst] >= 0:
            break
        dropped.append(names[active.pop(worst)])
    else:
        raise ValueError("no component is positively associated with the outcome")
    component_coef = {names[i]: float(coef[k]) for k, i in enumerate(active)}
    learned_total = sum(component_coef.values())
    if learned_total <= 0:
        raise ValueError("no component is positively associated with the outcome")
    # The prior is read as shares of a total of 1, whatever scale it was written on.
    prior_total = sum(max(0.0, float(v)) for v in (prior or {}).values())
    kept_weights = {name: max(0.0, float((prior or {}).get(name, 0.0))) / prior_total if prior_total else 0.0
                    for name in kept}
    share = 1.0 - sum(kept_weights.values())
    if share <= 0:
        raise ValueError("the kept components' prior weights leave nothing to learn")
    weights = {name: round(kept_weights[name] if name in kept_weights
                           else share * component_coef.get(name, 0.0) / learned_total, 6) for name in names}
    return FittedWeights(
        weights=weights,
        coefficients={name: round(component_coef.get(name, 0.0), 6) for name in names},
        kept=tuple(kept),
        dropped=tuple(dropped),
        position_coefficients={n: round(float(v), 6) for n, v in zip(extra_names, coef[len(active):], strict=True)},
        intercept=float(model.intercept_[0]),
    )


def _centred_within(x: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Subtract each group's column means (vectorised: one pass over rows, whatever the group count)."""
    if groups.shape[0] != x.shape[0]:
        raise ValueError("groups must have one id per row")
    _, inverse = np.unique(groups, return_inverse=True)
    counts = np.bincount(inverse).astype(np.float64)
    sums = np.zeros((counts.size, x.shape[1]))
    np.add.at(sums, inverse, x)
    return x - (sums / counts[:, None])[inverse]
