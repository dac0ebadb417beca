"""VectorIndex: exact search, upserts, removal, filters, model guard and the ANN path."""
from __future__ import annotations

import time

import numpy as np
import pytest

from app.matching.vector_index import ModelMismatchError, VectorIndex

MODEL = "test-model@1"
DIM = 32


def _unit(rows: int, dim: int = DIM, seed: int = 0) -> np.ndarray:
    matrix = np.random.default_rng(seed).standard_normal((rows, dim)).astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def _brute_force(ids: np.ndarray, matrix: np.ndarray, query: np.ndarray, k: int) -> list[int]:
    return [int(ids[i]) for i in np.argsort(-(matrix @ query), kind="stable")[:k]]


@pytest.fixture
def filled() -> tuple[VectorIndex, np.ndarray, np.ndarray]:
    ids = np.arange(100, 600)
    matrix = _unit(500)
    index = VectorIndex(model_id=MODEL, dim=DIM)
    index.upsert(ids, matrix, model_id=MODEL)
    return index, ids, matrix


def test_exact_search_matches_brute_force(filled: tuple[VectorIndex, np.ndarray, np.ndarray]) -> None:
    index, ids, matrix = filled
    for query in _unit(20, seed=1):
        result = index.search(query, k=10)
        assert [i for i, _ in result] == _brute_force(ids, matrix, query, 10)
        scores = [s for _, s in result]
        assert scores == sorted(scores, reverse=True)
        assert scores[0] == pytest.approx(float(matrix[ids.tolist().index(result[0][0])] @ query), abs=1e-5)
    assert len(index) == 500 and not index.uses_ann


def test_upsert_replaces_and_normalises(filled: tuple[VectorIndex, np.ndarray, np.ndarray]) -> None:
    index, _, _ = filled
    target = _unit(1, seed=7)[0]
    index.upsert([250], 3.0 * target[None, :], model_id=MODEL)  # not unit length on purpose
    assert len(index) == 500
    best_id, best_score = index.search(target, k=1)[0]
    assert best_id == 250 and best_score == pytest.approx(1.0, abs=1e-5)


def test_remove_drops_ids_and_is_idempotent(filled: tuple[VectorIndex, np.ndarray, np.ndarray]) -> None:
    index, ids, matrix = filled
    index.remove([100, 101, 99999])
    index.remove([100])
    assert len(index) == 498 and 100 not in index and 102 in index
    assert all(i not in (100, 101) for i, _ in index.search(matrix[0], k=20))
    # a removed id can come back
    index.upsert([100], matrix[:1], model_id=MODEL)
    assert index.search(matrix[0], k=1)[0][0] == 100


@pytest.mark.parametrize("kind", ["set", "mask", "callable"])
def test_allowed_filter(filled: tuple[VectorIndex, np.ndarray, np.ndarray], kind: str) -> None:
    index, ids, matrix = filled
    wanted = {i for i in ids.tolist() if i % 7 == 0}
    if kind == "set":
        allowed: object = wanted
    elif kind == "mask":
        mask = np.zeros(1000, dtype=bool)
        mask[list(wanted)] = True
        allowed = mask
    else:
        allowed = lambda i: i in wanted  # noqa: E731
    query = _unit(1, seed=3)[0]
    result = index.search(query, k=5, allowed=allowed)  # type: ignore[arg-type]
    rows = np.array([i - 100 for i in sorted(wanted)])
    assert [i for i, _ in result] == _brute_force(ids[rows], matrix[rows], query, 5)


def test_model_mismatch_is_refused(filled: tuple[VectorIndex, np.ndarray, np.ndarray]) -> None:
    index, _, matrix = filled
    with pytest.raises(ModelMismatchError):
        index.upsert([1], matrix[:1], model_id="another-model@2")
    with pytest.raises(ModelMismatchError):
        index.search(matrix[0], k=3, model_id="another-model@2")
    with pytest.raises(ValueError):
        index.upsert([1], np.ones((1, DIM + 1), dtype=np.float32), model_id=MODEL)


def test_empty_index_and_small_k() -> None:
    index = VectorIndex(model_id=MODEL, dim=DIM)
    assert index.search(_unit(1)[0], k=5) == []
    index.upsert([1, 2], _unit(2), model_id=MODEL)
    assert len(index.search(_unit(1)[0], k=5)) == 2


def test_ann_path_recall_and_filters() -> None:
    pytest.importorskip("hnswlib", reason="hnswlib (the ANN library) is not installed")
    ids, matrix = np.arange(5000), _unit(5000, dim=64)
    index = VectorIndex(model_id=MODEL, dim=64, ann_threshold=1000, build_in_background=False)
    index.upsert(ids[:2500], matrix[:2500], model_id=MODEL)
    index.upsert(ids[2500:], matrix[2500:], model_id=MODEL)
    assert index.uses_ann
    queries = _unit(100, dim=64, seed=5)
    recall = np.mean(
        [len({i for i, _ in index.search(q, k=10)} & set(_brute_force(ids, matrix, q, 10))) / 10 for q in queries]
    )
    assert recall >= 0.95
    # removal and a re-insert on the ANN path
    index.remove(list(range(0, 5000, 2)))
    assert all(i % 2 == 1 for i, _ in index.search(queries[0], k=20))
    index.upsert([0], matrix[:1], model_id=MODEL)
    assert index.search(matrix[0], k=1)[0] == (0, pytest.approx(1.0, abs=1e-5))
    # a selective filter falls back to exact search over the subset and loses nothing
    few = {1, 3, 5, 7, 4999}
    assert {i for i, _ in index.search(queries[1], k=10, allowed=few)} == few
    odd = lambda i: i % 4 == 1  # noqa: E731
    rows = np.array([i for i in range(5000) if i % 4 == 1])
    got = [i for i, _ in index.search(queries[2], k=10, allowed=odd)]
    assert len(got) == 10 and all(i % 4 == 1 for i in got)
    assert len(set(got) & set(_brute_force(ids[rows], matrix[rows], queries[2], 10))) >= 9


def test_background_build_replays_writes_made_meanwhile() -> None:
    pytest.importorskip("hnswlib", reason="hnswlib (the ANN library) is not installed")
    matrix = _unit(3000, dim=32, seed=11)
    index = VectorIndex(model_id=MODEL, dim=32, ann_threshold=2000)  # builds in a thread
    index.upsert(np.arange(2000), matrix[:2000], model_id=MODEL)
    index.remove(list(range(0, 100)))  # likely before the graph is ready: queued, then replayed
    index.upsert(np.arange(2000, 3000), matrix[2000:], model_id=MODEL)
    assert index.search(matrix[2500], k=1)[0][0] == 2500  # exact search serves meanwhile
    deadline = time.monotonic() + 60
    while not index.uses_ann and time.monotonic() < deadline:
        time.sleep(0.05)
    assert index.uses_ann
    for probe in (150, 2500, 2999):
        assert index.search(matrix[probe], k=1)[0] == (probe, pytest.approx(1.0, abs=1e-5))
    assert all(i >= 100 for i, _ in index.search(matrix[5], k=50))
