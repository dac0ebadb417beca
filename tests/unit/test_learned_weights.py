"""Learned ranking weights: the loader's strictness, the setting switch, and the fit itself.

Why these tests: a bad artefact must never skew every ranking silently (the loader refuses it and
the service falls back to the hand-set weights), an operator's explicit weights must still win,
and the fit must recover a component that clearly drives outcomes, without credit for components
that only differ between lists or that push outcomes down.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.config import DEFAULT_RANKER_PATH, Settings
from app.db.base import Base
from app.db.models import Feedback, MatchImpression
from app.matching.learned_weights import fit_component_weights, load_learned_weights
from app.matching.scorer import DEFAULT_WEIGHTS
from app.services.runtime import ranking_settings

REPO = Path(__file__).resolve().parents[2]
LEARNED = {name: round(1.0 / len(DEFAULT_WEIGHTS), 6) for name in DEFAULT_WEIGHTS}


def _write(path: Path, content: Any) -> Path:
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


@pytest.fixture
def artefact(tmp_path: Path) -> Path:
    return _write(tmp_path / "ranker.json", {"format": "jobmatch-ranker/1", "weights": LEARNED, "source": "simulated"})


def _train_ranker() -> ModuleType:
    """scripts/ is not a package; load the script as a module to test its labelling and reading."""
    spec = importlib.util.spec_from_file_location("train_ranker", REPO / "scripts" / "train_ranker.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_ranker"] = module
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------------------------ loading


def test_valid_artefact_loads_in_component_order(artefact: Path) -> None:
    weights = load_learned_weights(artefact)
    assert weights == LEARNED
    assert list(weights) == list(DEFAULT_WEIGHTS)


def test_missing_artefact_is_none_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="app.matching.learned_weights"):
        assert load_learned_weights(tmp_path / "absent.json") is None
    assert "not found" in caplog.text


def _with(**changes: Any) -> dict[str, Any]:
    return {**LEARNED, **changes}


@pytest.mark.parametrize("content", [
    "{not json",
    "[]",
    {"weights": "semantic"},
    {"no_weights": LEARNED},
    {"weights": _with(semantic=-0.1)},
    {"weights": _with(semantic=math.nan)},  # json.dumps writes NaN, which json.loads accepts
    {"weights": _with(semantic=math.inf)},
    {"weights": _with(semantic="0.3")},
    {"weights": _with(semantic=True)},
    {"weights": {name: 0.0 for name in DEFAULT_WEIGHTS}},
    {"weights": {k: v for k, v in LEARNED.items() if k != "city"}},  # stale: a component missing
    {"weights": _with(commute=0.1)},  # stale: a component the engine lacks
], ids=["not-json", "not-object", "weights-not-object", "no-weights", "negative", "nan", "inf", "string",
        "bool", "all-zero", "missing-component", "unknown-component"])
def test_malformed_artefact_is_none_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                   content: Any) -> None:
    path = _write(tmp_path / "ranker.json", content)
    with caplog.at_level(logging.WARNING, logger="app.matching.learned_weights"):
        assert load_learned_weights(path) is None
    assert "hand-set" in caplog.text


def test_shipped_artefact_matches_the_engines_components() -> None:
    # Fails when a component is added or renamed without retraining scripts/train_ranker.py.
    raw = json.loads(DEFAULT_RANKER_PATH.read_text(encoding="utf-8"))
    assert load_learned_weights(DEFAULT_RANKER_PATH) is not None
    assert raw["source"] in {"simulated", "database"}
    assert {"trained_at", "n_impressions", "n_positives", "metrics", "sklearn_version"} <= raw.keys()
    assert math.isclose(sum(raw["weights"].values()), 1.0, abs_tol=1e-4)


# ------------------------------------------------------------------------------------ setting


def test_setting_switch(artefact: Path, tmp_path: Path) -> None:
    on = ranking_settings(Settings(use_learned_ranker=True, ranker_path=artefact))
    off = ranking_settings(Settings(use_learned_ranker=False, ranker_path=artefact))
    missing = ranking_settings(Settings(use_learned_ranker=True, ranker_path=tmp_path / "absent.json"))
    assert dict(on.weights) == LEARNED
    assert dict(off.weights) == DEFAULT_WEIGHTS
    assert dict(missing.weights) == DEFAULT_WEIGHTS


def test_explicit_weights_override_learned_ones_per_component(artefact: Path) -> None:
    settings = Settings(use_learned_ranker=True, ranker_path=artefact, ranking_weights={"city": 0.5})
    assert dict(ranking_settings(settings).weights) == {**LEARNED, "city": 0.5}


def test_setting_is_read_from_the_environment(artefact: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBMATCH_USE_LEARNED_RANKER", "true")
    monkeypatch.setenv("JOBMATCH_RANKER_PATH", str(artefact))
    assert dict(ranking_settings(Settings()).weights) == LEARNED


# ------------------------------------------------------------------------------------ fitting


def _synthetic(n: int = 4000, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Three components: "driver" raises the apply rate, "noise" does nothing, "repellent" lowers it;
    plus "level", constant within each list but differing between lists."""
    rng = np.random.default_rng(seed)
    groups = np.repeat(np.arange(n // 10), 10)
    level = rng.random(n // 10)[groups]
    x = np.column_stack([rng.random(n), rng.random(n), rng.random(n), level])
    logit = -3.0 + 5.0 * x[:, 0] - 2.0 * x[:, 2] + 3.0 * x[:, 3]
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-logit))).astype(int)
    return x, y, groups


