"""A bounded cache of query vectors, keyed by (model id, exact text).

An unsaved profile sent to /v1/match has no stored embedding, so every call used to embed it again:
most of a ~110 ms request on 3,499 postings. Platforms re-send the same profile as a user pages,
filters or retries, so the same text recurs. The key carries the model id, so a model change can
never serve a vector made by another model; entries are least-recently-used first out, so memory
stays at ``max_entries`` vectors (384 float32 each for e5-small: ~1.5 KB). The text is kept as its
SHA-256, not as itself: an unsaved profile is "not stored", and its wording (an intro may name a
school, a town, an illness) should not sit in a process's memory for hours either.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from app.matching.encoder import Encoder


class QueryVectorCache:
    def __init__(self, *, max_entries: int) -> None:
        self.max_entries = max_entries
        self._vectors: OrderedDict[tuple[str, bytes], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._vectors)

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()
            self.hits = self.misses = 0

    def encode_queries(self, encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
        """Rows as ``encoder.encode_queries(texts)`` would give them; only unseen texts reach it."""
        return self._encode(encoder, texts, kind="query")

    def encode_passages(self, encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
        """Rows as ``encoder.encode_passages(texts)`` would give them (the embedding worker's posting
        titles, which repeat: 会计, 销售代表 …); a passage never answers for the same text as a query."""
        return self._encode(encoder, texts, kind="passage")

    def _encode(self, encoder: Encoder, texts: Sequence[str], *, kind: str) -> np.ndarray:
        texts = list(texts)
        model_id = encoder.model_id if kind == "query" else f"{encoder.model_id}#{kind}"
        keys = {text: (model_id, hashlib.sha256(text.encode()).digest()) for text in texts}
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for text in texts:
                vector = self._vectors.get(keys[text])
                if vector is not None:
                    self._vectors.move_to_end(keys[text])
                    found[text] = vector
            missing = [text for text in dict.fromkeys(texts) if text not in found]
            self.hits += len(texts) - len(missing)
            self.misses += len(missing)
        if missing:
            # Encoded outside the lock: the encoder serialises its own calls, and a slow encoding
            # must not hold up hits for other requests. Two threads missing the same text both encode
            # it once; the second store is harmless.
            fresh = encoder.encode_queries(missing) if kind == "query" else encoder.encode_passages(missing)
            with self._lock:
                for text, vector in zip(missing, fresh, strict=True):
                    found[text] = vector
                    if self.max_entries > 0:
                        self._vectors[keys[text]] = vector
                        self._vectors.move_to_end(keys[text])
                while len(self._vectors) > self.max_entries:
                    self._vectors.popitem(last=False)
        if not texts:
            return np.zeros((0, encoder.dim), dtype=np.float32)
        return np.vstack([found[text] for text in texts])
