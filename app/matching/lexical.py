"""Chinese-aware lexical matching, so that an exact term ("PLC", "CAD", "护士执业资格") is never
lost to the embedding.

Tokens: ASCII words lower-cased (kept whole, so "c++", "c#", "node.js" survive); for every CJK
run its character bigrams, plus jieba's precise-mode words of three or more characters (shorter
ones would only duplicate a bigram). jieba alone misses a query word that its dictionary glues
into a longer one ("电工" inside 电工证, "数控" inside 数控车床); the whole words give a
certificate name such as 护士执业资格 one high-idf token of its own.

Measured on 1,000 real postings from the shared reference set (seed-0 shuffle, 其他 left out;
description + skills indexed, titles not): each title as a query (MRR of its own posting; group
P@10 = share of the top 10 in the same ``coarse_group``), and 36 skill/certificate terms such as
PLC, CAD, 数控, 电工, 叉车, 护士执业资格, 教师资格证 (term P@10 = share of the top min(10, #postings
containing it) that literally contain the term):

| tokens | title MRR | title group P@10 | term P@10 | tokens / posting |
|---|---|---|---|---|
| jieba | 0.348 | 0.586 | 0.938 | 128 |
| bigram | 0.379 | 0.608 | 0.994 | 213 |
| both | 0.364 | 0.590 | 0.997 | 225 |

jieba alone loses exact terms (电工 P@10 0.3, 叉车 0.6, 厨师 0.6). Bigram-only and "both" are
within noise of each other; "both" (``TOKEN_MODE``) is kept because exact terms are this
module's job and it is best there, at a cost of ~1 s per 1,000 postings to index.

Scores are BM25 (k1=1.2, b=0.75) normalised into [0, 1] by the query's own idf mass: 1.0 means
every query term that occurs anywhere in the corpus occurs in the posting (at average length),
so the number is comparable across queries and a weak match is not inflated to 1.
"""
from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import sparse

TokenMode = Literal["jieba", "bigram", "both"]
TOKEN_MODE: TokenMode = "both"

# ASCII terms keep their inner dots/dashes and trailing +/#: c++, c#, node.js, .net, 3ds-max.
_ASCII_TERM = re.compile(r"\.?[a-z0-9]+(?:[.\-][a-z0-9]+)*[+#]*")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HAS_LETTER = re.compile(r"[a-z]")

# Spellings of the same skill or certificate, mapped to one canonical key. Kept small and
# obvious on purpose: a wrong synonym silently merges two skills.
SYNONYMS: dict[str, str] = {
    "cpp": "c++",
    "csharp": "c#",
    "js": "javascript",
    "ts": "typescript",
    "golang": "go",
    "ps": "photoshop",
    "pr": "premiere",
    "ae": "after effects",
    "autocad": "cad",
    "k8s": "kubernetes",
    "postgres": "postgresql",
    "护士证": "护士执业资格",
    "护士执业证": "护士执业资格",
    "护士执业证书": "护士执业资格",
    "护士执业资格证": "护士执业资格",
    "护士执业资格证书": "护士执业资格",
    "驾照": "驾驶证",
    "计算机二级": "全国计算机等级考试二级",
}

# Words jieba should keep whole on both sides; certificate names above all.
_DOMAIN_WORDS: tuple[str, ...] = (
    "护士执业资格", "执业医师", "执业药师", "养老护理员", "育婴师", "电工证", "焊工证",
    "叉车证", "教师资格证", "注册会计师", "初级会计", "跨境电商", "直播带货",
)

_jieba_lock = threading.Lock()
_jieba_ready = False


def _jieba():  # type: ignore[no-untyped-def]
    """jieba, initialised once and quietly (it logs its dictionary build at INFO by default)."""
    global _jieba_ready
    import jieba

    if not _jieba_ready:
        with _jieba_lock:
            if not _jieba_ready:
                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                for word in _DOMAIN_WORDS:
                    jieba.add_word(word)
                _jieba_ready = True
    return jieba


