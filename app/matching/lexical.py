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
import math
import re
import threading
import unicodedata
from functools import lru_cache
from collections import Counter
from collections.abc import Iterable, Sequence
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


class LexicalIndex:
    """BM25 over postings, updatable by id.

    Saturated term frequencies live in a sparse matrix snapshot (fast column sums at 100k
    postings); postings changed since the snapshot are scored from their token counts, and the
    snapshot is rebuilt once the changes exceed ``rebuild_after`` or 10% of the postings.
    Document frequencies are kept exact at all times; the average length is frozen per snapshot.
    One lock serialises writes and scoring, so it can be shared by request threads.
    """

    K1 = 1.2
    B = 0.75

    def __init__(self, *, mode: TokenMode = TOKEN_MODE, rebuild_after: int = 1000) -> None:
        self._mode = mode
        self._rebuild_after = rebuild_after
        self._docs: dict[int, Counter[str]] = {}
        self._df: Counter[str] = Counter()
        self._total_len = 0
        self._lock = threading.RLock()
        self._dirty: set[int] = set()  # changed or removed since the snapshot
        self._snapshot_ids = np.empty(0, dtype=np.int64)
        self._snapshot_row: dict[int, int] = {}
        self._vocab: dict[str, int] = {}
        self._matrix = sparse.csc_matrix((0, 0), dtype=np.float32)

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    def upsert(self, doc_id: int, text: str) -> None:
        self.upsert_many([(doc_id, text)])

    def upsert_many(self, items: Iterable[tuple[int, str]]) -> None:
        # Tokenising (jieba) is the slow part: done before taking the lock so that scoring
        # continues while a large batch is indexed.
        tokenized = [(int(doc_id), Counter(tokenize(text, mode=self._mode))) for doc_id, text in items]
        with self._lock:
            for doc_id, counts in tokenized:
                self._drop(doc_id)
                self._docs[doc_id] = counts
                self._df.update(counts.keys())
                self._total_len += sum(counts.values())
                self._dirty.add(doc_id)
            self._maybe_rebuild()

    def remove(self, ids: Iterable[int]) -> None:
        with self._lock:
            for doc_id in ids:
                self._drop(int(doc_id))
            self._maybe_rebuild()

    def _drop(self, doc_id: int) -> None:
        counts = self._docs.pop(doc_id, None)
        if counts is None:
            return
        self._df.subtract(counts.keys())
        self._total_len -= sum(counts.values())
        self._dirty.add(doc_id)

    def _maybe_rebuild(self) -> None:
        if len(self._dirty) > max(self._rebuild_after, len(self._docs) // 10):
            self._rebuild()

    def _rebuild(self) -> None:
        ids = np.fromiter(self._docs.keys(), dtype=np.int64, count=len(self._docs))
        avgdl = max(self._total_len / max(len(ids), 1), 1.0)
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        values: list[float] = []
        for row, doc_id in enumerate(ids.tolist()):
            counts = self._docs[doc_id]
            norm = self.K1 * (1 - self.B + self.B * sum(counts.values()) / avgdl)
            for term, tf in counts.items():
                rows.append(row)
                cols.append(vocab.setdefault(term, len(vocab)))
                values.append(tf * (self.K1 + 1) / (tf + norm))
        matrix = sparse.csc_matrix(
            (np.asarray(values, dtype=np.float32), (rows, cols)), shape=(len(ids), len(vocab))
        )
        self._snapshot_ids, self._vocab, self._matrix = ids, vocab, matrix
        self._snapshot_row = {doc_id: row for row, doc_id in enumerate(ids.tolist())}
        self._dirty = set()

    def _idf(self, term: str) -> float:
        df = self._df.get(term, 0)
        return math.log(1.0 + (len(self._docs) - df + 0.5) / (df + 0.5))

    def _raw_arrays(self, query_text: str) -> tuple[np.ndarray, np.ndarray, float]:
        """(ids, raw BM25 scores, idf mass) of every posting with any hit.

        The snapshot part is one sparse product with no Python loop over postings (a common bigram
        such as 工作 hits nearly all of them); only postings changed since the snapshot are scored
        one by one.
        """
        terms = [t for t in set(tokenize(query_text, mode=self._mode)) if self._df.get(t, 0) > 0]
        if not terms:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32), 0.0
        idf = {t: self._idf(t) for t in terms}
        id_parts: list[np.ndarray] = []
        score_parts: list[np.ndarray] = []
        cols = [(self._vocab[t], idf[t]) for t in terms if t in self._vocab]
        if cols and self._matrix.shape[0]:
            weights = np.array([w for _, w in cols], dtype=np.float32)
            column_scores = np.asarray(self._matrix[:, [c for c, _ in cols]] @ weights).ravel()
            keep = column_scores > 0
            if self._dirty:
                keep &= ~np.isin(self._snapshot_ids, np.fromiter(self._dirty, dtype=np.int64))
            id_parts.append(self._snapshot_ids[keep])
            score_parts.append(column_scores[keep].astype(np.float32))
        # Changed since the snapshot: scored from token counts with the current average length
        # (the snapshot's frozen one may be from a much smaller corpus, or none at all).
        avgdl = max(self._total_len / max(len(self._docs), 1), 1.0)
        dirty_ids: list[int] = []
        dirty_scores: list[float] = []
        for doc_id in self._dirty:
            counts = self._docs.get(doc_id)
            if counts is None:
                continue
            norm = self.K1 * (1 - self.B + self.B * sum(counts.values()) / avgdl)
            score = sum(
                idf[t] * counts[t] * (self.K1 + 1) / (counts[t] + norm) for t in terms if t in counts
            )
            if score > 0:
                dirty_ids.append(doc_id)
                dirty_scores.append(score)
        id_parts.append(np.asarray(dirty_ids, dtype=np.int64))
        score_parts.append(np.asarray(dirty_scores, dtype=np.float32))
        return np.concatenate(id_parts), np.concatenate(score_parts), sum(idf.values())

    def score_arrays(self, query_text: str) -> tuple[np.ndarray, np.ndarray]:
        """(ids, scores in [0, 1]) of every posting with any hit: the vectorised form of ``scores``."""
        with self._lock:
            ids, raw, idf_mass = self._raw_arrays(query_text)
        if not idf_mass:
            return ids, raw
        return ids, np.minimum(raw / idf_mass, 1.0)

    def compact(self) -> None:
        """Fold every pending change into the snapshot (after a bulk load), so queries stay vectorised."""
        with self._lock:
            if self._dirty:
                self._rebuild()

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