NAMES = ("driver", "noise", "repellent", "level")


def test_fit_ranks_the_driving_component_highest_and_never_negative() -> None:
    x, y, _ = _synthetic()
    fitted = fit_component_weights(x, y, NAMES)
    assert max(fitted.weights, key=fitted.weights.__getitem__) == "driver"
    assert fitted.weights["repellent"] == 0.0 and "repellent" in fitted.dropped
    assert all(w >= 0 for w in fitted.weights.values())
    assert math.isclose(sum(fitted.weights.values()), 1.0, abs_tol=1e-4)
    assert fit_component_weights(x, y, NAMES) == fitted  # deterministic


def test_grouped_fit_gives_no_credit_to_between_list_differences() -> None:
    x, y, groups = _synthetic()
    assert fit_component_weights(x, y, NAMES).weights["level"] > 0.2  # ungrouped: learns the list effect
    fitted = fit_component_weights(x, y, NAMES, groups=groups)
    assert "level" in fitted.kept and fitted.weights["level"] == 0.0
    assert max(fitted.weights, key=fitted.weights.__getitem__) == "driver"


def test_kept_and_constant_components_keep_their_prior_share() -> None:
    x, y, _ = _synthetic()
    x[:, 1] = 1.0  # constant: the data say nothing about it
    prior = {"driver": 2.0, "noise": 1.0, "repellent": 1.0, "level": 6.0}  # shares 0.2 / 0.1 / 0.1 / 0.6
    fitted = fit_component_weights(x, y, NAMES, prior=prior, keep=("level",))
    assert set(fitted.kept) == {"noise", "level"}
    assert fitted.weights["noise"] == pytest.approx(0.1) and fitted.weights["level"] == pytest.approx(0.6)
    assert fitted.weights["driver"] == pytest.approx(0.3, abs=1e-6)  # all of what is left; repellent is 0


def test_fit_refuses_data_without_both_outcomes() -> None:
    x, _, _ = _synthetic(n=100)
    with pytest.raises(ValueError, match="both"):
        fit_component_weights(x, np.zeros(100, dtype=int), NAMES)


# ------------------------------------------------------------------------- the training script


def test_outcome_labels() -> None:
    tr = _train_ranker()
    assert tr.outcome(frozenset({"impression", "click", "apply"}), click_weight=0.0) == (1, 1.0)
    assert tr.outcome(frozenset({"impression", "hire"}), click_weight=0.0) == (1, 1.0)
    assert tr.outcome(frozenset({"impression", "click", "dismiss"}), click_weight=0.3) == (0, 1.0)
    assert tr.outcome(frozenset({"impression"}), click_weight=0.0) == (0, 1.0)
    assert tr.outcome(frozenset({"impression", "click"}), click_weight=0.0) is None
    assert tr.outcome(frozenset({"impression", "click"}), click_weight=0.3) == (1, 0.3)


def test_database_log_joins_impressions_with_their_feedback(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'log.db'}"
    engine = create_engine(url)  # no foreign-key pragma: the test needs no jobs or graduates
    Base.metadata.create_all(engine, tables=[MatchImpression.__table__, Feedback.__table__])
    components = {name: 0.5 for name in DEFAULT_WEIGHTS}
    with Session(engine) as session:
        session.add_all([
            MatchImpression(match_id="m1", graduate_id=7, job_id=1, rank=1, score=0.5, components=components),
            MatchImpression(match_id="m1", graduate_id=7, job_id=2, rank=2, score=0.4, components=components),
            MatchImpression(match_id="m1", graduate_id=7, job_id=3, rank=3, score=0.3, components={"old": 1.0}),
            Feedback(match_id="m1", job_id=1, event="click"),
            Feedback(match_id="m1", job_id=1, event="apply"),
            Feedback(match_id="m1", job_id=2, event="dismiss"),
        ])
        session.commit()
    engine.dispose()
    log, skipped = _train_ranker().load_database_log(url)
    assert skipped == 1  # logged under another component set
    by_job = {imp.job_id: imp for imp in log}
    assert by_job[1].events == {"impression", "click", "apply"} and by_job[1].rank == 1
    assert by_job[2].events == {"impression", "dismiss"}
    assert by_job[1].group == "graduate/7" and len(by_job[1].x) == len(DEFAULT_WEIGHTS)