def normalise(text: str) -> str:
    """Full-width → half-width (NFKC) and lower case, as both sides of a comparison need."""
    return unicodedata.normalize("NFKC", text).lower()


@lru_cache(maxsize=65_536)
def canonical_term(term: str) -> str:
    """One key per skill spelling: normalised, inner whitespace collapsed, synonyms applied.

    Cached: matching compares the same graduate terms against every candidate posting, and this
    normalisation was the largest cost of a query after the lexical fix (bench_match.py profile)."""
    key = " ".join(normalise(term).split())
    return SYNONYMS.get(key, SYNONYMS.get(key.replace(" ", ""), key))


def tokenize(text: str, *, mode: TokenMode = TOKEN_MODE) -> list[str]:
    """Tokens for lexical matching; see the module docstring for why both word kinds."""
    text = normalise(text)
    tokens = [
        SYNONYMS.get(word, word)
        for word in _ASCII_TERM.findall(text)
        if _HAS_LETTER.search(word)  # bare numbers ("3年", "2024") match everything and nothing
    ]
    for run in _CJK_RUN.findall(text):
        if mode == "jieba":
            tokens.extend(SYNONYMS.get(w, w) for w in _jieba().lcut(run, cut_all=False))
        elif mode == "both":
            # Words of one or two characters are already single tokens or bigrams; adding them
            # again would double their weight against longer words.
            words = _jieba().lcut(run, cut_all=False) if len(run) > 2 else []
            tokens.extend(SYNONYMS.get(w, w) for w in words if len(w) > 2)
        if mode in ("bigram", "both"):
            if len(run) == 1:
                tokens.append(run)
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


# ----------------------------------------------------------------------------- skills overlap


@lru_cache(maxsize=4_096)
def _query_terms(query_text: str, mode: TokenMode) -> frozenset[str]:
    """A query's distinct terms. Cached because one query text is scored against several indexes
    (a profile against posting bodies and titles; a fair scores each graduate against both), and
    jieba's segmentation was ~30% of a fair's scoring time. Postings are not cached: each is
    tokenised once, when it is stored."""
    return frozenset(tokenize(query_text, mode=mode))


def _is_ascii(key: str) -> bool:
    return key.isascii()


def _covers(required: str, offered: str) -> bool:
    if required == offered:
        return True
    if _is_ascii(required):
        # Whole-token only: "c" must not match "c++", "java" must not match "javascript".
        return required in _ASCII_TERM.findall(offered)
    # A CJK requirement is met by a longer offered term that contains it (护理 ⊂ 护理学); the
    # reverse would credit "护士" for a required "护士执业资格".
    return len(required) >= 2 and required in offered


def term_overlap(a: Sequence[str], b: Sequence[str]) -> tuple[list[str], list[str]]:
    """Matched and missing terms of ``a`` (e.g. required skills) given ``b`` (offered skills).

    Returned in ``a``'s order and spelling, de-duplicated by canonical key.
    """
    offered = [canonical_term(t) for t in b if t and t.strip()]
    matched: list[str] = []
    missing: list[str] = []
    seen: set[str] = set()
    for term in a:
        key = canonical_term(term) if term else ""
        if not key or key in seen:
            continue
        seen.add(key)
        (matched if any(_covers(key, o) for o in offered) else missing).append(term.strip())
    return matched, missing


# -------------------------------------------------------------------------------- BM25 index


@dataclass(frozen=True)
class LexicalArrays:
    """A compacted index as plain arrays, for a snapshot (app.matching.snapshot): the BM25 matrix in
    CSC form (``data`` saturated term frequencies at ``avgdl``, ``tf`` the raw counts beside them),
    the posting id and length of each row (rows sorted by id) and the vocabulary in column order."""

    data: np.ndarray  # float32, saturated tf per non-zero
    tf: np.ndarray  # uint16, raw term frequency per non-zero (same order)
    indices: np.ndarray  # int32, row of each non-zero
    indptr: np.ndarray  # int64, column starts
    ids: np.ndarray  # int64, posting id per row, ascending
    lengths: np.ndarray  # float32, token count per row
    avgdl: float
    terms: list[str]


class LexicalIndex:
    """BM25 over postings, updatable by id, held as arrays rather than Python objects per posting.

    The bulk of the postings live in a *base*: one CSC matrix of BM25-saturated term frequencies
    (computed at the base's average length), their raw counts beside them, and a live flag per row.
    A posting written since the base was built is *pending*: its token ids and counts as two small
    arrays, scored with the current average length (one cached CSC over all pending postings, so no
    Python loop per posting). Upserting or removing a base posting only clears its live flag. Once
    the pending changes exceed ``rebuild_after`` or 10% of the postings, the base is rebuilt from
    the arrays (no re-tokenising). Document frequencies are counted at query time over the query's
    own columns, so they are exact at all times without a per-term table.

    Scores are the same numbers the earlier per-posting ``Counter`` index gave (tests keep it as a
    reference); 10 bytes per distinct (posting, token) pair instead of ~36 (scripts/bench_lexical.py).
    One lock serialises writes and scoring, so it can be shared by request threads.
    """

    K1 = 1.2
    B = 0.75

    def __init__(self, *, mode: TokenMode = TOKEN_MODE, rebuild_after: int = 1000) -> None:
        self._mode = mode
        self._rebuild_after = rebuild_after
        self._lock = threading.RLock()
        self._vocab: dict[str, int] = {}
        self._terms: list[str] = []
        # The base: rows sorted by id; a row whose posting was rewritten or removed is not live.
        self._base = sparse.csc_matrix((0, 0), dtype=np.float32)
        self._base_tf = np.empty(0, dtype=np.uint16)
        self._base_ids = np.empty(0, dtype=np.int64)
        self._base_len = np.empty(0, dtype=np.float32)
        self._base_live = np.empty(0, dtype=np.bool_)
        self._base_avgdl = 1.0
        self._base_live_count = 0
        # Pending postings: id → (term ids, counts); and their CSC, rebuilt lazily after a write.
        self._pending: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._delta: tuple[sparse.csc_matrix, np.ndarray, np.ndarray] | None = None
        self._total_len = 0.0
        self._changed: set[int] = set()  # ids written since the base was built

    # ------------------------------------------------------------------------------ size

    def __len__(self) -> int:
        return self._base_live_count + len(self._pending)

    def __contains__(self, doc_id: object) -> bool:
        if not isinstance(doc_id, (int, np.integer)):
            return False
        with self._lock:
            return int(doc_id) in self._pending or self._base_row(int(doc_id)) is not None

    def _base_row(self, doc_id: int) -> int | None:
        row = int(np.searchsorted(self._base_ids, doc_id))
        if row < len(self._base_ids) and self._base_ids[row] == doc_id and self._base_live[row]:
            return row
        return None

    # ------------------------------------------------------------------------------ writes

    def upsert(self, doc_id: int, text: str) -> None:
        self.upsert_many([(doc_id, text)])

    def upsert_many(self, items: Iterable[tuple[int, str]]) -> None:
        # Tokenising (jieba) is the slow part: done before taking the lock so that scoring
        # continues while a large batch is indexed.
        self.upsert_tokens([(int(doc_id), tokenize(text, mode=self._mode)) for doc_id, text in items])

    def upsert_tokens(self, items: Iterable[tuple[int, Sequence[str]]]) -> None:
        """Insert or replace postings already tokenised (``tokenize`` with this index's mode)."""
        counted = [(int(doc_id), Counter(tokens)) for doc_id, tokens in items]
        with self._lock:
            for doc_id, counts in counted:
                self._drop(doc_id)
                term_ids = np.fromiter((self._term_id(t) for t in counts), dtype=np.int32, count=len(counts))
                tfs = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
                self._pending[doc_id] = (term_ids, tfs)
                self._total_len += float(tfs.sum())
                self._changed.add(doc_id)
            self._delta = None
            self._maybe_rebuild()

    def remove(self, ids: Iterable[int]) -> None:
        with self._lock:
            for doc_id in ids:
                self._drop(int(doc_id))
            self._delta = None
            self._maybe_rebuild()

    def _term_id(self, term: str) -> int:
        term_id = self._vocab.get(term)
        if term_id is None:
            term_id = self._vocab[term] = len(self._terms)
            self._terms.append(term)
        return term_id

    def _drop(self, doc_id: int) -> None:
        pending = self._pending.pop(doc_id, None)
        if pending is not None:
            self._total_len -= float(pending[1].sum())
            self._changed.add(doc_id)
            return
        row = self._base_row(doc_id)
        if row is not None:
            self._base_live[row] = False
            self._base_live_count -= 1
            self._total_len -= float(self._base_len[row])
            self._changed.add(doc_id)

    def _maybe_rebuild(self) -> None:
        if len(self._changed) > max(self._rebuild_after, len(self) // 10):
            self._rebuild()

    def _rebuild(self) -> None:
        """A new base from the live base rows and the pending postings, vocabulary pruned to the
        terms still in use, values saturated at the current average length."""
        base = self._base
        columns = np.repeat(np.arange(base.shape[1], dtype=np.int64), np.diff(base.indptr))
        live = self._base_live[base.indices]
        rows_old = base.indices[live]
        cols = [columns[live]]
        tfs = [self._base_tf[live].astype(np.float32)]
        ids = [self._base_ids[rows_old]]
        lengths = [self._base_len[self._base_live]]
        live_ids = self._base_ids[self._base_live]
        for doc_id, (term_ids, counts) in self._pending.items():
            cols.append(term_ids.astype(np.int64))
            tfs.append(counts)
            ids.append(np.full(len(term_ids), doc_id, dtype=np.int64))
        pending_ids = np.fromiter(self._pending.keys(), dtype=np.int64, count=len(self._pending))
        pending_len = np.fromiter((float(c.sum()) for _, c in self._pending.values()), dtype=np.float32,
                                  count=len(self._pending))
        all_ids = np.concatenate([live_ids, pending_ids])
        all_len = np.concatenate([lengths[0], pending_len])
        order = np.argsort(all_ids, kind="stable")
        doc_ids, doc_len = all_ids[order], all_len[order]
        nnz_ids, nnz_cols, nnz_tf = np.concatenate(ids), np.concatenate(cols), np.concatenate(tfs)
        nnz_rows = np.searchsorted(doc_ids, nnz_ids)
        del nnz_ids
        # Prune the vocabulary to the terms still in use (a counting pass, no sort).
        used = np.flatnonzero(np.bincount(nnz_cols, minlength=len(self._terms)))
        remap = np.full(len(self._terms), -1, dtype=np.int64)
        remap[used] = np.arange(len(used))
        self._terms = [self._terms[i] for i in used.tolist()]
        self._vocab = {term: i for i, term in enumerate(self._terms)}
        avgdl = max(float(doc_len.sum()) / max(len(doc_ids), 1), 1.0)
        self._install(tf=nnz_tf, rows=nnz_rows, cols=remap[nnz_cols], ids=doc_ids, lengths=doc_len, avgdl=avgdl)

    def _install(self, *, tf: np.ndarray, rows: np.ndarray, cols: np.ndarray, ids: np.ndarray,
                 lengths: np.ndarray, avgdl: float) -> None:
        norm = self.K1 * (1 - self.B + self.B * lengths.astype(np.float64) / avgdl)
        tf64 = tf.astype(np.float64)
        values = tf64 * (self.K1 + 1) / (tf64 + norm[rows])
        del tf64
        # CSC through scipy's counting sort, carrying each entry's position so that the raw counts
        # follow the same order (positions up to 2**53 are exact in float64).
        order_matrix = sparse.csc_matrix(
            (np.arange(len(tf), dtype=np.float64), (rows, cols)), shape=(len(ids), len(self._terms)))
        order_matrix.sort_indices()
        order = order_matrix.data.astype(np.int64)
        self._base = sparse.csc_matrix(
            (values[order].astype(np.float32), order_matrix.indices.astype(np.int32), order_matrix.indptr.astype(np.int64)),
            shape=(len(ids), len(self._terms)))
        self._base_tf = np.minimum(tf[order], np.iinfo(np.uint16).max).astype(np.uint16)
        self._base_ids, self._base_len, self._base_avgdl = ids, lengths.astype(np.float32), avgdl
        self._base_live = np.ones(len(ids), dtype=np.bool_)
        self._base_live_count = len(ids)
        self._pending, self._delta, self._changed = {}, None, set()
        self._total_len = float(self._base_len.sum())

    def compact(self) -> None:
        """Fold every pending change into the base (after a bulk load), so queries stay vectorised."""
        with self._lock:
            if self._changed:
                self._rebuild()

    # ------------------------------------------------------------------------------ snapshot

    def export_arrays(self) -> LexicalArrays:
        """The compacted index as arrays (compacts first), for a snapshot."""
        with self._lock:
            self.compact()
            base = self._base
            return LexicalArrays(data=base.data, tf=self._base_tf, indices=base.indices, indptr=base.indptr,
                                 ids=self._base_ids, lengths=self._base_len, avgdl=self._base_avgdl,
                                 terms=list(self._terms))

    @classmethod
    def from_arrays(cls, arrays: LexicalArrays, *, mode: TokenMode = TOKEN_MODE,
                    rebuild_after: int = 1000) -> LexicalIndex:
        """An index over saved arrays, used as they are (memory-mapped arrays stay shared)."""
        index = cls(mode=mode, rebuild_after=rebuild_after)
        n_rows, n_terms = len(arrays.ids), len(arrays.terms)
        if len(arrays.indptr) != n_terms + 1 or len(arrays.lengths) != n_rows or \
                len(arrays.data) != len(arrays.indices) or len(arrays.tf) != len(arrays.data):
            raise ValueError("inconsistent lexical arrays")
        index._terms = list(arrays.terms)
        index._vocab = {term: i for i, term in enumerate(index._terms)}
        index._base = sparse.csc_matrix((arrays.data, arrays.indices, arrays.indptr), shape=(n_rows, n_terms),
                                        copy=False)
        index._base_tf, index._base_ids, index._base_len = arrays.tf, arrays.ids, arrays.lengths
        index._base_avgdl = float(arrays.avgdl)
        index._base_live = np.ones(n_rows, dtype=np.bool_)
        index._base_live_count = n_rows
        index._total_len = float(np.asarray(arrays.lengths, dtype=np.float64).sum())
        return index

    # ------------------------------------------------------------------------------ reads

    def _delta_matrix(self) -> tuple[sparse.csc_matrix, np.ndarray, np.ndarray]:
        """(raw-count CSC, ids, lengths) of the pending postings, cached until the next write."""
        if self._delta is None:
            ids = np.fromiter(self._pending.keys(), dtype=np.int64, count=len(self._pending))
            parts = list(self._pending.values())
            lengths = np.fromiter((float(c.sum()) for _, c in parts), dtype=np.float64, count=len(parts))
            cols = np.concatenate([t for t, _ in parts]) if parts else np.empty(0, dtype=np.int32)
            tfs = np.concatenate([c for _, c in parts]) if parts else np.empty(0, dtype=np.float32)
            rows = np.repeat(np.arange(len(parts)), [len(t) for t, _ in parts]) if parts else np.empty(0, np.int64)
            matrix = sparse.csc_matrix((tfs, (rows, cols)), shape=(len(parts), len(self._terms)))
            self._delta = (matrix, ids, lengths)
        return self._delta

    def _raw_arrays(self, query_text: str) -> tuple[np.ndarray, np.ndarray, float]:
        """(ids, raw BM25 scores, idf mass) of every posting with any hit.

        Base rows: one column slice and one sparse product (a common bigram such as 工作 hits
        nearly all postings); pending rows: the same over their small CSC, at the current length.
        """
        query_terms = _query_terms(query_text, self._mode)
        cols = np.asarray(sorted({self._vocab[t] for t in query_terms if t in self._vocab}), dtype=np.int64)
        empty = np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32), 0.0
        if cols.size == 0:
            return empty
        base_cols = cols[cols < self._base.shape[1]]
        base_part = self._base[:, base_cols] if base_cols.size else None
        df = np.zeros(len(cols), dtype=np.float64)
        if base_part is not None and self._base_live_count == len(self._base_ids):
            df[: len(base_cols)] = np.diff(base_part.indptr)  # no dead rows: a column's length is its df
        elif base_part is not None:
            live = self._base_live[base_part.indices]
            per_col = np.repeat(np.arange(len(base_cols)), np.diff(base_part.indptr))
            df[: len(base_cols)] = np.bincount(per_col, weights=live, minlength=len(base_cols))
        delta, delta_ids, delta_len = self._delta_matrix()
        delta_part = delta[:, cols] if len(delta_ids) else None
        if delta_part is not None:
            df += np.diff(delta_part.indptr)  # a pending posting is live by definition
        present = df > 0
        if not present.any():
            return empty
        n_docs = len(self)
        idf = np.where(present, np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5)), 0.0)
        id_parts: list[np.ndarray] = []
        score_parts: list[np.ndarray] = []
        if base_part is not None and base_part.nnz:
            weights = idf[: len(base_cols)].astype(np.float32)
            column_scores = np.asarray(base_part @ weights).ravel()
            keep = (column_scores > 0) & self._base_live
            id_parts.append(self._base_ids[keep])
            score_parts.append(column_scores[keep].astype(np.float32))
        if delta_part is not None and delta_part.nnz:
            # Scored at the current average length: the base's frozen one may be from a much
            # smaller corpus, or none at all.
            avgdl = max(self._total_len / max(n_docs, 1), 1.0)
            rows = delta_part.indices
            per_col = np.repeat(np.arange(len(cols)), np.diff(delta_part.indptr))
            tf = delta_part.data.astype(np.float64)
            norm = self.K1 * (1 - self.B + self.B * delta_len[rows] / avgdl)
            contributions = idf[per_col] * tf * (self.K1 + 1) / (tf + norm)
            scores = np.bincount(rows, weights=contributions, minlength=len(delta_ids))
            keep = scores > 0
            id_parts.append(delta_ids[keep])
            score_parts.append(scores[keep].astype(np.float32))
        if not id_parts:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32), float(idf.sum())
        return np.concatenate(id_parts), np.concatenate(score_parts), float(idf.sum())

    def score_arrays(self, query_text: str) -> tuple[np.ndarray, np.ndarray]:
        """(ids, scores in [0, 1]) of every posting with any hit: the vectorised form of ``scores``."""
        with self._lock:
            ids, raw, idf_mass = self._raw_arrays(query_text)
        if not idf_mass:
            return ids, raw
        return ids, np.minimum(raw / idf_mass, 1.0)

    def _raw_scores(self, query_text: str) -> tuple[dict[int, float], float]:
        ids, raw, idf_mass = self._raw_arrays(query_text)
        return dict(zip(ids.tolist(), raw.tolist(), strict=True)), idf_mass

    def scores(self, query_text: str, candidate_ids: Iterable[int] | None = None) -> dict[int, float]:
        """BM25 in [0, 1] per posting with any hit (or for each candidate, 0.0 when no hit).

        Built on the vectorised ``score_arrays``; with candidates, only they become dict entries
        (fair pairing asks for a few booth jobs per graduate, not for every posting with a hit)."""
        ids, values = self.score_arrays(query_text)
        if candidate_ids is None:
            return dict(zip(ids.tolist(), values.tolist(), strict=True))
        wanted = [int(i) for i in candidate_ids]
        hit = np.isin(ids, np.asarray(wanted, dtype=np.int64))
        found = dict(zip(ids[hit].tolist(), values[hit].tolist(), strict=True))
        return {i: found.get(i, 0.0) for i in wanted}

    def top(self, query_text: str, k: int) -> list[tuple[int, float]]:
        """The ``k`` best lexical hits, best first: lexical candidate generation."""
        ranked = sorted(self.scores(query_text).items(), key=lambda item: (-item[1], item[0]))
        return ranked[:k]
